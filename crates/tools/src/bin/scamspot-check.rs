//! The pack checker for scenario authors, and the build's pack compiler.
//!
//!     cargo run --bin scamspot-check                      # every pack in static/packs
//!     cargo run --bin scamspot-check -- my-pack.toml      # one pack (catalog found above it)
//!     cargo run --bin scamspot-check -- path/to/packs/    # a folder with a catalog.toml
//!     cargo run --bin scamspot-check -- --compile OUT static/packs   # what the build runs
//!
//! Prints every problem with file, line, scenario, step and field, and exits 1
//! if there is any. `--compile` writes the browser's JSON packs and index into
//! OUT, leaving broken packs out (the app lists them with their problems), and
//! exits 0 unless the catalog itself is unusable, so one bad pack never takes
//! the site down.

use scamspot_core::content::{load_catalog, Diagnostic};
use scamspot_tools::folder::{check_folder, check_pack, compile, find_catalog, CATALOG_FILE};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const DEFAULT_FOLDER: &str = "static/packs";
const USAGE: &str = "usage: scamspot-check [PACK.toml | PACKS-FOLDER]...          check (default: static/packs)
       scamspot-check --compile OUT-FOLDER [PACKS-FOLDER]     compile for the browser";

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    if args.first().map(String::as_str) == Some("--compile") {
        let Some(out) = args.get(1).cloned() else {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        };
        let folder = args.get(2).cloned().unwrap_or_else(|| DEFAULT_FOLDER.to_string());
        return compile_folder(Path::new(&folder), Path::new(&out));
    }
    if args.is_empty() {
        args.push(DEFAULT_FOLDER.to_string());
    }
    let mut problems = Vec::new();
    let mut scenarios = 0;
    for target in args.iter().map(PathBuf::from) {
        match check_target(&target) {
            Ok(n) => scenarios += n,
            Err(mut found) => problems.append(&mut found),
        }
    }
    report(&problems);
    if problems.is_empty() {
        println!("ok: {scenarios} scenario(s) checked, no problems");
        ExitCode::SUCCESS
    } else {
        eprintln!("{} problem(s) found", problems.len());
        ExitCode::FAILURE
    }
}

fn report(problems: &[Diagnostic]) {
    for p in problems {
        eprintln!("error: {p}");
    }
}

fn compile_folder(folder: &Path, out: &Path) -> ExitCode {
    let checked = check_folder(folder);
    report(&checked.problems);
    if checked.catalog.is_none() {
        return ExitCode::FAILURE;
    }
    match compile(&checked, out) {
        Ok(n) => {
            println!(
                "compiled {n} scenario(s) into {}{}",
                out.display(),
                if checked.problems.is_empty() {
                    String::new()
                } else {
                    format!("; {} problem(s), those packs left out", checked.problems.len())
                }
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", out.display());
            ExitCode::FAILURE
        }
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
