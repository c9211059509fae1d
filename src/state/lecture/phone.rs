//! The phone page of a lecture room (`/?room=123456`) as a pure reducer.
//! The browser around it (the socket, storage, the clock, randomness) brings
//! events in as `PhoneAction`s; what must go to the server is queued in
//! `to_send`, and the page sends it and reports `Flushed`.
//!
//! Bad Wi-Fi is the normal case in a lecture hall: every answer and rating
//! waits in the `Outbox` under its own client id until the server
//! acknowledges it, and all of them go again on every reconnect (the server
//! counts a client id once).

#[cfg(test)]
#[path = "phone_tests.rs"]
mod tests;

use scamspot_core::room::client::{ClientMessage, Link, ServerEvent};
use scamspot_core::room::{sanitise_nickname, Moment, Phase, Phrase, Pick, Place, PlayerView};

/// Without an open link for this long, the page explains the usual causes
/// (a captive campus Wi-Fi, an in-app browser).
pub const HINT_AFTER_MS: f64 = 5_000.0;
/// How long "back online" shows after a reconnect.
pub const BACK_ONLINE_MS: f64 = 3_000.0;
/// After a "busy" or "storage" refusal, the wait before the outbox goes again
/// (the server's storage may be back by then; a reconnect sends it sooner).
pub const RETRY_MS: f64 = 2_000.0;
/// Digits in a room code.
pub const CODE_DIGITS: usize = 6;

/// A room code as typed or linked: six digits, else `None`.
pub fn room_code(text: &str) -> Option<String> {
    let code = text.trim();
    (code.len() == CODE_DIGITS && code.bytes().all(|b| b.is_ascii_digit())).then(|| code.to_string())
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Connection {
    /// The join form shows; no socket yet.
    NotJoined,
    /// Trying to open since `since_ms`; `was_open`: a link was lost (else the first connect).
    Trying {
        since_ms: f64,
        was_open: bool,
    },
    Open {
        since_ms: f64,
        after_loss: bool,
    },
    /// The room has closed: no more tries.
    Closed,
}

/// What the status line says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkStatus {
    NotJoined,
    Connecting,
    Reconnecting,
    BackOnline,
    Online,
    Closed,
}

/// Where an answer or a rating stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// In the outbox: not acknowledged yet.
    Sending,
    /// Acknowledged by the server (or in its snapshot).
    Received,
}

/// What an outbox entry answers: only the newest entry per slot matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Answer(Place),
    Rate(Moment),
}

/// Why the last answer or rating was not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneNotice {
    /// Refused as too late (wrong phase or step): voting had closed.
    VotingClosed,
    NotAccepted,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub client_id: String,
    pub slot: Slot,
    /// An `ClientMessage::Answer` or `ClientMessage::Rate`.
    pub message: ClientMessage,
}

/// Answers and ratings not acknowledged yet, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outbox {
    pending: Vec<Pending>,
}

impl Outbox {
    /// Keeps `message` until acknowledged; it replaces an older one for the
    /// same slot (a changed answer: the newest pick is what counts).
    pub fn put(&mut self, client_id: String, slot: Slot, message: ClientMessage) {
        self.pending.retain(|p| p.slot != slot);
        self.pending.push(Pending { client_id, slot, message });
    }

    /// Takes out the entry with `client_id`, if it is still waiting.
    pub fn take(&mut self, client_id: &str) -> Option<Pending> {
        let position = self.pending.iter().position(|p| p.client_id == client_id)?;
        Some(self.pending.remove(position))
    }

    pub fn get(&self, slot: Slot) -> Option<&Pending> {
        self.pending.iter().find(|p| p.slot == slot)
    }

    /// What to send again after a reconnect, oldest first.
    pub fn messages(&self) -> impl Iterator<Item = &ClientMessage> {
        self.pending.iter().map(|p| &p.message)
    }

