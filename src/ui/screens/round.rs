//! One round: the screen for the current phase, each new one shown from its
//! top with the focus on its heading (not on each arriving message).

use super::confidence::confidence_screen;
use super::debrief::debrief_screen;
use super::result::result_screen;
use super::scenario::{play_progress, reveal_and_scroll, scenario_screen, ScenarioRefs};
use crate::config::SecurityOffice;
use crate::ui::widgets::notice::loading_status;
use crate::ui::widgets::replay_panel::use_replay_toggle;
use crate::web::browser::{bring_top_into_view, focus_heading};
use scamspot_core::content::SiteIndex;
use scamspot_core::engine::plan::RoundKind;
use scamspot_core::engine::progress::Progress;
use scamspot_core::engine::{Action, Phase, Round};
use scamspot_core::i18n::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// What the round's screens read (the debrief and the results render from it directly).
pub struct RoundView {
    pub lang: Lang,
    pub site: Rc<SiteIndex>,
    pub kind: RoundKind,
    pub round: Rc<Round>,
    /// Saved progress: the results compare the round with the learner's history.
    pub progress: Rc<Progress>,
    pub on_action: Callback<Action>,
    pub on_start: Callback<RoundKind>,
    pub on_home: Callback<MouseEvent>,
    pub read_aloud: Option<Lang>,
    pub security: Option<SecurityOffice>,
}

/// Where the round's effects act: its top (brought into view, with the focus
/// on its heading, at each new screen) and the scenario on show.
pub struct RoundRefs {
    top: NodeRef,
    scenario: ScenarioRefs,
}

/// The round's effects, run by the app (the round's view is a function, not
/// a component: a component type adds Yew's lifecycle code to the wasm).
/// `playing`: the round in play and its number, if one is; `on_play` gets
/// the round's number with each action.
#[hook]
pub fn use_round_effects(playing: Option<(u32, Rc<Round>)>, on_play: Callback<(u32, Action)>) -> RoundRefs {
    let (top, bottom) = (use_node_ref(), use_node_ref());
    let shown = playing.as_ref().map(|(number, round)| (*number, round.current()));
    let screen =
        playing.as_ref().map(|(number, round)| (*number, round.phase(), round.current(), round.debrief_index()));
    {
        let top = top.clone();
        use_effect_with(screen, move |screen| {
            if let Some(element) = top.cast::<web_sys::Element>().filter(|_| screen.is_some()) {
                bring_top_into_view(&element);
                focus_heading(&element);
            }
        });
    }
    // The scenario's timers, while one plays (see `scenario_screen`).
    let scenario = playing
        .filter(|(_, round)| round.debrief_index().is_none() && round.phase() == Phase::Playing)
        .map(|(number, round)| (number, play_progress(&round)));
    {
        let bottom = bottom.clone();
        use_effect_with(scenario, move |scenario| {
            let timers = scenario.map(|(number, progress)| {
                reveal_and_scroll(progress, on_play.reform(move |action| (number, action)), bottom)
            });
            move || drop(timers)
        });
    }
    let replay = use_replay_toggle(shown);
    RoundRefs { top, scenario: ScenarioRefs { bottom, replay } }
}

/// The screen for the round's phase. `number` keys it: each round gets its own markup.
pub fn round_view(view: &RoundView, number: u32, refs: &RoundRefs) -> Html {
    let (round, lang, on_action) = (&view.round, view.lang, &view.on_action);
    // The debrief shows after each scenario, and again when opened from the results.
    let screen = match round.phase() {
        _ if round.debrief_index().is_some() => end_of_scenario(view),
        Phase::RateBefore => confidence_screen(lang, false, &on_action.reform(Action::RateBefore)),
        Phase::Playing => scenario_screen(lang, round, on_action, view.read_aloud, &refs.scenario),
        Phase::RateAfter => confidence_screen(lang, true, &on_action.reform(Action::RateAfter)),
        Phase::Waiting => loading_status(lang),
        Phase::Debrief | Phase::Summary => end_of_scenario(view),
    };
    html! { <div class="round" key={number} ref={refs.top.clone()}>{ screen }</div> }
}

/// A scenario's debrief, or the round's results: in a chunk of their own in
/// the lean build (`ui::split`), with the loading status until it is in.
fn end_of_scenario(view: &RoundView) -> Html {
    #[cfg(feature = "split")]
    return crate::ui::split::drawn(split_round_end(view)).unwrap_or_else(|| loading_status(view.lang));
    #[cfg(not(feature = "split"))]
    round_end_screen(view)
}

/// The split point (`ui::split`): a chunk that fails to load is an error
/// the app waits out, not a panic.
#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(round_end, fallible, preload(preload_round_end))]
pub fn split_round_end(view: &RoundView) -> Result<Html, wasm_split_helpers::SplitLoaderError> {
    Ok(round_end_screen(view))
}

fn round_end_screen(view: &RoundView) -> Html {
    if view.round.debrief_index().is_some() {
        debrief_screen(view)
    } else {
        result_screen(view)
    }
}
