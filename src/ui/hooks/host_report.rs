//! Sends the host page each report the state decides on, and tells the
//! state when the page goes away (so a round left mid-way is still reported).

use crate::state::{AppAction, AppState};
use crate::ui::reducer::AppStore;
use crate::web::browser::now_ms;
use crate::web::host::Host;
use std::rc::Rc;
use yew::prelude::*;

#[hook]
pub fn use_host_report(state: &AppState, host: Rc<Host>, dispatch: UseReducerDispatcher<AppStore>) {
    {
        let (host, config) = (Rc::clone(&host), Rc::clone(&state.config));
        use_effect_with(state.due_report.clone(), move |due| {
            // The app's own page has no host to tell: the report is not even built.
            if let Some(due) = due.as_ref().filter(|_| !matches!(*host, Host::Page)) {
                host.report(&due.to_report(&config.base, config.learner.as_deref().unwrap_or_default()));
            }
        });
    }
    use_effect_with((), move |_| {
        let window = web_sys::window().expect("a browser window");
        let listener = gloo::events::EventListener::new(&window, "pagehide", move |_| {
            dispatch.dispatch(AppAction::LeavePage { now_ms: now_ms() })
        });
        move || drop(listener)
    });
}
