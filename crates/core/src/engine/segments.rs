//! Splitting a message into tappable phrases for flag spotting.
//!
//! Each red-flag quote becomes its own phrase; the rest of the text is cut
//! after punctuation, so the learner has plausible innocent phrases to choose
//! from too and cannot find the flags just by looking for the only buttons.
//! A number, an amount, a domain, a URL or an e-mail address is never cut:
//! "¥150,000", "2.8%", "huarui-tech.com" and "https://…" stay one phrase.

use crate::content::Message;

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
    // Byte ranges of each flag's first occurrence, in text order, without overlaps.
    let mut ranges: Vec<(usize, usize, usize)> = message
        .flags
        .iter()
        .enumerate()
        .filter_map(|(i, flag)| {
            let quote = flag.quote.get(lang).trim();
            (!quote.is_empty()).then(|| text.find(quote).map(|at| (at, at + quote.len(), i))).flatten()
        })
        .collect();
    ranges.sort();
    let mut out = Vec::new();
    let mut pos = 0;
    for (start, end, flag) in ranges {
        if start < pos {
            continue; // overlapping quotes: the earlier one wins
        }
        split_plain(&text[pos..start], &mut out);
        out.push(Segment { text: text[start..end].to_string(), flag: Some(flag) });
        pos = end;
    }
    split_plain(&text[pos..], &mut out);
    out
}

/// Cuts plain text after each break character. Lone punctuation never becomes
/// a button of its own: it is glued to the phrase before it (a flag too).
fn split_plain(text: &str, out: &mut Vec<Segment>) {
    let mut start = 0;
    let mut prev = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        let next = chars.peek().map(|&(_, c)| c);
        let inside_token = joins_token(prev, ch, next);
        prev = Some(ch);
        if BREAKS.contains(&ch) && !inside_token {
            let end = i + ch.len_utf8();
            push_plain(&text[start..end], out);
            start = end;
        }
    }
    push_plain(&text[start..], out);
}

/// Whether `ch` joins the characters around it into one token rather than
/// ending a phrase: the '.' of "2.8%" or "tech.com", the ',' of "150,000",
/// the ':' of "https://" or "10:30". Prose puts a space after these.
pub fn joins_token(prev: Option<char>, ch: char, next: Option<char>) -> bool {
    matches!(ch, '.' | ',' | ':')
        && prev.is_some_and(|p| p.is_ascii_alphanumeric())
        && next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '/')
}

fn push_plain(piece: &str, out: &mut Vec<Segment>) {
    if piece.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if is_fragment(piece) => last.text.push_str(piece),
        _ => out.push(Segment { text: piece.to_string(), flag: None }),
    }
}

fn is_fragment(piece: &str) -> bool {
    piece.chars().all(|c| BREAKS.contains(&c) || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Flag, Localized, Sender};

    fn loc(zh: &str, en: &str) -> Localized {
        Localized([("zh-CN".to_string(), zh.to_string()), ("en".to_string(), en.to_string())].into())
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
    fn a_message_without_flags_is_still_tappable_phrases() {
        let mut m = message();
        m.flags.clear();
        let segs = segments(&m, "zh-CN");
        assert_eq!(segs.len(), 4);
        assert!(segs.iter().all(|s| s.flag.is_none()));
    }
}
