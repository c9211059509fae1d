//! One round: the screen for the current phase, each new one shown from its
//! top with the focus on its heading (not on each arriving message).

use super::confidence::ConfidenceScreen;
use super::debrief::DebriefScreen;
use super::result::ResultScreen;
use super::scenario::ScenarioScreen;
use crate::config::SecurityOffice;
use crate::web::browser::{bring_top_into_view, focus_heading};
use scamspot_core::content::SiteIndex;
use scamspot_core::engine::plan::RoundKind;
use scamspot_core::engine::progress::Progress;
use scamspot_core::engine::{Action, Phase, Round};
use scamspot_core::i18n::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RoundViewProps {
    pub lang: Lang,
    pub site: Rc<SiteIndex>,
    pub kind: RoundKind,
    pub round: Rc<Round>,
    /// Saved progress: the results compare the round with the learner's history.
    pub progress: Rc<Progress>,
    pub on_action: Callback<Action>,
    pub on_start: Callback<RoundKind>,
    pub on_home: Callback<()>,
    #[prop_or_default]
    pub read_aloud: Option<Lang>,
    #[prop_or_default]
    pub security: Option<SecurityOffice>,
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
    let (lang, on_action) = (props.lang, &props.on_action);
    // The debrief shows after each scenario, and again when opened from the results.
    let screen = match round.phase() {
        _ if round.debrief_index().is_some() => html! {
            <DebriefScreen {lang} round={Rc::clone(round)} site={Rc::clone(&props.site)} on_action={on_action.clone()}
                security={props.security.clone()} />
        },
        Phase::RateBefore => {
            html! { <ConfidenceScreen {lang} after={false} on_rate={on_action.reform(Action::RateBefore)} /> }
        }
        Phase::Playing => {
            html! { <ScenarioScreen {lang} round={Rc::clone(round)} on_action={on_action.clone()} read_aloud={props.read_aloud} /> }
        }
        Phase::RateAfter => {
            html! { <ConfidenceScreen {lang} after={true} on_rate={on_action.reform(Action::RateAfter)} /> }
        }
        Phase::Debrief | Phase::Summary => html! {
            <ResultScreen {lang} round={Rc::clone(round)} progress={Rc::clone(&props.progress)} site={Rc::clone(&props.site)} kind={props.kind.clone()}
                on_start={props.on_start.clone()} on_action={on_action.clone()} on_home={props.on_home.clone()} />
        },
    };
    html! { <div class="round" ref={top}>{ screen }</div> }
}
