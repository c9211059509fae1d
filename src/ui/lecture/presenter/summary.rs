//! The end of the lecture: the class's outcomes per scenario, hits and
//! false alarms, confidence before and after, and where the class went
//! wrong, with the CSV to take away. Aggregates only: no nickname anywhere.

use super::bars::{bar_row, BarRow};
use crate::state::lecture::presenter::{percent, PresenterAction, PresenterState};
use scamspot_core::i18n::fill;
use scamspot_core::room::texts::presenter::PresenterTexts;
use scamspot_core::room::{ForkSummary, Summary};
use yew::prelude::*;

pub fn summary(
    state: &PresenterState,
    dispatch: &Callback<PresenterAction>,
    on_download: Callback<MouseEvent>,
) -> Html {
    let t = PresenterTexts::of(state.lang);
    let body = match state.summary.as_deref() {
        Some((summary, _)) => html! {
            <>
                <p id="players-total">{ fill(t.players_total, &[("count", &summary.players)]) }</p>
                { outcomes(state, summary) }
                { judgement(t, summary) }
                { confidence(t, summary) }
                { went_wrong(state, summary) }
                <button id="download-csv" class="primary" onclick={on_download}>{ t.download_csv }</button>
            </>
        },
        None => html! { <p role="status">{ t.summary_loading }</p> },
    };
    html! {
        <section class="presenter-summary" aria-labelledby="summary-heading">
            <h1 id="summary-heading">{ t.ended_heading }</h1>
            { body }
            <button id="new-room" class="secondary" onclick={dispatch.reform(|_| PresenterAction::NewRoom)}>{ t.new_room }</button>
        </section>
    }
}

/// A scenario's title in the page's language, else its id.
fn title(state: &PresenterState, id: &str) -> String {
    let pack = state.index.as_ref().and_then(|index| index.pack(id));
    pack.map_or_else(|| id.to_string(), |pack| pack.title.get(state.lang.code()).to_string())
}

fn outcomes(state: &PresenterState, summary: &Summary) -> Html {
    let t = PresenterTexts::of(state.lang);
    let genuine = |id: &str| state.index.as_ref().and_then(|index| index.pack(id)).is_some_and(|pack| pack.genuine);
    let groups = summary.outcomes.iter().enumerate().map(|(si, (id, counts))| {
        let shown: Vec<_> = counts.iter().filter(|(outcome, _)| outcome.fits_scam() != genuine(id)).collect();
        let total: u32 = shown.iter().map(|(_, n)| n).sum();
        let rows = shown.into_iter().map(|(outcome, n)| {
            bar_row(BarRow {
                id: format!("outcome-{si}-{}", outcome.code()),
                label: html! { t.outcome(*outcome) },
                value: *n,
                max: total,
                figure: fill(t.people, &[("count", n), ("percent", &percent(*n, total))]),
                marked: None,
                action: None,
            })
        });
        html! {
            <li>
                <h3>{ title(state, id) }</h3>
                <ul class="bars">{ for rows }</ul>
            </li>
        }
    });
    html! {
        <section aria-labelledby="outcomes-heading">
            <h2 id="outcomes-heading">{ t.outcomes_heading }</h2>
            <ul class="summary-groups">{ for groups }</ul>
        </section>
    }
}

fn judgement(t: &PresenterTexts, summary: &Summary) -> Html {
    let items = [
        ("hits", t.hits, summary.hits),
        ("misses", t.misses, summary.misses),
        ("false-alarms", t.false_alarms, summary.false_alarms),
        ("trusted", t.trusted, summary.trusted),
    ];
    html! {
        <section aria-labelledby="judgement-heading">
            <h2 id="judgement-heading">{ t.judgement_heading }</h2>
            <dl class="judgement">
                { for items.into_iter().map(|(id, label, n)| html! {
                    <div id={format!("judgement-{id}")}><dt>{ label }</dt><dd>{ n }</dd></div>
                }) }
            </dl>
        </section>
    }
}

fn confidence(t: &PresenterTexts, summary: &Summary) -> Html {
    let max = summary.confidence_before.iter().chain(&summary.confidence_after).copied().max().unwrap_or(0);
    let group = |moment: &str, label: &str, levels: &[u32; 5]| {
        let rows = levels.iter().enumerate().map(|(level, n)| {
            bar_row(BarRow {
                id: format!("confidence-{moment}-{}", level + 1),
                label: html! { fill(t.level, &[("level", &(level + 1))]) },
                value: *n,
                max,
                figure: n.to_string(),
                marked: None,
                action: None,
            })
        });
        html! { <div class="confidence-group"><h3>{ label }</h3><ul class="bars small">{ for rows }</ul></div> }
    };
    html! {
        <section aria-labelledby="confidence-heading">
            <h2 id="confidence-heading">{ t.confidence_heading }</h2>
            <div class="confidence-pair">
                { group("before", t.before, &summary.confidence_before) }
                { group("after", t.after, &summary.confidence_after) }
            </div>
        </section>
    }
}

/// The forks with risky answers, most first (the server's order): the
/// scenario, what the step asked (its last message), and the risky share.
fn went_wrong(state: &PresenterState, summary: &Summary) -> Html {
    let t = PresenterTexts::of(state.lang);
    let code = state.content_lang().code();
    let prompt = |fork: &ForkSummary| {
        let scenario = state.scenario(&fork.scenario_id)?;
        let step = scenario.steps.iter().find(|s| s.id == fork.step_id)?;
        Some(step.messages.last()?.text.get(code).to_string())
    };
    let forks: Vec<_> = summary.forks.iter().filter(|fork| fork.risky_answers > 0).collect();
    let items = forks.iter().map(|fork| {
        let total: u32 = fork.distribution.iter().sum();
        let share = percent(fork.risky_answers, total);
        html! {
            <li class="wrong-fork" data-scenario={fork.scenario_id.clone()} data-step={fork.step_id.clone()}>
                <h3>{ title(state, &fork.scenario_id) }</h3>
                if let Some(text) = prompt(fork) {
                    <p class="wrong-prompt" lang={code}>{ text }</p>
                }
                <p class="wrong-share">
                    { fill(t.risky_share, &[("percent", &share), ("count", &fork.risky_answers), ("total", &total)]) }
                </p>
            </li>
        }
    });
    html! {
        <section aria-labelledby="wrong-heading">
            <h2 id="wrong-heading">{ t.wrong_heading }</h2>
            if forks.is_empty() {
                <p>{ t.nothing_wrong }</p>
            } else {
                <ol class="wrong-forks">{ for items }</ol>
            }
        </section>
    }
}
