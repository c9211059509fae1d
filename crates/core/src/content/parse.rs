//! Turning pack text into the model, with errors an author can act on.
//!
//! Authors write TOML; the build compiles every valid pack to JSON for the
//! browser (`folder::compile`), so the wasm carries no TOML parser. TOML is
//! read with serde (authors' tools only), JSON with the core's own reader and
//! decoders (`json`, `decode`), so the wasm carries no serde code either.
//! Both go through the same validation.

use super::decode::{decode_catalog, decode_index, decode_scenario, offset_of, At, DecodeError, Decoder};
use super::diagnostic::Diagnostic;
use super::index::SiteIndex;
use super::model::{Catalog, Scenario, FORMAT_VERSION};
use super::path::FieldPath;
use super::problem::{Problem, Severity};
use super::valid::ValidScenario;
use super::validate::{validate_catalog, validate_scenario};
use crate::json::{self, Json};
use serde::de::DeserializeOwned;
#[cfg(any(feature = "authoring", test))]
use std::ops::Range;

/// Parses and validates one scenario pack. `file` names it in messages; its
/// extension picks the syntax (`.toml`, else JSON). Warnings do not stop a
/// pack: they come with the valid scenario, for the checker to show.
pub fn load_scenario(file: &str, text: &str, catalog: &Catalog) -> Result<ValidScenario, Vec<Diagnostic>> {
    let mut scenario: Scenario = parse(file, text, decode_scenario)?;
    scenario.file = file.to_string();
    let (warnings, errors): (Vec<Diagnostic>, Vec<Diagnostic>) = validate_scenario(&scenario, catalog, file)
        .into_iter()
        .partition(|d| d.problem.severity() == Severity::Warning);
    if errors.is_empty() {
        // The validator checked every id; resolving cannot fail, but if it
        // ever did, the author hears of it instead of the engine panicking.
        let unresolved =
            Diagnostic { scenario: Some(scenario.id.clone()), ..Diagnostic::new(file, Problem::Unresolved) };
        let valid = ValidScenario::resolve(scenario).ok_or_else(|| place(file, text, vec![unresolved]))?;
        return Ok(valid.with_warnings(place(file, text, warnings)));
    }
    Err(place(file, text, errors))
}

/// Reads a compiled pack of the site's own, one the build validated in full
/// (`scamspot-check --compile` leaves a broken pack out of the index's list,
/// so the app never asks for it): the lean app's packs, which skips the
/// validator's code. Parsing still refuses what does not read as a pack, and
/// `ValidScenario::trust_built` what would stop the engine; a host's own pack
/// goes through `load_scenario`.
pub fn load_built_scenario(file: &str, text: &str) -> Result<ValidScenario, Vec<Diagnostic>> {
    let mut scenario: Scenario = parse(file, text, decode_scenario)?;
    scenario.file = file.to_string();
    ValidScenario::trust_built(scenario, file)
}

/// Parses and validates the catalog.
pub fn load_catalog(file: &str, text: &str) -> Result<Catalog, Vec<Diagnostic>> {
    let catalog: Catalog = parse(file, text, decode_catalog)?;
    let problems = validate_catalog(&catalog, file);
    if problems.is_empty() {
        Ok(catalog)
    } else {
        Err(place(file, text, problems))
    }
}

/// Parses the compiled index the browser starts from, validating its catalog.
pub fn load_index(file: &str, text: &str) -> Result<SiteIndex, Vec<Diagnostic>> {
    let index: SiteIndex = parse(file, text, decode_index)?;
    let problems = validate_catalog(&index.catalog, file);
    if problems.is_empty() {
        Ok(index)
    } else {
        Err(problems)
    }
}

