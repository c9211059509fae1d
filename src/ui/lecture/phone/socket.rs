//! The page's I/O around `PhoneState`: the room's socket (opened once the
//! learner joins, closed for good with the room), what the state queues for
//! it, the token kept per room, and the clock while the status line depends on it.

use super::PhoneStore;
use crate::state::lecture::phone::{Connection, PhoneAction, PhoneState};
use crate::web::browser::now_ms;
use crate::web::socket::{room_missing, RoomSocket, SocketEvent};
use crate::web::storage;
use gloo::timers::callback::Interval;
use scamspot_core::room::client::ServerEvent;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// How often the clock ticks while the status line waits on it.
const TICK_MS: u32 = 1_000;

fn action(event: SocketEvent) -> Option<PhoneAction> {
    let link = |event| Some(PhoneAction::Link { event, now_ms: now_ms() });
    match event {
        SocketEvent::Link(event) => link(event),
        SocketEvent::Message(text) => ServerEvent::read(&text).map(PhoneAction::Server),
    }
}

#[hook]
pub fn use_phone_socket(state: &PhoneState, dispatch: UseReducerDispatcher<PhoneStore>) {
    let socket = use_mut_ref(|| None::<RoomSocket>);
    let joined = state.connection != Connection::NotJoined;
    let closed = state.connection == Connection::Closed;
    {
        let (socket, dispatch, code) = (socket.clone(), dispatch.clone(), state.code.clone());
        use_effect_with((joined, closed), move |&(joined, closed)| {
            // Cleared when the effect ends, so a check that answers late opens nothing.
            let wanted = Rc::new(Cell::new(joined && !closed));
            if wanted.get() {
                let (socket, wanted) = (socket.clone(), wanted.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    // A mistyped code is said at once, not taken for a bad Wi-Fi.
                    let missing = room_missing(&code).await;
                    if !wanted.get() {
                        return;
                    }
                    if missing {
                        dispatch.dispatch(PhoneAction::NoSuchRoom);
                    } else {
                        let on_event = Callback::from(move |event| {
                            if let Some(action) = action(event) {
                                dispatch.dispatch(action);
                            }
                        });
                        *socket.borrow_mut() = Some(RoomSocket::open(&code, on_event));
                    }
                });
            }
            move || {
                wanted.set(false);
                if let Some(socket) = socket.borrow_mut().take() {
                    socket.close();
                }
            }
        });
    }
    {
        // A message the socket cannot take now is still in the outbox (or is
        // the join): the next `Open` queues it again.
        let (socket, dispatch) = (socket.clone(), dispatch.clone());
        use_effect_with(state.to_send.clone(), move |to_send| {
            if !to_send.is_empty() {
                if let Some(socket) = socket.borrow().as_ref() {
                    for message in to_send {
                        let _ = socket.send(&message.to_text());
                    }
                }
                dispatch.dispatch(PhoneAction::Flushed { count: to_send.len() });
            }
        });
    }
    use_effect_with((state.code.clone(), state.token.clone()), |(code, token)| {
        if let Some(token) = token {
            storage::save_room_token(code, token);
        }
    });
    use_effect_with(state.needs_clock(), move |&ticking| {
        let interval =
            ticking.then(|| Interval::new(TICK_MS, move || dispatch.dispatch(PhoneAction::Tick { now_ms: now_ms() })));
        move || drop(interval)
    });
}
