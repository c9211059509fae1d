//! A distribution as bars: one row per item, its label, a `<progress>`
//! (a strict CSP allows no inline widths), and the count in words.

use yew::prelude::*;

/// One bar's row; `id` names the label the bar is read by.
pub struct BarRow<'a> {
    pub id: String,
    pub label: Html,
    pub value: u32,
    pub max: u32,
    pub figure: String,
    pub marked: Option<&'a str>,
    /// A control beside the bar ("Follow this one").
    pub action: Option<Html>,
}

pub fn bar_row(row: BarRow) -> Html {
    let class = if row.marked.is_some() { "bar-row marked" } else { "bar-row" };
    html! {
        <li {class}>
            <span class="bar-label" id={row.id.clone()}>{ row.label }</span>
            <progress max={row.max.max(1).to_string()} value={row.value.to_string()} aria-labelledby={row.id}></progress>
            <span class="bar-figure">
                { row.figure }
                if let Some(mark) = row.marked {
                    <strong class="bar-mark">{ " · " }{ mark }</strong>
                }
            </span>
            { for row.action }
        </li>
    }
}
