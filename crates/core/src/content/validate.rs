//! Checks that a pack can be played: ids resolve, every step is reachable,
//! every path ends, texts exist in every language and fit a phone screen,
//! every invented detail is fictional-safe (`fiction`).
//! The same code runs in the author's checker, in `cargo test` and in the
//! browser; the fictional-safe rules only in the first two (and the build).

use super::diagnostic::Diagnostic;
use super::graph::{target_path, walk};
use super::model::{Catalog, Localized, Outcome, Scenario, Sender, StepKind, FORMAT_VERSION};
use super::path::FieldPath;
use super::problem::{Problem, MAX_MONEY};

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

/// Collects problems for one scenario.
struct Checker<'a> {
    file: &'a str,
    scenario: &'a Scenario,
    /// `None` for a compiled pack: the build held it to the rules, and the
    /// site index's catalog carries no `[fiction]` lists to hold it to again.
    #[cfg(any(feature = "authoring", test))]
    fiction: Option<&'a super::model::Fiction>,
    problems: Vec<Diagnostic>,
    /// Kept apart: a pack that is not fictional-safe still has its paths checked.
    unsafe_details: Vec<Diagnostic>,
}

impl Checker<'_> {
    /// A problem at `path`; the step is named after the step the path is in.
    fn diagnostic(&self, path: FieldPath, problem: Problem) -> Diagnostic {
        let step = path.step_index().and_then(|i| self.scenario.steps.get(i)).map(|s| s.id.clone());
        Diagnostic { scenario: Some(self.scenario.id.clone()), step, ..Diagnostic::new(self.file, problem).at(path) }
    }

    /// The authors' tools and the build hold every text to the fictional-safe
    /// rules; the browser, reading only packs they passed, skips them.
    #[cfg(any(feature = "authoring", test))]
    fn fiction(&mut self, path: &FieldPath, text: &str) {
        let Some(fiction) = self.fiction else { return };
        for found in super::fiction::findings(text, fiction) {
            let problem = self.diagnostic(path.clone(), found.problem).words(text, found.range);
            self.unsafe_details.push(problem);
        }
    }

    #[cfg(not(any(feature = "authoring", test)))]
    fn fiction(&mut self, _path: &FieldPath, _text: &str) {}

    fn report(&mut self, path: FieldPath, problem: Problem) {
        let problem = self.diagnostic(path, problem);
        self.problems.push(problem);
    }

    fn text(&mut self, path: FieldPath, text: &Localized, limit: &Limit) {
        for lang in &self.scenario.languages {
            match text.text(lang).map(str::trim) {
                None | Some("") => self.report(path.clone().lang(lang), Problem::MissingText { lang: lang.clone() }),
                Some(t) => {
                    let max = if lang.starts_with("zh") { limit.chinese } else { limit.other };
                    let len = t.chars().count();
                    if len > max {
                        self.report(path.clone().lang(lang), Problem::TextTooLong { len, max });
                    }
                    self.fiction(&path.clone().lang(lang), t);
                }
            }
        }
        // With no languages declared every text would be "undeclared": one problem says it all.
        for lang in text.langs().filter(|_| !self.scenario.languages.is_empty()) {
            if !self.scenario.languages.contains(lang) {
                self.report(path.clone().lang(lang), Problem::UndeclaredLanguage { lang: lang.clone() });
            }
        }
    }
}

/// Every problem in `scenario`, checked against the catalog's ids; the
/// fictional-safe rules apply to the authors' TOML (`file` ending `.toml`).
pub fn validate_scenario(scenario: &Scenario, catalog: &Catalog, file: &str) -> Vec<Diagnostic> {
    let mut c = Checker {
        file,
        scenario,
        #[cfg(any(feature = "authoring", test))]
        fiction: file.ends_with(".toml").then_some(&catalog.fiction),
        problems: Vec::new(),
        unsafe_details: Vec::new(),
    };
    check_header(&mut c, catalog);
    let index = check_step_ids(&mut c);
    for at in 0..scenario.steps.len() {
        check_step(&mut c, at, &index, catalog);
    }
    if c.problems.is_empty() {
        check_graph(&mut c, &index);
        check_outcomes(&mut c);
    }
    // Warnings are for authors: the browser, which plays compiled packs, skips them.
    #[cfg(any(feature = "authoring", test))]
    {
        check_opening(&mut c);
        check_pinned_order(&mut c);
    }
    c.problems.append(&mut c.unsafe_details);
    c.problems
}

