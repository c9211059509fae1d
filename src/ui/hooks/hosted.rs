//! The hosted build's I/O, in one hook so the app calls it behind one
//! `cfg`: what the page around an embed may do and is told
//! (`host_bridge`, `host_report`), and a campaign class link's (`campaign`).

use super::campaign::use_campaign;
use super::host_bridge::use_host_bridge;
use super::host_report::use_host_report;
use crate::state::AppState;
use crate::ui::reducer::AppStore;
use crate::web::host::Host;
use std::rc::Rc;
use yew::prelude::*;

#[hook]
pub fn use_hosted(state: &AppState, host: Rc<Host>, dispatch: UseReducerDispatcher<AppStore>) {
    use_host_bridge(Rc::clone(&host), dispatch.clone());
    use_host_report(state, host, dispatch.clone());
    use_campaign(state, dispatch);
}
