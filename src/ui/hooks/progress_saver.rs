//! Saves progress each time a round adds to it.

use crate::state::AppAction;
use crate::ui::reducer::AppStore;
use crate::web::storage::save_progress;
use scamspot_core::engine::progress::Progress;
use std::rc::Rc;
use yew::prelude::*;

/// `loaded` is the progress read at start: it is in storage already.
#[hook]
pub fn use_progress_saver(progress: Rc<Progress>, loaded: Rc<Progress>, dispatch: UseReducerDispatcher<AppStore>) {
    use_effect_with(progress, move |progress| {
        if !Rc::ptr_eq(progress, &loaded) && !save_progress(progress) {
            dispatch.dispatch(AppAction::StorageFailed);
        }
    });
}