/// A warning when every decision keeps its written order: then the right
/// answer is in the same place for every learner, answerable by position.
#[cfg(any(feature = "authoring", test))]
fn check_pinned_order(c: &mut Checker) {
    let decisions: Vec<(usize, bool)> = (c.scenario.steps.iter().enumerate())
        .filter(|(_, step)| matches!(step.kind(), Some(StepKind::Choices(_))))
        .map(|(at, step)| (at, step.keep_order))
        .collect();
    if let Some(&(last, _)) = decisions.last().filter(|_| decisions.iter().all(|&(_, pinned)| pinned)) {
        c.report(FieldPath::step(last).key("keep_order"), Problem::PinsEveryChoice);
    }
}

fn check_header(c: &mut Checker, catalog: &Catalog) {
    let s = c.scenario;
    let key = |name: &str| FieldPath::root().key(name);
    if s.format != FORMAT_VERSION {
        c.report(key("format"), Problem::UnsupportedFormat { version: s.format });
    }
    if s.id.is_empty() || !s.id.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-') {
        c.report(key("id"), Problem::BadScenarioId);
    }
    if s.languages.is_empty() {
        c.report(key("languages"), Problem::NoLanguages);
    }
    if catalog.scam_type(&s.scam_type).is_none() {
        let known = ids(catalog.types.iter().map(|t| &t.id));
        c.report(key("type"), Problem::UnknownType { id: s.scam_type.clone(), known });
    }
    for (i, technique) in s.techniques.iter().enumerate() {
        if catalog.technique(technique).is_none() {
            let known = ids(catalog.techniques.iter().map(|t| &t.id));
            c.report(key("techniques").index(i), Problem::UnknownTechnique { id: technique.clone(), known });
        }
    }
    for (i, channel) in s.debrief.channels.iter().enumerate() {
        if catalog.channel(channel).is_none() {
            let known = ids(catalog.channels.iter().map(|t| &t.id));
            let path = key("debrief").key("channels").index(i);
            c.report(path, Problem::UnknownOfficialChannel { id: channel.clone(), known });
        }
    }
    if !(0..=MAX_MONEY).contains(&s.savings) {
        c.report(key("savings"), Problem::SavingsOutOfRange);
    }
    if s.steps.is_empty() {
        c.report(key("steps"), Problem::NoSteps);
    }
    c.text(key("title"), &s.title, &TITLE);
    c.text(key("contact").key("name"), &s.contact.name, &NAME);
    if let Some(detail) = &s.contact.detail {
        c.text(key("contact").key("detail"), detail, &TITLE);
    }
    c.text(key("debrief").key("why"), &s.debrief.why, &DEBRIEF);
    c.text(key("debrief").key("action"), &s.debrief.action, &DEBRIEF);
}

fn ids<'a>(list: impl Iterator<Item = &'a String>) -> Vec<String> {
    list.cloned().collect()
}

/// Step ids and their positions. A list searched rather than a map: a pack
/// has a few dozen steps, and a map's code weighs more in the wasm.
struct StepIds<'a>(Vec<&'a str>);

impl StepIds<'_> {
    /// The position of step `id`; of the last one, if two share it (the
    /// validator refuses that pack anyway).
    fn get(&self, id: &str) -> Option<usize> {
        self.0.iter().rposition(|known| *known == id)
    }
}

/// Maps step ids to their positions, reporting duplicates.
fn check_step_ids<'a>(c: &mut Checker<'a>) -> StepIds<'a> {
    let index = StepIds(c.scenario.steps.iter().map(|step| step.id.as_str()).collect());
    for (i, id) in index.0.iter().enumerate() {
        if index.0[..i].contains(id) {
            c.report(FieldPath::step(i).key("id"), Problem::DuplicateStepId { id: id.to_string() });
        }
    }
    if index.get(&c.scenario.start).is_none() {
        c.report(FieldPath::root().key("start"), unknown_step(c.scenario, &c.scenario.start));
    }
    index
}

