//! A message shown as the phone's own prompt instead of a bubble (`card` in
//! the pack): "Install app?" with the app's name and source, or a meeting
//! app's "Start sharing your screen?". The body is the pack's text; the
//! title and the drawn buttons are the phone's words. The buttons are a
//! picture, not controls: the step's choices stay the way to act. In a spot
//! step the body is tappable phrases like any message.

use super::read_aloud_button::read_aloud_button;
use scamspot_core::content::Card;
use scamspot_core::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PhonePromptProps {
    pub lang: Lang,
    pub card: Card,
    /// The message: shown unless `children` (tappable phrases) are given; always what is read aloud.
    #[prop_or_default]
    pub text: AttrValue,
    #[prop_or_default]
    pub children: Html,
    #[prop_or_default]
    pub read_aloud: Option<Lang>,
}

#[function_component]
pub fn PhonePrompt(props: &PhonePromptProps) -> Html {
    let t = props.lang.texts();
    let (kind, icon, title, note, action) = match props.card {
        Card::InstallApp => ("install-app", "📦", t.prompt_install_title, None, t.prompt_install_action),
        Card::ScreenShare => {
            ("screen-share", "🖥️", t.prompt_share_title, Some(t.prompt_share_note), t.prompt_share_action)
        }
    };
    let body = if props.children == Html::default() {
        html! { { &props.text } }
    } else {
        props.children.clone()
    };
    html! {
        <div class={classes!("msg", "phone-prompt", kind)} role="group" aria-label={title}>
            <div class="prompt-box">
                <p class="prompt-title"><span aria-hidden="true">{ icon }{ " " }</span>{ title }</p>
                <div class="prompt-body">{ read_aloud_button(props.read_aloud, &props.text) }{ body }</div>
                if let Some(note) = note {
                    <p class="prompt-note">{ note }</p>
                }
                <div class="prompt-buttons" aria-hidden="true">
                    <span>{ t.prompt_cancel }</span>
                    <span class="prompt-action">{ action }</span>
                </div>
            </div>
        </div>
    }
}
