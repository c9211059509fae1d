//! A packs folder on disk: the catalog and every scenario pack below it,
//! checked together (duplicate ids only show across packs), and compiled for
//! the browser. Only the author's checker, the build and `cargo test` use it;
//! the browser loads compiled packs one by one through `load_scenario`.

use scamspot_core::content::index::{language_index_file, BrokenPack, PackSummary, SiteIndex, INDEX_FILE};
use scamspot_core::content::locate::SpanTree;
use scamspot_core::content::{load_catalog, load_scenario};
use scamspot_core::content::{Catalog, Diagnostic, Fiction, FieldPath, Problem, ValidScenario};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

pub const CATALOG_FILE: &str = "catalog.toml";

/// What checking a folder found: the catalog, the scenarios that are fine,
/// and every problem, grouped by the pack it is in. Warnings (in packs that
/// still play) are apart: they leave no pack out.
#[derive(Debug, Default)]
pub struct FolderReport {
    pub catalog: Option<Catalog>,
    pub scenarios: Vec<ValidScenario>,
    pub problems: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
}

fn read(path: &Path, shown: &str) -> Result<String, Vec<Diagnostic>> {
    fs::read_to_string(path).map_err(|e| vec![Diagnostic::new(shown, Problem::CannotRead { reason: e.to_string() })])
}

/// Checks the catalog in `dir` and every `.toml` pack below it.
pub fn check_folder(dir: &Path) -> FolderReport {
    let mut report = FolderReport::default();
    let catalog = match read(&dir.join(CATALOG_FILE), CATALOG_FILE).and_then(|text| load_catalog(CATALOG_FILE, &text)) {
        Ok(catalog) => with_shipped_fiction(catalog),
        Err(problems) => {
            report.problems = problems;
            return report;
        }
    };
    let files = match files_below(dir) {
        Ok(files) => files,
        Err(e) => {
            let reason = e.to_string();
            report.problems.push(Diagnostic::new(&dir.display().to_string(), Problem::CannotRead { reason }));
            return report;
        }
    };
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    for shown in files.into_iter().filter(|f| f.ends_with(".toml") && f != CATALOG_FILE) {
        match check_pack(&dir.join(&shown), &shown, &catalog) {
            Ok(scenario) => {
                report.warnings.extend_from_slice(scenario.warnings());
                match ids.insert(scenario.id.clone(), shown.clone()) {
                    Some(other) => report.problems.push(duplicate_id(&dir.join(&shown), &shown, &scenario, other)),
                    None => report.scenarios.push(scenario),
                }
            }
            Err(problems) => report.problems.extend(problems),
        }
    }
    report.catalog = Some(catalog);
    report
}

/// A second pack with a scenario id already taken, pointing at its `id`.
fn duplicate_id(path: &Path, shown: &str, scenario: &ValidScenario, other: String) -> Diagnostic {
    let id = FieldPath::root().key("id");
    let problem = Diagnostic {
        scenario: Some(scenario.id.clone()),
        ..Diagnostic::new(shown, Problem::DuplicateScenarioId { other }).at(id.clone())
    };
    let text = fs::read_to_string(path).unwrap_or_default();
    match SpanTree::parse(&text) {
        Some(tree) => problem.pointing_at(&text, tree.locate(&id)),
        None => problem,
    }
}

/// Reads and validates one pack file against `catalog`.
pub fn check_pack(path: &Path, shown: &str, catalog: &Catalog) -> Result<ValidScenario, Vec<Diagnostic>> {
    let text = read(path, shown)?;
    load_scenario(shown, &text, catalog)
}

/// The catalog that governs a pack file: the nearest catalog.toml above it.
pub fn find_catalog(pack: &Path) -> Option<PathBuf> {
    pack.ancestors().skip(1).map(|dir| dir.join(CATALOG_FILE)).find(|c| c.is_file())
}

/// The shipped catalog, built into the checker, for a pack checked on its
/// own outside any packs folder (e.g. one mailed to a reviewer).
pub const BUILT_IN_CATALOG: &str = include_str!("../../../static/packs/catalog.toml");

/// Which catalog a single pack was checked against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogSource {
    /// The nearest catalog.toml above the pack.
    Nearest(PathBuf),
    /// None above it: the project's shipped one, built into the checker.
    BuiltIn,
}

