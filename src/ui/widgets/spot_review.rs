//! A spot message after "done": each red flag marked found or missed, and
//! each innocent phrase the learner tapped marked as not a flag, in words as
//! well as colour, before the debrief.

use crate::ui::widgets::text::{element, text_node};
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
        let mark = label.map(|label| {
            element("small", "phrase-mark", vec![text_node(t.mark_open), text_node(label), text_node(t.mark_close)])
        });
        element("span", class, vec![text_node(&text), mark.unwrap_or_default()])
    });
    element("span", "spot-text reviewed", marked.collect())
}
