use super::*;
use scamspot_core::content::{load_catalog, load_scenario, Catalog, PackSummary, Problem};
use scamspot_core::engine::RoundRecord;

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
    SiteIndex { catalog: catalog(), packs, broken: vec![], only_language: None }
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

/// Starts a round and loads its packs: the scam, then the genuine offer.
fn playing(state: &AppState, now_ms: f64) -> AppState {
    let loading = start(state, RoundKind::Type("demo".into()), now_ms);
    let number = loading.rounds_started;
    let scenarios = vec![scenario(SCAM), scenario(GENUINE)];
    act(&loading, AppAction::RoundLoaded { number, scenarios, problems: vec![], pending: 0, now_ms })
}

fn play(state: &AppState, action: Action, now_ms: f64) -> AppState {
    let number = state.playing_round().expect("a round is being played");
    act(state, AppAction::Play { number, action, now_ms, today: 100 })
}

fn round(state: &AppState) -> &Round {
    let Screen::Playing { round, .. } = &state.screen else { panic!("not playing: {:?}", state.screen) };
    round
}

/// From the scam's end card: its debrief, then the genuine offer used, up to
/// the second confidence question.
/// (The genuine offer's one opening message is there when it opens.)
fn after_the_scam() -> [Action; 5] {
    [
        Action::OpenDebrief { scenario: 0 },
        Action::NextScenario { scenario: 0 },
        Action::Choose { scenario: 1, step: 0, choice: 0 },
        Action::OpenDebrief { scenario: 1 },
        Action::NextScenario { scenario: 1 },
    ]
}

/// Plays both scenarios right, up to the second confidence question.
fn play_to_the_last_question(state: &AppState, now_ms: f64) -> AppState {
    [
        Action::RateBefore(3),
        Action::RevealAll { scenario: 0, step: 0 },
        Action::SubmitSpot { scenario: 0, step: 0 },
        Action::RevealAll { scenario: 0, step: 1 },
        Action::Choose { scenario: 0, step: 1, choice: 1 },
    ]
    .into_iter()
    .chain(after_the_scam())
    .fold(state.clone(), |s, action| play(&s, action, now_ms))
}

#[test]
fn a_round_is_planned_from_the_index_then_played_once_its_packs_arrive() {
    let loading = start(&state(), RoundKind::Type("demo".into()), 0.0);
    let Screen::Loading { number: 1, files, .. } = &loading.screen else { panic!("{:?}", loading.screen) };
    let mut files = (**files).clone();
    files.sort();
    assert_eq!(files, ["demo/real.json", "demo/scam.json"]);
    let s = playing(&state(), 0.0);
    assert_eq!((s.playing_round(), round(&s).phase()), (Some(1), Phase::RateBefore));
    let s = play(&s, Action::RateBefore(2), 1.0);
    assert_eq!(round(&s).confidence_before(), Some(2));
}

#[test]
fn a_rating_from_the_static_start_screen_is_carried_into_the_round() {
    let s = act(
        &state(),
        AppAction::StartRound { kind: RoundKind::Quick, rating: Some(4), seed: 1, today: 0, now_ms: 0.0 },
    );
    let s = act(
        &s,
        AppAction::RoundLoaded {
            number: 1,
            scenarios: vec![scenario(SCAM)],
            problems: vec![],
            pending: 0,
            now_ms: 0.0,
        },
    );
    assert_eq!((round(&s).phase(), round(&s).confidence_before()), (Phase::Playing, Some(4)));
    let left = act(&s, AppAction::GoHome { now_ms: 1.0 });
    assert!(left.due_report.is_some(), "a rated round counts as started");
}

