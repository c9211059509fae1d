//! The learner's options at a decision point, each with its read-aloud button.

use super::read_aloud_button::read_aloud_button;
use scamspot_core::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChoiceListProps {
    pub prompt: AttrValue,
    pub choices: Vec<AttrValue>,
    pub on_choose: Callback<usize>,
    #[prop_or_default]
    pub read_aloud: Option<Lang>,
}

#[function_component]
pub fn ChoiceList(props: &ChoiceListProps) -> Html {
    html! {
        <div class="choices" role="group" aria-labelledby="choose-prompt">
            <p id="choose-prompt" class="prompt">{ &props.prompt }</p>
            { for props.choices.iter().enumerate().map(|(i, text)| {
                let on_choose = props.on_choose.clone();
                html! {
                    <div class="choice-row">
                        <button class="choice" data-choice={i.to_string()} onclick={Callback::from(move |_| on_choose.emit(i))}>{ text }</button>
                        { read_aloud_button(props.read_aloud, text) }
                    </div>
                }
            }) }
        </div>
    }
}
