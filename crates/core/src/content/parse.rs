//! Turning pack text into the model, with errors an author can act on.
//!
//! Authors write TOML; the build compiles every valid pack to JSON for the
//! browser (`folder::compile`), so the wasm carries no TOML parser. Both go
//! through the same validation.

use super::diagnostic::{line_column, Diagnostic};
use super::index::SiteIndex;
use super::model::{Catalog, Scenario, FORMAT_VERSION};
use super::valid::ValidScenario;
use super::validate::{validate_catalog, validate_scenario};
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// Parses and validates one scenario pack. `file` names it in messages; its
/// extension picks the syntax (`.toml`, else JSON).
pub fn load_scenario(file: &str, text: &str, catalog: &Catalog) -> Result<ValidScenario, Vec<Diagnostic>> {
    let mut scenario: Scenario = parse(file, text)?;
    scenario.file = file.to_string();
    let mut problems = validate_scenario(&scenario, catalog, file);
    if problems.is_empty() {
        // The validator checked every id; resolving cannot fail, but if it
        // ever did, the author hears of it instead of the engine panicking.
        let unresolved = Diagnostic {
            file: file.to_string(),
            position: None,
            scenario: Some(scenario.id.clone()),
            step: None,
            field: "steps".into(),
            problem: "a step id does not resolve".into(),
        };
        return ValidScenario::resolve(scenario).ok_or_else(|| vec![unresolved]);
    }
    for problem in &mut problems {
        if problem.position.is_none() {
            problem.position = match &problem.step {
                Some(step) => find_line(text, "id", &format!("\"{step}\"")),
                None => find_field(text, &problem.field),
            };
        }
    }
    Err(problems)
}

/// Parses and validates the catalog.
pub fn load_catalog(file: &str, text: &str) -> Result<Catalog, Vec<Diagnostic>> {
    let catalog: Catalog = parse(file, text)?;
    let problems = validate_catalog(&catalog, file);
    if problems.is_empty() {
        Ok(catalog)
    } else {
        Err(problems)
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

/// A syntax or shape error: the message and where it is, if known.
type SyntaxError = (String, Option<(usize, usize)>);

fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Vec<Diagnostic>> {
    let is_toml = file.ends_with(".toml");
    parse_as::<T>(is_toml, text).map_err(|(message, position)| {
        let newer = parse_as::<FormatOnly>(is_toml, text).ok().and_then(|f| f.format).filter(|&v| v > FORMAT_VERSION);
        let problem = match newer {
            Some(version) => format!(
                "pack format {version} is newer than this app understands (up to {FORMAT_VERSION}); update ScamSpot or write the pack in format {FORMAT_VERSION}"
            ),
            None => message,
        };
        vec![Diagnostic { file: file.to_string(), position, scenario: None, step: None, field: String::new(), problem }]
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
            (message, (e.line() > 0).then(|| (e.line(), e.column())))
        })
    }
}

#[cfg(any(feature = "toml", test))]
fn parse_toml<T: DeserializeOwned>(text: &str) -> Result<T, SyntaxError> {
    toml::from_str(text)
        .map_err(|e| (e.message().trim().to_string(), e.span().map(|span| line_column(text, span.start))))
}

/// The browser reads compiled packs only; this names the way to get one.
#[cfg(not(any(feature = "toml", test)))]
fn parse_toml<T: DeserializeOwned>(_text: &str) -> Result<T, SyntaxError> {
    let _ = line_column;
    Err(("the app reads compiled packs: run `scamspot-check --compile OUT-FOLDER PACKS-FOLDER` and serve the .json files it writes".to_string(), None))
}

/// Position of the first line `key = value` (value as written), to point a
/// semantic error at its place in the file.
fn find_line(text: &str, key: &str, value: &str) -> Option<(usize, usize)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(key) {
            if let Some(rhs) = rest.trim_start().strip_prefix('=') {
                if value.is_empty() || rhs.trim() == value {
                    return Some(line_column(text, offset + line.len() - trimmed.len()));
                }
            }
        }
        offset += line.len();
    }
    None
}

/// Position of a scenario-level field such as `debrief.channels` or `type`.
fn find_field(text: &str, field: &str) -> Option<(usize, usize)> {
    if field.is_empty() || field.contains('[') {
        return None;
    }
    find_line(text, field, "").or_else(|| field.rsplit('.').next().and_then(|last| find_line(text, last, "")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_line_points_at_the_step_or_field() {
        let text = "id = \"pack\"\ntype = \"x\"\n[[steps]]\n  id = \"ad\"\n";
        assert_eq!(find_line(text, "id", "\"ad\""), Some((4, 3)));
        assert_eq!(find_line(text, "id", "\"missing\""), None);
        assert_eq!(find_field(text, "type"), Some((2, 1)));
        assert_eq!(find_field(text, "debrief.type"), Some((2, 1)));
        assert_eq!(find_field(text, "steps.choices[0]"), None);
    }

    #[test]
    fn syntax_errors_have_line_and_column_in_both_syntaxes() {
        let err = parse::<FormatOnly>("a.toml", "format = 1\nid = \"x\n").err().unwrap();
        assert_eq!((err[0].file.as_str(), err[0].position.map(|p| p.0)), ("a.toml", Some(2)));
        let err = parse::<FormatOnly>("a.json", "{\"format\": 1,\n \"id\": }").err().unwrap();
        assert_eq!(err[0].position.map(|p| p.0), Some(2));
        assert!(!err[0].problem.contains(" at line "), "{}", err[0].problem);
    }

    #[test]
    fn newer_format_is_explained() {
        let err = parse::<Scenario>("new.toml", "format = 9\nid = \"x\"\n").err().unwrap();
        assert!(err[0].problem.contains("format 9 is newer"), "{}", err[0].problem);
        let err = parse::<Scenario>("new.json", "{\"format\": 9}").err().unwrap();
        assert!(err[0].problem.contains("format 9 is newer"), "{}", err[0].problem);
    }
}
