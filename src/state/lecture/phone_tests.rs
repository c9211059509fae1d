use super::*;

const CODE: &str = "123456";

fn view(phase: Phase, at: Option<Place>, my_pick: Option<Pick>) -> PlayerView {
    PlayerView {
        phase,
        at,
        scenario_id: at.map(|_| "demo-scam".to_string()),
        lang: "zh-CN".to_string(),
        seed: 7,
        my_pick,
        my_ratings: [None, None],
        nickname: String::new(),
    }
}

const FORK: Place = Place { scenario: 0, step: 1 };
const NEXT_FORK: Place = Place { scenario: 0, step: 2 };

fn joined(token: Option<&str>) -> PhoneState {
    PhoneState::default().apply(PhoneAction::Join {
        code: CODE.into(),
        nickname: " 小\u{7}王 ".into(),
        token: token.map(str::to_string),
        now_ms: 1_000.0,
    })
}

fn link(state: PhoneState, event: Link, now_ms: f64) -> PhoneState {
    state.apply(PhoneAction::Link { event, now_ms })
}

fn server(state: PhoneState, event: ServerEvent) -> PhoneState {
    state.apply(PhoneAction::Server(event))
}

fn flushed(state: PhoneState) -> PhoneState {
    let count = state.to_send.len();
    state.apply(PhoneAction::Flushed { count })
}

/// Joined, open, welcomed, and voting at `FORK`, with nothing left to send.
fn voting() -> PhoneState {
    let state = link(joined(None), Link::Open, 1_200.0);
    let state = server(state, ServerEvent::Welcome { token: "tok".into() });
    flushed(server(state, ServerEvent::Player(view(Phase::Voting, Some(FORK), None))))
}

fn choose(state: PhoneState, choice: usize, client_id: &str) -> PhoneState {
    state.apply(PhoneAction::Choose { choice, client_id: client_id.into() })
}

fn ack(state: PhoneState, client_id: &str) -> PhoneState {
    server(state, ServerEvent::Ack { client_id: client_id.into() })
}

fn answer(client_id: &str, at: Place, pick: Pick) -> ClientMessage {
    ClientMessage::Answer { client_id: client_id.into(), at, pick }
}

#[test]
fn room_codes_are_six_digits() {
    assert_eq!(room_code(" 123456 "), Some(CODE.to_string()));
    for wrong in ["", "12345", "1234567", "12345a", "１２３４５６"] {
        assert_eq!(room_code(wrong), None, "{wrong}");
    }
}

#[test]
fn the_join_goes_first_on_open_with_the_kept_token_and_a_clean_nickname() {
    let state = joined(Some("kept"));
    assert_eq!(state.link_status(), LinkStatus::Connecting);
    assert!(state.to_send.is_empty(), "nothing is queued before the link opens");
    let state = link(state, Link::Open, 1_500.0);
    assert_eq!(state.to_send, [ClientMessage::Join { token: Some("kept".into()), nickname: "小王".into() }]);
    assert_eq!(state.link_status(), LinkStatus::Online);
}

#[test]
fn the_welcome_token_is_kept_and_sent_on_the_next_join() {
    let state = server(flushed(link(joined(None), Link::Open, 1_100.0)), ServerEvent::Welcome { token: "t1".into() });
    assert_eq!(state.token.as_deref(), Some("t1"));
    let state = link(link(state, Link::Reconnecting { attempt: 1 }, 2_000.0), Link::Open, 2_600.0);
    assert_eq!(state.to_send, [ClientMessage::Join { token: Some("t1".into()), nickname: "小王".into() }]);
}

#[test]
fn an_answer_is_sending_until_acked_then_received() {
    let state = choose(voting(), 2, "c1");
    assert_eq!(state.to_send, [answer("c1", FORK, Pick::Choice(2))]);
    assert_eq!(state.my_answer(), Some((&Pick::Choice(2), Delivery::Sending)));
    let state = ack(state, "c1");
    assert!(state.outbox.is_empty());
    assert_eq!(state.my_answer(), Some((&Pick::Choice(2), Delivery::Received)));
    let again = ack(state.clone(), "c1");
    assert_eq!(again, state, "a duplicate ack changes nothing");
}

