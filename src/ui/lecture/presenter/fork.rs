//! A fork on the projector: the choices in the room's order (the same on
//! every phone); "Open voting"; the live count (and, if the lecturer turns
//! them on, live bars: off by default, they herd the hall); "Close and
//! reveal"; then the distribution with the majority's headline, and the
//! path to follow: the majority's or any other.

use super::bars::{bar_row, BarRow};
use crate::state::lecture::presenter::{bars, room_order, PresenterAction, PresenterState};
use scamspot_core::content::{Choice, ValidScenario};
use scamspot_core::i18n::fill;
use scamspot_core::room::texts::presenter::PresenterTexts;
use scamspot_core::room::{Command, Phase, PresenterView};
use yew::prelude::*;

pub fn fork(
    state: &PresenterState,
    view: &PresenterView,
    scenario: &ValidScenario,
    choices: &[Choice],
    dispatch: &Callback<PresenterAction>,
) -> Html {
    let t = PresenterTexts::of(state.lang);
    let code = state.content_lang().code();
    let order = room_order(view, scenario).unwrap_or_default();
    let label = |position: usize, choice: usize| {
        let letter = char::from(b'A' + (position % 26) as u8);
        html! { <><span class="choice-letter">{ letter }</span>{ choices[choice].text.get(code) }</> }
    };
    let command = |command: Command| dispatch.reform(move |_| PresenterAction::Command(command));
    let answered = html! {
        <p id="answered-count" class="answered" role="status">
            { fill(t.answered, &[("answered", &view.answered), ("players", &view.players)]) }
        </p>
    };
    let revealed = view.phase == Phase::Revealed;
    let distribution = view.distribution.as_deref().map(|counts| {
        let total: u32 = counts.iter().sum();
        let rows = bars(counts, &order).into_iter().enumerate().map(|(position, bar)| {
            bar_row(BarRow {
                id: format!("choice-label-{}", bar.choice),
                label: label(position, bar.choice),
                value: bar.count,
                max: total,
                figure: fill(t.votes, &[("count", &bar.count), ("percent", &bar.percent)]),
                marked: (bar.majority && revealed).then_some(t.majority_mark),
                action: revealed.then(|| {
                    let choice = bar.choice;
                    html! {
                        <button class="follow-this secondary" data-choice={choice.to_string()}
                            aria-describedby={format!("choice-label-{choice}")}
                            onclick={dispatch.reform(move |_| PresenterAction::Command(Command::Follow(choice)))}>{ t.follow_this }</button>
                    }
                }),
            })
        });
        html! { <ol class="bars" id="distribution">{ for rows }</ol> }
    });
    let listed = || {
        let items = order.iter().enumerate().map(|(position, &choice)| {
            html! { <li class="presenter-choice" data-choice={choice.to_string()}>{ label(position, choice) }</li> }
        });
        html! { <ol class="presenter-choices">{ for items }</ol> }
    };
    match view.phase {
        Phase::Shown => html! {
            <>
                { listed() }
                <button id="open-voting" class="primary" onclick={command(Command::OpenVoting)}>{ t.open_voting }</button>
            </>
        },
        Phase::Voting => html! {
            <>
                { distribution.unwrap_or_else(listed) }
                { answered }
                <button id="live-bars" class="secondary" aria-pressed={view.live_bars.to_string()}
                    onclick={command(Command::LiveBars(!view.live_bars))}>{ t.live_bars }</button>
                <button id="close-reveal" class="primary" onclick={command(Command::CloseAndReveal)}>{ t.close_reveal }</button>
            </>
        },
        Phase::Revealed => {
            let counts = view.distribution.clone().unwrap_or_default();
            let top = bars(&counts, &order).into_iter().find(|bar| bar.majority);
            let headline = match top {
                Some(bar) => fill(
                    t.majority_headline,
                    &[("percent", &bar.percent), ("choice", &choices[bar.choice].text.get(code))],
                ),
                None => t.no_answers.to_string(),
            };
            let majority = crate::state::lecture::presenter::majority(&counts, &order);
            html! {
                <>
                    <p id="majority-headline" class="majority-headline">{ headline }</p>
                    if let Some(choice) = majority {
                        <button id="follow-majority" class="primary" onclick={command(Command::Follow(choice))}>{ t.follow_majority }</button>
                    }
                    { for distribution }
                    { answered }
                </>
            }
        }
        Phase::Lobby | Phase::Ended => html! {},
    }
}
