//! Fetches the pack index whenever the state is waiting for it ("Try again"),
//! and again when the learner turns to a language the loaded one has no
//! texts in (the app's page reads the index in one language).

use crate::state::{AppAction, AppState, IndexState};
use crate::ui::reducer::AppStore;
use crate::web::packs::fetch_learner_index;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

#[hook]
pub fn use_pack_index(state: &AppState, dispatch: UseReducerDispatcher<AppStore>) {
    let wanted = matches!(state.index, IndexState::Loading) || state.lacks_texts();
    let (base, types) = (state.config.base.clone(), state.config.types.clone());
    // Tried again at each change of language while texts are missing; until
    // they come, the index's texts show in the language it has.
    use_effect_with((wanted, state.lang), move |&(wanted, lang)| {
        if wanted {
            spawn_local(async move {
                let index = fetch_learner_index(&base, lang).await.map(|i| i.restricted_to(&types)).into();
                dispatch.dispatch(AppAction::IndexLoaded(index));
            });
        }
    });
}
