//! "If you had gone on…" on the end card of a scam left early: a button that
//! opens, in place, the rest of the scam along its losing path (read-only:
//! the scammer's messages, the learner's lines, the savings after each
//! payment or payout, the losing end). Opening moves focus to the replay's
//! heading; closing returns it to the button, so a keyboard or screen-reader
//! user is never lost.

use super::bubble::{bubble, Message};
use crate::ui::widgets::text::{element, paragraph, text_element, text_node};
use scamspot_core::content::{Sender, ValidScenario};
use scamspot_core::engine::Replay;
use scamspot_core::i18n::{fill, yuan, Lang};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct ReplayPanelProps {
    pub lang: Lang,
    pub scenario: Rc<ValidScenario>,
    pub replay: Rc<Replay>,
    /// Initials for the contact's avatar.
    pub avatar: AttrValue,
}

/// The scenario and its replay compare by pointer: a changed one always comes
/// in a new `Rc`, and comparing contents would bring every content type's
/// `PartialEq` into the wasm.
impl PartialEq for ReplayPanelProps {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && Rc::ptr_eq(&self.scenario, &other.scenario)
            && Rc::ptr_eq(&self.replay, &other.replay)
            && self.avatar == other.avatar
    }
}

/// A line of the scenario's contact (or narrator), read-only.
fn said(message: &scamspot_core::content::Message, code: &str, avatar: &AttrValue) -> Html {
    let text = AttrValue::from(message.text.get(code).to_string());
    bubble(message.from, Message { text, avatar, note: None, body: None, read_aloud: None })
}

#[function_component]
pub fn ReplayPanel(props: &ReplayPanelProps) -> Html {
    let (t, code) = (props.lang.texts(), props.lang.code());
    // `None` until the learner first toggles it: focus is not moved on arrival.
    let open = use_state(|| None::<bool>);
    let heading = use_node_ref();
    let toggle = use_node_ref();
    {
        // Focus follows the panel: to its heading on opening, back to the button on closing.
        let (heading, toggle) = (heading.clone(), toggle.clone());
        use_effect_with(*open, move |&open| {
            let target = open.map(|open| if open { heading } else { toggle });
            if let Some(el) = target.and_then(|target| target.cast::<web_sys::HtmlElement>()) {
                let _ = el.focus();
            }
        });
    }
    let flip = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(Some(*open != Some(true))))
    };
    if *open != Some(true) {
        return html! {
            <button id="replay-open" class="secondary replay-open" ref={toggle} aria-expanded="false" onclick={flip}>
                { t.replay_open }
            </button>
        };
    }
    let (scenario, replay) = (&props.scenario, &props.replay);
    let visits = replay.visits.iter().enumerate().map(|(i, visit)| {
        let step = &scenario.steps[visit.step];
        // The first step is where the learner left: its messages were read already.
        let skip = if i == 0 { step.messages.len() } else { 0 };
        let messages = step.messages.iter().skip(skip).map(|m| said(m, code, &props.avatar));
        let line = visit.choice.and_then(|c| step.choices.get(c)).map(|choice| {
            let text = AttrValue::from(choice.text.get(code).to_string());
            let note = choice.feedback.as_ref().map(|f| f.get(code));
            let class = if choice.money < 0 { "replay-balance down" } else { "replay-balance" };
            html! {
                <>
                    { bubble(Sender::Me, Message { text, avatar: &props.avatar, note, body: None, read_aloud: None }) }
                    if choice.money != 0 {
                        { element("p", class, vec![text_node(t.savings), text_node(t.label_sep), text_node(&yuan(visit.balance))]) }
                    }
                </>
            }
        });
        html! { <>{ for messages }{ for line }</> }
    });
    let end = &scenario.steps[replay.end];
    let end_messages = end.messages.iter().map(|m| said(m, code, &props.avatar));
    let summary = end.end.as_ref().map(|e| e.summary.get(code)).unwrap_or_default();
    let savings = fill(t.replay_savings, &[("start", &yuan(replay.balance_left)), ("end", &yuan(replay.balance_end))]);
    html! {
        <section id="replay" class="replay" aria-labelledby="replay-heading">
            <h3 id="replay-heading" tabindex="-1" ref={heading}>{ t.replay_heading }</h3>
            { text_element("p", "replay-intro", t.replay_intro) }
            { element("div", "transcript", visits.chain(end_messages).collect()) }
            <div class="end-card bad" data-outcome={replay.outcome.code()}>
                <h4><span aria-hidden="true">{ "✖ " }</span>{ t.outcome_heading(replay.outcome, replay.balance_end < replay.balance_left) }</h4>
                { paragraph(summary) }
                <p id="replay-savings">{ savings }</p>
            </div>
            <button id="replay-close" class="secondary" aria-expanded="true" aria-controls="replay" onclick={flip}>
                { t.replay_close }
            </button>
        </section>
    }
}
