//! The pack checker for scenario authors.
//!
//!     cargo run --bin scamspot-check                      # every pack in static/packs
//!     cargo run --bin scamspot-check -- my-pack.toml      # one pack (catalog found above it)
//!     cargo run --bin scamspot-check -- path/to/packs/    # a folder with a catalog.toml
//!
//! Prints every problem with file, line, scenario, step and field, and exits 1
//! if there is any, so it also works in a script or CI.

use scamspot::content::folder::{check_folder, check_pack, find_catalog, CATALOG_FILE};
use scamspot::content::{load_catalog, Diagnostic};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const DEFAULT_FOLDER: &str = "static/packs";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("usage: scamspot-check [PACK.toml | PACKS-FOLDER]...   (default: {DEFAULT_FOLDER})");
        return ExitCode::SUCCESS;
    }
    let targets: Vec<PathBuf> = if args.is_empty() { vec![PathBuf::from(DEFAULT_FOLDER)] } else { args.iter().map(PathBuf::from).collect() };
    let mut problems = Vec::new();
    let mut scenarios = 0;
    for target in &targets {
        match check_target(target) {
            Ok(n) => scenarios += n,
            Err(mut found) => problems.append(&mut found),
        }
    }
    for p in &problems {
        eprintln!("error: {p}");
    }
    if problems.is_empty() {
        println!("ok: {scenarios} scenario(s) checked, no problems");
        ExitCode::SUCCESS
    } else {
        eprintln!("{} problem(s) found", problems.len());
        ExitCode::FAILURE
    }
}

/// Checks a folder or one pack; returns how many scenarios passed.
fn check_target(target: &Path) -> Result<usize, Vec<Diagnostic>> {
    let shown = target.display().to_string();
    if target.is_dir() {
        let report = check_folder(target);
        return if report.problems.is_empty() { Ok(report.scenarios.len()) } else { Err(report.problems) };
    }
    let Some(catalog_path) = find_catalog(target) else {
        return Err(vec![Diagnostic {
            file: shown,
            position: None,
            scenario: None,
            step: None,
            field: String::new(),
            problem: format!("no {CATALOG_FILE} found in this folder or above it; put the pack inside a packs folder such as {DEFAULT_FOLDER}"),
        }]);
    };
    let catalog_text = std::fs::read_to_string(&catalog_path).unwrap_or_default();
    let catalog = load_catalog(&catalog_path.display().to_string(), &catalog_text)?;
    check_pack(target, &shown, &catalog).map(|_| 1)
}
