//! A "Copy" button for a link or a snippet; says "Copied" once it is on the clipboard.

use crate::web::campaign::copy_text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    pub text: AttrValue,
    pub label: &'static str,
    pub done: &'static str,
    /// What is copied, for a screen reader ("Copy" alone does not say).
    pub describedby: AttrValue,
}

#[function_component]
pub fn CopyButton(props: &CopyButtonProps) -> Html {
    let copied = use_state(|| false);
    let onclick = {
        let (text, copied) = (props.text.clone(), copied.clone());
        Callback::from(move |_| {
            let (text, copied) = (text.clone(), copied.clone());
            wasm_bindgen_futures::spawn_local(async move { copied.set(copy_text(&text).await) });
        })
    };
    html! {
        <button type="button" class="secondary copy" aria-describedby={props.describedby.clone()} {onclick}>
            { if *copied { props.done } else { props.label } }
        </button>
    }
}