#[test]
fn the_first_quick_round_opens_with_the_scam_the_start_up_script_downloaded() {
    let scam = index().packs.into_iter().find(|p| !p.genuine).unwrap();
    let with_opening = AppState { opening: Some(scam.id.clone()), ..state() };
    let first_file = |s: &AppState| match &s.screen {
        Screen::Loading { files, .. } => files[0].clone(),
        other => panic!("not loading: {other:?}"),
    };
    let typed = start(&with_opening, RoundKind::Type("demo".into()), 0.0);
    assert!(typed.opening.is_some(), "a type round leaves it for the first quick round");
    for seed in 0..10 {
        let quick =
            act(&typed, AppAction::StartRound { kind: RoundKind::Quick, rating: None, seed, today: 0, now_ms: 0.0 });
        assert_eq!((first_file(&quick), quick.opening.clone()), (scam.file.clone(), None), "seed {seed}");
    }
    let again = start(&start(&with_opening, RoundKind::Quick, 0.0), RoundKind::Quick, 1.0);
    let without = start(&start(&state(), RoundKind::Quick, 0.0), RoundKind::Quick, 1.0);
    assert_eq!(again.round_record, without.round_record, "the next round is planned as ever");
}

#[test]
fn a_tap_the_round_refuses_leaves_the_state_alone() {
    let s = play(&playing(&state(), 0.0), Action::RateBefore(3), 0.0);
    let again = AppAction::Play { number: 1, action: Action::RateBefore(3), now_ms: 0.0, today: 100 };
    assert_eq!(s.apply(again), None, "a double tap");
}

#[test]
fn no_round_starts_before_the_index_is_in() {
    let mut s = state();
    s.index = IndexState::Loading;
    let start = AppAction::StartRound { kind: RoundKind::Quick, rating: None, seed: 1, today: 0, now_ms: 0.0 };
    assert_eq!(s.apply(start), None);
}

#[test]
fn packs_that_all_fail_lead_back_to_the_start_with_the_problems_shown() {
    let loading = start(&state(), RoundKind::Quick, 0.0);
    let problem = Diagnostic::new("demo/scam.json", Problem::CannotRead { reason: "HTTP 404".into() });
    let back = act(
        &loading,
        AppAction::RoundLoaded { number: 1, scenarios: vec![], problems: vec![problem], pending: 0, now_ms: 1.0 },
    );
    assert_eq!((&back.screen, back.pack_problems.len()), (&Screen::Start, 1));
    let dismissed = act(&back, AppAction::DismissPackProblems);
    assert_eq!(dismissed.apply(AppAction::DismissPackProblems), None);
}

#[test]
fn packs_arriving_for_a_round_the_learner_left_are_ignored() {
    let loading = start(&state(), RoundKind::Quick, 0.0);
    let home = act(&loading, AppAction::GoHome { now_ms: 1.0 });
    let late = AppAction::RoundLoaded {
        number: 1,
        scenarios: vec![scenario(SCAM)],
        problems: vec![],
        pending: 0,
        now_ms: 2.0,
    };
    assert_eq!(home.apply(late.clone()), None);
    let second = start(&home, RoundKind::Quick, 3.0);
    assert_eq!(second.apply(late), None, "round 2 is loading now");
}

#[test]
fn a_completed_round_is_recorded_and_reported_once() {
    let s = play_to_the_last_question(&playing(&state(), 1_000.0), 30_000.0);
    assert_eq!((s.due_report.clone(), s.progress.rounds), (None, 0), "not finished yet");
    let s = play(&s, Action::RateAfter(4), 61_000.0);
    let due = s.due_report.clone().expect("reported when finished");
    assert_eq!((due.round, due.completed, due.duration_ms), (1, true, 60_000.0));
    assert_eq!(due.snapshot.confidence_after, Some(4));
    assert_eq!((s.progress.rounds, s.progress.plays("demo-scam"), s.progress.plays("demo-real")), (1, 1, 1));
    let entry = s.progress.history.last().expect("the round joins the history");
    assert_eq!((entry.tally.scams, entry.tally.genuine, entry.confidence_after), (1, 1, Some(4)));
    let home = act(&s, AppAction::GoHome { now_ms: 70_000.0 });
    assert_eq!(home.due_report, Some(due), "leaving a reported round adds no report");
    assert_eq!(home.progress.rounds, 1);
}

