//! The campaign's dashboard: a row per class and one for all, the rounds
//! completed per day as a small SVG bar chart, and the weakest techniques.
//! Aggregates only: the server keeps nothing else.

use crate::state::campaign::admin::{chart_bars, chart_width, percent, BAR_WIDTH, CHART_HEIGHT};
use scamspot_core::campaign::{ClassFigures, Dashboard};
use scamspot_core::content::SiteIndex;
use scamspot_core::i18n::{fill, Lang};
use scamspot_core::room::texts::campaign::CampaignTexts;
use yew::prelude::*;

fn row(name: &str, r: &ClassFigures, overall: bool) -> Html {
    let class = if overall { "overall" } else { "" };
    html! {
        <tr {class} data-class={name.to_string()}>
            <th scope="row">{ name }</th>
            <td>{ r.started }</td>
            <td>{ r.completed }</td>
            <td>{ r.passed }</td>
            <td>{ percent(r.pass_rate) }</td>
            <td>{ percent(r.hit_rate) }</td>
            <td>{ percent(r.false_alarm_rate) }</td>
        </tr>
    }
}

/// Completions per day; each bar carries its figure as a title and the
/// whole chart a text alternative, since a bar's height alone says little.
fn chart(t: &CampaignTexts, per_day: &[(u32, u32)]) -> Html {
    let bars = chart_bars(per_day);
    if bars.is_empty() {
        return html! { <p class="meta">{ t.chart_empty }</p> };
    }
    let width = chart_width(&bars);
    let summary: Vec<String> = bars
        .iter()
        .filter(|b| b.count > 0)
        .map(|b| fill(t.chart_bar, &[("date", &b.date), ("count", &b.count)]))
        .collect();
    html! {
        <svg class="completions-chart" role="img" aria-label={summary.join("; ")}
            viewBox={format!("0 0 {width} {CHART_HEIGHT}")} preserveAspectRatio="none">
            { for bars.iter().map(|b| html! {
                <rect x={b.x.to_string()} y={(CHART_HEIGHT - b.height).to_string()} width={BAR_WIDTH.to_string()}
                    height={b.height.to_string()}>
                    <title>{ fill(t.chart_bar, &[("date", &b.date), ("count", &b.count)]) }</title>
                </rect>
            }) }
        </svg>
    }
}

pub fn dashboard(lang: Lang, dashboard: &Dashboard, index: Option<&SiteIndex>) -> Html {
    let t = CampaignTexts::of(lang);
    let technique_name = |id: &str| {
        let technique = index.and_then(|i| i.catalog.techniques.iter().find(|x| x.id == id));
        technique.map_or_else(|| id.to_string(), |x| x.name.get(lang.code()).to_string())
    };
    let weakest = &dashboard.overall.weakest;
    html! {
        <section class="dashboard" aria-labelledby="dashboard-heading">
            <h2 id="dashboard-heading">{ t.dashboard_heading }</h2>
            <p class="meta">{ t.dashboard_note }</p>
            <div class="table-scroll">
                <table id="dashboard-table">
                    <thead><tr>
                        <th scope="col">{ t.column_class }</th>
                        <th scope="col">{ t.column_started }</th>
                        <th scope="col">{ t.column_completed }</th>
                        <th scope="col">{ t.column_passed }</th>
                        <th scope="col">{ t.column_pass_rate }</th>
                        <th scope="col">{ t.column_hit_rate }</th>
                        <th scope="col">{ t.column_false_alarm_rate }</th>
                    </tr></thead>
                    <tbody>
                        { for dashboard.classes.iter().map(|r| row(&r.class, r, false)) }
                        { row(t.overall, &dashboard.overall, true) }
                    </tbody>
                </table>
            </div>
            <h3>{ t.chart_heading }</h3>
            { chart(t, &dashboard.overall.per_day) }
            <h3>{ t.weakest_heading }</h3>
            if weakest.is_empty() {
                <p class="meta">{ t.weakest_empty }</p>
            } else {
                <ol class="weakest">
                    { for weakest.iter().map(|w| html! {
                        <li>{ fill(t.weakest_item, &[("technique", &technique_name(&w.technique)), ("missed", &w.missed), ("met", &w.met)]) }</li>
                    }) }
                </ol>
            }
        </section>
    }
}
