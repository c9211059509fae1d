//! One class on the campaign's page: its link, its QR code (an SVG the
//! server draws) and both embed snippets, each with a copy button.

use super::copy_button::CopyButton;
use crate::state::campaign::admin::ClassLink;
use scamspot_core::i18n::fill;
use scamspot_core::room::texts::campaign::CampaignTexts;
use yew::prelude::*;

/// A read-only field holding `text`, labelled, with a copy button; `id` ties them together.
fn copyable(t: &'static CampaignTexts, id: String, label: &str, text: String, multiline: bool) -> Html {
    let field = if multiline {
        html! { <textarea id={id.clone()} class="snippet" rows="3" readonly=true value={text.clone()} /> }
    } else {
        html! { <input id={id.clone()} class="snippet" type="text" readonly=true value={text.clone()} /> }
    };
    html! {
        <div class="copyable">
            <label for={id.clone()}>{ label }</label>
            { field }
            <CopyButton text={text} label={t.copy} done={t.copied} describedby={id} />
        </div>
    }
}

pub fn class_card(t: &'static CampaignTexts, at: usize, class: &ClassLink) -> Html {
    html! {
        <article class="class-card" aria-labelledby={format!("class-{at}")} data-token={class.token.clone()}>
            <h3 id={format!("class-{at}")}>{ &class.name }</h3>
            <img class="class-qr" src={class.qr.clone()} alt={fill(t.qr_alt, &[("class", &class.name)])}
                width="160" height="160" />
            { copyable(t, format!("class-{at}-link"), t.class_link_label, class.url.clone(), false) }
            { copyable(t, format!("class-{at}-element"), t.element_snippet_label, class.element_snippet(), true) }
            { copyable(t, format!("class-{at}-iframe"), t.iframe_snippet_label, class.iframe_snippet(), true) }
        </article>
    }
}
