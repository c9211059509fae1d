//! "If you had gone on…": after a learner leaves a scam early and safe, the
//! end card can show what would have happened next, read-only, from the
//! pack's own steps. From the last decision the learner could have taken the
//! other way, the replay follows the scam's losing path: at each decision a
//! choice that still leads to a scammed or accomplice end, the one losing the
//! most money; at a flag-spotting step, on to its next step. Nothing extra is
//! authored, and nothing here changes the score.

use super::round::{Play, Round};
use crate::content::{Outcome, StepKind, ValidScenario};

/// The path the scam would have taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replay {
    /// The steps in order. The first is the decision the learner left at
    /// (its messages were already read), then every step up to the end.
    pub visits: Vec<ReplayVisit>,
    /// The losing end's step and how it ends.
    pub end: usize,
    pub outcome: Outcome,
    /// The simulated savings when the learner left, and at the losing end.
    pub balance_left: i64,
    pub balance_end: i64,
}

/// One step of the replay, and the learner's line there (the choice taken).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReplayVisit {
    pub step: usize,
    pub choice: Option<usize>,
    /// Savings after this step's choice.
    pub balance: i64,
}

/// Money lost along the worst losing path from a step, or `None` when no
/// losing end can be reached from it.
type Loss = Option<i64>;

/// Per step, its `Loss` once worked out (a plain vector: steps are indices).
type Memo = Vec<Option<Loss>>;

impl Round {
    /// The replay for the scenario on screen, once it ended safe.
    pub fn replay(&self) -> Option<Replay> {
        let ended_safe = self.current_result().is_some_and(|r| !r.genuine && r.outcome == Outcome::Safe);
        ended_safe.then(|| replay(self.scenario(), self.play())).flatten()
    }
}

/// What would have happened after `play`, which ended safe in `scenario`,
/// had the learner gone on at the last decision they could have: `None` if
/// no decision on their path leads to a losing end.
pub fn replay(scenario: &ValidScenario, play: &Play) -> Option<Replay> {
    let mut memo = vec![None; scenario.steps.len()];
    let arrived: Vec<i64> = play.balances_on_arrival(scenario).collect();
    let (left_at, first_choice) = play.trail.iter().enumerate().rev().find_map(|(i, visit)| {
        let choice = losing_choice(scenario, visit.step, &mut memo)?;
        Some((i, choice))
    })?;
    let balance_left = arrived[left_at];
    let mut visits = Vec::new();
    let (mut step, mut choice, mut balance) = (play.trail[left_at].step, Some(first_choice), balance_left);
    loop {
        match scenario.kind(step)? {
            StepKind::End(end) => {
                return Some(Replay { visits, end: step, outcome: end.outcome, balance_left, balance_end: balance });
            }
            StepKind::Spot(_) => {
                visits.push(ReplayVisit { step, choice: None, balance });
                step = scenario.after_spot(step)?;
            }
            StepKind::Choices(choices) => {
                let picked = choice.take().or_else(|| losing_choice(scenario, step, &mut memo))?;
                balance += choices[picked].money;
                visits.push(ReplayVisit { step, choice: Some(picked), balance });
                step = scenario.after_choice(step, picked)?;
            }
        }
    }
}

/// The choice of decision `step` on its worst losing path: the most money
/// lost, the first in the pack's order on a tie; `None` if `step` is not a
/// decision or none of its choices can still lose.
fn losing_choice(scenario: &ValidScenario, step: usize, memo: &mut Memo) -> Option<usize> {
    let Some(StepKind::Choices(choices)) = scenario.kind(step) else { return None };
    let losses = choices.iter().enumerate().filter_map(|(i, choice)| {
        let after = worst_loss(scenario, scenario.after_choice(step, i)?, memo)?;
        Some((i, after - choice.money.min(0)))
    });
    losses
        .fold(None, |best: Option<(usize, i64)>, (i, loss)| match best {
            Some((_, most)) if most >= loss => best,
            _ => Some((i, loss)),
        })
        .map(|(i, _)| i)
}

/// The most money lost on the way from `step` to a scammed or accomplice
/// end. Packs have no loops (the validator refuses them); `memo` keeps a
/// shared step from being walked twice.
fn worst_loss(scenario: &ValidScenario, step: usize, memo: &mut Memo) -> Loss {
    if let Some(loss) = memo[step] {
        return loss;
    }
    memo[step] = Some(None); // a loop (only in a pack the validator refuses) loses nothing
    let loss = match scenario.kind(step)? {
        StepKind::End(end) => matches!(end.outcome, Outcome::Scammed | Outcome::Accomplice).then_some(0),
        StepKind::Spot(_) => scenario.after_spot(step).and_then(|next| worst_loss(scenario, next, memo)),
        StepKind::Choices(choices) => {
            let choice = losing_choice(scenario, step, memo);
            choice.and_then(|c| {
                let after = worst_loss(scenario, scenario.after_choice(step, c)?, memo)?;
                Some(after - choices[c].money.min(0))
            })
        }
    };
    memo[step] = Some(loss);
    loss
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::fixture::{scenario, GENUINE, SCAM};
    use crate::engine::Action;

    /// Plays the fixture scam: spot nothing, then `choices` in turn.
    fn played(choices: &[usize]) -> Round {
        let mut round = Round::new(vec![scenario(SCAM, "demo/scam.toml"), scenario(GENUINE, "demo/real.toml")], 7);
        let act = |round: &Round, action: Action| round.apply(&action).unwrap_or_else(|| panic!("{action:?}"));
        round = act(&round, Action::RateBefore(3));
        round = act(&round, Action::RevealAll { scenario: 0, step: 0 });
        round = act(&round, Action::SubmitSpot { scenario: 0, step: 0 });
        for &choice in choices {
            let step = round.step_index();
            round = round.apply(&Action::RevealAll { scenario: 0, step }).unwrap_or(round);
            round = act(&round, Action::Choose { scenario: 0, step, choice });
        }
        round
    }

    #[test]
    fn refusing_at_once_replays_paying_twice_to_the_losing_end() {
        let round = played(&[1]);
        let replay = round.replay().expect("a safe exit offers the replay");
        let steps: Vec<(&str, Option<usize>, i64)> =
            replay.visits.iter().map(|v| (round.scenario().steps[v.step].id.as_str(), v.choice, v.balance)).collect();
        assert_eq!(steps, [("decide", Some(0), 900), ("stuck", Some(0), 400)]);
        assert_eq!(round.scenario().steps[replay.end].id, "lost");
        assert_eq!((replay.outcome, replay.balance_left, replay.balance_end), (Outcome::Scammed, 1000, 400));
    }

    #[test]
    fn stopping_late_replays_from_the_last_decision_with_the_money_already_gone() {
        let round = played(&[0, 1]);
        let replay = round.replay().expect("stopped late, still safe");
        assert_eq!(replay.visits.len(), 1);
        assert_eq!(round.scenario().steps[replay.visits[0].step].id, "stuck");
        assert_eq!((replay.balance_left, replay.balance_end), (900, 400));
    }

    #[test]
    fn a_losing_end_or_a_genuine_scenario_offers_no_replay() {
        assert_eq!(played(&[0, 0]).replay(), None, "the losing end was reached");
        let genuine = Round::new(vec![scenario(GENUINE, "demo/real.toml")], 7);
        assert_eq!(genuine.replay(), None, "not ended");
    }
}
