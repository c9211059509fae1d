//! Playing a scenario: the conversation so far, messages arriving one by one,
//! then the learner's choices, a flag-spotting task, or the ending.

use crate::ui::widgets::bubble::{bubble, Message};
use crate::ui::widgets::channel_skin::channel_skin;
use crate::ui::widgets::choice_list::choice_list;
use crate::ui::widgets::phone_prompt::phone_prompt;
use crate::ui::widgets::replay_panel::{replay_panel, ReplayToggle};
use crate::ui::widgets::scenario_header::scenario_header;
use crate::ui::widgets::spot_message::spot_message;
use crate::ui::widgets::spot_review::spot_review;
use crate::ui::widgets::text::{button, element, paragraph, text_element};
use crate::web::browser::prefers_reduced_motion;
use gloo::timers::callback::Timeout;
use scamspot_core::content::{Channel, Sender, StepKind};
use scamspot_core::engine::segments::segments;
use scamspot_core::engine::{Action, Round};
use scamspot_core::i18n::{fill, initials, Lang};
use yew::prelude::*;

/// Pause before each message arrives: long enough to feel like a chat,
/// short enough that nobody waits. "Show all" skips it.
const REVEAL_MS: u32 = 450;

/// The screen's look follows the channel (static/screens.css styles each).
pub(crate) fn screen_class(channel: Channel) -> &'static str {
    match channel {
        Channel::Chat => "screen scenario chat",
        Channel::Group => "screen scenario group",
        Channel::Sms => "screen scenario sms",
        Channel::Call => "screen scenario call",
        Channel::App => "screen scenario app",
        Channel::Email => "screen scenario email",
        Channel::Marketplace => "screen scenario marketplace",
    }
}

/// What moves a scenario on while it plays: its current scenario, step,
/// messages shown and whether all are. The round's view keys its reveal
/// timer and scrolling on it (`reveal_and_scroll`).
pub type PlayProgress = (usize, usize, usize, bool);

pub fn play_progress(round: &Round) -> PlayProgress {
    (round.current(), round.step_index(), round.play().revealed, round.all_revealed())
}

