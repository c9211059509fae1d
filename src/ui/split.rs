//! The lean build's wasm chunks (the `split` feature): a round's screens
//! around its scenarios (the ratings, the debriefs, the results), the
//! notices and the app's own start screen are not needed before the first
//! scenario message, so they download after it
//! (README, "Seventh round" and "Eighth round"). `scripts/build-lecture.sh`
//! splits them off.
//! Without the feature, the same functions are plain calls.

use crate::state::{AppAction, AppState, IndexState, Screen};
use crate::ui::reducer::AppStore;
use crate::web::paint::after_next_paint;
use scamspot_core::engine::Phase;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};
use wasm_split_helpers::SplitLoaderError;
use yew::prelude::*;

/// The view a split function draws, if its chunk is in (it is then ready
/// at the first poll); `None` while the chunk is still on its way.
pub fn drawn(view: impl Future<Output = Result<Html, SplitLoaderError>>) -> Option<Html> {
    match pin!(view).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(html) => html.ok(),
        Poll::Pending => None,
    }
}

/// Downloads the chunks once a screen the learner reads has painted (the
/// first scenario's first message, not before it: nothing competes with
/// that), then draws again, for a screen that showed the loading status
/// meanwhile. A chunk that fails to arrive (the network gone) is asked for
/// again every few seconds: the screen that needs it says it is loading.
#[hook]
pub fn use_chunks(state: &AppState, dispatch: UseReducerDispatcher<AppStore>) {
    let asked = use_mut_ref(|| false);
    use_effect_with(reading(state), move |&reading| {
        if reading && !asked.replace(true) {
            after_next_paint(Box::new(move || {
                wasm_bindgen_futures::spawn_local(async move {
                    while !preload().await {
                        pause(RETRY_MS).await;
                    }
                    dispatch.dispatch(AppAction::CodeLoaded);
                })
            }));
        }
    });
}

/// Whether the app shows something to read: not its loading status, nor a
/// scenario whose first message has yet to come. (An index that failed to
/// load is read: its details are in a chunk.)
fn reading(state: &AppState) -> bool {
    if matches!(state.index, IndexState::Failed(_)) {
        return true;
    }
    match &state.screen {
        Screen::Loading { .. } => false,
        Screen::Start => true,
        Screen::Playing { round, .. } => match round.phase() {
            Phase::Waiting => false,
            Phase::Playing => round.shown_messages(0) > 0,
            _ => true,
        },
    }
}

/// How long to wait before asking again for a chunk that did not come.
const RETRY_MS: i32 = 3_000;

/// Every chunk, in the order a learner needs them; whether all are in.
async fn preload() -> bool {
    super::screens::round::preload_around_scenario().await.is_ok()
        && super::notices::preload_notices().await.is_ok()
        && super::screens::start::preload_start().await.is_ok()
}

async fn pause(ms: i32) {
    let paused = js_sys::Promise::new(&mut |resume, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resume, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(paused).await;
}
