//! The room's messages as the browser pages read and write them. What a page
//! sends is `ClientMessage`, which the server parses with serde; the pages
//! write it with `json::Json`, as they read what the server sends
//! (`ServerEvent`, the server's serde types in `crates/server` `wire.rs`):
//! no serde_json in the wasm. A `type` member names the message; enums are
//! kebab-case words, or one-member objects when they carry a value. Tests in
//! the server's `wire.rs` hold both directions to the same text.

use super::summary::{outcome_name, OUTCOMES};
use super::{Command, ForkSummary, Moment, Phase, Phrase, Pick, Place, PlayerView, PresenterView, Summary};
use crate::content::Outcome;
use crate::json::{read, Json};
use serde::Deserialize;

/// How long a page waits for a socket to open before it tries again.
/// The state of a page's link to the server, as the socket reports it and
/// both lecture pages keep it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    Connecting,
    Open,
    /// Lost (or never opened); `attempt` counts the tries since the last open.
    Reconnecting {
        attempt: u32,
    },
}

pub const CONNECT_TIMEOUT_MS: u32 = 8_000;

/// The wait before try `attempt` (1, 2, …) to reconnect: quick at first (a
/// blip), then every 5 s, so a hall of phones coming back after a server
/// restart does not hammer it in step.
pub fn retry_delay_ms(attempt: u32) -> u32 {
    (250u32 << attempt.clamp(1, 5)).min(5_000)
}

/// What the server sends a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerEvent {
    /// The phone's token: kept, and sent with every join.
    Welcome {
        token: String,
    },
    Ack {
        client_id: String,
    },
    /// `reason` as the server words it: `wrong-phase`, `wrong-step`, `busy`, `storage`, `wrong-secret`…
    Refused {
        client_id: Option<String>,
        reason: String,
    },
    Player(PlayerView),
    Presenter(PresenterView),
    Summary {
        summary: Summary,
        csv: String,
    },
    /// The room has closed.
    Closed,
    /// For the presenter: the server's storage stopped answering (answers are
    /// refused and the phones resend them) or, `false`, answers again.
    Trouble {
        storage_down: bool,
    },
}

/// What a page sends the server, and what the server parses (`crates/server`
/// reads it with serde: unknown types and fields refused, the connection closed).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
pub enum ClientMessage {
    /// A phone joins again with its token, or for the first time (the server draws one).
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

impl ServerEvent {
    /// The message in `text`, or `None` for anything this page does not know.
    pub fn read(text: &str) -> Option<ServerEvent> {
        let document = read(text).ok()?;
        let value = &document.root;
        let field = |key: &str| value.get(key);
        let text_of = |key: &str| field(key)?.as_str().map(str::to_string);
        Some(match field("type")?.as_str()? {
            "welcome" => ServerEvent::Welcome { token: text_of("token")? },
            "ack" => ServerEvent::Ack { client_id: text_of("client_id")? },
            "refused" => ServerEvent::Refused { client_id: text_of("client_id"), reason: text_of("reason")? },
            "player" => ServerEvent::Player(player_view(field("view")?)?),
            "presenter" => ServerEvent::Presenter(presenter_view(field("view")?)?),
            "summary" => ServerEvent::Summary { summary: summary(field("summary")?)?, csv: text_of("csv")? },
            "closed" => ServerEvent::Closed,
            "trouble" => ServerEvent::Trouble { storage_down: field("storage_down")?.as_bool()? },
            _ => return None,
        })
    }
}

impl ClientMessage {
    pub fn to_text(&self) -> String {
        let message = |kind: &str, mut members: Vec<(&str, Json)>| {
            members.insert(0, ("type", kind.into()));
            Json::object(members)
        };
        match self {
            ClientMessage::Join { token, nickname } => {
                message("join", vec![("token", token.clone().into()), ("nickname", nickname.as_str().into())])
            }
            ClientMessage::Answer { client_id, at, pick } => message(
                "answer",
                vec![("client_id", client_id.as_str().into()), ("at", place_json(*at)), ("pick", pick_json(pick))],
            ),
            ClientMessage::Rate { client_id, moment, level } => message(
                "rate",
                vec![
                    ("client_id", client_id.as_str().into()),
                    ("moment", moment_name(*moment).into()),
                    ("level", (*level).into()),
                ],
            ),
            ClientMessage::Snapshot {} => message("snapshot", Vec::new()),
            ClientMessage::Present { secret } => message("present", vec![("secret", secret.as_str().into())]),
            ClientMessage::Command { command } => message("command", vec![("command", command_json(*command))]),
            ClientMessage::Summary {} => message("summary", Vec::new()),
        }
        .to_text()
    }
}

fn place_json(at: Place) -> Json {
    Json::object(vec![("scenario", at.scenario.into()), ("step", at.step.into())])
}

fn phrase_json(phrase: &Phrase) -> Json {
    Json::object(vec![("message", phrase.message.into()), ("phrase", phrase.phrase.into())])
}

fn pick_json(pick: &Pick) -> Json {
    match pick {
        Pick::Choice(choice) => Json::object(vec![("choice", (*choice).into())]),
        Pick::Taps(taps) => Json::object(vec![("taps", Json::Array(taps.iter().map(phrase_json).collect()))]),
    }
}

fn moment_name(moment: Moment) -> &'static str {
    match moment {
        Moment::Before => "before",
        Moment::After => "after",
    }
}

