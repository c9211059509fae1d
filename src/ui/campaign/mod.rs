//! The campaign staff pages (issue 16), in a wasm of their own
//! (`scamspot-staff`) served by the lecture server: the organiser's new-campaign form
//! (`?campaigns#key=HOSTKEY`), a campaign's own page
//! (`?campaign-admin=ID#key=SECRET`) and the counsellor's verify page
//! (`?verify[=CODE]`).

mod admin;
mod admin_link;
mod class_card;
mod copy_button;
mod dashboard;
mod new_campaign;
mod verify;

use crate::ui::hooks::use_document_lang;
use crate::web::browser::browser_languages;
use crate::web::storage::{save_lang, saved_lang};
use scamspot_core::content::SiteIndex;
use scamspot_core::i18n::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// Which staff page the URL asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum StaffPage {
    New,
    Admin(String),
    Verify(String),
}

#[derive(Properties, PartialEq)]
struct StaffProps {
    page: StaffPage,
    /// `None` when the pack index failed to load (only names and ticks need it).
    index: Option<Rc<SiteIndex>>,
}

/// Fetches the pack index (scam types and technique names), then renders `page` into `root`.
pub fn mount_staff(root: web_sys::Element, page: StaffPage) {
    wasm_bindgen_futures::spawn_local(async move {
        let index = crate::web::packs::fetch_index("").await.ok().map(Rc::new);
        root.set_inner_html("");
        yew::Renderer::<StaffApp>::with_root_and_props(root, StaffProps { page, index }).render();
    });
}

#[function_component]
fn StaffApp(props: &StaffProps) -> Html {
    let lang = use_state(|| saved_lang().unwrap_or_else(|| Lang::negotiate(&browser_languages())));
    use_document_lang(*lang, false);
    let switch = {
        let lang = lang.clone();
        Callback::from(move |_| {
            save_lang(lang.other());
            lang.set(lang.other());
        })
    };
    let app = lang.texts();
    let index = props.index.clone();
    let page = match &props.page {
        StaffPage::New => html! { <new_campaign::NewCampaign lang={*lang} {index} /> },
        StaffPage::Admin(id) => html! { <admin::CampaignAdmin lang={*lang} id={id.clone()} {index} /> },
        StaffPage::Verify(code) => html! { <verify::VerifyPage lang={*lang} code={code.clone()} /> },
    };
    html! {
        <div class="staff">
            <header class="presenter-bar">
                <p class="brand"><span class="logo" aria-hidden="true">{ "识" }</span>{ app.app_name }</p>
                <button id="lang-switch" class="lang-switch" lang={lang.other().code()} aria-label={app.switch_label}
                    onclick={switch}>{ app.switch_to }</button>
            </header>
            <main class="staff-main">{ page }</main>
        </div>
    }
}
