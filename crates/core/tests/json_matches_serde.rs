//! The core's own JSON decoders (what the wasm reads packs with) against
//! serde's derives on the model (what the authors' tools read TOML with):
//! over every shipped pack, the broken-pack corpus and damaged copies of
//! both, as JSON, they give the same model or the same problem.

use scamspot_core::content::decode::{decode_catalog, decode_scenario, At, Decoded, Decoder};
use scamspot_core::content::syntax::problem_from_parser;
use scamspot_core::content::{load_catalog, load_scenario, Catalog, Problem, Scenario};
use scamspot_core::engine::rng::Rng;
use scamspot_core::json;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::fmt::Debug;
use std::fs;
use std::path::{Path, PathBuf};

const PACKS: &str = "../../static/packs";
const CORPUS: &str = "../../tests/broken_packs";

fn toml_files(dir: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut dirs = vec![PathBuf::from(dir)];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// serde's reading of `text`, its error as the problem the parser's words make.
fn by_serde<T: DeserializeOwned>(text: &str) -> Result<T, Problem> {
    serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        problem_from_parser(message.split(" at line ").next().unwrap())
    })
}

fn by_core<T>(text: &str, decode: Decoder<T>) -> Result<T, Problem> {
    let document = json::read(text).map_err(|e| Problem::Syntax { message: e.message.into() })?;
    let decoded: Decoded<T> = decode(&document.root, &At::TOP);
    decoded.map_err(|e| e.problem)
}

/// Both readings of `text` agree; says whether it was read.
fn agree<T: DeserializeOwned + PartialEq + Debug>(name: &str, text: &str, decode: Decoder<T>) -> bool {
    let (serde, core) = (by_serde::<T>(text), by_core(text, decode));
    match (&serde, &core) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "{name}: read differently"),
        // Where a kebab-case word belongs, serde says "expected value" for a
        // number and reads a map as its `{"variant": …}` form; the core wants the word.
        (Err(Problem::Syntax { .. } | Problem::UnknownValue { .. }), Err(Problem::WrongType { expected, .. }))
            if expected == "a string" => {}
        // serde also reads a struct from a list of its fields in order, which no pack is documented to do.
        (Err(_), Err(Problem::WrongType { found, expected }))
            if found == "sequence" && expected.starts_with("struct ") => {}
        (Err(a), Err(b)) => assert_eq!(a, b, "{name}: refused for different reasons\n{text}"),
        _ => panic!("{name}: serde {serde:?}\ncore {core:?}\n{text}"),
    }
    core.is_ok()
}

/// A TOML file's content as JSON, value for value (the form a host writes by hand).
fn as_json(toml_text: &str) -> Option<String> {
    toml::from_str::<Value>(toml_text).ok().map(|v| v.to_string())
}

fn shipped_catalog() -> Catalog {
    load_catalog("catalog.toml", &fs::read_to_string(Path::new(PACKS).join("catalog.toml")).unwrap()).unwrap()
}

#[test]
fn every_shipped_pack_reads_the_same_raw_and_compiled() {
    let catalog = shipped_catalog();
    let mut packs = 0;
    for path in toml_files(PACKS) {
        let (name, text) = (path.display().to_string(), fs::read_to_string(&path).unwrap());
        let raw = as_json(&text).unwrap();
        if path.ends_with("catalog.toml") {
            assert!(agree::<Catalog>(&name, &raw, decode_catalog));
            continue;
        }
        assert!(agree::<Scenario>(&name, &raw, decode_scenario), "{name} reads");
        let valid = load_scenario(&name, &text, &catalog).unwrap();
        let compiled = serde_json::to_string(&valid).unwrap();
        assert!(agree::<Scenario>(&name, &compiled, decode_scenario));
        let back = load_scenario("p.json", &compiled, &catalog).unwrap();
        assert_eq!(Scenario { file: valid.file.clone(), ..back.into_inner() }, valid.into_inner());
        packs += 1;
    }
    assert!(packs > 30, "{packs} packs");
}

#[test]
fn every_broken_pack_reads_or_fails_the_same() {
    let mut compared = 0;
    for path in toml_files(CORPUS) {
        let text = fs::read_to_string(&path).unwrap();
        let Some(raw) = as_json(&text) else { continue }; // a TOML syntax error: no JSON to compare
        agree::<Scenario>(&path.display().to_string(), &raw, decode_scenario);
        compared += 1;
    }
    assert!(compared > 40, "{compared} packs compared");
}

/// Every value in `value`, depth first, as a mutable reference path.
fn count(value: &Value) -> usize {
    1 + match value {
        Value::Array(items) => items.iter().map(count).sum(),
        Value::Object(members) => members.values().map(count).sum(),
        _ => 0,
    }
}

fn nth(value: &mut Value, n: usize) -> &mut Value {
    if n == 0 {
        return value;
    }
    let mut n = n - 1;
    let children: Vec<&mut Value> = match value {
        Value::Array(items) => items.iter_mut().collect(),
        Value::Object(members) => members.values_mut().collect(),
        _ => unreachable!(),
    };
    for child in children {
        let size = count(child);
        if n < size {
            return nth(child, n);
        }
        n -= size;
    }
    unreachable!()
}

/// One value replaced by another kind, or removed, or a field added or renamed.
fn damage(value: &mut Value, rng: &mut Rng) {
    let target = nth(value, rng.below(count(value)));
    let replacements = [
        Value::Null,
        Value::Bool(true),
        serde_json::json!(-1),
        serde_json::json!(1.5),
        serde_json::json!(4_294_967_296u64),
        serde_json::json!("x"),
        serde_json::json!("sms"),
        serde_json::json!([]),
        serde_json::json!({}),
        serde_json::json!({"en": 1}),
    ];
    match (rng.below(4), target) {
        (0, Value::Object(members)) if !members.is_empty() => {
            let key = members.keys().nth(rng.below(members.len())).unwrap().clone();
            let removed = members.remove(&key).unwrap();
            if rng.below(2) == 0 {
                members.insert(format!("{key}s"), removed);
            }
        }
        (1, Value::Array(items)) if !items.is_empty() => {
            items.remove(rng.below(items.len()));
        }
        (_, target) => *target = replacements[rng.below(replacements.len())].clone(),
    }
}

#[test]
fn damaged_packs_read_or_fail_the_same() {
    let mut rng = Rng(0x0DEC_0DE5);
    let mut seeds: Vec<Value> = Vec::new();
    for path in toml_files(PACKS).into_iter().filter(|p| !p.ends_with("catalog.toml")).take(6) {
        seeds.push(serde_json::from_str(&as_json(&fs::read_to_string(path).unwrap()).unwrap()).unwrap());
    }
    let (mut read, mut refused) = (0, 0);
    for round in 0..2000 {
        let mut value = seeds[round % seeds.len()].clone();
        damage(&mut value, &mut rng);
        if agree::<Scenario>(&format!("damage {round}"), &value.to_string(), decode_scenario) {
            read += 1;
        } else {
            refused += 1;
        }
    }
    assert!(read > 100 && refused > 1000, "{read} read, {refused} refused");
}
