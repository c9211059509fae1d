//! Finds a field path in TOML source: the byte range of the value, from the
//! parser's own spans (`toml::de::DeTable`), not from guessing at the text.
//! A path that does not exist in the file (a missing field) resolves to the
//! nearest part that does: the table that lacks it.

use super::path::{FieldPath, Segment};
use std::ops::Range;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// The parsed file, kept to place every problem of one pack.
pub struct SpanTree<'i>(Spanned<DeTable<'i>>);

impl<'i> SpanTree<'i> {
    /// `None` when the text is not TOML (then the parser's error has the place).
    pub fn parse(text: &'i str) -> Option<SpanTree<'i>> {
        DeTable::parse(text).ok().map(SpanTree)
    }

    /// The byte range of the value at `path`, or of its nearest existing ancestor.
    pub fn locate(&self, path: &FieldPath) -> Range<usize> {
        let mut found = self.top();
        for segment in &path.0 {
            let value = match (segment, found.1) {
                (Segment::Key(name) | Segment::Lang(name), Some(DeValue::Table(t))) => t.get(name.as_str()),
                (Segment::Key(name) | Segment::Lang(name), None) => self.0.get_ref().get(name.as_str()),
                (Segment::Index(i), Some(DeValue::Array(items))) => items.get(*i),
                _ => None,
            };
            let Some(value) = value else { break };
            found = (value.span(), Some(value.get_ref()));
        }
        found.0
    }

    /// The whole file (`None`: the top table) has no span of its own; point at its first field.
    fn top(&self) -> (Range<usize>, Option<&DeValue<'i>>) {
        let first_key = self.0.get_ref().keys().map(|k| k.span()).min_by_key(|span| span.start);
        (first_key.unwrap_or(0..0), None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PACK: &str = "format = 1\ntitle.en = \"A job\"\ntechniques = [\"a\", \"b\"]\n\n[[steps]]\nid = \"ad\"\n\n[[steps]]\nid = \"decide\"\n[[steps.choices]]\nnext = \"x\"\n";

    fn text_at(path: FieldPath) -> &'static str {
        &PACK[SpanTree::parse(PACK).unwrap().locate(&path)]
    }

    #[test]
    fn values_are_found_by_their_path() {
        assert_eq!(text_at(FieldPath::step(1).key("choices").index(0).key("next")), "\"x\"");
        assert_eq!(text_at(FieldPath::root().key("title").lang("en")), "\"A job\"");
        assert_eq!(text_at(FieldPath::root().key("techniques").index(1)), "\"b\"");
        assert_eq!(text_at(FieldPath::step(1).key("id")), "\"decide\"");
    }

    #[test]
    fn a_missing_field_points_at_the_table_that_lacks_it() {
        assert_eq!(text_at(FieldPath::root().key("title").lang("zh-CN")), "title");
        assert_eq!(text_at(FieldPath::step(0).key("end").key("summary")), "[[steps]]");
        assert_eq!(text_at(FieldPath::root().key("start")), "format");
        assert_eq!(text_at(FieldPath::root()), "format");
    }
}
