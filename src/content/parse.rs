//! Turning pack text into the model, with errors an author can act on.

use super::diagnostic::{line_column, Diagnostic};
use super::model::{Catalog, Scenario, FORMAT_VERSION};
use super::validate::{validate_catalog, validate_scenario};
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// Parses and validates one scenario pack. `file` names it in messages.
pub fn load_scenario(file: &str, text: &str, catalog: &Catalog) -> Result<Scenario, Vec<Diagnostic>> {
    let mut scenario: Scenario = parse(file, text)?;
    scenario.file = file.to_string();
    let mut problems = validate_scenario(&scenario, catalog, file);
    if problems.is_empty() {
        return Ok(scenario);
    }
    for problem in &mut problems {
        if problem.position.is_none() {
            problem.position = problem.step.as_deref().and_then(|step| find_id(text, step));
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

/// Only the version, read leniently, to explain a failure of a newer format.
#[derive(Deserialize)]
struct FormatOnly {
    format: Option<u32>,
}

fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Vec<Diagnostic>> {
    toml::from_str::<T>(text).map_err(|error| {
        let newer = toml::from_str::<FormatOnly>(text)
            .ok()
            .and_then(|f| f.format)
            .filter(|&v| v > FORMAT_VERSION);
        let problem = match newer {
            Some(version) => format!(
                "pack format {version} is newer than this app understands (up to {FORMAT_VERSION}); update ScamSpot or write the pack in format {FORMAT_VERSION}"
            ),
            None => error.message().trim().to_string(),
        };
        vec![Diagnostic {
            file: file.to_string(),
            position: error.span().map(|span| line_column(text, span.start)),
            scenario: None,
            step: None,
            field: String::new(),
            problem,
        }]
    })
}

/// Position of the line `id = "<id>"`, to point semantic errors at their step.
fn find_id(text: &str, id: &str) -> Option<(usize, usize)> {
    let quoted = format!("\"{id}\"");
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix("id") {
            if rest.trim_start().strip_prefix('=').map(str::trim) == Some(quoted.as_str()) {
                return Some(line_column(text, offset + line.len() - trimmed.len()));
            }
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_id_points_at_the_step_line() {
        let text = "id = \"pack\"\n[[steps]]\n  id = \"ad\"\n";
        assert_eq!(find_id(text, "ad"), Some((3, 3)));
        assert_eq!(find_id(text, "missing"), None);
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let err = parse::<FormatOnly>("a.toml", "format = 1\nid = \"x\n").err().unwrap();
        assert_eq!(err.len(), 1);
        assert_eq!(err[0].file, "a.toml");
        assert_eq!(err[0].position.map(|p| p.0), Some(2));
    }

    #[test]
    fn newer_format_is_explained() {
        let err = parse::<Scenario>("new.toml", "format = 9\nid = \"x\"\n").err().unwrap();
        assert!(err[0].problem.contains("format 9 is newer"), "{}", err[0].problem);
    }
}
