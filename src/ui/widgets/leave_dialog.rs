//! "Leave this round?": an in-app dialog (in-app browsers may block
//! `window.confirm`). Focus moves to "Keep playing", the safe answer; Esc
//! answers the same. A function and a hook, not a component: a component
//! type of its own would add Yew's lifecycle code to the wasm.

use crate::ui::widgets::text::text_with_id;
use scamspot_core::i18n::Lang;
use yew::prelude::*;

/// The "Keep playing" button's ref, focused each time the dialog opens.
#[hook]
pub fn use_leave_dialog_focus(open: bool) -> NodeRef {
    let stay_button = use_node_ref();
    {
        let stay_button = stay_button.clone();
        use_effect_with(open, move |&open| {
            if let Some(button) = stay_button.cast::<web_sys::HtmlElement>().filter(|_| open) {
                let _ = button.focus();
            }
        });
    }
    stay_button
}

/// `stay_button` comes from `use_leave_dialog_focus`.
pub fn leave_dialog(lang: Lang, stay_button: NodeRef, on_leave: Callback<MouseEvent>, on_stay: Callback<()>) -> Html {
    let t = lang.texts();
    let on_key = {
        let on_stay = on_stay.clone();
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
                { text_with_id("h2", "leave-title", "", t.leave_title) }
                { text_with_id("p", "leave-text", "", t.leave_text) }
                <button id="keep-playing" class="primary" ref={stay_button} onclick={on_stay.reform(|_| ())}>
                    { t.keep_playing }
                </button>
                <button id="leave-round" class="secondary" onclick={on_leave}>{ t.leave_confirm }</button>
            </div>
        </div>
    }
}
