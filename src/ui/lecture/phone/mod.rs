//! The phone page of a lecture room (`/?room=123456`): join, then follow the
//! projector step by step. `PhoneState` (src/state/lecture/phone.rs) decides
//! everything; the hooks here do the I/O and the components render.

mod join_form;
mod room_scenario;
mod socket;
mod stages;
mod status_line;
mod vote;

use crate::state::lecture::phone::{room_code, Connection, PhoneAction, PhoneState};
use crate::ui::hooks::use_document_lang;
use crate::ui::widgets::top_bar::top_bar;
use crate::web::browser::{browser_languages, now_ms, random_seed};
use crate::web::storage;
use join_form::JoinForm;
use room_scenario::use_room_scenario;
use scamspot_core::i18n::Lang;
use socket::use_phone_socket;
use status_line::status_line;
use std::rc::Rc;
use yew::prelude::*;

/// Renders the phone page into `root`; `code` is the `?room=` parameter as given.
pub fn mount_phone(root: web_sys::Element, code: String) {
    root.set_inner_html("");
    yew::Renderer::<PhoneApp>::with_root_and_props(root, PhoneProps { code }).render();
}

#[derive(Properties, PartialEq)]
pub struct PhoneProps {
    pub code: String,
}

/// `PhoneState` as Yew reducer state.
pub struct PhoneStore(pub PhoneState);

impl Reducible for PhoneStore {
    type Action = PhoneAction;

    fn reduce(self: Rc<Self>, action: PhoneAction) -> Rc<Self> {
        Rc::new(PhoneStore(self.0.clone().apply(action)))
    }
}

/// A fresh client id for one answer or rating (not per retry: a resend keeps its id).
pub(super) fn client_id() -> String {
    format!("{:x}{:x}", random_seed(), now_ms() as u64)
}

/// Joins room `code`, as the same player as before if a token is kept for it.
fn join(code: String, nickname: String) -> PhoneAction {
    let token = storage::room_token(&code);
    PhoneAction::Join { code, nickname, token, now_ms: now_ms() }
}

#[function_component]
pub fn PhoneApp(props: &PhoneProps) -> Html {
    let linked = room_code(&props.code);
    let store = {
        let linked = linked.clone();
        use_reducer(move || {
            // Back in a room this phone joined before (a reload): straight in, as the same player.
            let state = PhoneState::default();
            PhoneStore(match linked.filter(|code| storage::room_token(code).is_some()) {
                Some(code) => state.apply(join(code, String::new())),
                None => state,
            })
        })
    };
    let lang = use_state(|| storage::saved_lang().unwrap_or_else(|| Lang::negotiate(&browser_languages())));
    let large_text = use_state(storage::saved_large_text);
    let state = &store.0;
    let dispatch = store.dispatcher();
    use_document_lang(*lang, false);
    use_phone_socket(state, dispatch.clone());
    let scenario = use_room_scenario(state.view.as_ref().and_then(|v| v.scenario_id.clone()));

    let switch_lang = {
        let lang = lang.clone();
        Callback::from(move |_| {
            let next = lang.other();
            storage::save_lang(next);
            lang.set(next);
        })
    };
    let set_large_text = {
        let large_text = large_text.clone();
        Callback::from(move |large| {
            storage::save_large_text(large);
            large_text.set(large);
        })
    };
    let dispatch = Callback::from(move |action| dispatch.dispatch(action));
    let body = if state.connection == Connection::NotJoined {
        let on_join = dispatch.reform(|(code, nickname)| join(code, nickname));
        // A linked code the server has no room for is asked for again.
        let code = linked.filter(|_| state.missing.is_none());
        html! { <JoinForm lang={*lang} {code} {on_join} missing={state.missing.clone()} /> }
    } else {
        stages::stage(*lang, state, &scenario, &dispatch)
    };
    html! {
        <div class={if *large_text { "app phone-room large-text" } else { "app phone-room" }}>
            { top_bar(*lang, *large_text, switch_lang, None, &set_large_text) }
            <main class="content">
                if state.connection != Connection::NotJoined {
                    { status_line(*lang, state) }
                }
                { body }
            </main>
        </div>
    }
}
