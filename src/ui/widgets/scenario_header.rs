//! The top of a scenario screen: who the learner is dealing with, through
//! which channel, how far into the round, and the simulated savings.

use super::balance::Balance;
use scamspot_core::content::Channel;
use scamspot_core::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScenarioHeaderProps {
    pub lang: Lang,
    pub channel: Channel,
    pub name: AttrValue,
    #[prop_or_default]
    pub detail: Option<AttrValue>,
    pub avatar: AttrValue,
    pub position: AttrValue,
    pub balance: i64,
    pub savings: i64,
}

fn channel_icon(channel: Channel) -> &'static str {
    match channel {
        Channel::Chat => "💬",
        Channel::Group => "👥",
        Channel::Sms => "✉️",
        Channel::Call => "📞",
        Channel::App => "📱",
        Channel::Email => "📧",
        Channel::Marketplace => "🛍️",
    }
}

#[function_component]
pub fn ScenarioHeader(props: &ScenarioHeaderProps) -> Html {
    html! {
        <div class="scenario-header">
            <div class="contact">
                <span class="avatar large" aria-hidden="true">{ &props.avatar }</span>
                <div class="contact-text">
                    <h2 class="contact-name screen-heading" tabindex="-1"><span aria-hidden="true">{ channel_icon(props.channel) }{ " " }</span>{ &props.name }</h2>
                    if let Some(detail) = &props.detail {
                        <p class="contact-detail">{ detail }</p>
                    }
                </div>
                <span class="position">{ &props.position }</span>
            </div>
            <Balance lang={props.lang} amount={props.balance} start={props.savings} />
        </div>
    }
}
