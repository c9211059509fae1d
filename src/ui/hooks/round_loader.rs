//! Fetches the packs of the round the state is loading, plus the host's own
//! pack if it configured one: the first alone, then, once its scenario has
//! painted, the rest behind it, each handed to the state as soon as it and
//! those before it are in. The round starts with its first scenario while
//! the rest are still on their way.

use crate::state::{AppAction, AppState, IndexState, Screen};
use crate::ui::reducer::AppStore;
use crate::web::browser::now_ms;
use crate::web::packs::{fetch_scenarios_in_order, pack_source};
use crate::web::paint::next_paint;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

#[hook]
pub fn use_round_loader(state: &AppState, dispatch: UseReducerDispatcher<AppStore>) {
    let loading = match (&state.screen, &state.index) {
        (Screen::Loading { number, files, .. }, IndexState::Ready(site)) => {
            Some((*number, files.clone(), site.clone()))
        }
        _ => None,
    };
    // Each load has its own round number: the effect runs once per load.
    let number = loading.as_ref().map(|(number, ..)| *number);
    let config = state.config.clone();
    use_effect_with(number, move |_| {
        let Some((number, files, site)) = loading else { return };
        let sources: Vec<(String, String)> = files.iter().map(|f| pack_source(&config.base, f)).collect();
        // Not into a campaign round: the server grades the round it planned, pack
        // for pack. A host's pack is the hosted build's: it gets the full validation.
        #[cfg(feature = "hosted")]
        let sources = {
            let mut sources = sources;
            if let Some(url) = config.pack_url.as_ref().filter(|_| config.campaign.is_none()) {
                sources.push((url.clone(), url.clone()));
            }
            sources
        };
        spawn_local(async move {
            // The rest wait until the first scenario has painted: downloads
            // started with it would slow what the learner is waiting for.
            fetch_scenarios_in_order(&site.catalog, &sources, next_paint(), |scenarios, problems, pending| {
                dispatch.dispatch(AppAction::RoundLoaded { number, scenarios, problems, pending, now_ms: now_ms() });
            })
            .await;
        });
    });
}
