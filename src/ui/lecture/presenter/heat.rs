//! A spot step on the projector: the prompt, voting and its count, then a
//! heat map of the phrases the class tapped (shaded by how many, and the
//! number in words), and on request the real red flags.

use crate::state::lecture::presenter::{heat_level, PresenterAction, PresenterState};
use scamspot_core::content::{Message, Spot, ValidScenario};
use scamspot_core::engine::round::can_be_tapped;
use scamspot_core::engine::segments::segments;
use scamspot_core::i18n::fill;
use scamspot_core::room::texts::presenter::PresenterTexts;
use scamspot_core::room::{Command, Phase, Phrase, PresenterView};
use yew::prelude::*;

/// Message `index`'s phrases shaded by taps, in the room's language (the
/// phones' phrase numbers count in it); `None` for a message nobody could tap.
pub fn heat_map(state: &PresenterState, view: &PresenterView, message: &Message, index: usize) -> Option<Html> {
    if !can_be_tapped(message) {
        return None;
    }
    let t = PresenterTexts::of(state.lang);
    let heat = view.heat.as_deref().unwrap_or_default();
    let phrases = segments(message, state.content_lang().code()).into_iter().enumerate().map(|(phrase, segment)| {
        let at = Phrase { message: index, phrase };
        let taps = heat.iter().find(|(p, _)| *p == at).map_or(0, |(_, n)| *n);
        let flag = state.flags_shown && segment.flag.is_some();
        let class =
            classes!("heat-phrase", format!("heat-{}", heat_level(taps, view.answered)), flag.then_some("is-flag"));
        html! {
            <span {class}>
                { segment.text }
                if taps > 0 {
                    <small class="heat-count">{ fill(t.tapped_by, &[("count", &taps)]) }</small>
                }
                if flag {
                    <small class="flag-mark"><span aria-hidden="true">{ "⚑ " }</span>{ t.flag_mark }</small>
                }
            </span>
        }
    });
    Some(html! { <span class="spot-text heat">{ for phrases }</span> })
}

pub fn spot(
    state: &PresenterState,
    view: &PresenterView,
    scenario: &ValidScenario,
    spot: &Spot,
    dispatch: &Callback<PresenterAction>,
) -> Html {
    let (t, app) = (PresenterTexts::of(state.lang), state.lang.texts());
    let code = state.content_lang().code();
    let command = |command: Command| dispatch.reform(move |_| PresenterAction::Command(command));
    let prompt = html! { <p class="prompt">{ spot.prompt.as_ref().map_or(app.spot_prompt, |p| p.get(code)) }</p> };
    let answered = html! {
        <p id="answered-count" class="answered" role="status">
            { fill(t.answered, &[("answered", &view.answered), ("players", &view.players)]) }
        </p>
    };
    match view.phase {
        Phase::Shown => html! {
            <>
                { prompt }
                <button id="open-voting" class="primary" onclick={command(Command::OpenVoting)}>{ t.open_voting }</button>
            </>
        },
        Phase::Voting => html! {
            <>
                { prompt }
                { answered }
                <button id="close-reveal" class="primary" onclick={command(Command::CloseAndReveal)}>{ t.close_reveal }</button>
            </>
        },
        Phase::Revealed => {
            let step = view.at.map(|at| &scenario.steps[at.step]);
            let flags = step.into_iter().flat_map(|step| step.messages.iter().flat_map(|m| m.flags.iter()));
            html! {
                <>
                    <h2>{ t.heat_heading }</h2>
                    { answered }
                    if state.flags_shown {
                        <section class="presenter-flags" aria-labelledby="flags-heading">
                            <h2 id="flags-heading">{ t.flags_heading }</h2>
                            <ul class="flag-list">
                                { for flags.map(|flag| html! { <li><q>{ flag.quote.get(code) }</q><p>{ flag.why.get(code) }</p></li> }) }
                            </ul>
                        </section>
                    } else {
                        <button id="show-flags" class="secondary" onclick={dispatch.reform(|_| PresenterAction::ShowFlags)}>{ t.show_flags }</button>
                    }
                    <button id="next-step" class="primary" onclick={command(Command::Next)}>{ t.continue_on }</button>
                </>
            }
        }
        Phase::Lobby | Phase::Ended => html! {},
    }
}
