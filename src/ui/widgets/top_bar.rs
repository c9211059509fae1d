//! The app bar: the name (back to start, where there is a start to go back
//! to), the 大字 switch and the language switch.

use scamspot_core::i18n::Lang;
use yew::prelude::*;

/// `on_large_text` gets the 大字 setting the tap asks for. Without `on_home`
/// the name is only a name (a lecture room's phone: a tap must not leave the room).
pub fn top_bar(
    lang: Lang,
    large_text: bool,
    on_switch: Callback<MouseEvent>,
    on_home: Option<Callback<MouseEvent>>,
    on_large_text: &Callback<bool>,
) -> Html {
    let t = lang.texts();
    let name = html! { <><span class="logo" aria-hidden="true">{ "识" }</span>{ t.app_name }</> };
    html! {
        <header class="top-bar">
            if let Some(on_home) = on_home {
                <button class="brand" onclick={on_home}>{ name }</button>
            } else {
                <span class="brand">{ name }</span>
            }
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
