//! A message shown as the phone's own prompt instead of a bubble (`card` in
//! the pack): "Install app?" with the app's name and source, or a meeting
//! app's "Start sharing your screen?". The body is the pack's text (or, in a
//! spot step, its tappable phrases); the title and the drawn buttons are the
//! phone's words. The buttons are a picture, not controls: the step's
//! choices stay the way to act. A plain function, not a component: it has no
//! state, and adds no component to the wasm.

use super::read_aloud_button::read_aloud_button;
use crate::ui::widgets::text::{element, text_element};
use scamspot_core::content::Card;
use scamspot_core::i18n::Lang;
use yew::prelude::*;

/// `body` replaces the text when given (tappable or reviewed phrases); `text` is always what is read aloud.
pub fn phone_prompt(lang: Lang, card: Card, text: AttrValue, body: Option<Html>, read_aloud: Option<Lang>) -> Html {
    let t = lang.texts();
    let (class, icon, title, note, action) = match card {
        Card::InstallApp => {
            ("msg phone-prompt install-app", "📦", t.prompt_install_title, None, t.prompt_install_action)
        }
        Card::ScreenShare => (
            "msg phone-prompt screen-share",
            "🖥️",
            t.prompt_share_title,
            Some(t.prompt_share_note),
            t.prompt_share_action,
        ),
    };
    let button = read_aloud_button(read_aloud, &text);
    let body = body.unwrap_or_else(|| html! { { text } });
    html! {
        <div ~className={class} role="group" aria-label={title}>
            <div class="prompt-box">
                <p class="prompt-title"><span aria-hidden="true">{ icon }{ " " }</span>{ title }</p>
                { element("div", "prompt-body", vec![button, body]) }
                if let Some(note) = note {
                    { text_element("p", "prompt-note", note) }
                }
                <div class="prompt-buttons" aria-hidden="true">
                    { text_element("span", "", t.prompt_cancel) }
                    { text_element("span", "prompt-action", action) }
                </div>
            </div>
        </div>
    }
}
