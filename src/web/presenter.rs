//! What the presenter page needs from the browser: opening a room over
//! HTTP, keeping it in sessionStorage (a reload of the tab reconnects to the
//! same room; a new tab or a closed browser starts afresh), full screen,
//! and saving the class's CSV.

use crate::state::lecture::presenter::{create_request, Created};
use gloo::net::http::Request;
use scamspot_core::i18n::Lang;

/// The open room (code, secret, join URL, language, scenario ids), for this tab only.
const ROOM_KEY: &str = "scamspot.lecture.room";

/// The host key in the page's fragment (`#key=…`): the fragment never reaches a server log.
pub fn host_key_from_hash() -> String {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(hash.trim_start_matches('#')).ok();
    params.and_then(|p| p.get("key")).unwrap_or_default()
}

/// POST /api/rooms on this page's server.
pub async fn create_room(host_key: &str, scenarios: &[String], lang: Lang) -> Created {
    let body = create_request(host_key, scenarios, lang);
    let request = Request::post("/api/rooms").header("content-type", "application/json").body(body);
    let response = match request {
        Ok(request) => request.send().await,
        Err(error) => Err(error),
    };
    match response {
        Ok(response) => {
            let status = response.status();
            Created::from_response(status, &response.text().await.unwrap_or_default())
        }
        Err(gloo::net::Error::JsError(error)) => Created::Unreachable(error.message),
        Err(_) => Created::Unreachable(String::new()),
    }
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

pub fn saved_room() -> Option<String> {
    session_storage()?.get_item(ROOM_KEY).ok().flatten()
}

pub fn save_room(saved: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.set_item(ROOM_KEY, saved);
    }
}

pub fn forget_room() {
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(ROOM_KEY);
    }
}

/// The whole page full screen (the browser's Esc leaves); must run in a key or click handler.
pub fn enter_fullscreen() {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.request_fullscreen();
    }
}

/// Saves `csv` as a file named `name`.
pub fn download_csv(name: &str, csv: &str) {
    crate::web::browser::download_text(name, "text/csv;charset=utf-8", csv);
}