/// Messages arrive one by one (new progress cancels a pending timer, by
/// dropping what this returns); after each, the end of the conversation
/// scrolls into view. Scrolling forces a layout: it is done just after the
/// frame that shows the tap's result, so the tap itself paints at once.
pub fn reveal_and_scroll(
    (scenario, step, _, done): PlayProgress,
    on_action: Callback<Action>,
    bottom: NodeRef,
) -> (Option<Timeout>, Timeout) {
    let reveal = (!done).then(|| Timeout::new(REVEAL_MS, move || on_action.emit(Action::Reveal { scenario, step })));
    let scroll = Timeout::new(0, move || {
        if let Some(el) = bottom.cast::<web_sys::Element>() {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::End);
            if !prefers_reduced_motion() {
                options.set_behavior(web_sys::ScrollBehavior::Smooth);
            }
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
    (reveal, scroll)
}

/// What the round's effects keep for the scenario on show: the end of its
/// conversation (scrolled into view by `reveal_and_scroll`) and its replay's toggle.
pub struct ScenarioRefs {
    pub bottom: NodeRef,
    pub replay: ReplayToggle,
}

/// The scenario being played. A function, not a component: the round's
/// effects run its timers and keep its `refs`. `read_aloud`: read-aloud
/// buttons on messages and choices, where the browser can speak. `ending`
/// draws the card that ends it (`ending_card`), which the lean build keeps
/// in a wasm chunk with the screens after it.
pub fn scenario_screen(
    lang: Lang,
    r: &Round,
    dispatch: &Callback<Action>,
    read_aloud: Option<Lang>,
    refs: &ScenarioRefs,
    ending: &dyn Fn() -> Html,
) -> Html {
    let (code, t) = (lang.code(), lang.texts());
    let scenario = r.scenario();
    let (current, step_index) = (r.current(), r.step_index());

    let name = scenario.contact.name.get(code);
    let avatar = AttrValue::from(initials(name));
    let step = &scenario.steps[step_index];

    let transcript = r.play().trail.iter().enumerate().map(|(vi, visit)| {
        let visit_step = &scenario.steps[visit.step];
        let messages = visit_step.messages.iter().enumerate().take(r.shown_messages(vi)).map(|(mi, message)| {
            // Tappable phrases while spotting, how each went once submitted, else the plain text.
            let (body, read_aloud) = if r.is_tappable(vi, mi) {
                let phrases = segments(message, code).into_iter().map(|s| {
                    let tapped = visit.is_tapped(mi, &s);
                    (s.text, tapped)
                });
                let on_tap = dispatch.reform({
                    let code = code.to_string();
                    move |segment| Action::ToggleTap {
                        scenario: current,
                        step: step_index,
                        message: mi,
                        segment,
                        lang: code.clone(),
                    }
                });
                (Some(spot_message(phrases, &on_tap)), read_aloud)
            } else if let Some(marks) = r.phrase_marks(vi, mi, code) {
                (Some(spot_review(lang, marks.into_iter().map(|(s, mark)| (s.text, mark)))), None)
            } else {
                (None, read_aloud)
            };
            let text = AttrValue::from(message.text.get(code).to_string());
            match message.card {
                Some(card) => phone_prompt(lang, card, text, body, read_aloud),
                None => bubble(message.from, Message { text, avatar: &avatar, note: None, body, read_aloud }),
            }
        });
        let chosen = visit.choice.and_then(|c| visit_step.choices.get(c)).map(|choice| {
            let (text, note) =
                (AttrValue::from(choice.text.get(code).to_string()), choice.feedback.as_ref().map(|f| f.get(code)));
            bubble(Sender::Me, Message { text, avatar: &avatar, note, body: None, read_aloud })
        });
        html! { <>{ for messages }{ for chosen }</> }
    });

    // Each kind of action, and each step's choices, gets its own key, so a
    // button never turns into a different button under the learner's finger.
    let action_area = if !r.all_revealed() {
        html! {
            <div class="waiting" key="waiting">
                <span class="typing" role="status">{ t.typing }</span>
                { button("", "link", t.show_all, dispatch.reform(move |_| Action::RevealAll { scenario: current, step: step_index })) }
            </div>
        }
    } else if r.current_result().is_some() {
        ending()
    } else {
        match step.kind() {
            Some(StepKind::Choices(choices)) => {
                let shown =
                    r.choice_order().into_iter().map(|i| (i, AttrValue::from(choices[i].text.get(code).to_string())));
                let on_choose =
                    dispatch.reform(move |choice| Action::Choose { scenario: current, step: step_index, choice });
                choice_list(&step.id, t.choose_prompt, shown, &on_choose, read_aloud)
            }
            Some(StepKind::Spot(spot)) => {
                html! {
                    <div class="spot-task" key={step.id.clone()}>
                        { text_element("p", "prompt", spot.prompt.as_ref().map_or(t.spot_prompt, |p| p.get(code))) }
                        <p class="meta" role="status">{ (t.spot_selected)(r.taps_selected()) }</p>
                        { button("spot-done", "primary", t.spot_submit, dispatch.reform(move |_| Action::SubmitSpot { scenario: current, step: step_index })) }
                    </div>
                }
            }
            // An end is scored on entry, so `current_result` above handles it.
            Some(StepKind::End(_)) | None => html! {},
        }
    };

    html! {
        // Its own key: the section never takes over another screen's element
        // (Yew would set its class as a property, then remove the old screen's
        // class attribute, and with it the class).
        <section key="scenario" ~className={screen_class(scenario.channel)} data-scenario={scenario.id.clone()} data-step={step.id.clone()}>
            { scenario_header(lang, scenario, &avatar, fill(t.scenario_of, &[("index", &(current + 1)), ("count", &r.planned())]), r.play().balance) }
            { text_element("p", "scenario-title", scenario.title.get(code)) }
            { channel_skin(lang, scenario.channel, &scenario.contact) }
            <div class="transcript" aria-live="polite">{ for transcript }</div>
            { element("div", "action-area", vec![action_area]) }
            <div ref={refs.bottom.clone()}></div>
        </section>
    }
}

/// The card that ends a scenario once it is scored: how it went, its
/// replay where the learner stopped early, the way to the debrief.
pub fn ending_card(lang: Lang, r: &Round, dispatch: &Callback<Action>, toggle: &ReplayToggle) -> Html {
    let Some(result) = r.current_result() else { return html! {} };
    let (code, t, current) = (lang.code(), lang.texts(), r.current());
    let scenario = r.scenario();
    let avatar = AttrValue::from(initials(scenario.contact.name.get(code)));
    let replay = r.replay().map(|replay| replay_panel(lang, &r.scenarios()[current], &replay, &avatar, toggle));
    let on_debrief = dispatch.reform(move |_| Action::OpenDebrief { scenario: current });
    let (outcome, paid) = (result.outcome, result.paid);
    let summary = scenario.steps[r.step_index()].end.as_ref().map(|e| e.summary.get(code)).unwrap_or_default();
    let class = if outcome.is_good() { "end-card good" } else { "end-card bad" };
    html! {
        <div ~className={class} key="end" data-outcome={outcome.code()}>
            <h3><span aria-hidden="true">{ if outcome.is_good() { "✔ " } else { "✖ " } }</span>{ t.outcome_heading(outcome, paid) }</h3>
            { paragraph(summary) }
            { for replay }
            { button("see-debrief", "primary", t.see_debrief, on_debrief) }
        </div>
    }
}
