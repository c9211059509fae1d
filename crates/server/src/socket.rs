//! One WebSocket connection: it parses what the client sends, moves it into
//! the room (`hub::Slot::apply`) and sends back acknowledgements and
//! snapshots. It decides nothing about the lecture itself. A client that
//! sends garbage, a message of the wrong kind or floods is closed; the room
//! and every other connection go on.

use crate::hub::{ApplyError, Hub, Slot};
use crate::limit::TokenBucket;
use crate::secret::random_hex;
use crate::wire::{ClientMessage, Reason, ServerMessage, ServerReason};
use axum::extract::ws::{close_code, CloseFrame, Message, WebSocket};
use scamspot_core::room::{Accepted, Input, PlayerId};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Messages one connection may send at once, and per second after that.
const BURST: u32 = 20;
const PER_SECOND: u32 = 5;
/// A connection that has not joined or presented by then is closed.
const HELLO_WITHIN: Duration = Duration::from_secs(15);

enum Role {
    Anonymous,
    Player { token: String, id: PlayerId },
    Presenter,
}

/// Why a connection is closed: the close frame's code and reason.
struct Close(u16, &'static str);

pub async fn serve(mut socket: WebSocket, hub: Arc<Hub>, slot: Arc<Slot>) {
    let mut connection = Connection { hub, slot, role: Role::Anonymous, outbox: Vec::new() };
    let mut moved = connection.slot.moved.subscribe();
    let mut counted = connection.slot.counted.subscribe();
    let mut storage_down = connection.hub.storage_down.subscribe();
    let mut bucket = TokenBucket::new(BURST, PER_SECOND, Instant::now());
    let hello_deadline = tokio::time::sleep(HELLO_WITHIN);
    tokio::pin!(hello_deadline);
    let close = loop {
        let is_presenter = matches!(connection.role, Role::Presenter);
        let is_anonymous = matches!(connection.role, Role::Anonymous);
        let step = tokio::select! {
            received = socket.recv() => match received {
                Some(Ok(Message::Text(text))) if bucket.take(Instant::now()) => connection.receive(&text).await,
                Some(Ok(Message::Text(_))) => Err(Close(close_code::POLICY, "too many messages")),
                Some(Ok(Message::Binary(_))) => Err(Close(close_code::UNSUPPORTED, "text only")),
                Some(Ok(Message::Ping(_) | Message::Pong(_))) => Ok(()),
                // Closed by the client, a read error, or a message over the size limit.
                Some(Ok(Message::Close(_)) | Err(_)) | None => break None,
            },
            Ok(()) = moved.changed(), if !is_anonymous => connection.snapshot(),
            Ok(()) = counted.changed(), if is_presenter => connection.snapshot(),
            Ok(()) = storage_down.changed(), if is_presenter => connection.trouble(),
            () = &mut hello_deadline, if is_anonymous => Err(Close(close_code::POLICY, "join first")),
        };
        let outbox = std::mem::take(&mut connection.outbox);
        for text in outbox {
            if socket.send(Message::Text(text.into())).await.is_err() {
                return;
            }
        }
        if let Err(close) = step {
            break Some(close);
        }
    };
    if let Some(Close(code, reason)) = close {
        let frame = CloseFrame { code, reason: reason.into() };
        // The client may be gone already; nothing more to do either way.
        let _ = socket.send(Message::Close(Some(frame))).await;
    }
}

struct Connection {
    hub: Arc<Hub>,
    slot: Arc<Slot>,
    role: Role,
    /// What to send after handling the current event.
    outbox: Vec<String>,
}

impl Connection {
    fn send(&mut self, message: ServerMessage) {
        self.outbox.push(message.to_json());
    }

    async fn receive(&mut self, text: &str) -> Result<(), Close> {
        let message: ClientMessage =
            serde_json::from_str(text).map_err(|_| Close(close_code::POLICY, "not a message"))?;
        match (message, &self.role) {
            (ClientMessage::Join { token, nickname }, Role::Anonymous) => self.join(token, nickname).await,
            (ClientMessage::Present { secret }, Role::Anonymous) => {
                if !self.slot.is_presenter(&secret) {
                    self.send(ServerMessage::Refused {
                        client_id: None,
                        reason: Reason::Server(ServerReason::WrongSecret),
                    });
                    return Err(Close(close_code::POLICY, "wrong secret"));
                }
                self.role = Role::Presenter;
                if *self.hub.storage_down.borrow() {
                    self.trouble()?;
                }
                self.snapshot()
            }
            (ClientMessage::Answer { client_id, at, pick }, Role::Player { token, .. }) => {
                let input = Input::Answer { token: token.clone(), client_id: client_id.clone(), at, pick };
                self.acknowledge(&client_id, &input).await
            }
            (ClientMessage::Rate { client_id, moment, level }, Role::Player { token, .. }) => {
                let input = Input::Rate { token: token.clone(), client_id: client_id.clone(), moment, level };
                self.acknowledge(&client_id, &input).await
            }
            (ClientMessage::Snapshot {}, Role::Player { .. } | Role::Presenter) => self.snapshot(),
            (ClientMessage::Command { command }, Role::Presenter) => {
                let result = self.slot.apply(&self.hub, &Input::Command(command)).await;
                if let Err(error) = result {
                    self.send(ServerMessage::Refused { client_id: None, reason: reason(error) });
                }
                Ok(())
            }
            (ClientMessage::Summary {}, Role::Presenter) => {
                let summary = self.slot.read(|room| room.summary());
                let csv = summary.csv();
                self.send(ServerMessage::Summary { summary, csv });
                Ok(())
            }
            _ => Err(Close(close_code::POLICY, "not allowed now")),
        }
    }

    async fn join(&mut self, token: Option<String>, nickname: String) -> Result<(), Close> {
        if !self.slot.admit_join() {
            self.send(ServerMessage::Refused { client_id: None, reason: Reason::Server(ServerReason::Busy) });
            return Err(Close(close_code::AGAIN, "busy, try again"));
        }
        let token = token.unwrap_or_else(|| random_hex(16));
        match self.slot.apply(&self.hub, &Input::Join { token: token.clone(), nickname }).await {
            Ok(Accepted::Joined(id)) => {
                self.send(ServerMessage::Welcome { token: &token });
                self.role = Role::Player { token, id };
                self.snapshot()
            }
            Ok(_) => Err(Close(close_code::ERROR, "join not recorded")),
            Err(error) => {
                self.send(ServerMessage::Refused { client_id: None, reason: reason(error) });
                Err(Close(close_code::POLICY, "join refused"))
            }
        }
    }

    /// Applies a phone's answer or rating; "ack" only once it is stored.
    async fn acknowledge(&mut self, client_id: &str, input: &Input) -> Result<(), Close> {
        match self.slot.apply(&self.hub, input).await {
            Ok(_) => self.send(ServerMessage::Ack { client_id }),
            Err(error) => self.send(ServerMessage::Refused { client_id: Some(client_id), reason: reason(error) }),
        }
        Ok(())
    }

    /// Tells the presenter whether the storage answers.
    fn trouble(&mut self) -> Result<(), Close> {
        let storage_down = *self.hub.storage_down.borrow();
        self.send(ServerMessage::Trouble { storage_down });
        Ok(())
    }

    fn snapshot(&mut self) -> Result<(), Close> {
        if self.slot.is_closed() {
            self.send(ServerMessage::Closed {});
            return Err(Close(close_code::NORMAL, "room closed"));
        }
        let message = match self.role {
            Role::Player { id, .. } => ServerMessage::Player { view: self.slot.read(|room| room.player_view(id)) },
            Role::Presenter => ServerMessage::Presenter { view: self.slot.read(|room| room.presenter_view()) },
            Role::Anonymous => return Ok(()),
        };
        self.send(message);
        Ok(())
    }
}

fn reason(error: ApplyError) -> Reason {
    match error {
        ApplyError::Refused(refusal) => Reason::Room(refusal),
        ApplyError::Storage => Reason::Server(ServerReason::Storage),
    }
}
