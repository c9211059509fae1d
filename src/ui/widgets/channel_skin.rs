//! What the phone shows above the conversation, so each channel looks like
//! the real thing: the Messages app's sender line, the incoming-call screen a
//! call opens with, a second-hand marketplace chat's item card. Names and
//! numbers come from the pack; the phone's own words from `Texts`. Chat,
//! group, app and e-mail screens need nothing above the header.

use scamspot_core::content::Channel;
use scamspot_core::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChannelSkinProps {
    pub lang: Lang,
    pub channel: Channel,
    pub name: AttrValue,
    #[prop_or_default]
    pub detail: Option<AttrValue>,
    pub avatar: AttrValue,
}

#[function_component]
pub fn ChannelSkin(props: &ChannelSkinProps) -> Html {
    let t = props.lang.texts();
    // The sender line shows the number (or sender code) when the pack gives one, as phones do.
    let sender = props.detail.clone().unwrap_or_else(|| props.name.clone());
    match props.channel {
        Channel::Sms => html! {
            <div class="skin sms-skin">
                <p class="skin-label">{ t.skin_sms }</p>
                <p class="sms-sender">{ sender }</p>
            </div>
        },
        Channel::Call => html! {
            <div class="skin call-skin" role="group" aria-labelledby="incoming-call">
                <p class="skin-label" id="incoming-call">{ t.skin_incoming_call }</p>
                <span class="avatar call-avatar" aria-hidden="true">{ &props.avatar }</span>
                <p class="caller-name">{ &props.name }</p>
                if let Some(number) = &props.detail {
                    <p class="caller-number">{ number }</p>
                }
                <p class="skin-label call-transcript">{ t.skin_call_transcript }</p>
            </div>
        },
        Channel::Marketplace => html! {
            <div class="skin market-skin" role="group" aria-labelledby="market-item">
                <span class="item-thumb" aria-hidden="true">{ "🛍️" }</span>
                <div>
                    <p class="skin-label" id="market-item">{ t.skin_item }</p>
                    <p class="item-title">{ sender }</p>
                </div>
            </div>
        },
        Channel::Chat | Channel::Group | Channel::App | Channel::Email => html! {},
    }
}
