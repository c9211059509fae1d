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

    /// The path of the deepest field whose text holds byte `offset`: what a
    /// parser error there is about (`steps[1].choices[0].money`).
    pub fn path_at(&self, offset: usize) -> FieldPath {
        let mut path = FieldPath::root();
        let mut table = self.0.get_ref();
        while let Some((key, mut value)) =
            table.iter().find(|(key, value)| holds(key.span(), offset) || reaches(value, offset))
        {
            path = path.key(key.get_ref());
            // A list: the item that holds `offset`, its keys included (an [[array]] item's own span is only its header).
            while let DeValue::Array(items) = value.get_ref() {
                let Some((i, item)) = items.iter().enumerate().rev().find(|(_, item)| reaches(item, offset)) else {
                    return path;
                };
                path = path.index(i);
                value = item;
            }
            match value.get_ref() {
                DeValue::Table(inner) => table = inner,
                _ => break,
            }
        }
        path
    }

    /// The id of step number `index`, as written.
    pub fn step_id(&self, index: usize) -> Option<String> {
        let step = self.0.get_ref().get("steps")?.get_ref().as_array()?.get(index)?;
        step.get_ref().as_table()?.get("id")?.get_ref().as_str().map(str::to_string)
    }

    /// The whole file (`None`: the top table) has no span of its own; point at its first field.
    fn top(&self) -> (Range<usize>, Option<&DeValue<'i>>) {
        let first_key = self.0.get_ref().keys().map(|k| k.span()).min_by_key(|span| span.start);
        (first_key.unwrap_or(0..0), None)
    }
}

/// Whether `span` holds `offset` (an empty span holds the offset it is at).
fn holds(span: Range<usize>, offset: usize) -> bool {
    span.start <= offset && offset < span.end.max(span.start + 1)
}

/// Whether `offset` is inside `value`, its keys or anything below it.
fn reaches(value: &Spanned<DeValue>, offset: usize) -> bool {
    holds(value.span(), offset)
        || match value.get_ref() {
            DeValue::Table(t) => t.iter().any(|(key, value)| holds(key.span(), offset) || reaches(value, offset)),
            DeValue::Array(items) => items.iter().any(|item| reaches(item, offset)),
            _ => false,
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
    fn an_offset_names_the_field_it_is_in() {
        let tree = SpanTree::parse(PACK).unwrap();
        let offset = |text: &str| PACK.find(text).unwrap();
        assert_eq!(tree.path_at(offset("\"x\"")), FieldPath::step(1).key("choices").index(0).key("next"));
        assert_eq!(tree.path_at(offset("\"b\"")), FieldPath::root().key("techniques").index(1));
        assert_eq!(tree.path_at(offset("[[steps]]\nid = \"decide")), FieldPath::step(1));
        assert_eq!(tree.path_at(0), FieldPath::root().key("format"));
        assert_eq!(tree.step_id(1).as_deref(), Some("decide"));
    }

    #[test]
    fn a_missing_field_points_at_the_table_that_lacks_it() {
        assert_eq!(text_at(FieldPath::root().key("title").lang("zh-CN")), "title");
        assert_eq!(text_at(FieldPath::step(0).key("end").key("summary")), "[[steps]]");
        assert_eq!(text_at(FieldPath::root().key("start")), "format");
        assert_eq!(text_at(FieldPath::root()), "format");
    }
}
