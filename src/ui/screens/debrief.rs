//! After a scenario: what it was, what happened, every red flag (found or
//! missed), the techniques, the right action and the official channels
//! (with this deployment's campus security office, when it gives one), and
//! a note that every party in it is invented.
//! Opened again from the results, it is read-only and leads back there.

use super::round::RoundView;
use crate::config::{debrief_channels, SecurityOffice, SECURITY_CHANNEL};
use crate::ui::widgets::text::{button, element, heading, paragraph, text_element, text_node, text_with_id};
use scamspot_core::content::OfficialChannel;
use scamspot_core::engine::{Action, FlagStatus, Phase};
use scamspot_core::i18n::{fill, yuan, Texts};
use yew::prelude::*;

pub fn debrief_screen(view: &RoundView) -> Html {
    let r = &view.round;
    let (code, t) = (view.lang.code(), view.lang.texts());
    let Some((index, result)) = r.debrief_index().and_then(|i| Some((i, r.results().get(i)?))) else {
        return html! {};
    };
    let scenario = &r.scenarios()[index];
    // Opened again from the results, it leads back there; else on through the round.
    let (onward_id, onward_label, onward) = if r.phase() == Phase::Summary {
        ("back-to-results", t.back_to_results, Action::Review { scenario: None })
    } else {
        let label = if r.is_last() { t.finish_round } else { t.next_scenario };
        ("next", label, Action::NextScenario { scenario: index })
    };

    let office = view.security.as_ref();
    let channels = debrief_channels(&scenario.debrief.channels, office);

    let flag_items: Vec<Html> = r
        .flag_review(index)
        .into_iter()
        .map(|(flag, status)| {
            let (class, label) = match status {
                FlagStatus::Found => ("flag found", t.flag_found),
                FlagStatus::Missed => ("flag missed", t.flag_missed),
                FlagStatus::Seen => ("flag seen", t.flag_seen),
                FlagStatus::NotReached => ("flag not-reached", t.flag_not_reached),
            };
            element(
                "li",
                class,
                vec![
                    text_element("span", "flag-status", label),
                    text_element("q", "", flag.quote.get(code)),
                    paragraph(flag.why.get(code)),
                ],
            )
        })
        .collect();

    html! {
        <section class="screen debrief">
            if scenario.genuine {
                { text_element("p", "verdict genuine", t.verdict_genuine) }
            } else {
                { text_element("p", "verdict scam", t.verdict_scam) }
            }
            <h1 class="screen-heading" tabindex="-1">{ t.debrief_heading }{ t.label_sep }{ scenario.title.get(code) }</h1>
            <p ~className={if result.handled_right() { "outcome good" } else { "outcome bad" }} id="debrief-outcome">
                { t.outcome_heading(result.outcome, result.paid) }
            </p>
            { text_with_id("p", "savings-change", "", &fill(t.savings_change, &[("start", &yuan(result.savings_start)), ("end", &yuan(result.savings_end))])) }
            { text_with_id("p", "scenario-points", "", &fill(t.scenario_points, &[("points", &result.points), ("max", &result.max_points)])) }

            { heading(t.why_heading) }
            { paragraph(scenario.debrief.why.get(code)) }

            { heading(t.flags_heading) }
            if flag_items.is_empty() {
                { paragraph(t.no_flags_genuine) }
            } else {
                { element("ul", "flag-list", flag_items) }
            }

            if !scenario.techniques.is_empty() {
                { heading(t.techniques_heading) }
                { element("ul", "technique-list", scenario.techniques.iter().filter_map(|id| view.site.catalog.technique(id)).map(|tech| {
                    element("li", "", vec![text_element("strong", "", tech.name.get(code)), text_node(t.label_sep), text_node(tech.about.get(code))])
                }).collect()) }
            }

            { heading(t.action_heading) }
            { text_element("p", "right-action", scenario.debrief.action.get(code)) }

            if !channels.is_empty() {
                { heading(t.channels_heading) }
                { element("ul", "channel-list", channels.iter().filter_map(|id| view.site.catalog.channel(id)).map(|ch| channel_item(ch, office, code, t)).collect()) }
            }

            { text_with_id("p", "fiction-note", "meta fiction-note", t.fictional_footer) }

            { button(onward_id, "primary", onward_label, view.on_action.reform(move |_| onward.clone())) }
        </section>
    }
}

/// One official channel; the campus security office with this deployment's
/// name and a number to tap, when it gives them.
fn channel_item(channel: &OfficialChannel, office: Option<&SecurityOffice>, code: &str, t: &Texts) -> Html {
    match office.filter(|_| channel.id == SECURITY_CHANNEL) {
        Some(office) => html! {
            <li id="campus-security">
                { text_element("strong", "", office.name.as_deref().unwrap_or(channel.name.get(code))) }
                <p>{ t.security_phone }{ t.label_sep }<a href={format!("tel:{}", office.phone.replace(' ', ""))}>{ &office.phone }</a></p>
            </li>
        },
        None => element(
            "li",
            "",
            vec![text_element("strong", "", channel.name.get(code)), paragraph(channel.about.get(code))],
        ),
    }
}
