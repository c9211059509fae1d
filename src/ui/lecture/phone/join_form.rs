//! Joining: the room code (typed when the link did not carry one) and an
//! optional nickname. No account.

use crate::state::lecture::phone::{room_code, CODE_DIGITS};
use scamspot_core::i18n::{fill, Lang};
use scamspot_core::room::texts::phone::PhoneTexts;
use scamspot_core::room::NICKNAME_CHARS;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct JoinFormProps {
    pub lang: Lang,
    /// The code from the link, if it is a valid one.
    pub code: Option<String>,
    /// (room code, nickname as typed).
    pub on_join: Callback<(String, String)>,
    /// The code last joined, which the server has no room for.
    pub missing: Option<String>,
}

fn value(input: &NodeRef) -> String {
    input.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}

#[function_component]
pub fn JoinForm(props: &JoinFormProps) -> Html {
    let t = PhoneTexts::of(props.lang);
    let (code_input, nickname_input) = (use_node_ref(), use_node_ref());
    let invalid = use_state(|| false);
    let error = match (*invalid, &props.missing) {
        (true, _) => Some(t.code_invalid.to_string()),
        (false, Some(code)) => Some(fill(t.no_such_room, &[("code", code)])),
        (false, None) => None,
    };
    let onsubmit = {
        let (linked, on_join, invalid) = (props.code.clone(), props.on_join.clone(), invalid.clone());
        let (code_input, nickname_input) = (code_input.clone(), nickname_input.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match linked.clone().or_else(|| room_code(&value(&code_input))) {
                Some(code) => on_join.emit((code, value(&nickname_input))),
                None => invalid.set(true),
            }
        })
    };
    html! {
        <section class="screen room-join">
            <h1>{ t.join_heading }</h1>
            <p>{ t.join_intro }</p>
            <form class="join-form" {onsubmit} novalidate=true>
                if let Some(code) = &props.code {
                    <p class="room-code">{ (t.room_label)(code) }</p>
                } else {
                    <label for="room-code">{ t.code_label }</label>
                    <input id="room-code" ref={code_input} type="text" inputmode="numeric" autocomplete="off"
                        maxlength={CODE_DIGITS.to_string()} pattern="[0-9]*" aria-invalid={if error.is_some() { "true" } else { "false" }}
                        aria-describedby="room-code-error" />
                    <p id="room-code-error" class="field-error" role="status">{ error.unwrap_or_default() }</p>
                }
                <label for="room-nickname">{ t.nickname_label }</label>
                <input id="room-nickname" ref={nickname_input} type="text" autocomplete="nickname"
                    maxlength={NICKNAME_CHARS.to_string()} aria-describedby="room-nickname-hint" />
                <p id="room-nickname-hint" class="meta">{ t.nickname_hint }</p>
                <button id="room-join" type="submit" class="primary">{ t.join }</button>
            </form>
        </section>
    }
}
