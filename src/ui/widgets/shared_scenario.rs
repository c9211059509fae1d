//! Above the start button of a page linked to one scenario (`?scenario=`):
//! which scenario the lecturer shared, or plainly that the link names none,
//! so a mistyped id never silently plays something else.

use scamspot_core::i18n::{fill, Lang};
use yew::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub enum Shared {
    /// The shared scenario's title.
    Scenario(AttrValue),
    /// The id the link named, which the site does not have.
    Unknown(AttrValue),
}

#[derive(Properties, PartialEq)]
pub struct SharedScenarioProps {
    pub lang: Lang,
    pub shared: Shared,
}

#[function_component]
pub fn SharedScenario(props: &SharedScenarioProps) -> Html {
    let t = props.lang.texts();
    match &props.shared {
        Shared::Scenario(title) => html! {
            <div class="shared-scenario" id="shared-scenario">
                <p class="meta">{ t.linked_heading }</p>
                <h2>{ title }</h2>
            </div>
        },
        Shared::Unknown(id) => html! {
            <div class="notice" role="alert" id="unknown-link">
                <p>{ fill(t.link_unknown, &[("id", id)]) }</p>
            </div>
        },
    }
}
