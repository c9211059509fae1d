//! Compiled packs (JSON) into the model, written by hand: one plain function
//! per type instead of serde's generic visitors, which were the largest part
//! of the wasm after Yew. It accepts what serde's derives on the model accept
//! (defaults, `deny_unknown_fields`, kebab-case values) and names problems
//! the same way, with the path of the value each is about. A native test
//! holds it to the serde path over every shipped pack and the broken corpus.

mod pack;

pub use pack::{decode_catalog, decode_index, decode_scenario};

use super::path::FieldPath;
use super::problem::Problem;
use crate::json::{Document, Json};

/// A problem with a value, and the path of that value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub problem: Problem,
    pub path: FieldPath,
}

/// Boxed: a problem is rare, and a small `Result` keeps every `?` on the
/// way up from copying a large one (kilobytes of wasm over all decoders).
pub type Decoded<T> = Result<T, Box<DecodeError>>;

/// Decodes one value, whose place is `at`.
pub type Decoder<T> = fn(&Json, &At) -> Decoded<T>;

/// Where a value is, as a chain up to the top kept on the stack: a
/// `FieldPath` is built only when there is a problem to place.
#[derive(Clone, Copy)]
pub struct At<'a> {
    parent: Option<&'a At<'a>>,
    place: Place<'a>,
}

#[derive(Clone, Copy)]
enum Place<'a> {
    Top,
    Key(&'a str),
    Lang(&'a str),
    Index(usize),
}

impl<'a> At<'a> {
    pub const TOP: At<'static> = At { parent: None, place: Place::Top };

    fn below(&'a self, place: Place<'a>) -> At<'a> {
        At { parent: Some(self), place }
    }

    pub fn path(&self) -> FieldPath {
        let mut path = self.parent.map_or_else(FieldPath::root, At::path);
        match self.place {
            Place::Top => {}
            Place::Key(key) => path = path.key(key),
            Place::Lang(lang) => path = path.lang(lang),
            Place::Index(i) => path = path.index(i),
        }
        path
    }

    fn problem<T>(&self, problem: Problem) -> Decoded<T> {
        Err(Box::new(DecodeError { problem, path: self.path() }))
    }

    /// `value` is not what was `expected` (serde's words: "u32", "a string").
    fn wrong<T>(&self, value: &Json, expected: &str) -> Decoded<T> {
        self.problem(Problem::WrongType { found: found(value), expected: expected.to_string() })
    }
}

/// What a value is, in serde's words ("integer 3", "string \"x\"", "map").
fn found(value: &Json) -> String {
    match value {
        Json::Null => "null".into(),
        Json::Bool(b) => format!("boolean {b}"),
        Json::Number(n) if n.contains(['.', 'e', 'E']) => format!("floating point {n}"),
        Json::Number(n) => format!("integer {n}"),
        Json::String(s) => format!("string \"{s}\""),
        Json::Array(_) => "sequence".into(),
        Json::Object(_) => "map".into(),
    }
}

/// The byte offset of the value at `path` in `document`, or of its nearest
/// existing ancestor (a missing field: the object that lacks it).
pub fn offset_of(document: &Document, path: &FieldPath) -> usize {
    use super::path::Segment;
    let (mut value, mut index) = (&document.root, 0);
    for segment in &path.0 {
        // Values in document order: the first one inside a value comes right after it.
        let mut inner = index + 1;
        let found = match (segment, value) {
            (Segment::Key(key) | Segment::Lang(key), Json::Object(members)) => {
                members.iter().position(|(name, _)| name == key).map(|at| {
                    inner += members[..at].iter().map(|(_, earlier)| earlier.count()).sum::<usize>();
                    &members[at].1
                })
            }
            (Segment::Index(at), Json::Array(items)) => items.get(*at).inspect(|_| {
                inner += items[..*at].iter().map(Json::count).sum::<usize>();
            }),
            _ => None,
        };
        let Some(found) = found else { break };
        (value, index) = (found, inner);
    }
    document.offset(index)
}

/// An object's members, checked against the fields a type knows.
pub struct Fields<'a> {
    members: &'a [(String, Json)],
    at: &'a At<'a>,
}

