//! Fetches the pack index whenever the state is waiting for it ("Try again").

use crate::state::{AppAction, AppState, IndexState};
use crate::ui::reducer::AppStore;
use crate::web::packs::fetch_index;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

#[hook]
pub fn use_pack_index(state: &AppState, dispatch: UseReducerDispatcher<AppStore>) {
    let loading = matches!(state.index, IndexState::Loading);
    let (base, types) = (state.config.base.clone(), state.config.types.clone());
    use_effect_with(loading, move |loading| {
        if *loading {
            spawn_local(async move {
                let index = fetch_index(&base).await.map(|i| i.restricted_to(&types)).into();
                dispatch.dispatch(AppAction::IndexLoaded(index));
            });
        }
    });
}
