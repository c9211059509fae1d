//! The root component: renders `AppState` (language, saved progress, the
//! pack index, which screen shows, the round) and turns the learner's taps
//! into `AppAction`s; and the state it opens on (`initial_state`). The I/O
//! around it lives in `hooks`.

#[cfg(feature = "hosted")]
use super::hooks::use_hosted;
use super::hooks::{
    read_first_pack, use_back_button, use_document_lang, use_pack_index, use_progress_saver, use_round_loader,
    use_round_saver,
};
use super::notices::notices;
use super::reducer::{send, AppStore};
#[cfg(feature = "hosted")]
use super::screens::campaign::class_view;
use super::screens::round::{round_view, use_round_effects, RoundView};
#[cfg(feature = "split")]
use super::screens::start::split_start_screen;
#[cfg(not(feature = "split"))]
use super::screens::start::start_screen;
use super::widgets::leave_dialog::{leave_dialog, use_leave_dialog_focus};
use super::widgets::notice::loading_status;
use super::widgets::text::paragraph;
use super::widgets::top_bar::top_bar;
use crate::config::AppConfig;
use crate::state::{AppAction, AppState, IndexState, Screen};
use crate::web::browser::{browser_languages, now_ms, random_seed, today, ShellChoice};
#[cfg(feature = "hosted")]
use crate::web::host::Host;
use crate::web::speech::can_speak;
use crate::web::storage;
use scamspot_core::content::SiteIndex;
use scamspot_core::engine::plan::RoundKind;
use scamspot_core::i18n::Lang;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct AppProps {
    /// The state the app opens on (`initial_state`), taken at its first render.
    pub state: Cell<Option<Box<AppState>>>,
    /// The round whose first pack was read before the first render, if any:
    /// the round loader fetches the rest.
    pub first_pack_read: Option<u32>,
    /// The app runs on its own page, not embedded in a host's (the lean
    /// build always does): only there does it keep the round in progress
    /// and answer the Back button.
    pub page: bool,
    #[cfg(feature = "hosted")]
    pub host: Rc<Host>,
}

/// The root's props are given once, at mount, and never change; a deep
/// comparison would only bring the state's `PartialEq` into the wasm.
impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// The state the app opens on, and the round whose first pack was read
/// for it (`read_first_pack`), if any: saved progress, the round in progress
/// when the page last closed (the app's own `page` only) or the round the
/// learner chose on the static start screen (`shell`), with the scam it
/// downloaded for the opening; the language and text size last.
pub async fn initial_state(
    config: Rc<AppConfig>,
    index: IndexState,
    page: bool,
    shell: ShellChoice,
) -> (Box<AppState>, Option<u32>) {
    let state = AppState::new(Rc::clone(&config), Lang::default(), storage::load_progress(), index);
    let saved = page.then(storage::load_round).flatten();
    let state = AppState { opening: shell.opening, ..state };
    let state = saved.and_then(|saved| state.apply(AppAction::ResumeRound(saved))).unwrap_or(state);
    // Carry on with what the learner chose before the app had loaded: the
    // first screen drawn is that round's, not a start screen to replace.
    let state = shell.round.and_then(|(kind, rating)| state.apply(start_round(kind, rating))).unwrap_or(state);
    // Boxed across the wait: carried whole, the state made this future's
    // code 1.5 KB larger (issue 12, tenth round).
    let (mut state, first_pack_read) = read_first_pack(Box::new(state)).await;
    // Read last: the static screen's top bar works while that pack is read.
    (state.lang, state.large_text) = (initial_lang(&config), storage::saved_large_text());
    (state, first_pack_read)
}

/// Starting a round of `kind`, now, drawn with a fresh seed.
fn start_round(kind: RoundKind, rating: Option<u8>) -> AppAction {
    AppAction::StartRound { kind, rating, seed: random_seed(), today: today(), now_ms: now_ms() }
}

