use super::*;
use scamspot_core::content::{load_catalog, load_scenario, Catalog, PackSummary};
use scamspot_core::room::Place;

const CATALOG: &str = include_str!("../../../crates/core/tests/fixtures/catalog.toml");
const SCAM: &str = include_str!("../../../crates/core/tests/fixtures/scam.toml");
const GENUINE: &str = include_str!("../../../crates/core/tests/fixtures/genuine.toml");

fn catalog() -> Catalog {
    load_catalog("catalog.toml", CATALOG).unwrap()
}

fn scenario(text: &str) -> Rc<ValidScenario> {
    Rc::new(load_scenario("fixture.toml", text, &catalog()).unwrap())
}

fn pack(text: &str, id: &str, scam_type: &str) -> PackSummary {
    let mut pack = PackSummary::of(&scenario(text), format!("{scam_type}/{id}.json"));
    (pack.id, pack.scam_type) = (id.to_string(), scam_type.to_string());
    pack
}

fn index() -> Rc<SiteIndex> {
    let packs = vec![pack(SCAM, "demo-scam", "demo"), pack(GENUINE, "demo-real", "demo")];
    Rc::new(SiteIndex { catalog: catalog(), packs, broken: vec![], only_language: None })
}

/// The fixture scam's step index by id.
fn step(id: &str) -> usize {
    scenario(SCAM).steps.iter().position(|s| s.id == id).unwrap()
}

fn view(phase: Phase, step: Option<usize>) -> PresenterView {
    PresenterView {
        phase,
        at: step.map(|step| Place { scenario: 0, step }),
        scenario_id: step.map(|_| "demo-scam".to_string()),
        lang: "zh-CN".into(),
        seed: 7,
        players: 3,
        answered: 0,
        live_bars: false,
        distribution: None,
        heat: None,
    }
}

fn keys() -> RoomKeys {
    RoomKeys {
        code: "123456".into(),
        secret: "s3cret".into(),
        join_url: "http://h/?room=123456".into(),
        scenarios: vec!["demo-scam".into(), "demo-real".into()],
    }
}

fn in_room() -> PresenterState {
    let mut state = PresenterState::new(Lang::En, Some(index()), "k".into());
    state.apply(PresenterAction::Resume(keys()));
    state.apply(PresenterAction::ScenariosLoaded(vec![scenario(SCAM), scenario(GENUINE)]));
    state
}

