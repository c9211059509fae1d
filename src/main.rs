//! The web app's entry point: mounts the Yew app. Built for wasm32 by Trunk.

#[cfg(target_arch = "wasm32")]
fn main() {
    scamspot::ui::mount();
}

/// Natively there is nothing to run: the app is served by Trunk (see README).
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ScamSpot is a web app: run scripts/serve.sh. The pack checker is `cargo run --bin scamspot-check`.");
}
