//! Yew components. They render state and dispatch actions; every decision
//! (what a tap means, what scores) is made in `engine`.

mod app;
mod reducer;
mod screens;
mod widgets;

pub use app::App;

/// Mounts the app into the page's `<div id="app">`, once the pack index is
/// in. Until then the static start screen of index.html is on show and
/// working; what the learner chose there is carried over.
pub fn mount() {
    wasm_bindgen_futures::spawn_local(async {
        let index = crate::web::packs::fetch_index().await.into();
        let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app")) else { return };
        let chosen = crate::web::browser::take_shell_choice(&root);
        root.set_inner_html("");
        yew::Renderer::<App>::with_root_and_props(root, app::AppProps { index, chosen }).render();
    });
}
