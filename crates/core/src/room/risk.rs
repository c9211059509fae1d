//! Which answers at a fork are risky: those after which the learner can no
//! longer end as well as after the fork's best choice. Ranked by the outcome
//! only (stopped without paying > stopped after paying > scammed, accomplice
//! or a genuine offer refused), not by points, so a choice that skips a
//! later spot step is not "risky" for the flags it leaves unasked.

use crate::content::{StepKind, ValidScenario};

/// 2: a good end with savings intact; 1: a good end after paying; 0: a bad end.
fn rank(good: bool, paid: bool) -> u8 {
    match (good, paid) {
        (true, false) => 2,
        (true, true) => 1,
        (false, _) => 0,
    }
}

/// The best rank reachable from `step` with `balance` in hand (validated packs have no loops).
fn safest_from(scenario: &ValidScenario, step: usize, balance: i64) -> u8 {
    match scenario.kind(step) {
        Some(StepKind::End(end)) => rank(end.outcome.is_good(), balance < scenario.savings),
        Some(StepKind::Spot(_)) => scenario.after_spot(step).map_or(0, |next| safest_from(scenario, next, balance)),
        Some(StepKind::Choices(_)) => {
            (0..choice_count(scenario, step)).map(|c| safest_after(scenario, step, c, balance)).max().unwrap_or(0)
        }
        None => 0,
    }
}

fn safest_after(scenario: &ValidScenario, step: usize, choice: usize, balance: i64) -> u8 {
    let money = scenario.steps[step].choices[choice].money;
    scenario.after_choice(step, choice).map_or(0, |next| safest_from(scenario, next, balance + money))
}

fn choice_count(scenario: &ValidScenario, step: usize) -> usize {
    scenario.steps[step].choices.len()
}

/// Per choice of fork `step` (authored order): whether it is risky.
pub(super) fn risky_choices(scenario: &ValidScenario, step: usize, balance: i64) -> Vec<bool> {
    let ranks: Vec<u8> = (0..choice_count(scenario, step)).map(|c| safest_after(scenario, step, c, balance)).collect();
    let best = ranks.iter().copied().max().unwrap_or(0);
    ranks.iter().map(|&r| r < best).collect()
}

/// The choice a player who never saw fork `step` is taken to make: the safest one.
pub(super) fn safest_choice(scenario: &ValidScenario, step: usize, balance: i64) -> usize {
    let ranks = (0..choice_count(scenario, step)).map(|c| safest_after(scenario, step, c, balance));
    // max_by_key keeps the last maximum; the first authored safest choice is wanted.
    ranks.enumerate().fold((0, 0), |best, (c, r)| if r > best.1 { (c, r) } else { best }).0
}
