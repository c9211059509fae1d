//! Where in a pack a problem is: a path of keys and list positions from the
//! top of the file, e.g. `steps[1].choices[2].next`. The locator turns it
//! into a line and column; authors read it in words ("3rd choice › next").

use crate::i18n::Lang;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// A field name as written in the file.
    Key(String),
    /// A position in a list, 0-based (shown 1-based).
    Index(usize),
    /// The language key of a text, e.g. `en` in `text.en`.
    Lang(String),
}

/// A field path; empty means the whole file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldPath(pub Vec<Segment>);

impl FieldPath {
    pub fn root() -> FieldPath {
        FieldPath::default()
    }

    /// The path of step number `index` (0-based).
    pub fn step(index: usize) -> FieldPath {
        FieldPath::root().key("steps").index(index)
    }

    pub fn key(mut self, name: &str) -> FieldPath {
        self.0.push(Segment::Key(name.to_string()));
        self
    }

    pub fn index(mut self, index: usize) -> FieldPath {
        self.0.push(Segment::Index(index));
        self
    }

    pub fn lang(mut self, lang: &str) -> FieldPath {
        self.0.push(Segment::Lang(lang.to_string()));
        self
    }

    /// The 0-based index of the step the path is in, if any.
    pub fn step_index(&self) -> Option<usize> {
        match self.0.as_slice() {
            [Segment::Key(steps), Segment::Index(i), ..] if steps == "steps" => Some(*i),
            _ => None,
        }
    }

    /// The path as an author counts: `step "offer" › 3rd message › 1st flag ›
    /// quote (en)`. `step` is the id of the step the path is in.
    pub fn in_words(&self, lang: Lang, step: Option<&str>) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut segments = self.0.iter().peekable();
        while let Some(segment) = segments.next() {
            match segment {
                Segment::Key(key) => match segments.peek() {
                    Some(Segment::Index(i)) => {
                        parts.push(item_in_words(key, *i, lang, step));
                        segments.next();
                    }
                    _ => parts.push(key.clone()),
                },
                Segment::Index(i) => parts.push(format!("[{}]", i + 1)),
                Segment::Lang(code) => match parts.last_mut() {
                    Some(last) => last.push_str(&format!(" ({code})")),
                    None => parts.push(format!("({code})")),
                },
            }
        }
        parts.join(" › ")
    }
}

/// "3rd message" / "第3条消息"; a step by its id.
fn item_in_words(list: &str, index: usize, lang: Lang, step: Option<&str>) -> String {
    let n = index + 1;
    let (measure, zh, en) = match list {
        "steps" => match step {
            Some(id) => return format!("{} \"{id}\"", if lang == Lang::ZhCn { "步骤" } else { "step" }),
            None => ("个", "步骤", "step"),
        },
        "messages" => ("条", "消息", "message"),
        "choices" => ("个", "选项", "choice"),
        "flags" => ("个", "可疑信号", "flag"),
        "techniques" => ("个", "手法", "technique"),
        "channels" => ("个", "渠道", "channel"),
        "languages" => ("个", "语言", "language"),
        "types" => ("个", "类型", "type"),
        _ => return format!("{list}[{n}]"),
    };
    match lang {
        Lang::ZhCn => format!("第{n}{measure}{zh}"),
        Lang::En => format!("{} {en}", ordinal(n)),
    }
}

/// 1st, 2nd, 3rd, 4th, 11th, 21st…
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The dotted form, e.g. `steps[1].choices[2].text.en`.
impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Index(n) => write!(f, "[{n}]")?,
                Segment::Key(name) | Segment::Lang(name) if i == 0 => write!(f, "{name}")?,
                Segment::Key(name) | Segment::Lang(name) => write!(f, ".{name}")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_an_author_counts() {
        let path = FieldPath::step(0).key("messages").index(2).key("flags").index(0).key("quote").lang("en");
        assert_eq!(path.to_string(), "steps[0].messages[2].flags[0].quote.en");
        assert_eq!(path.in_words(Lang::En, Some("offer")), "step \"offer\" › 3rd message › 1st flag › quote (en)");
        assert_eq!(path.in_words(Lang::ZhCn, Some("offer")), "步骤 \"offer\" › 第3条消息 › 第1个可疑信号 › quote (en)");
        assert_eq!(path.step_index(), Some(0));
        assert_eq!(
            FieldPath::root().key("debrief").key("channels").index(1).in_words(Lang::En, None),
            "debrief › 2nd channel"
        );
    }

    #[test]
    fn ordinals_follow_english() {
        let words: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101].iter().map(|&n| ordinal(n)).collect();
        assert_eq!(words, ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"]);
    }
}
