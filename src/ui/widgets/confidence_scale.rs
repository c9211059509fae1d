//! Five buttons: how sure the learner is that they would spot a scam.

use scamspot_core::i18n::Lang;
use yew::prelude::*;

pub fn confidence_scale(lang: Lang, on_rate: &Callback<u8>) -> Html {
    let options = (1u8..=5).zip(lang.texts().confidence_levels).map(|(level, label)| {
        html! {
            <button class="scale-option" data-level={level.to_string()} onclick={on_rate.reform(move |_| level)}>
                <span class="scale-number" aria-hidden="true">{ level }</span>
                <span class="scale-label">{ label }</span>
            </button>
        }
    });
    html! { <div class="confidence-scale" role="group">{ for options }</div> }
}
