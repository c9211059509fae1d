//! Five buttons: how sure the learner is that they would spot a scam.

use scamspot_core::i18n::Lang;
use yew::prelude::*;

/// `chosen`: the level picked so far, marked pressed (a lecture phone may change it).
pub fn confidence_scale(lang: Lang, on_rate: &Callback<u8>, chosen: Option<u8>) -> Html {
    let options = (1u8..=5).zip(lang.texts().confidence_levels).map(|(level, label)| {
        let pressed = chosen.map(|c| if c == level { "true" } else { "false" });
        html! {
            <button class="scale-option" data-level={level.to_string()} aria-pressed={pressed} onclick={on_rate.reform(move |_| level)}>
                <span class="scale-number" aria-hidden="true">{ level }</span>
                <span class="scale-label">{ label }</span>
            </button>
        }
    });
    html! { <div class="confidence-scale" role="group">{ for options }</div> }
}
