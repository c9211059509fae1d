//! Checks that a pack can be played: ids resolve, every step is reachable,
//! every path ends, texts exist in every language and fit a phone screen.
//! The same code runs in the author's checker, in `cargo test` and in the browser.

use super::diagnostic::Diagnostic;
use super::model::{Catalog, Localized, Outcome, Scenario, Step, StepKind, FORMAT_VERSION};
use std::collections::{BTreeMap, BTreeSet};

/// Longest texts (in characters) that still fit a 360 px wide phone screen.
/// English runs about twice as long as Chinese for the same content.
pub struct Limit {
    pub chinese: usize,
    pub other: usize,
}

pub const TITLE: Limit = Limit { chinese: 24, other: 48 };
pub const NAME: Limit = Limit { chinese: 16, other: 32 };
pub const MESSAGE: Limit = Limit { chinese: 160, other: 320 };
pub const CHOICE: Limit = Limit { chinese: 28, other: 70 };
pub const FEEDBACK: Limit = Limit { chinese: 80, other: 160 };
pub const SUMMARY: Limit = Limit { chinese: 120, other: 240 };
pub const FLAG_WHY: Limit = Limit { chinese: 60, other: 130 };
pub const DEBRIEF: Limit = Limit { chinese: 220, other: 440 };

/// Largest gain or loss one choice may carry, in yuan.
pub const MAX_MONEY: i64 = 1_000_000;

/// Collects problems for one scenario.
struct Checker<'a> {
    file: &'a str,
    scenario: &'a Scenario,
    problems: Vec<Diagnostic>,
}

impl<'a> Checker<'a> {
    fn report(&mut self, step: Option<&str>, field: impl Into<String>, problem: impl Into<String>) {
        self.problems.push(Diagnostic {
            file: self.file.to_string(),
            position: None,
            scenario: Some(self.scenario.id.clone()),
            step: step.map(str::to_string),
            field: field.into(),
            problem: problem.into(),
        });
    }

    fn text(&mut self, step: Option<&str>, field: &str, text: &Localized, limit: &Limit) {
        for lang in &self.scenario.languages {
            match text.0.get(lang).map(|t| t.trim()) {
                None | Some("") => self.report(
                    step,
                    format!("{field}.{lang}"),
                    format!("missing text in \"{lang}\": every declared language needs every text"),
                ),
                Some(t) => {
                    let max = if lang.starts_with("zh") { limit.chinese } else { limit.other };
                    let len = t.chars().count();
                    if len > max {
                        self.report(
                            step,
                            format!("{field}.{lang}"),
                            format!("text is {len} characters, more than {max} fit on a phone screen; shorten it or split it"),
                        );
                    }
                }
            }
        }
        for lang in text.0.keys() {
            if !self.scenario.languages.contains(lang) {
                self.report(
                    step,
                    format!("{field}.{lang}"),
                    format!("language \"{lang}\" is not in `languages`; add it there or remove this text"),
                );
            }
        }
    }
}

/// Every problem in `scenario`, checked against the catalog's ids.
pub fn validate_scenario(scenario: &Scenario, catalog: &Catalog, file: &str) -> Vec<Diagnostic> {
    let mut c = Checker { file, scenario, problems: Vec::new() };
    check_header(&mut c, catalog);
    let index = check_step_ids(&mut c);
    for step in &scenario.steps {
        check_step(&mut c, step, &index, catalog);
    }
    if c.problems.is_empty() {
        check_graph(&mut c, &index);
        check_outcomes(&mut c);
    }
    c.problems
}

fn check_header(c: &mut Checker, catalog: &Catalog) {
    let s = c.scenario;
    if s.format != FORMAT_VERSION {
        c.report(
            None,
            "format",
            format!("format {} is not supported; this app reads format {FORMAT_VERSION}", s.format),
        );
    }
    if s.id.is_empty() || !s.id.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-') {
        c.report(None, "id", "use lowercase letters, digits and '-' only, e.g. \"ob-like-for-cash\"");
    }
    if s.languages.is_empty() {
        c.report(None, "languages", "declare at least one language, e.g. [\"zh-CN\", \"en\"]");
    }
    if catalog.scam_type(&s.scam_type).is_none() {
        c.report(
            None,
            "type",
            format!("unknown scam type \"{}\"; use one of: {}", s.scam_type, ids(catalog.types.iter().map(|t| &t.id))),
        );
    }
    for technique in &s.techniques {
        if catalog.technique(technique).is_none() {
            c.report(
                None,
                "techniques",
                format!(
                    "unknown technique \"{technique}\"; use one of: {}",
                    ids(catalog.techniques.iter().map(|t| &t.id))
                ),
            );
        }
    }
    for channel in &s.debrief.channels {
        if catalog.channel(channel).is_none() {
            c.report(
                None,
                "debrief.channels",
                format!(
                    "unknown official channel \"{channel}\"; use one of: {}",
                    ids(catalog.channels.iter().map(|t| &t.id))
                ),
            );
        }
    }
    if !(0..=MAX_MONEY).contains(&s.savings) {
        c.report(None, "savings", format!("savings must be between 0 and {MAX_MONEY} yuan"));
    }
    if s.steps.is_empty() {
        c.report(None, "steps", "a scenario needs at least one step");
    }
    c.text(None, "title", &s.title, &TITLE);
    c.text(None, "contact.name", &s.contact.name, &NAME);
    if let Some(detail) = &s.contact.detail {
        c.text(None, "contact.detail", detail, &TITLE);
    }
    c.text(None, "debrief.why", &s.debrief.why, &DEBRIEF);
    c.text(None, "debrief.action", &s.debrief.action, &DEBRIEF);
}