#[test]
fn the_newest_pick_replaces_an_unsent_older_one_for_the_same_step() {
    let state = link(choose(voting(), 0, "c1"), Link::Reconnecting { attempt: 1 }, 3_000.0);
    let state = flushed(choose(state, 1, "c2"));
    assert_eq!(state.outbox.len(), 1);
    assert_eq!(state.my_answer(), Some((&Pick::Choice(1), Delivery::Sending)));
    // The ack of the replaced answer (sent before the drop) leaves the newer one waiting.
    let state = ack(state, "c1");
    assert_eq!(state.my_answer(), Some((&Pick::Choice(1), Delivery::Sending)));
}

#[test]
fn every_unacknowledged_message_goes_again_after_the_join_on_open() {
    let state = flushed(choose(voting(), 0, "c1"));
    let state = state.apply(PhoneAction::Rate { moment: Moment::Before, level: 3, client_id: "r1".into() });
    let state = flushed(link(state, Link::Reconnecting { attempt: 1 }, 3_000.0));
    assert_eq!(state.link_status(), LinkStatus::Reconnecting);
    let state = link(state, Link::Open, 3_500.0);
    assert_eq!(
        state.to_send,
        [
            ClientMessage::Join { token: Some("tok".into()), nickname: "小王".into() },
            answer("c1", FORK, Pick::Choice(0)),
            ClientMessage::Rate { client_id: "r1".into(), moment: Moment::Before, level: 3 },
        ]
    );
    assert_eq!(state.link_status(), LinkStatus::BackOnline);
    let state = state.apply(PhoneAction::Tick { now_ms: 3_500.0 + BACK_ONLINE_MS });
    assert_eq!(state.link_status(), LinkStatus::Online);
}

#[test]
fn a_late_answer_is_dropped_and_said_so() {
    let state = choose(voting(), 0, "c1");
    let state = server(state, ServerEvent::Refused { client_id: Some("c1".into()), reason: "wrong-step".into() });
    assert!(state.outbox.is_empty());
    assert_eq!(state.notice, Some(PhoneNotice::VotingClosed));
    assert_eq!(state.my_answer(), None);
    let state = flushed(link(link(state, Link::Reconnecting { attempt: 1 }, 5_000.0), Link::Open, 5_500.0));
    let state = server(state, ServerEvent::Refused { client_id: Some("c9".into()), reason: "wrong-phase".into() });
    assert_eq!(state.notice, Some(PhoneNotice::VotingClosed), "stays until the room moves on");
    let state = server(state, ServerEvent::Player(view(Phase::Shown, Some(NEXT_FORK), None)));
    assert_eq!(state.notice, None);
}

#[test]
fn a_refusal_after_a_counted_answer_falls_back_to_it() {
    let state = choose(ack(choose(voting(), 0, "c1"), "c1"), 1, "c2");
    let state = server(state, ServerEvent::Refused { client_id: Some("c2".into()), reason: "wrong-phase".into() });
    assert_eq!(state.my_answer(), Some((&Pick::Choice(0), Delivery::Received)));
}

#[test]
fn a_busy_or_storage_refusal_keeps_the_answer_and_sends_it_again_soon() {
    let state = flushed(choose(voting(), 0, "c1"));
    for reason in ["busy", "storage"] {
        let kept = server(state.clone(), ServerEvent::Refused { client_id: Some("c1".into()), reason: reason.into() });
        assert_eq!(kept.outbox.len(), 1, "{reason}");
        assert_eq!(kept.notice, None);
        assert!(kept.needs_clock());
        let soon = kept.clone().apply(PhoneAction::Tick { now_ms: state.now_ms + RETRY_MS - 1.0 });
        assert!(soon.to_send.is_empty());
        let due = kept.apply(PhoneAction::Tick { now_ms: state.now_ms + RETRY_MS });
        assert_eq!(due.to_send, [answer("c1", FORK, Pick::Choice(0))], "{reason}");
        let later = flushed(due).apply(PhoneAction::Tick { now_ms: state.now_ms + 3.0 * RETRY_MS });
        assert!(later.to_send.is_empty(), "once per refusal");
        assert!(!later.needs_clock());
    }
}

