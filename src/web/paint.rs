//! Work the learner does not see waits until the browser has painted the
//! tap's result: an effect runs before that paint, so anything slow it does
//! directly (`history.pushState`, ~4 ms on the phone profile) delays the
//! answer to the tap. (A localStorage write, ~0.1 ms, is not worth it; the
//! first serialisation of progress at start-up is: `storage::load_progress`.)
//! Downloads wait too: the rest of a round's packs start once its first
//! scenario shows, so they never share the slow network with what the
//! learner is waiting for.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// At most this long a busy page may hold the work back.
const LATEST_MS: u32 = 500;

type Work = Box<dyn FnOnce()>;

/// Runs `work` after the next frame has painted: from that frame's
/// animation callback, when the browser is next idle (`requestIdleCallback`;
/// asked for directly, it may come before the frame), or after a zero timeout
/// where there is no such thing (Safari). One boxed function type for every
/// caller: each closure type would bring its own JS glue into the wasm.
pub fn after_next_paint(work: Work) {
    let Some(window) = web_sys::window() else { return work() };
    let in_frame = Closure::once_into_js(move || {
        let Some(window) = web_sys::window() else { return work() };
        let callback = Closure::once_into_js(work);
        let idle = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback")).ok();
        if let Some(idle) = idle.as_ref().and_then(|f| f.dyn_ref::<js_sys::Function>()) {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &JsValue::from_str("timeout"), &JsValue::from(LATEST_MS));
            let _ = idle.call2(&window, &callback, &options);
        } else {
            let _ = window.set_timeout_with_callback(callback.unchecked_ref());
        }
    });
    let _ = window.request_animation_frame(in_frame.unchecked_ref());
}

/// Resolves after the next frame has painted (`after_next_paint`).
pub async fn next_paint() {
    let painted = js_sys::Promise::new(&mut |resolve, _| {
        after_next_paint(Box::new(move || {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }))
    });
    let _ = wasm_bindgen_futures::JsFuture::from(painted).await;
}
