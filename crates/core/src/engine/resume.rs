//! A round in progress as a recipe that survives a reload: what it plays
//! (its kind, the pack files and the scenario ids they held) and the log of
//! every engine `Action` applied. Resuming fetches the same packs and replays
//! the log through `Round::apply`, which checks every action again: a pack
//! that changed so an action no longer fits makes the record unusable.
//!
//! Stored as JSON written and read by hand through `json::Json`, with each
//! action as a short code: derived (de)serializers for the action types cost
//! 3 KB of gzipped wasm.

use super::plan::RoundKind;
use super::round::{Action, Phase, Round};
use crate::content::ValidScenario;
use crate::json::{self, Json};
use std::rc::Rc;

/// Bump when the stored shape changes; an older app refuses a newer record.
/// Version 2 added the seed; a version 1 record (saved before choices were
/// shuffled) still resumes, with seed 0.
pub const ROUND_RECORD_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq)]
pub struct RoundRecord {
    pub kind: RoundKind,
    pub files: Vec<String>,
    /// The confidence given on the static start screen, if any.
    pub rating: Option<u8>,
    /// The ids of the scenarios that have arrived, in order; empty until the first does.
    pub ids: Vec<String>,
    /// When the round began, so a resumed round's duration counts from then.
    pub started_ms: f64,
    /// The round was reported to the host page (as left, when the page closed):
    /// nothing more goes out for it after a resume.
    pub reported: bool,
    /// The seed the round's choices are ordered by, so a reload shows the same order.
    pub seed: u64,
    pub log: Vec<Action>,
}

impl RoundRecord {
    /// A round about to be fetched, its choices to be ordered for `seed`.
    pub fn new(kind: RoundKind, rating: Option<u8>, files: Vec<String>, seed: u64) -> Self {
        RoundRecord { kind, files, rating, ids: Vec::new(), started_ms: 0.0, reported: false, seed, log: Vec::new() }
    }

    /// Reads a stored record; `None` when it is damaged or from a newer version.
    pub fn restore(raw: &str) -> Option<RoundRecord> {
        let value = json::read(raw).ok()?.root;
        let number = |field: &str| value.get(field)?.as_u64();
        let seed = match number("version")? {
            1 => 0,
            2 => number("seed")?,
            _ => return None,
        };
        let texts = |field: &str| value.get(field)?.each(|v| v.as_str().map(String::from));
        Some(RoundRecord {
            kind: RoundKind::from_code(value.get("kind")?.as_str()?)?,
            files: texts("files")?,
            rating: match value.get("rating") {
                None | Some(Json::Null) => None,
                Some(level) => Some(u8::try_from(level.as_u64()?).ok()?),
            },
            ids: texts("ids")?,
            started_ms: value.get("started_ms")?.as_f64()?,
            reported: value.get("reported")?.as_bool()?,
            seed,
            log: value.get("log")?.each(|code| Action::from_code(code.as_str()?))?,
        })
    }

    pub fn to_json(&self) -> String {
        let texts = |texts: &[String]| Json::Array(texts.iter().map(|t| Json::from(t.as_str())).collect());
        Json::object(vec![
            ("version", ROUND_RECORD_VERSION.into()),
            ("kind", self.kind.code().into()),
            ("files", texts(&self.files)),
            ("rating", self.rating.into()),
            ("ids", texts(&self.ids)),
            ("started_ms", self.started_ms.into()),
            ("reported", self.reported.into()),
            ("seed", self.seed.into()),
            ("log", Json::Array(self.log.iter().map(|action| Json::String(action.code())).collect())),
        ])
        .to_text()
    }

    /// The round rebuilt over `scenarios`, with `awaited` more on their way:
    /// `None` when they are not the ones recorded, when an action of the log
    /// no longer fits, or when the round had already finished (a finished
    /// round is not resumed).
    pub fn replay(&self, scenarios: Vec<Rc<ValidScenario>>, awaited: usize) -> Option<Round> {
        self.replay_whole(scenarios, awaited).filter(|round| round.phase() != Phase::Summary)
    }

    /// The round rebuilt over `scenarios` (and `awaited` more on their way),
    /// finished or not: `None` when they are not the ones recorded or when an
    /// action of the log does not fit (a campaign's server grades a finished
    /// round so). The recorded ids and the scenarios need only agree as far
    /// as both go: a round reloaded before all its packs had arrived recorded
    /// only the first ones.
    pub fn replay_whole(&self, scenarios: Vec<Rc<ValidScenario>>, awaited: usize) -> Option<Round> {
        if !scenarios.iter().zip(&self.ids).all(|(scenario, id)| scenario.id == *id) {
            return None;
        }
        let round = Round::rated(scenarios, self.rating, self.seed).awaiting(awaited);
        self.log.iter().try_fold(round, |round, action| match round.apply(action) {
            Some(next) => Some(next),
            // A message timer that finds its message already there (logs
            // from before a scenario opened on its first message) changes nothing.
            None if matches!(action, Action::Reveal { .. } | Action::RevealAll { .. }) => Some(round),
            None => None,
        })
    }
}

