//! Yew components. They render state and dispatch actions; every decision
//! (what a tap means, what scores) is made in `engine`.

mod app;
mod reducer;
mod screens;
mod widgets;

pub use app::App;

use crate::config::AppConfig;
use crate::engine::plan::RoundKind;
use crate::web::browser::{query_param, set_accent};
use crate::web::host::Host;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// What reads a choice made before the app loaded (the app page's static start screen).
type TakeChoice = fn(&web_sys::Element) -> Option<(RoundKind, Option<u8>)>;

/// Fetches the index, then renders the app into `root`; `chosen` reads, at
/// mount time, what the learner already chose on a static start screen.
fn render(root: web_sys::Element, config: AppConfig, host: Host, chosen: Option<TakeChoice>) {
    wasm_bindgen_futures::spawn_local(async move {
        let index = crate::web::packs::fetch_index(&config.base).await.map(|i| i.restricted_to(&config.types)).into();
        let chosen = chosen.and_then(|take| take(&root));
        root.set_inner_html("");
        let props = app::AppProps { index, config: Rc::new(config), host: Rc::new(host), chosen };
        yew::Renderer::<App>::with_root_and_props(root, props).render();
    });
}

/// The app's own page: mounts into `<div id="app">` once the pack index is
/// in. Until then the static start screen of index.html is on show and
/// working; what the learner chose there is carried over.
pub fn start_app() {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app")) else { return };
    let (config, _) = AppConfig::read(String::new(), query_param);
    render(root, config, Host::Page, Some(crate::web::browser::take_shell_choice));
}

/// A `<scam-spot>` element: `root` is inside its shadow root, `base` is where
/// the app's files are. Options come from the element's attributes.
pub fn mount_embed(element: web_sys::HtmlElement, root: web_sys::Element, base: String) {
    let (config, warnings) = AppConfig::read(base, |name| element.get_attribute(name));
    report_warnings(&warnings);
    if let (Some(colour), Some(root)) = (&config.theme, root.dyn_ref::<web_sys::HtmlElement>()) {
        set_accent(root, colour);
    }
    render(root, config, Host::Element(element), None);
}

/// `embed.html` in an iframe: options come from its query string.
pub fn mount_frame() {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app")) else { return };
    let (config, warnings) = AppConfig::read(String::new(), query_param);
    report_warnings(&warnings);
    if let (Some(colour), Some(el)) = (&config.theme, root.dyn_ref::<web_sys::HtmlElement>()) {
        set_accent(el, colour);
    }
    let host = Host::frame(config.trusted_origins.clone());
    render(root, config, host, None);
}

/// A host's configuration mistakes go to the console, for the site editor.
fn report_warnings(warnings: &[String]) {
    for warning in warnings {
        web_sys::console::warn_1(&format!("scam-spot: {warning}").into());
    }
}
