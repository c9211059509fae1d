//! A step on the projector: the scenario's title and contact, the
//! channel's skin and the step's messages as the solo app shows them (same
//! widgets), then what the lecturer does here (`action`). After a spot
//! step's reveal the messages show the class's heat map instead.

use super::heat::heat_map;
use crate::state::lecture::presenter::PresenterState;
use crate::ui::screens::scenario::screen_class;
use crate::ui::widgets::bubble::{bubble, Message};
use crate::ui::widgets::channel_skin::channel_skin;
use crate::ui::widgets::phone_prompt::phone_prompt;
use scamspot_core::content::{StepKind, ValidScenario};
use scamspot_core::i18n::{fill, initials};
use scamspot_core::room::texts::presenter::PresenterTexts;
use scamspot_core::room::{Phase, PresenterView};
use yew::prelude::*;

pub fn step(state: &PresenterState, view: &PresenterView, scenario: &ValidScenario, action: Html) -> Html {
    let Some(at) = view.at else { return html! {} };
    let (lang, t) = (state.content_lang(), PresenterTexts::of(state.lang));
    let code = lang.code();
    let step = &scenario.steps[at.step];
    let name = scenario.contact.name.get(code);
    let avatar = AttrValue::from(initials(name));
    let count = state.room.as_ref().map_or(0, |room| room.scenarios.len());
    let position = fill(t.scenario_of, &[("index", &(at.scenario + 1)), ("count", &count)]);
    let heat = matches!(scenario.kind(at.step), Some(StepKind::Spot(_))) && view.phase == Phase::Revealed;
    let messages = step.messages.iter().enumerate().map(|(mi, message)| {
        let body = heat.then(|| heat_map(state, view, message, mi)).flatten();
        let text = AttrValue::from(message.text.get(code).to_string());
        match message.card {
            Some(card) => phone_prompt(lang, card, text, body, None),
            None => bubble(message.from, Message { text, avatar: &avatar, note: None, body, read_aloud: None }),
        }
    });
    html! {
        <section class={classes!(screen_class(scenario.channel), "presenter-step")} data-scenario={scenario.id.clone()}
            data-step={step.id.clone()} data-phase={phase_name(view.phase)} lang={code}>
            <div class="presenter-step-head">
                <h1 class="presenter-title">{ scenario.title.get(code) }</h1>
                <p class="position">{ position }</p>
            </div>
            <p class="presenter-contact">
                <span class="avatar" aria-hidden="true">{ &avatar }</span>
                <span>{ name }</span>
                if let Some(detail) = &scenario.contact.detail {
                    <span class="contact-detail">{ detail.get(code) }</span>
                }
            </p>
            { channel_skin(lang, scenario.channel, &scenario.contact) }
            <div class="presenter-columns">
                <div class="transcript">{ for messages }</div>
                <div class="presenter-action" lang={state.lang.code()}>{ action }</div>
            </div>
        </section>
    }
}

/// For the browser test and the stylesheet: which phase the step is in.
fn phase_name(phase: Phase) -> &'static str {
    match phase {
        Phase::Lobby => "lobby",
        Phase::Shown => "shown",
        Phase::Voting => "voting",
        Phase::Revealed => "revealed",
        Phase::Ended => "ended",
    }
}
