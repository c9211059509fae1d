//! The button that reads a message or a choice aloud. It is a plain function,
//! not a component: one per message adds no component of its own to the wasm.

use crate::web::speech::speak;
use scamspot_core::i18n::Lang;
use yew::prelude::*;

/// `read_aloud` is the language to read in, `None` where the browser has no
/// voice for the interface language: then no button shows.
pub fn read_aloud_button(read_aloud: Option<Lang>, text: &AttrValue) -> Html {
    let Some(lang) = read_aloud else { return html! {} };
    let (label, text) = (lang.texts().read_aloud, text.clone());
    html! {
        <button class="read-aloud" aria-label={label} title={label} onclick={move |_| speak(&text, lang)}>
            <span aria-hidden="true">{ "🔊" }</span>
        </button>
    }
}
