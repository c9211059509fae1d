//! The link's state in one line (connecting, reconnecting, back online, room
//! closed), and after 5 s without a link, what usually causes it in a hall.

use crate::state::lecture::phone::{LinkStatus, PhoneState};
use scamspot_core::i18n::Lang;
use scamspot_core::room::texts::phone::PhoneTexts;
use yew::prelude::*;

pub fn status_line(lang: Lang, state: &PhoneState) -> Html {
    let t = PhoneTexts::of(lang);
    let status = state.link_status();
    let (name, words) = match status {
        LinkStatus::NotJoined | LinkStatus::Connecting => ("connecting", t.connecting),
        LinkStatus::Reconnecting => ("reconnecting", t.reconnecting),
        LinkStatus::BackOnline => ("back-online", t.back_online),
        LinkStatus::Online => ("online", t.online),
        LinkStatus::Closed => ("closed", t.room_closed_status),
    };
    html! {
        <>
            <p id="room-status" class="room-status" role="status" data-link={name}>
                <span class="room-code">{ (t.room_label)(&state.code) }</span>{ " · " }{ words }
            </p>
            if state.shows_hint() {
                <aside class="room-hint" aria-labelledby="room-hint-heading">
                    <h2 id="room-hint-heading">{ t.hint_heading }</h2>
                    <p>{ t.hint_campus }</p>
                    <p>{ t.hint_app }</p>
                </aside>
            }
        </>
    }
}
