//! Hit rate and false-alarm rate over the learner's last rounds: a small SVG
//! for the eye (solid line and dots: scams stopped; dashed line and squares:
//! genuine services refused, so colour is never the only cue) and the same
//! figures as a table for screen readers.

use scamspot_core::engine::progress::RoundEntry;
use scamspot_core::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DiscriminationChartProps {
    pub lang: Lang,
    /// Oldest first.
    pub history: Vec<RoundEntry>,
    /// The number of the history's first round among all the learner's rounds.
    pub first_round: u32,
}

const WIDTH: f64 = 300.0;
const HEIGHT: f64 = 140.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 24.0;

/// Where round `index` of `count` and `rate` (0–1) sit in the SVG.
fn at(index: usize, count: usize, rate: f64) -> (f64, f64) {
    let span = WIDTH - LEFT - RIGHT;
    let x = if count < 2 { LEFT + span / 2.0 } else { LEFT + span * index as f64 / (count - 1) as f64 };
    (x, TOP + (1.0 - rate) * (HEIGHT - TOP - BOTTOM))
}

/// One series: a line through the rounds that define the rate, and a marker at each.
fn series(rates: &[Option<f64>], class: &'static str, square: bool) -> Html {
    let points: Vec<(f64, f64)> =
        rates.iter().enumerate().filter_map(|(i, rate)| rate.map(|r| at(i, rates.len(), r))).collect();
    let line = points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ");
    let markers = points.iter().map(|&(x, y)| {
        if square {
            html! { <rect x={format!("{:.1}", x - 4.0)} y={format!("{:.1}", y - 4.0)} width="8" height="8" /> }
        } else {
            html! { <circle cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="4.5" /> }
        }
    });
    html! {
        <g class={class}>
            <polyline points={line} fill="none" />
            { for markers }
        </g>
    }
}

/// "3/4", or a dash when the round had none of that kind.
fn count(k: u32, n: u32) -> String {
    if n == 0 {
        "–".into()
    } else {
        format!("{k}/{n}")
    }
}

#[function_component]
pub fn DiscriminationChart(props: &DiscriminationChartProps) -> Html {
    let t = props.lang.texts();
    let rounds = &props.history;
    let hits: Vec<Option<f64>> = rounds.iter().map(|r| r.tally.hit_rate()).collect();
    let false_alarms: Vec<Option<f64>> = rounds.iter().map(|r| r.tally.false_alarm_rate()).collect();
    let grid = [0.0, 0.5, 1.0].map(|rate| {
        let (_, y) = at(0, 1, rate);
        html! {
            <>
                <line class="chart-grid" x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()} y1={format!("{y:.1}")} y2={format!("{y:.1}")} />
                <text class="chart-label" x={(LEFT - 6.0).to_string()} y={format!("{:.1}", y + 4.0)} text-anchor="end">{ format!("{}%", rate * 100.0) }</text>
            </>
        }
    });
    let round_label = |i: usize| {
        let (x, _) = at(i, rounds.len(), 0.0);
        html! {
            <text class="chart-label" x={format!("{x:.1}")} y={(HEIGHT - 6.0).to_string()} text-anchor="middle">
                { (props.first_round as usize + i).to_string() }
            </text>
        }
    };
    let last = rounds.len().saturating_sub(1);
    html! {
        <figure class="chart" id="discrimination-chart">
            <figcaption>{ t.chart_caption }</figcaption>
            <svg viewBox={format!("0 0 {WIDTH} {HEIGHT}")} aria-hidden="true" focusable="false">
                { for grid }
                { round_label(0) }
                if last > 0 { { round_label(last) } }
                { series(&false_alarms, "chart-false-alarms", true) }
                { series(&hits, "chart-hits", false) }
            </svg>
            <ul class="chart-legend" aria-hidden="true">
                <li class="chart-hits"><svg viewBox="0 0 24 12"><line x1="0" y1="6" x2="24" y2="6" /><circle cx="12" cy="6" r="4" /></svg>{ t.chart_hits }</li>
                <li class="chart-false-alarms"><svg viewBox="0 0 24 12"><line x1="0" y1="6" x2="24" y2="6" /><rect x="8" y="2" width="8" height="8" /></svg>{ t.chart_false_alarms }</li>
            </ul>
            <table class="visually-hidden">
                <caption>{ t.chart_caption }</caption>
                <thead>
                    <tr><th scope="col">{ t.chart_round }</th><th scope="col">{ t.chart_hits }</th><th scope="col">{ t.chart_false_alarms }</th></tr>
                </thead>
                <tbody>
                    { for rounds.iter().enumerate().map(|(i, r)| html! {
                        <tr>
                            <th scope="row">{ props.first_round as usize + i }</th>
                            <td>{ count(r.tally.hits, r.tally.scams) }</td>
                            <td>{ count(r.tally.false_alarms, r.tally.genuine) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </figure>
    }
}
