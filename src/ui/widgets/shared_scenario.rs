//! Above the start button of a page linked to one scenario (`?scenario=`):
//! which scenario the lecturer shared, or plainly that the link names none,
//! so a mistyped id never silently plays something else.

use scamspot_core::engine::plan::Link;
use scamspot_core::i18n::{fill, Lang};
use yew::prelude::*;

pub fn shared_scenario(lang: Lang, link: Link) -> Html {
    let t = lang.texts();
    match link {
        Link::Found(pack) => html! {
            <div class="shared-scenario" id="shared-scenario">
                <p class="meta">{ t.linked_heading }</p>
                <h2>{ pack.title.get(lang.code()) }</h2>
            </div>
        },
        Link::Unknown(id) => html! {
            <div class="notice" role="alert" id="unknown-link">
                <p>{ fill(t.link_unknown, &[("id", &id)]) }</p>
            </div>
        },
        Link::None => html! {},
    }
}
