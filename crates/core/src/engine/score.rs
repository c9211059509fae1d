//! Scoring. A round reports what matters for fraud training: scams caught,
//! genuine offers wrongly refused (false alarms), red flags found and missed,
//! and money kept, not just a count of "right answers".

use super::round::{can_be_tapped, Play, Tapped};
use crate::content::{Outcome, Scenario};
use std::collections::BTreeMap;

/// Points for handling a scenario right: stopping a scam, or using a genuine offer.
pub const POINTS_RIGHT: u32 = 100;
/// Points for stopping a scam after already paying the scammer something.
pub const POINTS_CAUGHT_LATE: u32 = 50;
pub const POINTS_PER_FLAG: u32 = 10;
/// Taking off for tapping innocent phrases keeps "tap everything" from paying.
pub const PENALTY_PER_WRONG_TAP: u32 = 5;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioResult {
    pub scenario_id: String,
    pub scam_type: String,
    pub genuine: bool,
    pub outcome: Outcome,
    pub savings_start: i64,
    pub savings_end: i64,
    /// Whether the learner ever paid (a negative money change) on the way.
    pub paid: bool,
    pub flags_found: u32,
    pub flags_total: u32,
    pub wrong_taps: u32,
    pub points: u32,
    pub max_points: u32,
}

impl ScenarioResult {
    /// A scam stopped, or a genuine offer used: the outcome a trainer wants.
    pub fn handled_right(&self) -> bool {
        self.outcome.is_good()
    }

    /// Own savings still there at the end. Money a genuine service added (a
    /// real loan paid out) is not savings kept, so this never passes the start.
    pub fn savings_kept(&self) -> i64 {
        self.savings_end.min(self.savings_start)
    }
}

/// Why a type is suggested for practice, shown next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PractiseReason {
    /// A scam of the type was not stopped.
    MissedScam,
    /// A genuine service of the type was refused as a scam.
    RefusedGenuine,
    /// A red flag of the type was not found.
    MissedFlags,
}

/// Scores the scenario that `play` has just ended with `outcome`.
pub fn score_scenario(scenario: &Scenario, play: &Play, outcome: Outcome) -> ScenarioResult {
    let (mut found, mut total, mut wrong) = (0u32, 0u32, 0u32);
    for visit in play.trail.iter().filter(|v| v.spotted) {
        let messages = scenario.steps[visit.step].messages.iter();
        total += messages.filter(|m| can_be_tapped(m)).map(|m| m.flags.len() as u32).sum::<u32>();
        for (_, tapped) in &visit.taps {
            match tapped {
                Tapped::Flag(_) => found += 1,
                Tapped::Phrase(_) => wrong += 1,
            }
        }
    }
    let paid = play
        .trail
        .iter()
        .any(|v| v.choice.is_some_and(|c| scenario.steps[v.step].choices.get(c).is_some_and(|ch| ch.money < 0)));
    let outcome_points = match outcome {
        Outcome::Safe if paid => POINTS_CAUGHT_LATE,
        Outcome::Safe | Outcome::Trusted => POINTS_RIGHT,
        Outcome::Scammed | Outcome::Accomplice | Outcome::Refused => 0,
    };
    let flag_points = (found * POINTS_PER_FLAG).saturating_sub(wrong * PENALTY_PER_WRONG_TAP);
    ScenarioResult {
        scenario_id: scenario.id.clone(),
        scam_type: scenario.scam_type.clone(),
        genuine: scenario.genuine,
        outcome,
        savings_start: scenario.savings,
        savings_end: play.balance,
        paid,
        flags_found: found,
        flags_total: total,
        wrong_taps: wrong,
        points: outcome_points + flag_points,
        max_points: POINTS_RIGHT + total * POINTS_PER_FLAG,
    }
}

/// How one scam type went in the round.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TypeTally {
    pub played: u32,
    pub handled_right: u32,
    pub flags_found: u32,
    pub flags_total: u32,
    pub scams_missed: u32,
    pub genuine_refused: u32,
}

impl TypeTally {
    /// Why to practise this type again, in a fixed order; none when it went well.
    pub fn practise_reasons(&self) -> impl Iterator<Item = PractiseReason> {
        [
            (self.scams_missed > 0).then_some(PractiseReason::MissedScam),
            (self.genuine_refused > 0).then_some(PractiseReason::RefusedGenuine),
            (self.flags_found < self.flags_total).then_some(PractiseReason::MissedFlags),
        ]
        .into_iter()
        .flatten()
    }
}

