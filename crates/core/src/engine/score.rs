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
    pub savings_end: i64,
    pub per_type: BTreeMap<String, TypeTally>,
    /// Types with a missed scam, a false alarm or a missed flag, to practise again.
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
            s.savings_end += r.savings_end;
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
        }
        s.practise = s
            .per_type
            .iter()
            .filter(|(_, t)| t.handled_right < t.played || t.flags_found < t.flags_total)
            .map(|(id, _)| id.clone())
            .collect();
        s
    }
}
