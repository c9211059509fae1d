//! Grading a campaign round on the server: the round is drawn again from the
//! seed the learner's record carries and its action log is replayed through
//! the same engine the browser ran, so the score is computed here. The
//! submission has no score field to forge.

use super::spec::CampaignSpec;
use crate::content::ValidScenario;
use crate::engine::{RoundRecord, RoundSummary};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// What the server keeps of a graded round: tallies, no log, nothing personal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Graded {
    /// 0..=100: the round's points as a share of its best possible points
    /// (`score_percent` of the browser's `RoundReport` score and max_score).
    pub score: u32,
    pub passed: bool,
    pub scams: u32,
    pub scams_caught: u32,
    pub genuine: u32,
    pub genuine_trusted: u32,
    pub false_alarms: u32,
    /// The techniques of every scam played, once per scam (a technique two
    /// scams use counts twice), and of those not stopped.
    pub met_techniques: Vec<String>,
    pub missed_techniques: Vec<String>,
    /// Per scam type: (handled right, played).
    pub per_type: Vec<(String, (u32, u32))>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GradeError {
    /// The record's packs are not the campaign's round for its seed.
    NotThePlan,
    /// The log does not replay over the round's scenarios.
    DoesNotReplay,
    /// The round was left before its last scenario ended.
    Unfinished,
}

/// `points` of `max` as a whole percentage, rounded half up (0 when `max` is 0).
pub fn score_percent(points: u32, max: u32) -> u32 {
    if max == 0 {
        return 0;
    }
    ((u64::from(points) * 200 + u64::from(max)) / (u64::from(max) * 2)) as u32
}