/// The round's result screen, computed from the scenario results.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RoundSummary {
    pub points: u32,
    pub max_points: u32,
    pub scams: u32,
    pub scams_caught: u32,
    pub genuine: u32,
    pub genuine_trusted: u32,
    /// Genuine offers the learner refused as scams.
    pub false_alarms: u32,
    pub flags_found: u32,
    pub flags_total: u32,
    pub wrong_taps: u32,
    pub savings_start: i64,
    /// Own savings kept, summed over the scenarios (see `savings_kept`).
    pub savings_kept: i64,
    pub per_type: BTreeMap<String, TypeTally>,
    /// Types with a missed scam, a false alarm or a missed flag, to practise
    /// again (`TypeTally::practise_reasons` says why).
    pub practise: Vec<String>,
}

impl RoundSummary {
    pub fn from_results(results: &[ScenarioResult]) -> Self {
        let mut s = RoundSummary::default();
        for r in results {
            s.points += r.points;
            s.max_points += r.max_points;
            s.flags_found += r.flags_found;
            s.flags_total += r.flags_total;
            s.wrong_taps += r.wrong_taps;
            s.savings_start += r.savings_start;
            s.savings_kept += r.savings_kept();
            if r.genuine {
                s.genuine += 1;
                s.genuine_trusted += u32::from(r.handled_right());
                s.false_alarms += u32::from(r.outcome == Outcome::Refused);
            } else {
                s.scams += 1;
                s.scams_caught += u32::from(r.handled_right());
            }
            let tally = s.per_type.entry(r.scam_type.clone()).or_default();
            tally.played += 1;
            tally.handled_right += u32::from(r.handled_right());
            tally.flags_found += r.flags_found;
            tally.flags_total += r.flags_total;
            let wrong = u32::from(!r.handled_right());
            if r.genuine {
                tally.genuine_refused += wrong;
            } else {
                tally.scams_missed += wrong;
            }
        }
        s.practise = s
            .per_type
            .iter()
            .filter(|(_, t)| t.practise_reasons().next().is_some())
            .map(|(id, _)| id.clone())
            .collect();
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(
        scam_type: &str,
        genuine: bool,
        outcome: Outcome,
        savings: (i64, i64),
        flags: (u32, u32),
    ) -> ScenarioResult {
        ScenarioResult {
            scenario_id: format!("{scam_type}-x"),
            scam_type: scam_type.into(),
            genuine,
            outcome,
            savings_start: savings.0,
            savings_end: savings.1,
            paid: false,
            flags_found: flags.0,
            flags_total: flags.1,
            wrong_taps: 0,
            points: 0,
            max_points: 0,
        }
    }

    #[test]
    fn money_kept_never_passes_the_savings_even_after_a_genuine_loan() {
        let s = RoundSummary::from_results(&[
            result("loan", true, Outcome::Trusted, (5_000, 16_140), (0, 0)),
            result("job", false, Outcome::Scammed, (5_000, 1_098), (1, 3)),
        ]);
        assert_eq!((s.savings_kept, s.savings_start), (5_000 + 1_098, 10_000));
    }

    #[test]
    fn each_type_to_practise_says_why() {
        let s = RoundSummary::from_results(&[
            result("job", false, Outcome::Scammed, (5_000, 0), (3, 3)),
            result("job", false, Outcome::Safe, (5_000, 5_000), (1, 2)),
            result("loan", true, Outcome::Refused, (5_000, 5_000), (0, 0)),
            result("police", false, Outcome::Safe, (5_000, 5_000), (2, 2)),
        ]);
        let reasons = |id: &str| s.per_type[id].practise_reasons().collect::<Vec<_>>();
        assert_eq!(reasons("job"), [PractiseReason::MissedScam, PractiseReason::MissedFlags]);
        assert_eq!(reasons("loan"), [PractiseReason::RefusedGenuine]);
        assert_eq!(reasons("police"), [], "handled right with every flag: nothing to practise");
        assert_eq!(s.practise, ["job", "loan"]);
    }
}
