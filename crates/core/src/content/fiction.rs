//! Fictional-safe by rule (docs/authoring.md): finds the details in a
//! learner-facing text that could belong to someone real. China reserves no
//! number range for fiction and cheap domains can be registered by anyone, so
//! numbers appear masked as real apps show them (`170****5536`), domains use
//! reserved names (`.example`, `.test`, `.invalid`), and invented parties
//! avoid the real brands on the catalog's denylist. Money, times, dates,
//! percentages, pickup codes (8-3-2107) and file names pass.

use super::model::Fiction;
use super::problem::Problem;
use std::ops::Range;

/// One detail that is not fictional-safe: its bytes in the text and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub range: Range<usize>,
    pub problem: Problem,
}

/// Every detail of `text` that is not fictional-safe, in text order.
pub fn findings(text: &str, fiction: &Fiction) -> Vec<Finding> {
    let mut found: Vec<Finding> =
        number_runs(text).into_iter().filter_map(|run| judge_number(text, run, fiction)).collect();
    found.extend(hosts(text).into_iter().filter_map(|range| judge_host(text, range, fiction)));
    found.extend(denied_names(text, fiction));
    found.sort_by_key(|f| f.range.start);
    found
}

// ---------------------------------------------------------------- numbers

/// Longest stretch of plain digits a masked number may show (`1069****4566`).
const MASKED_SHOWS_AT_MOST: usize = 4;
/// Digit groups joined by a space or hyphen are one number when both have at
/// least this many characters: `0571-8823-6621` is one, a pickup code
/// `8-3-2107` or a date `2026-11-30` is not.
const JOINED_GROUP: usize = 3;
/// A hyphen joins only when one side has this many: `100-300` is a range.
const HYPHENED_GROUP: usize = 4;
const CARD_DIGITS: Range<usize> = 16..20;

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_mask(c: char) -> bool {
    c == '*' || c == '＊'
}

/// A number as written: digit groups (with masks) and what joins them.
struct NumberRun {
    range: Range<usize>,
    /// Joined by a decimal point or a thousands comma: an amount, a rate, a version.
    has_point: bool,
    has_mask: bool,
    /// The digits alone, ASCII.
    digits: String,
    /// The longest stretch of digits with no mask or separator in it.
    longest_plain: usize,
}

/// Splits `text` into digit groups (digits and masks) with the byte ranges
/// of each, then joins neighbours into numbers.
fn number_runs(text: &str) -> Vec<NumberRun> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut groups: Vec<Range<usize>> = Vec::new(); // indices into `chars`
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && (is_digit(chars[i].1) || is_mask(chars[i].1)) {
            i += 1;
        }
        if i > start {
            groups.push(start..i);
        } else {
            i += 1;
        }
    }
    let byte = |index: usize| chars.get(index).map_or(text.len(), |&(b, _)| b);
    let mut runs: Vec<NumberRun> = Vec::new();
    let mut previous: Option<Range<usize>> = None;
    for group in groups {
        let joined = previous.as_ref().and_then(|prev| {
            (group.start == prev.end + 1).then(|| joiner(chars[prev.end].1, prev.len(), group.len())).flatten()
        });
        let plain = plain_stretch(&chars[group.clone()]);
        match (joined, runs.last_mut()) {
            (Some(point), Some(run)) => {
                run.range.end = byte(group.end);
                run.has_point |= point;
                run.longest_plain = run.longest_plain.max(plain);
            }
            _ => runs.push(NumberRun {
                range: byte(group.start)..byte(group.end),
                has_point: false,
                has_mask: false,
                digits: String::new(),
                longest_plain: plain,
            }),
        }
        previous = Some(group);
    }
    for run in &mut runs {
        let written = &text[run.range.clone()];
        run.has_mask = written.chars().any(is_mask);
        run.digits = written.chars().filter_map(ascii_digit).collect();
    }
    runs.retain(|run| !run.digits.is_empty());
    runs
}