/// Reads the compiled index of the site's own, whose catalog the build
/// validated in full (`scamspot-check --compile`): the lean app's index,
/// which skips the catalog's validation code. Only its format is checked
/// again, as `validate_catalog` names it, so a page left cached from an
/// older build still refuses an index it cannot read.
pub fn load_built_index(file: &str, text: &str) -> Result<SiteIndex, Vec<Diagnostic>> {
    let index: SiteIndex = parse(file, text, decode_index)?;
    match index.catalog.format {
        FORMAT_VERSION => Ok(index),
        version => {
            let problem = Problem::UnsupportedFormat { version };
            Err(vec![Diagnostic::new(file, problem).at(FieldPath::root().key("format"))])
        }
    }
}

/// Reads `text` as TOML (a `.toml` file) or JSON into a `T`.
fn parse<T: DeserializeOwned>(file: &str, text: &str, decode: Decoder<T>) -> Result<T, Vec<Diagnostic>> {
    if file.ends_with(".toml") {
        parse_toml(file, text)
    } else {
        parse_json(file, text, decode)
    }
}

/// A version newer than this build reads explains any failure to read a pack.
fn newer_format(file: &str, text: &str, version: Option<u32>) -> Option<Vec<Diagnostic>> {
    let version = version.filter(|&v| v > FORMAT_VERSION)?;
    let format = FieldPath::root().key("format");
    Some(place(file, text, vec![Diagnostic::new(file, Problem::NewerFormat { version }).at(format)]))
}

/// Every problem of a JSON text points at its line and column, and names
/// the field (and step) it is about. Only the decoding depends on `T`: the
/// reading and the problem's placing are one copy for every kind of file.
fn parse_json<T>(file: &str, text: &str, decode: Decoder<T>) -> Result<T, Vec<Diagnostic>> {
    let document = read_json(file, text)?;
    decode(&document.root, &At::TOP).map_err(|e| place_decode_error(file, text, &document, *e))
}

fn read_json(file: &str, text: &str) -> Result<json::Document, Vec<Diagnostic>> {
    json::read(text).map_err(|e| {
        let problem = Problem::Syntax { message: e.message.to_string() };
        vec![Diagnostic::new(file, problem).pointing_at(text, e.at..e.at)]
    })
}

fn place_decode_error(file: &str, text: &str, document: &json::Document, e: DecodeError) -> Vec<Diagnostic> {
    let format = document.root.get("format").and_then(Json::as_u64).and_then(|v| u32::try_from(v).ok());
    if let Some(newer) = newer_format(file, text, format) {
        return newer;
    }
    let at = offset_of(document, &e.path);
    let step = e.path.step_index().and_then(|i| {
        let step = document.root.get("steps")?.items()?.get(i)?;
        step.get("id")?.as_str().map(str::to_string)
    });
    vec![Diagnostic { step, ..Diagnostic::new(file, e.problem).at(e.path).pointing_at(text, at..at) }]
}

/// Only the version, read leniently, to explain a failure of a newer format.
#[cfg(any(feature = "authoring", test))]
#[derive(serde::Deserialize)]
struct FormatOnly {
    format: Option<u32>,
}

#[cfg(any(feature = "authoring", test))]
fn parse_toml<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Vec<Diagnostic>> {
    toml::from_str(text).map_err(|e| {
        if let Some(newer) = newer_format(file, text, toml::from_str::<FormatOnly>(text).ok().and_then(|f| f.format)) {
            return newer;
        }
        let diagnostic = Diagnostic::new(file, super::syntax::problem_from_parser(e.message()));
        vec![match e.span() {
            Some(span) => at_parser_span(file, text, diagnostic, span),
            None => diagnostic,
        }]
    })
}

/// The browser reads compiled packs only.
#[cfg(not(any(feature = "authoring", test)))]
fn parse_toml<T>(file: &str, _text: &str) -> Result<T, Vec<Diagnostic>> {
    Err(vec![Diagnostic::new(file, Problem::NeedsCompiling)])
}

/// The spans of a TOML file. JSON (compiled packs the browser reads) has
/// none: its author is the build, and a position would help nobody there.
#[cfg(any(feature = "authoring", test))]
fn span_tree<'i>(file: &str, text: &'i str) -> Option<super::locate::SpanTree<'i>> {
    file.ends_with(".toml").then(|| super::locate::SpanTree::parse(text)).flatten()
}

