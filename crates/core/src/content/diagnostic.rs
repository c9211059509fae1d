//! A problem found in a pack, worded for the person who wrote it.

use std::fmt;

/// One problem: where it is (file, line, scenario, step, field), what is wrong
/// and how to fix it. Validation collects all of them at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based line and column, when the format can tell.
    pub position: Option<(usize, usize)>,
    pub scenario: Option<String>,
    pub step: Option<String>,
    /// Dotted path of the field, e.g. `steps.choices[2].next`.
    pub field: String,
    pub problem: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        if let Some(scenario) = &self.scenario {
            write!(f, " scenario \"{scenario}\"")?;
        }
        if let Some(step) = &self.step {
            write!(f, " step \"{step}\"")?;
        }
        if !self.field.is_empty() {
            write!(f, " field `{}`", self.field)?;
        }
        write!(f, ": {}", self.problem)
    }
}

/// 1-based line and column of a byte offset in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
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
    fn display_names_every_known_place() {
        let d = Diagnostic {
            file: "p.toml".into(),
            position: Some((3, 5)),
            scenario: Some("s".into()),
            step: Some("ad".into()),
            field: "next".into(),
            problem: "no step \"x\"".into(),
        };
        assert_eq!(d.to_string(), "p.toml:3:5 scenario \"s\" step \"ad\" field `next`: no step \"x\"");
    }
}
