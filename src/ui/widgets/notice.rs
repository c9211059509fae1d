//! A visible notice: saved progress reset, packs skipped, content unavailable.

use scamspot_core::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub message: AttrValue,
    /// Technical lines (validator messages) shown under the message.
    #[prop_or_default]
    pub details: Vec<String>,
    #[prop_or_default]
    pub on_dismiss: Option<Callback<()>>,
    pub lang: Lang,
}

#[function_component]
pub fn Notice(props: &NoticeProps) -> Html {
    html! {
        <div class="notice" role="alert">
            <p>{ &props.message }</p>
            if !props.details.is_empty() {
                <ul class="notice-details">
                    { for props.details.iter().map(|d| html! { <li><code>{ d }</code></li> }) }
                </ul>
            }
            if let Some(dismiss) = &props.on_dismiss {
                <button class="secondary" onclick={dismiss.reform(|_: MouseEvent| ())}>{ props.lang.texts().dismiss }</button>
            }
        </div>
    }
}
