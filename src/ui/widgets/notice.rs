//! A visible notice: saved progress reset, packs skipped, content unavailable;
//! and the status shown while content downloads.

use crate::ui::widgets::text::{button, element, paragraph, text_element};
use scamspot_core::i18n::Lang;
use yew::prelude::*;

/// `details` are technical lines (validator messages) shown under the message.
pub fn notice(lang: Lang, message: AttrValue, details: Vec<String>, on_dismiss: Option<Callback<MouseEvent>>) -> Html {
    html! {
        <div class="notice" role="alert">
            { paragraph(&message) }
            if !details.is_empty() {
                <ul class="notice-details">
                    { for details.iter().map(|d| element("li", "", vec![text_element("code", "", d)])) }
                </ul>
            }
            if let Some(dismiss) = on_dismiss {
                { button("", "secondary", lang.texts().dismiss, dismiss) }
            }
        </div>
    }
}

/// "Loading…" while the pack index or a round's scenarios download.
pub fn loading_status(lang: Lang) -> Html {
    html! { <p class="loading" role="status">{ lang.texts().loading }</p> }
}
