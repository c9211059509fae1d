//! Every shipped pack is valid, and every path through every shipped scenario
//! plays to an end through the same reducer the app uses.

use scamspot_core::content::index::{language_index_file, SiteIndex};
use scamspot_core::content::{
    load_built_index, load_index, load_scenario, Channel, Outcome, Scenario, StepKind, ValidScenario,
};
use scamspot_core::engine::segments::{clauses, segments};
use scamspot_core::engine::{Action, Phase, Round};
use scamspot_tools::folder::{check_folder, compile, compiled_name, with_shipped_fiction, FolderReport};
use std::collections::BTreeSet;
use std::ops::Range;
use std::path::Path;
use std::rc::Rc;

fn checked() -> FolderReport {
    let report = check_folder(Path::new("static/packs"));
    let problems: Vec<String> = report.problems.iter().map(|p| p.to_string()).collect();
    assert!(problems.is_empty(), "shipped packs have problems:\n{}", problems.join("\n"));
    // Warnings are advice for a campus's own packs; the shipped ones heed it
    // (every scam opens with a spot step; no pack pins every decision).
    let warnings: Vec<String> = report.warnings.iter().map(|p| p.to_string()).collect();
    assert!(warnings.is_empty(), "shipped packs have warnings:\n{}", warnings.join("\n"));
    report
}

fn shipped() -> Vec<ValidScenario> {
    checked().scenarios
}

#[test]
fn every_type_has_three_scams_and_a_genuine_look_alike() {
    let report = checked();
    let catalog = report.catalog.as_ref().unwrap();
    // The ten high-frequency types of the content brief come first; newer ones follow.
    assert!(catalog.types.len() >= 10, "the ten high-frequency types of the content brief");
    for scam_type in &catalog.types[..10] {
        let of_type: Vec<&ValidScenario> = report.scenarios.iter().filter(|s| s.scam_type == scam_type.id).collect();
        assert!(of_type.iter().filter(|s| !s.genuine).count() >= 3, "{} needs 3+ scams", scam_type.id);
        assert!(of_type.iter().any(|s| s.genuine), "{} needs a genuine look-alike", scam_type.id);
    }
    for newer in &catalog.types[10..] {
        let scams = report.scenarios.iter().filter(|s| s.scam_type == newer.id && !s.genuine).count();
        assert!(scams >= 1, "{} needs a scam", newer.id);
    }
    let genuine = report.scenarios.iter().filter(|s| s.genuine).count();
    assert!(report.scenarios.len() >= 50, "at least 50 scenarios");
    assert!(genuine >= 15, "at least 15 genuine look-alikes, about a third: {genuine}");
    let used: Vec<Channel> =
        Channel::ALL.into_iter().filter(|channel| report.scenarios.iter().any(|s| s.channel == *channel)).collect();
    assert!(used.len() >= 5, "vary the channel: {used:?}");
}

#[test]
fn compiled_packs_read_back_identical() {
    let report = checked();
    let out = std::env::temp_dir().join(format!("scamspot-compile-{}", std::process::id()));
    let count = compile(&report, &out).expect("compiles");
    assert_eq!(count, report.scenarios.len());
    let index =
        load_index("index.json", &std::fs::read_to_string(out.join("index.json")).unwrap()).expect("index reads back");
    assert!(index.broken.is_empty());
    // The index leaves out the [fiction] lists (the browser reads only packs
    // the build passed); this test build checks fiction too, so it gets them back.
    let catalog = with_shipped_fiction(index.catalog.clone());
    for scenario in &report.scenarios {
        let file = compiled_name(&scenario.file);
        let text = std::fs::read_to_string(out.join(&file)).unwrap();
        let back = load_scenario(&file, &text, &catalog).expect("compiled pack validates in the browser's syntax");
        assert_eq!(Scenario { file: scenario.file.clone(), ..back.into_inner() }, **scenario);
        let summary = index.pack(&scenario.id).expect("listed in the index");
        assert_eq!((summary.file.as_str(), summary.genuine), (file.as_str(), scenario.genuine));
    }
    // Beside it, the learner's page's first download in each language.
    for lang in &index.catalog.languages {
        let file = language_index_file(lang);
        let narrow = load_built_index(&file, &std::fs::read_to_string(out.join(&file)).unwrap()).expect("reads back");
        assert_eq!(SiteIndex { only_language: Some(lang.clone()), ..narrow }, index.in_language(lang), "{file}");
    }
    std::fs::remove_dir_all(&out).ok();
}

