//! Splitting a message into tappable phrases for flag spotting.
//!
//! The text is cut into clauses after punctuation, so the learner has
//! plausible innocent phrases to choose from too. Each red-flag quote's
//! phrase is widened to the whole clauses it touches, so a flag is cut by the
//! same rule as every other phrase and never shows as the only oddly cut
//! button ("押金，马上" beside whole clauses). Two flags in one clause share
//! it, cut where the second begins. The quote itself (the debrief's words)
//! is unchanged. A number, an amount, a domain, a URL or an e-mail address is
//! never cut: "¥150,000", "2.8%", "huarui-tech.com" and "https://…" stay one phrase.

use crate::content::Message;
use std::ops::Range;

/// A phrase of a message. `flag` is the index of the flag it quotes, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub flag: Option<usize>,
}

const BREAKS: &[char] = &['，', '。', '！', '？', '；', '：', ',', '.', '!', '?', ';', '\n'];

/// The phrases of `message` in `lang`. Joining their texts gives the message back.
pub fn segments(message: &Message, lang: &str) -> Vec<Segment> {
    let text = message.text.get(lang);
    let clauses = clauses(text);
    let mut out = Vec::new();
    let mut pos = 0;
    for (range, flag) in flag_buttons(message, lang, &clauses) {
        out.extend(clauses.iter().filter(|c| c.start >= pos && c.end <= range.start).map(|c| plain(&text[c.clone()])));
        out.push(Segment { text: text[range.clone()].to_string(), flag: Some(flag) });
        pos = range.end;
    }
    out.extend(clauses.iter().filter(|c| c.start >= pos).map(|c| plain(&text[c.clone()])));
    out
}

fn plain(text: &str) -> Segment {
    Segment { text: text.to_string(), flag: None }
}

/// Byte ranges of each flag's phrase, in text order: its quote's first
/// occurrence (an overlapping later quote is dropped) widened to whole clauses.
fn flag_buttons(message: &Message, lang: &str, clauses: &[Range<usize>]) -> Vec<(Range<usize>, usize)> {
    let text = message.text.get(lang);
    // In text order, each put in place as found: a message has a few flags,
    // and a sort routine would cost the wasm more than this loop.
    let mut quotes: Vec<(usize, usize, usize)> = Vec::new();
    for (i, flag) in message.flags.iter().enumerate() {
        let quote = flag.quote.get(lang).trim();
        if let Some(at) = crate::scan::find(text, quote).filter(|_| !quote.is_empty()) {
            let found = (at, at + quote.len(), i);
            quotes.insert(quotes.partition_point(|earlier| *earlier < found), found);
        }
    }
    let mut buttons: Vec<(Range<usize>, usize)> = Vec::new();
    let mut quoted_up_to = 0;
    for (start, end, flag) in quotes {
        if start < quoted_up_to {
            continue; // overlapping quotes: the earlier one wins
        }
        quoted_up_to = end;
        let from = clauses.iter().rev().find(|c| c.start <= start).map_or(0, |c| c.start);
        let to = clauses.iter().find(|c| c.end >= end).map_or(text.len(), |c| c.end);
        let from = match buttons.last_mut() {
            // Sharing a clause with the flag before: the cut falls where this quote begins.
            Some((previous, _)) if previous.end > from => {
                previous.end = start;
                start
            }
            _ => from,
        };
        buttons.push((from..to, flag));
    }
    buttons
}

/// The clauses of `text` as byte ranges, in order and covering it: cut
/// after each break character (a space after it starts the next clause).
/// Punctuation alone never makes a clause: "！！" stays with the clause before it.
pub fn clauses(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    let mut prev = None;
    let mut chars = text.char_indices().peekable();
    let cut = |out: &mut Vec<Range<usize>>, start: usize, end: usize| match out.last_mut() {
        _ if start == end => {}
        Some(last) if is_fragment(&text[start..end]) => last.end = end,
        _ => out.push(start..end),
    };
    while let Some((i, ch)) = chars.next() {
        let next = chars.peek().map(|&(_, c)| c);
        let inside_token = joins_token(prev, ch, next);
        prev = Some(ch);
        if BREAKS.contains(&ch) && !inside_token {
            let end = i + ch.len_utf8();
            cut(&mut out, start, end);
            start = end;
        }
    }
    cut(&mut out, start, text.len());
    out
}

/// Whether `ch` joins the characters around it into one token rather than
/// ending a phrase: the '.' of "2.8%" or "tech.com", the ',' of "150,000",
/// the ':' of "https://" or "10:30". Prose puts a space after these.
pub fn joins_token(prev: Option<char>, ch: char, next: Option<char>) -> bool {
    matches!(ch, '.' | ',' | ':')
        && prev.is_some_and(|p| p.is_ascii_alphanumeric())
        && next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '/')
}

