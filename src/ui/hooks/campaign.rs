//! A campaign class link's I/O: the class's details at start-up, a round's
//! start, and its result (both sent again while the server cannot be
//! reached, see `retrying`). Every request goes to the app's `base`, which
//! for a `<scam-spot>` element may be another origin than the page.

use crate::state::campaign::learner::{delivery_of, submission_id, ClassState, Delivery, SendProblem};
use crate::state::{AppAction, AppState, Screen};
use crate::ui::reducer::AppStore;
use crate::web::campaign::{call, retrying};
use crate::web::storage::{keep_unsent_result, unsent_result};
use scamspot_core::engine::plan::RoundKind;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

#[hook]
pub fn use_campaign(state: &AppState, dispatch: UseReducerDispatcher<AppStore>) {
    let config = &state.config;
    let api = config.campaign.as_ref().map(|token| format!("{}api/classes/{token}", config.base));
    {
        let (api, dispatch, token) = (api.clone(), dispatch.clone(), config.campaign.clone());
        use_effect_with((), move |_| {
            let (Some(api), Some(token)) = (api, token) else { return };
            if let Some(body) = unsent_result(&token) {
                dispatch.dispatch(AppAction::UnsentFound(Rc::new(body)));
            }
            spawn_local(async move {
                let answer = call(&api, None, None).await;
                let class = ClassState::from_response(answer.as_ref().map(|(status, body)| (*status, body.as_str())));
                dispatch.dispatch(AppAction::ClassLoaded(class));
            });
        });
    }
    // A campaign round's start, counted once per round whatever the retries.
    let starting = match (&state.screen, &state.round_record) {
        (Screen::Loading { kind: RoundKind::Campaign(_), .. }, Some(record)) => Some(submission_id(record)),
        _ => None,
    };
    {
        let api = api.clone();
        use_effect_with(starting, move |starting| {
            let (Some(api), Some(id)) = (api, starting.clone()) else { return };
            spawn_local(async move {
                retrying(&format!("{api}/start"), &format!("{{\"start_id\":\"{id}\"}}")).await;
            });
        });
    }
    // A result is kept until the server has taken it or refused it for good,
    // so a page closed on the way sends it on the next visit.
    let kept = state.submission.as_ref().map(|sent| match &sent.delivery {
        Delivery::Sending | Delivery::Failed(SendProblem::Unreachable(_)) => Some(sent.body.clone()),
        Delivery::Saved(_) | Delivery::Failed(_) => None,
    });
    {
        let token = config.campaign.clone();
        use_effect_with(kept, move |kept| {
            if let (Some(token), Some(kept)) = (token, kept) {
                keep_unsent_result(&token, kept.as_deref().map(String::as_str));
            }
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
            let answer = retrying(&format!("{api}/results"), &body).await;
            let delivery = delivery_of(answer.as_ref().map(|(status, text)| (*status, text.as_str())));
            dispatch.dispatch(AppAction::Delivered { round, attempt, delivery });
        });
    });
}
