//! Hit rate and false-alarm rate over the learner's last rounds: a small SVG
//! for the eye (solid line and dots: scams stopped; dashed line and squares:
//! genuine services refused, so colour is never the only cue) and the same
//! figures as a table for screen readers. A function rather than a
//! component: it has no state, and a component type of its own would add
//! kilobytes of Yew's lifecycle code to the wasm.

use crate::ui::widgets::text::{element, text_element, text_node};
use scamspot_core::engine::progress::RoundEntry;
use scamspot_core::i18n::Lang;
use yew::prelude::*;

// SVG user units; whole numbers, so drawing formats no floats (float
// formatting would add kilobytes to the wasm).
const WIDTH: i32 = 300;
const HEIGHT: i32 = 140;
const LEFT: i32 = 40;
const RIGHT: i32 = 12;
const TOP: i32 = 10;
const BOTTOM: i32 = 24;

/// Where round `index` of `count` and `rate` (0–1) sit in the SVG.
fn at(index: usize, count: usize, rate: f64) -> (i32, i32) {
    let span = WIDTH - LEFT - RIGHT;
    let x = if count < 2 { LEFT + span / 2 } else { LEFT + span * index as i32 / (count as i32 - 1) };
    (x, TOP + ((1.0 - rate) * f64::from(HEIGHT - TOP - BOTTOM)).round() as i32)
}

/// One series: a line through the rounds that define the rate, and a marker
/// at each (the caller's `<g>` names the series, with a literal class: SVG
/// takes no `className` property).
fn series(rates: &[Option<f64>], square: bool) -> Html {
    let points: Vec<(i32, i32)> =
        rates.iter().enumerate().filter_map(|(i, rate)| rate.map(|r| at(i, rates.len(), r))).collect();
    let line = points.iter().map(|(x, y)| format!("{x},{y}")).collect::<Vec<_>>().join(" ");
    let markers = points.iter().map(|&(x, y)| {
        if square {
            html! { <rect x={(x - 4).to_string()} y={(y - 4).to_string()} width="8" height="8" /> }
        } else {
            html! { <circle cx={x.to_string()} cy={y.to_string()} r="4.5" /> }
        }
    });
    html! {
        <>
            <polyline points={line} fill="none" />
            { for markers }
        </>
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

/// A legend line: the series' swatch and name.
fn legend_entry(class: &'static str, name: &str) -> Html {
    element("li", class, vec![element("span", "swatch", Vec::new()), text_node(name)])
}

/// The chart of `rounds` (oldest first), numbered from `first_round` among
/// all the learner's rounds.
pub fn discrimination_chart(lang: Lang, rounds: &[RoundEntry], first_round: u32) -> Html {
    let t = lang.texts();
    let hits: Vec<Option<f64>> = rounds.iter().map(|r| r.tally.hit_rate()).collect();
    let false_alarms: Vec<Option<f64>> = rounds.iter().map(|r| r.tally.false_alarm_rate()).collect();
    let grid = [0, 50, 100].map(|percent| {
        let (_, y) = at(0, 1, f64::from(percent) / 100.0);
        html! {
            <>
                <line class="chart-grid" x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()} y1={y.to_string()} y2={y.to_string()} />
                <text class="chart-label" x={(LEFT - 6).to_string()} y={(y + 4).to_string()} text-anchor="end">{ format!("{percent}%") }</text>
            </>
        }
    });
    let round_label = |i: usize| {
        let (x, _) = at(i, rounds.len(), 0.0);
        html! {
            <text class="chart-label" x={x.to_string()} y={(HEIGHT - 6).to_string()} text-anchor="middle">
                { (first_round as usize + i).to_string() }
            </text>
        }
    };
    let last = rounds.len().saturating_sub(1);
    html! {
        <figure class="chart" id="discrimination-chart">
            { text_element("figcaption", "", t.chart_caption) }
            <svg viewBox={format!("0 0 {WIDTH} {HEIGHT}")} aria-hidden="true" focusable="false">
                { for grid }
                { round_label(0) }
                if last > 0 { { round_label(last) } }
                <g class="chart-false-alarms">{ series(&false_alarms, true) }</g>
                <g class="chart-hits">{ series(&hits, false) }</g>
            </svg>
            <ul class="chart-legend" aria-hidden="true">
                { legend_entry("chart-hits", t.chart_hits) }
                { legend_entry("chart-false-alarms", t.chart_false_alarms) }
            </ul>
            // Hidden by its wrapper: a table grows to fit its cells whatever its
            // width, so hidden itself it would widen the page on a phone.
            <div class="visually-hidden"><table>
                { text_element("caption", "", t.chart_caption) }
                <thead>
                    <tr><th scope="col">{ t.chart_round }</th><th scope="col">{ t.chart_hits }</th><th scope="col">{ t.chart_false_alarms }</th></tr>
                </thead>
                <tbody>
                    { for rounds.iter().enumerate().map(|(i, r)| html! {
                        <tr>
                            <th scope="row">{ first_round as usize + i }</th>
                            { text_element("td", "", &count(r.tally.hits, r.tally.scams)) }
                            { text_element("td", "", &count(r.tally.false_alarms, r.tally.genuine)) }
                        </tr>
                    }) }
                </tbody>
            </table></div>
        </figure>
    }
}