pub(crate) fn initial_lang(config: &AppConfig) -> Lang {
    config.lang.or_else(storage::saved_lang).unwrap_or_else(|| Lang::negotiate(&browser_languages()))
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let page = props.page;
    let store = use_reducer(|| AppStore(*props.state.take().expect("the app's first render takes its first state")));
    let state = &store.0;
    let dispatch = store.dispatcher();

    use_document_lang(state.lang, !page);
    use_pack_index(state, dispatch.clone());
    use_round_loader(state, props.first_pack_read, dispatch.clone());
    use_progress_saver(Rc::clone(&state.progress), dispatch.clone());
    use_round_saver(state.round_record.clone(), page);
    use_back_button(!matches!(state.screen, Screen::Start), page, dispatch.clone());
    let stay_button = use_leave_dialog_focus(state.confirm_leave);
    let on_play = {
        let dispatch = dispatch.clone();
        Callback::from(move |(number, action)| {
            dispatch.dispatch(AppAction::Play { number, action, now_ms: now_ms(), today: today() })
        })
    };
    let playing = match &state.screen {
        Screen::Playing { number, round, .. } => Some((*number, Rc::clone(round))),
        _ => None,
    };
    let round_refs = use_round_effects(playing, on_play.clone());
    #[cfg(feature = "split")]
    let () = super::split::use_chunks(state, dispatch.clone());
    // A host page's and a class link's I/O. (The attribute goes on a `let`:
    // Yew's macro cannot rewrite a hook call that carries one.)
    #[cfg(feature = "hosted")]
    let () = use_hosted(state, Rc::clone(&props.host), dispatch.clone());

    let on_start = {
        let dispatch = dispatch.clone();
        Callback::from(move |kind: RoundKind| dispatch.dispatch(start_round(kind, None)))
    };
    let switch_lang = {
        let (dispatch, next) = (dispatch.clone(), state.lang.other());
        Callback::from(move |_| {
            storage::save_lang(next);
            dispatch.dispatch(AppAction::SetLang(next));
        })
    };
    let set_large_text = {
        let dispatch = dispatch.clone();
        Callback::from(move |large| {
            storage::save_large_text(large);
            dispatch.dispatch(AppAction::SetLargeText(large));
        })
    };
    let go_home = send(&dispatch, || AppAction::GoHome { now_ms: now_ms() });
    let ask_home = send(&dispatch, || AppAction::AskHome { now_ms: now_ms() });
    let (lang, t) = (state.lang, state.lang.texts());

    let notices = notices(state, &dispatch);
    // A class link's own screens: the class's start, and a campaign round's
    // result under its round and on that start once the learner has gone back
    // to it (the certificate stays at hand). Class links are the hosted build's.
    #[cfg(feature = "hosted")]
    let class_view = class_view(state, send(&dispatch, || AppAction::SendAgain), &on_start);
    #[cfg(not(feature = "hosted"))]
    let class_view: Option<Html> = None;
    let body = match (&state.screen, &state.index) {
        (_, IndexState::Loading) | (Screen::Loading { .. }, _) => loading_status(lang),
        // What failed, in the notices once they are in.
        (_, IndexState::Failed(_)) => html! {
            <section class="screen">
                if notices.is_none() {
                    { paragraph(t.catalog_failed) }
                }
                <button class="primary" onclick={send(&dispatch, || AppAction::RetryIndex)}>{ t.retry }</button>
            </section>
        },
        (Screen::Start, IndexState::Ready(site)) => match class_view {
            Some(class) => class,
            None => app_start_screen(state, site, &on_start, page),
        },
        (Screen::Playing { number, kind, round }, IndexState::Ready(site)) => {
            // Asked at each render, that is at each message and tap: browsers
            // list their voices a moment after the page loads.
            let read_aloud = can_speak(lang).then_some(lang);
            let number = *number;
            let view = RoundView {
                lang,
                site: Rc::clone(site),
                kind: kind.clone(),
                round: Rc::clone(round),
                progress: Rc::clone(&state.progress),
                on_action: on_play.reform(move |action| (number, action)),
                on_start: on_start.clone(),
                on_home: go_home.clone(),
                read_aloud,
                security: state.config.security.clone(),
            };
            html! {
                <>
                { for class_view }
                { round_view(&view, number, &round_refs) }
                </>
            }
        }
    };

    html! {
        <div ~className={if state.large_text { "app large-text" } else { "app" }}>
            { top_bar(lang, state.large_text, switch_lang, Some(ask_home), &set_large_text) }
            <main class="content">
                { for notices }
                { body }
            </main>
            if state.confirm_leave {
                { leave_dialog(lang, stay_button, go_home, send(&dispatch, || AppAction::KeepPlaying)) }
            }
        </div>
    }
}
/// The app's own start screen: in a chunk of its own in the lean build
/// (`ui::split`), which `render` waits for when the app opens on it.
fn app_start_screen(state: &AppState, site: &SiteIndex, on_start: &Callback<RoundKind>, page: bool) -> Html {
    #[cfg(feature = "split")]
    return super::split::drawn(split_start_screen(state, site, on_start, page))
        .unwrap_or_else(|| loading_status(state.lang));
    #[cfg(not(feature = "split"))]
    start_screen(state, site, on_start, page)
}
