//! Scoring. A round reports what matters for fraud training: scams caught,
//! genuine offers wrongly refused (false alarms), red flags found and missed,
//! and money kept, not just a count of "right answers".

use super::keyed::Keyed;
use super::round::{can_be_tapped, Play, Tapped};
use crate::content::{Outcome, Scenario, StepKind, ValidScenario};

/// Points for handling a scenario right: stopping a scam, or using a genuine offer.
pub const POINTS_RIGHT: u32 = 100;
/// Points for stopping a scam after already paying the scammer something.
pub const POINTS_CAUGHT_LATE: u32 = 50;
pub const POINTS_PER_FLAG: u32 = 10;
/// Taking off for tapping innocent phrases keeps "tap everything" from paying,
/// in a genuine scenario as in a scam; a scenario's points stop at 0.
pub const PENALTY_PER_WRONG_TAP: u32 = 5;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioResult {
    pub scenario_id: String,
    pub scam_type: String,
    pub genuine: bool,
    pub outcome: Outcome,
    pub savings_start: i64,
    pub savings_end: i64,
    /// Whether money went to the scammer on the way: the running balance fell
    /// below the starting savings at some point (a loan paid out and repaid
    /// before anything left is not paying).
    pub paid: bool,
    pub flags_found: u32,
    /// The red flags the learner could have found: those of the spot steps
    /// along the best-scoring path through the scenario, or of the spot steps
    /// they played if those held more. Leaving before a spot step leaves its
    /// flags unfound, so it shows as flags to practise.
    pub flags_total: u32,
    pub wrong_taps: u32,
    pub points: u32,
    /// The best score the scenario allows (see `best_play`), so an instant
    /// exit before the spot steps never scores full marks.
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
pub fn score_scenario(scenario: &ValidScenario, play: &Play, outcome: Outcome) -> ScenarioResult {
    let (mut found, mut asked, mut wrong) = (0u32, 0u32, 0u32);
    for visit in play.trail.iter().filter(|v| v.spotted) {
        asked += spot_flags(scenario, visit.step);
        for (_, tapped) in &visit.taps {
            match tapped {
                Tapped::Flag(_) => found += 1,
                Tapped::Phrase(_) => wrong += 1,
            }
        }
    }
    let paid = play.balances_on_arrival(scenario).any(|balance| balance < scenario.savings);
    let best = best_play(scenario);
    ScenarioResult {
        scenario_id: scenario.id.clone(),
        scam_type: scenario.scam_type.clone(),
        genuine: scenario.genuine,
        outcome,
        savings_start: scenario.savings,
        savings_end: play.balance,
        paid,
        flags_found: found,
        flags_total: asked.max(best.flags),
        wrong_taps: wrong,
        points: points(outcome, paid, found, wrong),
        max_points: best.points,
    }
}

/// Points for a scenario ended with `outcome` after `found` flags and `wrong`
/// innocent taps. Wrong taps take off points in a genuine scenario too (where
/// there is no flag to find); the total stops at 0.
fn points(outcome: Outcome, paid: bool, found: u32, wrong: u32) -> u32 {
    let outcome_points = match outcome {
        Outcome::Safe if paid => POINTS_CAUGHT_LATE,
        Outcome::Safe | Outcome::Trusted => POINTS_RIGHT,
        Outcome::Scammed | Outcome::Accomplice | Outcome::Refused => 0,
    };
    (outcome_points + found * POINTS_PER_FLAG).saturating_sub(wrong * PENALTY_PER_WRONG_TAP)
}

/// The red flags a spot step asks the learner to find.
fn spot_flags(scenario: &Scenario, step: usize) -> u32 {
    let messages = scenario.steps[step].messages.iter();
    messages.filter(|m| can_be_tapped(m)).map(|m| m.flags.len() as u32).sum()
}

/// The best play of a scenario: its score and the flags found on the way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct BestPlay {
    pub points: u32,
    pub flags: u32,
}

