//! The web app's entry points, called from JavaScript once the wasm is loaded:
//! the app's own page (static/shell.js), a `<scam-spot>` element (embed.js)
//! and the iframe page (embed.html). Built for wasm32 by Trunk.

#[cfg(target_arch = "wasm32")]
mod entry {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen]
    pub fn start_app() {
        scamspot::ui::start_app();
    }

    #[wasm_bindgen]
    pub fn mount_embed(element: web_sys::HtmlElement, root: web_sys::Element, base: String) {
        scamspot::ui::mount_embed(element, root, base);
    }

    #[wasm_bindgen]
    pub fn mount_frame() {
        scamspot::ui::mount_frame();
    }
}

/// Nothing starts on its own: the page that loads the wasm calls one of the
/// entry points above, so an embed never mounts the whole-page app.
fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("ScamSpot is a web app: run scripts/serve.sh. The pack checker is `cargo scamspot-check`.");
}
