//! The broken-pack corpus, tested as rustc tests its error messages: each
//! file in tests/broken_packs/ is broken on purpose (or, for a warning's code,
//! only warned about: it still loads, with the warning beside it), names in
//! its header the code the checker must report (`# expect-code: SS0022`), and has the
//! checker's full output saved next to it (`loop.toml` → `loop.stderr`, and
//! for some `loop.zh.stderr` in Chinese). Any change to a message, a position
//! or the drawing shows up as a diff. After a deliberate change, re-bless:
//!
//!     BLESS=1 cargo test --test broken_packs
//!
//! and review the changed .stderr files in the diff. Then a fuzz test:
//! thousands of mutated packs must never panic parsing, validation or
//! playing, and every problem they raise must be placed and drawn.

use scamspot_core::content::{load_catalog, load_scenario, Catalog, Diagnostic, Scenario, StepKind};
use scamspot_core::engine::rng::Rng;
use scamspot_core::engine::{Action, Round};
use scamspot_core::i18n::Lang;
use scamspot_tools::folder::check_pack;
use scamspot_tools::render::{render, render_all, Colour};
use std::fs;
use std::path::Path;
use std::rc::Rc;

const CORPUS: &str = "tests/broken_packs";

/// Cases whose Chinese output is saved too (`NAME.zh.stderr`).
const CHINESE: &[&str] = &[
    "loop",
    "next-missing-step",
    "unknown-field",
    "syntax-unclosed-string",
    "flag-not-in-text",
    "missing-start",
    "fiction-mobile",
];

fn catalog() -> Catalog {
    load_catalog("catalog.toml", &fs::read_to_string(Path::new(CORPUS).join("catalog.toml")).unwrap()).unwrap()
}

fn header<'a>(text: &'a str, key: &str) -> &'a str {
    text.lines().find_map(|l| l.strip_prefix(&format!("# expect-{key}:"))).map_or("", str::trim)
}

#[test]
fn the_valid_base_of_the_corpus_is_valid() {
    let base = check_pack(&Path::new(CORPUS).join("valid-base.toml"), "valid-base.toml", &catalog())
        .expect("the base pack is valid");
    assert!(base.warnings().is_empty(), "and draws no warning");
}

#[test]
fn a_warned_pack_still_loads_and_plays() {
    let path = Path::new(CORPUS).join("pinned-order.toml");
    let scenario = check_pack(&path, "pinned-order.toml", &catalog()).expect("a warning does not refuse the pack");
    assert!(drawn(scenario.warnings(), Lang::En).starts_with("warning[SS0049]"));
    assert!(scenario.warnings()[0].to_string().contains(": warning[SS0049] "));
    let mut rng = Rng(7);
    play(Rc::new(scenario), &mut rng);
}

/// The checker's output for `problems`, with file names relative to the corpus.
fn drawn(problems: &[Diagnostic], lang: Lang) -> String {
    render_all(problems, |file| fs::read_to_string(Path::new(CORPUS).join(file)).ok(), lang, Colour::Plain)
}

/// Compares `actual` with the saved file, or saves it when blessing; the difference, if any.
fn compare_or_bless(saved: &Path, actual: &str) -> Option<String> {
    if std::env::var_os("BLESS").is_some() {
        fs::write(saved, actual).unwrap();
        return None;
    }
    let expected = fs::read_to_string(saved).unwrap_or_default();
    (expected != actual).then(|| format!("--- {}\n{expected}\n+++ actual\n{actual}", saved.display()))
}

#[test]
fn every_broken_pack_gets_its_code_and_its_saved_output() {
    let catalog = catalog();
    let mut cases = 0;
    let mut differences = Vec::new();
    for entry in fs::read_dir(CORPUS).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(stem) = name.strip_suffix(".toml") else { continue };
        if name == "catalog.toml" || name == "valid-base.toml" {
            continue;
        }
        cases += 1;
        let text = fs::read_to_string(&path).unwrap();
        let code = header(&text, "code");
        assert!(code.starts_with("SS"), "{name}: header lacks `# expect-code: SS….`");
        let found: Vec<Diagnostic> = match check_pack(&path, &name, &catalog) {
            Ok(scenario) => scenario.warnings().to_vec(),
            Err(problems) => problems,
        };
        assert!(!found.is_empty(), "{name}: accepted without a word, but it is broken");
        assert!(
            found.iter().any(|d| d.problem.code().to_string() == code),
            "{name}: expected {code}; got:\n{}",
            drawn(&found, Lang::En)
        );
        differences
            .extend(compare_or_bless(&Path::new(CORPUS).join(format!("{stem}.stderr")), &drawn(&found, Lang::En)));
        if CHINESE.contains(&stem) {
            let saved = Path::new(CORPUS).join(format!("{stem}.zh.stderr"));
            differences.extend(compare_or_bless(&saved, &drawn(&found, Lang::ZhCn)));
        }
    }
    assert!(differences.is_empty(), "output changed (re-bless with BLESS=1 if intended):\n{}", differences.join("\n"));
    assert!(cases >= 40, "the corpus has {cases} broken packs; at least 40 are wanted");
}

