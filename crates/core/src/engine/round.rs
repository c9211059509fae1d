//! A round: confidence rating, a few scenarios played step by step, a second
//! rating, then the summary. `Round::apply` is the pure reducer every tap goes
//! through; an action that does not fit the current state (a double tap, a
//! stale timer) returns `None` and changes nothing.

use super::order::choice_order;
use super::report::RoundSnapshot;
use super::score::{score_scenario, ScenarioResult};
use super::segments::{segments, Segment};
use crate::content::{Flag, Message, Scenario, Sender, StepKind, ValidScenario};
use std::rc::Rc;

/// Where the learner is in the round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    RateBefore,
    /// Playing scenario `current`; its messages arrive, then the learner acts.
    Playing,
    /// Reading the debrief of scenario `current`.
    Debrief,
    /// Every scenario that has arrived is played and the next is still on its
    /// way (its pack downloading): it opens as it arrives.
    Waiting,
    RateAfter,
    Summary,
}

/// One step the learner has been through in the current scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visit {
    pub step: usize,
    pub choice: Option<usize>,
    /// Tapped phrases in a spot step, by message index: kept sorted and
    /// without repeats, as a set (a list costs the wasm less than a BTreeSet).
    pub taps: Vec<(usize, Tapped)>,
    /// A spot step the learner has submitted.
    pub spotted: bool,
}

/// A tapped phrase. Flags are kept by index so a tap survives switching the
/// language mid-step; innocent phrases are kept by their text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tapped {
    Flag(usize),
    Phrase(String),
}

impl Tapped {
    pub fn of(segment: &Segment) -> Tapped {
        match segment.flag {
            Some(flag) => Tapped::Flag(flag),
            None => Tapped::Phrase(segment.text.clone()),
        }
    }
}

impl Visit {
    fn new(step: usize) -> Self {
        Visit { step, choice: None, taps: Vec::new(), spotted: false }
    }

    pub fn is_tapped(&self, message: usize, segment: &Segment) -> bool {
        self.taps.binary_search(&(message, Tapped::of(segment))).is_ok()
    }
}

/// The state of the scenario being played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Play {
    pub trail: Vec<Visit>,
    pub balance: i64,
    /// How many messages of the last visited step have arrived.
    pub revealed: usize,
}

/// A red flag of a message the learner saw, as the debrief tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagStatus {
    /// Tapped in a spot step.
    Found,
    /// In a spot step, but not tapped.
    Missed,
    /// In a message the learner was not asked to spot in.
    Seen,
    /// In a step the learner never reached (they left the scenario before it).
    NotReached,
}

/// How a phrase of a submitted spot step is shown right after "done".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseMark {
    /// A red flag the learner tapped.
    Found,
    /// A red flag the learner did not tap.
    Missed,
    /// An innocent phrase the learner tapped.
    NotAFlag,
    /// An innocent phrase left alone.
    Plain,
}

/// Only `apply` changes a round; the rest of the app reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    scenarios: Vec<Rc<ValidScenario>>,
    /// How many more scenarios the round is waiting for: a round starts as
    /// soon as its first scenario's pack has arrived, the rest follow.
    awaited: usize,
    current: usize,
    phase: Phase,
    play: Play,
    results: Vec<ScenarioResult>,
    /// How each scenario played to an end went, step by step, so its debrief
    /// can be opened again from the results.
    finished: Vec<Play>,
    /// The scenario whose debrief is open again from the results.
    reviewing: Option<usize>,
    confidence_before: Option<u8>,
    confidence_after: Option<u8>,
    /// The learner's (or the lecture's) seed: decides the order of each decision's choices.
    seed: u64,
}

/// Everything a learner can do. Each action names the place it was issued
/// for (scenario and step), so a repeated or late action is ignored. Stored
/// in a round's log (see `resume`) as a short code, so a reload replays them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    RateBefore(u8),
    /// The next message of `step` arrives (sent by a timer).
    Reveal {
        scenario: usize,
        step: usize,
    },
    /// All messages of `step` arrive at once (the learner tapped to skip).
    RevealAll {
        scenario: usize,
        step: usize,
    },
    Choose {
        scenario: usize,
        step: usize,
        choice: usize,
    },
    /// Taps (or un-taps) phrase `segment` of `message`, as split in `lang`.
    ToggleTap {
        scenario: usize,
        step: usize,
        message: usize,
        segment: usize,
        lang: String,
    },
    SubmitSpot {
        scenario: usize,
        step: usize,
    },
    OpenDebrief {
        scenario: usize,
    },
    NextScenario {
        scenario: usize,
    },
    RateAfter(u8),
    /// From the results: opens scenario `scenario`'s debrief again to read
    /// (`Some`), or goes back to the results (`None`).
    Review {
        scenario: Option<usize>,
    },
}

