//! Checking a whole packs folder from disk: the catalog, every pack it lists,
//! and what only shows across packs (duplicate ids, unlisted files). Only
//! the author's checker and `cargo test` use it; the browser loads packs
//! one by one through `load_scenario` (nothing here ends up in the wasm).

use super::diagnostic::Diagnostic;
use super::model::{Catalog, Scenario};
use super::parse::{load_catalog, load_scenario};
use super::validate::validate_listing;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

pub const CATALOG_FILE: &str = "catalog.toml";

/// What checking a folder found: the scenarios that are fine and every problem.
#[derive(Debug, Default)]
pub struct FolderReport {
    pub catalog: Option<Catalog>,
    pub scenarios: Vec<Scenario>,
    pub problems: Vec<Diagnostic>,
}

fn problem(file: &str, field: &str, text: String) -> Diagnostic {
    Diagnostic { file: file.to_string(), position: None, scenario: None, step: None, field: field.to_string(), problem: text }
}

fn read(path: &Path, shown: &str) -> Result<String, Diagnostic> {
    fs::read_to_string(path).map_err(|e| problem(shown, "", format!("cannot read the file: {e}")))
}

/// Checks the catalog in `dir` and every pack it lists.
pub fn check_folder(dir: &Path) -> FolderReport {
    let mut report = FolderReport::default();
    let catalog = match read(&dir.join(CATALOG_FILE), CATALOG_FILE).map(|text| load_catalog(CATALOG_FILE, &text)) {
        Ok(Ok(catalog)) => catalog,
        Ok(Err(problems)) => {
            report.problems = problems;
            return report;
        }
        Err(p) => {
            report.problems.push(p);
            return report;
        }
    };
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    for scam_type in &catalog.types {
        for entry in &scam_type.packs {
            match check_pack(&dir.join(&entry.file), &entry.file, &catalog) {
                Ok(scenario) => {
                    let listing = validate_listing(&scenario, &scam_type.id, entry.genuine, &entry.file);
                    if let Some(other) = ids.insert(scenario.id.clone(), entry.file.clone()) {
                        report.problems.push(problem(&entry.file, "id", format!("scenario id \"{}\" is also used by {other}; ids must be unique", scenario.id)));
                    } else if listing.is_empty() {
                        report.scenarios.push(scenario);
                    }
                    report.problems.extend(listing);
                }
                Err(problems) => report.problems.extend(problems),
            }
        }
    }
    let listed: Vec<&str> = catalog.types.iter().flat_map(|t| t.packs.iter().map(|p| p.file.as_str())).collect();
    for file in toml_files(dir) {
        let relative = file.strip_prefix(dir).unwrap_or(&file).to_string_lossy().replace('\\', "/");
        if relative != CATALOG_FILE && !listed.contains(&relative.as_str()) {
            report.problems.push(problem(&relative, "", format!("this pack is not listed in {CATALOG_FILE}; add {{ file = \"{relative}\", genuine = … }} to its type's `packs`")));
        }
    }
    report.catalog = Some(catalog);
    report
}

/// Reads and validates one pack file against `catalog`.
pub fn check_pack(path: &Path, shown: &str, catalog: &Catalog) -> Result<Scenario, Vec<Diagnostic>> {
    let text = read(path, shown).map_err(|p| vec![p])?;
    load_scenario(shown, &text, catalog)
}

/// The catalog that governs a pack file: the nearest catalog.toml above it.
pub fn find_catalog(pack: &Path) -> Option<PathBuf> {
    pack.ancestors().skip(1).map(|dir| dir.join(CATALOG_FILE)).find(|c| c.is_file())
}

fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let Ok(entries) = fs::read_dir(&d) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}