fn ids<'a>(list: impl Iterator<Item = &'a String>) -> String {
    list.map(|id| format!("\"{id}\"")).collect::<Vec<_>>().join(", ")
}

/// Maps step ids to their positions, reporting duplicates.
fn check_step_ids<'a>(c: &mut Checker<'a>) -> BTreeMap<&'a str, usize> {
    let mut index = BTreeMap::new();
    for (i, step) in c.scenario.steps.iter().enumerate() {
        if index.insert(step.id.as_str(), i).is_some() {
            c.report(Some(&step.id), "id", format!("two steps are called \"{}\"; step ids must be unique", step.id));
        }
    }
    if !index.contains_key(c.scenario.start.as_str()) {
        c.report(None, "start", format!("no step has id \"{}\"", c.scenario.start));
    }
    index
}

fn check_step(c: &mut Checker, step: &Step, index: &BTreeMap<&str, usize>, catalog: &Catalog) {
    let here = Some(step.id.as_str());
    match step.kind() {
        None => c.report(here, "", "a step needs exactly one of: [[steps.choices]], [steps.spot] or [steps.end]"),
        Some(StepKind::Choices(choices)) if choices.len() < 2 => {
            c.report(here, "choices", "a decision needs at least 2 choices (3 is better); for a plain continue use a narrator message in the next step")
        }
        Some(StepKind::Spot(_)) if !step.messages.iter().any(|m| m.from != super::model::Sender::Me) => {
            c.report(here, "spot", "a spot step needs a message from the contact or the narrator to search")
        }
        _ => {}
    }
    for target in step.targets() {
        if !index.contains_key(target) {
            c.report(here, "next", format!("no step has id \"{target}\""));
        }
    }
    if let Some(spot) = &step.spot {
        if let Some(prompt) = &spot.prompt {
            c.text(here, "spot.prompt", prompt, &FEEDBACK);
        }
    }
    if let Some(end) = &step.end {
        c.text(here, "end.summary", &end.summary, &SUMMARY);
    }
    for (i, message) in step.messages.iter().enumerate() {
        let field = format!("messages[{i}]");
        c.text(here, &format!("{field}.text"), &message.text, &MESSAGE);
        for (j, flag) in message.flags.iter().enumerate() {
            let flag_field = format!("{field}.flags[{j}]");
            c.text(here, &format!("{flag_field}.why"), &flag.why, &FLAG_WHY);
            for lang in &c.scenario.languages {
                let quote = flag.quote.0.get(lang).map(|q| q.trim()).unwrap_or("");
                let text = message.text.0.get(lang).map(String::as_str).unwrap_or("");
                if quote.is_empty() {
                    c.report(here, format!("{flag_field}.quote.{lang}"), format!("missing quote in \"{lang}\""));
                } else if !text.contains(quote) {
                    c.report(
                        here,
                        format!("{flag_field}.quote.{lang}"),
                        format!("\"{quote}\" is not part of the message text; copy the words exactly from the message"),
                    );
                }
            }
            if let Some(t) = &flag.technique {
                if catalog.technique(t).is_none() {
                    c.report(here, format!("{flag_field}.technique"), format!("unknown technique \"{t}\""));
                }
            }
        }
    }
    for (i, choice) in step.choices.iter().enumerate() {
        let field = format!("choices[{i}]");
        c.text(here, &format!("{field}.text"), &choice.text, &CHOICE);
        if let Some(feedback) = &choice.feedback {
            c.text(here, &format!("{field}.feedback"), feedback, &FEEDBACK);
        }
        if !(-MAX_MONEY..=MAX_MONEY).contains(&choice.money) {
            c.report(
                here,
                format!("{field}.money"),
                format!("{} yuan is out of range; use a number between -{MAX_MONEY} and {MAX_MONEY}", choice.money),
            );
        }
    }
}