fn unknown_step(scenario: &Scenario, id: &str) -> Problem {
    Problem::UnknownStep { id: id.to_string(), known: ids(scenario.steps.iter().map(|s| &s.id)) }
}

/// Where the `next` of a step's `edge`-th target is written (choices first, then the spot).
fn check_step(c: &mut Checker, at: usize, index: &StepIds, catalog: &Catalog) {
    let step = &c.scenario.steps[at];
    let here = || FieldPath::step(at);
    match step.kind() {
        None => c.report(here(), Problem::StepKind),
        Some(StepKind::Choices(choices)) if choices.len() < 2 => {
            c.report(here().key("choices"), Problem::TooFewChoices)
        }
        Some(StepKind::Spot(_)) if !step.messages.iter().any(|m| m.from != Sender::Me) => {
            c.report(here().key("spot"), Problem::SpotWithoutMessage)
        }
        _ => {}
    }
    for (edge, target) in step.targets().enumerate() {
        if index.get(target).is_none() {
            c.report(target_path(step, at, edge), unknown_step(c.scenario, target));
        }
    }
    if let Some(prompt) = step.spot.as_ref().and_then(|spot| spot.prompt.as_ref()) {
        c.text(here().key("spot").key("prompt"), prompt, &FEEDBACK);
    }
    if let Some(end) = &step.end {
        c.text(here().key("end").key("summary"), &end.summary, &SUMMARY);
    }
    for (i, message) in step.messages.iter().enumerate() {
        let field = here().key("messages").index(i);
        c.text(field.clone().key("text"), &message.text, &MESSAGE);
        for (j, flag) in message.flags.iter().enumerate() {
            let flag_field = field.clone().key("flags").index(j);
            c.text(flag_field.clone().key("why"), &flag.why, &FLAG_WHY);
            for lang in &c.scenario.languages {
                let quote = flag.quote.text(lang).map_or("", str::trim);
                let text = message.text.text(lang).unwrap_or("");
                let path = flag_field.clone().key("quote").lang(lang);
                if quote.is_empty() {
                    c.report(path, Problem::MissingQuote { lang: lang.clone() });
                } else if !text.contains(quote) {
                    c.report(path, Problem::QuoteNotInMessage { quote: quote.to_string() });
                }
            }
            if let Some(t) = &flag.technique {
                if catalog.technique(t).is_none() {
                    let known = ids(catalog.techniques.iter().map(|t| &t.id));
                    c.report(flag_field.clone().key("technique"), Problem::UnknownTechnique { id: t.clone(), known });
                }
            }
        }
    }
    for (i, choice) in step.choices.iter().enumerate() {
        let field = here().key("choices").index(i);
        c.text(field.clone().key("text"), &choice.text, &CHOICE);
        if let Some(feedback) = &choice.feedback {
            c.text(field.clone().key("feedback"), feedback, &FEEDBACK);
        }
        if !(-MAX_MONEY..=MAX_MONEY).contains(&choice.money) {
            c.report(field.key("money"), Problem::MoneyOutOfRange { money: choice.money });
        }
    }
}

/// Every step reachable from the start, and every path ends (no cycles).
/// Runs only on a pack whose ids all resolve.
fn check_graph(c: &mut Checker, index: &StepIds) {
    let steps = &c.scenario.steps;
    let Some(start) = index.get(&c.scenario.start) else { return };
    let targets: Vec<Vec<usize>> = steps.iter().map(|s| s.targets().filter_map(|t| index.get(t)).collect()).collect();
    let walk = walk(&targets, start);
    for (from, edge, to) in walk.loops {
        c.report(target_path(&steps[from], from, edge), Problem::Loop { to: steps[to].id.clone() });
    }
    for i in (0..steps.len()).filter(|&i| !walk.reached[i]) {
        c.report(FieldPath::step(i).key("id"), Problem::UnreachableStep);
    }
}

