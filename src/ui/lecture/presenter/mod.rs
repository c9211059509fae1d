//! The presenter page, `/?present#key=HOSTKEY`: the lecturer's laptop on
//! the projector. It opens a room for the chosen scenarios, shows the QR
//! code phones join by, and drives the room fork by fork.

mod app;
mod bars;
mod end_step;
mod fork;
mod heat;
mod lobby;
mod setup;
mod step;
mod summary;
mod top_bar;

use crate::web::browser::browser_languages;
use crate::web::storage::saved_lang;
use app::{PresenterApp, PresenterProps};
use scamspot_core::i18n::Lang;
use std::rc::Rc;

/// Fetches the pack index, then renders the presenter page into `root`.
pub fn mount_presenter(root: web_sys::Element) {
    wasm_bindgen_futures::spawn_local(async move {
        let index = crate::web::packs::fetch_index("").await.ok().map(Rc::new);
        let lang = saved_lang().unwrap_or_else(|| Lang::negotiate(&browser_languages()));
        let host_key = crate::web::presenter::host_key_from_hash();
        root.set_inner_html("");
        yew::Renderer::<PresenterApp>::with_root_and_props(root, PresenterProps { index, lang, host_key }).render();
    });
}