/// The highest score any path through the scenario gives a learner who finds
/// every flag of its spot steps and taps nothing else (on a tie, the path
/// with more flags). Computed from the pack, not from what was played, so
/// leaving at once before a spot step forfeits that step's flag points, while
/// a pack whose only spot step lies on a losing path still allows full marks
/// for refusing at once.
pub fn best_play(scenario: &ValidScenario) -> BestPlay {
    best_play_from(scenario, scenario.start(), scenario.savings)
}

/// The best play from step `step` on, with `balance` in hand (the steps
/// before it found no flag and paid nothing, if the balance is not below the
/// savings). Walks every path: validated packs have no loops.
pub fn best_play_from(scenario: &ValidScenario, step: usize, balance: i64) -> BestPlay {
    walk_best(scenario, step, balance, balance < scenario.savings, 0)
}

fn walk_best(scenario: &ValidScenario, step: usize, balance: i64, paid: bool, flags: u32) -> BestPlay {
    match scenario.kind(step) {
        Some(StepKind::End(end)) => BestPlay { points: points(end.outcome, paid, flags, 0), flags },
        Some(StepKind::Spot(_)) => scenario.after_spot(step).map_or(BestPlay::default(), |next| {
            walk_best(scenario, next, balance, paid, flags + spot_flags(scenario, step))
        }),
        Some(StepKind::Choices(choices)) => (0..choices.len())
            .filter_map(|c| {
                let next = scenario.after_choice(step, c)?;
                let balance = balance + choices[c].money;
                Some(walk_best(scenario, next, balance, paid || balance < scenario.savings, flags))
            })
            .max()
            .unwrap_or_default(),
        None => BestPlay::default(),
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
    pub per_type: Keyed<TypeTally>,
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
            let tally = s.per_type.get_or_insert_with(&r.scam_type, TypeTally::default);
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
    use crate::engine::fixture::{scenario, GENUINE, SCAM};
    use crate::engine::round::Visit;
    use std::rc::Rc;

    /// A step played: (step id, choice, taps), the taps making it a submitted spot step.
    type Played<'a> = (&'a str, Option<usize>, Option<Vec<Tapped>>);

    /// A finished play through `steps`; the last id is the end.
    fn play(s: &ValidScenario, steps: &[Played]) -> (Play, Outcome) {
        let mut balance = s.savings;
        let trail = steps
            .iter()
            .map(|(id, choice, taps)| {
                let step = s.step_index(id).unwrap_or_else(|| panic!("no step {id}"));
                balance += choice.map_or(0, |c| s.steps[step].choices[c].money);
                let mut tapped: Vec<(usize, Tapped)> = taps.iter().flatten().map(|t| (0, t.clone())).collect();
                tapped.sort();
                tapped.dedup();
                Visit { step, choice: *choice, taps: tapped, spotted: taps.is_some() }
            })
            .collect::<Vec<Visit>>();
        let last = trail.last().expect("a trail").step;
        let Some(StepKind::End(end)) = s.kind(last) else { panic!("the play must reach an end") };
        (Play { trail, balance, revealed: 0 }, end.outcome)
    }

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

    const LOAN: &str = r#"
format = 1
id = "demo-loan"
type = "demo"
languages = ["zh-CN", "en"]
genuine = false
channel = "chat"
start = "offer"
title = { zh-CN = "贷款", en = "Loan" }
contact.name = { zh-CN = "客服", en = "Agent" }
debrief = { why = { zh-CN = "骗局", en = "Scam" }, action = { zh-CN = "报警", en = "Call police" }, channels = ["110"] }

[[steps]]
id = "offer"
[[steps.messages]]
from = "contact"
text = { zh-CN = "贷款2000元已到账，先交300元解冻费。", en = "¥2,000 loan paid out; pay a ¥300 unfreezing fee first." }
[[steps.messages.flags]]
quote = { zh-CN = "先交300元解冻费", en = "pay a ¥300 unfreezing fee first" }
why = { zh-CN = "先交钱", en = "Pay first" }
[steps.spot]
next = "borrow"

[[steps]]
id = "borrow"
[[steps.messages]]
from = "narrator"
text = { zh-CN = "要借吗？", en = "Borrow?" }
[[steps.choices]]
text = { zh-CN = "借", en = "Borrow" }
next = "fee"
money = 2000
[[steps.choices]]
text = { zh-CN = "不借", en = "Decline" }
next = "safe"

[[steps]]
id = "fee"
[[steps.messages]]
from = "contact"
text = { zh-CN = "交解冻费。", en = "Pay the fee." }
[[steps.choices]]
text = { zh-CN = "全额还款", en = "Repay it all" }
next = "safe"
money = -2000
[[steps.choices]]
text = { zh-CN = "交300元", en = "Pay ¥300" }
next = "again"
money = -300

[[steps]]
id = "again"
[[steps.messages]]
from = "contact"
text = { zh-CN = "再交1000元。", en = "Pay ¥1,000 more." }
[[steps.choices]]
text = { zh-CN = "全额还款", en = "Repay it all" }
next = "safe"
money = -2000
[[steps.choices]]
text = { zh-CN = "再交", en = "Pay again" }
next = "lost"
money = -1000

[[steps]]
id = "safe"
end = { outcome = "safe", summary = { zh-CN = "安全", en = "Safe" } }

[[steps]]
id = "lost"
end = { outcome = "scammed", summary = { zh-CN = "被骗", en = "Lost" } }
"#;

    #[test]
    fn a_loan_paid_out_and_repaid_before_anything_left_is_not_paying() {
        let s = scenario(LOAN, "demo/loan.toml");
        let spot = ("offer", None, Some(vec![Tapped::Flag(0)]));
        let (repaid, outcome) =
            play(&s, &[spot.clone(), ("borrow", Some(0), None), ("fee", Some(0), None), ("safe", None, None)]);
        let r = score_scenario(&s, &repaid, outcome);
        assert_eq!((r.paid, r.savings_end, r.points), (false, 5_000, POINTS_RIGHT + POINTS_PER_FLAG));
        let steps =
            [spot, ("borrow", Some(0), None), ("fee", Some(1), None), ("again", Some(0), None), ("safe", None, None)];
        let (fee_paid, outcome) = play(&s, &steps);
        let r = score_scenario(&s, &fee_paid, outcome);
        assert_eq!(r.savings_end, 4_700, "¥300 went to the scammer: the balance fell below the savings");
        assert_eq!((r.paid, r.points), (true, POINTS_CAUGHT_LATE + POINTS_PER_FLAG));
    }

    #[test]
    fn innocent_taps_cost_points_in_a_genuine_scenario_as_in_a_scam() {
        let spotted = GENUINE.replace("start = \"sms\"", "start = \"look\"")
            + "[[steps]]\nid = \"look\"\n[[steps.messages]]\nfrom = \"contact\"\n\
               text = { zh-CN = \"取件码 1234，请到驿站取件。\", en = \"Code 1234: collect at the pickup point.\" }\n\
               [steps.spot]\nnext = \"sms\"\n";
        let s = scenario(&spotted, "demo/real-spot.toml");
        let taps = vec![Tapped::Phrase("Code 1234:".into()), Tapped::Phrase("collect".into())];
        let (p, outcome) = play(&s, &[("look", None, Some(taps)), ("sms", Some(0), None), ("ok", None, None)]);
        let r = score_scenario(&s, &p, outcome);
        assert_eq!((r.outcome, r.wrong_taps, r.flags_total), (Outcome::Trusted, 2, 0));
        assert_eq!(r.points, POINTS_RIGHT - 2 * PENALTY_PER_WRONG_TAP);
        assert_eq!(r.max_points, POINTS_RIGHT);
        let many = (0..30).map(|i| Tapped::Phrase(i.to_string())).collect();
        let (p, _) = play(&s, &[("look", None, Some(many)), ("sms", Some(1), None), ("refused", None, None)]);
        assert_eq!(score_scenario(&s, &p, Outcome::Refused).points, 0, "a scenario's points stop at 0");
    }

    /// The fixture scam, opening with a message the learner can ignore at
    /// once (safe) or answer (then the spot step with two flags).
    fn scam_with_an_exit_first() -> Rc<ValidScenario> {
        let text = SCAM.replace("start = \"offer\"", "start = \"hello\"")
            + "[[steps]]\nid = \"hello\"\n[[steps.messages]]\nfrom = \"contact\"\n\
               text = { zh-CN = \"在吗？\", en = \"Hi there?\" }\n\
               [[steps.choices]]\ntext = { zh-CN = \"不理\", en = \"Ignore\" }\nnext = \"safe\"\n\
               [[steps.choices]]\ntext = { zh-CN = \"回复\", en = \"Reply\" }\nnext = \"offer\"\n";
        scenario(&text, "demo/exit-first.toml")
    }

    #[test]
    fn leaving_at_once_forfeits_the_flag_points_and_never_beats_spotting_then_stopping() {
        let s = scam_with_an_exit_first();
        assert_eq!(best_play(&s), BestPlay { points: POINTS_RIGHT + 2 * POINTS_PER_FLAG, flags: 2 });
        let (p, outcome) = play(&s, &[("hello", Some(0), None), ("safe", None, None)]);
        let instant = score_scenario(&s, &p, outcome);
        assert_eq!((instant.outcome, instant.points, instant.max_points), (Outcome::Safe, 100, 120));
        assert_eq!((instant.flags_found, instant.flags_total), (0, 2), "the unreached flags count as missed");
        let tally = RoundSummary::from_results(std::slice::from_ref(&instant)).per_type["demo"].clone();
        assert_eq!(tally.practise_reasons().collect::<Vec<_>>(), [PractiseReason::MissedFlags]);
        let steps = [
            ("hello", Some(1), None),
            ("offer", None, Some(vec![Tapped::Flag(0)])),
            ("decide", Some(1), None),
            ("safe", None, None),
        ];
        let (p, outcome) = play(&s, &steps);
        let engaged = score_scenario(&s, &p, outcome);
        assert!(engaged.points > instant.points, "{} vs {}", engaged.points, instant.points);
        assert_eq!((engaged.points, engaged.max_points), (110, 120));
    }

    #[test]
    fn a_pack_whose_only_spot_step_follows_paying_still_gives_full_marks_for_refusing_at_once() {
        // Refusing at once ends it; the flagged offer comes only after paying.
        let text = SCAM
            .replace("start = \"offer\"", "start = \"decide\"")
            .replace("next = \"decide\"", "next = \"safe\"")
            .replace("en = \"Call 110\" }\nnext = \"safe\"", "en = \"Call 110\" }\nnext = \"offer\"");
        let s = scenario(&text, "demo/late-spot.toml");
        assert_eq!(best_play(&s), BestPlay { points: POINTS_RIGHT, flags: 0 }, "paying first earns at most 50 + 20");
        let (p, outcome) = play(&s, &[("decide", Some(1), None), ("safe", None, None)]);
        let r = score_scenario(&s, &p, outcome);
        assert_eq!((r.points, r.max_points, r.flags_total), (100, 100, 0));
        let steps = [
            ("decide", Some(0), None),
            ("stuck", Some(1), None),
            ("offer", None, Some(vec![Tapped::Flag(0), Tapped::Flag(1)])),
            ("safe", None, None),
        ];
        let (p, outcome) = play(&s, &steps);
        let late = score_scenario(&s, &p, outcome);
        assert_eq!((late.paid, late.points, late.max_points), (true, 70, 100));
        assert_eq!(late.flags_total, 2, "the flags the learner was asked to find");
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