fn check_outcomes(c: &mut Checker) {
    let s = c.scenario;
    let outcomes: Vec<(usize, Outcome)> =
        s.steps.iter().enumerate().filter_map(|(i, st)| st.end.as_ref().map(|e| (i, e.outcome))).collect();
    for &(at, outcome) in &outcomes {
        if outcome.fits_scam() == s.genuine {
            c.report(FieldPath::step(at).key("end").key("outcome"), Problem::OutcomeDoesNotFit { genuine: s.genuine });
        }
    }
    let has = |wanted: &[Outcome]| outcomes.iter().any(|(_, o)| wanted.contains(o));
    let steps = || FieldPath::root().key("steps");
    if s.genuine {
        if !has(&[Outcome::Trusted]) {
            c.report(steps(), Problem::GenuineNeedsTrusted);
        }
        if !has(&[Outcome::Refused]) {
            c.report(steps(), Problem::GenuineNeedsRefused);
        }
    } else {
        if !has(&[Outcome::Safe]) {
            c.report(steps(), Problem::ScamNeedsSafe);
        }
        if !has(&[Outcome::Scammed, Outcome::Accomplice]) {
            c.report(steps(), Problem::ScamNeedsLoss);
        }
        let spots_flags = s.steps.iter().any(|st| st.spot.is_some() && st.messages.iter().any(|m| !m.flags.is_empty()));
        if !spots_flags {
            c.report(steps(), Problem::ScamNeedsFlags);
        }
    }
}

/// A warning when a scam does not open with a look at the scammer's first
/// words: then a learner can leave before meeting any red flag. The engine
/// still scores such a pack sensibly (leaving forfeits the flag points), but
/// the shipped packs and a campus's own should open with the look.
#[cfg(any(feature = "authoring", test))]
fn check_opening(c: &mut Checker) {
    let s = c.scenario;
    let start = s.steps.iter().find(|st| st.id == s.start);
    let opens_with_spot = start.is_some_and(|st| {
        st.spot.is_some() && st.messages.iter().any(|m| m.from == Sender::Contact && !m.flags.is_empty())
    });
    if !s.genuine && !opens_with_spot {
        c.report(FieldPath::root().key("start"), Problem::ScamOpensWithoutSpot);
    }
}

/// Problems in the catalog itself: duplicate ids, missing texts.
pub fn validate_catalog(catalog: &Catalog, file: &str) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut report = |path: FieldPath, problem: Problem| problems.push(Diagnostic::new(file, problem).at(path));
    if catalog.format != FORMAT_VERSION {
        report(FieldPath::root().key("format"), Problem::UnsupportedFormat { version: catalog.format });
    }
    let entries = |list: &str, i: usize| FieldPath::root().key(list).index(i);
    let texts = (catalog.types.iter().enumerate())
        .flat_map(|(i, t)| [(entries("types", i).key("name"), &t.name), (entries("types", i).key("blurb"), &t.blurb)])
        .chain(catalog.techniques.iter().enumerate().flat_map(|(i, t)| {
            [(entries("techniques", i).key("name"), &t.name), (entries("techniques", i).key("about"), &t.about)]
        }))
        .chain(catalog.channels.iter().enumerate().flat_map(|(i, t)| {
            [(entries("channels", i).key("name"), &t.name), (entries("channels", i).key("about"), &t.about)]
        }));
    for (path, text) in texts {
        for lang in &catalog.languages {
            if text.text(lang).is_none_or(|t| t.trim().is_empty()) {
                report(path.clone().lang(lang), Problem::MissingText { lang: lang.clone() });
            }
        }
    }
    let all_ids = [
        ("types", catalog.types.iter().map(|t| &t.id).collect::<Vec<_>>()),
        ("techniques", catalog.techniques.iter().map(|t| &t.id).collect()),
        ("channels", catalog.channels.iter().map(|t| &t.id).collect()),
    ];
    for (list, list_ids) in all_ids {
        for (i, id) in list_ids.iter().enumerate() {
            if list_ids[..i].contains(id) {
                report(entries(list, i).key("id"), Problem::DuplicateCatalogId { id: (*id).clone() });
            }
        }
    }
    problems
}
