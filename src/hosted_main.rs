//! The learner app for a host (the `hosted` feature): a `<scam-spot>`
//! element (embed.js), the iframe page (embed.html), and the app's own page
//! with a campaign class link (`?campaign=`) or a host's own pack
//! (`?pack-url=`), which static/shell.js sends here. Built by
//! scripts/build-lecture.sh beside the lecture and staff pages' wasm.

#[cfg(target_arch = "wasm32")]
mod entry;

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("ScamSpot is a web app: run scripts/serve.sh.");
}
