//! Above the start button of a page linked to one scenario (`?scenario=`):
//! which scenario the lecturer shared, or plainly that the link names none,
//! so a mistyped id never silently plays something else.

use crate::ui::widgets::text::{heading, paragraph, text_element};
use scamspot_core::engine::plan::Link;
use scamspot_core::i18n::{fill, Lang};
use yew::prelude::*;

pub fn shared_scenario(lang: Lang, link: Link) -> Html {
    let t = lang.texts();
    match link {
        Link::Found(pack) => html! {
            <div class="shared-scenario" id="shared-scenario">
                { text_element("p", "meta", t.linked_heading) }
                { heading(pack.title.get(lang.code())) }
            </div>
        },
        Link::Unknown(id) => html! {
            <div class="notice" role="alert" id="unknown-link">
                { paragraph(&fill(t.link_unknown, &[("id", &id)])) }
            </div>
        },
        Link::None => html! {},
    }
}