/// Whether `separator` between groups of `before` and `after` characters
/// joins them: `Some(true)` as a decimal point or thousands comma,
/// `Some(false)` as a space or hyphen inside a phone or card number.
fn joiner(separator: char, before: usize, after: usize) -> Option<bool> {
    match separator {
        '.' => Some(true),
        ',' if after == 3 => Some(true),
        ' ' | '\u{a0}' if before >= JOINED_GROUP && after >= JOINED_GROUP => Some(false),
        '-' | '－' | '–' if before.min(after) >= JOINED_GROUP && before.max(after) >= HYPHENED_GROUP => Some(false),
        _ => None,
    }
}

fn plain_stretch(group: &[(usize, char)]) -> usize {
    group.split(|&(_, c)| is_mask(c)).map(<[_]>::len).max().unwrap_or(0)
}

fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        _ => None,
    }
}

fn judge_number(text: &str, run: NumberRun, fiction: &Fiction) -> Option<Finding> {
    let number = text[run.range.clone()].to_string();
    let problem = if run.has_mask {
        if run.longest_plain <= MASKED_SHOWS_AT_MOST {
            return None;
        }
        Problem::LongNumber { number }
    } else if run.digits.len() < 5
        || run.has_point
        || is_money(text, &run.range)
        || is_official(&run.digits, fiction)
        || is_year_range(&number)
    {
        return None;
    } else if CARD_DIGITS.contains(&run.digits.len()) {
        Problem::CardNumber { number }
    } else if is_mobile(&run.digits) {
        Problem::UnmaskedMobile { number }
    } else {
        Problem::LongNumber { number }
    };
    Some(Finding { range: run.range, problem })
}

/// Two years joined by a hyphen or dash: `2024-2025学年`.
fn is_year_range(written: &str) -> bool {
    let years: Vec<&str> = written.split(['-', '－', '–']).collect();
    years.len() == 2
        && years.iter().all(|year| year.len() == 4 && (year.starts_with("19") || year.starts_with("20")))
        && years.iter().all(|year| year.bytes().all(|b| b.is_ascii_digit()))
}

/// 11 digits from a mainland mobile range: 13x to 19x.
fn is_mobile(digits: &str) -> bool {
    let bytes = digits.as_bytes();
    bytes.len() == 11 && bytes[0] == b'1' && (b'3'..=b'9').contains(&bytes[1])
}

const CURRENCY_BEFORE: &[&str] = &["¥", "￥", "$", "rmb", "cny", "usd"];
const UNIT_AFTER: &[&str] = &["元", "万", "块", "亿", "美元", "港元", "港币", "yuan", "rmb", "usdt", "usd", "dollars"];

/// Whether the number at `range` is an amount of money: a currency sign
/// before it or a unit after it, a space apart at most.
fn is_money(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].trim_end().to_ascii_lowercase();
    let after = text[range.end..].trim_start().to_ascii_lowercase();
    CURRENCY_BEFORE.iter().any(|sign| before.ends_with(sign)) || UNIT_AFTER.iter().any(|unit| after.starts_with(unit))
}

/// Whether `digits` is on the catalog's list of official numbers (`x`: any digit).
fn is_official(digits: &str, fiction: &Fiction) -> bool {
    fiction.numbers.iter().any(|pattern| {
        pattern.len() == digits.len() && pattern.chars().zip(digits.chars()).all(|(p, d)| p == 'x' || p == d)
    })
}

// ------------------------------------------------------------------ hosts

/// Names that are reserved for examples and never registered (RFC 2606, RFC 6761).
const RESERVED_TOP: &[&str] = &["example", "test", "invalid", "localhost"];
const RESERVED_SECOND: &[&str] = &["example.com", "example.net", "example.org"];
/// Names that end a file name, not a host: `合同.pdf`, `app.apk`.
const FILE_ENDINGS: &[&str] = &[
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "csv", "jpg", "jpeg", "png", "gif", "webp", "mp3",
    "mp4", "mov", "avi", "apk", "ipa", "exe", "zip", "rar", "html", "htm", "js", "css", "json", "toml",
];
/// Suffixes only authorities hold.
const AUTHORITY_SUFFIXES: &[&str] = &["edu.cn", "gov.cn"];

fn is_host_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '.'
}