/// Walks every path: each choice, and at spot steps both "tap every flag" and "tap nothing".
fn walk(round: Round, lang: &str, ends: &mut Vec<(String, Outcome, i64)>, paths: &mut usize) {
    let (scenario, step) = (round.current(), round.step_index());
    let round = round.apply(&Action::RevealAll { scenario, step }).unwrap_or(round);
    if let Some(result) = round.current_result() {
        *paths += 1;
        assert!(round.all_revealed(), "{}: the end's messages must be able to arrive", round.scenario().id);
        let end = &round.scenario().steps[step];
        assert!(matches!(end.kind(), Some(StepKind::End(_))));
        ends.push((end.id.clone(), result.outcome, result.savings_end));
        let debrief = round.apply(&Action::OpenDebrief { scenario }).expect("an end opens the debrief");
        let done = debrief.apply(&Action::NextScenario { scenario }).expect("the debrief moves on");
        assert_eq!(done.phase(), Phase::RateAfter);
        return;
    }
    assert!(*paths < 10_000, "too many paths: a loop?");
    match round.scenario().steps[step].kind().expect("valid step") {
        StepKind::Choices(choices) => {
            for (choice, picked) in choices.iter().enumerate() {
                let next = round.apply(&Action::Choose { scenario, step, choice }).expect("every choice is playable");
                assert_eq!(next.play().balance, round.play().balance + picked.money);
                walk(next, lang, ends, paths);
            }
        }
        StepKind::Spot(_) => {
            let mut all = round.clone();
            for (m, message) in round.scenario().steps[step].messages.iter().enumerate() {
                for (i, seg) in segments(message, lang).iter().enumerate() {
                    if seg.flag.is_some() {
                        all = all
                            .apply(&Action::ToggleTap { scenario, step, message: m, segment: i, lang: lang.into() })
                            .expect("flags are tappable");
                    }
                }
            }
            for variant in [all, round] {
                walk(variant.apply(&Action::SubmitSpot { scenario, step }).expect("spot submits"), lang, ends, paths);
            }
        }
        StepKind::End(_) => unreachable!("ends are scored on entry"),
    }
}

#[test]
fn every_path_of_every_scenario_ends_in_both_languages() {
    for scenario in shipped() {
        let scenario = Rc::new(scenario);
        for lang in ["zh-CN", "en"] {
            let round = Round::new(vec![Rc::clone(&scenario)], 0).apply(&Action::RateBefore(3)).unwrap();
            let (mut ends, mut paths) = (Vec::new(), 0);
            walk(round, lang, &mut ends, &mut paths);
            let reached: BTreeSet<&str> = ends.iter().map(|(id, _, _)| id.as_str()).collect();
            let declared: BTreeSet<&str> =
                scenario.steps.iter().filter(|s| s.end.is_some()).map(|s| s.id.as_str()).collect();
            assert_eq!(reached, declared, "{}: every end is reachable by playing", scenario.id);
            let good = ends.iter().any(|(_, o, _)| o.is_good());
            let bad = ends.iter().any(|(_, o, _)| !o.is_good());
            assert!(good && bad, "{}: needs both a right and a wrong way to end", scenario.id);
            if !scenario.genuine {
                let worst = ends.iter().filter(|(_, o, _)| *o == Outcome::Scammed).map(|e| e.2).min();
                if let Some(worst) = worst {
                    assert!(worst < scenario.savings, "{}: being scammed must cost money", scenario.id);
                }
            }
        }
    }
}

#[test]
fn every_scam_spot_step_has_flags_that_split_out_in_both_languages() {
    for scenario in shipped() {
        for step in scenario.steps.iter().filter(|s| s.spot.is_some()) {
            for message in &step.messages {
                for lang in &scenario.languages {
                    let segs = segments(message, lang);
                    let found: BTreeSet<usize> = segs.iter().filter_map(|s| s.flag).collect();
                    assert_eq!(
                        found.len(),
                        message.flags.len(),
                        "{} step {} ({lang}): overlapping flag quotes",
                        scenario.id,
                        step.id
                    );
                    let joined: String = segs.iter().map(|s| s.text.as_str()).collect();
                    assert_eq!(joined, message.text.get(lang));
                    assert!(
                        segs.len() > found.len(),
                        "{} step {} ({lang}): the learner needs innocent phrases to choose from too",
                        scenario.id,
                        step.id
                    );
                }
            }
        }
    }
}

/// Whether a cut between `before` and `after` falls inside a number, an
/// amount, a domain, a URL or an e-mail address ("¥150," | "000",
/// "2." | "8%", "@huarui-tech." | "com", "https:" | "//…").
fn cuts_a_token(before: &str, after: &str) -> bool {
    let mut back = before.chars().rev();
    let (a, a_prev) = (back.next(), back.next());
    let mut ahead = after.chars();
    let (b, b_next) = (ahead.next(), ahead.next());
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let joiner = |c: Option<char>| matches!(c, Some('.' | ',' | ':'));
    (alnum(a) && alnum(b))
        || (joiner(a) && alnum(a_prev) && (alnum(b) || b == Some('/')))
        || (joiner(b) && alnum(a) && alnum(b_next))
}

