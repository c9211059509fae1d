//! The start screen: what this is, how long it takes (estimated from the
//! index), and what to play: a quick round, a short one for a lecture, a
//! booster when one is due, one scam type, or one technique (with how
//! reliably the learner recognises each).

use crate::ui::widgets::shared_scenario::{Shared, SharedScenario};
use crate::ui::widgets::technique_list::technique_list;
use scamspot_core::content::SiteIndex;
use scamspot_core::engine::plan::{
    booster_miss, booster_round, link, minutes, playable_start, round_seconds, type_progress, Link, RoundKind,
    SHORT_SECONDS,
};
use scamspot_core::engine::progress::Progress;
use scamspot_core::i18n::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StartScreenProps {
    pub lang: Lang,
    pub index: Rc<SiteIndex>,
    pub progress: Rc<Progress>,
    /// Days since 1970, for deciding whether a booster is due.
    pub today: u32,
    pub on_start: Callback<RoundKind>,
    /// What the start button plays: a quick round, or what the page was
    /// linked or configured to (`?scenario=`, `scenario="…"`, one type).
    pub first: RoundKind,
    /// Scenarios in a quick round (the host may change it).
    pub quick_length: usize,
    /// Whether to link the lecturers' catalogue (the app's own page, not an embed).
    #[prop_or_default]
    pub catalogue: bool,
}

#[function_component]
pub fn StartScreen(props: &StartScreenProps) -> Html {
    let (t, code) = (props.lang.texts(), props.lang.code());
    let start_with = |kind: RoundKind| props.on_start.reform(move |_: MouseEvent| kind.clone());
    let first = playable_start(&props.index, &props.first);
    let round_minutes = |kind: &RoundKind| minutes(round_seconds(&props.index, kind, props.quick_length));
    let short_minutes = minutes(SHORT_SECONDS);
    let start_label = match &first {
        RoundKind::Quick => t.start_mixed.to_string(),
        RoundKind::Short => (t.start_short)(short_minutes),
        _ => t.start_linked.to_string(),
    };
    let booster = booster_round(&props.index, &props.progress, props.today);
    let booster_minutes = minutes(booster.iter().map(|p| p.seconds).sum());
    // The booster never replays the mistake: its scam teaches the mistake's technique.
    let booster_aims_at_mistake = booster_miss(&props.index, &props.progress).is_some();
    let catalog = &props.index.catalog;
    let shared = match link(&props.index, &props.first) {
        Link::Found(pack) => Some(Shared::Scenario(pack.title.get(code).to_string().into())),
        Link::Unknown(id) => Some(Shared::Unknown(id.to_string().into())),
        Link::None => None,
    };
    html! {
        <section class="screen start">
            <h1>{ t.tagline }</h1>
            <p>{ t.intro }</p>
            <p class="meta"><span id="round-minutes">{ "⏱ " }{ (t.quick_minutes)(round_minutes(&RoundKind::Quick)) }</span><span>{ "🔒 " }{ t.privacy }</span></p>
            if let Some((points, max)) = props.progress.best_round {
                <p class="meta" id="overall-progress">{ (t.overall_progress)(props.progress.rounds, points, max) }</p>
            }
            if let Some(shared) = shared {
                <SharedScenario lang={props.lang} {shared} />
            }
            <button id="start" class="primary" onclick={start_with(first.clone())}>{ start_label }</button>
            if first != RoundKind::Short {
                <button id="start-short" class="secondary" onclick={start_with(RoundKind::Short)}>{ (t.start_short)(short_minutes) }</button>
            }
            if !booster.is_empty() {
                <div class="review-card" id="booster-card">
                    <h2>{ t.review_heading }</h2>
                    <p>{ (t.review_text)(booster.len(), booster_minutes, booster_aims_at_mistake) }</p>
                    <button id="booster" class="secondary" onclick={start_with(RoundKind::Booster)}>{ t.review_start }</button>
                </div>
            }
            <h2>{ t.types_heading }</h2>
            <ul class="type-list">
                { for catalog.types.iter().map(|scam_type| {
                    let (played, total) = type_progress(&props.index, &props.progress, &scam_type.id);
                    html! {
                        <li class="type-card" data-type={scam_type.id.clone()}>
                            <h3>{ scam_type.name.get(code) }</h3>
                            <p>{ scam_type.blurb.get(code) }</p>
                            <p class="meta">
                                <span>{ (t.type_progress)(played, total) }</span>
                                if total > 0 {
                                    <span class="type-minutes">{ (t.about_minutes)(round_minutes(&RoundKind::Type(scam_type.id.clone()))) }</span>
                                }
                            </p>
                            if total > 0 {
                                <button class="secondary" onclick={start_with(RoundKind::Type(scam_type.id.clone()))}
                                    aria-label={format!("{}{}{}", t.practise_type, t.label_sep, scam_type.name.get(code))}>{ t.practise_type }</button>
                            }
                        </li>
                    }
                }) }
            </ul>
            <h2>{ t.by_technique_heading }</h2>
            <p>{ t.by_technique_intro }</p>
            { technique_list(props.lang, &props.index, &props.progress, &props.on_start) }
            if props.catalogue {
                <p class="catalogue-link"><a href={props.lang.catalogue_file()}>{ t.catalogue_link }</a></p>
            }
        </section>
    }
}
