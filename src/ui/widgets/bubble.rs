//! One message as the channel shows it: a chat bubble, an SMS, a line of a
//! call transcript, or a narrator's note. Text is always rendered as text.

use scamspot_core::content::Sender;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BubbleProps {
    pub from: Sender,
    /// The message; ignored when `children` (tappable phrases) are given.
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
            <div class="bubble">{ body }</div>
            if let Some(note) = &props.note {
                <p class="msg-note">{ note }</p>
            }
        </div>
    }
}