/// Grades `record` as a round of `spec`, whose packs for the record's seed
/// are `plan` (from `plan_campaign_round`) holding `scenarios`, in order.
pub fn grade(
    spec: &CampaignSpec,
    plan: &[String],
    scenarios: Vec<Rc<ValidScenario>>,
    record: &RoundRecord,
) -> Result<Graded, GradeError> {
    if record.files != plan || record.ids.len() != plan.len() {
        return Err(GradeError::NotThePlan);
    }
    let round = record.replay_whole(scenarios, 0).ok_or(GradeError::DoesNotReplay)?;
    if round.results().len() != round.scenarios().len() {
        return Err(GradeError::Unfinished);
    }
    let s = RoundSummary::from_results(round.results());
    let score = score_percent(s.points, s.max_points);
    let (mut met, mut missed) = (Vec::new(), Vec::new());
    for (scenario, result) in round.scenarios().iter().zip(round.results()).filter(|(_, r)| !r.genuine) {
        met.extend(scenario.techniques.iter().cloned());
        if !result.handled_right() {
            missed.extend(scenario.techniques.iter().cloned());
        }
    }
    Ok(Graded {
        score,
        passed: score >= spec.pass_mark,
        scams: s.scams,
        scams_caught: s.scams_caught,
        genuine: s.genuine,
        genuine_trusted: s.genuine_trusted,
        false_alarms: s.false_alarms,
        met_techniques: met,
        missed_techniques: missed,
        per_type: s.per_type.iter().map(|(id, t)| (id.clone(), (t.handled_right, t.played))).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::spec::tests::spec;
    use crate::engine::fixture::{scenario, GENUINE, SCAM};
    use crate::engine::plan::RoundKind;
    use crate::engine::report::RoundReport;
    use crate::engine::{Action, Round};

    fn plan() -> Vec<String> {
        vec!["demo/scam.json".into(), "demo/real.json".into()]
    }

    fn scenarios() -> Vec<Rc<ValidScenario>> {
        vec![scenario(SCAM, "demo/scam.toml"), scenario(GENUINE, "demo/real.toml")]
    }

    /// The scam refused at once with one flag tapped, the genuine offer used.
    fn good_play() -> Vec<Action> {
        vec![
            Action::RateBefore(3),
            Action::RevealAll { scenario: 0, step: 0 },
            Action::ToggleTap { scenario: 0, step: 0, message: 0, segment: 1, lang: "zh-CN".into() },
            Action::SubmitSpot { scenario: 0, step: 0 },
            Action::RevealAll { scenario: 0, step: 1 },
            Action::Choose { scenario: 0, step: 1, choice: 1 },
            Action::RevealAll { scenario: 0, step: 3 },
            Action::OpenDebrief { scenario: 0 },
            Action::NextScenario { scenario: 0 },
            Action::RevealAll { scenario: 1, step: 0 },
            Action::Choose { scenario: 1, step: 0, choice: 0 },
            Action::RevealAll { scenario: 1, step: 1 },
            Action::OpenDebrief { scenario: 1 },
            Action::NextScenario { scenario: 1 },
            Action::RateAfter(4),
        ]
    }

    fn record(log: Vec<Action>) -> RoundRecord {
        RoundRecord {
            ids: vec!["demo-scam".into(), "demo-real".into()],
            log,
            ..RoundRecord::new(RoundKind::Campaign("tok".into()), None, plan(), 11)
        }
    }

    /// What the browser shows for the same play: its report over the round it played.
    fn browser_report(log: &[Action]) -> RoundReport {
        // A message timer that finds nothing left to show changes nothing, in the browser as on replay.
        let reveal = |a: &Action| matches!(a, Action::Reveal { .. } | Action::RevealAll { .. });
        let round = log
            .iter()
            .try_fold(Round::new(scenarios(), 11), |r, a| r.apply(a).or_else(|| reveal(a).then_some(r)))
            .expect("the play fits");
        assert_eq!(round.results().len(), 2, "both scenarios played to an end");
        RoundReport::new(round.results(), None, None, 0.0, true, "https://x.example/", "s-1")
    }

    #[test]
    fn the_server_scores_a_replayed_round_as_the_browser_did() {
        let graded = grade(&spec(), &plan(), scenarios(), &record(good_play())).expect("gradable");
        let report = browser_report(&good_play());
        assert_eq!(graded.score, score_percent(report.score, report.max_score));
        assert_eq!((graded.scams, graded.scams_caught, graded.genuine, graded.genuine_trusted), (1, 1, 1, 1));
        assert_eq!(graded.false_alarms, report.genuine_refused);
        assert_eq!(graded.passed, graded.score >= 80);
        assert!(graded.missed_techniques.is_empty());
        assert_eq!(graded.met_techniques, scenarios()[0].techniques);
    }

    /// Pays the scammer twice, then refuses the genuine offer.
    fn bad_play() -> Vec<Action> {
        vec![
            Action::RevealAll { scenario: 0, step: 0 },
            Action::SubmitSpot { scenario: 0, step: 0 },
            Action::RevealAll { scenario: 0, step: 1 },
            Action::Choose { scenario: 0, step: 1, choice: 0 },
            Action::RevealAll { scenario: 0, step: 2 },
            Action::Choose { scenario: 0, step: 2, choice: 0 },
            Action::OpenDebrief { scenario: 0 },
            Action::NextScenario { scenario: 0 },
            Action::Choose { scenario: 1, step: 0, choice: 1 },
            Action::OpenDebrief { scenario: 1 },
            Action::NextScenario { scenario: 1 },
        ]
    }

    #[test]
    fn a_bad_play_scores_as_the_browser_did_and_its_techniques_count_as_missed() {
        let log = [vec![Action::RateBefore(5)], bad_play()].concat();
        let graded =
            grade(&spec(), &plan(), scenarios(), &record(log.clone())).expect("finished without the last rating");
        let report = browser_report(&log);
        assert_eq!(graded.score, score_percent(report.score, report.max_score));
        assert_eq!((graded.scams_caught, graded.genuine_trusted, graded.false_alarms), (0, 0, 1));
        assert!(!graded.passed);
        assert_eq!(graded.missed_techniques, ["advance-fee"]);
    }

    #[test]
    fn a_forged_score_in_the_submission_is_ignored() {
        let honest = record(good_play()).to_json();
        let forged = honest.replacen('{', "{\"score\":100,\"passed\":true,", 1);
        let read = RoundRecord::restore(&forged).expect("extra fields are not read");
        let graded = grade(&spec(), &plan(), scenarios(), &read).unwrap();
        assert_eq!(graded, grade(&spec(), &plan(), scenarios(), &record(good_play())).unwrap());
    }

    #[test]
    fn a_record_of_another_round_or_an_unfinished_one_is_refused() {
        let mut other = record(good_play());
        other.files.reverse();
        assert_eq!(grade(&spec(), &plan(), scenarios(), &other), Err(GradeError::NotThePlan));
        let unloaded = RoundRecord { ids: vec![], ..record(good_play()) };
        assert_eq!(grade(&spec(), &plan(), scenarios(), &unloaded), Err(GradeError::NotThePlan));
        assert_eq!(
            grade(&spec(), &plan(), scenarios(), &record(good_play()[..8].to_vec())),
            Err(GradeError::Unfinished)
        );
        let mut foreign = good_play();
        foreign.insert(3, Action::Choose { scenario: 1, step: 0, choice: 0 });
        assert_eq!(grade(&spec(), &plan(), scenarios(), &record(foreign)), Err(GradeError::DoesNotReplay));
    }

    #[test]
    fn percentages_round_half_up() {
        assert_eq!(
            (score_percent(0, 0), score_percent(1, 2), score_percent(1, 3), score_percent(2, 3)),
            (0, 50, 33, 67)
        );
        assert_eq!(score_percent(199, 200), 100);
        assert_eq!(score_percent(397, 400), 99);
    }
}
