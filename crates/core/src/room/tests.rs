use super::*;
use crate::content::Outcome;
use crate::engine::fixture::{scenario, GENUINE, SCAM};

/// Steps of the scam fixture: offer (spot) → decide (pay → stuck, refuse → safe) → stuck (pay → lost, 110 → safe).
const OFFER: usize = 0;
const DECIDE: usize = 1;
const STUCK: usize = 2;
const SCAM_AT: Place = Place { scenario: 0, step: DECIDE };
const GENUINE_AT: Place = Place { scenario: 1, step: 0 };

fn room() -> Room {
    let scam = (*scenario(SCAM, "demo/scam.toml")).clone();
    let genuine = (*scenario(GENUINE, "demo/real.toml")).clone();
    Room::new(vec![scam, genuine], "zh-CN", 7)
}

fn join(room: &mut Room, token: &str) -> PlayerId {
    match room.apply(&Input::Join { token: token.into(), nickname: String::new() }) {
        Ok(Accepted::Joined(id)) => id,
        other => panic!("join refused: {other:?}"),
    }
}

fn answer(room: &mut Room, token: &str, client_id: &str, at: Place, pick: Pick) -> Result<Accepted, Refusal> {
    room.apply(&Input::Answer { token: token.into(), client_id: client_id.into(), at, pick })
}

fn choose(room: &mut Room, token: &str, client_id: &str, at: Place, choice: usize) -> Result<Accepted, Refusal> {
    answer(room, token, client_id, at, Pick::Choice(choice))
}

fn run(room: &mut Room, commands: &[Command]) {
    for command in commands {
        room.apply(&Input::Command(*command)).unwrap_or_else(|e| panic!("{command:?} refused: {e:?}"));
    }
}

/// A room past the spot step, voting open at the scam's first fork.
fn voting_at_decide() -> Room {
    let mut room = room();
    run(&mut room, &[Command::Next, Command::OpenVoting, Command::CloseAndReveal, Command::Next, Command::OpenVoting]);
    assert_eq!((room.phase(), room.place()), (Phase::Voting, Some(SCAM_AT)));
    room
}

#[test]
fn a_joiner_keeps_its_id_across_rejoins_and_a_bad_token_is_refused() {
    let mut room = room();
    let a = join(&mut room, "tok-a");
    assert_eq!(join(&mut room, "tok-a"), a);
    assert_ne!(join(&mut room, "tok-b"), a);
    assert_eq!(room.apply(&Input::Join { token: "no spaces".into(), nickname: String::new() }), Err(Refusal::BadId));
    room.apply(&Input::Join { token: "tok-a".into(), nickname: "小\u{7}明".into() }).unwrap();
    assert_eq!(room.player_view(a).nickname, "小明");
    assert_eq!(room.player_count(), 2);
}

#[test]
fn an_answer_counts_once_however_often_it_is_resent() {
    let mut room = voting_at_decide();
    join(&mut room, "a");
    assert_eq!(choose(&mut room, "a", "c1", SCAM_AT, 0), Ok(Accepted::Counted));
    assert_eq!(choose(&mut room, "a", "c1", SCAM_AT, 0), Ok(Accepted::Duplicate));
    assert_eq!(room.presenter_view().answered, 1);
}

#[test]
fn an_answer_may_change_until_voting_closes_and_a_late_resend_does_not_undo_the_change() {
    let mut room = voting_at_decide();
    let a = join(&mut room, "a");
    choose(&mut room, "a", "c1", SCAM_AT, 0).unwrap();
    choose(&mut room, "a", "c2", SCAM_AT, 1).unwrap();
    assert_eq!(choose(&mut room, "a", "c1", SCAM_AT, 0), Ok(Accepted::Duplicate));
    assert_eq!(room.player_view(a).my_pick, Some(Pick::Choice(1)));
    run(&mut room, &[Command::CloseAndReveal]);
    assert_eq!(choose(&mut room, "a", "c3", SCAM_AT, 0), Err(Refusal::WrongPhase));
    assert_eq!(room.presenter_view().distribution, Some(vec![0, 1]));
}

#[test]
fn answers_outside_voting_for_another_step_or_out_of_range_are_refused() {
    let mut room = room();
    join(&mut room, "a");
    run(&mut room, &[Command::Next]);
    let offer = Place { scenario: 0, step: OFFER };
    assert_eq!(answer(&mut room, "a", "c1", offer, Pick::Taps(vec![])), Err(Refusal::WrongPhase));
    let mut room = voting_at_decide();
    join(&mut room, "a");
    assert_eq!(choose(&mut room, "a", "c1", offer, 0), Err(Refusal::WrongStep));
    assert_eq!(choose(&mut room, "a", "c1", SCAM_AT, 2), Err(Refusal::OutOfRange));
    assert_eq!(answer(&mut room, "a", "c1", SCAM_AT, Pick::Taps(vec![])), Err(Refusal::OutOfRange));
    assert_eq!(choose(&mut room, "stranger", "c1", SCAM_AT, 0), Err(Refusal::UnknownPlayer));
    assert_eq!(choose(&mut room, "a", "bad id!", SCAM_AT, 0), Err(Refusal::BadId));
    // A refused answer does not use up its client id.
    assert_eq!(choose(&mut room, "a", "c1", SCAM_AT, 1), Ok(Accepted::Counted));
}

