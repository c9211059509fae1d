//! What the campaign pages need from the browser: JSON requests to the
//! campaign API (on this server for the staff pages, on the app's `base`
//! for a learner), the admin key kept in sessionStorage and out of the
//! URL, and copying a snippet to the clipboard.

use gloo::net::http::Request;

/// The header the admin key travels in (never in a URL).
const KEY_HEADER: &str = "X-ScamSpot-Key";
/// Tries of a request `retrying` sends, and the first pause between them (doubled each time).
const TRIES: u32 = 5;
const FIRST_PAUSE_MS: i32 = 1_000;

/// A GET, or a POST of the JSON `body`; `Some((status, body))`, or `None` when no answer came.
pub async fn call(url: &str, key: Option<&str>, body: Option<String>) -> Option<(u16, String)> {
    let builder = match body {
        Some(_) => Request::post(url).header("content-type", "application/json"),
        None => Request::get(url),
    };
    let builder = match key {
        Some(key) => builder.header(KEY_HEADER, key),
        None => builder,
    };
    let request = match body {
        Some(body) => builder.body(body),
        None => builder.build(),
    };
    let response = request.ok()?.send().await.ok()?;
    Some((response.status(), response.text().await.unwrap_or_default()))
}

/// POSTs `body` to `url`, again after a pause while no answer comes or the
/// server is busy (429) or failing (5xx): a learner on flaky campus Wi-Fi
/// still gets their result in. The last answer, if any.
pub async fn retrying(url: &str, body: &str) -> Option<(u16, String)> {
    let mut pause = FIRST_PAUSE_MS;
    for tried in 1..=TRIES {
        let answer = call(url, None, Some(body.to_string())).await;
        let again = answer.as_ref().is_none_or(|(status, _)| *status == 429 || *status >= 500);
        if !again || tried == TRIES {
            return answer;
        }
        sleep(pause).await;
        pause *= 2;
    }
    None
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn key_name(campaign: &str) -> String {
    format!("scamspot.campaign.{campaign}.key")
}

/// The admin key of `campaign`: from the page's `#key=` (then kept in this
/// tab's sessionStorage and taken out of the address bar, so it is not
/// bookmarked, shared or shown on a projector by accident), else the kept one.
pub fn take_admin_key(campaign: &str) -> String {
    let from_hash = crate::web::presenter::host_key_from_hash();
    if from_hash.is_empty() {
        return session_storage().and_then(|s| s.get_item(&key_name(campaign)).ok().flatten()).unwrap_or_default();
    }
    keep_admin_key(campaign, &from_hash);
    crate::web::history::drop_round_entry();
    from_hash
}

/// Keeps `key` for this tab (after it was typed, or rotated).
pub fn keep_admin_key(campaign: &str, key: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.set_item(&key_name(campaign), key);
    }
}

/// Puts `text` on the clipboard (the page must be a secure context, or
/// localhost: elsewhere the snippet stays selectable to copy by hand).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Waits `ms` milliseconds (between retries).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
