//! "If you had gone on…" on the end card of a scam left early: a button that
//! opens, in place, the rest of the scam along its losing path (read-only:
//! the scammer's messages, the learner's lines, the savings after each
//! payment or payout, the losing end). Opening moves focus to the replay's
//! heading; closing returns it to the button, so a keyboard or screen-reader
//! user is never lost.

use super::bubble::{bubble, Message};
use crate::ui::widgets::text::{element, paragraph, text_element, text_node, text_with_id};
use scamspot_core::content::{Sender, ValidScenario};
use scamspot_core::engine::Replay;
use scamspot_core::i18n::{fill, yuan, Lang};
use yew::prelude::*;

/// Whether the replay is open, what opens and closes it, and where focus
/// goes when it does: kept by `use_replay_toggle`, run by the round's
/// effects (the panel is a function, not a component: a component type adds
/// Yew's lifecycle code to the wasm).
pub struct ReplayToggle {
    open: bool,
    flip: Callback<MouseEvent>,
    heading: NodeRef,
    button: NodeRef,
}

/// `scenario`: the round's number and the scenario on show, if one is; each
/// scenario's replay starts closed. Focus follows the panel: to its heading
/// on opening, back to the button on closing.
#[hook]
pub fn use_replay_toggle(scenario: Option<(u32, usize)>) -> ReplayToggle {
    // Which scenario's replay the learner last toggled, and whether that
    // opened it; `None` until the first toggle: focus is not moved on arrival.
    let toggled = use_state(|| None::<((u32, usize), bool)>);
    let (heading, button) = (use_node_ref(), use_node_ref());
    {
        let (heading, button) = (heading.clone(), button.clone());
        use_effect_with(*toggled, move |toggled| {
            let target = toggled.map(|(_, open)| if open { heading } else { button });
            if let Some(el) = target.and_then(|target| target.cast::<web_sys::HtmlElement>()) {
                let _ = el.focus();
            }
        });
    }
    let open = scenario.is_some() && *toggled == scenario.map(|scenario| (scenario, true));
    let flip = {
        let toggled = toggled.clone();
        Callback::from(move |_: MouseEvent| toggled.set(scenario.map(|scenario| (scenario, !open))))
    };
    ReplayToggle { open, flip, heading, button }
}

/// A line of the scenario's contact (or narrator), read-only.
fn said(message: &scamspot_core::content::Message, code: &str, avatar: &AttrValue) -> Html {
    let text = AttrValue::from(message.text.get(code).to_string());
    bubble(message.from, Message { text, avatar, note: None, body: None, read_aloud: None })
}

/// `avatar`: initials for the contact's avatar.
pub fn replay_panel(
    lang: Lang,
    scenario: &ValidScenario,
    replay: &Replay,
    avatar: &AttrValue,
    toggle: &ReplayToggle,
) -> Html {
    let (t, code) = (lang.texts(), lang.code());
    let flip = toggle.flip.clone();
    if !toggle.open {
        return html! {
            <button id="replay-open" class="secondary replay-open" ref={toggle.button.clone()} aria-expanded="false" onclick={flip}>
                { t.replay_open }
            </button>
        };
    }
    let visits = replay.visits.iter().enumerate().map(|(i, visit)| {
        let step = &scenario.steps[visit.step];
        // The first step is where the learner left: its messages were read already.
        let skip = if i == 0 { step.messages.len() } else { 0 };
        let messages = step.messages.iter().skip(skip).map(|m| said(m, code, avatar));
        let line = visit.choice.and_then(|c| step.choices.get(c)).map(|choice| {
            let text = AttrValue::from(choice.text.get(code).to_string());
            let note = choice.feedback.as_ref().map(|f| f.get(code));
            let class = if choice.money < 0 { "replay-balance down" } else { "replay-balance" };
            html! {
                <>
                    { bubble(Sender::Me, Message { text, avatar, note, body: None, read_aloud: None }) }
                    if choice.money != 0 {
                        { element("p", class, vec![text_node(t.savings), text_node(t.label_sep), text_node(&yuan(visit.balance))]) }
                    }
                </>
            }
        });
        html! { <>{ for messages }{ for line }</> }
    });
    let end = &scenario.steps[replay.end];
    let end_messages = end.messages.iter().map(|m| said(m, code, avatar));
    let summary = end.end.as_ref().map(|e| e.summary.get(code)).unwrap_or_default();
    let savings = fill(t.replay_savings, &[("start", &yuan(replay.balance_left)), ("end", &yuan(replay.balance_end))]);
    html! {
        <section id="replay" class="replay" aria-labelledby="replay-heading">
            <h3 id="replay-heading" tabindex="-1" ref={toggle.heading.clone()}>{ t.replay_heading }</h3>
            { text_element("p", "replay-intro", t.replay_intro) }
            { element("div", "transcript", visits.chain(end_messages).collect()) }
            <div class="end-card bad" data-outcome={replay.outcome.code()}>
                <h4><span aria-hidden="true">{ "✖ " }</span>{ t.outcome_heading(replay.outcome, replay.balance_end < replay.balance_left) }</h4>
                { paragraph(summary) }
                { text_with_id("p", "replay-savings", "", &savings) }
            </div>
            <button id="replay-close" class="secondary" aria-expanded="true" aria-controls="replay" onclick={flip}>
                { t.replay_close }
            </button>
        </section>
    }
}
