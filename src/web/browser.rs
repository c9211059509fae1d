//! The browser around the app: the learner's language and motion
//! preferences, the page's query string and scroll position, what the
//! start-up script downloaded ahead of the app.

use scamspot_core::engine::plan::RoundKind;
use scamspot_core::i18n::Lang;
use wasm_bindgen::JsCast;

/// The browser's preferred languages, most preferred first. Some WebViews
/// have no `navigator.languages`: it is read as a plain property, since the
/// typed getter's array would throw on `undefined`.
pub fn browser_languages() -> Vec<String> {
    use wasm_bindgen::JsCast;
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return Vec::new() };
    let list: Vec<String> = js_sys::Reflect::get(&navigator, &"languages".into())
        .ok()
        .and_then(|list| list.dyn_into::<js_sys::Array>().ok())
        .map(|list| list.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

/// The download of `url`'s text if the start-up script (static/shell.js)
/// has started it already: it starts the pack index (and a linked or
/// opening pack) beside the wasm, before the app has started and could ask
/// for them itself. Handed over once, so "Try again" downloads afresh.
pub fn take_prefetched(url: &str) -> Option<js_sys::Promise> {
    use wasm_bindgen::JsCast;
    let prefetched = js_sys::Reflect::get(&js_sys::global(), &"scamspotPrefetched".into()).ok()?;
    let key = wasm_bindgen::JsValue::from_str(url);
    let download = js_sys::Reflect::get(&prefetched, &key).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    js_sys::Reflect::delete_property(prefetched.dyn_ref::<js_sys::Object>()?, &key).ok()?;
    Some(download)
}

/// Applies the host's accent colour (already checked to be a plain colour),
/// through the CSSOM, which a strict CSP allows, unlike a style attribute.
pub fn set_accent(element: &web_sys::HtmlElement, colour: &str) {
    let _ = element.style().set_property("--accent", colour);
    let _ = element.style().set_property("--good", colour);
}

/// Keeps `<html lang>` in step with the interface, for screen readers and fonts.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.code());
    }
}

pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// A parameter of the page's query string, e.g. `?scenario=fake-loan/x.toml`.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

/// What the static start screen (index.html, static/shell.js) leaves on the
/// mount point before the app loads.
#[derive(Default)]
pub struct ShellChoice {
    /// The round the learner chose there, and the confidence rating they gave.
    pub round: Option<(RoundKind, Option<u8>)>,
    /// The scam whose pack the script downloaded to open a quick round with.
    pub opening: Option<String>,
}

/// Reads the static start screen's `ShellChoice`, then clears it off the mount point.
pub fn take_shell_choice(root: &web_sys::Element) -> ShellChoice {
    let kind = root.get_attribute("data-start").and_then(|s| RoundKind::from_shell(&s));
    let rating = root.get_attribute("data-rating").and_then(|r| r.parse().ok());
    let opening = root.get_attribute("data-opening");
    for attribute in ["data-start", "data-rating", "data-opening", "class"] {
        let _ = root.remove_attribute(attribute);
    }
    ShellChoice { round: kind.map(|kind| (kind, rating)), opening }
}

/// Shows a new screen from its top when that top has scrolled out of view.
/// Only the screen's own element moves into view: on a host page the rest
/// of the page stays where the reader left it.
pub fn bring_top_into_view(element: &web_sys::Element) {
    if element.get_bounding_client_rect().top() < 0.0 {
        element.scroll_into_view_with_bool(true);
    }
}

/// Moves keyboard and screen-reader focus to a new screen's heading (marked
/// `.screen-heading`, with tabindex -1), so reading starts at its top rather
/// than on a button of the screen that has gone.
pub fn focus_heading(screen: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let heading = screen.query_selector(".screen-heading").ok().flatten();
    if let Some(heading) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = heading.focus();
    }
}

/// Milliseconds since 1970, for timing a round.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Days since 1970-01-01 (UTC), for spacing review rounds.
pub fn today() -> u32 {
    (js_sys::Date::now() / 86_400_000.0) as u32
}

/// A fresh seed: for drawing a round, or a new learner's choice orders.
pub fn random_seed() -> u64 {
    (js_sys::Math::random() * 2f64.powi(53)) as u64
}

/// Saves `text` as a file named `name` of type `mime` through a Blob URL (no request leaves the page).
pub fn download_text(name: &str, mime: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&text.into());
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(link) = document.create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