impl Action {
    /// The action as a short text: a letter, then its numbers joined by dots
    /// (a tap ends with its language): "c0.1.2" is choice 2 of step 1 of scenario 0.
    pub fn code(&self) -> String {
        match self {
            Action::RateBefore(level) => format!("b{level}"),
            Action::RateAfter(level) => format!("a{level}"),
            Action::Reveal { scenario, step } => format!("r{scenario}.{step}"),
            Action::RevealAll { scenario, step } => format!("R{scenario}.{step}"),
            Action::Choose { scenario, step, choice } => format!("c{scenario}.{step}.{choice}"),
            Action::ToggleTap { scenario, step, message, segment, lang } => {
                format!("t{scenario}.{step}.{message}.{segment}.{lang}")
            }
            Action::SubmitSpot { scenario, step } => format!("s{scenario}.{step}"),
            Action::OpenDebrief { scenario } => format!("d{scenario}"),
            Action::NextScenario { scenario } => format!("n{scenario}"),
            Action::Review { scenario: Some(scenario) } => format!("v{scenario}"),
            Action::Review { scenario: None } => "v".into(),
        }
    }

    pub fn from_code(code: &str) -> Option<Action> {
        let tag = code.chars().next()?;
        let mut parts = code[tag.len_utf8()..].split('.');
        let mut number = || parts.next()?.parse::<usize>().ok();
        let action = match tag {
            'b' => Action::RateBefore(u8::try_from(number()?).ok()?),
            'a' => Action::RateAfter(u8::try_from(number()?).ok()?),
            'r' => Action::Reveal { scenario: number()?, step: number()? },
            'R' => Action::RevealAll { scenario: number()?, step: number()? },
            'c' => Action::Choose { scenario: number()?, step: number()?, choice: number()? },
            't' => {
                let (scenario, step, message, segment) = (number()?, number()?, number()?, number()?);
                Action::ToggleTap { scenario, step, message, segment, lang: parts.next()?.to_string() }
            }
            's' => Action::SubmitSpot { scenario: number()?, step: number()? },
            'd' => Action::OpenDebrief { scenario: number()? },
            'n' => Action::NextScenario { scenario: number()? },
            'v' => Action::Review { scenario: number() },
            _ => return None,
        };
        parts.next().is_none().then_some(action)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::fixture::{scenario, GENUINE, SCAM};

    fn scenarios() -> Vec<Rc<ValidScenario>> {
        vec![scenario(SCAM, "demo/scam.toml"), scenario(GENUINE, "demo/real.toml")]
    }

    fn record(log: Vec<Action>) -> RoundRecord {
        let files = vec!["demo/scam.json".into(), "demo/real.json".into()];
        RoundRecord {
            ids: vec!["demo-scam".into(), "demo-real".into()],
            log,
            ..RoundRecord::new(RoundKind::Quick, None, files, 7)
        }
    }

    fn partway() -> Vec<Action> {
        vec![
            Action::RateBefore(2),
            Action::Reveal { scenario: 0, step: 0 },
            Action::ToggleTap { scenario: 0, step: 0, message: 0, segment: 1, lang: "zh-CN".into() },
            Action::SubmitSpot { scenario: 0, step: 0 },
            Action::RevealAll { scenario: 0, step: 1 },
            Action::Choose { scenario: 0, step: 1, choice: 0 },
        ]
    }

    #[test]
    fn a_stored_record_replays_to_the_same_round() {
        let expected = partway().iter().try_fold(Round::new(scenarios(), 7), |r, a| r.apply(a)).unwrap();
        let stored = record(partway()).to_json();
        let restored = RoundRecord::restore(&stored).expect("readable");
        let round = restored.replay(scenarios(), 0).expect("replayable");
        assert_eq!(round, expected);
        assert_eq!((round.step_index(), round.play().balance, round.confidence_before()), (2, 900, Some(2)));
    }

    #[test]
    fn a_log_from_before_scenarios_opened_on_their_first_message_still_replays() {
        // Such logs reveal the first message with a timer of their own, which now finds it there.
        let mut old_log = partway();
        old_log.insert(1, Action::Reveal { scenario: 0, step: 0 });
        let expected = partway().iter().try_fold(Round::new(scenarios(), 7), |r, a| r.apply(a)).unwrap();
        let restored = RoundRecord::restore(&record(old_log).to_json()).unwrap();
        assert_eq!(restored.replay(scenarios(), 0), Some(expected));
        let mut foreign = partway();
        foreign.insert(1, Action::Choose { scenario: 0, step: 1, choice: 0 });
        assert_eq!(record(foreign).replay(scenarios(), 0), None, "only message timers are forgiven");
    }

    #[test]
    fn a_restored_round_shows_its_choices_in_the_same_order_for_its_seed() {
        // Up to the decision of the scam (step 1), then the stored record read back.
        let log = partway()[..5].to_vec();
        let played = log.iter().try_fold(Round::new(scenarios(), 7), |r, a| r.apply(a)).unwrap();
        let restored = RoundRecord::restore(&record(log.clone()).to_json()).unwrap();
        assert_eq!(restored.seed, 7);
        let round = restored.replay(scenarios(), 0).unwrap();
        assert_eq!((round.step_index(), round.choice_order()), (1, played.choice_order()));
        let others: Vec<Vec<usize>> = (0..20)
            .map(|seed| RoundRecord { seed, ..record(log.clone()) }.replay(scenarios(), 0).unwrap().choice_order())
            .collect();
        assert!(others.iter().any(|order| *order != others[0]), "the seed decides the order");
    }

    #[test]
    fn a_record_from_before_the_seed_resumes_with_seed_zero() {
        let old = record(partway()).to_json().replace("\"version\":2", "\"version\":1").replace("\"seed\":7,", "");
        assert!(!old.contains("seed"));
        let restored = RoundRecord::restore(&old).expect("a version 1 record still reads");
        assert_eq!(restored.seed, 0);
        assert!(restored.replay(scenarios(), 0).is_some());
        let unseeded = record(partway()).to_json().replace("\"seed\":7,", "");
        assert_eq!(RoundRecord::restore(&unseeded), None, "version 2 must carry its seed");
    }

    #[test]
    fn every_action_reads_back_from_its_code_and_nothing_else_does() {
        let mut all = partway();
        all.extend([
            Action::OpenDebrief { scenario: 3 },
            Action::NextScenario { scenario: 0 },
            Action::RateAfter(5),
            Action::Review { scenario: Some(1) },
            Action::Review { scenario: None },
        ]);
        for action in all {
            assert_eq!(Action::from_code(&action.code()), Some(action));
        }
        for bad in ["", "x1", "b", "b300", "c0.1", "c0.1.2.3", "d-1", "t0.0.0.0", "r0.x", "v1.2"] {
            assert_eq!(Action::from_code(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_damaged_or_newer_record_is_refused() {
        assert_eq!(RoundRecord::restore("{\"version\":2,"), None);
        assert_eq!(RoundRecord::restore("[]"), None);
        let bad_action = record(partway()).to_json().replace("\"b2\"", "\"b2.7\"");
        assert_eq!(RoundRecord::restore(&bad_action), None);
        let newer = record(partway()).to_json().replace("\"version\":2", "\"version\":3");
        assert_eq!(RoundRecord::restore(&newer), None);
    }

    #[test]
    fn a_log_that_no_longer_fits_its_packs_is_refused() {
        let mut changed = partway();
        changed.push(Action::Choose { scenario: 0, step: 1, choice: 0 });
        assert_eq!(record(changed).replay(scenarios(), 0), None, "an action refused on replay");
        let other_packs = vec![scenario(GENUINE, "demo/real.toml"), scenario(SCAM, "demo/scam.toml")];
        assert_eq!(record(partway()).replay(other_packs, 0), None, "other scenarios than recorded");
        let first_only = RoundRecord { ids: vec!["demo-scam".into()], ..record(partway()) };
        assert!(first_only.replay(scenarios(), 0).is_some(), "reloaded before the second pack had arrived");
    }

    #[test]
    fn a_finished_round_is_not_resumed() {
        let mut whole = partway();
        whole.extend([
            Action::RevealAll { scenario: 0, step: 2 },
            Action::Choose { scenario: 0, step: 2, choice: 1 },
            Action::OpenDebrief { scenario: 0 },
            Action::NextScenario { scenario: 0 },
            Action::RevealAll { scenario: 1, step: 0 },
            Action::Choose { scenario: 1, step: 0, choice: 0 },
            Action::OpenDebrief { scenario: 1 },
            Action::NextScenario { scenario: 1 },
        ]);
        assert!(record(whole.clone()).replay(scenarios(), 0).is_some(), "the last question is still to come");
        whole.push(Action::RateAfter(4));
        assert_eq!(record(whole).replay(scenarios(), 0), None);
    }
}
