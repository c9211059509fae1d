use super::*;
use scamspot_core::content::{load_catalog, load_scenario, Catalog, Outcome, PackSummary};

// The engine's own fixtures: a catalog, a scam and a genuine offer.
const CATALOG: &str = include_str!("../../crates/core/tests/fixtures/catalog.toml");
const SCAM: &str = include_str!("../../crates/core/tests/fixtures/scam.toml");
const GENUINE: &str = include_str!("../../crates/core/tests/fixtures/genuine.toml");

fn catalog() -> Catalog {
    load_catalog("catalog.toml", CATALOG).unwrap()
}

fn scenario(text: &str) -> Rc<ValidScenario> {
    Rc::new(load_scenario("fixture.toml", text, &catalog()).unwrap())
}

fn index() -> SiteIndex {
    let packs = [(SCAM, "demo/scam.json"), (GENUINE, "demo/real.json")]
        .into_iter()
        .map(|(text, file)| PackSummary::of(&scenario(text), file.into()))
        .collect();
    SiteIndex { catalog: catalog(), packs, broken: vec![] }
}

fn state() -> AppState {
    let config = AppConfig { length: 5, ..AppConfig::default() };
    AppState::new(Rc::new(config), Lang::En, (Progress::default(), None), IndexState::Ready(Rc::new(index())))
}

/// Applies an action that must change the state.
fn act(state: &AppState, action: AppAction) -> AppState {
    state.apply(action.clone()).unwrap_or_else(|| panic!("{action:?} changed nothing"))
}

fn start(state: &AppState, kind: RoundKind, now_ms: f64) -> AppState {
    act(state, AppAction::StartRound { kind, rating: None, seed: 1, today: 100, now_ms })
}

/// Starts a round of the demo type and loads its packs.
fn playing(state: &AppState, now_ms: f64) -> AppState {
    let loading = start(state, RoundKind::Type("demo".into()), now_ms);
    let round = loading.rounds_started;
    let scenarios = vec![scenario(SCAM), scenario(GENUINE)];
    act(&loading, AppAction::RoundLoaded { round, scenarios, problems: vec![], now_ms })
}

fn rated(round: u32, now_ms: f64) -> AppAction {
    let snapshot = RoundSnapshot { confidence_before: Some(3), ..RoundSnapshot::default() };
    AppAction::RoundChanged { round, snapshot, now_ms }
}

fn result(outcome: Outcome) -> ScenarioResult {
    ScenarioResult {
        scenario_id: "demo-scam".into(),
        scam_type: "demo".into(),
        genuine: false,
        outcome,
        savings_start: 1000,
        savings_end: 1000,
        paid: false,
        flags_found: 2,
        flags_total: 2,
        wrong_taps: 0,
        points: 120,
        max_points: 120,
    }
}

fn finished(round: u32, now_ms: f64) -> AppAction {
    let snapshot = RoundSnapshot {
        results: vec![result(Outcome::Safe)],
        confidence_before: Some(3),
        confidence_after: Some(4),
        finished: true,
    };
    AppAction::RoundChanged { round, snapshot, now_ms }
}

#[test]
fn a_round_is_planned_from_the_index_then_played_once_its_packs_arrive() {
    let loading = start(&state(), RoundKind::Type("demo".into()), 0.0);
    let Screen::Loading { round: 1, files, .. } = &loading.screen else { panic!("{:?}", loading.screen) };
    let mut files = (**files).clone();
    files.sort();
    assert_eq!(files, ["demo/real.json", "demo/scam.json"]);
    let played = playing(&state(), 0.0);
    assert_eq!(played.playing_round(), Some(1));
}

#[test]
fn no_round_starts_before_the_index_is_in() {
    let mut s = state();
    s.index = IndexState::Loading;
    assert_eq!(
        s.apply(AppAction::StartRound { kind: RoundKind::Quick, rating: None, seed: 1, today: 0, now_ms: 0.0 }),
        None
    );
}

#[test]
fn packs_that_all_fail_lead_back_to_the_start_with_the_problems_shown() {
    let loading = start(&state(), RoundKind::Quick, 0.0);
    let problem = Diagnostic {
        file: "demo/scam.json".into(),
        position: None,
        scenario: None,
        step: None,
        field: String::new(),
        problem: "could not be downloaded: HTTP 404".into(),
    };
    let back =
        act(&loading, AppAction::RoundLoaded { round: 1, scenarios: vec![], problems: vec![problem], now_ms: 1.0 });
    assert_eq!((&back.screen, back.pack_problems.len()), (&Screen::Start, 1));
    let dismissed = act(&back, AppAction::DismissPackProblems);
    assert_eq!(dismissed.apply(AppAction::DismissPackProblems), None);
}