/// The byte ranges of what looks like a host name: two or more labels of
/// letters, digits and hyphens joined by dots, ending in a name of letters.
/// In an e-mail address, the part after `@`.
fn hosts(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut rest = text.char_indices().peekable();
    while let Some((start, c)) = rest.next() {
        if !is_host_char(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(at, c)) = rest.peek().filter(|&&(_, c)| is_host_char(c)) {
            end = at + c.len_utf8();
            rest.next();
        }
        let word = &text[start..end];
        // Dots and hyphens at the edges end a sentence or a list, not a host.
        let lead = word.len() - word.trim_start_matches(['.', '-']).len();
        let host = word.trim_matches(['.', '-']);
        if looks_like_host(host) {
            out.push(start + lead..start + lead + host.len());
        }
    }
    out
}

fn looks_like_host(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    let Some(&top) = labels.last() else { return false };
    let mixed_case = top.chars().any(|c| c.is_ascii_uppercase()) && top.chars().any(|c| c.is_ascii_lowercase());
    labels.len() >= 2
        && labels.iter().all(|label| !label.is_empty())
        && top.len() >= 2
        && top.chars().all(|c| c.is_ascii_alphabetic())
        // "Mr.Li", "done.Then": a missing space before a capitalised word.
        && !mixed_case
        && !FILE_ENDINGS.contains(&top.to_ascii_lowercase().as_str())
}

fn judge_host(text: &str, range: Range<usize>, fiction: &Fiction) -> Option<Finding> {
    let host = text[range.clone()].to_ascii_lowercase();
    let under = |suffix: &str| host == suffix || host.ends_with(&format!(".{suffix}"));
    let top = host.rsplit('.').next().unwrap_or_default();
    let allowed = RESERVED_TOP.contains(&top)
        || RESERVED_SECOND.iter().any(|name| under(name))
        // A suffix named on its own ("real sites end in gov.cn") is a lesson, not a host.
        || AUTHORITY_SUFFIXES.contains(&host.as_str())
        || fiction.hosts.iter().any(|name| under(&name.to_ascii_lowercase()));
    if allowed {
        return None;
    }
    let host = text[range.clone()].to_string();
    let problem = if AUTHORITY_SUFFIXES.iter().any(|suffix| under(suffix)) {
        Problem::AuthorityDomain { host }
    } else {
        Problem::RealDomain { host }
    };
    Some(Finding { range, problem })
}

// ------------------------------------------------------------------ names