/// Every step reachable from the start, and every path ends (no cycles).
fn check_graph(c: &mut Checker, index: &BTreeMap<&str, usize>) {
    let steps = &c.scenario.steps;
    let start = index[c.scenario.start.as_str()];
    // Depth-first search with colours: grey = on the current path, black = done.
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        White,
        Grey,
        Black,
    }
    let mut mark = vec![Mark::White; steps.len()];
    let mut loops = BTreeSet::new();
    let mut stack = vec![(start, 0usize)];
    mark[start] = Mark::Grey;
    while let Some(&mut (node, ref mut next_edge)) = stack.last_mut() {
        let targets: Vec<usize> = steps[node].targets().map(|t| index[t]).collect();
        if let Some(&target) = targets.get(*next_edge) {
            *next_edge += 1;
            match mark[target] {
                Mark::White => {
                    mark[target] = Mark::Grey;
                    stack.push((target, 0));
                }
                Mark::Grey => {
                    loops.insert((steps[node].id.clone(), steps[target].id.clone()));
                }
                Mark::Black => {}
            }
        } else {
            mark[node] = Mark::Black;
            stack.pop();
        }
    }
    for (from, to) in loops {
        c.report(
            Some(&from),
            "next",
            format!("leads back to \"{to}\", so a learner can go round in circles; every path must reach an end"),
        );
    }
    for (i, step) in steps.iter().enumerate() {
        if mark[i] == Mark::White {
            c.report(
                Some(&step.id),
                "id",
                "no path from `start` reaches this step; link to it from a choice or spot, or delete it",
            );
        }
    }
}

fn check_outcomes(c: &mut Checker) {
    let s = c.scenario;
    let outcomes: Vec<(&str, Outcome)> =
        s.steps.iter().filter_map(|st| st.end.as_ref().map(|e| (st.id.as_str(), e.outcome))).collect();
    for &(step, outcome) in &outcomes {
        if outcome.fits_scam() == s.genuine {
            let allowed =
                if s.genuine { "\"trusted\" or \"refused\"" } else { "\"safe\", \"scammed\" or \"accomplice\"" };
            c.report(
                Some(step),
                "end.outcome",
                format!("this scenario has genuine = {}, so its ends must be {allowed}", s.genuine),
            );
        }
    }
    let has = |wanted: &[Outcome]| outcomes.iter().any(|(_, o)| wanted.contains(o));
    if s.genuine {
        if !has(&[Outcome::Trusted]) {
            c.report(
                None,
                "steps",
                "a genuine scenario needs an end with outcome \"trusted\" (the learner used it correctly)",
            );
        }
        if !has(&[Outcome::Refused]) {
            c.report(None, "steps", "a genuine scenario needs an end with outcome \"refused\" (a false alarm), so wrongly refusing it costs points");
        }
    } else {
        if !has(&[Outcome::Safe]) {
            c.report(None, "steps", "a scam scenario needs a safe path: an end with outcome \"safe\"");
        }
        if !has(&[Outcome::Scammed, Outcome::Accomplice]) {
            c.report(
                None,
                "steps",
                "a scam scenario needs a path where the scam works: an end with outcome \"scammed\" or \"accomplice\"",
            );
        }
        let spots_flags = s.steps.iter().any(|st| st.spot.is_some() && st.messages.iter().any(|m| !m.flags.is_empty()));
        if !spots_flags {
            c.report(
                None,
                "steps",
                "a scam scenario needs a [steps.spot] step whose messages have red flags ([[steps.messages.flags]])",
            );
        }
    }
}

/// Problems in the catalog itself: duplicate ids, missing texts.
pub fn validate_catalog(catalog: &Catalog, file: &str) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut report = |field: String, problem: String| {
        problems.push(Diagnostic { file: file.to_string(), position: None, scenario: None, step: None, field, problem })
    };
    if catalog.format != FORMAT_VERSION {
        report(
            "format".into(),
            format!("format {} is not supported; this app reads format {FORMAT_VERSION}", catalog.format),
        );
    }
    let texts = catalog
        .types
        .iter()
        .flat_map(|t| [(format!("types.{}.name", t.id), &t.name), (format!("types.{}.blurb", t.id), &t.blurb)])
        .chain(catalog.techniques.iter().flat_map(|t| {
            [(format!("techniques.{}.name", t.id), &t.name), (format!("techniques.{}.about", t.id), &t.about)]
        }))
        .chain(catalog.channels.iter().flat_map(|t| {
            [(format!("channels.{}.name", t.id), &t.name), (format!("channels.{}.about", t.id), &t.about)]
        }));
    for (field, text) in texts {
        for lang in &catalog.languages {
            if text.0.get(lang).is_none_or(|t| t.trim().is_empty()) {
                report(format!("{field}.{lang}"), format!("missing text in \"{lang}\""));
            }
        }
    }
    let all_ids = [
        ("types", catalog.types.iter().map(|t| &t.id).collect::<Vec<_>>()),
        ("techniques", catalog.techniques.iter().map(|t| &t.id).collect()),
        ("channels", catalog.channels.iter().map(|t| &t.id).collect()),
    ];
    for (list, list_ids) in all_ids {
        let mut seen = BTreeSet::new();
        for id in list_ids {
            if !seen.insert(id) {
                report(format!("{list}.id"), format!("\"{id}\" is listed twice"));
            }
        }
    }
    problems
}
