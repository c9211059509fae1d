//! The start screen: what this is, how long it takes, and what to play: a
//! quick round, a review of past mistakes, one scam type, or one technique.

use scamspot_core::content::SiteIndex;
use scamspot_core::engine::plan::RoundKind;
use scamspot_core::engine::progress::Progress;
use scamspot_core::i18n::{fill, Lang};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StartScreenProps {
    pub lang: Lang,
    pub index: Rc<SiteIndex>,
    pub progress: Rc<Progress>,
    /// Days since 1970, for deciding whether a review is due.
    pub today: u32,
    pub on_start: Callback<RoundKind>,
    /// What the start button plays: a quick round, or what the page was
    /// linked or configured to (`?scenario=`, `scenario="…"`, one type).
    pub first: RoundKind,
}

#[function_component]
pub fn StartScreen(props: &StartScreenProps) -> Html {
    let (t, code) = (props.lang.texts(), props.lang.code());
    let start_with = |kind: RoundKind| props.on_start.reform(move |_: MouseEvent| kind.clone());
    let first = match &props.first {
        RoundKind::Single(id) if props.index.pack(id).is_none() => RoundKind::Quick,
        kind => kind.clone(),
    };
    let quick = first == RoundKind::Quick;
    let reviews =
        props.progress.due_reviews(props.today).into_iter().filter(|id| props.index.pack(id).is_some()).count();
    let catalog = &props.index.catalog;
    html! {
        <section class="screen start">
            <h1>{ t.tagline }</h1>
            <p>{ t.intro }</p>
            <p class="meta"><span>{ "⏱ " }{ t.duration }</span><span>{ "🔒 " }{ t.privacy }</span></p>
            if let Some((points, max)) = props.progress.best_round {
                <p class="meta" id="overall-progress">{ fill(t.overall_progress, &[("rounds", &props.progress.rounds), ("points", &points), ("max", &max)]) }</p>
            }
            <button id="start" class="primary" onclick={start_with(first)}>{ if quick { t.start_mixed } else { t.start_linked } }</button>
            if reviews > 0 {
                <div class="review-card">
                    <h2>{ t.review_heading }</h2>
                    <p>{ fill(t.review_text, &[("count", &reviews)]) }</p>
                    <button id="review" class="secondary" onclick={start_with(RoundKind::Review)}>{ t.review_start }</button>
                </div>
            }
            <h2>{ t.types_heading }</h2>
            <ul class="type-list">
                { for catalog.types.iter().map(|scam_type| {
                    let packs: Vec<_> = props.index.packs_of_type(&scam_type.id).collect();
                    let played = packs.iter().filter(|p| props.progress.plays(&p.id) > 0).count();
                    html! {
                        <li class="type-card" data-type={scam_type.id.clone()}>
                            <h3>{ scam_type.name.get(code) }</h3>
                            <p>{ scam_type.blurb.get(code) }</p>
                            <p class="meta">{ fill(t.type_progress, &[("played", &played), ("total", &packs.len())]) }</p>
                            if !packs.is_empty() {
                                <button class="secondary" onclick={start_with(RoundKind::Type(scam_type.id.clone()))}
                                    aria-label={format!("{}{}{}", t.practise_type, t.label_sep, scam_type.name.get(code))}>{ t.practise_type }</button>
                            }
                        </li>
                    }
                }) }
            </ul>
            <h2>{ t.by_technique_heading }</h2>
            <p>{ t.by_technique_intro }</p>
            <ul class="technique-picker">
                { for catalog.techniques.iter().filter_map(|technique| {
                    let count = props.index.packs.iter().filter(|p| !p.genuine && p.techniques.contains(&technique.id)).count();
                    (count > 0).then(|| html! {
                        <li>
                            <button class="chip" data-technique={technique.id.clone()} onclick={start_with(RoundKind::Technique(technique.id.clone()))}>
                                { technique.name.get(code) }<span class="chip-count">{ fill(t.technique_count, &[("count", &count.min(scamspot_core::engine::plan::FOCUSED_MAX))]) }</span>
                            </button>
                        </li>
                    })
                }) }
            </ul>
        </section>
    }
}