/// Every place a denied name appears, ignoring the case of Latin letters.
fn denied_names(text: &str, fiction: &Fiction) -> Vec<Finding> {
    // ASCII lowering keeps every byte offset where it was.
    let lowered = text.to_ascii_lowercase();
    let mut out = Vec::new();
    for name in fiction.denylist.iter().filter(|name| !name.trim().is_empty()) {
        for (at, _) in lowered.match_indices(&name.to_ascii_lowercase()) {
            let range = at..at + name.len();
            out.push(Finding { range, problem: Problem::DeniedName { name: name.clone() } });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fiction() -> Fiction {
        let list = |items: &[&str]| items.iter().map(|s| s.to_string()).collect();
        Fiction {
            numbers: list(&["110", "96110", "12381", "12321", "12345", "12306", "95xxx"]),
            hosts: list(&["12306.cn", "taobao.com"]),
            denylist: list(&["心遇", "YouPin", "bitex"]),
        }
    }

    /// What is found in `text`: each finding's code and the words it points at.
    fn found(text: &str) -> Vec<(String, &str)> {
        findings(text, &fiction()).into_iter().map(|f| (f.problem.code().to_string(), &text[f.range])).collect()
    }

    fn passes(text: &str) {
        assert_eq!(found(text), vec![], "{text}");
    }

    #[test]
    fn an_unmasked_mobile_is_found_with_or_without_spaces() {
        assert_eq!(found("请加我微信13812345678哦"), vec![("SS0042".into(), "13812345678")]);
        assert_eq!(found("call 138 1234 5678 now"), vec![("SS0042".into(), "138 1234 5678")]);
    }

    #[test]
    fn masked_numbers_pass() {
        passes("来电 170****5536，短信 1069****4566，座机 0571-8***-6621");
        passes("卡号 6217 **** **** 8830，会议号 8** *** 512，QQ 28****31");
    }

    #[test]
    fn a_mask_that_still_shows_five_digits_is_found() {
        assert_eq!(found("尾号 13812345***"), vec![("SS0043".into(), "13812345***")]);
    }

    #[test]
    fn long_runs_are_found_also_across_hyphens_and_spaces() {
        assert_eq!(found("座机0571-8823-6621"), vec![("SS0043".into(), "0571-8823-6621")]);
        assert_eq!(found("tel 0571–8823–6621"), vec![("SS0043".into(), "0571–8823–6621")]);
        assert_eq!(found("验证码 482193"), vec![("SS0043".into(), "482193")]);
        assert_eq!(found("call 13812345678,2"), vec![("SS0042".into(), "13812345678")]);
        assert_eq!(found("订单号2023112912"), vec![("SS0043".into(), "2023112912")]);
    }

    #[test]
    fn card_numbers_have_their_own_problem() {
        assert_eq!(found("转到 6217 0000 1234 8830 就行"), vec![("SS0044".into(), "6217 0000 1234 8830")]);
        assert_eq!(found("6217000012348830123"), vec![("SS0044".into(), "6217000012348830123")]);
    }

    #[test]
    fn money_times_dates_rates_and_codes_pass() {
        passes("先交¥20,000，再付 20000元，共3.5万，返还 50000 块，赚 12000 yuan");
        passes("Pay ¥ 38000 today, or 1,280.50 later; rate 2.8%, 10:30 to 23:59");
        passes("2026-11-30 到期；取件码 8-3-2107；验证码 4821；第 3 步；日入100-300；2024-2025学年，2019–2023");
    }

    #[test]
    fn official_numbers_on_the_list_pass_and_others_do_not() {
        passes("打110，或96110、12381、12321、12345，工行95588");
        assert_eq!(found("拨打 96688 咨询"), vec![("SS0043".into(), "96688")]);
    }

    #[test]
    fn fullwidth_digits_are_digits() {
        assert_eq!(found("号码１３８１２３４５６７８"), vec![("SS0042".into(), "１３８１２３４５６７８")]);
    }

    #[test]
    fn registrable_domains_and_mail_hosts_are_found() {
        assert_eq!(found("登录 www.ledou-mall.com 领取"), vec![("SS0045".into(), "www.ledou-mall.com")]);
        assert_eq!(found("mail kefu@ledou.vip."), vec![("SS0045".into(), "ledou.vip")]);
        assert_eq!(found("https://rw-app.top/dl"), vec![("SS0045".into(), "rw-app.top")]);
    }

    #[test]
    fn authority_suffixes_have_their_own_problem() {
        assert_eq!(found("发到 qgzx@jcu.edu.cn"), vec![("SS0046".into(), "jcu.edu.cn")]);
        assert_eq!(found("见 www.spp.gov.cn"), vec![("SS0046".into(), "www.spp.gov.cn")]);
    }

    #[test]
    fn reserved_allowed_and_look_alike_hosts_pass() {
        passes("kefu@ledou-mall.example、jcu.edu.example、a.test、b.invalid、localhost、example.com");
        passes("假网址 www.spp-gov.cn.ajcx.example 冒充最高检");
        passes("官网 www.12306.cn 和 taobao.com；真网址以 gov.cn 结尾");
    }

    #[test]
    fn file_names_abbreviations_and_numbers_are_not_hosts() {
        passes("打开 合同.pdf 和 app.apk；e.g. at 3 p.m. Mr.Li said v1.2 is 2.8% better.Then");
    }

    #[test]
    fn denied_names_are_found_ignoring_case() {
        assert_eq!(found("下载心遇App"), vec![("SS0047".into(), "心遇")]);
        assert_eq!(found("the youpin shop"), vec![("SS0047".into(), "youpin")]);
        assert_eq!(found("bitex-global.top"), vec![("SS0045".into(), "bitex-global.top"), ("SS0047".into(), "bitex")]);
    }
}
