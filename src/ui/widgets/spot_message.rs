//! A message split into phrases the learner can tap as suspicious.

use crate::ui::widgets::text::element;
use yew::prelude::*;

/// `phrases`: each phrase and whether it is tapped; `on_tap` gets the phrase's index.
pub fn spot_message(phrases: impl Iterator<Item = (String, bool)>, on_tap: &Callback<usize>) -> Html {
    let buttons = phrases.enumerate().map(|(i, (text, tapped))| {
        let (class, pressed) = if tapped { ("phrase tapped", "true") } else { ("phrase", "false") };
        html! { <button ~className={class} aria-pressed={pressed} onclick={on_tap.reform(move |_| i)}>{ text }</button> }
    });
    element("span", "spot-text", buttons.collect())
}
