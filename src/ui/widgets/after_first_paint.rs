//! Content below the fold of a new screen, added once its first view has
//! painted: the tap that opened the screen answers with what shows, and the
//! rest is laid out while the learner reads it.

use crate::ui::hooks::after_next_paint;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AfterFirstPaintProps {
    pub children: Html,
}

#[function_component]
pub fn AfterFirstPaint(props: &AfterFirstPaintProps) -> Html {
    let painted = use_state(|| false);
    {
        let painted = painted.setter();
        use_effect_with((), move |_| after_next_paint(move || painted.set(true)));
    }
    if *painted {
        props.children.clone()
    } else {
        html! {}
    }
}
