//! A campaign class link's screens: the start (campaign, class, pass mark,
//! deadline), and after the round, where its result is ("sending…",
//! "saved ✓", or what went wrong) with the certificate card when it passed
//! or the score against the pass mark when not.

use crate::state::campaign::day::date_of_day;
use crate::state::campaign::learner::{certificate_svg, student_number, ClassState, Delivery, Outcome, SendProblem};
use crate::state::{AppState, Screen};
use crate::web::campaign::call;
use scamspot_core::engine::plan::RoundKind;
use scamspot_core::i18n::{fill, Lang};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What a class link shows of its own: on the start screen, the class's
/// start below the last round's result; while round `number` plays, its
/// result once it is over. `None` outside a class link.
pub fn class_view(
    state: &AppState,
    on_send_again: Callback<MouseEvent>,
    on_start: &Callback<RoundKind>,
) -> Option<Html> {
    let token = state.config.campaign.as_ref()?;
    let result = state.submission.as_ref().map(|sent| {
        let kind = RoundKind::Campaign(token.clone());
        let again = on_start.reform(move |_| kind.clone());
        (sent.round, campaign_result(state, &sent.delivery, on_send_again, again))
    });
    match &state.screen {
        Screen::Start => {
            Some(html! { <>{ for result.map(|(_, panel)| panel) }{ campaign_start(state, token, on_start) }</> })
        }
        Screen::Playing { number, .. } => result.filter(|(round, _)| round == number).map(|(_, panel)| panel),
        Screen::Loading { .. } => None,
    }
}

/// The start screen of a class link; `token` is the class's.
fn campaign_start(state: &AppState, token: &str, on_start: &Callback<RoundKind>) -> Html {
    let t = state.lang.class_link_texts();
    let class = match &state.class {
        Some(ClassState::Ready(class)) => class,
        other => {
            let text = match other {
                Some(ClassState::Unknown) => t.campaign_unknown,
                Some(ClassState::Unreachable) => t.campaign_unreachable,
                _ => t.campaign_loading,
            };
            return html! { <p class="screen" role="status">{ text }</p> };
        }
    };
    let date = date_of_day(class.deadline_day);
    let kind = RoundKind::Campaign(token.to_string());
    html! {
        <section class="screen start campaign-start">
            <h1>{ &class.campaign }</h1>
            <p class="campaign-class">{ &class.class }</p>
            <p>{ fill(t.campaign_rules, &[("count", &class.round.length), ("mark", &class.pass_mark), ("date", &date)]) }</p>
            if class.open {
                <button id="start" class="primary" onclick={on_start.reform(move |_| kind.clone())}>{ t.campaign_start }</button>
            } else {
                <p role="alert">{ fill(t.campaign_closed, &[("date", &date)]) }</p>
            }
        </section>
    }
}

/// Where the finished round's result is, and then the certificate or the
/// score against the pass mark. One status line for every state, so a
/// screen reader hears each change.
fn campaign_result(
    state: &AppState,
    delivery: &Delivery,
    on_send_again: Callback<MouseEvent>,
    on_try_again: Callback<MouseEvent>,
) -> Html {
    let t = state.lang.class_link_texts();
    let (status, problem) = match delivery {
        Delivery::Sending => (t.result_sending, None),
        Delivery::Saved(_) => (t.result_saved, None),
        Delivery::Failed(SendProblem::Closed) => (t.result_closed, Some(false)),
        Delivery::Failed(SendProblem::NotAccepted) => (t.result_not_accepted, Some(false)),
        // Only this one may go better by sending again.
        Delivery::Failed(SendProblem::Unreachable(_)) => (t.result_unreachable, Some(true)),
    };
    let outcome = match delivery {
        Delivery::Saved(outcome) => Some(outcome),
        _ => None,
    };
    let certificate = outcome.and_then(|o| o.certificate.as_ref().map(|(code, day)| (o, code, day)));
    html! {
        <div class="campaign-result">
            <p id="campaign-delivery" class={if problem.is_some() { "delivery refused" } else { "delivery" }} role="status">{ status }</p>
            if problem == Some(true) {
                <button class="primary" onclick={on_send_again}>{ t.send_again }</button>
            }
            if let Some((outcome, code, day)) = certificate {
                <Certificate lang={state.lang} outcome={Rc::clone(outcome)} code={code.clone()} day={*day}
                    class={state.class.clone()} base={Rc::<str>::from(state.config.base.as_str())} />
            } else if let Some(outcome) = outcome {
                <p id="campaign-failed">{ fill(t.campaign_failed, &[("score", &outcome.score), ("mark", &outcome.pass_mark)]) }</p>
                <button id="campaign-again" class="primary" onclick={on_try_again}>{ state.lang.texts().play_again }</button>
            }
        </div>
    }
}

