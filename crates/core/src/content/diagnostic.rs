//! A problem found in a pack, worded for the person who wrote it.

use super::path::FieldPath;
use super::problem::{Problem, Severity};
use crate::i18n::Lang;
use std::fmt;
use std::ops::Range;

/// One problem: where it is (file, position, scenario, step, field path) and
/// what is wrong. Validation collects all of them at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based line and column, when the format can tell.
    pub position: Option<(usize, usize)>,
    /// Byte range of the faulty value in the file, for underlining it.
    pub span: Option<Range<usize>>,
    pub scenario: Option<String>,
    pub step: Option<String>,
    pub path: FieldPath,
    /// The faulty words inside a text value (a phone number in a message),
    /// when the problem is about them: placing narrows the span to them.
    pub words: Option<Words>,
    pub problem: Problem,
}

/// Some words of a text value: what they say and which occurrence (0-based)
/// of them in the value is meant. Found again in the file's source by their
/// text, since escapes make the value and its source differ in length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    pub text: String,
    pub nth: usize,
}

impl Diagnostic {
    /// A problem with the whole of `file`; place it with `at` and `pointing_at`.
    pub fn new(file: &str, problem: Problem) -> Diagnostic {
        Diagnostic {
            file: file.to_string(),
            position: None,
            span: None,
            scenario: None,
            step: None,
            path: FieldPath::root(),
            words: None,
            problem,
        }
    }

    pub fn at(self, path: FieldPath) -> Diagnostic {
        Diagnostic { path, ..self }
    }

    /// Names bytes `range` of `value`, the text at the diagnostic's path, as the faulty words.
    pub fn words(self, value: &str, range: Range<usize>) -> Diagnostic {
        let text = value[range.clone()].to_string();
        let nth = value[..range.start].matches(text.as_str()).count();
        Diagnostic { words: Some(Words { text, nth }), ..self }
    }

    /// Where the faulty words are in `span`, the value's bytes in `source`;
    /// `None` without words or when they are not found there.
    pub fn words_in(&self, source: &str, span: &Range<usize>) -> Option<Range<usize>> {
        let words = self.words.as_ref()?;
        let (at, _) = source.get(span.clone())?.match_indices(words.text.as_str()).nth(words.nth)?;
        Some(span.start + at..span.start + at + words.text.len())
    }

    /// Points at bytes `span` of `text`, the file's content.
    pub fn pointing_at(self, text: &str, span: Range<usize>) -> Diagnostic {
        Diagnostic { position: Some(line_column(text, span.start)), span: Some(span), ..self }
    }

    /// The field path as an author counts ("step \"offer\" › 3rd message › text (en)").
    pub fn field_in_words(&self, lang: Lang) -> String {
        self.path.in_words(lang, self.step.as_deref())
    }
}

/// The one-line English form the app and the compiled index show (`warning[…]` for a warning):
/// `file:line:col: error[SS0022] step "decide" › 3rd choice › next: no step has id "x"`.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        let severity = match self.problem.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {severity}[{}]", self.problem.code())?;
        if let Some(scenario) = &self.scenario {
            write!(f, " scenario \"{scenario}\"")?;
        }
        let field = self.field_in_words(Lang::En);
        if !field.is_empty() {
            write!(f, " {field}")?;
        }
        write!(f, ": {}", self.problem.message(Lang::En))
    }
}

/// 1-based line and column of a byte offset in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..floor_char_boundary(text, offset)];
    // Counted over bytes: a '\n' byte is always the newline character in UTF-8,
    // and a byte loop brings no string searcher into the wasm.
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.bytes().rposition(|b| b == b'\n').map_or(0, |newline| newline + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut i = offset.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters_not_bytes() {
        let text = "a = 1\n名字 = x\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        // byte 12 is after "名字 " (3 + 3 + 1 bytes)
        assert_eq!(line_column(text, 13), (2, 4));
        // an offset inside a multi-byte character does not panic
        assert_eq!(line_column(text, 7), (2, 1));
    }

    #[test]
    fn words_are_found_again_in_the_source_of_their_value() {
        let value = "call 110 or 110";
        let source = "text.en = \"call 110 or 110\"\n";
        let d = Diagnostic::new("p.toml", Problem::NoSteps).words(value, 12..15);
        assert_eq!(d.words_in(source, &(10..27)), Some(23..26));
        assert_eq!(Diagnostic::new("p.toml", Problem::NoSteps).words_in(source, &(10..27)), None);
    }

    #[test]
    fn display_names_every_known_place() {
        let d = Diagnostic {
            scenario: Some("s".into()),
            step: Some("ad".into()),
            ..Diagnostic::new("p.toml", Problem::UnknownStep { id: "x".into(), known: vec![] })
                .at(FieldPath::step(1).key("choices").index(2).key("next"))
                .pointing_at("a\nbcdef", 6..7)
        };
        assert_eq!(
            d.to_string(),
            "p.toml:2:5: error[SS0022] scenario \"s\" step \"ad\" › 3rd choice › next: no step has id \"x\""
        );
    }
}
