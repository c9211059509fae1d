//! The end of a round: points and how they are earned, scams caught, false
//! alarms, flags, money kept, confidence before and after, whether the
//! learner tells scams from genuine services (this round and over their last
//! rounds, with a chart), each scenario
//! (with its debrief to read again), per-type results and what to practise
//! again, with why.

use super::round::RoundView;
use crate::ui::widgets::discrimination_chart::discrimination_chart;
use crate::ui::widgets::text::{button, element, heading, paragraph, text_element, text_with_id};
use scamspot_core::content::SiteIndex;
use scamspot_core::engine::discrimination::Tally;
use scamspot_core::engine::plan::RoundKind;
use scamspot_core::engine::{Action, RoundSummary};
use scamspot_core::i18n::{fill, yuan};
use yew::prelude::*;

/// A scam type's name, or its id if the catalog lacks it.
fn type_name<'a>(site: &'a SiteIndex, id: &'a str, code: &str) -> &'a str {
    site.catalog.scam_type(id).map_or(id, |st| st.name.get(code))
}

/// One line of the round's figures.
fn stat(id: Option<&'static str>, text: String) -> Html {
    html! { <li {id}>{ text }</li> }
}

/// The results; `complete`: all of them, or their top, which answers the
/// closing rating (the rest follows once that has painted: `round.rs`).
pub fn result_screen(view: &RoundView, complete: bool) -> Html {
    let r = &view.round;
    let t = view.lang.texts();
    let s = RoundSummary::from_results(r.results());
    let tally = Tally::of(&s);
    let history = &view.progress.history;
    let first_round = (view.progress.rounds + 1).saturating_sub(history.len() as u32);
    let calibration = match (r.confidence_before(), r.confidence_after()) {
        (Some(before), Some(after)) if s.scams > 0 => {
            Some((t.result_calibration)(before, after, s.scams_caught, s.scams))
        }
        _ => None,
    };
    let overall = (history.len() > 1)
        .then(|| t.discrimination_sentence(&view.progress.overall()))
        .flatten()
        .map(|sentence| (sentence, (t.overall_rounds)(history.len() as u32)));
    let rating = |v: Option<u8>| v.map_or("–".to_string(), |v| v.to_string());
    html! {
        <section class="screen result">
            <h1 class="screen-heading" tabindex="-1">{ t.result_heading }</h1>
            { text_with_id("p", "result-points", "big-score", &fill(t.result_points, &[("points", &s.points), ("max", &s.max_points)])) }
            <ul class="stats">
                if s.scams > 0 {
                    { stat(Some("result-scams"), fill(t.result_scams, &[("caught", &s.scams_caught), ("total", &s.scams)])) }
                }
                if s.genuine > 0 {
                    { stat(Some("result-genuine"), fill(t.result_genuine, &[("trusted", &s.genuine_trusted), ("total", &s.genuine)])) }
                    { stat(Some("result-false-alarms"), (t.result_false_alarms)(s.false_alarms)) }
                }
                { stat(Some("result-flags"), fill(t.result_flags, &[("found", &s.flags_found), ("total", &s.flags_total)])) }
                if s.wrong_taps > 0 {
                    { stat(None, (t.result_wrong_taps)(s.wrong_taps)) }
                }
                { stat(Some("result-money"), fill(t.result_money, &[("kept", &yuan(s.savings_kept)), ("start", &yuan(s.savings_start))])) }
                { stat(Some("result-confidence"), fill(t.result_confidence, &[("before", &rating(r.confidence_before())), ("after", &rating(r.confidence_after()))])) }
            </ul>
            <details class="score-legend">
                { text_element("summary", "", t.legend_heading) }
                { element("ul", "", t.score_legend().iter().map(|line| text_element("li", "", line)).collect()) }
            </details>

            { heading(t.discrimination_heading) }
            if let Some(sentence) = t.discrimination_sentence(&tally) {
                { text_with_id("p", "result-discrimination", "verdict", &sentence) }
            }
            if let Some(calibration) = calibration {
                { text_with_id("p", "result-calibration", "", &calibration) }
            }
            if let Some((sentence, label)) = overall {
                <p id="result-overall">{ text_element("strong", "", &label) }{ t.label_sep }{ sentence }</p>
            }
            if complete {
                { details(view, &s, first_round) }
            }
        </section>
    }
}

/// Below the fold: the chart of the learner's rounds, each scenario, each
/// type, what to practise again, and the way on.
fn details(view: &RoundView, s: &RoundSummary, first_round: u32) -> Html {
    let r = &view.round;
    let (code, t) = (view.lang.code(), view.lang.texts());
    let history = &view.progress.history;
    let again = {
        let kind = view.kind.clone();
        view.on_start.reform(move |_| kind.clone())
    };
    html! {
        <>
            if !history.is_empty() {
                { discrimination_chart(view.lang, history, first_round) }
            }

            { heading(t.per_scenario_heading) }
            { element("ol", "per-scenario", r.results().iter().zip(r.scenarios()).enumerate().map(|(i, (result, scenario))| {
                    let class = if result.handled_right() { "outcome-word good" } else { "outcome-word bad" };
                    html! {
                        <li data-scenario={scenario.id.clone()}>
                            { text_element("strong", "", scenario.title.get(code)) }
                            { text_element("span", class, t.outcome_heading(result.outcome, result.paid)) }
                            { text_element("span", "scenario-score", &fill(t.result_points, &[("points", &result.points), ("max", &result.max_points)])) }
                            { button("", "link open-debrief", t.open_debrief, view.on_action.reform(move |_| Action::Review { scenario: Some(i) })) }
                        </li>
                    }
                }).collect()) }

            { heading(t.per_type_heading) }
            { element("ul", "per-type", s.per_type.iter().map(|(id, tally)| html! {
                    <li data-type={id.clone()}>{ text_element("strong", "", type_name(&view.site, id, code)) }{ " · " }
                        { fill(t.per_type_line, &[("right", &tally.handled_right), ("played", &tally.played)]) }</li>
                }).collect()) }

            { heading(t.practise_heading) }
            if s.practise.is_empty() {
                { paragraph(t.practise_none) }
            } else {
                { element("ul", "practise", s.practise.iter().map(|id| {
                        let kind = RoundKind::Type(id.clone());
                        let start = view.on_start.reform(move |_: MouseEvent| kind.clone());
                        let reasons = s.per_type[id].practise_reasons().map(|r| t.practise_reason(r));
                        let why = reasons.collect::<Vec<_>>().join(t.list_sep);
                        html! {
                            <li data-type={id.clone()}>
                                <button class="secondary" onclick={start}>{ t.practise_type }{ t.label_sep }{ type_name(&view.site, id, code) }</button>
                                { text_element("p", "practise-reason", &why) }
                            </li>
                        }
                    }).collect()) }
            }
            { element("div", "actions", vec![
                button("play-again", "primary", t.play_again, again),
                button("", "secondary", t.home, view.on_home.clone()),
            ]) }
        </>
    }
}
