//! The WebSocket messages, as JSON text frames with a `type` field. What a
//! client sends is parsed into these types or refused: unknown types and
//! unknown fields are errors, and the connection that sent them is closed.

pub use scamspot_core::room::client::ClientMessage;
use scamspot_core::room::{PlayerView, PresenterView, Refusal, Summary};
use serde::Serialize;

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
    /// To the presenter: the storage stopped answering (answers are refused,
    /// the phones keep and resend them) or, `false`, answers again.
    Trouble {
        storage_down: bool,
    },
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
    use scamspot_core::content::Outcome;
    use scamspot_core::room::client::ServerEvent;
    use scamspot_core::room::{Command, ForkSummary, Moment, Phase, Phrase, Pick, Place};

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

    /// Every command and pick the pages can send, as the pages write it and the server reads it.
    #[test]
    fn what_the_pages_send_reads_as_the_server_expects() {
        let at = Place { scenario: 1, step: 3 };
        let taps = Pick::Taps(vec![Phrase { message: 0, phrase: 2 }, Phrase { message: 1, phrase: 0 }]);
        let mut sent = vec![
            ClientMessage::Join { token: Some("t1".into()), nickname: "小明 \"x\"".into() },
            ClientMessage::Join { token: None, nickname: String::new() },
            ClientMessage::Answer { client_id: "c1".into(), at, pick: Pick::Choice(2) },
            ClientMessage::Answer { client_id: "c2".into(), at, pick: taps },
            ClientMessage::Rate { client_id: "c3".into(), moment: Moment::After, level: 4 },
            ClientMessage::Snapshot {},
            ClientMessage::Present { secret: "s".into() },
            ClientMessage::Summary {},
        ];
        for command in [
            Command::OpenVoting,
            Command::CloseAndReveal,
            Command::Follow(1),
            Command::Next,
            Command::End,
            Command::LiveBars(true),
        ] {
            sent.push(ClientMessage::Command { command });
        }
        for message in sent {
            assert_eq!(parse(&message.to_text()), Some(message.clone()), "{}", message.to_text());
        }
    }

    /// Every message the server writes, read back by the pages' own decoder.
    #[test]
    fn what_the_server_sends_reads_back_the_same_in_the_pages() {
        let at = Some(Place { scenario: 0, step: 4 });
        let player = PlayerView {
            phase: Phase::Voting,
            at,
            scenario_id: Some("brushing-likes".into()),
            lang: "zh-CN".into(),
            seed: u64::MAX - 7,
            my_pick: Some(Pick::Taps(vec![Phrase { message: 1, phrase: 3 }])),
            my_ratings: [Some(2), None],
            nickname: "小明".into(),
        };
        let presenter = PresenterView {
            phase: Phase::Revealed,
            at,
            scenario_id: None,
            lang: "en".into(),
            seed: 42,
            players: 560,
            answered: 512,
            live_bars: true,
            distribution: Some(vec![300, 0, 212]),
            heat: Some(vec![(Phrase { message: 0, phrase: 1 }, 17)]),
        };
        let lobby =
            PresenterView { phase: Phase::Lobby, at: None, distribution: None, heat: None, ..presenter.clone() };
        let summary = Summary {
            players: 3,
            outcomes: vec![("loan".into(), vec![(Outcome::Safe, 2), (Outcome::Scammed, 1)])],
            hits: 2,
            misses: 1,
            false_alarms: 4,
            trusted: 5,
            flag_taps: 6,
            innocent_taps: 7,
            confidence_before: [1, 0, 2, 0, 0],
            confidence_after: [0, 0, 0, 1, 2],
            forks: vec![ForkSummary {
                scenario_id: "loan".into(),
                step_id: "fee".into(),
                distribution: vec![1, 2],
                risky: vec![false, true],
                risky_answers: 2,
            }],
        };
        let cases = [
            (ServerMessage::Welcome { token: "tok" }, ServerEvent::Welcome { token: "tok".into() }),
            (ServerMessage::Ack { client_id: "c1" }, ServerEvent::Ack { client_id: "c1".into() }),
            (
                ServerMessage::Refused { client_id: Some("c2"), reason: Reason::Room(Refusal::WrongStep) },
                ServerEvent::Refused { client_id: Some("c2".into()), reason: "wrong-step".into() },
            ),
            (
                ServerMessage::Refused { client_id: None, reason: Reason::Server(ServerReason::WrongSecret) },
                ServerEvent::Refused { client_id: None, reason: "wrong-secret".into() },
            ),
            (ServerMessage::Player { view: player.clone() }, ServerEvent::Player(player)),
            (ServerMessage::Presenter { view: presenter.clone() }, ServerEvent::Presenter(presenter)),
            (ServerMessage::Presenter { view: lobby.clone() }, ServerEvent::Presenter(lobby)),
            (
                ServerMessage::Summary { summary: summary.clone(), csv: "a,b\n".into() },
                ServerEvent::Summary { summary, csv: "a,b\n".into() },
            ),
            (ServerMessage::Closed {}, ServerEvent::Closed),
            (ServerMessage::Trouble { storage_down: true }, ServerEvent::Trouble { storage_down: true }),
            (ServerMessage::Trouble { storage_down: false }, ServerEvent::Trouble { storage_down: false }),
        ];
        for (sent, read) in cases {
            assert_eq!(ServerEvent::read(&sent.to_json()), Some(read));
        }
    }

    #[test]
    fn reasons_read_as_plain_words() {
        let refused = ServerMessage::Refused { client_id: None, reason: Reason::Room(Refusal::WrongPhase) };
        assert_eq!(refused.to_json(), r#"{"type":"refused","client_id":null,"reason":"wrong-phase"}"#);
        let busy = ServerMessage::Refused { client_id: None, reason: Reason::Server(ServerReason::Busy) };
        assert!(busy.to_json().contains(r#""reason":"busy""#));
    }
}