#[test]
fn leaving_mid_round_reports_it_as_not_completed_once() {
    let s = play(&playing(&state(), 0.0), Action::RateBefore(3), 1_000.0);
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
    let s = play(&playing(&state(), 0.0), Action::RateBefore(3), 1.0);
    let second = start(&s, RoundKind::Quick, 10.0);
    assert_eq!(second.due_report.as_ref().map(|d| (d.round, d.completed)), Some((1, false)));
}

#[test]
fn late_news_from_an_old_round_is_ignored() {
    let first = play(&playing(&state(), 0.0), Action::RateBefore(3), 1.0);
    let second = playing(&first, 10.0);
    assert_eq!(second.playing_round(), Some(2));
    // A message timer of round 1 that fires after round 2 began.
    let late = AppAction::Play { number: 1, action: Action::RateBefore(5), now_ms: 20.0, today: 100 };
    assert_eq!(second.apply(late), None);
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
fn an_index_with_the_learners_language_replaces_one_without_it_once_the_learner_switches() {
    let mut s = state();
    let in_language = |lang| IndexState::Ready(Rc::new(index().in_language(lang)));
    s.index = in_language("en");
    assert!(!s.lacks_texts(), "the page opened in English");
    let full = || IndexState::Ready(Rc::new(index()));
    assert_eq!(s.apply(AppAction::IndexLoaded(full())), None, "nothing is missing");
    let chinese = act(&s, AppAction::SetLang(Lang::ZhCn));
    assert!(chinese.lacks_texts());
    assert_eq!(chinese.apply(AppAction::IndexLoaded(in_language("en"))), None, "still no Chinese in it");
    let failed = IndexState::Failed(Rc::new(vec![]));
    assert_eq!(chinese.apply(AppAction::IndexLoaded(failed)), None, "the texts it has stay");
    // The app's own page fetches the index in the new language alone.
    let complete = act(&chinese, AppAction::IndexLoaded(in_language("zh-CN")));
    assert_eq!(complete.index, in_language("zh-CN"));
    assert!(!complete.lacks_texts() && act(&complete, AppAction::SetLang(Lang::En)).lacks_texts());
    // The hosted app's is in every language.
    let hosted = act(&chinese, AppAction::IndexLoaded(full()));
    assert!(!hosted.lacks_texts() && !act(&hosted, AppAction::SetLang(Lang::En)).lacks_texts());
}

#[test]
fn a_refused_save_shows_its_notice_once_not_again_after_dismissal() {
    let s = act(&state(), AppAction::StorageFailed);
    assert_eq!(s.storage_notice, Some(StorageNotice::Unavailable));
    assert_eq!(s.apply(AppAction::StorageFailed), None);
    let dismissed = act(&s, AppAction::DismissStorageNotice);
    assert_eq!(dismissed.storage_notice, None);
    assert_eq!(dismissed.apply(AppAction::StorageFailed), None);
}

#[test]
fn storage_found_unavailable_at_start_is_told_once() {
    let told = AppState::new(
        Rc::new(AppConfig::default()),
        Lang::ZhCn,
        (Progress::default(), Some(StorageNotice::Unavailable)),
        IndexState::Loading,
    );
    let dismissed = act(&told, AppAction::DismissStorageNotice);
    assert_eq!(dismissed.apply(AppAction::StorageFailed), None);
}

/// The record a reload would find: the state's saved round, as stored and read back.
fn reloaded(state: &AppState) -> RoundRecord {
    let record = state.round_record.as_ref().expect("a round is kept");
    RoundRecord::restore(&record.to_json()).expect("readable")
}

/// A fresh app resuming `record` once its packs (the scam, then the genuine offer) arrive.
fn resumed(record: RoundRecord, now_ms: f64) -> AppState {
    let loading = act(&state(), AppAction::ResumeRound(Some(Rc::new(record))));
    let scenarios = vec![scenario(SCAM), scenario(GENUINE)];
    act(&loading, AppAction::RoundLoaded { number: 1, scenarios, problems: vec![], pending: 0, now_ms })
}

fn partway(state: &AppState) -> AppState {
    [
        Action::RateBefore(2),
        Action::RevealAll { scenario: 0, step: 0 },
        Action::ToggleTap { scenario: 0, step: 0, message: 0, segment: 1, lang: "en".into() },
        Action::SubmitSpot { scenario: 0, step: 0 },
        Action::RevealAll { scenario: 0, step: 1 },
        Action::Choose { scenario: 0, step: 1, choice: 0 },
    ]
    .into_iter()
    .fold(state.clone(), |s, action| play(&s, action, 2_000.0))
}

#[test]
fn a_reload_resumes_the_round_where_it_was() {
    let before = partway(&playing(&state(), 1_000.0));
    let after = resumed(reloaded(&before), 50_000.0);
    assert_eq!(round(&after), round(&before), "same scenarios, step, balance, taps and rating");
    assert_eq!(round(&after).play().balance, 900);
    assert_eq!(after.round_record, before.round_record, "the log goes on from where it was");
    // Not reported before the reload (no pagehide): the round finishes and reports its whole duration.
    let done = play(&play_rest(&after), Action::RateAfter(4), 61_000.0);
    let due = done.due_report.clone().expect("reported when finished");
    assert_eq!((due.completed, due.duration_ms), (true, 60_000.0));
    assert_eq!(done.round_record, None, "a finished round is not kept");
}

/// From `partway`: stop paying, then the genuine offer, up to the last question.
fn play_rest(state: &AppState) -> AppState {
    [Action::RevealAll { scenario: 0, step: 2 }, Action::Choose { scenario: 0, step: 2, choice: 1 }]
        .into_iter()
        .chain(after_the_scam())
        .fold(state.clone(), |s, action| play(&s, action, 30_000.0))
}

#[test]
fn a_round_reported_as_left_when_the_page_closed_is_not_reported_again_after_resuming() {
    let closed = act(&partway(&playing(&state(), 0.0)), AppAction::LeavePage { now_ms: 5_000.0 });
    assert_eq!(closed.due_report.as_ref().map(|d| d.completed), Some(false));
    let after = resumed(reloaded(&closed), 6_000.0);
    let done = play(&play_rest(&after), Action::RateAfter(4), 9_000.0);
    assert_eq!(done.due_report, None, "neither its end …");
    assert_eq!(act(&after, AppAction::GoHome { now_ms: 9_000.0 }).due_report, None, "… nor leaving it");
    assert_eq!(done.progress.rounds, 1, "the learner's progress still counts it");
}

#[test]
fn a_round_closed_before_anything_happened_is_reported_normally_after_resuming() {
    let closed = act(&playing(&state(), 0.0), AppAction::LeavePage { now_ms: 1_000.0 });
    assert_eq!(closed.due_report, None);
    let after = resumed(reloaded(&closed), 2_000.0);
    let rated = play(&after, Action::RateBefore(3), 3_000.0);
    let left = act(&rated, AppAction::GoHome { now_ms: 4_000.0 });
    assert_eq!(left.due_report.as_ref().map(|d| (d.completed, d.duration_ms)), Some((false, 4_000.0)));
    assert_eq!(left.round_record, None, "a round left for the start is not kept");
}

#[test]
fn a_saved_round_that_cannot_be_replayed_is_dropped_with_a_notice() {
    let mut record = reloaded(&partway(&playing(&state(), 0.0)));
    record.log.push(Action::RateAfter(9));
    let after = resumed(record, 1.0);
    assert_eq!((&after.screen, &after.storage_notice), (&Screen::Start, &Some(StorageNotice::RoundDiscarded)));
    assert_eq!((after.round_record.clone(), after.due_report.clone()), (None, None));
    let unreadable = act(&state(), AppAction::ResumeRound(None));
    assert_eq!(
        (&unreadable.screen, &unreadable.storage_notice),
        (&Screen::Start, &Some(StorageNotice::RoundDiscarded))
    );
    assert!(start(&unreadable, RoundKind::Quick, 2.0).round_record.is_some(), "and the app plays on");
}

#[test]
fn a_saved_round_is_resumed_only_at_start_up() {
    let record = reloaded(&partway(&playing(&state(), 0.0)));
    let chosen = start(&state(), RoundKind::Quick, 0.0);
    assert_eq!(
        chosen.apply(AppAction::ResumeRound(Some(Rc::new(record.clone())))),
        None,
        "the learner already chose a round"
    );
    let mut offline = state();
    offline.index = IndexState::Failed(Rc::new(vec![]));
    assert_eq!(offline.apply(AppAction::ResumeRound(Some(Rc::new(record)))), None, "no index: \"Try again\" shows");
}

#[test]
fn leaving_mid_round_asks_first_and_keep_playing_keeps_the_round() {
    let s = partway(&playing(&state(), 0.0));
    let asking = act(&s, AppAction::AskHome { now_ms: 1.0 });
    assert!(asking.confirm_leave);
    assert_eq!((asking.playing_round(), asking.due_report.clone()), (Some(1), None));
    assert_eq!(asking.apply(AppAction::AskHome { now_ms: 2.0 }), None, "Back again while asking");
    let kept = act(&asking, AppAction::KeepPlaying);
    assert_eq!(kept, s);
    assert_eq!(kept.apply(AppAction::KeepPlaying), None);
    let left = act(&asking, AppAction::GoHome { now_ms: 3.0 });
    assert_eq!((&left.screen, left.confirm_leave), (&Screen::Start, false));
    assert_eq!(left.due_report.as_ref().map(|d| d.completed), Some(false), "left, reported once as not completed");
}

#[test]
fn going_home_from_the_start_loading_or_summary_does_not_ask() {
    assert_eq!(state().apply(AppAction::AskHome { now_ms: 0.0 }), None, "already home");
    let loading = start(&state(), RoundKind::Quick, 0.0);
    assert_eq!(act(&loading, AppAction::AskHome { now_ms: 1.0 }).screen, Screen::Start);
    let done = play(&play_to_the_last_question(&playing(&state(), 0.0), 1.0), Action::RateAfter(4), 2.0);
    let home = act(&done, AppAction::AskHome { now_ms: 3.0 });
    assert_eq!((&home.screen, home.confirm_leave, home.due_report.clone()), (&Screen::Start, false, done.due_report));
}

#[test]
fn large_text_is_switched_on_and_off_and_a_repeated_tap_changes_nothing() {
    let s = state();
    assert!(!s.large_text, "normal size unless the learner asks");
    let large = act(&s, AppAction::SetLargeText(true));
    assert!(large.large_text);
    assert_eq!(large.apply(AppAction::SetLargeText(true)), None);
    assert!(!act(&large, AppAction::SetLargeText(false)).large_text);
}

#[test]
fn large_text_stays_on_through_a_round() {
    let large = act(&state(), AppAction::SetLargeText(true));
    let home = act(&playing(&large, 0.0), AppAction::GoHome { now_ms: 1.0 });
    assert!(home.large_text);
}

/// A learner whose saved progress holds `seed`, at the scam's decision.
fn at_the_decision(state: &AppState) -> AppState {
    [
        Action::RateBefore(3),
        Action::RevealAll { scenario: 0, step: 0 },
        Action::SubmitSpot { scenario: 0, step: 0 },
        Action::RevealAll { scenario: 0, step: 1 },
    ]
    .into_iter()
    .fold(playing(state, 1_000.0), |s, action| play(&s, action, 2_000.0))
}

fn learner(seed: u64) -> AppState {
    AppState { progress: Rc::new(Progress::default().seeded(seed)), ..state() }
}

#[test]
fn a_round_orders_its_choices_by_the_learner_seed_unless_the_settings_fix_one() {
    let s = at_the_decision(&learner(11));
    assert_eq!(s.round_record.as_ref().unwrap().seed, 11);
    let orders: Vec<Vec<usize>> = (0..20).map(|seed| round(&at_the_decision(&learner(seed))).choice_order()).collect();
    assert!(orders.iter().any(|order| *order != orders[0]), "learners differ: {orders:?}");
    let lecture = |seed| AppState {
        config: Rc::new(AppConfig { seed: Some(3), length: 5, ..AppConfig::default() }),
        ..learner(seed)
    };
    let room: Vec<Vec<usize>> = (0..20).map(|seed| round(&at_the_decision(&lecture(seed))).choice_order()).collect();
    assert!(room.iter().all(|order| *order == room[0]), "one seed for the whole room");
    assert_eq!(at_the_decision(&lecture(11)).round_record.as_ref().unwrap().seed, 3);
}

#[test]
fn the_choice_order_survives_a_language_switch_and_a_reload() {
    let before = at_the_decision(&learner(11));
    let order = round(&before).choice_order();
    assert_eq!(order.len(), 2);
    let switched = act(&before, AppAction::SetLang(Lang::ZhCn));
    assert_eq!(round(&switched).choice_order(), order);
    // A fresh page (whose own progress has no seed yet) resumes with the round's seed.
    let after = resumed(reloaded(&before), 50_000.0);
    assert_eq!((round(&after).step_index(), round(&after).choice_order()), (1, order));
}

/// Plays every action of a whole round (both scenarios right) on day `today`.
fn finish_round(state: &AppState, today: u32) -> AppState {
    let number = state.playing_round().expect("a round is being played");
    let rest = play_to_the_last_question(state, 0.0);
    act(&rest, AppAction::Play { number, action: Action::RateAfter(4), now_ms: 0.0, today })
}

#[test]
fn a_finished_round_records_each_technique_and_starts_the_booster_schedule() {
    let s = finish_round(&playing(&state(), 0.0), 100);
    let tally = s.progress.mastery_of("advance-fee");
    assert_eq!((tally.recognised, tally.chances), (1, 2), "the scam stopped; its advance-fee flag not tapped");
    assert!(!s.progress.booster_due(101) && s.progress.booster_due(102));
}

#[test]
fn a_booster_played_when_due_moves_the_schedule_on_to_the_next_stage() {
    let home = act(&finish_round(&playing(&state(), 0.0), 100), AppAction::GoHome { now_ms: 0.0 });
    let loading =
        act(&home, AppAction::StartRound { kind: RoundKind::Booster, rating: None, seed: 1, today: 102, now_ms: 0.0 });
    let Screen::Loading { number, files, .. } = &loading.screen else { panic!("{:?}", loading.screen) };
    assert_eq!(files[0], "demo/scam.json", "no mistake: a scam of the weakest technique, then the genuine one");
    let scenarios = vec![scenario(SCAM), scenario(GENUINE)];
    let s =
        act(&loading, AppAction::RoundLoaded { number: *number, scenarios, problems: vec![], pending: 0, now_ms: 0.0 });
    let s = finish_round(&s, 102);
    assert_eq!(s.progress.rounds, 2);
    assert!(!s.progress.booster_due(106) && s.progress.booster_due(107), "the 7-day booster is next");
}

#[test]
fn a_booster_handled_right_retrieves_the_mistake_it_aimed_at() {
    // The mistake was a second scam teaching the same techniques as the demo scam.
    let mut index = index();
    let missed = PackSummary { id: "other-b".into(), file: "other/b.json".into(), ..index.packs[0].clone() };
    index.packs.push(missed);
    let mut progress = Progress::default();
    progress.missed.insert("other-b".into(), 90);
    progress.schedule_boosters(false, 90);
    let home = AppState { progress: Rc::new(progress), index: IndexState::Ready(Rc::new(index)), ..state() };
    let loading =
        act(&home, AppAction::StartRound { kind: RoundKind::Booster, rating: None, seed: 1, today: 100, now_ms: 0.0 });
    let Screen::Loading { number, files, .. } = &loading.screen else { panic!("{:?}", loading.screen) };
    let mut files = (**files).clone();
    files.sort();
    assert_eq!(files, ["demo/real.json", "demo/scam.json"], "a parallel item, not the mistake");
    let scenarios = vec![scenario(SCAM), scenario(GENUINE)];
    let s =
        act(&loading, AppAction::RoundLoaded { number: *number, scenarios, problems: vec![], pending: 0, now_ms: 0.0 });
    let s = finish_round(&s, 100);
    assert!(!s.progress.missed.contains_key("other-b"), "retrieved on the parallel scam and the look-alike");
}

fn campaign_state() -> AppState {
    let config = AppConfig { campaign: Some("k7m2q9x4b1c3".into()), ..AppConfig::default() };
    AppState::new(Rc::new(config), Lang::En, (Progress::default(), None), IndexState::Ready(Rc::new(index())))
}

fn class_ready() -> ClassState {
    let round = scamspot_core::campaign::RoundSpec { length: 2, min_genuine: 1, types: vec![] };
    ClassState::Ready(Rc::new(campaign::learner::ClassInfo {
        campaign: "Freshers".into(),
        class: "A".into(),
        pass_mark: 80,
        deadline_day: 30_000,
        open: true,
        round,
        require_student_number: false,
    }))
}

#[test]
fn a_campaign_round_is_drawn_from_the_class_spec_with_one_seed_for_plan_and_order() {
    let s = campaign_state();
    assert_eq!(s.class, Some(ClassState::Loading));
    let kind = RoundKind::Campaign("k7m2q9x4b1c3".into());
    let refused = AppAction::StartRound { kind: kind.clone(), rating: None, seed: 7, today: 100, now_ms: 0.0 };
    assert_eq!(s.apply(refused.clone()), None, "not before the class is known");
    let s = act(&s, AppAction::ClassLoaded(class_ready()));
    let loading = act(&s, refused);
    let record = loading.round_record.clone().expect("a record");
    let Some(ClassState::Ready(class)) = &s.class else { panic!("ready") };
    let plan = scamspot_core::campaign::plan_campaign_round(&index(), &class.round, 7);
    assert_eq!((record.files.clone(), record.seed), (plan, 7), "the server re-draws the plan from the record's seed");
}

#[test]
fn a_finished_campaign_round_sends_its_record_and_a_failed_send_can_go_again() {
    let s = act(&campaign_state(), AppAction::ClassLoaded(class_ready()));
    let kind = RoundKind::Campaign("k7m2q9x4b1c3".into());
    let loading = act(&s, AppAction::StartRound { kind, rating: None, seed: 1, today: 100, now_ms: 0.0 });
    let number = loading.rounds_started;
    let scenarios = vec![scenario(SCAM), scenario(GENUINE)];
    let s = act(&loading, AppAction::RoundLoaded { number, scenarios, problems: vec![], pending: 0, now_ms: 0.0 });
    let s = play(&play_to_the_last_question(&s, 1.0), Action::RateAfter(4), 2.0);
    let sent = s.submission.clone().expect("the result is on its way");
    assert_eq!((sent.round, sent.attempt, &sent.delivery), (number, 0, &Delivery::Sending));
    assert!(
        sent.body.contains("\"submission_id\":\"r0000000000000001\"") && sent.body.contains("campaign:k7m2q9x4b1c3")
    );
    assert!(!sent.body.contains("\"score\""), "the server scores the round itself");
    let failed = Delivery::Failed(campaign::learner::SendProblem::Unreachable(0));
    let stale = AppAction::Delivered { round: number, attempt: 3, delivery: failed.clone() };
    assert_eq!(s.apply(stale), None, "an answer to another attempt is ignored");
    let s = act(&s, AppAction::Delivered { round: number, attempt: 0, delivery: failed });
    let s = act(&s, AppAction::SendAgain);
    let again = s.submission.clone().unwrap();
    assert_eq!((again.attempt, again.delivery, again.body), (1, Delivery::Sending, sent.body));
    assert_eq!(s.apply(AppAction::SendAgain), None, "only after a failure");
}

#[test]
fn a_result_the_last_visit_could_not_deliver_is_sent_again_once_and_only_in_a_campaign() {
    let body = Rc::new("{\"submission_id\":\"r1\",\"record\":{}}".to_string());
    let s = campaign_state();
    let s = act(&s, AppAction::UnsentFound(body.clone()));
    let sent = s.submission.clone().expect("on its way again");
    assert_eq!((sent.round, sent.attempt, sent.delivery, sent.body), (0, 0, Delivery::Sending, body.clone()));
    assert_eq!(s.apply(AppAction::UnsentFound(body.clone())), None, "one result at a time");
    assert_eq!(state().apply(AppAction::UnsentFound(body)), None, "outside a campaign there is none");
}

/// Hands round `number` the scenarios that arrived (and how many packs are still to come).
fn arrive(state: &AppState, scenarios: Vec<Rc<ValidScenario>>, problems: Vec<Diagnostic>, pending: usize) -> AppState {
    let number = match &state.screen {
        Screen::Loading { number, .. } | Screen::Playing { number, .. } => *number,
        Screen::Start => panic!("no round is loading"),
    };
    act(state, AppAction::RoundLoaded { number, scenarios, problems, pending, now_ms: 500.0 })
}

#[test]
fn a_round_starts_with_its_first_scenario_and_takes_the_rest_as_they_arrive() {
    let loading = start(&state(), RoundKind::Type("demo".into()), 0.0);
    let s = arrive(&loading, vec![scenario(SCAM)], vec![], 2);
    assert_eq!((round(&s).scenarios().len(), round(&s).planned()), (1, 3));
    assert_eq!(s.round_record.as_ref().map(|r| r.ids.clone()), Some(vec!["demo-scam".to_string()]));
    let problem = Diagnostic::new("demo/gone.json", Problem::CannotRead { reason: "HTTP 404".into() });
    let s = arrive(&play(&s, Action::RateBefore(3), 600.0), vec![scenario(GENUINE)], vec![problem], 0);
    assert_eq!((round(&s).planned(), s.pack_problems.len()), (2, 1), "the failed pack is dropped and told");
    assert_eq!(round(&s).confidence_before(), Some(3), "the learner's play goes on");
    assert_eq!(s.round_record.as_ref().map(|r| r.ids.len()), Some(2), "a reload now replays both");
    let waiting = arrive(&loading, vec![], vec![], 1);
    assert!(matches!(waiting.screen, Screen::Loading { .. }), "nothing to play yet");
}

#[test]
fn a_resumed_round_with_a_log_waits_for_all_its_packs_and_one_reloaded_early_replays_over_them() {
    let early =
        partway(&arrive(&start(&state(), RoundKind::Type("demo".into()), 0.0), vec![scenario(SCAM)], vec![], 1));
    let record = reloaded(&early);
    assert_eq!(record.ids, ["demo-scam"], "reloaded before the second pack had arrived");
    let loading = act(&state(), AppAction::ResumeRound(Some(Rc::new(record))));
    let first = arrive(&loading, vec![scenario(SCAM)], vec![], 1);
    assert!(matches!(first.screen, Screen::Loading { .. }), "the log may need the later scenarios");
    let after = arrive(&first, vec![scenario(GENUINE)], vec![], 0);
    assert_eq!((round(&after).play().balance, round(&after).planned()), (900, 2));
}
