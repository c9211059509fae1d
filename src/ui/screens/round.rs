//! One round: owns the round's reducer and shows the screen for the current
//! phase. Tells the app each change (for the host report) and the finished
//! results (for saved progress).

use super::confidence::ConfidenceScreen;
use super::debrief::DebriefScreen;
use super::result::ResultScreen;
use super::scenario::ScenarioScreen;
use crate::ui::reducer::RoundState;
use crate::web::browser::bring_top_into_view;
use scamspot_core::content::{SiteIndex, ValidScenario};
use scamspot_core::engine::plan::RoundKind;
use scamspot_core::engine::{Action, Phase, Round, RoundSnapshot, ScenarioResult};
use scamspot_core::i18n::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RoundViewProps {
    pub lang: Lang,
    pub site: Rc<SiteIndex>,
    pub scenarios: Rc<Vec<Rc<ValidScenario>>>,
    pub kind: RoundKind,
    /// The confidence rating already given on the static start screen.
    #[prop_or_default]
    pub rating: Option<u8>,
    pub on_complete: Callback<Vec<ScenarioResult>>,
    /// Called after every change with the round's state so far.
    pub on_progress: Callback<RoundSnapshot>,
    pub on_start: Callback<RoundKind>,
    pub on_home: Callback<()>,
}

#[function_component]
pub fn RoundView(props: &RoundViewProps) -> Html {
    let (scenarios, rating) = (Rc::clone(&props.scenarios), props.rating);
    let round = use_reducer(move || RoundState(Rc::new(Round::rated((*scenarios).clone(), rating))));
    {
        // Keyed on "is finished": runs once when the summary appears, never again.
        let finished = round.0.phase() == Phase::Summary;
        let (results, on_complete) = (round.0.results().to_vec(), props.on_complete.clone());
        use_effect_with(finished, move |finished| {
            if *finished {
                on_complete.emit(results);
            }
        });
    }
    {
        let snapshot = round.0.snapshot();
        let on_progress = props.on_progress.clone();
        use_effect_with(snapshot, move |snapshot| on_progress.emit(snapshot.clone()));
    }
    // Each new screen (phase or scenario) starts at its top.
    let top = use_node_ref();
    {
        let top = top.clone();
        use_effect_with((round.0.phase(), round.0.current()), move |_| {
            if let Some(element) = top.cast::<web_sys::Element>() {
                bring_top_into_view(&element);
            }
        });
    }
    let dispatch = {
        let round = round.clone();
        Callback::from(move |action: Action| round.dispatch(action))
    };
    let lang = props.lang;
    let screen = match round.0.phase() {
        Phase::RateBefore => {
            html! { <ConfidenceScreen {lang} after={false} on_rate={dispatch.reform(Action::RateBefore)} /> }
        }
        Phase::Playing => html! { <ScenarioScreen {lang} round={Rc::clone(&round.0)} on_action={dispatch.clone()} /> },
        Phase::Debrief => html! {
            <DebriefScreen {lang} round={Rc::clone(&round.0)} site={Rc::clone(&props.site)} on_action={dispatch.clone()} />
        },
        Phase::RateAfter => {
            html! { <ConfidenceScreen {lang} after={true} on_rate={dispatch.reform(Action::RateAfter)} /> }
        }
        Phase::Summary => html! {
            <ResultScreen {lang} round={Rc::clone(&round.0)} site={Rc::clone(&props.site)} kind={props.kind.clone()}
                on_start={props.on_start.clone()} on_home={props.on_home.clone()} />
        },
    };
    html! { <div class="round" ref={top}>{ screen }</div> }
}
