//! The learner's options at a decision point, each with its read-aloud button,
//! in the learner's own order (see `engine::order`).

use super::read_aloud_button::read_aloud_button;
use scamspot_core::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChoiceListProps {
    pub prompt: AttrValue,
    /// In display order: each choice's authored index (what `on_choose` emits) and text.
    pub choices: Vec<(usize, AttrValue)>,
    pub on_choose: Callback<usize>,
    #[prop_or_default]
    pub read_aloud: Option<Lang>,
}

#[function_component]
pub fn ChoiceList(props: &ChoiceListProps) -> Html {
    html! {
        <div class="choices" role="group" aria-labelledby="choose-prompt">
            <p id="choose-prompt" class="prompt">{ &props.prompt }</p>
            { for props.choices.iter().enumerate().map(|(position, (authored, text))| {
                let (on_choose, authored) = (props.on_choose.clone(), *authored);
                html! {
                    <div class="choice-row" key={authored}>
                        <button class="choice" data-choice={authored.to_string()} data-position={position.to_string()}
                            onclick={Callback::from(move |_| on_choose.emit(authored))}>{ text }</button>
                        { read_aloud_button(props.read_aloud, text) }
                    </div>
                }
            }) }
        </div>
    }
}
