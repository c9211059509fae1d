//! Finding and replacing words by a plain scan. The standard library's
//! substring search (a two-way searcher) costs the wasm kilobytes and buys
//! nothing on a message or a template of a few hundred bytes.

/// The byte offset of the first `pattern` in `text`, as `str::find` gives
/// it. Comparing bytes is enough: in UTF-8 a whole character's bytes never
/// match the middle of another's, so a match starts on a character.
pub fn find(text: &str, pattern: &str) -> Option<usize> {
    if pattern.is_empty() {
        return Some(0);
    }
    text.as_bytes().windows(pattern.len()).position(|window| window == pattern.as_bytes())
}

/// `text` with every `pattern` replaced by `with`, as `str::replace` gives
/// it for a pattern that is not empty (an empty one changes nothing here).
pub fn replace(text: &str, pattern: &str, with: &str) -> String {
    let mut replaced = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = find(rest, pattern).filter(|_| !pattern.is_empty()) {
        replaced.push_str(&rest[..at]);
        replaced.push_str(with);
        rest = &rest[at + pattern.len()..];
    }
    replaced.push_str(rest);
    replaced
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: &[&str] = &["", "a", "押金，马上转账", "Pay ¥150,000 now, now!", "{n} of {n}", "ééé"];
    const PATTERNS: &[&str] = &["", "a", "马上", "now", "{n}", "é", "ée", "转账", "!", "x"];

    #[test]
    fn find_and_replace_agree_with_the_standard_library() {
        for text in TEXTS {
            for pattern in PATTERNS {
                assert_eq!(find(text, pattern), text.find(pattern), "{text:?} {pattern:?}");
                if !pattern.is_empty() {
                    assert_eq!(replace(text, pattern, "<>"), text.replace(pattern, "<>"), "{text:?} {pattern:?}");
                }
            }
        }
        assert_eq!(replace("abc", "", "x"), "abc");
    }
}
