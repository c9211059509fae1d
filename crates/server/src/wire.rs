//! The WebSocket messages, as JSON text frames with a `type` field. What a
//! client sends is parsed into these types or refused: unknown types and
//! unknown fields are errors, and the connection that sent them is closed.

use scamspot_core::room::{Command, Moment, Pick, Place, PlayerView, PresenterView, Refusal, Summary};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
pub enum ClientMessage {
    /// A phone joins (again, with its token) or for the first time (the server draws a token).
    Join {
        token: Option<String>,
        #[serde(default)]
        nickname: String,
    },
    Answer {
        client_id: String,
        at: Place,
        pick: Pick,
    },
    Rate {
        client_id: String,
        moment: Moment,
        level: u8,
    },
    /// Asks for the whole current state again.
    Snapshot {},
    /// The lecturer's laptop identifies itself with the room's secret.
    Present {
        secret: String,
    },
    Command {
        command: Command,
    },
    Summary {},
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum ServerMessage<'a> {
    /// The phone's token, to keep and send again on every reconnect.
    Welcome {
        token: &'a str,
    },
    Ack {
        client_id: &'a str,
    },
    Refused {
        client_id: Option<&'a str>,
        reason: Reason,
    },
    Player {
        view: PlayerView,
    },
    Presenter {
        view: PresenterView,
    },
    Summary {
        summary: Summary,
        csv: String,
    },
    /// The room has closed; the phone may go on playing on its own.
    Closed {},
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Reason {
    Room(Refusal),
    Server(ServerReason),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ServerReason {
    /// Too many joins this second: try again shortly.
    Busy,
    WrongSecret,
    /// The answer could not be stored; the phone resends it.
    Storage,
}

impl ServerMessage<'_> {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("server messages serialise")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Option<ClientMessage> {
        serde_json::from_str(text).ok()
    }

    #[test]
    fn typed_messages_parse_and_unknown_types_or_fields_do_not() {
        let answer = parse(r#"{"type":"answer","client_id":"c1","at":{"scenario":0,"step":2},"pick":{"choice":1}}"#);
        assert_eq!(
            answer,
            Some(ClientMessage::Answer {
                client_id: "c1".into(),
                at: Place { scenario: 0, step: 2 },
                pick: Pick::Choice(1)
            })
        );
        assert!(parse(r#"{"type":"command","command":{"follow":1}}"#).is_some());
        assert!(parse(r#"{"type":"command","command":"open-voting"}"#).is_some());
        assert!(parse(r#"{"type":"snapshot"}"#).is_some());
        assert!(parse(r#"{"type":"snapshot","admin":true}"#).is_none());
        assert!(parse(r#"{"type":"join","token":null,"nickname":"x","role":"presenter"}"#).is_none());
        assert!(parse(r#"{"type":"answer","client_id":"c1","at":{"scenario":0,"step":2,"x":1},"pick":{"choice":1}}"#)
            .is_none());
        assert!(parse(r#"{"type":"launch"}"#).is_none());
        assert!(parse("not json").is_none());
    }

    #[test]
    fn reasons_read_as_plain_words() {
        let refused = ServerMessage::Refused { client_id: None, reason: Reason::Room(Refusal::WrongPhase) };
        assert_eq!(refused.to_json(), r#"{"type":"refused","client_id":null,"reason":"wrong-phase"}"#);
        let busy = ServerMessage::Refused { client_id: None, reason: Reason::Server(ServerReason::Busy) };
        assert!(busy.to_json().contains(r#""reason":"busy""#));
    }
}
