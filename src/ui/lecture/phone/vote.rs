//! Voting on the phone: a fork's choices in the room's order, or a spot
//! step's messages with tappable phrases; the pick is marked, changeable
//! until voting closes, and says whether the server has it.

use super::client_id;
use super::stages::section;
use crate::state::lecture::phone::{Delivery, PhoneAction, PhoneNotice, PhoneState};
use crate::ui::widgets::bubble::{bubble, Message};
use crate::ui::widgets::spot_message::spot_message;
use scamspot_core::content::{StepKind, ValidScenario};
use scamspot_core::engine::order::choice_order;
use scamspot_core::engine::round::can_be_tapped;
use scamspot_core::engine::segments::segments;
use scamspot_core::i18n::{initials, Lang};
use scamspot_core::room::texts::phone::PhoneTexts;
use scamspot_core::room::{Phrase, Pick, PlayerView};
use yew::prelude::*;

/// "Sending…" / "Received ✓", or why the last one was not counted.
pub fn delivery_line(t: &PhoneTexts, state: &PhoneState, delivery: Option<Delivery>) -> Html {
    let words = match (state.notice, delivery) {
        (Some(PhoneNotice::VotingClosed), _) => t.voting_closed,
        (Some(PhoneNotice::NotAccepted), _) => t.not_accepted,
        (None, Some(Delivery::Sending)) => t.sending,
        (None, Some(Delivery::Received)) => t.received,
        (None, None) => "",
    };
    let class = if state.notice.is_some() { "delivery refused" } else { "delivery" };
    html! { <p id="delivery" {class} role="status">{ words }</p> }
}

pub fn voting(
    lang: Lang,
    state: &PhoneState,
    view: &PlayerView,
    scenario: &ValidScenario,
    dispatch: &Callback<PhoneAction>,
) -> Html {
    let t = PhoneTexts::of(lang);
    let Some(at) = view.at else { return html! {} };
    let step = &scenario.steps[at.step];
    let mine = state.my_answer();
    let delivery = delivery_line(t, state, mine.map(|(_, delivery)| delivery));
    let code = view.lang.as_str();
    match step.kind() {
        Some(StepKind::Choices(choices)) => {
            let chosen = match mine {
                Some((Pick::Choice(choice), _)) => Some(*choice),
                _ => None,
            };
            let buttons = choice_order(view.seed, &scenario.id, step).into_iter().map(|authored| {
                let pressed = if chosen == Some(authored) { "true" } else { "false" };
                let on_choose =
                    dispatch.reform(move |_| PhoneAction::Choose { choice: authored, client_id: client_id() });
                html! {
                    <button class="choice vote" key={authored} data-choice={authored.to_string()} aria-pressed={pressed}
                        onclick={on_choose}>{ choices[authored].text.get(code) }</button>
                }
            });
            let body = html! {
                <>
                    <p class="meta">{ t.change_hint }</p>
                    <div class="choices vote-choices" role="group" aria-label={t.choose_heading} key={step.id.clone()}>
                        { for buttons }
                    </div>
                    { delivery }
                </>
            };
            section("voting", t.choose_heading, body)
        }
        Some(StepKind::Spot(spot)) => {
            let taps: &[Phrase] = match mine {
                Some((Pick::Taps(taps), _)) => taps,
                _ => &[],
            };
            let avatar = AttrValue::from(initials(scenario.contact.name.get(code)));
            let messages = step.messages.iter().enumerate().filter(|(_, m)| can_be_tapped(m)).map(|(mi, message)| {
                let phrases = segments(message, code)
                    .into_iter()
                    .enumerate()
                    .map(|(pi, segment)| (segment.text, taps.contains(&Phrase { message: mi, phrase: pi })));
                let on_tap = dispatch.reform(move |phrase| PhoneAction::TogglePhrase {
                    phrase: Phrase { message: mi, phrase },
                    client_id: client_id(),
                });
                let text = AttrValue::from(message.text.get(code).to_string());
                let body = Some(spot_message(phrases, &on_tap));
                bubble(message.from, Message { text, avatar: &avatar, note: None, body, read_aloud: None })
            });
            let body = html! {
                <>
                    <p class="meta">{ spot.prompt.as_ref().map_or(t.spot_hint, |p| p.get(code)) }</p>
                    <div class="transcript room-spot" key={step.id.clone()}>{ for messages }</div>
                    <p class="meta">{ (t.spot_count)(taps.len()) }</p>
                    { delivery }
                </>
            };
            section("voting", t.spot_heading, body)
        }
        Some(StepKind::End(_)) | None => section("voting", t.look_at_screen, html! {}),
    }
}