    pub fn len(&self) -> usize {
        self.pending.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum PhoneAction {
    /// The learner joins room `code` (or comes back to it with the `token` kept for it).
    Join {
        code: String,
        nickname: String,
        token: Option<String>,
        now_ms: f64,
    },
    Link {
        event: Link,
        now_ms: f64,
    },
    Server(ServerEvent),
    /// Authored index of the choice tapped at the current fork.
    Choose {
        choice: usize,
        client_id: String,
    },
    /// A phrase tapped (or untapped) at the current spot step.
    TogglePhrase {
        phrase: Phrase,
        client_id: String,
    },
    Rate {
        moment: Moment,
        level: u8,
        client_id: String,
    },
    /// The server has no room with the code joined.
    NoSuchRoom,
    /// The clock moved (the status line and the hint depend on it).
    Tick {
        now_ms: f64,
    },
    /// The page handed the first `count` messages of `to_send` to the socket.
    Flushed {
        count: usize,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct PhoneState {
    pub code: String,
    pub nickname: String,
    /// This phone's player token in the room, from the server's welcome.
    pub token: Option<String>,
    pub connection: Connection,
    pub now_ms: f64,
    /// The room's latest snapshot; `None` until the first one.
    pub view: Option<PlayerView>,
    pub outbox: Outbox,
    /// The last answer the server holds (acknowledged or in its snapshot).
    counted: Option<(Place, Pick)>,
    counted_ratings: [Option<u8>; 2],
    pub notice: Option<PhoneNotice>,
    /// When to send the outbox again after the server held an answer up.
    retry_at_ms: Option<f64>,
    /// The last scenario shown, for "play it yourself" after the room ends.
    pub last_scenario: Option<String>,
    /// Messages for the socket, sent by the page (only queued while the link is open).
    pub to_send: Vec<ClientMessage>,
    /// A code the server has no room for (a typo, or a room long closed).
    pub missing: Option<String>,
}

impl Default for PhoneState {
    fn default() -> Self {
        PhoneState {
            code: String::new(),
            nickname: String::new(),
            token: None,
            connection: Connection::NotJoined,
            now_ms: 0.0,
            view: None,
            outbox: Outbox::default(),
            counted: None,
            counted_ratings: [None; 2],
            notice: None,
            retry_at_ms: None,
            last_scenario: None,
            to_send: Vec::new(),
            missing: None,
        }
    }
}

impl PhoneState {
    pub fn apply(mut self, action: PhoneAction) -> PhoneState {
        match action {
            PhoneAction::Join { code, nickname, token, now_ms } => {
                self.code = code;
                self.nickname = sanitise_nickname(&nickname);
                self.token = token;
                self.now_ms = now_ms;
                self.connection = Connection::Trying { since_ms: now_ms, was_open: false };
                self.missing = None;
            }
            // Back to the form, saying so: no connection would ever open.
            PhoneAction::NoSuchRoom => {
                self.missing = Some(std::mem::take(&mut self.code));
                self.token = None;
                self.connection = Connection::NotJoined;
                self.to_send.clear();
            }
            PhoneAction::Link { event, now_ms } => {
                self.now_ms = now_ms;
                self.link(event);
            }
            PhoneAction::Server(event) => self.server(event),
            PhoneAction::Choose { choice, client_id } => self.answer(Pick::Choice(choice), client_id),
            PhoneAction::TogglePhrase { phrase, client_id } => {
                let mut taps = match self.my_answer() {
                    Some((Pick::Taps(taps), _)) => taps.clone(),
                    _ => Vec::new(),
                };
                match taps.binary_search(&phrase) {
                    Ok(found) => drop(taps.remove(found)),
                    Err(place) => taps.insert(place, phrase),
                }
                self.answer(Pick::Taps(taps), client_id);
            }
            PhoneAction::Rate { moment, level, client_id } => {
                if self.connection != Connection::Closed {
                    self.queue(client_id.clone(), Slot::Rate(moment), ClientMessage::Rate { client_id, moment, level });
                }
            }
            PhoneAction::Tick { now_ms } => {
                self.now_ms = now_ms;
                if self.retry_at_ms.is_some_and(|at| now_ms >= at) && matches!(self.connection, Connection::Open { .. })
                {
                    self.retry_at_ms = None;
                    self.to_send.extend(self.outbox.messages().cloned());
                }
            }
            PhoneAction::Flushed { count } => drop(self.to_send.drain(..count.min(self.to_send.len()))),
        }
        self
    }

    fn link(&mut self, event: Link) {
        let now_ms = self.now_ms;
        self.connection = match (self.connection, event) {
            (Connection::NotJoined | Connection::Closed, _) => return,
            (Connection::Open { .. }, Link::Connecting | Link::Reconnecting { .. }) => {
                Connection::Trying { since_ms: now_ms, was_open: true }
            }
            (trying @ Connection::Trying { .. }, Link::Connecting | Link::Reconnecting { .. }) => trying,
            (Connection::Trying { was_open, .. }, Link::Open) => {
                // Join first (the server knows this phone by its token), then everything unacknowledged.
                let join = ClientMessage::Join { token: self.token.clone(), nickname: self.nickname.clone() };
                self.to_send.push(join);
                self.to_send.extend(self.outbox.messages().cloned());
                self.retry_at_ms = None;
                Connection::Open { since_ms: now_ms, after_loss: was_open }
            }
            (open @ Connection::Open { .. }, Link::Open) => open,
        };
    }

    fn server(&mut self, event: ServerEvent) {
        match event {
            ServerEvent::Welcome { token } => self.token = Some(token),
            ServerEvent::Ack { client_id } => match self.outbox.take(&client_id) {
                Some(Pending { slot: Slot::Answer(at), message: ClientMessage::Answer { pick, .. }, .. }) => {
                    self.counted = Some((at, pick));
                }
                Some(Pending { slot: Slot::Rate(moment), message: ClientMessage::Rate { level, .. }, .. }) => {
                    self.counted_ratings[moment as usize] = Some(level);
                }
                // A duplicate ack, or one for an answer replaced since.
                _ => {}
            },
            ServerEvent::Refused { client_id: Some(client_id), reason } => {
                // Held up on the server's side: sent again soon, or on the next reconnect.
                if matches!(reason.as_str(), "busy" | "storage") {
                    self.retry_at_ms.get_or_insert(self.now_ms + RETRY_MS);
                    return;
                }
                if self.outbox.take(&client_id).is_some() {
                    let late = matches!(reason.as_str(), "wrong-phase" | "wrong-step");
                    self.notice = Some(if late { PhoneNotice::VotingClosed } else { PhoneNotice::NotAccepted });
                }
            }
            ServerEvent::Player(view) => self.snapshot(view),
            ServerEvent::Closed => {
                self.connection = Connection::Closed;
                self.to_send.clear();
            }
            ServerEvent::Refused { client_id: None, .. }
            | ServerEvent::Presenter(_)
            | ServerEvent::Summary { .. }
            | ServerEvent::Trouble { .. } => {}
        }
    }

    fn snapshot(&mut self, view: PlayerView) {
        let moved = self.view.as_ref().map(|old| (old.at, old.phase)) != Some((view.at, view.phase));
        if moved && view.phase != Phase::Revealed {
            self.notice = None;
        }
        if let Some(at) = view.at {
            match &view.my_pick {
                Some(pick) => self.counted = Some((at, pick.clone())),
                None if self.counted.as_ref().is_some_and(|(counted_at, _)| *counted_at == at) => self.counted = None,
                None => {}
            }
        }
        self.counted_ratings = view.my_ratings;
        if view.scenario_id.is_some() {
            self.last_scenario.clone_from(&view.scenario_id);
        }
        self.view = Some(view);
    }

    /// Keeps a new answer for the current step while voting is open.
    fn answer(&mut self, pick: Pick, client_id: String) {
        let Some(at) = self.view.as_ref().filter(|v| v.phase == Phase::Voting).and_then(|v| v.at) else { return };
        if self.connection == Connection::Closed {
            return;
        }
        self.queue(client_id.clone(), Slot::Answer(at), ClientMessage::Answer { client_id, at, pick });
    }

    fn queue(&mut self, client_id: String, slot: Slot, message: ClientMessage) {
        self.notice = None;
        if matches!(self.connection, Connection::Open { .. }) {
            self.to_send.push(message.clone());
        }
        self.outbox.put(client_id, slot, message);
    }

    /// This phone's answer at the current step: waiting in the outbox, or counted.
    pub fn my_answer(&self) -> Option<(&Pick, Delivery)> {
        let at = self.view.as_ref()?.at?;
        if let Some(Pending { message: ClientMessage::Answer { pick, .. }, .. }) = self.outbox.get(Slot::Answer(at)) {
            return Some((pick, Delivery::Sending));
        }
        self.counted.as_ref().filter(|(counted_at, _)| *counted_at == at).map(|(_, pick)| (pick, Delivery::Received))
    }

    pub fn my_rating(&self, moment: Moment) -> Option<(u8, Delivery)> {
        if let Some(Pending { message: ClientMessage::Rate { level, .. }, .. }) = self.outbox.get(Slot::Rate(moment)) {
            return Some((*level, Delivery::Sending));
        }
        self.counted_ratings[moment as usize].map(|level| (level, Delivery::Received))
    }

    pub fn link_status(&self) -> LinkStatus {
        match self.connection {
            Connection::NotJoined => LinkStatus::NotJoined,
            Connection::Trying { was_open: false, .. } => LinkStatus::Connecting,
            Connection::Trying { was_open: true, .. } => LinkStatus::Reconnecting,
            Connection::Open { since_ms, after_loss: true } if self.now_ms - since_ms < BACK_ONLINE_MS => {
                LinkStatus::BackOnline
            }
            Connection::Open { .. } => LinkStatus::Online,
            Connection::Closed => LinkStatus::Closed,
        }
    }

    /// Whether to explain the campus Wi-Fi login page and in-app browsers.
    pub fn shows_hint(&self) -> bool {
        matches!(self.connection, Connection::Trying { since_ms, .. } if self.now_ms - since_ms >= HINT_AFTER_MS)
    }

    /// Whether the state changes with time alone (the page ticks the clock meanwhile).
    pub fn needs_clock(&self) -> bool {
        self.retry_at_ms.is_some()
            || matches!(self.link_status(), LinkStatus::Connecting | LinkStatus::Reconnecting | LinkStatus::BackOnline)
    }
}
