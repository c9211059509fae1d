//! The order a decision's choices are shown in. Authors write the right
//! answer anywhere (often first for the scammer's wish, last for the
//! over-cautious refusal); shown in that order, a learner could score by
//! position without reading. So each learner sees each decision in an order
//! of its own, drawn from their seed, the scenario and the step: the same on
//! every visit, after a reload and in either language (ids, not texts, decide
//! it), different from the next learner's. A lecture passes one seed so the
//! whole room sees the same screen. `keep_order = true` on a step pins the
//! authored order (a numbered sequence).

use super::rng::{stable_hash, Rng};
use crate::content::Step;

/// Display position → authored index of `step`'s choices, for `seed` in scenario `scenario_id`.
pub fn choice_order(seed: u64, scenario_id: &str, step: &Step) -> Vec<usize> {
    let mut order: Vec<usize> = (0..step.choices.len()).collect();
    if !step.keep_order {
        Rng(seed ^ stable_hash(&[scenario_id, &step.id])).shuffle(&mut order);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::fixture::{scenario, SCAM};
    use std::collections::BTreeMap;

    /// The scam fixture's "decide" step with `n` choices.
    fn step_with(n: usize) -> Step {
        let decide = scenario(SCAM, "demo/scam.toml").steps.iter().find(|s| s.choices.len() >= 2).unwrap().clone();
        let choices = (0..n).map(|i| decide.choices[i % decide.choices.len()].clone()).collect();
        Step { choices, ..decide }
    }

    #[test]
    fn the_same_seed_gives_the_same_order_and_every_choice_once() {
        let step = step_with(4);
        let order = choice_order(42, "demo-scam", &step);
        assert_eq!(order, choice_order(42, "demo-scam", &step));
        let mut sorted = order.clone();
        sorted.sort();
        assert_eq!(sorted, [0, 1, 2, 3]);
    }

    #[test]
    fn across_many_seeds_every_order_shows_about_equally_often() {
        let step = step_with(3);
        let mut seen: BTreeMap<Vec<usize>, u32> = BTreeMap::new();
        for seed in 0..6000 {
            *seen.entry(choice_order(seed, "demo-scam", &step)).or_default() += 1;
        }
        assert_eq!(seen.len(), 6, "all 3! orders occur");
        // 1000 expected each; ±15% is more than six standard deviations.
        assert!(seen.values().all(|&n| (850..=1150).contains(&n)), "{seen:?}");
        let authored_first = (0..6000).filter(|&seed| choice_order(seed, "demo-scam", &step)[0] == 0).count();
        assert!((1700..=2300).contains(&authored_first), "the authored first choice leads a third of the time");
    }

    #[test]
    fn another_scenario_or_step_is_drawn_anew() {
        let step = step_with(5);
        let other_step = Step { id: "other".into(), ..step.clone() };
        let differs = |f: &dyn Fn(u64) -> Vec<usize>| {
            (0..50).filter(|&seed| choice_order(seed, "demo-scam", &step) != f(seed)).count()
        };
        assert!(differs(&|seed| choice_order(seed, "demo-other", &step)) > 40);
        assert!(differs(&|seed| choice_order(seed, "demo-scam", &other_step)) > 40);
    }

    #[test]
    fn a_pinned_step_keeps_the_authored_order() {
        let step = Step { keep_order: true, ..step_with(4) };
        for seed in [0, 1, 7, u64::MAX] {
            assert_eq!(choice_order(seed, "demo-scam", &step), [0, 1, 2, 3]);
        }
    }
}
