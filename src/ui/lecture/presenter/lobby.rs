//! The lobby: the big QR code phones join by, the room code in huge type,
//! the join URL, how many phones are in, Start, and the keys legend. The
//! QR code again as an overlay (← or PageUp) for latecomers.

use crate::state::lecture::presenter::{PresenterAction, RoomKeys};
use scamspot_core::i18n::{fill, Lang};
use scamspot_core::room::texts::presenter::PresenterTexts;
use scamspot_core::room::{Command, PresenterView};
use yew::prelude::*;

pub fn lobby(lang: Lang, room: &RoomKeys, view: &PresenterView, dispatch: &Callback<PresenterAction>) -> Html {
    let t = PresenterTexts::of(lang);
    html! {
        <section class="presenter-lobby" aria-labelledby="lobby-heading">
            <h1 id="lobby-heading">{ t.lobby_heading }</h1>
            <div class="lobby-join">
                { join_card(lang, room) }
                <div class="lobby-side">
                    <p id="joined-count" class="joined" role="status">{ fill(t.joined, &[("count", &view.players)]) }</p>
                    <button id="start-lecture" class="primary"
                        onclick={dispatch.reform(|_| PresenterAction::Command(Command::Next))}>{ t.start }</button>
                    { keys_legend(t) }
                </div>
            </div>
        </section>
    }
}

/// The QR code over whatever is on screen.
pub fn qr_overlay(lang: Lang, room: &RoomKeys) -> Html {
    let t = PresenterTexts::of(lang);
    html! {
        <aside id="qr-overlay" class="qr-overlay" aria-label={t.lobby_heading}>{ join_card(lang, room) }</aside>
    }
}

fn join_card(lang: Lang, room: &RoomKeys) -> Html {
    let t = PresenterTexts::of(lang);
    html! {
        <div class="join-card">
            <img class="join-qr" src={format!("/api/rooms/{}/qr.svg", room.code)}
                alt={fill(t.qr_alt, &[("code", &room.code)])} width="360" height="360" />
            <div>
                <p class="room-code-label">{ t.room_code_label }</p>
                <p id="room-code" class="lobby-code">{ &room.code }</p>
                <p class="join-url-label">{ t.join_url_label }</p>
                <p id="join-url" class="join-url">{ &room.join_url }</p>
            </div>
        </div>
    }
}

fn keys_legend(t: &PresenterTexts) -> Html {
    html! {
        <section class="keys-legend" aria-labelledby="keys-heading">
            <h2 id="keys-heading">{ t.keys_heading }</h2>
            <ul>
                <li>{ t.key_next }</li>
                <li>{ t.key_qr }</li>
                <li>{ t.key_blank }</li>
                <li>{ t.key_fullscreen }</li>
            </ul>
        </section>
    }
}