impl Round {
    /// A new round over `scenarios` (at least one, already validated), its
    /// choices ordered for `seed`.
    pub fn new(scenarios: Vec<Rc<ValidScenario>>, seed: u64) -> Self {
        let play = Play::start(&scenarios[0]);
        Round {
            scenarios,
            awaited: 0,
            current: 0,
            phase: Phase::RateBefore,
            play,
            results: Vec::new(),
            finished: Vec::new(),
            reviewing: None,
            confidence_before: None,
            confidence_after: None,
            seed,
        }
    }

    /// A new round whose first rating may already have been given (on the
    /// static start screen); a rating out of range is ignored.
    pub fn rated(scenarios: Vec<Rc<ValidScenario>>, rating: Option<u8>, seed: u64) -> Self {
        let round = Round::new(scenarios, seed);
        rating.and_then(|level| round.apply(&Action::RateBefore(level))).unwrap_or(round)
    }

    /// The same round, still waiting for `awaited` more scenarios.
    pub fn awaiting(self, awaited: usize) -> Self {
        Round { awaited, ..self }
    }

    /// More of the round's packs have come in: `arrived` are the scenarios
    /// that loaded, in order, and `awaited` how many are still on their way.
    /// A learner waiting for the next scenario goes on to it, or to the last
    /// rating once nothing more can come.
    pub fn arrive(&self, arrived: Vec<Rc<ValidScenario>>, awaited: usize) -> Round {
        let mut next = self.clone();
        next.scenarios.extend(arrived);
        next.awaited = awaited;
        if next.phase == Phase::Waiting {
            next.go_on();
        }
        next
    }

    /// The scenarios that have arrived.
    pub fn scenarios(&self) -> &[Rc<ValidScenario>] {
        &self.scenarios
    }

    /// How many scenarios the round plays: those arrived and those on their way.
    pub fn planned(&self) -> usize {
        self.scenarios.len() + self.awaited
    }

    /// The index of the scenario being played or debriefed.
    pub fn current(&self) -> usize {
        self.current
    }

    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// The scenario being played: its trail, balance and arrived messages.
    pub fn play(&self) -> &Play {
        &self.play
    }

    /// The results of the scenarios played to an end so far.
    pub fn results(&self) -> &[ScenarioResult] {
        &self.results
    }

    pub fn confidence_before(&self) -> Option<u8> {
        self.confidence_before
    }

    pub fn confidence_after(&self) -> Option<u8> {
        self.confidence_after
    }

    pub fn scenario(&self) -> &ValidScenario {
        &self.scenarios[self.current]
    }

    /// Whether the current scenario is the round's last.
    pub fn is_last(&self) -> bool {
        self.current + 1 == self.planned()
    }

    /// What the host page is told about the round so far.
    pub fn snapshot(&self) -> RoundSnapshot {
        RoundSnapshot {
            results: self.results.clone(),
            confidence_before: self.confidence_before,
            confidence_after: self.confidence_after,
            finished: self.phase == Phase::Summary,
        }
    }

    /// The step the learner is on.
    pub fn step_index(&self) -> usize {
        self.play.trail.last().map_or(0, |v| v.step)
    }

    /// The current step's choices as shown: display position → authored
    /// index (the index `Action::Choose` takes). Empty for a step without choices.
    pub fn choice_order(&self) -> Vec<usize> {
        let scenario = self.scenario();
        choice_order(self.seed, &scenario.id, &scenario.steps[self.step_index()])
    }

    /// Whether every message of the current step has arrived.
    pub fn all_revealed(&self) -> bool {
        self.play.revealed >= self.scenario().steps[self.step_index()].messages.len()
    }

    /// The result of the current scenario, once it has reached an end.
    pub fn current_result(&self) -> Option<&ScenarioResult> {
        self.results.get(self.current)
    }

    /// The scenario whose debrief is on screen: the one just played, or
    /// one opened again from the results (then read-only).
    pub fn debrief_index(&self) -> Option<usize> {
        match self.phase {
            Phase::Debrief => Some(self.current),
            Phase::Summary => self.reviewing,
            _ => None,
        }
    }

    /// Whether the learner is tapping phrases: a spot step whose messages have
    /// all arrived and that has not been submitted.
    pub fn spotting(&self) -> bool {
        self.phase == Phase::Playing && self.all_revealed() && self.is_spot() && self.current_result().is_none()
    }

    /// How many messages of the trail's visit `visit` are on screen: every
    /// message of a step already passed, the arrived ones of the current step.
    pub fn shown_messages(&self, visit: usize) -> usize {
        let Some(v) = self.play.trail.get(visit) else { return 0 };
        if visit + 1 == self.play.trail.len() {
            self.play.revealed
        } else {
            self.scenario().steps[v.step].messages.len()
        }
    }

    /// Whether message `message` of visit `visit` is split into tappable
    /// phrases: while spotting, in the current step, and the contact's.
    pub fn is_tappable(&self, visit: usize, message: usize) -> bool {
        visit + 1 == self.play.trail.len()
            && self.spotting()
            && self.scenario().steps[self.step_index()].messages.get(message).is_some_and(can_be_tapped)
    }