/// Points each problem at its value in a TOML file.
#[cfg(any(feature = "authoring", test))]
fn place(file: &str, text: &str, problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let Some(tree) = span_tree(file, text) else { return problems };
    let mut placed: Vec<Diagnostic> = problems
        .into_iter()
        .map(|problem| {
            let span = tree.locate(&problem.path);
            let span = problem.words_in(text, &span).unwrap_or(span);
            problem.pointing_at(text, span)
        })
        .collect();
    // In file order, as a compiler lists them: the author fixes from the top down.
    placed.sort_by_key(|problem| problem.span.as_ref().map(|span| span.start));
    placed
}

/// Points a parser error at `span` and, in a TOML file, names the field
/// there and its step. serde says 0..0 for "in the top table" (a missing
/// `start`): that points at the table's first field instead of line 1.
#[cfg(any(feature = "authoring", test))]
fn at_parser_span(file: &str, text: &str, diagnostic: Diagnostic, span: Range<usize>) -> Diagnostic {
    let Some(tree) = span_tree(file, text) else { return diagnostic.pointing_at(text, span) };
    if span == (0..0) {
        return diagnostic.pointing_at(text, tree.locate(&FieldPath::root()));
    }
    let path = tree.path_at(span.start);
    let step = path.step_index().and_then(|i| tree.step_id(i));
    Diagnostic { step, ..diagnostic.at(path).pointing_at(text, span) }
}

