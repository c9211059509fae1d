//! The phone page's bar: the app's name, the 大字 switch and the language
//! switch, styled as the solo app's (no "home": a tap must not leave the room).

use scamspot_core::i18n::Lang;
use yew::prelude::*;

pub fn phone_header(
    lang: Lang,
    large_text: bool,
    on_switch: Callback<MouseEvent>,
    on_large_text: &Callback<bool>,
) -> Html {
    let t = lang.texts();
    html! {
        <header class="top-bar">
            <span class="brand">
                <span class="logo" aria-hidden="true">{ "识" }</span>
                { t.app_name }
            </span>
            <button id="large-text" class="text-size" aria-pressed={if large_text { "true" } else { "false" }}
                onclick={on_large_text.reform(move |_| !large_text)}>
                { t.large_text }
            </button>
            <button id="lang-switch" class="lang-switch" onclick={on_switch} lang={lang.other().code()} aria-label={t.switch_label}>
                { t.switch_to }
            </button>
        </header>
    }
}
