//! Five buttons: how sure the learner is that they would spot a scam.

use crate::ui::widgets::text::text_element;
use scamspot_core::i18n::Lang;
use yew::prelude::*;

/// `chosen`: the level picked so far, marked pressed (a lecture phone may change it).
pub fn confidence_scale(lang: Lang, on_rate: &Callback<u8>, chosen: Option<u8>) -> Html {
    let options = (1u8..=5).zip(lang.texts().confidence_levels).map(|(level, label)| {
        let pressed = chosen.map(|c| if c == level { "true" } else { "false" });
        html! {
            <button class="scale-option" data-level={level.to_string()} aria-pressed={pressed} onclick={on_rate.reform(move |_| level)}>
                <span class="scale-number" aria-hidden="true">{ level }</span>
                { text_element("span", "scale-label", label) }
            </button>
        }
    });
    html! { <div class="confidence-scale" role="group">{ for options }</div> }
}
