//! A campaign class link's I/O: the class's details at start-up, a round's
//! start, and its result, sent again after a pause while the server cannot
//! be reached (or is busy), so a learner on a flaky campus Wi-Fi still gets
//! their certificate. Every request goes to the app's `base`, which for a
//! `<scam-spot>` element may be another origin than the page.

use crate::state::campaign::learner::{delivery_of, submission_id, ClassState, Delivery};
use crate::state::{AppAction, AppState, Screen};
use crate::ui::reducer::AppStore;
use crate::web::campaign::{call, sleep};
use gloo::net::http::Method;
use scamspot_core::engine::plan::RoundKind;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Tries of one sending, and the first pause between them (doubled each time).
const TRIES: u32 = 5;
const FIRST_PAUSE_MS: i32 = 1_000;

#[hook]
pub fn use_campaign(state: &AppState, dispatch: UseReducerDispatcher<AppStore>) {
    let config = state.config.clone();
    let api = config.campaign.as_ref().map(|token| format!("{}api/classes/{token}", config.base));
    {
        let (api, dispatch) = (api.clone(), dispatch.clone());
        use_effect_with((), move |_| {
            let Some(api) = api else { return };
            spawn_local(async move {
                let answer = call(Method::GET, &api, None, None).await;
                let class = ClassState::from_response(answer.as_ref().map(|(status, body)| (*status, body.as_str())));
                dispatch.dispatch(AppAction::ClassLoaded(class));
            });
        });
    }
    // A campaign round's start, counted once per round whatever the retries.
    let starting = match (&state.screen, &state.round_record) {
        (Screen::Loading { number, kind: RoundKind::Campaign(_), .. }, Some(record)) => {
            Some((*number, submission_id(record)))
        }
        _ => None,
    };
    {
        let api = api.clone();
        use_effect_with(starting, move |starting| {
            let (Some(api), Some((_, id))) = (api, starting.clone()) else { return };
            spawn_local(async move {
                let body = format!("{{\"start_id\":\"{id}\"}}");
                for _ in 0..TRIES {
                    if matches!(call(Method::POST, &format!("{api}/start"), None, Some(body.clone())).await, Some((s, _)) if s < 500 && s != 429)
                    {
                        break;
                    }
                    sleep(FIRST_PAUSE_MS).await;
                }
            });
        });
    }
    let sending = state
        .submission
        .as_ref()
        .filter(|sent| sent.delivery == Delivery::Sending)
        .map(|sent| (sent.round, sent.attempt, sent.body.clone()));
    use_effect_with(sending, move |sending| {
        let (Some(api), Some((round, attempt, body))) = (api, sending.clone()) else { return };
        spawn_local(async move {
            let mut pause = FIRST_PAUSE_MS;
            for tried in 1..=TRIES {
                let answer = call(Method::POST, &format!("{api}/results"), None, Some((*body).clone())).await;
                let answer = answer.as_ref().map(|(status, text)| (*status, text.as_str()));
                if let Some(delivery) = delivery_of(answer, tried == TRIES) {
                    dispatch.dispatch(AppAction::Delivered { round, attempt, delivery });
                    return;
                }
                sleep(pause).await;
                pause *= 2;
            }
        });
    });
}
