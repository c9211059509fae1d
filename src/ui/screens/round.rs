//! One round: the screen for the current phase, each new one shown from its
//! top with the focus on its heading (not on each arriving message).

use super::confidence::confidence_screen;
use super::debrief::debrief_screen;
use super::result::result_screen;
use super::scenario::{ending_card, play_progress, reveal_and_scroll, scenario_screen, ScenarioRefs};
use crate::config::SecurityOffice;
use crate::ui::widgets::notice::loading_status;
use crate::ui::widgets::replay_panel::use_replay_toggle;
use crate::web::browser::{bring_top_into_view, focus_heading};
use crate::web::paint::after_next_paint;
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
/// on its heading, at each new screen) and the scenario on show; and whether
/// the results have drawn all of themselves.
pub struct RoundRefs {
    top: NodeRef,
    scenario: ScenarioRefs,
    results_complete: bool,
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
    // The results answer the closing rating with their top (the points, the
    // figures and whether the learner tells scams from genuine services);
    // the rest, below the fold on a phone, once that frame has painted.
    // Drawn at once, the whole screen kept that tap from painting for about
    // 100 ms on the phone profile (issue 12).
    let results = playing
        .as_ref()
        .filter(|(_, round)| round.phase() == Phase::Summary && round.debrief_index().is_none())
        .map(|(number, _)| *number);
    let complete = use_state(|| None);
    {
        let complete = complete.setter();
        use_effect_with(results, move |results| {
            if let Some(number) = *results {
                after_next_paint(Box::new(move || complete.set(Some(number))));
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
    RoundRefs {
        top,
        scenario: ScenarioRefs { bottom, replay },
        results_complete: results.is_some() && *complete == results,
    }
}

/// The screen for the round's phase. `number` keys it: each round gets its own markup.
pub fn round_view(view: &RoundView, number: u32, refs: &RoundRefs) -> Html {
    let screen = match view.round.phase() {
        Phase::Playing => {
            let ending = || around_scenario(view, refs);
            scenario_screen(view.lang, &view.round, &view.on_action, view.read_aloud, &refs.scenario, &ending)
        }
        Phase::Waiting => loading_status(view.lang),
        _ => around_scenario(view, refs),
    };
    html! { <div class="round" key={number} ref={refs.top.clone()}>{ screen }</div> }
}

/// The round's screens around its scenarios, and the card that ends each:
/// in a chunk of their own in the lean build (`ui::split`), with the
/// loading status until it is in. (The first round's first rating is the
/// static start screen's.)
fn around_scenario(view: &RoundView, refs: &RoundRefs) -> Html {
    #[cfg(feature = "split")]
    return crate::ui::split::drawn(split_around_scenario(view, refs)).unwrap_or_else(|| loading_status(view.lang));
    #[cfg(not(feature = "split"))]
    around_scenario_screen(view, refs)
}

/// The split point (`ui::split`): a chunk that fails to load is an error
/// the app waits out, not a panic.
#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(around_scenario, fallible, preload(preload_around_scenario))]
pub fn split_around_scenario(view: &RoundView, refs: &RoundRefs) -> Result<Html, wasm_split_helpers::SplitLoaderError> {
    Ok(around_scenario_screen(view, refs))
}

/// The confidence ratings before and after the round, the card that ends a
/// scenario, its debrief, the round's results (all of them, or their top).
fn around_scenario_screen(view: &RoundView, refs: &RoundRefs) -> Html {
    let on_action = &view.on_action;
    match view.round.phase() {
        Phase::Playing => ending_card(view.lang, &view.round, on_action, &refs.scenario.replay),
        // After each scenario, and again when opened from the results.
        _ if view.round.debrief_index().is_some() => debrief_screen(view),
        Phase::RateBefore => confidence_screen(view.lang, false, &on_action.reform(Action::RateBefore)),
        Phase::RateAfter => confidence_screen(view.lang, true, &on_action.reform(Action::RateAfter)),
        _ => result_screen(view, refs.results_complete),
    }
}
