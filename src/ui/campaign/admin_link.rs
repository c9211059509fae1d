//! The admin link, shown once: after creating a campaign and after rotating its key.

use super::copy_button::CopyButton;
use crate::state::campaign::form::AdminLink;
use scamspot_core::room::texts::campaign::CampaignTexts;
use yew::prelude::*;

/// `open`: a link to the campaign's page (not needed on that page itself).
pub fn admin_link(t: &'static CampaignTexts, heading: &'static str, link: &AdminLink, open: bool) -> Html {
    html! {
        <section class="admin-link" aria-labelledby="admin-link-heading">
            <h2 id="admin-link-heading">{ heading }</h2>
            <p class="keep-safe" role="alert">{ t.keep_safe }</p>
            <label for="admin-link">{ t.admin_link_label }</label>
            <input id="admin-link" class="snippet" type="text" readonly=true value={link.url.clone()} />
            <CopyButton text={link.url.clone()} label={t.copy} done={t.copied} describedby="admin-link" />
            if open {
                <a id="open-admin" class="button primary" href={link.url.clone()}>{ t.open_admin }</a>
            }
        </section>
    }
}
