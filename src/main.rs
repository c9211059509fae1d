//! The app's own page (index.html, static/shell.js): the learner app built
//! without the `hosted` feature, so the wasm every learner who scans a QR
//! code downloads carries no host, campaign or host-pack code. Built for
//! wasm32 by Trunk; `scamspot-hosted` (src/hosted_main.rs) is the same app
//! with it.

#[cfg(target_arch = "wasm32")]
mod entry;

/// Nothing starts on its own: the page that loads the wasm calls an entry
/// point (src/entry.rs), so an embed never mounts the whole-page app.
fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("ScamSpot is a web app: run scripts/serve.sh. The pack checker is `cargo scamspot-check`.");
}
