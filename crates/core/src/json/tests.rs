use super::*;

fn error(text: &str) -> (&'static str, usize) {
    let e = read(text).unwrap_err();
    (e.message, e.at)
}

#[test]
fn reads_every_kind_of_value_and_writes_it_back_compact() {
    let text =
        " {\"a\": [1, -2.5e3, true, false, null], \"b\": {\"c\": \"x\\\"y\\n\\u00e9\\ud83d\\ude00/\"}, \"\": []} ";
    let doc = read(text).unwrap();
    assert_eq!(doc.root.get("a").unwrap().items().unwrap().len(), 5);
    assert_eq!(doc.root.get("b").unwrap().get("c").unwrap().as_str(), Some("x\"y\né😀/"));
    assert_eq!(doc.root.to_text(), "{\"a\":[1,-2.5e3,true,false,null],\"b\":{\"c\":\"x\\\"y\\né😀/\"},\"\":[]}");
    assert_eq!(read(&doc.root.to_text()).unwrap().root, doc.root);
    assert_eq!(Json::from("\u{1}\t\\").to_text(), "\"\\u0001\\t\\\\\"");
}

#[test]
fn numbers_read_exactly_as_whole_numbers_and_closely_as_floats() {
    let n = |text: &str| read(text).unwrap().root;
    assert_eq!(n("12345678901234567890").as_u64(), Some(12_345_678_901_234_567_890));
    assert_eq!((n("-3").as_u64(), n("-3").as_i64()), (None, Some(-3)));
    assert_eq!((n("3.0").as_u64(), n("1e3").as_i64()), (None, None), "as serde_json: a float is no integer");
    assert_eq!(n("1732000000123.0").as_f64(), Some(1_732_000_000_123.0));
    assert_eq!(n("-0.125").as_f64(), Some(-0.125));
    assert_eq!(n("25E-1").as_f64(), Some(2.5));
    assert_eq!(n("\"1\"").as_u64(), None);
}

#[test]
fn floats_are_written_as_serde_json_writes_the_app_s_figures() {
    let text = |value: f64| Json::from(value).to_text();
    assert_eq!(text(1.0), "1.0");
    assert_eq!(text(0.5), "0.5");
    assert_eq!(text(-0.123), "-0.123");
    assert_eq!(text(0.05), "0.05");
    assert_eq!(text(0.0), "0.0");
    assert_eq!(text(1_732_000_000_123.0), "1732000000123.0");
    assert_eq!(text(f64::NAN), "null");
    assert_eq!(text(1e18), "1000000000000000000.0");
}

#[test]
fn syntax_errors_say_what_and_where_in_serde_json_s_words() {
    assert_eq!(error("{\"a\": }"), ("expected value", 6));
    assert_eq!(error("{\"a\": 1,}"), ("trailing comma", 8));
    assert_eq!(error("[1 2]"), ("expected `,` or `]`", 3));
    assert_eq!(error("{\"a\" 1}"), ("expected `:`", 5));
    assert_eq!(error("{a: 1}"), ("key must be a string", 1));
    assert_eq!(error("{\"a\": \"b"), ("EOF while parsing a string", 8));
    assert_eq!(error("[1, 2"), ("EOF while parsing a list", 5));
    assert_eq!(error("{\"a\": 1"), ("EOF while parsing an object", 7));
    assert_eq!(error("1 2"), ("trailing characters", 2));
    assert_eq!(error("tru"), ("EOF while parsing a value", 3));
    assert_eq!(error("nul!"), ("expected ident", 3));
    assert_eq!(error("01"), ("invalid number", 2));
    assert_eq!(error("-"), ("invalid number", 1));
    assert_eq!(error("1."), ("invalid number", 2));
    assert_eq!(error("\"\\x\""), ("invalid escape", 2));
    assert_eq!(error("\"\\ud800\""), ("lone leading surrogate in hex escape", 7));
    assert_eq!(error("\"a\nb\""), ("control character (\\u0000-\\u001F) found while parsing a string", 2));
    assert_eq!(error(""), ("EOF while parsing a value", 0));
    assert_eq!(error(&"[".repeat(200)).0, "recursion limit exceeded");
}

#[test]
fn every_value_keeps_its_offset_in_document_order() {
    let text = "{\"a\": [10, {\"b\": 20}], \"c\": 30}";
    let doc = read(text).unwrap();
    let offsets: Vec<&str> = (0..doc.root.count()).map(|i| &text[doc.offset(i)..doc.offset(i) + 2]).collect();
    assert_eq!(offsets, ["{\"", "[1", "10", "{\"", "20", "30"]);
}

#[test]
fn options_and_objects_build_in_the_order_given() {
    let value = Json::object(vec![("z", Json::from(Some(1u32))), ("a", Json::from(None::<u8>))]);
    assert_eq!(value.to_text(), "{\"z\":1,\"a\":null}");
    assert_eq!(value.members().map(<[_]>::len), Some(2));
}
