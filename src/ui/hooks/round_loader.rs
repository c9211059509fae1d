//! Fetches the packs of the round the state is loading, plus the host's own
//! pack if it configured one: the first alone, then, once its scenario has
//! painted, the rest behind it, each handed to the state as soon as it and
//! those before it are in. The round starts with its first scenario while
//! the rest are still on their way.

use crate::config::AppConfig;
use crate::state::{AppAction, AppState, IndexState, Screen};
use crate::ui::reducer::AppStore;
use crate::web::browser::now_ms;
use crate::web::packs::{fetch_pack, fetch_scenarios_in_order, pack_source};
use crate::web::paint::next_paint;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// `first_pack_read`: the round whose first pack `read_first_pack` read
/// before the app's first render, if any; its other packs are fetched here.
#[hook]
pub fn use_round_loader(state: &AppState, first_pack_read: Option<u32>, dispatch: UseReducerDispatcher<AppStore>) {
    // Which round to fetch packs for, and how many of them are in already.
    let loading = match &state.screen {
        Screen::Loading { number, .. } => Some((*number, 0)),
        Screen::Playing { number, .. } if first_pack_read == Some(*number) => Some((*number, 1)),
        _ => None,
    };
    let (config, index, record) = (Rc::clone(&state.config), state.index.clone(), state.round_record.clone());
    // Each load has its own round number: the effect runs once per load.
    use_effect_with(loading, move |&loading| {
        let (Some((number, read)), IndexState::Ready(site), Some(record)) = (loading, index, record) else { return };
        let sources = round_sources(&config, &record.files);
        spawn_local(async move {
            let arrive = |scenarios, problems, pending| {
                dispatch.dispatch(AppAction::RoundLoaded { number, scenarios, problems, pending, now_ms: now_ms() });
            };
            // The rest wait until the first scenario has painted: downloads
            // started with it would slow what the learner is waiting for.
            if read > 0 {
                next_paint().await;
            }
            fetch_scenarios_in_order(&site.catalog, &sources[read..], next_paint(), arrive).await;
        });
    });
}

/// The round the app opens on (chosen on the static start screen, or
/// resumed before any answer) opens on its first scenario: that pack (the
/// start-up script's download, usually in by then) is read before the app's
/// first render, which then draws the scenario, not a loading status
/// replaced at once (a render, a frame and Yew's yields to the browser in
/// between: about 100 ms on the phone profile, issue 12).
/// Returns the state with it, and that round's number; the state as it was
/// if the round resumes a saved one (its log replays once all its packs are
/// in) or the pack failed (the loader fetches it again and reports why).
pub async fn read_first_pack(state: Box<AppState>) -> (Box<AppState>, Option<u32>) {
    let (&Screen::Loading { number, .. }, IndexState::Ready(site), Some(record)) =
        (&state.screen, &state.index, &state.round_record)
    else {
        return (state, None);
    };
    let sources = round_sources(&state.config, &record.files);
    let (Some(first), true) = (sources.first(), record.log.is_empty()) else { return (state, None) };
    let Ok(scenario) = fetch_pack(&site.catalog, first).await else { return (state, None) };
    let loaded = AppAction::RoundLoaded {
        number,
        scenarios: vec![Rc::new(scenario)],
        problems: Vec::new(),
        pending: sources.len() - 1,
        now_ms: now_ms(),
    };
    match state.apply(loaded) {
        Some(next) => (Box::new(next), Some(number)),
        None => (state, None),
    }
}

/// Where a round's packs are, and their names in messages: the round's
/// `files`, and (the hosted build's) the host's own pack, outside a
/// campaign round (the server grades the round it planned, pack for pack).
fn round_sources(config: &AppConfig, files: &[String]) -> Vec<(String, String)> {
    let sources: Vec<(String, String)> = files.iter().map(|f| pack_source(&config.base, f)).collect();
    #[cfg(feature = "hosted")]
    let sources = {
        let mut sources = sources;
        if let Some(url) = config.pack_url.as_ref().filter(|_| config.campaign.is_none()) {
            sources.push((url.clone(), url.clone()));
        }
        sources
    };
    sources
}