fn presenter_message(view: &PresenterView) -> String {
    let distribution = match &view.distribution {
        Some(counts) => format!("{counts:?}"),
        None => "null".into(),
    };
    let at = view.at.map_or("null".into(), |at| format!(r#"{{"scenario":{},"step":{}}}"#, at.scenario, at.step));
    let phase = format!("{:?}", view.phase).to_lowercase();
    let id = view.scenario_id.as_ref().map_or("null".into(), |id| format!("\"{id}\""));
    format!(
        r#"{{"type":"presenter","view":{{"phase":"{phase}","at":{at},"scenario_id":{id},"lang":"{}","seed":{},"players":{},"answered":{},"live_bars":false,"distribution":{distribution},"heat":null}}}}"#,
        view.lang, view.seed, view.players, view.answered
    )
}

#[test]
fn primary_moves_the_lecture_on_at_every_phase_and_kind() {
    let scam = scenario(SCAM);
    let s = Some(&*scam);
    assert_eq!(primary(&view(Phase::Lobby, None), None), Some(Command::Next));
    assert_eq!(primary(&view(Phase::Shown, Some(step("decide"))), s), Some(Command::OpenVoting));
    assert_eq!(primary(&view(Phase::Shown, Some(step("offer"))), s), Some(Command::OpenVoting));
    assert_eq!(primary(&view(Phase::Shown, Some(step("safe"))), s), Some(Command::Next));
    assert_eq!(primary(&view(Phase::Voting, Some(step("decide"))), s), Some(Command::CloseAndReveal));
    assert_eq!(primary(&view(Phase::Voting, Some(step("offer"))), s), Some(Command::CloseAndReveal));
    assert_eq!(primary(&view(Phase::Revealed, Some(step("offer"))), s), Some(Command::Next));
    assert_eq!(primary(&view(Phase::Ended, Some(step("safe"))), s), None);
    // The scenario's pack not in yet: nothing to do but wait.
    assert_eq!(primary(&view(Phase::Shown, Some(step("decide"))), None), None);
}

#[test]
fn primary_follows_the_majority_and_a_tie_goes_to_the_first_in_room_order() {
    let scam = scenario(SCAM);
    let decide = step("decide");
    let order = choice_order(7, "demo-scam", &scam.steps[decide]);
    let mut revealed = view(Phase::Revealed, Some(decide));
    let mut counts = vec![0; order.len()];
    counts[order[1]] = 5;
    counts[order[0]] = 2;
    revealed.distribution = Some(counts.clone());
    assert_eq!(primary(&revealed, Some(&scam)), Some(Command::Follow(order[1])));
    counts[order[0]] = 5;
    revealed.distribution = Some(counts);
    assert_eq!(primary(&revealed, Some(&scam)), Some(Command::Follow(order[0])));
}

#[test]
fn majority_percentages_and_bars_in_room_order() {
    assert_eq!(majority(&[1, 4, 4], &[2, 1, 0]), Some(2));
    assert_eq!(majority(&[1, 4, 4], &[0, 1, 2]), Some(1));
    assert_eq!(majority(&[0, 0], &[1, 0]), Some(1));
    assert_eq!(majority(&[], &[]), None);
    assert_eq!([percent(5, 8), percent(1, 3), percent(2, 3), percent(0, 0), percent(3, 3)], [63, 33, 67, 0, 100]);
    let shown = bars(&[5, 3], &[1, 0]);
    assert_eq!(
        shown,
        [
            Bar { choice: 1, count: 3, percent: 38, majority: false },
            Bar { choice: 0, count: 5, percent: 63, majority: true }
        ]
    );
    // Nobody answered: no majority to mark.
    assert!(bars(&[0, 0], &[0, 1]).iter().all(|b| !b.majority && b.percent == 0));
}

#[test]
fn heat_levels_run_from_nobody_to_everyone() {
    assert_eq!([0, 1, 3, 5, 10, 12].map(|taps| heat_level(taps, 10)), [0, 1, 2, 3, 5, 5]);
    assert_eq!(heat_level(3, 0), 0);
}

#[test]
fn core_lecture_takes_one_scam_per_core_type_and_one_genuine() {
    let mut index = (*index()).clone();
    index.packs.push(pack(SCAM, "loan-1", "fake-loan"));
    index.packs.push(pack(SCAM, "brush-1", "order-brushing"));
    index.packs.push(pack(SCAM, "brush-2", "order-brushing"));
    index.packs.push(pack(GENUINE, "real-loan", "fake-loan"));
    assert_eq!(core_lecture(&index), ["brush-1", "loan-1", "demo-real"]);
}

#[test]
fn keys_of_clickers_and_keyboard() {
    for key in ["ArrowRight", " ", "PageDown", "Enter"] {
        assert_eq!(key_action(key), Some(KeyAction::Primary));
    }
    assert_eq!(key_action("PageUp"), Some(KeyAction::ToggleQr));
    assert_eq!(key_action("ArrowLeft"), Some(KeyAction::ToggleQr));
    assert_eq!(key_action("B"), Some(KeyAction::ToggleBlank));
    assert_eq!(key_action("f"), Some(KeyAction::Fullscreen));
    assert_eq!(key_action("x"), None);
}

#[test]
fn saved_room_reads_back_and_damaged_text_reads_as_nothing() {
    assert!(RoomKeys::from_saved(&keys().to_saved()) == Some(keys()));
    assert!(RoomKeys::from_saved("123456\ns3cret").is_none());
    assert!(RoomKeys::from_saved("").is_none());
}

#[test]
fn create_asks_for_a_key_and_scenarios_then_posts_in_the_page_language() {
    let mut state = PresenterState::new(Lang::ZhCn, Some(index()), String::new());
    assert!(state.apply(PresenterAction::Create).is_empty());
    assert_eq!(state.notice, Some(Notice::NeedKey));
    state.apply(PresenterAction::SetHostKey(" k ".into()));
    state.apply(PresenterAction::Create);
    assert_eq!(state.notice, Some(Notice::NeedScenarios));
    state.apply(PresenterAction::Toggle("demo-real".into()));
    state.apply(PresenterAction::Toggle("demo-scam".into()));
    assert_eq!(state.chosen, ["demo-scam", "demo-real"], "kept in the index's order");
    let effects = state.apply(PresenterAction::Create);
    let scenarios = vec!["demo-scam".to_string(), "demo-real".to_string()];
    assert_eq!(effects, [Effect::CreateRoom { host_key: "k".into(), scenarios, lang: Lang::ZhCn }]);
    assert!(state.creating && state.apply(PresenterAction::Create).is_empty(), "one request at a time");
}

#[test]
fn a_refused_key_or_server_error_is_shown_and_a_room_is_entered() {
    let mut state = PresenterState::new(Lang::En, Some(index()), "k".into());
    state.apply(PresenterAction::Toggle("demo-scam".into()));
    state.apply(PresenterAction::Create);
    state.apply(PresenterAction::Created(Created::Refused { status: 403, body: "wrong host key".into() }));
    assert_eq!(state.notice, Some(Notice::WrongKey { status: 403, body: "wrong host key".into() }));
    assert!(!state.creating);
    state.apply(PresenterAction::Created(Created::Refused { status: 400, body: "unknown scenario".into() }));
    assert!(matches!(state.notice, Some(Notice::ServerError { status: 400, .. })));
    state.apply(PresenterAction::Create);
    let room = Created::Room { code: "654321".into(), secret: "x".into(), join_url: "u".into() };
    let effects = state.apply(PresenterAction::Created(room));
    let saved = RoomKeys::from_saved(match &effects[0] {
        Effect::SaveRoom(text) => text,
        other => panic!("{other:?}"),
    })
    .unwrap();
    assert_eq!((saved.code.as_str(), saved.scenarios), ("654321", vec!["demo-scam".to_string()]));
    assert_eq!(effects[1..], [Effect::Connect("654321".into()), Effect::Fetch(vec!["demo/demo-scam.json".into()])]);
    assert_eq!(state.notice, None);
}

#[test]
fn every_open_link_presents_the_secret_again() {
    let mut state = in_room();
    let present = Effect::Send(ClientMessage::Present { secret: "s3cret".into() }.to_text());
    assert_eq!(state.apply(PresenterAction::Link(Link::Open)), std::slice::from_ref(&present));
    assert!(state.apply(PresenterAction::Link(Link::Reconnecting { attempt: 1 })).is_empty());
    assert_eq!(state.connection, Link::Reconnecting { attempt: 1 });
    assert_eq!(state.apply(PresenterAction::Link(Link::Open)), [present]);
}

#[test]
fn views_are_kept_and_a_new_step_hides_the_flags_and_the_qr_code() {
    let mut state = in_room();
    state.apply(PresenterAction::Message(presenter_message(&view(Phase::Lobby, None))));
    state.apply(PresenterAction::ToggleQr);
    assert!(state.qr_overlay);
    let shown = view(Phase::Revealed, Some(step("offer")));
    state.apply(PresenterAction::Message(presenter_message(&shown)));
    assert!(!state.qr_overlay);
    state.apply(PresenterAction::ShowFlags);
    assert!(state.flags_shown);
    assert_eq!(state.view, Some(shown));
    assert_eq!(state.current().map(|s| s.id.as_str()), Some("demo-scam"));
    assert_eq!(state.content_lang(), Lang::ZhCn, "the room's language, not the page's");
    state.apply(PresenterAction::Message(presenter_message(&view(Phase::Shown, Some(step("decide"))))));
    assert!(!state.flags_shown);
    assert!(state.apply(PresenterAction::Message("garbage".into())).is_empty());
}

#[test]
fn primary_sends_the_command_and_the_end_asks_for_the_summary_once() {
    let mut state = in_room();
    state.apply(PresenterAction::Message(presenter_message(&view(Phase::Shown, Some(step("decide"))))));
    let open = Effect::Send(ClientMessage::Command { command: Command::OpenVoting }.to_text());
    assert_eq!(state.apply(PresenterAction::Primary), [open]);
    let ended = presenter_message(&view(Phase::Ended, Some(step("safe"))));
    let ask = Effect::Send(ClientMessage::Summary {}.to_text());
    assert_eq!(state.apply(PresenterAction::Message(ended.clone())), std::slice::from_ref(&ask));
    assert!(state.apply(PresenterAction::Message(ended.clone())).is_empty());
    assert!(state.apply(PresenterAction::Primary).is_empty(), "nothing after the end");
    // After a reconnect, asked again (the first answer may have been lost).
    state.apply(PresenterAction::Link(Link::Open));
    assert_eq!(state.apply(PresenterAction::Message(ended)), [ask]);
}

#[test]
fn a_wrong_secret_goes_back_to_set_up_and_forgets_the_room() {
    let mut state = in_room();
    let effects =
        state.apply(PresenterAction::Message(r#"{"type":"refused","client_id":null,"reason":"wrong-secret"}"#.into()));
    assert_eq!(effects, [Effect::ForgetRoom, Effect::Disconnect]);
    assert!(state.room.is_none() && state.view.is_none());
    assert_eq!(state.notice, Some(Notice::WrongSecret));
}

#[test]
fn other_refusals_are_shown_and_a_closed_room_stays_on_screen() {
    let mut state = in_room();
    state.apply(PresenterAction::Message(r#"{"type":"refused","client_id":null,"reason":"wrong-phase"}"#.into()));
    assert_eq!(state.notice, Some(Notice::CommandRefused("wrong-phase".into())));
    state.apply(PresenterAction::Message(presenter_message(&view(Phase::Ended, Some(step("safe"))))));
    let effects = state.apply(PresenterAction::Message(r#"{"type":"closed"}"#.into()));
    assert_eq!(effects, [Effect::ForgetRoom, Effect::Disconnect]);
    assert!(state.view.is_some());
    assert_eq!(state.notice, Some(Notice::Closed));
}

#[test]
fn the_last_scenario_is_known_from_the_room_list() {
    let mut state = in_room();
    let mut at = view(Phase::Shown, Some(step("safe")));
    state.apply(PresenterAction::Message(presenter_message(&at)));
    assert!(!state.at_last_scenario());
    at.at = Some(Place { scenario: 1, step: 0 });
    state.apply(PresenterAction::Message(presenter_message(&at)));
    assert!(state.at_last_scenario());
}

#[test]
fn blank_toggles_and_the_qr_overlay_needs_a_room() {
    let mut state = PresenterState::new(Lang::En, Some(index()), String::new());
    state.apply(PresenterAction::ToggleQr);
    assert!(!state.qr_overlay);
    state.apply(PresenterAction::ToggleBlank);
    assert!(state.blank);
    state.apply(PresenterAction::ToggleBlank);
    assert!(!state.blank);
    assert_eq!(state.apply(PresenterAction::SwitchLang), [Effect::SaveLang(Lang::ZhCn)]);
}

#[test]
fn the_room_request_and_the_server_answer() {
    let body = create_request("k\"ey", &["a".into(), "b".into()], Lang::ZhCn);
    assert_eq!(body, r#"{"host_key":"k\"ey","scenarios":["a","b"],"lang":"zh-CN"}"#);
    let room = Created::from_response(200, r#"{"code":"123456","secret":"s","join_url":"http://h/?room=123456"}"#);
    assert_eq!(
        room,
        Created::Room { code: "123456".into(), secret: "s".into(), join_url: "http://h/?room=123456".into() }
    );
    assert_eq!(
        Created::from_response(403, "wrong host key\n"),
        Created::Refused { status: 403, body: "wrong host key".into() }
    );
    assert!(matches!(Created::from_response(200, "{}"), Created::Refused { status: 200, .. }));
}

#[test]
fn the_presenter_hears_while_the_server_cannot_store_answers() {
    let mut state = in_room();
    assert!(!state.storage_down);
    state.apply(PresenterAction::Message(r#"{"type":"trouble","storage_down":true}"#.into()));
    assert!(state.storage_down);
    state.apply(PresenterAction::Message(r#"{"type":"trouble","storage_down":false}"#.into()));
    assert!(!state.storage_down);
}

#[test]
fn next_on_a_blanked_screen_brings_it_back_without_moving_on() {
    let mut state = in_room();
    state.apply(PresenterAction::Message(presenter_message(&view(Phase::Lobby, None))));
    state.apply(PresenterAction::ToggleBlank);
    assert_eq!(state.apply(PresenterAction::Primary), []);
    assert!(!state.blank);
    assert_eq!(
        state.apply(PresenterAction::Primary),
        [Effect::Send(ClientMessage::Command { command: Command::Next }.to_text())]
    );
}

#[test]
fn a_second_press_before_the_new_view_comes_is_not_sent_against_the_old_step() {
    let mut state = in_room();
    state.apply(PresenterAction::Message(presenter_message(&view(Phase::Lobby, None))));
    let next = [Effect::Send(ClientMessage::Command { command: Command::Next }.to_text())];
    assert_eq!(state.apply(PresenterAction::Primary), next);
    assert_eq!(state.apply(PresenterAction::Primary), [], "the step has not changed yet");
    state.apply(PresenterAction::Message(r#"{"type":"refused","client_id":null,"reason":"wrong-phase"}"#.into()));
    assert_eq!(state.apply(PresenterAction::Primary), next, "a refusal answers the press");
    state.apply(PresenterAction::Message(presenter_message(&view(Phase::Shown, Some(step("safe"))))));
    assert_ne!(state.apply(PresenterAction::Primary), [], "the new view takes the next press");
}
