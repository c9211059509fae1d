//! Yew components. They render state and dispatch actions; every decision
//! (what a tap means, what scores) is made in `engine`.

mod app;
mod reducer;
mod screens;
mod widgets;

pub use app::App;

/// Mounts the app into the page's `<div id="app">` (or the body), replacing
/// the "Loading…" placeholder the HTML shows until the wasm is ready.
pub fn mount() {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<App>::with_root(root).render()
        }
        None => yew::Renderer::<App>::new().render(),
    };
}
