//! A packs folder on disk: the catalog and every scenario pack below it,
//! checked together (duplicate ids only show across packs), and compiled for
//! the browser. Only the author's checker, the build and `cargo test` use it;
//! the browser loads compiled packs one by one through `load_scenario`.

use scamspot_core::content::index::{BrokenPack, PackSummary, SiteIndex, INDEX_FILE};
use scamspot_core::content::Diagnostic;
use scamspot_core::content::{load_catalog, load_scenario};
use scamspot_core::content::{Catalog, ValidScenario};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

pub const CATALOG_FILE: &str = "catalog.toml";

/// What checking a folder found: the catalog, the scenarios that are fine,
/// and every problem, grouped by the pack it is in.
#[derive(Debug, Default)]
pub struct FolderReport {
    pub catalog: Option<Catalog>,
    pub scenarios: Vec<ValidScenario>,
    pub problems: Vec<Diagnostic>,
}

fn problem(file: &str, field: &str, text: String) -> Diagnostic {
    Diagnostic {
        file: file.to_string(),
        position: None,
        scenario: None,
        step: None,
        field: field.to_string(),
        problem: text,
    }
}

fn read(path: &Path, shown: &str) -> Result<String, Diagnostic> {
    fs::read_to_string(path).map_err(|e| problem(shown, "", format!("cannot read the file: {e}")))
}

/// Checks the catalog in `dir` and every `.toml` pack below it.
pub fn check_folder(dir: &Path) -> FolderReport {
    let mut report = FolderReport::default();
    let catalog = match read(&dir.join(CATALOG_FILE), CATALOG_FILE)
        .map_err(|p| vec![p])
        .and_then(|text| load_catalog(CATALOG_FILE, &text))
    {
        Ok(catalog) => catalog,
        Err(problems) => {
            report.problems = problems;
            return report;
        }
    };
    let files = match files_below(dir) {
        Ok(files) => files,
        Err(e) => {
            report.problems.push(problem(&dir.display().to_string(), "", format!("cannot read the folder: {e}")));
            return report;
        }
    };
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    for shown in files.into_iter().filter(|f| f.ends_with(".toml") && f != CATALOG_FILE) {
        match check_pack(&dir.join(&shown), &shown, &catalog) {
            Ok(scenario) => match ids.insert(scenario.id.clone(), shown.clone()) {
                Some(other) => report.problems.push(Diagnostic {
                    scenario: Some(scenario.id.clone()),
                    ..problem(&shown, "id", format!("{other} already uses this scenario id; ids must be unique"))
                }),
                None => report.scenarios.push(scenario),
            },
            Err(problems) => report.problems.extend(problems),
        }
    }
    report.catalog = Some(catalog);
    report
}

/// Reads and validates one pack file against `catalog`.
pub fn check_pack(path: &Path, shown: &str, catalog: &Catalog) -> Result<ValidScenario, Vec<Diagnostic>> {
    let text = read(path, shown).map_err(|p| vec![p])?;
    load_scenario(shown, &text, catalog)
}

/// The catalog that governs a pack file: the nearest catalog.toml above it.
pub fn find_catalog(pack: &Path) -> Option<PathBuf> {
    pack.ancestors().skip(1).map(|dir| dir.join(CATALOG_FILE)).find(|c| c.is_file())
}

/// The compiled file name of a pack: `a/b.toml` → `a/b.json`.
pub fn compiled_name(source: &str) -> String {
    format!("{}.json", source.strip_suffix(".toml").unwrap_or(source))
}

/// Writes what the browser loads into `out`: `index.json` (catalog, one line
/// per good pack, the broken ones with their problems) and one JSON file per
/// good pack. Broken packs are left out, so the app still plays the others.
pub fn compile(report: &FolderReport, out: &Path) -> std::io::Result<usize> {
    let Some(catalog) = &report.catalog else { return Ok(0) };
    let mut broken: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for p in &report.problems {
        broken.entry(p.file.clone()).or_default().push(p.to_string());
    }
    let mut packs = Vec::new();
    for scenario in report.scenarios.iter().filter(|s| !broken.contains_key(&s.file)) {
        let file = compiled_name(&scenario.file);
        let path = out.join(&file);
        fs::create_dir_all(path.parent().unwrap_or(out))?;
        fs::write(&path, serde_json::to_string(scenario)?)?;
        packs.push(PackSummary::of(scenario, file));
    }
    let index = SiteIndex {
        catalog: catalog.clone(),
        packs,
        broken: broken.into_iter().map(|(file, problems)| BrokenPack { file, problems }).collect(),
    };
    fs::create_dir_all(out)?;
    fs::write(out.join(INDEX_FILE), serde_json::to_string(&index)?)?;
    Ok(index.packs.len())
}

/// Every file below `dir`, relative to it with '/' separators, sorted.
/// Symbolic links are not followed (so a link cycle cannot loop), and a
/// folder that cannot be read is an error, not a silently shorter list.
pub fn files_below(dir: &Path) -> Result<Vec<String>, walkdir::Error> {
    let mut out = Vec::new();
    for entry in WalkDir::new(dir).sort_by_file_name() {
        let entry = entry?;
        if entry.file_type().is_file() {
            if let Ok(relative) = entry.path().strip_prefix(dir) {
                out.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    Ok(out)
}
