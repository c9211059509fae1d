//! "If you had gone on…" needs nothing authored: from every safe exit a
//! learner can take in a shipped scam, the pack's own steps lead on to a
//! losing end that the replay can show.

use scamspot_core::content::{Outcome, StepKind};
use scamspot_core::engine::{Action, Round};
use scamspot_tools::folder::check_folder;
use std::path::Path;
use std::rc::Rc;

/// Plays every path (spot steps are submitted as they are: taps do not
/// change where a scenario goes) and checks the replay at each safe end.
fn walk(round: Round, safe_exits: &mut usize) {
    let (scenario, step) = (round.current(), round.step_index());
    let round = round.apply(&Action::RevealAll { scenario, step }).unwrap_or(round);
    let id = &round.scenario().id;
    if let Some(result) = round.current_result() {
        if result.outcome == Outcome::Safe {
            *safe_exits += 1;
            let replay = round.replay().unwrap_or_else(|| panic!("{id}: no losing path from the safe end {step}"));
            assert!(matches!(replay.outcome, Outcome::Scammed | Outcome::Accomplice), "{id}: {replay:?}");
            assert!(!replay.visits.is_empty() && replay.visits[0].choice.is_some(), "{id}: starts at a decision");
            assert!(replay.balance_end <= replay.balance_left, "{id}: going on never gains money");
        } else {
            assert_eq!(round.replay(), None, "{id}: only a safe exit offers the replay");
        }
        return;
    }
    match round.scenario().kind(step).expect("valid step") {
        StepKind::Choices(choices) => {
            for choice in 0..choices.len() {
                walk(round.apply(&Action::Choose { scenario, step, choice }).expect("playable"), safe_exits);
            }
        }
        StepKind::Spot(_) => walk(round.apply(&Action::SubmitSpot { scenario, step }).expect("submits"), safe_exits),
        StepKind::End(_) => unreachable!("ends are scored on entry"),
    }
}

#[test]
fn every_safe_exit_of_every_shipped_scam_can_replay_the_losing_path() {
    let report = check_folder(Path::new("static/packs"));
    assert!(report.problems.is_empty(), "shipped packs have problems");
    let mut safe_exits = 0;
    for scenario in report.scenarios.into_iter().filter(|s| !s.genuine) {
        let round = Round::new(vec![Rc::new(scenario)], 0).apply(&Action::RateBefore(3)).expect("rated");
        walk(round, &mut safe_exits);
    }
    assert!(safe_exits > 30, "every scam has safe exits: {safe_exits}");
}