    /// The phrases of message `message` of visit `visit` with how each went,
    /// once that spot step has been submitted; `None` for any other message.
    pub fn phrase_marks(&self, visit: usize, message: usize, lang: &str) -> Option<Vec<(Segment, PhraseMark)>> {
        let v = self.play.trail.get(visit).filter(|v| v.spotted)?;
        let m = self.scenario().steps[v.step].messages.get(message).filter(|m| can_be_tapped(m))?;
        let marked = segments(m, lang).into_iter().map(|s| {
            let mark = match (s.flag.is_some(), v.is_tapped(message, &s)) {
                (true, true) => PhraseMark::Found,
                (true, false) => PhraseMark::Missed,
                (false, true) => PhraseMark::NotAFlag,
                (false, false) => PhraseMark::Plain,
            };
            (s, mark)
        });
        Some(marked.collect())
    }

    /// Phrases tapped so far in the step on screen.
    pub fn taps_selected(&self) -> usize {
        self.play.trail.last().map_or(0, |v| v.taps.len())
    }

    /// Every red flag of scenario `index` (played to an end, or being
    /// played): those in the messages the learner saw, in order, with whether
    /// they found it, then those of the steps they never reached. Empty only
    /// for a scenario without flags, so a scam left at once never reads as
    /// "no red flags".
    pub fn flag_review(&self, index: usize) -> Vec<(&Flag, FlagStatus)> {
        let scenario = &self.scenarios[index];
        let play = self.finished.get(index).unwrap_or(&self.play);
        // Plain loops: chained and nested flat_maps brought their iterator
        // adapters into the wasm.
        let mut review = Vec::new();
        for visit in &play.trail {
            for (mi, message) in scenario.steps[visit.step].messages.iter().enumerate() {
                let spotted = visit.spotted && can_be_tapped(message);
                for (fi, flag) in message.flags.iter().enumerate() {
                    let status = match (spotted, visit.taps.binary_search(&(mi, Tapped::Flag(fi))).is_ok()) {
                        (true, true) => FlagStatus::Found,
                        (true, false) => FlagStatus::Missed,
                        (false, _) => FlagStatus::Seen,
                    };
                    review.push((flag, status));
                }
            }
        }
        // A search of the short trail rather than a set: collecting a set sorts, which costs the wasm a sort routine.
        for (step, unreached) in scenario.steps.iter().enumerate() {
            if play.trail.iter().any(|visit| visit.step == step) {
                continue;
            }
            for message in &unreached.messages {
                review.extend(message.flags.iter().map(|flag| (flag, FlagStatus::NotReached)));
            }
        }
        review
    }

    /// Applies `action`; `None` when it does not fit the current state.
    pub fn apply(&self, action: &Action) -> Option<Round> {
        let mut next = self.clone();
        let changed = match *action {
            Action::RateBefore(level) if self.phase == Phase::RateBefore && valid_level(level) => {
                next.confidence_before = Some(level);
                next.phase = Phase::Playing;
                true
            }
            Action::RateAfter(level) if self.phase == Phase::RateAfter && valid_level(level) => {
                next.confidence_after = Some(level);
                next.phase = Phase::Summary;
                true
            }
            Action::Reveal { scenario, step } if self.at(scenario, step) && !self.all_revealed() => {
                next.play.revealed += 1;
                true
            }
            Action::RevealAll { scenario, step } if self.at(scenario, step) && !self.all_revealed() => {
                next.play.revealed = self.scenario().steps[step].messages.len();
                true
            }
            Action::Choose { scenario, step, choice } if self.awaits(scenario, step) => next.choose(choice),
            Action::ToggleTap { scenario, step, message, segment, ref lang }
                if self.awaits(scenario, step) && self.is_spot() =>
            {
                next.toggle_tap(message, segment, lang)
            }
            Action::SubmitSpot { scenario, step } if self.awaits(scenario, step) && self.is_spot() => {
                next.submit_spot()
            }
            Action::OpenDebrief { scenario }
                if self.at(scenario, self.step_index()) && self.all_revealed() && self.current_result().is_some() =>
            {
                next.phase = Phase::Debrief;
                true
            }
            Action::Review { scenario }
                if self.phase == Phase::Summary
                    && self.reviewing != scenario
                    && scenario.is_none_or(|i| i < self.results.len()) =>
            {
                next.reviewing = scenario;
                true
            }
            Action::NextScenario { scenario } if self.phase == Phase::Debrief && self.current == scenario => {
                next.go_on();
                true
            }
            _ => false,
        };
        changed.then_some(next)
    }

    /// After a debrief: the next scenario if it has arrived, a wait if it is
    /// on its way, else the last rating.
    fn go_on(&mut self) {
        self.phase = if self.current + 1 < self.scenarios.len() {
            self.current += 1;
            self.play = Play::start(self.scenario());
            Phase::Playing
        } else if self.awaited > 0 {
            Phase::Waiting
        } else {
            Phase::RateAfter
        };
    }

