//! A spot message after "done": each red flag marked found or missed, and
//! each innocent phrase the learner tapped marked as not a flag, in words as
//! well as colour, before the debrief.

use scamspot_core::engine::PhraseMark;
use scamspot_core::i18n::Lang;
use yew::prelude::*;

pub fn spot_review(lang: Lang, phrases: impl Iterator<Item = (String, PhraseMark)>) -> Html {
    let t = lang.texts();
    let marked = phrases.map(|(text, mark)| {
        let (class, label) = match mark {
            PhraseMark::Found => ("phrase-review found", Some(t.flag_found)),
            PhraseMark::Missed => ("phrase-review missed", Some(t.flag_missed)),
            PhraseMark::NotAFlag => ("phrase-review not-a-flag", Some(t.phrase_not_flag)),
            PhraseMark::Plain => ("phrase-review plain", None),
        };
        html! {
            <span ~className={class}>
                { text }
                if let Some(label) = label {
                    <small class="phrase-mark">{ t.mark_open }{ label }{ t.mark_close }</small>
                }
            </span>
        }
    });
    html! { <span class="spot-text reviewed">{ for marked }</span> }
}
