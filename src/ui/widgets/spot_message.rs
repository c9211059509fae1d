//! A message split into phrases the learner can tap as suspicious.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SpotMessageProps {
    /// Each phrase and whether it is tapped.
    pub phrases: Vec<(AttrValue, bool)>,
    pub on_tap: Callback<usize>,
}

#[function_component]
pub fn SpotMessage(props: &SpotMessageProps) -> Html {
    html! {
        <span class="spot-text">
            { for props.phrases.iter().enumerate().map(|(i, (text, tapped))| {
                let on_tap = props.on_tap.clone();
                html! {
                    <button class={classes!("phrase", tapped.then_some("tapped"))} aria-pressed={tapped.to_string()}
                        onclick={Callback::from(move |_| on_tap.emit(i))}>{ text }</button>
                }
            }) }
        </span>
    }
}