    /// The action is for the step on screen (an end step too: its messages still arrive).
    fn at(&self, scenario: usize, step: usize) -> bool {
        self.phase == Phase::Playing && self.current == scenario && self.step_index() == step
    }

    /// The action is for the step on screen, and that step is waiting for the learner.
    fn awaits(&self, scenario: usize, step: usize) -> bool {
        self.at(scenario, step) && self.all_revealed()
    }

    fn is_spot(&self) -> bool {
        matches!(self.scenario().steps[self.step_index()].kind(), Some(StepKind::Spot(_)))
    }

    fn choose(&mut self, choice: usize) -> bool {
        let step = self.step_index();
        let Some(StepKind::Choices(choices)) = self.scenario().kind(step) else { return false };
        let (Some(picked), Some(target)) = (choices.get(choice), self.scenario().after_choice(step, choice)) else {
            return false;
        };
        self.play.balance += picked.money;
        self.current_visit().choice = Some(choice);
        self.enter(target);
        true
    }

    fn toggle_tap(&mut self, message: usize, segment: usize, lang: &str) -> bool {
        let step = &self.scenario().steps[self.step_index()];
        let tappable = step.messages.get(message).filter(|m| can_be_tapped(m));
        let Some(tapped) = tappable.and_then(|m| segments(m, lang).get(segment).map(Tapped::of)) else {
            return false;
        };
        let taps = &mut self.current_visit().taps;
        let key = (message, tapped);
        match taps.binary_search(&key) {
            Ok(at) => {
                taps.remove(at);
            }
            Err(at) => taps.insert(at, key),
        }
        true
    }

    fn submit_spot(&mut self) -> bool {
        let Some(target) = self.scenario().after_spot(self.step_index()) else { return false };
        self.current_visit().spotted = true;
        self.enter(target);
        true
    }

    /// The visit being played: a round always has one (`Play::start` makes it).
    fn current_visit(&mut self) -> &mut Visit {
        let last = self.play.trail.len() - 1;
        &mut self.play.trail[last]
    }

    /// Moves to step `index`; at an end, scores the scenario.
    fn enter(&mut self, index: usize) {
        let scenario = Rc::clone(&self.scenarios[self.current]);
        self.play.trail.push(Visit::new(index));
        self.play.revealed = 0;
        if let Some(StepKind::End(end)) = scenario.kind(index) {
            let result = score_scenario(&scenario, &self.play, end.outcome);
            self.results.push(result);
            self.finished.push(self.play.clone());
        }
    }
}

impl Play {
    /// A scenario opens on its first message, as a chat opens on what is
    /// waiting in it: the learner never looks at an empty screen. Later
    /// messages, and every message of a later step, arrive one by one.
    fn start(scenario: &ValidScenario) -> Play {
        Play { trail: vec![Visit::new(scenario.start())], balance: scenario.savings, revealed: 1 }
    }

    /// The simulated savings on arriving at each visit of the trail, in order
    /// (the first is the scenario's savings; the last, the balance now).
    pub fn balances_on_arrival<'a>(&'a self, scenario: &'a Scenario) -> impl Iterator<Item = i64> + 'a {
        self.trail.iter().scan(scenario.savings, move |balance, visit| {
            let arrived = *balance;
            *balance += visit.choice.and_then(|c| scenario.steps[visit.step].choices.get(c)).map_or(0, |c| c.money);
            Some(arrived)
        })
    }
}

/// What the contact says can be tapped as suspicious; the learner's own words
/// and narration ("Two days later…") cannot, so they never count as taps.
/// Narration that carries red flags is the exception: there it shows what the
/// learner must scrutinise (a screenshot, an SMS, a payment page; 13 shipped
/// spot steps, one with all its flags there).
pub fn can_be_tapped(message: &Message) -> bool {
    match message.from {
        Sender::Contact => true,
        Sender::Narrator => !message.flags.is_empty(),
        Sender::Me => false,
    }
}

