//! The learner's options at a decision point, each with its read-aloud button,
//! in the learner's own order (see `engine::order`).

use super::read_aloud_button::read_aloud_button;
use crate::ui::widgets::text::text_with_id;
use scamspot_core::i18n::Lang;
use yew::prelude::*;

/// `choices` are in display order: each choice's authored index (what
/// `on_choose` emits) and text. `key` is the step's: a new step's buttons
/// are new buttons, never old ones relabelled under the learner's finger.
pub fn choice_list(
    key: &str,
    prompt: &'static str,
    choices: impl Iterator<Item = (usize, AttrValue)>,
    on_choose: &Callback<usize>,
    read_aloud: Option<Lang>,
) -> Html {
    let rows = choices.enumerate().map(|(position, (authored, text))| {
        html! {
            <div class="choice-row" key={authored}>
                <button class="choice" data-choice={authored.to_string()} data-position={position.to_string()}
                    onclick={on_choose.reform(move |_| authored)}>{ text.clone() }</button>
                { read_aloud_button(read_aloud, &text) }
            </div>
        }
    });
    html! {
        <div class="choices" role="group" aria-labelledby="choose-prompt" key={key.to_string()}>
            { text_with_id("p", "choose-prompt", "prompt", prompt) }
            { for rows }
        </div>
    }
}
