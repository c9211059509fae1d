use super::*;
use crate::content::path::FieldPath;
use crate::json::read;

fn decoded<T>(text: &str, decode: Decoder<T>) -> Decoded<T> {
    decode(&read(text).unwrap().root, &At::TOP)
}

fn problem<T: std::fmt::Debug>(text: &str, decode: Decoder<T>) -> (Problem, String) {
    let e = decoded(text, decode).unwrap_err();
    (e.problem, e.path.to_string())
}

#[test]
fn fields_are_checked_against_the_known_ones() {
    let known = |v: &Json, at: &At| Fields::of(v, at, "struct T", &["a", "b"]).and_then(|f| f.required("a", unsigned));
    assert_eq!(decoded("{\"a\": 3}", known), Ok(3));
    let unknown = Problem::UnknownField { name: "c".into(), known: vec!["a".into(), "b".into()] };
    assert_eq!(problem("{\"a\": 3, \"c\": 1}", known), (unknown, "c".into()));
    assert_eq!(problem("{\"a\": 3, \"a\": 4}", known), (Problem::DuplicateKey, "a".into()));
    assert_eq!(problem("{\"b\": 3}", known), (Problem::MissingField { name: "a".into() }, String::new()));
    let wrong = Problem::WrongType { found: "sequence".into(), expected: "struct T".into() };
    assert_eq!(problem("[]", known), (wrong, String::new()));
}

#[test]
fn values_are_read_as_serde_reads_them_and_named_as_serde_names_them() {
    let wrong = |found: &str, expected: &str| Problem::WrongType { found: found.into(), expected: expected.into() };
    assert_eq!(decoded("-7", signed), Ok(-7));
    assert_eq!(problem("-1", unsigned).0, wrong("integer -1", "u32"));
    assert_eq!(problem("4294967296", unsigned).0, wrong("integer 4294967296", "u32"));
    assert_eq!(problem("1.5", signed).0, wrong("floating point 1.5", "i64"));
    assert_eq!(problem("\"x\"", boolean).0, wrong("string \"x\"", "a boolean"));
    assert_eq!(problem("true", string).0, wrong("boolean true", "a string"));
    assert_eq!(problem("null", strings).0, wrong("null", "a sequence"));
    assert_eq!(problem("[\"a\", 2]", strings), (wrong("integer 2", "a string"), "[1]".into()));
    assert_eq!(problem("{\"en\": 2}", texts), (wrong("integer 2", "a string"), "en".into()));
    assert_eq!(decoded("\"b\"", |v, at| variant(v, at, &["a", "b"])), Ok(1));
    let unknown = Problem::UnknownValue { value: "c".into(), known: vec!["a".into(), "b".into()] };
    assert_eq!(problem("\"c\"", |v, at| variant(v, at, &["a", "b"])).0, unknown);
}

#[test]
fn a_problem_deep_inside_is_placed_at_its_value() {
    let text = "{\"steps\": [{\"id\": \"a\"}, {\"id\": \"b\", \"choices\": [{\"next\": 5}]}]}";
    let document = read(text).unwrap();
    let path = FieldPath::step(1).key("choices").index(0).key("next");
    assert_eq!(&text[offset_of(&document, &path)..], "5}]}]}");
    let missing = FieldPath::step(1).key("end").key("summary");
    assert_eq!(&text[offset_of(&document, &missing)..offset_of(&document, &missing) + 8], "{\"id\": \"");
    assert_eq!(offset_of(&document, &FieldPath::root()), 0);
}
