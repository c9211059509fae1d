//! Work the learner does not see (saving to localStorage) waits until the
//! browser has painted the tap's result: an effect runs before that paint,
//! so anything it does directly delays the answer to the tap.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// At most this long a busy page may hold the work back.
const LATEST_MS: u32 = 500;

pub type Work = Box<dyn FnOnce()>;

/// The one piece of work a hook has waiting, if any. A newer one replaces
/// it: each saves the latest value, which includes what the older would have.
#[derive(Clone, Default)]
pub struct Pending(Rc<RefCell<Option<Work>>>);

impl Pending {
    /// Runs `work` after the next paint, unless newer work replaces it first.
    pub fn after_paint(&self, work: impl FnOnce() + 'static) {
        self.0.replace(Some(Box::new(work)));
        let pending = self.clone();
        after_next_paint(Box::new(move || pending.flush()));
    }

    fn flush(&self) {
        let work = self.0.borrow_mut().take();
        if let Some(work) = work {
            work();
        }
    }
}

/// Work waiting for the paint, done at once if the page goes away first (a
/// reload, say). Its `pagehide` listener comes after those of hooks called
/// earlier, so what they change on `pagehide` is saved too.
#[hook]
pub fn use_pending() -> Pending {
    let pending = use_memo((), |_| Pending::default());
    {
        let pending = Pending::clone(&pending);
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a browser window");
            let listener = gloo::events::EventListener::new(&window, "pagehide", move |_| pending.flush());
            move || drop(listener)
        });
    }
    Pending::clone(&pending)
}

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
