//! Turning pack text into the model, with errors an author can act on.
//!
//! Authors write TOML; the build compiles every valid pack to JSON for the
//! browser (`folder::compile`), so the wasm carries no TOML parser. Both go
//! through the same validation.

use super::diagnostic::Diagnostic;
use super::index::SiteIndex;
use super::model::{Catalog, Scenario, FORMAT_VERSION};
use super::path::FieldPath;
use super::problem::{Problem, Severity};
use super::syntax::problem_from_parser;
use super::valid::ValidScenario;
use super::validate::{validate_catalog, validate_scenario};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::ops::Range;

/// Parses and validates one scenario pack. `file` names it in messages; its
/// extension picks the syntax (`.toml`, else JSON). Warnings do not stop a
/// pack: they come with the valid scenario, for the checker to show.
pub fn load_scenario(file: &str, text: &str, catalog: &Catalog) -> Result<ValidScenario, Vec<Diagnostic>> {
    let mut scenario: Scenario = parse(file, text)?;
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

/// Parses and validates the catalog.
pub fn load_catalog(file: &str, text: &str) -> Result<Catalog, Vec<Diagnostic>> {
    let catalog: Catalog = parse(file, text)?;
    let problems = validate_catalog(&catalog, file);
    if problems.is_empty() {
        Ok(catalog)
    } else {
        Err(place(file, text, problems))
    }
}

/// Parses the compiled index the browser starts from, validating its catalog.
pub fn load_index(file: &str, text: &str) -> Result<SiteIndex, Vec<Diagnostic>> {
    let index: SiteIndex = parse(file, text)?;
    let problems = validate_catalog(&index.catalog, file);
    if problems.is_empty() {
        Ok(index)
    } else {
        Err(problems)
    }
}

/// Only the version, read leniently, to explain a failure of a newer format.
#[derive(Deserialize)]
struct FormatOnly {
    format: Option<u32>,
}

/// A syntax or shape error: the parser's message and the bytes it is about, if known.
type SyntaxError = (String, Option<Range<usize>>);

fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Vec<Diagnostic>> {
    let is_toml = file.ends_with(".toml");
    parse_as::<T>(is_toml, text).map_err(|(message, span)| {
        let newer = parse_as::<FormatOnly>(is_toml, text).ok().and_then(|f| f.format).filter(|&v| v > FORMAT_VERSION);
        if let Some(version) = newer {
            // Whatever else failed, the version explains it: point at it.
            let format = FieldPath::root().key("format");
            return place(file, text, vec![Diagnostic::new(file, Problem::NewerFormat { version }).at(format)]);
        }
        let problem = if is_toml && cfg!(not(any(feature = "authoring", test))) {
            Problem::NeedsCompiling
        } else {
            problem_from_parser(&message)
        };
        let diagnostic = Diagnostic::new(file, problem);
        vec![match span {
            Some(span) => at_parser_span(file, text, diagnostic, span),
            None => diagnostic,
        }]
    })
}

fn parse_as<T: DeserializeOwned>(is_toml: bool, text: &str) -> Result<T, SyntaxError> {
    if is_toml {
        parse_toml(text)
    } else {
        serde_json::from_str(text).map_err(|e| {
            let message = e.to_string();
            // serde_json appends " at line L column C"; the position is reported separately.
            let message = message.split(" at line ").next().unwrap_or(&message).to_string();
            (message, (e.line() > 0).then(|| byte_offset(text, e.line(), e.column())).map(|at| at..at))
        })
    }
}

/// The byte offset of a 1-based line and (byte) column, as serde_json counts them.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text.split_inclusive('\n').take(line - 1).map(str::len).sum();
    (line_start + column.saturating_sub(1)).min(text.len())
}

#[cfg(any(feature = "authoring", test))]
fn parse_toml<T: DeserializeOwned>(text: &str) -> Result<T, SyntaxError> {
    toml::from_str(text).map_err(|e| (e.message().to_string(), e.span()))
}

/// The browser reads compiled packs only (`parse` says so).
#[cfg(not(any(feature = "authoring", test)))]
fn parse_toml<T: DeserializeOwned>(_text: &str) -> Result<T, SyntaxError> {
    Err((String::new(), None))
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
fn at_parser_span(_file: &str, text: &str, diagnostic: Diagnostic, span: Range<usize>) -> Diagnostic {
    diagnostic.pointing_at(text, span)
}

#[cfg(not(any(feature = "authoring", test)))]
fn place(_file: &str, _text: &str, problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_have_line_and_column_in_both_syntaxes() {
        let err = parse::<FormatOnly>("a.toml", "format = 1\nid = \"x\n").err().unwrap();
        assert_eq!((err[0].file.as_str(), err[0].position.map(|p| p.0)), ("a.toml", Some(2)));
        assert_eq!(err[0].problem, Problem::UnterminatedString);
        let err = parse::<FormatOnly>("a.json", "{\"format\": 1,\n \"id\": }").err().unwrap();
        assert_eq!(err[0].position.map(|p| p.0), Some(2));
    }

    #[test]
    fn newer_format_is_explained() {
        let err = parse::<Scenario>("new.toml", "format = 9\nid = \"x\"\n").err().unwrap();
        assert_eq!(err[0].problem, Problem::NewerFormat { version: 9 });
        let err = parse::<Scenario>("new.json", "{\"format\": 9}").err().unwrap();
        assert_eq!(err[0].problem, Problem::NewerFormat { version: 9 });
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
