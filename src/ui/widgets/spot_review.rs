//! A spot message after "done": each red flag marked found or missed, and
//! each innocent phrase the learner tapped marked as not a flag, in words as
//! well as colour, before the debrief.

use scamspot_core::engine::PhraseMark;
use scamspot_core::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SpotReviewProps {
    pub lang: Lang,
    pub phrases: Vec<(AttrValue, PhraseMark)>,
}

#[function_component]
pub fn SpotReview(props: &SpotReviewProps) -> Html {
    let t = props.lang.texts();
    html! {
        <span class="spot-text reviewed">
            { for props.phrases.iter().map(|(text, mark)| {
                let (class, label) = match mark {
                    PhraseMark::Found => ("found", Some(t.flag_found)),
                    PhraseMark::Missed => ("missed", Some(t.flag_missed)),
                    PhraseMark::NotAFlag => ("not-a-flag", Some(t.phrase_not_flag)),
                    PhraseMark::Plain => ("plain", None),
                };
                html! {
                    <span class={classes!("phrase-review", class)}>
                        { text }
                        if let Some(label) = label {
                            <small class="phrase-mark">{ t.mark_open }{ label }{ t.mark_close }</small>
                        }
                    </span>
                }
            }) }
        </span>
    }
}