/// One random edit of the kind authors make: delete, duplicate or swap a
/// line, cut the file short, or change a character.
fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let n = lines.len();
    if n == 0 {
        return "format = 1".to_string();
    }
    match rng.below(6) {
        0 => {
            lines.remove(rng.below(n));
        }
        1 => {
            let i = rng.below(n);
            lines.insert(i, lines[i].clone());
        }
        2 => lines.swap(rng.below(n), rng.below(n)),
        3 => lines.truncate(rng.below(n)),
        4 => {
            let i = rng.below(n);
            let mut chars: Vec<char> = lines[i].chars().collect();
            if !chars.is_empty() {
                let at = rng.below(chars.len());
                chars[at] = ['"', '=', '[', ']', '\\', '0', 'x', '\u{4e00}', '\n', '#'][rng.below(10)];
            }
            lines[i] = chars.into_iter().collect();
        }
        _ => {
            // Point a `next` or `start` at another existing id, making loops and orphans.
            let ids: Vec<String> = lines.iter().filter_map(|l| l.strip_prefix("id = ").map(str::to_string)).collect();
            if let Some(line) =
                lines.iter_mut().filter(|l| l.starts_with("next = ") || l.starts_with("start = ")).nth(rng.below(8))
            {
                let key = line.split(' ').next().unwrap_or("next").to_string();
                *line = format!("{key} = {}", ids[rng.below(ids.len())]);
            }
        }
    }
    lines.join("\n")
}

/// Plays a valid scenario taking random choices and taps to its end.
fn play(scenario: Rc<scamspot_core::content::ValidScenario>, rng: &mut Rng) {
    let mut round = Round::new(vec![scenario], 0).apply(&Action::RateBefore(3)).unwrap();
    for _ in 0..200 {
        let (s, step) = (round.current(), round.step_index());
        round = round.apply(&Action::RevealAll { scenario: s, step }).unwrap_or(round);
        if round.current_result().is_some() {
            return;
        }
        let action = match round.scenario().steps[step].kind() {
            Some(StepKind::Choices(c)) => Action::Choose { scenario: s, step, choice: rng.below(c.len()) },
            Some(StepKind::Spot(_)) if rng.below(2) == 0 => {
                Action::ToggleTap { scenario: s, step, message: rng.below(3), segment: rng.below(6), lang: "en".into() }
            }
            _ => Action::SubmitSpot { scenario: s, step },
        };
        round = round.apply(&action).unwrap_or(round);
    }
    panic!("a valid scenario did not end within 200 actions");
}

#[test]
fn mutated_packs_never_panic_the_parser_validator_or_engine() {
    let catalog = catalog();
    let mut seeds: Vec<String> = vec![fs::read_to_string(Path::new(CORPUS).join("valid-base.toml")).unwrap()];
    seeds.push(fs::read_to_string("static/packs/order-brushing/like-for-cash.toml").unwrap());
    let mut rng = Rng(0x5EED_CAFE);
    let (mut valid, mut invalid) = (0, 0);
    for round in 0..3000 {
        let mut text = seeds[round % seeds.len()].clone();
        for _ in 0..=rng.below(3) {
            text = mutate(&text, &mut rng);
        }
        // Both syntaxes the app reads: the TOML authors write and its JSON form.
        match load_scenario("fuzz.toml", &text, &catalog) {
            Ok(scenario) => {
                valid += 1;
                let json = serde_json::to_string(&scenario).unwrap();
                let back = load_scenario("fuzz.json", &json, &catalog).expect("a valid pack stays valid compiled");
                let read_back = Scenario { file: scenario.file.clone(), ..back.clone().into_inner() };
                assert_eq!(read_back, scenario.into_inner(), "compiling to JSON loses nothing");
                play(Rc::new(back), &mut rng);
            }
            Err(problems) => {
                invalid += 1;
                assert!(!problems.is_empty());
                every_problem_is_placed_and_drawn(&problems, &text);
            }
        }
        let mut json = serde_json::to_string(&serde_json::json!({"format": 1, "id": text.len()})).unwrap();
        json.insert(rng.below(json.len()), ['{', '"', ':', '9'][rng.below(4)]);
        let _ = load_scenario("fuzz.json", &json, &catalog);
    }
    assert!(valid > 50 && invalid > 500, "the mutations exercise both sides: {valid} valid, {invalid} invalid");
}

/// Every problem has a code, a line inside the file, and a drawing that
/// names the file and underlines something.
fn every_problem_is_placed_and_drawn(problems: &[Diagnostic], text: &str) {
    let last_line = text.lines().count() + 1;
    for problem in problems {
        let (line, column) = problem.position.unwrap_or_else(|| panic!("no position for {problem}\n{text}"));
        assert!((1..=last_line).contains(&line) && column >= 1, "{problem} is outside the file");
        assert!(problem.to_string().contains(&format!(":{line}:{column}: error[SS")), "{problem}");
        let shown = render(problem, Some(text), Lang::En, Colour::Plain);
        let caret = shown.lines().any(|l| l.trim_start().starts_with('|') && l.contains('^'));
        assert!(shown.contains(&format!("fuzz.toml:{line}:")) && caret, "not drawn with a caret:\n{shown}");
    }
}
