//! The organiser's new-campaign form (`?campaigns#key=HOSTKEY`). The host
//! key comes from the URL's fragment (asked for when missing); on success
//! the admin link shows once, with a link to the campaign's page.

use super::admin_link::admin_link;
use crate::state::campaign::form::{AdminLink, Answer, CampaignForm, FormProblem};
use crate::web::campaign::call;
use scamspot_core::content::SiteIndex;
use scamspot_core::i18n::{fill, Lang};
use scamspot_core::room::texts::campaign::CampaignTexts;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NewCampaignProps {
    pub lang: Lang,
    pub index: Option<Rc<SiteIndex>>,
}

/// Where the form is: typing, waiting for the server, or done.
#[derive(Clone, PartialEq)]
enum Sent {
    Typing(Option<String>),
    Creating,
    Created(AdminLink),
}

/// What went wrong, in the page's words.
fn problem_text(t: &CampaignTexts, answer: Answer<AdminLink>) -> String {
    match answer {
        Answer::Ok(_) => String::new(),
        Answer::Forbidden => t.wrong_key.into(),
        Answer::Refused { field, message } => fill(t.field_refused, &[("field", &field), ("message", &message)]),
        Answer::TooMany => t.too_many.into(),
        Answer::Failed(status) => fill(t.server_error, &[("status", &status)]),
        Answer::Unreachable => t.unreachable.into(),
    }
}

#[function_component]
pub fn NewCampaign(props: &NewCampaignProps) -> Html {
    let t = CampaignTexts::of(props.lang);
    let url_key = use_memo((), |_| crate::web::presenter::host_key_from_hash());
    let host_key = use_state(|| (*url_key).clone());
    let form = use_state(CampaignForm::default);
    let sent = use_state(|| Sent::Typing(None));
    if let Sent::Created(link) = &*sent {
        return admin_link(t, t.created_heading, link, true);
    }
    // One setter per field: `update` changes the form from the field's new text.
    let edit = |update: fn(&mut CampaignForm, String)| {
        let form = form.clone();
        Callback::from(move |event: InputEvent| {
            let target = event.target_unchecked_into::<HtmlInputElement>();
            let mut next = (*form).clone();
            update(&mut next, target.value());
            form.set(next);
        })
    };
    let on_classes = {
        let form = form.clone();
        Callback::from(move |event: InputEvent| {
            let mut next = (*form).clone();
            next.classes = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            form.set(next);
        })
    };
    let on_require = {
        let form = form.clone();
        Callback::from(move |_| {
            let mut next = (*form).clone();
            next.require_student_number = !next.require_student_number;
            form.set(next);
        })
    };
    let on_key = {
        let host_key = host_key.clone();
        Callback::from(move |event: InputEvent| host_key.set(event.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let onsubmit = {
        let (form, sent, host_key) = (form.clone(), sent.clone(), host_key.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let body = match form.request(&host_key) {
                Ok(body) => body,
                Err(FormProblem::Date) => return sent.set(Sent::Typing(Some(t.invalid_date.into()))),
                Err(FormProblem::Number(field)) => {
                    return sent.set(Sent::Typing(Some(fill(
                        t.field_refused,
                        &[("field", &field), ("message", &t.invalid_number)],
                    ))))
                }
            };
            sent.set(Sent::Creating);
            let sent = sent.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let answer = match call("/api/campaigns", None, Some(body)).await {
                    Some((status, body)) => Answer::read(status, &body, AdminLink::from_json),
                    None => Answer::Unreachable,
                };
                sent.set(match answer {
                    Answer::Ok(link) => Sent::Created(link),
                    other => Sent::Typing(Some(problem_text(t, other))),
                });
            });
        })
    };
    let types = props.index.as_ref().map(|index| {
        index.catalog.types.iter().map(|scam_type| {
            let (id, checked) = (scam_type.id.clone(), form.types.contains(&scam_type.id));
            let form = form.clone();
            let onchange = Callback::from(move |_| {
                let mut next = (*form).clone();
                next.toggle_type(&id);
                form.set(next);
            });
            html! {
                <li><label>
                    <input type="checkbox" {checked} data-type={scam_type.id.clone()} {onchange} />
                    { scam_type.name.get(props.lang.code()) }
                </label></li>
            }
        })
    });
    let (creating, problem) = match &*sent {
        Sent::Typing(problem) => (false, problem.clone()),
        _ => (true, None),
    };
    html! {
        <section class="staff-form" aria-labelledby="new-heading">
            <h1 id="new-heading">{ t.new_heading }</h1>
            <p>{ t.new_intro }</p>
            <form onsubmit={onsubmit} novalidate=true>
                if url_key.is_empty() {
                    <label for="host-key">{ t.host_key_label }</label>
                    <input id="host-key" type="password" autocomplete="off" value={(*host_key).clone()} oninput={on_key} />
                }
                <label for="campaign-name">{ t.name_label }</label>
                <input id="campaign-name" type="text" maxlength="60" value={form.name.clone()}
                    oninput={edit(|f, v| f.name = v)} />
                <label for="deadline">{ t.deadline_label }</label>
                <input id="deadline" type="date" value={form.deadline.clone()} aria-describedby="deadline-hint"
                    oninput={edit(|f, v| f.deadline = v)} />
                <p id="deadline-hint" class="meta">{ t.deadline_hint }</p>
                <div class="staff-numbers">
                    <label>{ t.pass_mark_label }
                        <input id="pass-mark" type="number" min="0" max="100" value={form.pass_mark.clone()}
                            oninput={edit(|f, v| f.pass_mark = v)} /></label>
                    <label>{ t.length_label }
                        <input id="round-length" type="number" min="3" max="12" value={form.length.clone()}
                            oninput={edit(|f, v| f.length = v)} /></label>
                    <label>{ t.min_genuine_label }
                        <input id="min-genuine" type="number" min="0" max="12" value={form.min_genuine.clone()}
                            oninput={edit(|f, v| f.min_genuine = v)} /></label>
                </div>
                <fieldset class="type-group">
                    <legend>{ t.types_legend }</legend>
                    <p class="meta">{ t.types_hint }</p>
                    <ul>{ for types.into_iter().flatten() }</ul>
                </fieldset>
                <label for="classes">{ t.classes_label }</label>
                <textarea id="classes" rows="5" aria-describedby="classes-hint" value={form.classes.clone()}
                    oninput={on_classes} />
                <p id="classes-hint" class="meta">{ t.classes_hint }</p>
                <label class="check">
                    <input id="require-number" type="checkbox" checked={form.require_student_number}
                        aria-describedby="require-hint" onchange={on_require} />
                    { t.require_number_label }
                </label>
                <p id="require-hint" class="meta">{ t.require_number_hint }</p>
                <p id="form-problem" class="field-error" role="alert">{ problem.unwrap_or_default() }</p>
                <button id="create-campaign" class="primary" type="submit" disabled={creating}>
                    { if creating { t.creating } else { t.create } }
                </button>
            </form>
        </section>
    }
}
