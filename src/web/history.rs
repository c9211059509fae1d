//! The app page's own history entries: one for a round, `#/round`.

const ROUND_ENTRY: &str = "#/round";

fn history() -> Option<web_sys::History> {
    web_sys::window()?.history().ok()
}

pub fn at_round_entry() -> bool {
    web_sys::window().and_then(|w| w.location().hash().ok()).is_some_and(|hash| hash == ROUND_ENTRY)
}

/// Adds the round's entry (the query string, e.g. `?scenario=`, stays).
pub fn push_round_entry() {
    if let Some(history) = history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(ROUND_ENTRY));
    }
}

pub fn step_back() {
    if let Some(history) = history() {
        let _ = history.back();
    }
}

/// Turns the current entry back into the plain page (path and query kept).
pub fn drop_round_entry() {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let plain = location.pathname().unwrap_or_default() + &location.search().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&plain));
    }
}
