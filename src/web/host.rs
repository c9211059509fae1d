//! The page around an embedded app: results go to it as a DOM event (the
//! `<scam-spot>` element) or a postMessage (an iframe), the iframe's height
//! follows its content, and only trusted origins may send it messages.

use gloo::events::EventListener;
use scamspot_core::engine::report::RoundReport;
use scamspot_core::i18n::Lang;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Where this instance of the app lives.
pub enum Host {
    /// The app's own page: nobody to tell.
    Page,
    /// A `<scam-spot>` element on a host page: results arrive as a
    /// `scamspot:result` CustomEvent on the element.
    Element(web_sys::HtmlElement),
    /// `embed.html` in an iframe: results and heights go to the parent, to
    /// the trusted origins only (or any, when none are configured: the
    /// messages carry no personal data).
    Frame { trusted: Vec<String>, last_height: Cell<i32> },
}

impl PartialEq for Host {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

pub const RESULT_EVENT: &str = "scamspot:result";
pub const RESIZE_MESSAGE: &str = "scamspot:resize";
pub const SET_LANG_MESSAGE: &str = "scamspot:set-lang";

fn json(value: &str) -> JsValue {
    js_sys::JSON::parse(value).unwrap_or(JsValue::NULL)
}

impl Host {
    pub fn frame(trusted: Vec<String>) -> Host {
        Host::Frame { trusted, last_height: Cell::new(-1) }
    }

    /// Sends a round's result to the host page.
    pub fn report(&self, report: &RoundReport) {
        match self {
            Host::Page => {}
            Host::Element(element) => {
                let init = web_sys::CustomEventInit::new();
                init.set_detail(&json(&report.to_json()));
                init.set_bubbles(true);
                init.set_composed(true);
                if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(RESULT_EVENT, &init) {
                    let _ = element.dispatch_event(&event);
                }
            }
            Host::Frame { trusted, .. } => {
                post_to_parent(&format!("{{\"type\":\"{RESULT_EVENT}\",\"result\":{}}}", report.to_json()), trusted);
            }
        }
    }

    /// In an iframe, tells the parent the content's height when it changed.
    pub fn height_changed(&self) {
        let Host::Frame { trusted, last_height } = self else { return };
        // The app's own height: the document's would never shrink below the frame's.
        let Some(app) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app")) else {
            return;
        };
        let height = app.scroll_height();
        if height != last_height.replace(height) {
            post_to_parent(&format!("{{\"type\":\"{RESIZE_MESSAGE}\",\"height\":{height}}}"), trusted);
        }
    }

    /// In an iframe, keeps the parent told of the content's height as it
    /// changes (messages arriving, screens changing), for the page's lifetime.
    pub fn watch_height(self: &Rc<Self>) {
        if !matches!(**self, Host::Frame { .. }) {
            return;
        }
        let Some(app) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app")) else {
            return;
        };
        let host = Rc::clone(self);
        let on_resize = Closure::<dyn FnMut()>::new(move || host.height_changed());
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&app);
        }
        // The observer lives as long as the page: one per iframe page.
        on_resize.forget();
    }

    /// In an iframe, lets trusted origins switch the language; everything
    /// else (other origins, malformed data) is ignored.
    pub fn listen(&self, on_lang: impl Fn(Lang) + 'static) -> Option<EventListener> {
        let Host::Frame { trusted, .. } = self else { return None };
        let trusted = trusted.clone();
        let window = web_sys::window()?;
        Some(EventListener::new(&window, "message", move |event| {
            let Some(message) = event.dyn_ref::<web_sys::MessageEvent>() else { return };
            if !trusted.iter().any(|origin| *origin == message.origin()) {
                return;
            }
            let data = message.data();
            let field =
                |name: &str| js_sys::Reflect::get(&data, &JsValue::from_str(name)).ok().and_then(|v| v.as_string());
            if field("type").as_deref() == Some(SET_LANG_MESSAGE) {
                if let Some(lang) = field("lang").and_then(|code| Lang::from_code(&code)) {
                    on_lang(lang);
                }
            }
        }))
    }
}

fn post_to_parent(message: &str, trusted: &[String]) {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    let data = json(message);
    if trusted.is_empty() {
        let _ = parent.post_message(&data, "*");
    }
    for origin in trusted {
        let _ = parent.post_message(&data, origin);
    }
}
