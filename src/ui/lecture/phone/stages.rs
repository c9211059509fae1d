//! What the phone shows at each phase of the room: the lobby (with the
//! confidence rating before), "look at the screen", voting, the answer
//! given once revealed, the end (with the rating after), and a closed room.

use super::client_id;
use super::room_scenario::ScenarioLoad;
use super::vote::{delivery_line, voting};
use crate::state::lecture::phone::{Connection, PhoneAction, PhoneState};
use crate::ui::widgets::confidence_scale::confidence_scale;
use scamspot_core::content::StepKind;
use scamspot_core::i18n::Lang;
use scamspot_core::room::texts::phone::PhoneTexts;
use scamspot_core::room::{Moment, Phase, Pick, PlayerView};
use yew::prelude::*;

pub fn stage(lang: Lang, state: &PhoneState, scenario: &ScenarioLoad, dispatch: &Callback<PhoneAction>) -> Html {
    let t = PhoneTexts::of(lang);
    if state.connection == Connection::Closed {
        return section("closed", t.closed_heading, html! { <>{ para(t.closed_text) }{ play_link(t, state) }</> });
    }
    let Some(view) = &state.view else {
        return html! { <p class="loading">{ t.joining }</p> };
    };
    match view.phase {
        Phase::Lobby => section("lobby", t.lobby_heading, rating(lang, state, Moment::Before, t.lobby_text, dispatch)),
        Phase::Shown => section("shown", t.look_at_screen, scenario_title(t, view, scenario)),
        Phase::Voting => match scenario {
            ScenarioLoad::Ready(scenario) => voting(lang, state, view, scenario, dispatch),
            _ => section("voting", t.look_at_screen, scenario_title(t, view, scenario)),
        },
        Phase::Revealed => section("revealed", t.look_at_screen, your_answer(t, state, view, scenario)),
        Phase::Ended => section(
            "ended",
            t.ended_heading,
            html! { <>{ rating(lang, state, Moment::After, t.ended_text, dispatch) }{ play_link(t, state) }</> },
        ),
    }
}

/// One stage: `phase` names it for styles and tests.
pub fn section(phase: &'static str, heading: &str, body: Html) -> Html {
    html! {
        <section class="screen room-stage" data-phase={phase} key={phase}>
            <h1 class="screen-heading">{ heading }</h1>
            { body }
        </section>
    }
}

fn para(text: &str) -> Html {
    html! { <p>{ text }</p> }
}

fn scenario_title(t: &PhoneTexts, view: &PlayerView, scenario: &ScenarioLoad) -> Html {
    match scenario {
        ScenarioLoad::Ready(scenario) => {
            html! { <p class="room-scenario-title">{ scenario.title.get(&view.lang) }</p> }
        }
        ScenarioLoad::Loading => html! { <p class="meta">{ t.loading_scenario }</p> },
        ScenarioLoad::Failed => html! { <p class="meta">{ t.scenario_failed }</p> },
        ScenarioLoad::NoScenario => html! {},
    }
}

/// The confidence scale for `moment`, the question as its label, and whether the server has it.
fn rating(lang: Lang, state: &PhoneState, moment: Moment, question: &str, dispatch: &Callback<PhoneAction>) -> Html {
    let t = PhoneTexts::of(lang);
    let mine = state.my_rating(moment);
    let on_rate = dispatch.reform(move |level| PhoneAction::Rate { moment, level, client_id: client_id() });
    html! {
        <div class="room-rating" role="group" aria-labelledby="rating-question">
            <p id="rating-question" class="prompt">{ question }</p>
            { confidence_scale(lang, &on_rate, mine.map(|(level, _)| level)) }
            { delivery_line(t, state, mine.map(|(_, delivery)| delivery)) }
        </div>
    }
}

/// "Your answer: …" after the reveal, in the room's language for the choice's words.
fn your_answer(t: &PhoneTexts, state: &PhoneState, view: &PlayerView, scenario: &ScenarioLoad) -> Html {
    let choice_text = |choice: usize| match (scenario, view.at) {
        (ScenarioLoad::Ready(scenario), Some(at)) => match scenario.kind(at.step) {
            Some(StepKind::Choices(choices)) => choices.get(choice).map(|c| c.text.get(&view.lang).to_string()),
            _ => None,
        },
        _ => None,
    };
    let answer = match state.my_answer() {
        Some((Pick::Choice(choice), _)) => choice_text(*choice).map(|text| format!("{}{text}", t.your_answer)),
        Some((Pick::Taps(taps), _)) => Some((t.flagged_phrases)(taps.len())),
        None => None,
    };
    html! {
        <>
            <p id="your-answer" class="room-answer">{ answer.as_deref().unwrap_or(t.no_answer) }</p>
            { delivery_line(t, state, None) }
        </>
    }
}

/// Back to the solo app, at the room's last scenario when there was one.
fn play_link(t: &PhoneTexts, state: &PhoneState) -> Html {
    let href = match &state.last_scenario {
        Some(id) => format!("?scenario={id}"),
        None => "./".to_string(),
    };
    html! { <a id="play-yourself" class="button primary" {href}>{ t.play_yourself }</a> }
}
