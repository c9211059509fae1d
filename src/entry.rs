//! The learner app's entry points, called from JavaScript once the wasm is
//! loaded: the app's own page (static/shell.js) in both learner builds, and,
//! in the hosted one only (`scamspot-hosted`), a `<scam-spot>` element
//! (embed.js) and the iframe page (embed.html).

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
pub fn start_app() {
    scamspot::ui::start_app();
}

#[cfg(feature = "hosted")]
#[wasm_bindgen]
pub fn mount_embed(element: web_sys::HtmlElement, root: web_sys::Element, base: String) {
    scamspot::ui::mount_embed(element, root, base);
}

#[cfg(feature = "hosted")]
#[wasm_bindgen]
pub fn mount_frame() {
    scamspot::ui::mount_frame();
}
