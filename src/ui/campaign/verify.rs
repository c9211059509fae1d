//! The counsellor's verify page (`?verify` or `?verify=CODE`, the code
//! filled in): the code and, when the campaign asks for one, the student
//! number (typed here, never in a URL) → valid with details, or not valid.

use crate::state::campaign::day::date_of_day;
use crate::state::campaign::form::Answer;
use crate::state::campaign::verify::{verify_request, NumberCheck, Verdict};
use crate::web::campaign::call;
use scamspot_core::i18n::{fill, Lang};
use scamspot_core::room::texts::campaign::CampaignTexts;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct VerifyProps {
    pub lang: Lang,
    pub code: String,
}

fn input_value(input: &NodeRef) -> String {
    input.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}

fn verdict_view(t: &CampaignTexts, answer: &Answer<Verdict>) -> Html {
    let valid = match answer {
        Answer::Ok(Verdict::Valid(valid)) => valid,
        Answer::Ok(Verdict::NotValid) => {
            return html! { <p id="verdict" class="verdict not-valid" role="alert">{ t.not_valid }</p> }
        }
        Answer::TooMany => return html! { <p id="verdict" role="alert">{ t.too_many }</p> },
        Answer::Unreachable => return html! { <p id="verdict" role="alert">{ t.unreachable }</p> },
        Answer::Failed(status) => {
            return html! { <p id="verdict" role="alert">{ fill(t.server_error, &[("status", status)]) }</p> }
        }
        Answer::Forbidden | Answer::Refused { .. } => {
            return html! { <p id="verdict" class="verdict not-valid" role="alert">{ t.not_valid }</p> }
        }
    };
    let number = match valid.number {
        NumberCheck::Matches => t.number_matches,
        NumberCheck::Differs => t.number_differs,
        NumberCheck::NotRequired => t.number_not_required,
        NumberCheck::Missing => t.number_missing,
    };
    let detail = fill(
        t.valid_detail,
        &[
            ("campaign", &valid.campaign),
            ("class", &valid.class),
            ("date", &date_of_day(valid.day)),
            ("score", &valid.score),
        ],
    );
    let tally = fill(
        t.valid_tally,
        &[
            ("caught", &valid.scams_caught),
            ("scams", &valid.scams),
            ("trusted", &valid.genuine_trusted),
            ("genuine", &valid.genuine),
        ],
    );
    html! {
        <div id="verdict" class="verdict valid" role="status">
            <h2>{ t.valid_heading }</h2>
            <p>{ detail }</p>
            <p>{ tally }</p>
            <p>{ number }</p>
        </div>
    }
}

#[function_component]
pub fn VerifyPage(props: &VerifyProps) -> Html {
    let t = CampaignTexts::of(props.lang);
    let (code_input, number_input) = (use_node_ref(), use_node_ref());
    let verdict = use_state(|| None::<Answer<Verdict>>);
    let checking = use_state(|| false);
    let onsubmit = {
        let (code_input, number_input, verdict, checking) =
            (code_input.clone(), number_input.clone(), verdict.clone(), checking.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let body = verify_request(&input_value(&code_input), &input_value(&number_input));
            checking.set(true);
            let (verdict, checking) = (verdict.clone(), checking.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let answer = match call("/api/verify", None, Some(body)).await {
                    Some((status, body)) => Answer::read(status, &body, Verdict::from_json),
                    None => Answer::Unreachable,
                };
                checking.set(false);
                verdict.set(Some(answer));
            });
        })
    };
    html! {
        <section class="staff-form" aria-labelledby="verify-heading">
            <h1 id="verify-heading">{ t.verify_heading }</h1>
            <p>{ t.verify_intro }</p>
            <form {onsubmit} novalidate=true>
                <label for="certificate-code">{ t.code_label }</label>
                <input id="certificate-code" ref={code_input} type="text" autocomplete="off" spellcheck="false"
                    value={props.code.clone()} />
                <label for="student-number">{ t.number_label }</label>
                <input id="student-number" ref={number_input} type="text" autocomplete="off"
                    aria-describedby="student-number-hint" />
                <p id="student-number-hint" class="meta">{ t.number_hint }</p>
                <button id="verify" class="primary" type="submit" disabled={*checking}>
                    { if *checking { t.checking } else { t.verify } }
                </button>
            </form>
            { for verdict.as_ref().map(|answer| verdict_view(t, answer)) }
        </section>
    }
}
