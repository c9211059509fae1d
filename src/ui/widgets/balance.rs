//! The simulated savings, which drop when the learner pays.

use scamspot_core::i18n::{yuan, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BalanceProps {
    pub lang: Lang,
    pub amount: i64,
    pub start: i64,
}

#[function_component]
pub fn Balance(props: &BalanceProps) -> Html {
    let trend = match props.amount.cmp(&props.start) {
        std::cmp::Ordering::Less => "down",
        std::cmp::Ordering::Equal => "same",
        std::cmp::Ordering::Greater => "up",
    };
    html! {
        <div class={classes!("balance", trend)} role="status" aria-live="polite">
            <span class="balance-label">{ props.lang.texts().savings }</span>
            <strong id="balance" class="balance-amount">{ yuan(props.amount) }</strong>
        </div>
    }
}