#[test]
fn taps_toggle_and_send_the_whole_set() {
    let state = server(voting(), ServerEvent::Player(view(Phase::Voting, Some(NEXT_FORK), None)));
    let tap = |state: PhoneState, message, phrase, id: &str| {
        state.apply(PhoneAction::TogglePhrase { phrase: Phrase { message, phrase }, client_id: id.into() })
    };
    let state = tap(tap(tap(state, 1, 2, "t1"), 0, 4, "t2"), 1, 2, "t3");
    let set = Pick::Taps(vec![Phrase { message: 0, phrase: 4 }]);
    assert_eq!(state.to_send.last(), Some(&answer("t3", NEXT_FORK, set.clone())));
    assert_eq!(state.outbox.len(), 1);
    assert_eq!(state.my_answer(), Some((&set, Delivery::Sending)));
}

#[test]
fn answers_only_while_voting_and_not_after_the_room_closed() {
    let shown = server(voting(), ServerEvent::Player(view(Phase::Shown, Some(NEXT_FORK), None)));
    assert_eq!(choose(shown, 0, "c1").outbox.len(), 0);
    let closed = server(voting(), ServerEvent::Closed);
    assert_eq!(closed.link_status(), LinkStatus::Closed);
    assert_eq!(choose(closed.clone(), 0, "c1").outbox.len(), 0);
    assert_eq!(link(closed, Link::Reconnecting { attempt: 1 }, 9_000.0).link_status(), LinkStatus::Closed);
}

#[test]
fn a_late_joiner_or_a_reload_takes_the_snapshot_as_counted() {
    let state = server(voting(), ServerEvent::Player(view(Phase::Voting, Some(FORK), Some(Pick::Choice(3)))));
    assert_eq!(state.my_answer(), Some((&Pick::Choice(3), Delivery::Received)));
    let rated = PlayerView { my_ratings: [Some(4), None], ..view(Phase::Lobby, None, None) };
    let state = server(state, ServerEvent::Player(rated));
    assert_eq!(state.my_rating(Moment::Before), Some((4, Delivery::Received)));
    assert_eq!(state.my_rating(Moment::After), None);
    assert_eq!(state.last_scenario.as_deref(), Some("demo-scam"), "kept for play-it-yourself");
}

#[test]
fn the_hint_shows_after_five_seconds_without_a_link() {
    let state = joined(None);
    let at = |state: &PhoneState, now_ms: f64| state.clone().apply(PhoneAction::Tick { now_ms });
    assert!(!at(&state, 1_000.0 + HINT_AFTER_MS - 1.0).shows_hint());
    assert!(at(&state, 1_000.0 + HINT_AFTER_MS).shows_hint());
    // Repeated failed tries do not restart the wait.
    let state = link(state, Link::Reconnecting { attempt: 1 }, 4_000.0);
    assert!(at(&state, 6_000.0).shows_hint());
    // A lost link: the wait starts at the loss.
    let state = link(link(state, Link::Open, 7_000.0), Link::Reconnecting { attempt: 1 }, 20_000.0);
    assert!(!at(&state, 24_000.0).shows_hint());
    assert!(at(&state, 25_000.0).shows_hint());
    assert!(state.needs_clock());
    assert!(!link(state, Link::Open, 26_000.0).shows_hint());
}

#[test]
fn a_code_the_server_has_no_room_for_goes_back_to_the_form_saying_so() {
    let state = joined(Some("t1")).apply(PhoneAction::NoSuchRoom);
    assert_eq!(state.connection, Connection::NotJoined);
    assert_eq!(state.missing.as_deref(), Some(CODE));
    assert_eq!((state.token.as_deref(), state.code.as_str()), (None, ""), "nothing of the wrong room is kept");
    let again =
        state.apply(PhoneAction::Join { code: "654321".into(), nickname: String::new(), token: None, now_ms: 9.0 });
    assert_eq!((again.missing, again.code.as_str()), (None, "654321"));
}
