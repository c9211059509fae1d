//! "How sure are you that you would spot a scam?", before and after a round.

use crate::ui::widgets::confidence_scale::confidence_scale;
use scamspot_core::i18n::Lang;
use yew::prelude::*;

pub fn confidence_screen(lang: Lang, after: bool, on_rate: &Callback<u8>) -> Html {
    let t = lang.texts();
    html! {
        <section class="screen confidence">
            <h1 id="confidence-question" class="screen-heading" tabindex="-1">{ if after { t.confidence_after } else { t.confidence_before } }</h1>
            { confidence_scale(lang, on_rate, None) }
        </section>
    }
}
