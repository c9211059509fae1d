//! "Leave this round?": an in-app dialog (in-app browsers may block
//! `window.confirm`). Focus moves to "Keep playing", the safe answer; Esc
//! answers the same.

use scamspot_core::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LeaveDialogProps {
    pub lang: Lang,
    pub on_leave: Callback<MouseEvent>,
    pub on_stay: Callback<()>,
}

#[function_component]
pub fn LeaveDialog(props: &LeaveDialogProps) -> Html {
    let t = props.lang.texts();
    let stay_button = use_node_ref();
    {
        let stay_button = stay_button.clone();
        use_effect_with((), move |_| {
            if let Some(button) = stay_button.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    let on_key = {
        let on_stay = props.on_stay.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_stay.emit(());
            }
        })
    };
    html! {
        <div class="dialog-backdrop">
            <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="leave-title"
                aria-describedby="leave-text" onkeydown={on_key}>
                <h2 id="leave-title">{ t.leave_title }</h2>
                <p id="leave-text">{ t.leave_text }</p>
                <button id="keep-playing" class="primary" ref={stay_button} onclick={props.on_stay.reform(|_| ())}>
                    { t.keep_playing }
                </button>
                <button id="leave-round" class="secondary" onclick={props.on_leave.clone()}>{ t.leave_confirm }</button>
            </div>
        </div>
    }
}
