//! The app bar: the name (back to start) and the language switch.

use scamspot_core::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TopBarProps {
    pub lang: Lang,
    pub on_switch: Callback<()>,
    pub on_home: Callback<()>,
}

#[function_component]
pub fn TopBar(props: &TopBarProps) -> Html {
    let t = props.lang.texts();
    let other = props.lang.other();
    let switch = props.on_switch.reform(|_: MouseEvent| ());
    let home = props.on_home.reform(|_: MouseEvent| ());
    html! {
        <header class="top-bar">
            <button class="brand" onclick={home}>
                <span class="logo" aria-hidden="true">{ "识" }</span>
                { t.app_name }
            </button>
            <button id="lang-switch" class="lang-switch" onclick={switch} lang={other.code()} aria-label={t.switch_label}>
                { t.switch_to }
            </button>
        </header>
    }
}