#[cfg(not(any(feature = "authoring", test)))]
fn place(_file: &str, _text: &str, problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::index::{PackSummary, INDEX_FILE};

    #[test]
    fn syntax_errors_have_line_and_column_in_both_syntaxes() {
        let err = load_catalog("a.toml", "format = 1\nid = \"x\n").err().unwrap();
        assert_eq!((err[0].file.as_str(), err[0].position.map(|p| p.0)), ("a.toml", Some(2)));
        assert_eq!(err[0].problem, Problem::UnterminatedString);
        let err = load_catalog("a.json", "{\"format\": 1,\n \"id\": }").err().unwrap();
        assert_eq!(err[0].position.map(|p| p.0), Some(2));
    }

    #[test]
    fn newer_format_is_explained() {
        let err = parse("new.toml", "format = 9\nid = \"x\"\n", decode_scenario).err().unwrap();
        assert_eq!(err[0].problem, Problem::NewerFormat { version: 9 });
        let err = parse("new.json", "{\"format\": 9}", decode_scenario).err().unwrap();
        assert_eq!(err[0].problem, Problem::NewerFormat { version: 9 });
    }

    #[test]
    fn a_compiled_pack_s_problem_names_its_field_step_and_place() {
        use crate::engine::fixture::{catalog, scenario, SCAM};
        let compiled = serde_json::to_string_pretty(&*scenario(SCAM, "scam.toml")).unwrap();
        let broken = compiled.replacen("\"money\": -100", "\"money\": \"lots\"", 1);
        let err = load_scenario("scam.json", &broken, &catalog()).err().unwrap();
        let at = broken.find("\"lots\"").unwrap();
        assert_eq!(err[0].position, Some(crate::content::diagnostic::line_column(&broken, at)));
        let shown = err[0].to_string();
        assert!(shown.contains("error[SS0007]") && shown.contains(" › 1st choice › money: "), "{shown}");
        assert!(err[0].step.is_some() && err[0].path.step_index().is_some(), "{shown}");
    }

    #[test]
    fn a_built_pack_reads_as_the_validator_reads_it() {
        use crate::engine::fixture::{catalog, scenario, SCAM};
        let compiled = serde_json::to_string(&*scenario(SCAM, "scam.toml")).unwrap();
        let trusted = load_built_scenario("scam.json", &compiled).unwrap();
        let validated = load_scenario("scam.json", &compiled, &catalog()).unwrap();
        assert_eq!(trusted, validated);
        assert_eq!((trusted.start(), trusted.after_spot(0), trusted.after_choice(1, 1)), (0, Some(1), Some(3)));
    }

    #[test]
    fn a_built_pack_that_would_stop_the_engine_is_refused() {
        use crate::engine::fixture::{scenario, SCAM};
        let valid = scenario(SCAM, "scam.toml");
        let mut looping = (*valid).clone().into_inner();
        let last = looping.steps.iter().rposition(|step| !step.choices.is_empty()).unwrap();
        looping.steps[last].choices[0].next = looping.start.clone();
        let err = load_built_scenario("loop.json", &serde_json::to_string(&looping).unwrap()).err().unwrap();
        assert!(matches!(err[0].problem, Problem::Loop { .. }), "{}", err[0]);
        assert_eq!(err[0].scenario.as_deref(), Some(looping.id.as_str()));
        let (from, edge) = (last, 0);
        assert_eq!(err[0].path, crate::content::graph::target_path(&looping.steps[from], from, edge));
        let mut stray = (*valid).clone().into_inner();
        let mut unreached = stray.steps[last].clone();
        unreached.id = "stray".into();
        stray.steps.push(unreached);
        let err = load_built_scenario("stray.json", &serde_json::to_string(&stray).unwrap()).err().unwrap();
        assert!(matches!(err[0].problem, Problem::UnreachableStep), "{}", err[0]);
        assert_eq!(err[0].step.as_deref(), Some("stray"));
        let mut dangling = (*valid).clone().into_inner();
        dangling.steps[last].choices[0].next = "nowhere".into();
        let err = load_built_scenario("dangling.json", &serde_json::to_string(&dangling).unwrap()).err().unwrap();
        assert_eq!(err[0].step.as_deref(), Some(dangling.steps[last].id.as_str()));
        assert!(
            err[0].to_string().contains("error[SS0022]") && err[0].to_string().contains("\"nowhere\""),
            "{}",
            err[0]
        );
        let mut no_start = (*valid).clone().into_inner();
        no_start.start = "nowhere".into();
        let err = load_built_scenario("no-start.json", &serde_json::to_string(&no_start).unwrap()).err().unwrap();
        let shown = err[0].to_string();
        assert!(shown.contains("error[SS0022] scenario \"demo-scam\" start: no step has id \"nowhere\""), "{shown}");
        let err = load_built_scenario("garbled.json", "{\"format\": 2, \"id\": }").err().unwrap();
        assert!(err[0].position.is_some());
    }

    #[test]
    fn a_built_index_reads_as_the_full_reading_and_keeps_its_format_check() {
        use crate::engine::fixture::{catalog, scenario, SCAM};
        let pack = PackSummary::of(&scenario(SCAM, "scam.toml"), "demo/scam.json".into());
        let index = SiteIndex { catalog: catalog(), packs: vec![pack], broken: Vec::new(), only_language: None };
        let compiled = serde_json::to_string(&index).unwrap();
        assert_eq!(load_built_index(INDEX_FILE, &compiled).unwrap(), load_index(INDEX_FILE, &compiled).unwrap());
        let older = SiteIndex { catalog: Catalog { format: FORMAT_VERSION - 1, ..catalog() }, ..index };
        let compiled = serde_json::to_string(&older).unwrap();
        let (built, full) = (load_built_index(INDEX_FILE, &compiled), load_index(INDEX_FILE, &compiled));
        assert_eq!(built.unwrap_err(), full.unwrap_err());
    }

    #[test]
    fn problems_point_at_their_value() {
        let text = "format = 2\nlanguages = []\n";
        let placed = place(
            "c.toml",
            text,
            vec![Diagnostic::new("c.toml", Problem::NoLanguages).at(FieldPath::root().key("languages"))],
        );
        assert_eq!((placed[0].position, placed[0].span.clone()), (Some((2, 13)), Some(23..25)));
    }
}
