//! The campaign staff pages' entry point, a wasm of their own: the
//! organiser's new-campaign form (`?campaigns`), a campaign's own page
//! (`?campaign-admin=`) and the counsellor's verify page (`?verify`). Kept
//! apart from the solo app's and the lecture pages' wasm, so neither a
//! learner nor a phone in a lecture hall downloads them.

#[cfg(target_arch = "wasm32")]
mod entry {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen]
    pub fn start_staff() {
        scamspot::ui::start_staff();
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("The campaign staff pages are part of the web app: run scripts/lecture.sh.");
}
