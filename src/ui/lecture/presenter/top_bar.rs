//! The presenter's bar: the page's name, the link to the room (live, so a
//! lecturer sees a dropped Wi-Fi at once), what went wrong, and the language switch.

use crate::state::lecture::presenter::{Notice, PresenterAction, PresenterState};
use scamspot_core::i18n::fill;
use scamspot_core::room::client::Link;
use scamspot_core::room::texts::presenter::PresenterTexts;
use yew::prelude::*;

pub fn top_bar(state: &PresenterState, dispatch: &Callback<PresenterAction>) -> Html {
    let (t, app) = (PresenterTexts::of(state.lang), state.lang.texts());
    let link = state.room.as_ref().map(|_| match state.connection {
        Link::Connecting => ("link-state connecting", t.link_connecting.to_string()),
        Link::Open => ("link-state online", t.link_online.to_string()),
        Link::Reconnecting { attempt } => {
            ("link-state reconnecting", fill(t.link_reconnecting, &[("attempt", &attempt)]))
        }
    });
    html! {
        <header class="presenter-bar">
            <p class="brand"><span class="logo" aria-hidden="true">{ "识" }</span>{ t.page_heading }</p>
            <p id="presenter-link" role="status" class={link.as_ref().map_or("link-state", |(class, _)| *class)}>
                { for link.map(|(_, text)| text) }
            </p>
            <button id="lang-switch" class="lang-switch" lang={state.lang.other().code()} aria-label={app.switch_label}
                onclick={dispatch.reform(|_| PresenterAction::SwitchLang)}>{ app.switch_to }</button>
            if state.storage_down {
                <p id="storage-trouble" class="presenter-notice" role="alert">{ t.storage_down }</p>
            }
            if let Some(notice) = &state.notice {
                <p id="presenter-notice" class="presenter-notice" role="alert">{ notice_text(t, notice) }</p>
            }
        </header>
    }
}

fn notice_text(t: &PresenterTexts, notice: &Notice) -> String {
    match notice {
        Notice::NeedKey => t.need_key.to_string(),
        Notice::NeedScenarios => t.need_scenarios.to_string(),
        Notice::WrongKey { status, body } => fill(t.wrong_key, &[("status", status), ("body", body)]),
        Notice::ServerError { status, body } => fill(t.server_error, &[("status", status), ("body", body)]),
        Notice::Unreachable(reason) => fill(t.unreachable, &[("reason", reason)]),
        Notice::WrongSecret => t.wrong_secret.to_string(),
        Notice::Closed => t.room_closed.to_string(),
        Notice::CommandRefused(reason) => fill(t.command_refused, &[("reason", reason)]),
    }
}
