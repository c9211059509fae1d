//! The end of a scenario on the projector, worded as the solo debrief words
//! it: scam or genuine, what happened along the room's path, why, and the
//! right thing to do; then the next scenario (or the end of the lecture).

use crate::state::lecture::presenter::{PresenterAction, PresenterState};
use crate::ui::widgets::text::paragraph;
use scamspot_core::content::{End, ValidScenario};
use scamspot_core::room::texts::presenter::PresenterTexts;
use scamspot_core::room::Command;
use yew::prelude::*;

pub fn end_step(
    state: &PresenterState,
    scenario: &ValidScenario,
    end: &End,
    dispatch: &Callback<PresenterAction>,
) -> Html {
    let (t, app) = (PresenterTexts::of(state.lang), state.lang.texts());
    let code = state.content_lang().code();
    let good = end.outcome.is_good();
    let next = if state.at_last_scenario() { t.end_lecture } else { t.next_scenario };
    html! {
        <div class={if good { "end-card good" } else { "end-card bad" }} data-outcome={end.outcome.code()}>
            if scenario.genuine {
                <p class="verdict genuine">{ app.verdict_genuine }</p>
            } else {
                <p class="verdict scam">{ app.verdict_scam }</p>
            }
            <h2><span aria-hidden="true">{ if good { "✔ " } else { "✖ " } }</span>{ app.outcome_heading(end.outcome, false) }</h2>
            { paragraph(end.summary.get(code)) }
            <h3>{ app.why_heading }</h3>
            { paragraph(scenario.debrief.why.get(code)) }
            <h3>{ app.action_heading }</h3>
            <p class="right-action">{ scenario.debrief.action.get(code) }</p>
            <button id="next-scenario" class="primary" onclick={dispatch.reform(|_| PresenterAction::Command(Command::Next))}>{ next }</button>
        </div>
    }
}