fn command_json(command: Command) -> Json {
    match command {
        Command::OpenVoting => "open-voting".into(),
        Command::CloseAndReveal => "close-and-reveal".into(),
        Command::Follow(choice) => Json::object(vec![("follow", choice.into())]),
        Command::Next => "next".into(),
        Command::End => "end".into(),
        Command::LiveBars(on) => Json::object(vec![("live-bars", on.into())]),
    }
}

fn index(value: &Json) -> Option<usize> {
    usize::try_from(value.as_u64()?).ok()
}

fn count(value: &Json) -> Option<u32> {
    u32::try_from(value.as_u64()?).ok()
}

/// A list read item by item, `None` if any item does not fit.
fn list<T>(value: &Json, read: fn(&Json) -> Option<T>) -> Option<Vec<T>> {
    value.items()?.iter().map(read).collect()
}

/// `null` as `None`, anything else read as `T`.
fn nullable<T>(value: &Json, read: fn(&Json) -> Option<T>) -> Option<Option<T>> {
    match value {
        Json::Null => Some(None),
        value => read(value).map(Some),
    }
}

fn pair<A, B>(value: &Json, first: fn(&Json) -> Option<A>, second: fn(&Json) -> Option<B>) -> Option<(A, B)> {
    match value.items()? {
        [a, b] => Some((first(a)?, second(b)?)),
        _ => None,
    }
}

fn phase(value: &Json) -> Option<Phase> {
    Some(match value.as_str()? {
        "lobby" => Phase::Lobby,
        "shown" => Phase::Shown,
        "voting" => Phase::Voting,
        "revealed" => Phase::Revealed,
        "ended" => Phase::Ended,
        _ => return None,
    })
}

fn place(value: &Json) -> Option<Place> {
    Some(Place { scenario: index(value.get("scenario")?)?, step: index(value.get("step")?)? })
}

fn phrase(value: &Json) -> Option<Phrase> {
    Some(Phrase { message: index(value.get("message")?)?, phrase: index(value.get("phrase")?)? })
}

fn pick(value: &Json) -> Option<Pick> {
    match value.members()? {
        [(kind, value)] if kind == "choice" => Some(Pick::Choice(index(value)?)),
        [(kind, value)] if kind == "taps" => Some(Pick::Taps(list(value, phrase)?)),
        _ => None,
    }
}