/// The certificate's props, compared by pointer: they are made afresh only
/// when the result changes (a deep comparison would cost the wasm more).
#[derive(Properties)]
struct CertificateProps {
    lang: Lang,
    outcome: Rc<Outcome>,
    code: String,
    day: u32,
    class: Option<ClassState>,
    base: Rc<str>,
}

impl PartialEq for CertificateProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.outcome, &other.outcome) && self.lang == other.lang
    }
}

/// Where the student number stands.
#[derive(Clone, Copy, PartialEq)]
enum NumberState {
    Typing,
    Invalid,
    Saved,
    Failed,
}

#[function_component]
fn Certificate(props: &CertificateProps) -> Html {
    let t = props.lang.class_link_texts();
    let number = use_state(|| NumberState::Typing);
    let input = use_node_ref();
    let (campaign, class, needs_number) = match &props.class {
        Some(ClassState::Ready(class)) => (class.campaign.as_str(), class.class.as_str(), class.require_student_number),
        _ => ("", "", false),
    };
    let o = &props.outcome;
    let lines = vec![
        format!("{campaign} · {class}"),
        fill(t.certificate_passed, &[("date", &date_of_day(props.day)), ("score", &o.score)]),
        fill(
            t.certificate_tally,
            &[
                ("caught", &o.scams_caught),
                ("scams", &o.scams),
                ("trusted", &o.genuine_trusted),
                ("genuine", &o.genuine),
            ],
        ),
        t.certificate_code.to_string(),
    ];
    let on_save = {
        let (lines, code) = (lines.clone(), props.code.clone());
        Callback::from(move |_| {
            let svg = certificate_svg(t.certificate_heading, &lines, &code);
            crate::web::browser::download_text(&format!("scamspot-{code}.svg"), "image/svg+xml", &svg);
        })
    };
    let on_number = {
        let (number, input, url) =
            (number.clone(), input.clone(), format!("{}api/certificates/{}/student", props.base, props.code));
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let typed = input.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let Some(typed) = student_number(&typed) else { return number.set(NumberState::Invalid) };
            let (number, url) = (number.clone(), url.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let body = format!("{{\"student_number\":\"{typed}\"}}");
                let answer = call(&url, None, Some(body)).await;
                number.set(if matches!(answer, Some((204, _))) { NumberState::Saved } else { NumberState::Failed });
            });
        })
    };
    let number_note = match *number {
        NumberState::Typing => t.student_number_hint,
        NumberState::Invalid => t.student_number_invalid,
        NumberState::Saved => t.student_number_saved,
        NumberState::Failed => t.student_number_failed,
    };
    html! {
        <article id="certificate" class="certificate" aria-labelledby="certificate-heading">
            <h2 id="certificate-heading">{ t.certificate_heading }</h2>
            { for lines.iter().map(|line| html! { <p>{ line }</p> }) }
            <p id="certificate-code" class="certificate-code">{ &props.code }</p>
            <img class="certificate-qr" src={format!("{}api/certificates/{}/qr.svg", props.base, props.code)}
                alt={t.verify_qr_alt} width="120" height="120" />
            if needs_number {
                <form class="join-form" onsubmit={on_number}>
                    <label for="student-number">{ t.student_number_label }</label>
                    <input id="student-number" ref={input} type="text" autocomplete="off" disabled={*number == NumberState::Saved}
                        aria-describedby="student-number-note" />
                    <p id="student-number-note" role="status">{ number_note }</p>
                    if *number != NumberState::Saved {
                        <button class="secondary" type="submit">{ t.student_number_save }</button>
                    }
                </form>
            }
            <button id="save-certificate" class="secondary" onclick={on_save}>{ t.save_image }</button>
        </article>
    }
}
