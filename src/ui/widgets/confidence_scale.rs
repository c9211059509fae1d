//! Five buttons: how sure the learner is that they would spot a scam.

use scamspot_core::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfidenceScaleProps {
    pub lang: Lang,
    pub on_rate: Callback<u8>,
}

#[function_component]
pub fn ConfidenceScale(props: &ConfidenceScaleProps) -> Html {
    let labels = props.lang.texts().confidence_levels;
    html! {
        <div class="confidence-scale" role="group">
            { for (1u8..=5).zip(labels).map(|(level, label)| {
                let on_rate = props.on_rate.clone();
                html! {
                    <button class="scale-option" data-level={level.to_string()} onclick={Callback::from(move |_| on_rate.emit(level))}>
                        <span class="scale-number" aria-hidden="true">{ level }</span>
                        <span class="scale-label">{ label }</span>
                    </button>
                }
            }) }
        </div>
    }
}