#[test]
fn packs_arriving_for_a_round_the_learner_left_are_ignored() {
    let loading = start(&state(), RoundKind::Quick, 0.0);
    let home = act(&loading, AppAction::GoHome { now_ms: 1.0 });
    let late = AppAction::RoundLoaded { round: 1, scenarios: vec![scenario(SCAM)], problems: vec![], now_ms: 2.0 };
    assert_eq!(home.apply(late.clone()), None);
    let second = start(&home, RoundKind::Quick, 3.0);
    assert_eq!(second.apply(late), None, "round 2 is loading now");
}

#[test]
fn a_completed_round_is_reported_once_and_recorded_in_the_progress() {
    let s = act(&playing(&state(), 1_000.0), rated(1, 2_000.0));
    assert_eq!(s.due_report, None);
    let s = act(&s, finished(1, 61_000.0));
    let due = s.due_report.clone().expect("reported when finished");
    assert_eq!((due.round, due.completed, due.duration_ms), (1, true, 60_000.0));
    assert_eq!(s.apply(finished(1, 62_000.0)), None, "the same state again reports nothing");
    let s = act(&s, AppAction::RoundCompleted { round: 1, results: vec![result(Outcome::Safe)], today: 100 });
    assert_eq!((s.progress.rounds, s.progress.plays("demo-scam")), (1, 1));
    let home = act(&s, AppAction::GoHome { now_ms: 70_000.0 });
    assert_eq!(home.due_report, Some(due), "leaving a reported round adds no report");
}

#[test]
fn leaving_mid_round_reports_it_as_not_completed_once() {
    let s = act(&playing(&state(), 0.0), rated(1, 1_000.0));
    let left = act(&s, AppAction::LeavePage { now_ms: 5_000.0 });
    let due = left.due_report.clone().expect("a started round is reported when left");
    assert_eq!((due.round, due.completed, due.duration_ms), (1, false, 5_000.0));
    assert_eq!(left.apply(AppAction::LeavePage { now_ms: 6_000.0 }), None, "only once");
    // Going home afterwards still changes the screen, but reports nothing more.
    assert_eq!(act(&left, AppAction::GoHome { now_ms: 7_000.0 }).due_report, Some(due));
}

#[test]
fn a_round_left_before_doing_anything_reports_nothing() {
    let s = playing(&state(), 0.0);
    let home = act(&s, AppAction::GoHome { now_ms: 1_000.0 });
    assert_eq!(home.due_report, None);
    let next = playing(&home, 2_000.0);
    assert_eq!(next.due_report, None, "starting another round does not report the empty one");
}

#[test]
fn starting_another_round_mid_round_reports_the_first() {
    let s = act(&playing(&state(), 0.0), rated(1, 1.0));
    let second = start(&s, RoundKind::Quick, 10.0);
    assert_eq!(second.due_report.as_ref().map(|d| (d.round, d.completed)), Some((1, false)));
}

#[test]
fn late_news_from_an_old_round_is_ignored() {
    let s = act(&playing(&state(), 0.0), rated(1, 1.0));
    let second = playing(&s, 10.0);
    assert_eq!(second.playing_round(), Some(2));
    assert_eq!(second.apply(finished(1, 20.0)), None);
    assert_eq!(
        second.apply(AppAction::RoundCompleted { round: 1, results: vec![result(Outcome::Scammed)], today: 1 }),
        None
    );
}

#[test]
fn actions_that_change_nothing_leave_the_state_alone() {
    let s = state();
    assert_eq!(s.apply(AppAction::SetLang(Lang::En)), None);
    assert_eq!(s.apply(AppAction::GoHome { now_ms: 1.0 }), None);
    assert_eq!(s.apply(AppAction::LeavePage { now_ms: 1.0 }), None);
    assert_eq!(s.apply(AppAction::RetryIndex), None, "the index is fine");
    assert_eq!(s.apply(AppAction::IndexLoaded(IndexState::Loading)), None, "nothing was being loaded");
    assert_eq!(s.apply(AppAction::DismissStorageNotice), None);
    assert_eq!(act(&s, AppAction::SetLang(Lang::ZhCn)).lang, Lang::ZhCn);
}

#[test]
fn a_failed_index_can_be_fetched_again() {
    let mut s = state();
    s.index = IndexState::Failed(Rc::new(vec![]));
    let retrying = act(&s, AppAction::RetryIndex);
    assert_eq!(retrying.index, IndexState::Loading);
    assert_eq!(retrying.apply(AppAction::RetryIndex), None, "one fetch at a time");
    let ready = act(&retrying, AppAction::IndexLoaded(Ok(index()).into()));
    assert!(matches!(ready.index, IndexState::Ready(_)));
}

#[test]
fn a_refused_save_shows_its_notice_once_until_dismissed() {
    let s = act(&state(), AppAction::StorageFailed);
    assert_eq!(s.storage_notice, Some(StorageNotice::Unavailable));
    assert_eq!(s.apply(AppAction::StorageFailed), None);
    assert_eq!(act(&s, AppAction::DismissStorageNotice).storage_notice, None);
}
