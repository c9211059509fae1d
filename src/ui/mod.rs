//! Yew components and hooks. Components render state and dispatch actions;
//! every decision (what a tap means, what scores, what to report) is made in
//! `state` and `scamspot_core::engine`.

mod app;
mod campaign;
mod hooks;
mod lecture;
mod notices;
mod reducer;
mod screens;
#[cfg(feature = "split")]
mod split;
mod widgets;

pub use app::App;

use crate::config::AppConfig;
use crate::web::browser::{query_param, set_accent, ShellChoice};
#[cfg(feature = "hosted")]
use crate::web::host::Host;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// What reads a choice made before the app loaded (the app page's static start screen).
type TakeChoice = fn(&web_sys::Element) -> ShellChoice;

/// Applies the options that act on the mount point (theme colour; a
/// host's mistakes go to the console for the site editor), fetches the
/// index, then renders the app into `root`. `chosen` reads, at mount time,
/// what the learner already chose on a static start screen. The lean build
/// (no `hosted`) runs on the app's own page only, so it has no `host`.
fn render(
    root: web_sys::Element,
    (config, warnings): (AppConfig, Vec<String>),
    #[cfg(feature = "hosted")] host: Host,
    chosen: Option<TakeChoice>,
) {
    for warning in &warnings {
        web_sys::console::warn_1(&format!("scam-spot: {warning}").into());
    }
    // The learner id goes into a host's reports only.
    #[cfg(feature = "hosted")]
    let config =
        AppConfig { learner: config.learner.or_else(|| Some(crate::web::storage::browser_learner())), ..config };
    if let (Some(colour), Some(element)) = (&config.theme, root.dyn_ref::<web_sys::HtmlElement>()) {
        set_accent(element, colour);
    }
    wasm_bindgen_futures::spawn_local(async move {
        let index = crate::web::packs::fetch_learner_index(&config.base, app::initial_lang(&config)).await;
        let index = index.map(|i| i.restricted_to(&config.types)).into();
        // Opening on its own start screen (no round chosen on the static
        // one yet), the lean app first fetches that screen's chunk, and the
        // notices' (a notice arriving later would push the screen down
        // under the learner's finger); the static screen stays, working,
        // meanwhile.
        #[cfg(feature = "split")]
        if chosen.is_some() && !root.has_attribute("data-start") {
            let _ = screens::start::preload_start().await;
            let _ = notices::preload_notices().await;
        }
        let shell = chosen.map(|take| take(&root)).unwrap_or_default();
        // The lean build is the app's own page's, with no class link or host pack.
        #[cfg(feature = "hosted")]
        let page = matches!(host, Host::Page);
        #[cfg(not(feature = "hosted"))]
        let page = true;
        let (state, first_pack_read) = app::initial_state(Rc::new(config), index, page, shell).await;
        root.set_inner_html("");
        let props = app::AppProps {
            state: Some(state).into(),
            first_pack_read,
            page,
            #[cfg(feature = "hosted")]
            host: Rc::new(host),
        };
        yew::Renderer::<App>::with_root_and_props(root, props).render();
    });
}

/// The page's `<div id="app">`.
fn page_root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id("app")
}

/// The app's own page: mounts into `<div id="app">` once the pack index is
/// in. Until then the static start screen of index.html is on show and
/// working; what the learner chose there is carried over.
pub fn start_app() {
    let Some(root) = page_root() else { return };
    render(
        root,
        AppConfig::read(String::new(), &query_param),
        #[cfg(feature = "hosted")]
        Host::Page,
        Some(crate::web::browser::take_shell_choice),
    );
}

/// The lecture pages (their own wasm, `scamspot-lecture`): the presenter's
/// projector at `?present`, a student's phone at `?room=CODE`.
pub fn start_lecture() {
    let Some(root) = page_root() else { return };
    if query_param("present").is_some() {
        lecture::presenter::mount_presenter(root);
    } else {
        lecture::phone::mount_phone(root, query_param("room").unwrap_or_default());
    }
}

/// The campaign staff pages (their own wasm, `scamspot-staff`): `?campaigns`,
/// `?campaign-admin=ID` and `?verify[=CODE]`.
pub fn start_staff() {
    let Some(root) = page_root() else { return };
    let page = match (query_param("campaign-admin"), query_param("verify")) {
        (Some(id), _) => campaign::StaffPage::Admin(id),
        (_, Some(code)) => campaign::StaffPage::Verify(code),
        _ => campaign::StaffPage::New,
    };
    campaign::mount_staff(root, page);
}

#[cfg(feature = "hosted")]
/// A `<scam-spot>` element: `root` is inside its shadow root, `base` is where
/// the app's files are. Options come from the element's attributes.
pub fn mount_embed(element: web_sys::HtmlElement, root: web_sys::Element, base: String) {
    let config = AppConfig::read(base, &|name| element.get_attribute(name));
    render(root, config, Host::Element(element), None);
}

#[cfg(feature = "hosted")]
/// `embed.html` in an iframe: options come from its query string.
pub fn mount_frame() {
    let Some(root) = page_root() else { return };
    let config = AppConfig::read(String::new(), &query_param);
    let host = Host::frame(config.0.trusted_origins.clone());
    render(root, config, host, None);
}
