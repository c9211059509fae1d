//! Keeps the round in progress in localStorage, so a reload resumes it, and
//! offers the saved one to the state once at start-up. Only on the app's own
//! page: embeds share the host page's storage (two widgets would overwrite
//! each other's round).

use crate::state::AppAction;
use crate::ui::reducer::AppStore;
use crate::web::storage::{load_round, save_round};
use scamspot_core::engine::RoundRecord;
use std::rc::Rc;
use yew::prelude::*;

#[hook]
pub fn use_round_keeper(record: Option<Rc<RoundRecord>>, keep: bool, dispatch: UseReducerDispatcher<AppStore>) {
    // Read during the first render, before the first save below replaces it.
    let saved = use_memo((), move |_| if keep { load_round() } else { None });
    use_effect_with((), move |_| {
        if let Some(saved) = (*saved).clone() {
            dispatch.dispatch(AppAction::ResumeRound(saved));
        }
    });
    use_effect_with(record, move |record| {
        if keep {
            save_round(record.as_deref());
        }
    });
}
