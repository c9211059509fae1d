//! The start screen: what this is, how long it takes (estimated from the
//! index), and what to play: a quick round, a short one for a lecture, a
//! booster when one is due, one scam type, or one technique (with how
//! reliably the learner recognises each).

use crate::state::AppState;
use crate::ui::widgets::shared_scenario::shared_scenario;
use crate::ui::widgets::technique_list::technique_list;
use crate::ui::widgets::text::{button, element, heading, paragraph, text_element, text_node, text_with_id};
use crate::web::browser::today;
use scamspot_core::content::SiteIndex;
use scamspot_core::engine::plan::{
    booster_miss, booster_round, link, minutes, playable_start, round_seconds, type_progress, RoundKind, SHORT_SECONDS,
};
use scamspot_core::room::texts::phone::PhoneTexts;
use yew::prelude::*;

/// What the start button plays is `state`'s configured first round (a quick
/// round, or what the page was linked or configured to: `?scenario=`,
/// `scenario="…"`, one type). `catalogue`: whether to link the lecturers'
/// catalogue (the app's own page, not an embed).
pub fn start_screen(state: &AppState, index: &SiteIndex, on_start: &Callback<RoundKind>, catalogue: bool) -> Html {
    let (lang, progress) = (state.lang, &*state.progress);
    let (t, code) = (lang.texts(), lang.code());
    let start_with = |kind: RoundKind| on_start.reform(move |_: MouseEvent| kind.clone());
    let configured = state.config.start_kind();
    let first = playable_start(index, &configured);
    let round_minutes = |kind: &RoundKind| minutes(round_seconds(index, kind, state.config.length));
    let short_minutes = minutes(SHORT_SECONDS);
    let start_label = match &first {
        RoundKind::Quick => t.start_mixed.to_string(),
        RoundKind::Short => (t.start_short)(short_minutes),
        _ => t.start_linked.to_string(),
    };
    let booster = booster_round(index, progress, today());
    let booster_minutes = minutes(booster.iter().map(|p| p.seconds).sum());
    // The booster never replays the mistake: its scam teaches the mistake's technique.
    let booster_aims_at_mistake = booster_miss(index, progress).is_some();
    html! {
        <section class="screen start">
            { text_element("h1", "", t.tagline) }
            { paragraph(t.intro) }
            { element("p", "meta", vec![
                html! { <span id="round-minutes">{ "⏱ " }{ (t.quick_minutes)(round_minutes(&RoundKind::Quick)) }</span> },
                element("span", "", vec![text_node("🔒 "), text_node(t.privacy)]),
            ]) }
            if let Some((points, max)) = progress.best_round {
                { text_with_id("p", "overall-progress", "meta", &(t.overall_progress)(progress.rounds, points, max)) }
            }
            { shared_scenario(lang, link(index, &configured)) }
            { button("start", "primary", &start_label, start_with(first.clone())) }
            if first != RoundKind::Short {
                { button("start-short", "secondary", &(t.start_short)(short_minutes), start_with(RoundKind::Short)) }
            }
            if !booster.is_empty() {
                <div class="review-card" id="booster-card">
                    { heading(t.review_heading) }
                    { paragraph(&(t.review_text)(booster.len(), booster_minutes, booster_aims_at_mistake)) }
                    { button("booster", "secondary", t.review_start, start_with(RoundKind::Booster)) }
                </div>
            }
            { heading(t.types_heading) }
            <ul class="type-list">
                { for index.catalog.types.iter().map(|scam_type| {
                    let (played, total) = type_progress(index, progress, &scam_type.id);
                    let minutes = (total > 0).then(|| {
                        let minutes = (t.about_minutes)(round_minutes(&RoundKind::Type(scam_type.id.clone())));
                        text_element("span", "type-minutes", &minutes)
                    });
                    html! {
                        <li class="type-card" data-type={scam_type.id.clone()}>
                            { text_element("h3", "", scam_type.name.get(code)) }
                            { paragraph(scam_type.blurb.get(code)) }
                            { element("p", "meta", vec![text_element("span", "", &(t.type_progress)(played, total)), minutes.unwrap_or_default()]) }
                            if total > 0 {
                                <button class="secondary" onclick={start_with(RoundKind::Type(scam_type.id.clone()))}
                                    aria-label={format!("{}{}{}", t.practise_type, t.label_sep, scam_type.name.get(code))}>{ t.practise_type }</button>
                            }
                        </li>
                    }
                }) }
            </ul>
            { heading(t.by_technique_heading) }
            { paragraph(t.by_technique_intro) }
            { technique_list(lang, index, progress, on_start) }
            if catalogue {
                <p class="catalogue-link"><a href={lang.catalogue_file()}>{ t.catalogue_link }</a></p>
                <p class="room-link"><a id="join-room" href="?room=">{ PhoneTexts::of(lang).join_link }</a></p>
            }
        </section>
    }
}

/// The split point (`ui::split`): a chunk that fails to load is an error
/// the app waits out, not a panic.
#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(start, fallible, preload(preload_start))]
pub fn split_start_screen(
    state: &AppState,
    index: &SiteIndex,
    on_start: &Callback<RoundKind>,
    catalogue: bool,
) -> Result<Html, wasm_split_helpers::SplitLoaderError> {
    Ok(start_screen(state, index, on_start, catalogue))
}
