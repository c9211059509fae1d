//! Saves progress each time a round adds to it.

use super::by_ptr::ByPtr;
use crate::state::AppAction;
use crate::ui::reducer::AppStore;
use crate::web::storage::save_progress;
use scamspot_core::engine::progress::Progress;
use std::rc::Rc;
use yew::prelude::*;

#[hook]
pub fn use_progress_saver(progress: Rc<Progress>, dispatch: UseReducerDispatcher<AppStore>) {
    // What the first render has was read from storage: no need to write it back.
    let loaded = use_memo((), |_| Rc::clone(&progress));
    use_effect_with(ByPtr(progress), move |ByPtr(progress)| {
        if !Rc::ptr_eq(progress, &loaded) && !save_progress(progress) {
            dispatch.dispatch(AppAction::StorageFailed);
        }
    });
}
