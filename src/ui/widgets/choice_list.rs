//! The learner's options at a decision point.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChoiceListProps {
    pub prompt: AttrValue,
    pub choices: Vec<AttrValue>,
    pub on_choose: Callback<usize>,
}

#[function_component]
pub fn ChoiceList(props: &ChoiceListProps) -> Html {
    html! {
        <div class="choices" role="group" aria-labelledby="choose-prompt">
            <p id="choose-prompt" class="prompt">{ &props.prompt }</p>
            { for props.choices.iter().enumerate().map(|(i, text)| {
                let on_choose = props.on_choose.clone();
                html! {
                    <button class="choice" data-choice={i.to_string()} onclick={Callback::from(move |_| on_choose.emit(i))}>{ text }</button>
                }
            }) }
        </div>
    }
}
