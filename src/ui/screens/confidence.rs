//! "How sure are you that you would spot a scam?", before and after a round.

use crate::ui::widgets::confidence_scale::ConfidenceScale;
use scamspot_core::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfidenceScreenProps {
    pub lang: Lang,
    pub after: bool,
    pub on_rate: Callback<u8>,
}

#[function_component]
pub fn ConfidenceScreen(props: &ConfidenceScreenProps) -> Html {
    let t = props.lang.texts();
    html! {
        <section class="screen confidence">
            <h1 id="confidence-question" class="screen-heading" tabindex="-1">{ if props.after { t.confidence_after } else { t.confidence_before } }</h1>
            <ConfidenceScale lang={props.lang} on_rate={props.on_rate.clone()} />
        </section>
    }
}
