//! After a scenario: what it was, what happened, every red flag (found or
//! missed), the techniques, the right action and the official channels.

use super::scenario::outcome_heading;
use crate::ui::reducer::RoundState;
use scamspot_core::content::SiteIndex;
use scamspot_core::engine::round::Tapped;
use scamspot_core::engine::Action;
use scamspot_core::i18n::{fill, yuan, Lang};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DebriefScreenProps {
    pub lang: Lang,
    pub round: UseReducerHandle<RoundState>,
    pub site: Rc<SiteIndex>,
}

#[function_component]
pub fn DebriefScreen(props: &DebriefScreenProps) -> Html {
    let r = &props.round.0;
    let (code, t) = (props.lang.code(), props.lang.texts());
    let scenario = r.scenario();
    let Some(result) = r.current_result() else { return html! {} };
    let current = r.current;
    let last = current + 1 == r.scenarios.len();

    // Every flag in the messages the learner saw, with whether they found it.
    let flags = r.play.trail.iter().flat_map(|visit| {
        scenario.steps[visit.step].messages.iter().enumerate().flat_map(move |(mi, m)| {
            m.flags.iter().enumerate().map(move |(fi, flag)| {
                let status = match (visit.spotted, visit.taps.contains(&(mi, Tapped::Flag(fi)))) {
                    (true, true) => ("found", t.flag_found),
                    (true, false) => ("missed", t.flag_missed),
                    (false, _) => ("seen", t.flag_seen),
                };
                (flag, status)
            })
        })
    });
    let flag_items: Vec<Html> = flags
        .map(|(flag, (class, label))| {
            html! {
                <li class={classes!("flag", class)}>
                    <span class="flag-status">{ label }</span>
                    <q>{ flag.quote.get(code) }</q>
                    <p>{ flag.why.get(code) }</p>
                </li>
            }
        })
        .collect();

    let next = props.round.clone();
    html! {
        <section class="screen debrief">
            <p class={classes!("verdict", if scenario.genuine { "genuine" } else { "scam" })}>{ if scenario.genuine { t.verdict_genuine } else { t.verdict_scam } }</p>
            <h1>{ t.debrief_heading }{ t.label_sep }{ scenario.title.get(code) }</h1>
            <p class={classes!("outcome", if result.handled_right() { "good" } else { "bad" })} id="debrief-outcome">
                { outcome_heading(t, result.outcome, result.paid) }
            </p>
            <p id="savings-change">{ fill(t.savings_change, &[("start", &yuan(result.savings_start)), ("end", &yuan(result.savings_end))]) }</p>
            <p id="scenario-points">{ fill(t.scenario_points, &[("points", &result.points), ("max", &result.max_points)]) }</p>

            <h2>{ t.why_heading }</h2>
            <p>{ scenario.debrief.why.get(code) }</p>

            <h2>{ t.flags_heading }</h2>
            if flag_items.is_empty() {
                <p>{ t.no_flags_genuine }</p>
            } else {
                <ul class="flag-list">{ for flag_items }</ul>
            }

            if !scenario.techniques.is_empty() {
                <h2>{ t.techniques_heading }</h2>
                <ul class="technique-list">
                    { for scenario.techniques.iter().filter_map(|id| props.site.catalog.technique(id)).map(|tech| html! {
                        <li><strong>{ tech.name.get(code) }</strong>{ t.label_sep }{ tech.about.get(code) }</li>
                    }) }
                </ul>
            }

            <h2>{ t.action_heading }</h2>
            <p class="right-action">{ scenario.debrief.action.get(code) }</p>

            if !scenario.debrief.channels.is_empty() {
                <h2>{ t.channels_heading }</h2>
                <ul class="channel-list">
                    { for scenario.debrief.channels.iter().filter_map(|id| props.site.catalog.channel(id)).map(|ch| html! {
                        <li><strong>{ ch.name.get(code) }</strong><p>{ ch.about.get(code) }</p></li>
                    }) }
                </ul>
            }

            <button id="next" class="primary" onclick={Callback::from(move |_| next.dispatch(Action::NextScenario { scenario: current }))}>
                { if last { t.finish_round } else { t.next_scenario } }
            </button>
        </section>
    }
}