fn rating(value: &Json) -> Option<u8> {
    u8::try_from(value.as_u64()?).ok()
}

fn text(value: &Json) -> Option<String> {
    value.as_str().map(str::to_string)
}

fn player_view(value: &Json) -> Option<PlayerView> {
    let ratings = list(value.get("my_ratings")?, |r| nullable(r, rating))?;
    Some(PlayerView {
        phase: phase(value.get("phase")?)?,
        at: nullable(value.get("at")?, place)?,
        scenario_id: nullable(value.get("scenario_id")?, text)?,
        lang: text(value.get("lang")?)?,
        seed: value.get("seed")?.as_u64()?,
        my_pick: nullable(value.get("my_pick")?, pick)?,
        my_ratings: ratings.try_into().ok()?,
        nickname: text(value.get("nickname")?)?,
    })
}

fn presenter_view(value: &Json) -> Option<PresenterView> {
    Some(PresenterView {
        phase: phase(value.get("phase")?)?,
        at: nullable(value.get("at")?, place)?,
        scenario_id: nullable(value.get("scenario_id")?, text)?,
        lang: text(value.get("lang")?)?,
        seed: value.get("seed")?.as_u64()?,
        players: index(value.get("players")?)?,
        answered: index(value.get("answered")?)?,
        live_bars: value.get("live_bars")?.as_bool()?,
        distribution: nullable(value.get("distribution")?, |d| list(d, count))?,
        heat: nullable(value.get("heat")?, |h| list(h, |p| pair(p, phrase, count)))?,
    })
}

fn outcome(value: &Json) -> Option<Outcome> {
    let name = value.as_str()?;
    OUTCOMES.into_iter().find(|o| outcome_name(*o) == name)
}

fn levels(value: &Json) -> Option<[u32; 5]> {
    list(value, count)?.try_into().ok()
}

fn fork(value: &Json) -> Option<ForkSummary> {
    Some(ForkSummary {
        scenario_id: text(value.get("scenario_id")?)?,
        step_id: text(value.get("step_id")?)?,
        distribution: list(value.get("distribution")?, count)?,
        risky: list(value.get("risky")?, Json::as_bool)?,
        risky_answers: count(value.get("risky_answers")?)?,
    })
}

fn summary(value: &Json) -> Option<Summary> {
    let number = |key: &str| count(value.get(key)?);
    Some(Summary {
        players: index(value.get("players")?)?,
        outcomes: list(value.get("outcomes")?, |o| pair(o, text, |c| list(c, |n| pair(n, outcome, count))))?,
        hits: number("hits")?,
        misses: number("misses")?,
        false_alarms: number("false_alarms")?,
        trusted: number("trusted")?,
        flag_taps: number("flag_taps")?,
        innocent_taps: number("innocent_taps")?,
        confidence_before: levels(value.get("confidence_before")?)?,
        confidence_after: levels(value.get("confidence_after")?)?,
        forks: list(value.get("forks")?, fork)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reconnects_quickly_then_every_five_seconds() {
        let delays: Vec<u32> = (1..=7).map(retry_delay_ms).collect();
        assert_eq!(delays, [500, 1_000, 2_000, 4_000, 5_000, 5_000, 5_000]);
        assert_eq!(retry_delay_ms(0), 500);
        assert_eq!(retry_delay_ms(u32::MAX), 5_000);
    }

    #[test]
    fn unknown_or_damaged_messages_read_as_nothing() {
        assert_eq!(ServerEvent::read(r#"{"type":"closed"}"#), Some(ServerEvent::Closed));
        assert_eq!(ServerEvent::read(r#"{"type":"launch"}"#), None);
        assert_eq!(ServerEvent::read(r#"{"type":"ack"}"#), None);
        assert_eq!(ServerEvent::read(r#"{"type":"player","view":{"phase":"dancing"}}"#), None);
        assert_eq!(ServerEvent::read("not json"), None);
    }
}
