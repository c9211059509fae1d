//! Keeps the round in progress in localStorage, so a reload resumes it (the
//! app reads it back when it starts). Only on the app's own page: embeds
//! share the host page's storage, where two widgets would overwrite each
//! other's round.

use super::by_ptr::ByPtr;
use crate::web::storage::save_round;
use scamspot_core::engine::RoundRecord;
use std::rc::Rc;
use yew::prelude::*;

#[hook]
pub fn use_round_saver(record: Option<Rc<RoundRecord>>, keep: bool) {
    use_effect_with(record.map(ByPtr), move |record| {
        if keep {
            save_round(record.as_ref().map(|ByPtr(record)| &**record));
        }
    });
}