fn valid_level(level: u8) -> bool {
    (1..=5).contains(&level)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Outcome;
    use crate::engine::fixture::{scenario, GENUINE, SCAM};
    use crate::engine::score::RoundSummary;

    fn round() -> Round {
        Round::new(vec![scenario(SCAM, "demo/scam.toml"), scenario(GENUINE, "demo/real.toml")], 7)
    }

    /// Applies an action that must be accepted.
    fn step(r: &Round, a: Action) -> Round {
        r.apply(&a).unwrap_or_else(|| panic!("{a:?} was refused in phase {:?}", r.phase))
    }

    fn reveal(r: Round) -> Round {
        let (scenario, step) = (r.current, r.step_index());
        r.apply(&Action::RevealAll { scenario, step }).unwrap_or(r)
    }

    fn tap(r: &Round, message: usize, segment: usize, lang: &str) -> Round {
        step(r, Action::ToggleTap { scenario: r.current, step: r.step_index(), message, segment, lang: lang.into() })
    }

    #[test]
    fn confidence_must_be_one_to_five_and_is_asked_once() {
        let r = round();
        assert!(r.apply(&Action::RateBefore(0)).is_none());
        assert!(r.apply(&Action::RateBefore(6)).is_none());
        let r = step(&r, Action::RateBefore(2));
        assert_eq!((r.phase, r.confidence_before), (Phase::Playing, Some(2)));
        assert!(r.apply(&Action::RateBefore(4)).is_none(), "a second rating is ignored");
    }

    #[test]
    fn messages_arrive_one_by_one_before_the_learner_can_act() {
        let r = step(&round(), Action::RateBefore(3));
        assert_eq!(r.shown_messages(0), 1, "the scenario opens on its first message");
        assert!(!r.all_revealed());
        assert!(
            r.apply(&Action::SubmitSpot { scenario: 0, step: 0 }).is_none(),
            "cannot act before the messages arrive"
        );
        let r = step(&r, Action::Reveal { scenario: 0, step: 0 });
        assert!(r.all_revealed(), "the second of two has arrived");
        assert!(r.apply(&Action::Reveal { scenario: 0, step: 0 }).is_none(), "a late timer changes nothing");
    }

    #[test]
    fn a_double_tap_on_a_choice_counts_once() {
        let r = reveal(step(&round(), Action::RateBefore(3)));
        let r = reveal(step(&r, Action::SubmitSpot { scenario: 0, step: 0 }));
        let choose = Action::Choose { scenario: 0, step: 1, choice: 0 };
        let r = step(&r, choose.clone());
        assert_eq!(r.play.balance, 900);
        assert!(r.apply(&choose).is_none(), "the same tap again is ignored");
    }

    #[test]
    fn spotting_scores_found_missed_and_wrong_taps_and_survives_a_language_switch() {
        let r = reveal(step(&round(), Action::RateBefore(3)));
        // zh phrases: "你好！" | "先交100元押金" (flag 0) | "，" glued → "，马上上岗" is flag 1 …
        let segs = segments(&r.scenario().steps[0].messages[0], "zh-CN");
        let flag0 = segs.iter().position(|s| s.flag == Some(0)).unwrap();
        let plain = segs.iter().position(|s| s.flag.is_none()).unwrap();
        let r = tap(&r, 0, flag0, "zh-CN");
        let r = tap(&r, 0, plain, "zh-CN");
        // Switch to English: flag 0 still shows as tapped there.
        let en = segments(&r.scenario().steps[0].messages[0], "en");
        let en_flag0 = en.iter().position(|s| s.flag == Some(0)).unwrap();
        assert!(r.play.trail[0].is_tapped(0, &en[en_flag0]));
        // Untap and retap in English: a toggle, not a double count.
        let r = tap(&tap(&r, 0, en_flag0, "en"), 0, en_flag0, "en");
        let r = reveal(step(&r, Action::SubmitSpot { scenario: 0, step: 0 }));
        let r = step(&r, Action::Choose { scenario: 0, step: 1, choice: 1 });
        let result = r.current_result().expect("scored at the end");
        assert_eq!((result.flags_found, result.flags_total, result.wrong_taps), (1, 2, 1));
        assert_eq!(result.outcome, Outcome::Safe);
        assert_eq!(result.points, 100 + 10 - 5);
        assert_eq!(result.max_points, 120);
    }

    #[test]
    fn stopping_after_paying_is_caught_late_and_paying_again_is_scammed() {
        let base = reveal(step(
            &step(&reveal(step(&round(), Action::RateBefore(3))), Action::SubmitSpot { scenario: 0, step: 0 }),
            Action::RevealAll { scenario: 0, step: 1 },
        ));
        let stuck = reveal(step(&base, Action::Choose { scenario: 0, step: 1, choice: 0 }));
        let late = step(&stuck, Action::Choose { scenario: 0, step: 2, choice: 1 });
        let r = late.current_result().unwrap();
        assert_eq!((r.outcome, r.points, r.savings_end, r.paid), (Outcome::Safe, 50, 900, true));
        let lost = step(&stuck, Action::Choose { scenario: 0, step: 2, choice: 0 });
        let r = lost.current_result().unwrap();
        assert_eq!((r.outcome, r.points, r.savings_end), (Outcome::Scammed, 0, 400));
    }

    #[test]
    fn a_whole_round_reaches_the_summary_with_a_false_alarm_counted() {
        let mut r = reveal(step(&round(), Action::RateBefore(2)));
        r = reveal(step(&r, Action::SubmitSpot { scenario: 0, step: 0 }));
        r = step(&r, Action::Choose { scenario: 0, step: 1, choice: 1 });
        assert!(r.apply(&Action::NextScenario { scenario: 0 }).is_none(), "debrief comes first");
        r = step(&r, Action::OpenDebrief { scenario: 0 });
        assert!(r.apply(&Action::OpenDebrief { scenario: 0 }).is_none());
        r = reveal(step(&r, Action::NextScenario { scenario: 0 }));
        assert_eq!((r.current, r.play.balance), (1, 5000));
        r = step(&r, Action::Choose { scenario: 1, step: 0, choice: 1 });
        r = step(&step(&r, Action::OpenDebrief { scenario: 1 }), Action::NextScenario { scenario: 1 });
        assert!(r.apply(&Action::NextScenario { scenario: 1 }).is_none(), "double tap on the last debrief");
        assert_eq!(r.phase, Phase::RateAfter);
        r = step(&r, Action::RateAfter(4));
        assert_eq!(r.phase, Phase::Summary);
        let s = RoundSummary::from_results(&r.results);
        assert_eq!((s.scams, s.scams_caught, s.genuine, s.genuine_trusted, s.false_alarms), (1, 1, 1, 0, 1));
        assert_eq!(s.practise, vec!["demo".to_string()]);
        assert_eq!((s.savings_start, s.savings_kept), (6000, 6000));
        assert_eq!(s.points, 100);
        assert_eq!(s.max_points, 100 + 20 + 100);
    }

    /// The scam played safely to its debrief, in a round that began with it alone.
    fn scam_debriefed(r: Round) -> Round {
        let r = reveal(step(&r, Action::RateBefore(3)));
        let r = reveal(step(&r, Action::SubmitSpot { scenario: 0, step: 0 }));
        step(&step(&r, Action::Choose { scenario: 0, step: 1, choice: 1 }), Action::OpenDebrief { scenario: 0 })
    }

    #[test]
    fn a_round_plays_its_first_scenario_while_the_next_is_on_its_way() {
        let first = || Round::new(vec![scenario(SCAM, "demo/scam.toml")], 7).awaiting(1);
        let r = scam_debriefed(first());
        assert_eq!((r.planned(), r.is_last()), (2, false), "the debrief offers the next scenario");
        let waiting = step(&r, Action::NextScenario { scenario: 0 });
        assert_eq!(waiting.phase, Phase::Waiting);
        assert!(waiting.apply(&Action::NextScenario { scenario: 0 }).is_none(), "a second tap while waiting");
        let arrived = waiting.arrive(vec![scenario(GENUINE, "demo/real.toml")], 0);
        assert_eq!((arrived.phase, arrived.current, arrived.shown_messages(0)), (Phase::Playing, 1, 1));
        // Arriving early or late makes no difference to the round played.
        let early = first().arrive(vec![scenario(GENUINE, "demo/real.toml")], 0);
        assert_eq!(step(&scam_debriefed(early), Action::NextScenario { scenario: 0 }), arrived);
        assert_eq!(step(&scam_debriefed(round()), Action::NextScenario { scenario: 0 }), arrived);
    }

    #[test]
    fn a_round_whose_later_packs_fail_ends_with_those_it_played() {
        let r = scam_debriefed(Round::new(vec![scenario(SCAM, "demo/scam.toml")], 7).awaiting(2));
        let waiting = step(&r, Action::NextScenario { scenario: 0 });
        let one_failed = waiting.arrive(vec![], 1);
        assert_eq!((one_failed.phase, one_failed.planned()), (Phase::Waiting, 2));
        let all_failed = one_failed.arrive(vec![], 0);
        assert_eq!((all_failed.phase, all_failed.planned(), all_failed.is_last()), (Phase::RateAfter, 1, true));
        assert_eq!(step(&all_failed, Action::RateAfter(4)).phase, Phase::Summary);
    }

    #[test]
    fn spotting_lasts_from_the_last_message_to_the_submission() {
        let r = step(&round(), Action::RateBefore(3));
        assert!(!r.spotting(), "the messages are still arriving");
        let r = reveal(r);
        assert!(r.spotting());
        let r = tap(&r, 0, 0, "en");
        assert_eq!(r.taps_selected(), 1);
        let r = reveal(step(&r, Action::SubmitSpot { scenario: 0, step: 0 }));
        assert!(!r.spotting(), "a choice step is no spot step");
        assert_eq!(r.taps_selected(), 0, "the new step starts untapped");
    }

    #[test]
    fn past_steps_show_every_message_and_only_the_current_step_can_be_tapped() {
        let r = step(&round(), Action::RateBefore(3));
        assert_eq!(r.shown_messages(0), 1, "only the first message is there");
        assert!(!r.is_tappable(0, 0), "not before every message of the step has arrived");
        let r = reveal(r);
        assert_eq!(r.shown_messages(0), 2);
        assert!(r.is_tappable(0, 0));
        assert!(!r.is_tappable(0, 1), "narration is not tappable");
        assert!(!r.is_tappable(0, 2), "no such message");
        let r = step(&r, Action::SubmitSpot { scenario: 0, step: 0 });
        assert_eq!((r.shown_messages(0), r.shown_messages(1), r.shown_messages(2)), (2, 0, 0));
        assert!(!r.is_tappable(0, 0), "a submitted step is read-only");
    }

    #[test]
    fn the_debrief_tells_found_missed_and_merely_seen_flags() {
        let r = reveal(step(&round(), Action::RateBefore(3)));
        let segs = segments(&r.scenario().steps[0].messages[0], "en");
        let flag1 = segs.iter().position(|s| s.flag == Some(1)).unwrap();
        let r = tap(&r, 0, flag1, "en");
        assert_eq!(
            r.flag_review(0).iter().map(|(_, status)| *status).collect::<Vec<_>>(),
            [FlagStatus::Seen, FlagStatus::Seen],
            "not submitted yet"
        );
        let r = reveal(step(&r, Action::SubmitSpot { scenario: 0, step: 0 }));
        let r = step(&r, Action::Choose { scenario: 0, step: 1, choice: 1 });
        let review = r.flag_review(0);
        let statuses: Vec<FlagStatus> = review.iter().map(|(_, status)| *status).collect();
        assert_eq!(statuses, [FlagStatus::Missed, FlagStatus::Found]);
        assert_eq!(review[1].0.quote.get("en"), "start at once");
    }

    #[test]
    fn after_done_each_phrase_shows_found_missed_or_not_a_flag() {
        let r = reveal(step(&round(), Action::RateBefore(3)));
        let segs = segments(&r.scenario().steps[0].messages[0], "en");
        let flag1 = segs.iter().position(|s| s.flag == Some(1)).unwrap();
        let plain = segs.iter().position(|s| s.flag.is_none()).unwrap();
        let r = tap(&tap(&r, 0, flag1, "en"), 0, plain, "en");
        assert_eq!(r.phrase_marks(0, 0, "en"), None, "not before done");
        let r = step(&r, Action::SubmitSpot { scenario: 0, step: 0 });
        let marks: Vec<PhraseMark> = r.phrase_marks(0, 0, "en").unwrap().into_iter().map(|(_, m)| m).collect();
        assert_eq!(marks, [PhraseMark::NotAFlag, PhraseMark::Missed, PhraseMark::Found]);
        assert_eq!(r.phrase_marks(0, 1, "en"), None, "narration has no phrases");
        assert_eq!(r.phrase_marks(1, 0, "en"), None, "a choice step has none");
    }

    #[test]
    fn narration_in_a_spot_step_is_never_a_tap() {
        let r = reveal(step(&round(), Action::RateBefore(3)));
        let narration = &r.scenario().steps[0].messages[1];
        assert_eq!(narration.from, Sender::Narrator);
        let tap = Action::ToggleTap { scenario: 0, step: 0, message: 1, segment: 0, lang: "en".into() };
        assert!(r.apply(&tap).is_none(), "a tap on narration is refused");
        assert_eq!(r.taps_selected(), 0);
        let shown = Message { flags: r.scenario().steps[0].messages[0].flags.clone(), ..narration.clone() };
        assert!(can_be_tapped(&shown), "narration showing a red flag (a screenshot, an SMS) is scrutinised");
    }

    #[test]
    fn each_debrief_opens_again_from_the_results_to_read_and_returns() {
        let mut r = reveal(step(&round(), Action::RateBefore(2)));
        let segs = segments(&r.scenario().steps[0].messages[0], "en");
        r = tap(&r, 0, segs.iter().position(|s| s.flag == Some(1)).unwrap(), "en");
        r = reveal(step(&r, Action::SubmitSpot { scenario: 0, step: 0 }));
        r = step(&r, Action::Choose { scenario: 0, step: 1, choice: 1 });
        assert!(r.apply(&Action::Review { scenario: Some(0) }).is_none(), "only from the results");
        r = step(&r, Action::OpenDebrief { scenario: 0 });
        assert_eq!(r.debrief_index(), Some(0));
        r = reveal(step(&r, Action::NextScenario { scenario: 0 }));
        r = step(&r, Action::Choose { scenario: 1, step: 0, choice: 0 });
        r = step(&step(&r, Action::OpenDebrief { scenario: 1 }), Action::NextScenario { scenario: 1 });
        r = step(&r, Action::RateAfter(3));
        assert_eq!(r.debrief_index(), None, "the results show");
        let first = step(&r, Action::Review { scenario: Some(0) });
        assert_eq!((first.phase(), first.debrief_index()), (Phase::Summary, Some(0)));
        let statuses: Vec<FlagStatus> = first.flag_review(0).iter().map(|(_, s)| *s).collect();
        assert_eq!(statuses, [FlagStatus::Missed, FlagStatus::Found], "kept after the next scenario began");
        assert_eq!(first.results()[0].outcome, Outcome::Safe);
        assert!(first.apply(&Action::Review { scenario: Some(0) }).is_none(), "a double tap");
        assert!(first.apply(&Action::NextScenario { scenario: 0 }).is_none(), "read-only: the round stays over");
        assert!(r.apply(&Action::Review { scenario: Some(2) }).is_none(), "no such scenario");
        let back = step(&first, Action::Review { scenario: None });
        assert_eq!((back.debrief_index(), back.snapshot()), (None, r.snapshot()));
    }

    #[test]
    fn a_scam_left_before_its_flags_lists_them_as_not_reached() {
        // The same scam with a flag on the later "stuck" message too: refusing
        // at the first decision ends it before that message is ever shown.
        let stuck = "en = \"Stuck, pay ¥500 more.\" }\n";
        let later = SCAM.replace(
            stuck,
            &format!("{stuck}[[steps.messages.flags]]\nquote = {{ zh-CN = \"再付500元\", en = \"pay ¥500 more\" }}\nwhy = {{ zh-CN = \"加码\", en = \"More\" }}\n"),
        );
        let r = reveal(step(&Round::new(vec![scenario(&later, "demo/later.toml")], 7), Action::RateBefore(3)));
        let r = reveal(step(&r, Action::SubmitSpot { scenario: 0, step: r.step_index() }));
        let r = step(&r, Action::Choose { scenario: 0, step: r.step_index(), choice: 1 });
        assert!(r.current_result().is_some(), "refusing ends the scenario");
        let review = r.flag_review(0);
        let statuses: Vec<FlagStatus> = review.iter().map(|(_, s)| *s).collect();
        assert_eq!(statuses, [FlagStatus::Missed, FlagStatus::Missed, FlagStatus::NotReached]);
        assert_eq!(review[2].0.quote.get("en"), "pay ¥500 more");
        let genuine = Round::new(vec![scenario(GENUINE, "demo/real.toml")], 7);
        assert!(genuine.flag_review(0).is_empty(), "a genuine offer without flags has none to list");
    }

    #[test]
    fn choices_show_in_the_seed_s_order_and_are_chosen_by_their_authored_index() {
        let at_decision = |seed| {
            let r = reveal(step(&Round::new(round().scenarios, seed), Action::RateBefore(3)));
            reveal(step(&r, Action::SubmitSpot { scenario: 0, step: 0 }))
        };
        let orders: Vec<Vec<usize>> = (0..20).map(|seed| at_decision(seed).choice_order()).collect();
        assert!(orders.iter().all(|order| {
            let mut o = order.clone();
            o.sort();
            o == [0, 1]
        }));
        assert!(orders.contains(&vec![0, 1]) && orders.contains(&vec![1, 0]), "{orders:?}");
        for seed in 0..20 {
            // Authored choice 1 ("Call 110") is the safe one wherever it shows.
            let r = step(&at_decision(seed), Action::Choose { scenario: 0, step: 1, choice: 1 });
            assert_eq!(r.current_result().unwrap().outcome, Outcome::Safe);
        }
        assert_eq!(at_decision(5).choice_order(), at_decision(5).choice_order());
        let spotting = reveal(step(&Round::new(round().scenarios, 5), Action::RateBefore(3)));
        assert!(spotting.choice_order().is_empty(), "a spot step has no choices to order");
    }

    #[test]
    fn a_rating_from_the_start_screen_skips_the_first_question_if_valid() {
        let scenarios = || vec![scenario(SCAM, "demo/scam.toml")];
        let r = Round::rated(scenarios(), Some(4), 7);
        assert_eq!((r.phase(), r.confidence_before()), (Phase::Playing, Some(4)));
        assert_eq!(Round::rated(scenarios(), Some(9), 7).phase(), Phase::RateBefore);
        assert_eq!(Round::rated(scenarios(), None, 7).phase(), Phase::RateBefore);
        assert!(r.is_last());
    }

    #[test]
    fn the_snapshot_follows_the_round_to_its_summary() {
        let r = step(&round(), Action::RateBefore(2));
        assert_eq!(r.snapshot(), RoundSnapshot { confidence_before: Some(2), ..RoundSnapshot::default() });
        let mut r = reveal(step(&reveal(r), Action::SubmitSpot { scenario: 0, step: 0 }));
        r = step(&r, Action::Choose { scenario: 0, step: 1, choice: 1 });
        assert_eq!(r.snapshot().results.len(), 1);
        r = reveal(step(&step(&r, Action::OpenDebrief { scenario: 0 }), Action::NextScenario { scenario: 0 }));
        r = step(&r, Action::Choose { scenario: 1, step: 0, choice: 0 });
        r = step(&step(&r, Action::OpenDebrief { scenario: 1 }), Action::NextScenario { scenario: 1 });
        assert!(!r.snapshot().finished);
        let done = step(&r, Action::RateAfter(5)).snapshot();
        assert_eq!((done.finished, done.confidence_after, done.results.len()), (true, Some(5), 2));
    }
}