#[test]
fn no_phrase_boundary_falls_inside_a_number_amount_domain_or_url() {
    let mut cuts = Vec::new();
    for scenario in shipped() {
        for step in &scenario.steps {
            for message in &step.messages {
                for lang in &scenario.languages {
                    let segs = segments(message, lang);
                    for pair in segs.windows(2) {
                        if cuts_a_token(&pair[0].text, &pair[1].text) {
                            cuts.push(format!("{} ({lang}): {:?} | {:?}", scenario.id, pair[0].text, pair[1].text));
                        }
                    }
                }
            }
        }
    }
    assert!(cuts.is_empty(), "{} phrases cut inside a token:\n{}", cuts.len(), cuts.join("\n"));
}

/// The compiled index says how long each scenario takes, from its text: a few
/// minutes each, never nothing and never a lecture's worth.
#[test]
fn every_scenario_has_an_honest_reading_time_in_the_index() {
    let report = checked();
    let mut minutes = Vec::new();
    for scenario in &report.scenarios {
        let by_lang = scamspot_core::content::reading::scenario_seconds(scenario);
        for (lang, seconds) in &by_lang {
            assert!((60..=600).contains(seconds), "{} ({lang}): {seconds} s", scenario.id);
            minutes.push(format!("{} {lang} {:.1}", scenario.id, *seconds as f64 / 60.0));
        }
        let summary = scamspot_core::content::PackSummary::of(scenario, compiled_name(&scenario.file));
        assert_eq!(Some(&summary.seconds), by_lang.values().max(), "the index plans by the slowest language");
    }
    if std::env::var_os("SHOW_MINUTES").is_some() {
        println!("{}", minutes.join("\n"));
    }
    // The start screen's fixed line (shown before the index loads) stays true.
    for lang in scamspot_core::i18n::Lang::ALL {
        let times: Vec<u32> = report
            .scenarios
            .iter()
            .map(|s| scamspot_core::content::reading::scenario_seconds(s)[lang.code()])
            .collect();
        let mean = times.iter().sum::<u32>() / times.len() as u32;
        let said = format!(" {} ", scamspot_core::engine::plan::minutes(mean));
        assert!(lang.texts().duration.contains(&said), "{lang:?}: mean {mean} s, but: {}", lang.texts().duration);
    }
}

/// Whether `range` of `text` starts or ends inside a clause: a letter, digit
/// or Chinese character lies between it and the clause's own start or end.
fn cut_mid_clause(text: &str, clauses: &[Range<usize>], range: &Range<usize>) -> (bool, bool) {
    let words = |part: &str| part.chars().any(char::is_alphanumeric);
    let first = clauses.iter().find(|c| c.contains(&range.start)).expect("inside the text");
    let last = clauses.iter().find(|c| c.contains(&(range.end - 1))).expect("inside the text");
    (words(&text[first.start..range.start]), words(&text[range.end..last.end]))
}

/// Issue 10: a flag must not be the only oddly cut button. Each flag's
/// button is whole clauses, cut inside one only where two flags share it.
/// Prints the share of red-flag quotes that start or end mid-clause (what
/// buttons cut at the quote showed before) and of buttons now.
#[test]
fn flag_buttons_are_whole_clauses_like_every_other_phrase() {
    for lang in ["zh-CN", "en"] {
        let (mut flags, mut quotes_mid, mut buttons_mid, mut shared) = (0, 0, 0, 0);
        for scenario in shipped() {
            for message in scenario.steps.iter().flat_map(|s| &s.messages) {
                let text = message.text.get(lang);
                let clauses = clauses(text);
                for flag in &message.flags {
                    let quote = flag.quote.get(lang).trim();
                    let at = text.find(quote).expect("validated");
                    let (start, end) = cut_mid_clause(text, &clauses, &(at..at + quote.len()));
                    flags += 1;
                    quotes_mid += usize::from(start || end);
                }
                let segs = segments(message, lang);
                let mut offset = 0;
                for (i, seg) in segs.iter().enumerate() {
                    let range = offset..offset + seg.text.len();
                    offset = range.end;
                    if seg.flag.is_none() {
                        continue;
                    }
                    let (start, end) = cut_mid_clause(text, &clauses, &range);
                    let flag_before = i > 0 && segs[i - 1].flag.is_some();
                    let flag_after = segs.get(i + 1).is_some_and(|s| s.flag.is_some());
                    shared += usize::from((start && flag_before) || (end && flag_after));
                    let odd = (start && !flag_before) || (end && !flag_after);
                    assert!(!odd, "{} ({lang}): {:?} is cut mid-clause in {text:?}", scenario.id, seg.text);
                    buttons_mid += usize::from(odd);
                }
            }
        }
        let percent = |n: usize| n * 100 / flags.max(1);
        println!(
            "{lang}: {flags} flags; quotes cut mid-clause {quotes_mid} ({}%), flag buttons cut mid-clause {buttons_mid} \
             ({}%), cuts between two flags sharing a clause {shared}",
            percent(quotes_mid),
            percent(buttons_mid)
        );
    }
}
