//! The start screen's "by technique" section: per technique, how reliably
//! the learner recognises it (a meter, with the same in words) and a button
//! that practises it. Techniques no shipped scam uses are left out.

use crate::ui::widgets::text::{element, text_element, text_node};
use scamspot_core::content::SiteIndex;
use scamspot_core::engine::plan::{technique_round_length, RoundKind};
use scamspot_core::engine::progress::Progress;
use scamspot_core::i18n::Lang;
use yew::prelude::*;

/// A plain function, not a component: it has no state of its own, and
/// renders only with the start screen.
pub fn technique_list(lang: Lang, index: &SiteIndex, progress: &Progress, on_start: &Callback<RoundKind>) -> Html {
    let (t, code) = (lang.texts(), lang.code());
    let techniques = index.catalog.techniques.iter().filter_map(|technique| {
        let count = technique_round_length(index, &technique.id);
        let id = technique.id.clone();
        let name = technique.name.get(code);
        let tally = progress.mastery_of(&id);
        let label_id = format!("mastery-{id}");
        let mastery = match tally.percent() {
            Some(percent) => html! {
                <p class="mastery">
                    <meter min="0" max={tally.chances.to_string()} value={tally.recognised.to_string()}
                        low={(tally.chances / 2).to_string()} optimum={tally.chances.to_string()}
                        aria-labelledby={label_id.clone()}></meter>
                    <span id={label_id}>{ (t.technique_mastery)(tally.recognised, tally.chances) }{ format!(" ({percent}%)") }</span>
                </p>
            },
            None => text_element("p", "mastery unmet", t.technique_unmet),
        };
        let kind = RoundKind::Technique(id.clone());
        (count > 0).then(|| html! {
            <li class="technique" data-mastery={tally.percent().map(|p| p.to_string())}>
                { element("h3", "", vec![text_node(name), text_element("span", "chip-count", &(t.technique_count)(count))]) }
                { mastery }
                <button class="chip" data-technique={id} onclick={on_start.reform(move |_: MouseEvent| kind.clone())}
                    aria-label={format!("{}{}{}", t.practise_technique, t.label_sep, name)}>{ t.practise_technique }</button>
            </li>
        })
    });
    html! { <ul class="technique-picker">{ for techniques }</ul> }
}
