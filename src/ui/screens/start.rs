//! The start screen: what this is, how long it takes, the scam types on offer.

use crate::content::Catalog;
use crate::engine::plan::RoundKind;
use crate::engine::progress::Progress;
use crate::i18n::{fill, Lang};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StartScreenProps {
    pub lang: Lang,
    pub catalog: Rc<Catalog>,
    pub progress: Rc<Progress>,
    pub on_start: Callback<RoundKind>,
    /// A pack file the page was linked to (`?scenario=`): the start button plays it.
    #[prop_or_default]
    pub linked: Option<String>,
}

#[function_component]
pub fn StartScreen(props: &StartScreenProps) -> Html {
    let (t, code) = (props.lang.texts(), props.lang.code());
    let first = match &props.linked {
        Some(file) => RoundKind::Single(file.clone()),
        None => RoundKind::Mixed,
    };
    let start = props.on_start.reform(move |_: MouseEvent| first.clone());
    html! {
        <section class="screen start">
            <h1>{ t.tagline }</h1>
            <p>{ t.intro }</p>
            <p class="meta"><span>{ "⏱ " }{ t.duration }</span><span>{ "🔒 " }{ t.privacy }</span></p>
            if let Some((points, max)) = props.progress.best_round {
                <p class="meta" id="overall-progress">{ fill(t.overall_progress, &[("rounds", &props.progress.rounds), ("points", &points), ("max", &max)]) }</p>
            }
            <button id="start" class="primary" onclick={start}>{ if props.linked.is_some() { t.start_linked } else { t.start_mixed } }</button>
            <h2>{ t.types_heading }</h2>
            <ul class="type-list">
                { for props.catalog.types.iter().map(|scam_type| {
                    let played = scam_type.packs.iter().filter(|p| props.progress.plays(&p.file) > 0).count();
                    let kind = RoundKind::Type(scam_type.id.clone());
                    let start = props.on_start.reform(move |_: MouseEvent| kind.clone());
                    html! {
                        <li class="type-card" data-type={scam_type.id.clone()}>
                            <h3>{ scam_type.name.get(code) }</h3>
                            <p>{ scam_type.blurb.get(code) }</p>
                            <p class="meta">{ fill(t.type_progress, &[("played", &played), ("total", &scam_type.packs.len())]) }</p>
                            <button class="secondary" onclick={start} aria-label={format!("{}{}{}", t.practise_type, t.label_sep, scam_type.name.get(code))}>{ t.practise_type }</button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
