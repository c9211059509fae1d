//! The app bar: the name (back to start), the 大字 switch and the language switch.

use scamspot_core::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TopBarProps {
    pub lang: Lang,
    pub on_switch: Callback<()>,
    pub on_home: Callback<()>,
    pub large_text: bool,
    pub on_large_text: Callback<bool>,
}

#[function_component]
pub fn TopBar(props: &TopBarProps) -> Html {
    let t = props.lang.texts();
    let other = props.lang.other();
    let switch = props.on_switch.reform(|_: MouseEvent| ());
    let home = props.on_home.reform(|_: MouseEvent| ());
    let large = !props.large_text;
    let toggle_large = props.on_large_text.reform(move |_: MouseEvent| large);
    html! {
        <header class="top-bar">
            <button class="brand" onclick={home}>
                <span class="logo" aria-hidden="true">{ "识" }</span>
                { t.app_name }
            </button>
            <button id="large-text" class="text-size" aria-pressed={props.large_text.to_string()} onclick={toggle_large}>
                { t.large_text }
            </button>
            <button id="lang-switch" class="lang-switch" onclick={switch} lang={other.code()} aria-label={t.switch_label}>
                { t.switch_to }
            </button>
        </header>
    }
}
