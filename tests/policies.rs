//! No fixed policy wins without reading. Plays every shipped scenario with
//! fixed policies (always the first choice shown, always the last, always
//! the most distrustful; each tapping nothing or everything in spot steps)
//! and with a reader (the best choice, exactly the flags tapped), through the
//! same reducer the app uses, and prints the figures README.md quotes:
//! `cargo test --test policies -- --nocapture`.

use scamspot_core::content::{Outcome, StepKind, ValidScenario};
use scamspot_core::engine::discrimination::Tally;
use scamspot_core::engine::round::can_be_tapped;
use scamspot_core::engine::score::best_play_from;
use scamspot_core::engine::segments::segments;
use scamspot_core::engine::{Action, Round, RoundSummary};
use scamspot_tools::folder::check_folder;
use std::collections::VecDeque;
use std::path::Path;
use std::rc::Rc;

/// Learners' seeds (each shows the choices in its own order, as the app
/// does) the figures are averaged over.
const SEEDS: [u64; 5] = [1, 2, 3, 4, 5];
/// The language whose phrase splitting "tap everything" taps.
const LANG: &str = "zh-CN";
/// How far the reader must score above the best fixed policy, in points of
/// the mean score percentage.
const READER_MARGIN: f64 = 20.0;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Pick {
    First,
    Last,
    /// The choice leading soonest to a refusal (`Safe` in a scam, `Refused`
    /// in a genuine scenario): the most distrustful.
    Refuse,
    /// The choice the best score still lies behind.
    Best,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Taps {
    Nothing,
    Everything,
    /// Exactly the red flags.
    Flags,
}

struct Policy {
    name: &'static str,
    pick: Pick,
    taps: Taps,
}

const READER: Policy = Policy { name: "reader", pick: Pick::Best, taps: Taps::Flags };

const FIXED: [Policy; 6] = [
    Policy { name: "first choice, tap nothing", pick: Pick::First, taps: Taps::Nothing },
    Policy { name: "first choice, tap everything", pick: Pick::First, taps: Taps::Everything },
    Policy { name: "last choice, tap nothing", pick: Pick::Last, taps: Taps::Nothing },
    Policy { name: "last choice, tap everything", pick: Pick::Last, taps: Taps::Everything },
    Policy { name: "always refuse, tap nothing", pick: Pick::Refuse, taps: Taps::Nothing },
    Policy { name: "always refuse, tap everything", pick: Pick::Refuse, taps: Taps::Everything },
];

/// Steps from `step` to the nearest refusing end; `None` if there is none.
fn steps_to_refusal(scenario: &ValidScenario, step: usize) -> Option<usize> {
    let mut queue = VecDeque::from([(step, 0)]);
    let mut seen = vec![false; scenario.steps.len()];
    let refusal = if scenario.genuine { Outcome::Refused } else { Outcome::Safe };
    while let Some((at, distance)) = queue.pop_front() {
        if std::mem::replace(&mut seen[at], true) {
            continue;
        }
        match scenario.kind(at) {
            Some(StepKind::End(end)) if end.outcome == refusal => return Some(distance),
            Some(StepKind::End(_)) | None => {}
            Some(StepKind::Choices(choices)) => {
                queue.extend((0..choices.len()).filter_map(|c| scenario.after_choice(at, c)).map(|n| (n, distance + 1)))
            }
            Some(StepKind::Spot(_)) => queue.extend(scenario.after_spot(at).map(|n| (n, distance + 1))),
        }
    }
    None
}

/// The authored index `policy` picks among the choices of `step`, shown in `shown` order.
fn pick(policy: &Policy, round: &Round, step: usize, shown: &[usize]) -> usize {
    let scenario = round.scenario();
    let Some(StepKind::Choices(choices)) = scenario.kind(step) else { unreachable!("a choice step") };
    let target = |c: usize| scenario.after_choice(step, c).expect("valid");
    match policy.pick {
        Pick::First => shown[0],
        Pick::Last => shown[shown.len() - 1],
        // `min_by_key` keeps the first shown of equals; a choice with no refusal behind it comes last.
        Pick::Refuse => {
            *shown.iter().min_by_key(|&&c| steps_to_refusal(scenario, target(c)).unwrap_or(usize::MAX)).unwrap()
        }
        Pick::Best => *shown
            .iter()
            .rev()
            .max_by_key(|&&c| best_play_from(scenario, target(c), round.play().balance + choices[c].money))
            .unwrap(),
    }
}

/// Plays `scenario` to its end with `policy`; returns the round at its end.
fn play(scenario: &Rc<ValidScenario>, policy: &Policy, seed: u64) -> Round {
    let mut round = Round::new(vec![Rc::clone(scenario)], seed).apply(&Action::RateBefore(3)).expect("rated");
    loop {
        let step = round.step_index();
        round = round.apply(&Action::RevealAll { scenario: 0, step }).unwrap_or(round);
        if round.current_result().is_some() {
            return round;
        }
        round = match round.scenario().kind(step).expect("valid step") {
            StepKind::Choices(_) => {
                let shown = round.choice_order();
                let choice = pick(policy, &round, step, &shown);
                round.apply(&Action::Choose { scenario: 0, step, choice }).expect("a playable choice")
            }
            StepKind::Spot(_) => {
                let mut tapped = round.clone();
                for (message, m) in
                    round.scenario().steps[step].messages.iter().enumerate().filter(|(_, m)| can_be_tapped(m))
                {
                    for (segment, phrase) in segments(m, LANG).iter().enumerate() {
                        let tap = match policy.taps {
                            Taps::Nothing => false,
                            Taps::Everything => true,
                            Taps::Flags => phrase.flag.is_some(),
                        };
                        if tap {
                            let action = Action::ToggleTap { scenario: 0, step, message, segment, lang: LANG.into() };
                            tapped = tapped.apply(&action).expect("a tappable phrase");
                        }
                    }
                }
                tapped.apply(&Action::SubmitSpot { scenario: 0, step }).expect("the spot step submits")
            }
            StepKind::End(_) => unreachable!("an end is scored on entry"),
        };
    }
}

/// A policy's figures over every scenario, averaged over the seeds: each
/// seed is one learner playing every scenario once.
struct Figures {
    mean_score_percent: f64,
    hit_rate: f64,
    false_alarm_rate: f64,
    d_prime: f64,
}

fn figures(scenarios: &[Rc<ValidScenario>], policy: &Policy) -> Figures {
    let mut sums = [0.0; 4];
    for seed in SEEDS {
        let (mut percent, mut tally) = (0.0, Tally::default());
        for scenario in scenarios {
            let end = play(scenario, policy, seed);
            let result = end.current_result().expect("played to an end");
            percent += 100.0 * f64::from(result.points) / f64::from(result.max_points.max(1));
            tally += Tally::of(&RoundSummary::from_results(std::slice::from_ref(result)));
        }
        let measures = tally.measures().expect("shipped packs hold scams and genuine scenarios");
        let seed_figures = [
            percent / scenarios.len() as f64,
            tally.hit_rate().unwrap_or_default(),
            tally.false_alarm_rate().unwrap_or_default(),
            measures.d_prime,
        ];
        sums.iter_mut().zip(seed_figures).for_each(|(sum, figure)| *sum += figure);
    }
    let [mean_score_percent, hit_rate, false_alarm_rate, d_prime] = sums.map(|sum| sum / SEEDS.len() as f64);
    Figures { mean_score_percent, hit_rate, false_alarm_rate, d_prime }
}

#[test]
fn the_reader_scores_clearly_above_every_fixed_policy() {
    let report = check_folder(Path::new("static/packs"));
    assert!(report.problems.is_empty(), "shipped packs have problems");
    let scenarios: Vec<Rc<ValidScenario>> = report.scenarios.into_iter().map(Rc::new).collect();
    let reader = figures(&scenarios, &READER);
    println!("\n{} scenarios, seeds {SEEDS:?}, phrases split as {LANG}", scenarios.len());
    println!("| policy | mean score % | hit rate | false-alarm rate | d′ |");
    println!("|---|---:|---:|---:|---:|");
    let row = |name: &str, f: &Figures| {
        println!(
            "| {name} | {:.1} | {:.2} | {:.2} | {:.2} |",
            f.mean_score_percent, f.hit_rate, f.false_alarm_rate, f.d_prime
        );
    };
    row(READER.name, &reader);
    for policy in &FIXED {
        let fixed = figures(&scenarios, policy);
        row(policy.name, &fixed);
        assert!(
            reader.mean_score_percent >= fixed.mean_score_percent + READER_MARGIN,
            "{}: {:.1}% is within {READER_MARGIN} points of the reader's {:.1}%",
            policy.name,
            fixed.mean_score_percent,
            reader.mean_score_percent
        );
        assert!(reader.d_prime > fixed.d_prime, "{}: d′ {:.2} ≥ the reader's", policy.name, fixed.d_prime);
    }
}
