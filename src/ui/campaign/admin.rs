//! A campaign's own page (`?campaign-admin=ID#key=SECRET`): the key moves
//! from the URL into this tab's sessionStorage; then the class links and the
//! dashboard load. CSV download, and rotating the key (two presses).

use super::admin_link::admin_link;
use super::class_card::class_card;
use super::dashboard::dashboard;
use crate::state::campaign::admin::CampaignInfo;
use crate::state::campaign::day::date_of_day;
use crate::state::campaign::form::{AdminLink, Answer};
use crate::web::campaign::{call, keep_admin_key, take_admin_key};
use scamspot_core::campaign::Dashboard;
use scamspot_core::content::SiteIndex;
use scamspot_core::i18n::{fill, Lang};
use scamspot_core::json::Json;
use scamspot_core::room::texts::campaign::CampaignTexts;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CampaignAdminProps {
    pub lang: Lang,
    pub id: String,
    pub index: Option<Rc<SiteIndex>>,
}

/// A GET (or with a `body`, a POST) to the campaign's API with the admin key, read by `ok`.
async fn admin_call<T>(
    path: String,
    key: &str,
    body: Option<String>,
    ok: impl FnOnce(&Json) -> Option<T>,
) -> Answer<T> {
    match call(&path, Some(key), body).await {
        Some((status, body)) => Answer::read(status, &body, ok),
        None => Answer::Unreachable,
    }
}

fn problem(t: &CampaignTexts, answer: &Answer<impl Sized>) -> Option<String> {
    match answer {
        Answer::Ok(_) => None,
        Answer::Forbidden => Some(t.wrong_secret.into()),
        Answer::Refused { message, .. } => Some(message.clone()),
        Answer::TooMany => Some(t.too_many.into()),
        Answer::Failed(status) => Some(fill(t.server_error, &[("status", status)])),
        Answer::Unreachable => Some(t.unreachable.into()),
    }
}

#[function_component]
pub fn CampaignAdmin(props: &CampaignAdminProps) -> Html {
    let t = CampaignTexts::of(props.lang);
    let id = props.id.clone();
    let key = use_state(|| take_admin_key(&id));
    let info = use_state(|| None::<Answer<CampaignInfo>>);
    let figures = use_state(|| None::<Answer<Dashboard>>);
    let rotated = use_state(|| None::<Answer<AdminLink>>);
    let confirm_rotate = use_state(|| false);
    let reload = use_state(|| 0u32);
    {
        let (info, figures, id) = (info.clone(), figures.clone(), id.clone());
        use_effect_with(((*key).clone(), *reload), move |(key, _)| {
            let key = key.clone();
            if !key.is_empty() {
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = admin_call(format!("/api/campaigns/{id}"), &key, None, CampaignInfo::from_json);
                    info.set(Some(loaded.await));
                    let path = format!("/api/campaigns/{id}/dashboard");
                    figures.set(Some(admin_call(path, &key, None, Dashboard::read).await));
                });
            }
        });
    }
    let typed = use_node_ref();
    let on_key = {
        let (key, typed, id) = (key.clone(), typed.clone(), id.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let value = typed.cast::<HtmlInputElement>().map(|i| i.value().trim().to_string()).unwrap_or_default();
            keep_admin_key(&id, &value);
            key.set(value);
        })
    };
    let on_csv = {
        let (key, id) = ((*key).clone(), id.clone());
        Callback::from(move |_| {
            let (key, id) = (key.clone(), id.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let path = format!("/api/campaigns/{id}/dashboard.csv");
                if let Some((200, csv)) = call(&path, Some(&key), None).await {
                    crate::web::presenter::download_csv(&format!("scamspot-campaign-{id}.csv"), &csv);
                }
            });
        })
    };
    let on_rotate = {
        let (key, id, rotated, confirm) = (key.clone(), id.clone(), rotated.clone(), confirm_rotate.clone());
        Callback::from(move |_| {
            if !*confirm {
                return confirm.set(true);
            }
            confirm.set(false);
            let (key, id, rotated) = (key.clone(), id.clone(), rotated.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let path = format!("/api/campaigns/{id}/rotate");
                let answer = admin_call(path, &key, Some("{}".into()), AdminLink::from_json).await;
                if let Answer::Ok(link) = &answer {
                    keep_admin_key(&id, &link.secret);
                    key.set(link.secret.clone());
                }
                rotated.set(Some(answer));
            });
        })
    };
    let ask_key = key.is_empty() || matches!(*info, Some(Answer::Forbidden));
    if ask_key {
        let wrong = (!key.is_empty()).then_some(t.wrong_secret);
        return html! {
            <form class="staff-form" onsubmit={on_key}>
                <h1>{ t.dashboard_heading }</h1>
                <label for="admin-key">{ t.admin_key_label }</label>
                <input id="admin-key" ref={typed} type="password" autocomplete="off" aria-describedby="admin-key-hint" />
                <p id="admin-key-hint" class="meta">{ t.admin_key_hint }</p>
                <p class="field-error" role="alert">{ wrong.unwrap_or_default() }</p>
                <button class="primary" type="submit">{ t.open }</button>
            </form>
        };
    }
    let Some(Answer::Ok(campaign)) = &*info else {
        let text = info.as_ref().and_then(|answer| problem(t, answer));
        return html! { <p class="presenter-wait" role="status">{ text.unwrap_or_else(|| t.loading.into()) }</p> };
    };
    let figures_view = match &*figures {
        Some(Answer::Ok(figures)) => dashboard(props.lang, figures, props.index.as_deref()),
        Some(other) => html! { <p role="alert">{ problem(t, other) }</p> },
        None => html! { <p role="status">{ t.loading }</p> },
    };
    let rotated_view = match &*rotated {
        Some(Answer::Ok(link)) => admin_link(t, t.rotated_heading, link, false),
        Some(other) => html! { <p role="alert">{ problem(t, other) }</p> },
        None => html! {},
    };
    let on_refresh = {
        let reload = reload.clone();
        Callback::from(move |_| reload.set(*reload + 1))
    };
    html! {
        <>
            <h1 id="campaign-name">{ &campaign.name }</h1>
            <p class="meta">{ fill(t.campaign_meta, &[("date", &date_of_day(campaign.deadline_day)), ("mark", &campaign.pass_mark)]) }</p>
            { rotated_view }
            { figures_view }
            <p class="staff-actions">
                <button id="refresh" type="button" class="secondary" onclick={on_refresh}>{ t.refresh }</button>
                <button id="download-csv" type="button" class="secondary" onclick={on_csv}>{ t.download_csv }</button>
                <button id="rotate-key" type="button" class="secondary" onclick={on_rotate}>{ t.rotate }</button>
            </p>
            if *confirm_rotate {
                <p role="alert">{ t.rotate_confirm }</p>
            }
            <section aria-labelledby="classes-heading">
                <h2 id="classes-heading">{ t.classes_heading }</h2>
                { for campaign.classes.iter().enumerate().map(|(at, class)| class_card(t, at, class)) }
            </section>
        </>
    }
}