/// The catalog for a single pack and where it came from. The problems name
/// the catalog file (its path as found, or `catalog.toml` for the built-in one).
pub fn catalog_for(pack: &Path) -> (CatalogSource, Result<Catalog, Vec<Diagnostic>>) {
    match find_catalog(pack) {
        Some(path) => {
            let shown = path.display().to_string();
            let catalog = read(&path, &shown).and_then(|text| load_catalog(&shown, &text)).map(with_shipped_fiction);
            (CatalogSource::Nearest(path), catalog)
        }
        None => (CatalogSource::BuiltIn, load_catalog(CATALOG_FILE, BUILT_IN_CATALOG)),
    }
}

/// A catalog without its own `[fiction]` lists (a campus's packs folder, a
/// branch made before them) gets the shipped catalog's, so every pack is held
/// to the same fictional-safe rules and the official numbers stay allowed.
pub fn with_shipped_fiction(mut catalog: Catalog) -> Catalog {
    if catalog.fiction == Fiction::default() {
        if let Ok(shipped) = load_catalog(CATALOG_FILE, BUILT_IN_CATALOG) {
            catalog.fiction = shipped.fiction;
        }
    }
    catalog
}

/// The compiled file name of a pack: `a/b.toml` → `a/b.json`.
pub fn compiled_name(source: &str) -> String {
    format!("{}.json", source.strip_suffix(".toml").unwrap_or(source))
}

/// Writes what the browser loads into `out`: `index.json` (catalog, one line
/// per good pack, the broken ones with their problems), the same in each of
/// the catalog's languages alone (`index.<lang>.json`), and one JSON file per
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
        only_language: None,
    };
    fs::create_dir_all(out)?;
    fs::write(out.join(INDEX_FILE), serde_json::to_string(&index)?)?;
    for lang in &index.catalog.languages {
        fs::write(out.join(language_index_file(lang)), serde_json::to_string(&index.in_language(lang))?)?;
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pack_outside_any_packs_folder_is_checked_against_the_built_in_catalog() {
        let (source, catalog) = catalog_for(Path::new("/no-such-folder/pack.toml"));
        assert_eq!(source, CatalogSource::BuiltIn);
        assert!(catalog.expect("the shipped catalog is valid").scam_type("order-brushing").is_some());
    }

    #[test]
    fn a_catalog_without_fiction_lists_gets_the_shipped_ones() {
        let (_, shipped) = catalog_for(Path::new("/no-such-folder/pack.toml"));
        let shipped = shipped.unwrap();
        assert!(shipped.fiction.numbers.contains(&"96110".to_string()) && !shipped.fiction.denylist.is_empty());
        let bare = Catalog { fiction: Fiction::default(), ..shipped.clone() };
        assert_eq!(with_shipped_fiction(bare).fiction, shipped.fiction);
        let own = Fiction { denylist: vec!["x".into()], ..Fiction::default() };
        let kept = with_shipped_fiction(Catalog { fiction: own.clone(), ..shipped });
        assert_eq!(kept.fiction, own, "a catalog's own lists are kept");
    }

    /// The site index's catalog has no `[fiction]` lists: a compiled pack that
    /// names an official number (96110) must still load where the rules are
    /// compiled in (the lecture server under `cargo test`), as in the browser.
    #[test]
    fn compiled_packs_are_not_held_to_the_fiction_rules_again() {
        let packs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../static/packs");
        let file = "fake-loan/instant-loan-app.toml";
        let source = fs::read_to_string(packs.join(file)).unwrap();
        assert!(source.contains("96110"));
        let (_, shipped) = catalog_for(&packs.join(file));
        let bare = Catalog { fiction: Fiction::default(), ..shipped.unwrap() };
        let authored = load_scenario(file, &source, &bare).expect_err("96110 is not allowed by empty lists");
        assert!(authored.iter().all(|d| d.problem.code().to_string() == "SS0043"), "{authored:?}");
        let scenario = load_scenario(file, &source, &with_shipped_fiction(bare.clone())).unwrap();
        let compiled = serde_json::to_string(&*scenario).unwrap();
        assert!(load_scenario(&compiled_name(file), &compiled, &bare).is_ok());
    }

    #[test]
    fn a_pack_in_a_packs_folder_uses_the_nearest_catalog() {
        let pack = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../static/packs/order-brushing/like-for-cash.toml");
        let (source, catalog) = catalog_for(&pack);
        assert!(matches!(source, CatalogSource::Nearest(path) if path.ends_with("static/packs/catalog.toml")));
        assert!(catalog.is_ok());
    }
}
