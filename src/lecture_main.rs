//! The lecture pages' entry point, a wasm of their own: the presenter's
//! projector (`?present`) and a student's phone (`?room=`). Kept apart from
//! the solo app's wasm so a learner on their own never downloads them.

#[cfg(target_arch = "wasm32")]
mod entry {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen]
    pub fn start_lecture() {
        scamspot::ui::start_lecture();
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("The lecture pages are part of the web app: run scripts/lecture.sh.");
}