impl<'a> Fields<'a> {
    /// `value` as an object with only `known` fields, each at most once.
    /// `name` is serde's word for the type ("struct Step").
    pub fn of(value: &'a Json, at: &'a At<'a>, name: &str, known: &[&str]) -> Decoded<Fields<'a>> {
        let Some(members) = value.members() else { return at.wrong(value, name) };
        for (i, (key, _)) in members.iter().enumerate() {
            if !known.contains(&key.as_str()) {
                let known = known.iter().map(|k| k.to_string()).collect();
                return at.below(Place::Key(key)).problem(Problem::UnknownField { name: key.clone(), known });
            }
            if members[..i].iter().any(|(earlier, _)| earlier == key) {
                return at.below(Place::Key(key)).problem(Problem::DuplicateKey);
            }
        }
        Ok(Fields { members, at })
    }

    /// The field `key` decoded, `None` when it is absent.
    pub fn optional<T>(&self, key: &str, decode: Decoder<T>) -> Decoded<Option<T>> {
        match self.members.iter().find(|(name, _)| name == key) {
            Some((name, value)) => decode(value, &self.at.below(Place::Key(name))).map(Some),
            None => Ok(None),
        }
    }

    /// The field `key` decoded; a problem when it is absent.
    pub fn required<T>(&self, key: &str, decode: Decoder<T>) -> Decoded<T> {
        self.optional(key, decode)?.map_or_else(|| self.at.problem(Problem::MissingField { name: key.into() }), Ok)
    }

    /// The field `key` decoded, its type's default when absent.
    pub fn or_default<T: Default>(&self, key: &str, decode: Decoder<T>) -> Decoded<T> {
        Ok(self.optional(key, decode)?.unwrap_or_default())
    }

    /// An `Option` field: absent or null is `None`.
    pub fn nullable<T>(&self, key: &str, decode: Decoder<T>) -> Decoded<Option<T>> {
        match self.members.iter().find(|(name, _)| name == key) {
            Some((_, Json::Null)) | None => Ok(None),
            Some((name, value)) => decode(value, &self.at.below(Place::Key(name))).map(Some),
        }
    }
}

pub fn string(value: &Json, at: &At) -> Decoded<String> {
    value.as_str().map_or_else(|| at.wrong(value, "a string"), |s| Ok(s.to_string()))
}

pub fn boolean(value: &Json, at: &At) -> Decoded<bool> {
    value.as_bool().map_or_else(|| at.wrong(value, "a boolean"), Ok)
}

/// A whole number that fits a u32.
pub fn unsigned(value: &Json, at: &At) -> Decoded<u32> {
    whole(value, at, "u32").and_then(|n| u32::try_from(n).map_or_else(|_| at.wrong(value, "u32"), Ok))
}

/// A whole number that fits an i64.
pub fn signed(value: &Json, at: &At) -> Decoded<i64> {
    whole(value, at, "i64")
}

/// A number written without fraction or exponent (serde_json reads others as floats).
fn whole(value: &Json, at: &At, expected: &str) -> Decoded<i64> {
    value.as_i64().map_or_else(|| at.wrong(value, expected), Ok)
}

/// A list, each item decoded. A plain loop: one per item type, where
/// `collect()` into a `Result` brought an iterator adapter for each.
pub fn list<T>(value: &Json, at: &At, decode: Decoder<T>) -> Decoded<Vec<T>> {
    let Some(items) = value.items() else { return at.wrong(value, "a sequence") };
    let mut decoded = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        decoded.push(decode(item, &at.below(Place::Index(i)))?);
    }
    Ok(decoded)
}

pub fn strings(value: &Json, at: &At) -> Decoded<Vec<String>> {
    list(value, at, string)
}

/// One of a fixed list of words (a kebab-case enum): its position in `known`.
pub fn variant(value: &Json, at: &At, known: &[&str]) -> Decoded<usize> {
    // serde_json says only "expected value" here; the text it wants is clearer.
    let Some(word) = value.as_str() else { return at.wrong(value, "a string") };
    known.iter().position(|k| *k == word).map_or_else(
        || {
            at.problem(Problem::UnknownValue {
                value: word.to_string(),
                known: known.iter().map(|k| k.to_string()).collect(),
            })
        },
        Ok,
    )
}

/// Each member of an object as (language, text): a `Localized`.
pub fn texts(value: &Json, at: &At) -> Decoded<Vec<(String, String)>> {
    let Some(members) = value.members() else { return at.wrong(value, "a map") };
    let mut decoded = Vec::with_capacity(members.len());
    for (lang, text) in members {
        decoded.push((lang.clone(), string(text, &at.below(Place::Lang(lang)))?));
    }
    Ok(decoded)
}

#[cfg(test)]
mod tests;