#[test]
fn presenter_commands_out_of_phase_are_refused() {
    let mut room = room();
    for command in [Command::OpenVoting, Command::CloseAndReveal, Command::Follow(0)] {
        assert_eq!(room.apply(&Input::Command(command)), Err(Refusal::WrongPhase), "{command:?} in the lobby");
    }
    let mut room = voting_at_decide();
    assert_eq!(room.apply(&Input::Command(Command::Follow(0))), Err(Refusal::WrongPhase));
    assert_eq!(room.apply(&Input::Command(Command::Next)), Err(Refusal::WrongPhase));
    run(&mut room, &[Command::CloseAndReveal]);
    assert_eq!(room.apply(&Input::Command(Command::Follow(9))), Err(Refusal::OutOfRange));
    assert_eq!(room.apply(&Input::Command(Command::Next)), Err(Refusal::WrongPhase), "a fork goes on by a choice");
    run(&mut room, &[Command::Follow(0)]);
    assert_eq!((room.phase(), room.place()), (Phase::Shown, Some(Place { scenario: 0, step: STUCK })));
    run(&mut room, &[Command::End]);
    assert_eq!(room.apply(&Input::Command(Command::End)), Err(Refusal::WrongPhase));
}

#[test]
fn the_distribution_is_hidden_while_voting_unless_live_bars_are_on() {
    let mut room = voting_at_decide();
    join(&mut room, "a");
    choose(&mut room, "a", "c1", SCAM_AT, 0).unwrap();
    assert_eq!(room.presenter_view().distribution, None);
    run(&mut room, &[Command::LiveBars(true)]);
    assert_eq!(room.presenter_view().distribution, Some(vec![1, 0]));
}

#[test]
fn a_late_joiner_gets_the_current_step_and_a_rejoiner_its_answer() {
    let mut room = voting_at_decide();
    let a = join(&mut room, "a");
    choose(&mut room, "a", "c1", SCAM_AT, 1).unwrap();
    let late = join(&mut room, "late");
    let view = room.player_view(late);
    assert_eq!((view.phase, view.at, view.my_pick), (Phase::Voting, Some(SCAM_AT), None));
    assert_eq!(view.scenario_id.as_deref(), Some("demo-scam"));
    assert_eq!(join(&mut room, "a"), a);
    assert_eq!(room.player_view(a).my_pick, Some(Pick::Choice(1)));
}

#[test]
fn spot_taps_make_a_heat_map_after_the_reveal() {
    let mut room = room();
    join(&mut room, "a");
    join(&mut room, "b");
    run(&mut room, &[Command::Next, Command::OpenVoting]);
    let offer = Place { scenario: 0, step: OFFER };
    let tap = |message, phrase| Phrase { message, phrase };
    answer(&mut room, "a", "t1", offer, Pick::Taps(vec![tap(0, 1), tap(0, 0), tap(0, 0)])).unwrap();
    answer(&mut room, "b", "t1", offer, Pick::Taps(vec![tap(0, 0)])).unwrap();
    assert_eq!(answer(&mut room, "b", "t2", offer, Pick::Taps(vec![tap(0, 99)])), Err(Refusal::OutOfRange));
    assert_eq!(answer(&mut room, "b", "t3", offer, Pick::Taps(vec![tap(5, 0)])), Err(Refusal::OutOfRange));
    assert_eq!(room.presenter_view().heat, None);
    run(&mut room, &[Command::CloseAndReveal]);
    assert_eq!(room.presenter_view().heat, Some(vec![(tap(0, 0), 2), (tap(0, 1), 1)]));
}

#[test]
fn ratings_are_checked_and_deduplicated() {
    let mut room = room();
    let a = join(&mut room, "a");
    let rate = |room: &mut Room, id: &str, moment, level| {
        room.apply(&Input::Rate { token: "a".into(), client_id: id.into(), moment, level })
    };
    assert_eq!(rate(&mut room, "r1", Moment::Before, 6), Err(Refusal::OutOfRange));
    assert_eq!(rate(&mut room, "r1", Moment::Before, 2), Ok(Accepted::Counted));
    assert_eq!(rate(&mut room, "r1", Moment::Before, 2), Ok(Accepted::Duplicate));
    run(&mut room, &[Command::End]);
    assert_eq!(rate(&mut room, "r2", Moment::Before, 3), Err(Refusal::WrongPhase));
    assert_eq!(rate(&mut room, "r3", Moment::After, 4), Ok(Accepted::Counted));
    assert_eq!(room.player_view(a).my_ratings, [Some(2), Some(4)]);
}