fn is_fragment(piece: &str) -> bool {
    piece.chars().all(|c| BREAKS.contains(&c) || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Flag, Localized, Sender};

    fn loc(zh: &str, en: &str) -> Localized {
        [("zh-CN".to_string(), zh.to_string()), ("en".to_string(), en.to_string())].into_iter().collect()
    }

    fn message() -> Message {
        Message {
            from: Sender::Contact,
            text: loc("你好！先垫付298元，马上返还。名额有限", "Hi! Advance ¥298, get it back now. Few places"),
            flags: vec![
                Flag { quote: loc("名额有限", "Few places"), why: loc("急", "rush"), technique: None },
                Flag {
                    quote: loc("先垫付298元", "Advance ¥298"), why: loc("先付钱", "pay first"), technique: None
                },
            ],
            card: None,
        }
    }

    #[test]
    fn flags_become_their_own_phrases_and_text_is_kept_whole() {
        let segs = segments(&message(), "zh-CN");
        let texts: Vec<&str> = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["你好！", "先垫付298元，", "马上返还。", "名额有限"]);
        assert_eq!(segs[1].flag, Some(1));
        assert_eq!(segs[3].flag, Some(0));
        assert_eq!(segs.iter().filter(|s| s.flag.is_none()).count(), 2);
    }

    #[test]
    fn english_splits_at_its_own_punctuation() {
        let segs = segments(&message(), "en");
        let joined: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, message().text.get("en"));
        assert_eq!(segs.iter().filter(|s| s.flag.is_some()).count(), 2);
        assert!(segs.iter().any(|s| s.text.trim() == "Hi!"));
    }

    #[test]
    fn numbers_amounts_domains_and_urls_stay_whole() {
        let mut m = message();
        m.flags.clear();
        m.text = loc(
            "转¥150,000到账户，年化2.3%–2.8%。联系hr@huarui-tech.com。",
            "Rates 2.3%. See https://huarui-tech.com/job, at 10:30. Pay ¥1,500.",
        );
        let zh: Vec<String> = segments(&m, "zh-CN").into_iter().map(|s| s.text).collect();
        assert_eq!(zh, ["转¥150,000到账户，", "年化2.3%–2.8%。", "联系hr@huarui-tech.com。"]);
        let en: Vec<String> = segments(&m, "en").into_iter().map(|s| s.text).collect();
        assert_eq!(en, ["Rates 2.3%.", " See https://huarui-tech.com/job,", " at 10:30.", " Pay ¥1,500."]);
    }

    #[test]
    fn a_flag_quoted_mid_clause_is_widened_to_its_whole_clause() {
        let mut m = message();
        m.text = loc("你好！请先交押金才能上岗，名额有限。", "Hi! You must pay a deposit to start, few places.");
        m.flags =
            vec![Flag { quote: loc("押金", "pay a deposit"), why: loc("先付钱", "pay first"), technique: None }];
        let zh: Vec<(String, Option<usize>)> = segments(&m, "zh-CN").into_iter().map(|s| (s.text, s.flag)).collect();
        assert_eq!(
            zh,
            [("你好！".into(), None), ("请先交押金才能上岗，".into(), Some(0)), ("名额有限。".into(), None)]
        );
        let en: Vec<String> = segments(&m, "en").into_iter().map(|s| s.text).collect();
        assert_eq!(en, ["Hi!", " You must pay a deposit to start,", " few places."]);
        assert_eq!(m.flags[0].quote.get("en"), "pay a deposit", "the debrief still quotes the words themselves");
    }

    #[test]
    fn two_flags_in_one_clause_share_it_cut_where_the_second_begins() {
        let mut m = message();
        m.text = loc("先垫付298元马上返还。谢谢", "Advance ¥298 and get it back now. Thanks");
        m.flags = vec![
            Flag { quote: loc("马上返还", "get it back now"), why: loc("急", "rush"), technique: None },
            Flag { quote: loc("垫付298元", "Advance ¥298"), why: loc("先付钱", "pay first"), technique: None },
        ];
        let zh: Vec<(String, Option<usize>)> = segments(&m, "zh-CN").into_iter().map(|s| (s.text, s.flag)).collect();
        assert_eq!(zh, [("先垫付298元".into(), Some(1)), ("马上返还。".into(), Some(0)), ("谢谢".into(), None)]);
        let en: Vec<String> = segments(&m, "en").into_iter().map(|s| s.text).collect();
        assert_eq!(en, ["Advance ¥298 and ", "get it back now.", " Thanks"]);
    }

    #[test]
    fn clauses_cover_the_text_and_keep_repeated_punctuation_with_the_clause_before() {
        let text = "你好！！ 先交钱，马上。。";
        let cut: Vec<&str> = clauses(text).into_iter().map(|c| &text[c]).collect();
        assert_eq!(cut, ["你好！！", " 先交钱，", "马上。。"]);
        assert!(clauses("").is_empty());
    }

    #[test]
    fn a_message_without_flags_is_still_tappable_phrases() {
        let mut m = message();
        m.flags.clear();
        let segs = segments(&m, "zh-CN");
        assert_eq!(segs.len(), 4);
        assert!(segs.iter().all(|s| s.flag.is_none()));
    }
}
