//! One message as the channel shows it: a chat bubble, an SMS, a line of a
//! call transcript, or a narrator's note. Text is always rendered as text,
//! and can be read aloud where the browser has a voice for it.

use super::read_aloud_button::read_aloud_button;
use crate::ui::widgets::text::{element, text_element};
use scamspot_core::content::Sender;
use scamspot_core::i18n::Lang;
use yew::prelude::*;

/// What a bubble holds besides its sender.
pub struct Message<'a> {
    /// The message: shown unless `body` (tappable phrases) is given; always what is read aloud.
    pub text: AttrValue,
    /// Initials for the contact's avatar.
    pub avatar: &'a AttrValue,
    /// A note under the bubble (a choice's feedback).
    pub note: Option<&'a str>,
    pub body: Option<Html>,
    pub read_aloud: Option<Lang>,
}

pub fn bubble(from: Sender, message: Message) -> Html {
    let class = match from {
        Sender::Contact => "msg from-contact",
        Sender::Me => "msg from-me",
        Sender::Narrator => "msg from-narrator",
    };
    let button = read_aloud_button(message.read_aloud, &message.text);
    let body = message.body.unwrap_or_else(|| html! { { message.text } });
    html! {
        <div ~className={class}>
            if from == Sender::Contact {
                <span class="avatar" aria-hidden="true">{ message.avatar }</span>
            }
            // The button goes first and floats at the top corner, so the text flows round it.
            { element("div", "bubble", vec![button, body]) }
            if let Some(note) = message.note {
                { text_element("p", "msg-note", note) }
            }
        </div>
    }
}