#[test]
fn the_summary_counts_outcomes_judgements_ratings_and_the_riskiest_forks() {
    let mut room = voting_at_decide();
    for token in ["a", "b", "c"] {
        join(&mut room, token);
    }
    // a and b pay at the first fork; c refuses.
    choose(&mut room, "a", "1", SCAM_AT, 0).unwrap();
    choose(&mut room, "b", "1", SCAM_AT, 0).unwrap();
    choose(&mut room, "c", "1", SCAM_AT, 1).unwrap();
    run(&mut room, &[Command::CloseAndReveal, Command::Follow(0), Command::OpenVoting]);
    // At "stuck": a pays again, b calls 110; c never saw this fork on its own path.
    let stuck = Place { scenario: 0, step: STUCK };
    choose(&mut room, "a", "2", stuck, 0).unwrap();
    choose(&mut room, "b", "2", stuck, 1).unwrap();
    run(&mut room, &[Command::CloseAndReveal, Command::Follow(0), Command::Next, Command::OpenVoting]);
    // The genuine offer: a uses it, b refuses it (a false alarm).
    choose(&mut room, "a", "3", GENUINE_AT, 0).unwrap();
    choose(&mut room, "b", "3", GENUINE_AT, 1).unwrap();
    for (token, before, after) in [("a", 4, 3), ("b", 5, 3)] {
        room.apply(&Input::Rate { token: token.into(), client_id: "rb".into(), moment: Moment::Before, level: before })
            .unwrap();
        room.apply(&Input::Rate { token: token.into(), client_id: "ra".into(), moment: Moment::After, level: after })
            .unwrap();
    }
    run(&mut room, &[Command::CloseAndReveal, Command::Follow(0), Command::Next]);
    assert_eq!(room.phase(), Phase::Ended);

    let summary = room.summary();
    assert_eq!(summary.players, 3);
    let scam = &summary.outcomes[0].1;
    assert!(scam.contains(&(Outcome::Scammed, 1)) && scam.contains(&(Outcome::Safe, 2)), "{scam:?}");
    let genuine = &summary.outcomes[1].1;
    assert!(genuine.contains(&(Outcome::Trusted, 1)) && genuine.contains(&(Outcome::Refused, 1)), "{genuine:?}");
    assert_eq!((summary.hits, summary.misses, summary.trusted, summary.false_alarms), (2, 1, 1, 1));
    assert_eq!(summary.confidence_before, [0, 0, 0, 1, 1]);
    assert_eq!(summary.confidence_after, [0, 0, 2, 0, 0]);
    // Paying at "decide" (2 answers) is the riskiest fork; refusing is not risky.
    let first = &summary.forks[0];
    assert_eq!((first.step_id.as_str(), first.risky_answers, &first.risky), ("decide", 2, &vec![true, false]));
    assert_eq!(summary.forks.len(), 3);

    let csv = summary.csv();
    assert!(csv.starts_with("section,scenario,step,item,count\n"));
    assert!(csv.contains("outcome,demo-scam,,scammed,1\n"));
    assert!(csv.contains("fork,demo-scam,decide,choice-1-risky,2\n"));
    assert!(csv.contains("judgement,,,false-alarms,1\n"));
    assert!(!csv.contains("tok"), "no token or name in the export");
}

#[test]
fn replaying_the_accepted_inputs_rebuilds_the_same_room() {
    let mut live = room();
    let mut log = Vec::new();
    let inputs = [
        Input::Join { token: "a".into(), nickname: "A".into() },
        Input::Command(Command::Next),
        Input::Command(Command::OpenVoting),
        Input::Answer {
            token: "a".into(),
            client_id: "1".into(),
            at: Place { scenario: 0, step: OFFER },
            pick: Pick::Taps(vec![]),
        },
        Input::Answer {
            token: "a".into(),
            client_id: "1".into(),
            at: Place { scenario: 0, step: OFFER },
            pick: Pick::Taps(vec![]),
        },
        Input::Command(Command::Follow(0)),
    ];
    for input in inputs {
        if live.apply(&input).is_ok_and(Accepted::changed) {
            log.push(input);
        }
    }
    assert_eq!(log.len(), 4, "the duplicate and the refused command are not stored");
    let mut rebuilt = room();
    log.iter().for_each(|input| assert!(rebuilt.apply(input).is_ok()));
    assert_eq!(rebuilt, live);
}
