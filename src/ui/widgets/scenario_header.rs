//! The top of a scenario screen: who the learner is dealing with, through
//! which channel, how far into the round, and the simulated savings.

use super::balance::balance;
use crate::ui::widgets::text::text_element;
use scamspot_core::content::{Channel, Scenario};
use scamspot_core::i18n::Lang;
use yew::prelude::*;

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

/// `position` says how far into the round; `savings` is the balance now.
pub fn scenario_header(lang: Lang, scenario: &Scenario, avatar: &AttrValue, position: String, savings: i64) -> Html {
    let (code, contact) = (lang.code(), &scenario.contact);
    html! {
        <div class="scenario-header">
            <div class="contact">
                <span class="avatar large" aria-hidden="true">{ avatar }</span>
                <div class="contact-text">
                    <h2 class="contact-name screen-heading" tabindex="-1">
                        <span aria-hidden="true">{ channel_icon(scenario.channel) }{ " " }</span>{ contact.name.get(code) }
                    </h2>
                    if let Some(detail) = &contact.detail {
                        { text_element("p", "contact-detail", detail.get(code)) }
                    }
                </div>
                { text_element("span", "position", &position) }
            </div>
            { balance(lang, savings, scenario.savings) }
        </div>
    }
}
