//! The commonest markup, a heading or a paragraph of text, as functions: the
//! wasm then holds one copy of the code that builds it, not one per use
//! (about 200 bytes each).

use yew::prelude::*;

pub fn heading(text: &str) -> Html {
    html! { <h2>{ text }</h2> }
}

pub fn paragraph(text: &str) -> Html {
    html! { <p>{ text }</p> }
}
