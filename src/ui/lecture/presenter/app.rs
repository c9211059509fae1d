//! The presenter page's one component: it holds the state, the room's
//! socket and the key listener, applies every action to the pure reducer
//! (`state::lecture::presenter`) and carries out the effects it returns.

use super::{end_step, fork, heat, lobby, setup, step, summary, top_bar};
use crate::state::lecture::presenter::{key_action, Effect, KeyAction, PresenterAction, PresenterState, RoomKeys};
use crate::web::browser::set_document_lang;
use crate::web::packs::{fetch_scenarios, pack_source};
use crate::web::presenter::{download_csv, enter_fullscreen, forget_room, save_room, saved_room};
use crate::web::socket::{RoomSocket, SocketEvent};
use gloo::events::{EventListener, EventListenerOptions};
use scamspot_core::content::{SiteIndex, StepKind};
use scamspot_core::i18n::Lang;
use scamspot_core::room::texts::presenter::PresenterTexts;
use scamspot_core::room::Phase;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PresenterProps {
    /// `None` when the index failed to load.
    pub index: Option<Rc<SiteIndex>>,
    pub lang: Lang,
    /// From the URL's fragment; empty when it has none.
    pub host_key: String,
}

pub enum Msg {
    Do(PresenterAction),
    Socket(SocketEvent),
    DownloadCsv,
}

pub struct PresenterApp {
    state: PresenterState,
    socket: Option<RoomSocket>,
    _keys: Option<EventListener>,
}

impl Component for PresenterApp {
    type Message = Msg;
    type Properties = PresenterProps;

    fn create(ctx: &Context<Self>) -> Self {
        let props = ctx.props();
        set_document_lang(props.lang);
        if let Some(keys) = saved_room().as_deref().and_then(RoomKeys::from_saved) {
            ctx.link().send_message(Msg::Do(PresenterAction::Resume(keys)));
        }
        PresenterApp {
            state: PresenterState::new(props.lang, props.index.clone(), props.host_key.clone()),
            socket: None,
            _keys: key_listener(ctx.link().callback(Msg::Do)),
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        let action = match msg {
            Msg::Do(action) => action,
            Msg::Socket(SocketEvent::Link(link)) => PresenterAction::Link(link),
            Msg::Socket(SocketEvent::Message(text)) => PresenterAction::Message(text),
            Msg::DownloadCsv => {
                if let (Some(summary), Some(view)) = (&self.state.summary, &self.state.room) {
                    download_csv(&format!("scamspot-lecture-{}.csv", view.code), &summary.1);
                }
                return false;
            }
        };
        for effect in self.state.apply(action) {
            self.run(ctx, effect);
        }
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let state = &self.state;
        let dispatch = ctx.link().callback(Msg::Do);
        let t = PresenterTexts::of(state.lang);
        let main = match (&state.room, &state.view) {
            (None, None) => setup::setup(state, ctx.props().host_key.is_empty(), &dispatch),
            (_, Some(view)) if view.phase == Phase::Ended => {
                summary::summary(state, &dispatch, ctx.link().callback(|_| Msg::DownloadCsv))
            }
            (Some(room), Some(view)) if view.phase == Phase::Lobby => lobby::lobby(state.lang, room, view, &dispatch),
            (_, Some(view)) => match (state.current(), view.at) {
                (Some(scenario), Some(at)) => {
                    let action = match scenario.kind(at.step) {
                        Some(StepKind::Choices(choices)) => fork::fork(state, view, scenario, choices, &dispatch),
                        Some(StepKind::Spot(spot)) => heat::spot(state, view, scenario, spot, &dispatch),
                        Some(StepKind::End(end)) => end_step::end_step(state, scenario, end, &dispatch),
                        None => html! {},
                    };
                    step::step(state, view, scenario, action)
                }
                _ => html! { <p class="presenter-wait" role="status">{ t.loading_scenario }</p> },
            },
            (Some(_), None) => html! { <p class="presenter-wait">{ t.link_connecting }</p> },
        };
        let overlay = state.qr_overlay.then(|| state.room.as_ref().map(|room| lobby::qr_overlay(state.lang, room)));
        html! {
            <div class="presenter">
                { top_bar::top_bar(state, &dispatch) }
                <main class="presenter-main">{ main }</main>
                { for overlay.flatten() }
                if state.blank {
                    <div class="presenter-blank" aria-hidden="true"></div>
                }
            </div>
        }
    }
}

impl PresenterApp {
    fn run(&mut self, ctx: &Context<Self>, effect: Effect) {
        match effect {
            Effect::CreateRoom { host_key, scenarios, lang } => ctx.link().send_future(async move {
                let created = crate::web::presenter::create_room(&host_key, &scenarios, lang).await;
                Msg::Do(PresenterAction::Created(created))
            }),
            Effect::SaveRoom(saved) => save_room(&saved),
            Effect::ForgetRoom => forget_room(),
            Effect::SaveLang(lang) => {
                crate::web::storage::save_lang(lang);
                set_document_lang(lang);
            }
            Effect::Connect(code) => self.socket = Some(RoomSocket::open(&code, ctx.link().callback(Msg::Socket))),
            Effect::Disconnect => {
                if let Some(socket) = self.socket.take() {
                    socket.close();
                }
            }
            // Lost sends need no queue: every open link presents again and gets a whole snapshot.
            Effect::Send(text) => {
                if let Some(socket) = &self.socket {
                    socket.send(&text);
                }
            }
            Effect::Fetch(files) => {
                let Some(index) = self.state.index.clone() else { return };
                ctx.link().send_future(async move {
                    let sources: Vec<_> = files.iter().map(|file| pack_source("", file)).collect();
                    let (scenarios, _problems) = fetch_scenarios(&index.catalog, &sources).await;
                    Msg::Do(PresenterAction::ScenariosLoaded(scenarios))
                });
            }
        }
    }
}

/// The clicker's and keyboard's keys, anywhere on the page but in a field;
/// Enter and Space on a focused control keep their own meaning (a click).
fn key_listener(dispatch: Callback<PresenterAction>) -> Option<EventListener> {
    let document = web_sys::window()?.document()?;
    let options = EventListenerOptions::enable_prevent_default();
    Some(EventListener::new_with_options(&document, "keydown", options, move |event| {
        let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
        if event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let key = event.key();
        let target = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let tag = target.map(|t| t.tag_name().to_ascii_lowercase()).unwrap_or_default();
        let typing = matches!(tag.as_str(), "input" | "textarea" | "select");
        let activates = matches!(tag.as_str(), "button" | "a" | "summary") && matches!(key.as_str(), "Enter" | " ");
        if typing || activates {
            return;
        }
        let Some(action) = key_action(&key) else { return };
        event.prevent_default();
        match action {
            KeyAction::Primary => dispatch.emit(PresenterAction::Primary),
            KeyAction::ToggleQr => dispatch.emit(PresenterAction::ToggleQr),
            KeyAction::ToggleBlank => dispatch.emit(PresenterAction::ToggleBlank),
            // Full screen only from within the key's own handler (a user gesture).
            KeyAction::Fullscreen => enter_fullscreen(),
        }
    }))
}
