//! One message as the channel shows it: a chat bubble, an SMS, a line of a
//! call transcript, or a narrator's note. Text is always rendered as text,
//! and can be read aloud where the browser has a voice for it.

use super::read_aloud_button::read_aloud_button;
use scamspot_core::content::Sender;
use scamspot_core::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BubbleProps {
    pub from: Sender,
    /// The message: shown unless `children` (tappable phrases) are given; always what is read aloud.
    #[prop_or_default]
    pub text: AttrValue,
    /// Initials for the contact's avatar.
    #[prop_or_default]
    pub avatar: AttrValue,
    /// A note under the bubble (a choice's feedback).
    #[prop_or_default]
    pub note: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
    #[prop_or_default]
    pub read_aloud: Option<Lang>,
}

#[function_component]
pub fn Bubble(props: &BubbleProps) -> Html {
    let side = match props.from {
        Sender::Contact => "from-contact",
        Sender::Me => "from-me",
        Sender::Narrator => "from-narrator",
    };
    let body = if props.children == Html::default() {
        html! { { &props.text } }
    } else {
        props.children.clone()
    };
    html! {
        <div class={classes!("msg", side)}>
            if props.from == Sender::Contact {
                <span class="avatar" aria-hidden="true">{ &props.avatar }</span>
            }
            // The button goes first and floats at the top corner, so the text flows round it.
            <div class="bubble">{ read_aloud_button(props.read_aloud, &props.text) }{ body }</div>
            if let Some(note) = &props.note {
                <p class="msg-note">{ note }</p>
            }
        </div>
    }
}
