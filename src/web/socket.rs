//! The WebSocket to the lecture server, reconnecting by itself: a campus
//! Wi-Fi drops phones, screens lock, the server may restart mid-lecture.
//! The pages never see a dead socket, only the link's state and the
//! messages; what must arrive they keep and send again on the next `Open`.

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use scamspot_core::room::client::{retry_delay_ms, Link, CONNECT_TIMEOUT_MS};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, WebSocket};
use yew::Callback;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SocketEvent {
    Link(Link),
    Message(String),
}

/// A handle on the room's socket; the socket closes for good when the last clone drops.
#[derive(Clone)]
pub struct RoomSocket(Rc<Inner>);

struct Inner {
    url: String,
    on_event: Callback<SocketEvent>,
    socket: RefCell<Option<(WebSocket, [EventListener; 3])>>,
    /// Tries since the socket last opened.
    attempt: Cell<u32>,
    /// The next try, or the deadline of the current one.
    timer: RefCell<Option<Timeout>>,
}

impl RoomSocket {
    /// Connects to this page's server, room `code`, now; reports every change
    /// of link and every text message to `on_event`.
    pub fn open(code: &str, on_event: Callback<SocketEvent>) -> RoomSocket {
        let location = web_sys::window().map(|w| w.location());
        let secure = location.as_ref().and_then(|l| l.protocol().ok()).is_some_and(|p| p == "https:");
        let host = location.and_then(|l| l.host().ok()).unwrap_or_default();
        let scheme = if secure { "wss" } else { "ws" };
        let url = format!("{scheme}://{host}/ws?room={code}");
        let inner = Rc::new(Inner {
            url,
            on_event,
            socket: RefCell::new(None),
            attempt: Cell::new(0),
            timer: RefCell::new(None),
        });
        inner.on_event.emit(SocketEvent::Link(Link::Connecting));
        Inner::connect(&inner);
        RoomSocket(inner)
    }

    /// Sends `text` if the socket is open; false if not (nothing is queued here).
    pub fn send(&self, text: &str) -> bool {
        let socket = self.0.socket.borrow();
        match socket.as_ref() {
            Some((socket, _)) if socket.ready_state() == WebSocket::OPEN => socket.send_with_str(text).is_ok(),
            _ => false,
        }
    }

    /// Closes the socket for good: no more tries, no more events.
    pub fn close(&self) {
        self.0.shut();
    }
}

/// Whether the server says it has no room `code` (a 404 from
/// `/api/rooms/CODE`). Anything else, a network error too, is not an answer:
/// the socket tries, and its link state tells the learner.
pub async fn room_missing(code: &str) -> bool {
    let response = gloo::net::http::Request::get(&format!("/api/rooms/{code}")).send().await;
    response.is_ok_and(|r| r.status() == 404)
}

impl Inner {
    fn connect(this: &Rc<Inner>) {
        this.drop_socket();
        let Ok(socket) = WebSocket::new(&this.url) else {
            Inner::retry_later(this);
            return;
        };
        let weak = Rc::downgrade(this);
        let on = |name: &'static str, handle: fn(&Rc<Inner>, &web_sys::Event)| {
            let weak: Weak<Inner> = weak.clone();
            EventListener::new(&socket, name, move |event| {
                if let Some(this) = weak.upgrade() {
                    handle(&this, event)
                }
            })
        };
        let listeners = [
            on("open", |this, _| {
                this.timer.borrow_mut().take();
                this.attempt.set(0);
                this.on_event.emit(SocketEvent::Link(Link::Open));
            }),
            on("message", |this, event| {
                let text = event.dyn_ref::<MessageEvent>().and_then(|m| m.data().as_string());
                if let Some(text) = text {
                    this.on_event.emit(SocketEvent::Message(text));
                }
            }),
            // An error is always followed by a close.
            on("close", |this, _| Inner::retry_later(this)),
        ];
        *this.socket.borrow_mut() = Some((socket, listeners));
        // A captive portal or a dead access point can hold a connect for a
        // minute: give up on it sooner and try again.
        let weak = Rc::downgrade(this);
        let deadline = Timeout::new(CONNECT_TIMEOUT_MS, move || {
            if let Some(this) = weak.upgrade() {
                Inner::retry_later(&this);
            }
        });
        *this.timer.borrow_mut() = Some(deadline);
    }

    fn retry_later(this: &Rc<Inner>) {
        this.drop_socket();
        let attempt = this.attempt.get() + 1;
        this.attempt.set(attempt);
        this.on_event.emit(SocketEvent::Link(Link::Reconnecting { attempt }));
        let weak = Rc::downgrade(this);
        let retry = Timeout::new(retry_delay_ms(attempt), move || {
            if let Some(this) = weak.upgrade() {
                Inner::connect(&this);
            }
        });
        *this.timer.borrow_mut() = Some(retry);
    }

    /// Forgets the current socket without its close counting as a loss.
    fn drop_socket(&self) {
        if let Some((socket, listeners)) = self.socket.borrow_mut().take() {
            drop(listeners);
            let _ = socket.close();
        }
    }

    fn shut(&self) {
        self.timer.borrow_mut().take();
        self.drop_socket();
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        self.shut();
    }
}
