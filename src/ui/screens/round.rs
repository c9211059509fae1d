//! One round: the screen for the current phase, each new one shown from its
//! top with the focus on its heading (not on each arriving message).

use super::confidence::confidence_screen;
use super::debrief::debrief_screen;
use super::result::result_screen;
use super::scenario::{play_progress, reveal_and_scroll, scenario_screen};
use crate::config::SecurityOffice;
use crate::ui::widgets::notice::loading_status;
use crate::web::browser::{bring_top_into_view, focus_heading};
use scamspot_core::content::SiteIndex;
use scamspot_core::engine::plan::RoundKind;
use scamspot_core::engine::progress::Progress;
use scamspot_core::engine::{Action, Phase, Round};
use scamspot_core::i18n::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// What the round's screens read (the debrief and the results render from it directly).
#[derive(Properties)]
pub struct RoundViewProps {
    pub lang: Lang,
    pub site: Rc<SiteIndex>,
    pub kind: RoundKind,
    pub round: Rc<Round>,
    /// Saved progress: the results compare the round with the learner's history.
    pub progress: Rc<Progress>,
    pub on_action: Callback<Action>,
    pub on_start: Callback<RoundKind>,
    pub on_home: Callback<MouseEvent>,
    #[prop_or_default]
    pub read_aloud: Option<Lang>,
    #[prop_or_default]
    pub security: Option<SecurityOffice>,
}

/// The shared values compare by pointer: a changed one always comes in a new
/// `Rc`, and comparing contents would bring every content type's
/// `PartialEq` into the wasm.
impl PartialEq for RoundViewProps {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && Rc::ptr_eq(&self.site, &other.site)
            && self.kind == other.kind
            && Rc::ptr_eq(&self.round, &other.round)
            && Rc::ptr_eq(&self.progress, &other.progress)
            && self.on_action == other.on_action
            && self.on_start == other.on_start
            && self.on_home == other.on_home
            && self.read_aloud == other.read_aloud
            && self.security == other.security
    }
}

#[function_component]
pub fn RoundView(props: &RoundViewProps) -> Html {
    let round = &props.round;
    let top = use_node_ref();
    {
        let top = top.clone();
        use_effect_with((round.phase(), round.current(), round.debrief_index()), move |_| {
            if let Some(element) = top.cast::<web_sys::Element>() {
                bring_top_into_view(&element);
                focus_heading(&element);
            }
        });
    }
    // The scenario's timers, while one plays (see `scenario_screen`).
    let playing = round.debrief_index().is_none() && round.phase() == Phase::Playing;
    let bottom = use_node_ref();
    {
        let (on_action, bottom) = (props.on_action.clone(), bottom.clone());
        use_effect_with(playing.then(|| play_progress(round)), move |progress| {
            let timers = progress.map(|progress| reveal_and_scroll(progress, on_action, bottom));
            move || drop(timers)
        });
    }
    let (lang, on_action) = (props.lang, &props.on_action);
    // The debrief shows after each scenario, and again when opened from the results.
    let screen = match round.phase() {
        _ if round.debrief_index().is_some() => debrief_screen(props),
        Phase::RateBefore => confidence_screen(lang, false, &on_action.reform(Action::RateBefore)),
        Phase::Playing => scenario_screen(lang, round, on_action, props.read_aloud, bottom),
        Phase::RateAfter => confidence_screen(lang, true, &on_action.reform(Action::RateAfter)),
        Phase::Waiting => loading_status(lang),
        Phase::Debrief | Phase::Summary => result_screen(props),
    };
    html! { <div class="round" ref={top}>{ screen }</div> }
}
