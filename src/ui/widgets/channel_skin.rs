//! What the phone shows above the conversation, so each channel looks like
//! the real thing: the Messages app's sender line, the incoming-call screen a
//! call opens with, a second-hand marketplace chat's item card. Names and
//! numbers come from the pack; the phone's own words from `Texts`. Chat,
//! group, app and e-mail screens need nothing above the header. A plain
//! function, not a component: it has no state, and adds no component to the wasm.

use crate::ui::widgets::text::{element, text_element, text_with_id};
use scamspot_core::content::{Channel, Contact};
use scamspot_core::i18n::{initials, Lang};
use yew::prelude::*;

pub fn channel_skin(lang: Lang, channel: Channel, contact: &Contact) -> Html {
    let (t, code) = (lang.texts(), lang.code());
    let name = contact.name.get(code);
    let detail = contact.detail.as_ref().map(|d| d.get(code));
    // The sender line shows the number (or sender code) when the pack gives one, as phones do.
    let sender = detail.unwrap_or(name);
    match channel {
        Channel::Sms => html! {
            { element("div", "skin sms-skin", vec![text_element("p", "skin-label", t.skin_sms), text_element("p", "sms-sender", sender)]) }
        },
        Channel::Call => html! {
            <div class="skin call-skin" role="group" aria-labelledby="incoming-call">
                { text_with_id("p", "incoming-call", "skin-label", t.skin_incoming_call) }
                <span class="avatar call-avatar" aria-hidden="true">{ initials(name) }</span>
                { text_element("p", "caller-name", name) }
                if let Some(number) = detail {
                    { text_element("p", "caller-number", number) }
                }
                { text_element("p", "skin-label call-transcript", t.skin_call_transcript) }
            </div>
        },
        Channel::Marketplace => html! {
            <div class="skin market-skin" role="group" aria-labelledby="market-item">
                <span class="item-thumb" aria-hidden="true">{ "🛍️" }</span>
                <div>
                    { text_with_id("p", "market-item", "skin-label", t.skin_item) }
                    { text_element("p", "item-title", sender) }
                </div>
            </div>
        },
        Channel::Chat | Channel::Group | Channel::App | Channel::Email => html! {},
    }
}
