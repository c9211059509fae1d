//! The pack checker for scenario authors, and the build's pack compiler.
//!
//!     cargo run --bin scamspot-check                      # every pack in static/packs
//!     cargo run --bin scamspot-check -- my-pack.toml      # one pack (catalog found above it, else the shipped one)
//!     cargo run --bin scamspot-check -- path/to/packs/    # a folder with a catalog.toml
//!     cargo run --bin scamspot-check -- --lang zh-CN ...  # messages in Chinese (default: from LC_ALL/LC_MESSAGES/LANG)
//!     cargo run --bin scamspot-check -- --compile OUT static/packs   # what the build runs
//!
//! Draws every problem as rustc does (code, message, the line with the value
//! underlined, help) and exits 1 if there is any error; warnings are drawn
//! too (`warning[SS0049]`) but leave the exit status 0. `--compile` writes the
//! browser's JSON packs and index into OUT, leaving broken packs out (the app
//! lists them with their problems), and exits 0 unless the catalog itself is
//! unusable, so one bad pack never takes the site down.

use scamspot_core::content::Diagnostic;
use scamspot_core::i18n::Lang;
use scamspot_tools::folder::{catalog_for, check_folder, check_pack, compile, CatalogSource};
use scamspot_tools::locale::lang_from_locale;
use scamspot_tools::render::{render_all, Colour};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const DEFAULT_FOLDER: &str = "static/packs";
const USAGE: &str =
    "usage: scamspot-check [--lang zh-CN|en] [PACK.toml | PACKS-FOLDER]...   check (default: static/packs)
       scamspot-check [--lang zh-CN|en] --compile OUT-FOLDER [PACKS-FOLDER]   compile for the browser";

/// Where the checker writes: the language and whether to colour.
struct Output {
    lang: Lang,
    colour: Colour,
}

impl Output {
    /// Draws `problems`, reading each named file below `base`.
    fn problems(&self, problems: &[Diagnostic], base: &Path) {
        let read = |file: &str| std::fs::read_to_string(base.join(file)).ok();
        eprint!("{}", render_all(problems, read, self.lang, self.colour));
    }

    fn say(&self, chinese: String, english: String) -> String {
        if self.lang == Lang::ZhCn {
            chinese
        } else {
            english
        }
    }
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let lang = match take_option(&mut args, "--lang") {
        Ok(Some(code)) => match Lang::from_code(&code) {
            Some(lang) => lang,
            None => return usage_error(),
        },
        Ok(None) => lang_from_locale(|name| std::env::var(name).ok()),
        Err(()) => return usage_error(),
    };
    // Colour only for a person at a terminal who has not asked for none (https://no-color.org).
    let colour = match std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        true => Colour::Terminal,
        false => Colour::Plain,
    };
    let out = Output { lang, colour };
    if args.first().map(String::as_str) == Some("--compile") {
        let Some(target) = args.get(1).cloned() else { return usage_error() };
        let folder = args.get(2).cloned().unwrap_or_else(|| DEFAULT_FOLDER.to_string());
        return compile_folder(&out, Path::new(&folder), Path::new(&target));
    }
    if args.is_empty() {
        args.push(DEFAULT_FOLDER.to_string());
    }
    let mut total = Tally::default();
    for target in args.iter().map(PathBuf::from) {
        let tally = check_target(&out, &target);
        total = Tally {
            passed: total.passed + tally.passed,
            errors: total.errors + tally.errors,
            warnings: total.warnings + tally.warnings,
        };
    }
    let (scenarios, problems, warnings) = (total.passed, total.errors, total.warnings);
    if problems == 0 {
        let message = match warnings {
            0 => out.say(
                format!("通过：检查了 {scenarios} 个场景，没有问题"),
                format!("ok: {scenarios} scenario(s) checked, no problems"),
            ),
            _ => out.say(
                format!("通过：检查了 {scenarios} 个场景，没有错误，{warnings} 个警告"),
                format!("ok: {scenarios} scenario(s) checked, no errors, {warnings} warning(s)"),
            ),
        };
        println!("{message}");
        ExitCode::SUCCESS
    } else {
        eprintln!("{}", out.say(format!("发现 {problems} 个问题"), format!("{problems} problem(s) found")));
        ExitCode::FAILURE
    }
}

fn usage_error() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

/// Removes `name VALUE` from `args`; `Err` if the value is missing.
fn take_option(args: &mut Vec<String>, name: &str) -> Result<Option<String>, ()> {
    let Some(at) = args.iter().position(|a| a == name) else { return Ok(None) };
    if at + 1 >= args.len() {
        return Err(());
    }
    let value = args.remove(at + 1);
    args.remove(at);
    Ok(Some(value))
}

fn compile_folder(out: &Output, folder: &Path, target: &Path) -> ExitCode {
    let checked = check_folder(folder);
    out.problems(&checked.problems, folder);
    if checked.catalog.is_none() {
        return ExitCode::FAILURE;
    }
    match compile(&checked, target) {
        Ok(n) => {
            let left_out = match checked.problems.len() {
                0 => String::new(),
                n => format!("; {n} problem(s), those packs left out"),
            };
            println!("compiled {n} scenario(s) into {}{left_out}", target.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", target.display());
            ExitCode::FAILURE
        }
    }
}

/// What checking a folder or a pack found.
#[derive(Default)]
struct Tally {
    /// Scenarios that passed (counted only when the target has no error).
    passed: usize,
    errors: usize,
    warnings: usize,
}

/// Checks a folder or one pack, drawing its errors and warnings (each pack's together).
fn check_target(out: &Output, target: &Path) -> Tally {
    let (base, errors, warnings, passed) = if target.is_dir() {
        let report = check_folder(target);
        (target, report.problems, report.warnings, report.scenarios.len())
    } else {
        let (source, catalog) = catalog_for(target);
        // On stderr, so it stays in order with the problems it explains.
        eprintln!("{}", catalog_note(out, target, &source));
        let checked = catalog.and_then(|catalog| check_pack(target, &target.display().to_string(), &catalog));
        match checked {
            Ok(scenario) => (Path::new(""), Vec::new(), scenario.warnings().to_vec(), 1),
            Err(problems) => (Path::new(""), problems, Vec::new(), 0),
        }
    };
    let mut drawn: Vec<Diagnostic> = errors.iter().chain(&warnings).cloned().collect();
    drawn.sort_by(|a, b| a.file.cmp(&b.file));
    out.problems(&drawn, base);
    Tally { passed: if errors.is_empty() { passed } else { 0 }, errors: errors.len(), warnings: warnings.len() }
}

/// Says which catalog a single pack's types, techniques and channels were checked against.
fn catalog_note(out: &Output, pack: &Path, source: &CatalogSource) -> String {
    let pack = pack.display();
    match source {
        CatalogSource::Nearest(path) => {
            let path = path.display();
            out.say(format!("提示：{pack} 使用目录 {path}"), format!("note: {pack} is checked against the catalog {path}"))
        }
        CatalogSource::BuiltIn => out.say(
            format!("提示：{pack} 所在及上层文件夹里没有 catalog.toml，使用 ScamSpot 内置的目录"),
            format!("note: no catalog.toml in the folder of {pack} or above; it is checked against the catalog built into ScamSpot"),
        ),
    }
}
