//! The simulated savings, which drop when the learner pays.

use crate::ui::widgets::text::text_element;
use scamspot_core::i18n::{yuan, Lang};
use yew::prelude::*;

pub fn balance(lang: Lang, amount: i64, start: i64) -> Html {
    let class = match amount.cmp(&start) {
        std::cmp::Ordering::Less => "balance down",
        std::cmp::Ordering::Equal => "balance same",
        std::cmp::Ordering::Greater => "balance up",
    };
    html! {
        <div ~className={class} role="status" aria-live="polite">
            { text_element("span", "balance-label", lang.texts().savings) }
            <strong id="balance" class="balance-amount">{ yuan(amount) }</strong>
        </div>
    }
}
