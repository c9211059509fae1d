//! A lecture room: the lecturer drives a list of scenarios on the projector
//! and every phone in the hall answers the same fork at the same moment.
//!
//! `Room::apply` is the pure state machine the server moves every message
//! into: an [`Input`] (a join, an answer, a rating, a presenter command) in,
//! an [`Accepted`] or a [`Refusal`] out. No clock, no randomness, no I/O: the
//! server draws tokens and the choice-order seed, and stores each accepted
//! input, so replaying the stored inputs rebuilds the same room after a
//! restart. Phones and the presenter ask for snapshots (`view`), never diffs.
//!
//! Phases: lobby → step shown → voting open → revealed → (follow a choice, or
//! next) → step shown … → ended. A spot step's "answer" is the set of phrases
//! a phone tapped; its reveal is a heat map.

pub mod client;
mod player;
mod risk;
mod summary;
#[cfg(test)]
mod tests;
pub mod texts;
mod view;

pub use player::{is_plain_id, sanitise_nickname, PlayerId, NICKNAME_CHARS};
pub use summary::{ForkSummary, Summary};
pub use view::{PlayerView, PresenterView};

use crate::content::{StepKind, ValidScenario};
use crate::engine::round::can_be_tapped;
use crate::engine::segments::segments;
use player::Player;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// The most players one room takes.
pub const MAX_PLAYERS: usize = 10_000;
/// The most phrases one phone may tap in a spot step.
pub const MAX_TAPS: usize = 32;

/// A step of the lecture: scenario index in the room's list, step index in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub scenario: usize,
    pub step: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    /// Phones join; nothing shown yet.
    Lobby,
    /// The current step's messages are on the projector; no voting.
    Shown,
    /// Phones answer the current fork (or tap phrases at a spot step).
    Voting,
    /// Voting closed; the distribution (or heat map) is shown.
    Revealed,
    Ended,
}

/// A phrase of a spot step: message index, phrase index among the
/// message's segments (`engine::segments`) in the room's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phrase {
    pub message: usize,
    pub phrase: usize,
}

/// What a phone answers at a step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Pick {
    /// The authored index of a choice (the display order is the room's, the same on every phone).
    Choice(usize),
    /// The phrases tapped at a spot step.
    Taps(Vec<Phrase>),
}

/// A confidence rating is asked before the first scenario and after the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Moment {
    Before,
    After,
}

/// What only the presenter may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Command {
    OpenVoting,
    CloseAndReveal,
    /// Goes on along choice `usize` of the revealed fork (the majority, or any the lecturer picks).
    Follow(usize),
    /// From the lobby to the first step, past an end to the next scenario, past a revealed spot step.
    Next,
    End,
    /// Shows the distribution while voting is open (off by default: it herds the hall).
    LiveBars(bool),
}

/// One message into the room. Tokens and client ids come from the phones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Input {
    Join { token: String, nickname: String },
    Answer { token: String, client_id: String, at: Place, pick: Pick },
    Rate { token: String, client_id: String, moment: Moment, level: u8 },
    Command(Command),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accepted {
    Joined(PlayerId),
    /// An answer or rating counted (a first one, or a change).
    Counted,
    /// A client id seen before: acknowledged again, counted once.
    Duplicate,
    /// A presenter command changed the phase or the step.
    Moved,
}

impl Accepted {
    /// Whether the room changed, so the input must be stored before it is acknowledged.
    pub fn changed(self) -> bool {
        self != Accepted::Duplicate
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Refusal {
    BadId,
    RoomFull,
    UnknownPlayer,
    /// Not now: e.g. an answer while voting is closed, a reveal before voting.
    WrongPhase,
    /// An answer for a step that is not the current one (a stale resend).
    WrongStep,
    /// A choice, phrase or rating that does not exist.
    OutOfRange,
}

/// The answers given at one fork or spot step.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Decision {
    /// Savings along the followed path when voting opened (what makes a choice risky).
    pub balance: i64,
    pub answers: HashMap<PlayerId, Pick>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Room {
    scenarios: Vec<ValidScenario>,
    lang: String,
    seed: u64,
    phase: Phase,
    at: Option<Place>,
    balance: i64,
    live_bars: bool,
    players: Vec<Player>,
    tokens: HashMap<String, PlayerId>,
    decisions: BTreeMap<Place, Decision>,
    /// The choice the room went on with at each fork.
    followed: BTreeMap<Place, usize>,
    ratings: HashMap<PlayerId, [Option<u8>; 2]>,
}

impl Room {
    /// A room in the lobby for `scenarios`, shown in `lang`, every phone
    /// ordering choices by `seed` (`engine::order::choice_order`).
    pub fn new(scenarios: Vec<ValidScenario>, lang: &str, seed: u64) -> Room {
        Room {
            scenarios,
            lang: lang.to_string(),
            seed,
            phase: Phase::Lobby,
            at: None,
            balance: 0,
            live_bars: false,
            players: Vec::new(),
            tokens: HashMap::new(),
            decisions: BTreeMap::new(),
            followed: BTreeMap::new(),
            ratings: HashMap::new(),
        }
    }

    pub fn apply(&mut self, input: &Input) -> Result<Accepted, Refusal> {
        match input {
            Input::Join { token, nickname } => self.join(token, nickname),
            Input::Answer { token, client_id, at, pick } => {
                self.once(token, client_id, |room, id| room.answer(id, *at, pick))
            }
            Input::Rate { token, client_id, moment, level } => {
                self.once(token, client_id, |room, id| room.rate(id, *moment, *level))
            }
            Input::Command(command) => self.command(*command).map(|()| Accepted::Moved),
        }
    }

    pub fn phase(&self) -> Phase {
        self.phase
    }

    pub fn place(&self) -> Option<Place> {
        self.at
    }

    pub fn player(&self, token: &str) -> Option<PlayerId> {
        self.tokens.get(token).copied()
    }

    /// The seed every phone orders the choices by.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    pub fn player_count(&self) -> usize {
        self.players.len()
    }

    pub fn scenarios(&self) -> &[ValidScenario] {
        &self.scenarios
    }

    fn join(&mut self, token: &str, nickname: &str) -> Result<Accepted, Refusal> {
        if !is_plain_id(token) {
            return Err(Refusal::BadId);
        }
        let nickname = sanitise_nickname(nickname);
        if let Some(&id) = self.tokens.get(token) {
            if !nickname.is_empty() {
                self.players[id].nickname = nickname;
            }
            return Ok(Accepted::Joined(id));
        }
        if self.players.len() >= MAX_PLAYERS {
            return Err(Refusal::RoomFull);
        }
        self.players.push(Player::new(nickname));
        self.tokens.insert(token.to_string(), self.players.len() - 1);
        Ok(Accepted::Joined(self.players.len() - 1))
    }

    /// Runs `change` for a known player's message unless its client id was seen before.
    fn once(
        &mut self,
        token: &str,
        client_id: &str,
        change: impl FnOnce(&mut Room, PlayerId) -> Result<(), Refusal>,
    ) -> Result<Accepted, Refusal> {
        if !is_plain_id(client_id) {
            return Err(Refusal::BadId);
        }
        let id = self.player(token).ok_or(Refusal::UnknownPlayer)?;
        if self.players[id].seen.contains(client_id) {
            return Ok(Accepted::Duplicate);
        }
        change(self, id)?;
        self.players[id].seen.insert(client_id.to_string());
        Ok(Accepted::Counted)
    }

    fn answer(&mut self, player: PlayerId, at: Place, pick: &Pick) -> Result<(), Refusal> {
        if self.phase != Phase::Voting {
            return Err(Refusal::WrongPhase);
        }
        if self.at != Some(at) {
            return Err(Refusal::WrongStep);
        }
        let pick = self.checked(at, pick)?;
        self.decisions.entry(at).or_default().answers.insert(player, pick);
        Ok(())
    }

    /// `pick` if it fits the step at `at`; taps sorted, each phrase once.
    fn checked(&self, at: Place, pick: &Pick) -> Result<Pick, Refusal> {
        let scenario = &self.scenarios[at.scenario];
        match (scenario.kind(at.step), pick) {
            (Some(StepKind::Choices(choices)), Pick::Choice(c)) if *c < choices.len() => Ok(pick.clone()),
            (Some(StepKind::Spot(_)), Pick::Taps(taps)) if taps.len() <= MAX_TAPS => {
                let messages = &scenario.steps[at.step].messages;
                let exists = |t: &Phrase| {
                    messages
                        .get(t.message)
                        .is_some_and(|m| can_be_tapped(m) && t.phrase < segments(m, &self.lang).len())
                };
                if !taps.iter().all(exists) {
                    return Err(Refusal::OutOfRange);
                }
                let mut taps = taps.clone();
                taps.sort();
                taps.dedup();
                Ok(Pick::Taps(taps))
            }
            _ => Err(Refusal::OutOfRange),
        }
    }

    fn rate(&mut self, player: PlayerId, moment: Moment, level: u8) -> Result<(), Refusal> {
        if self.phase == Phase::Ended && moment == Moment::Before {
            return Err(Refusal::WrongPhase);
        }
        if !(1..=5).contains(&level) {
            return Err(Refusal::OutOfRange);
        }
        self.ratings.entry(player).or_default()[moment as usize] = Some(level);
        Ok(())
    }

    fn command(&mut self, command: Command) -> Result<(), Refusal> {
        let kind = self.at.and_then(|at| self.scenarios[at.scenario].kind(at.step));
        match (command, self.phase, kind) {
            (Command::LiveBars(on), _, _) => self.live_bars = on,
            (Command::End, phase, _) if phase != Phase::Ended => self.phase = Phase::Ended,
            (Command::OpenVoting, Phase::Shown, Some(StepKind::Choices(_) | StepKind::Spot(_))) => {
                let at = self.at.ok_or(Refusal::WrongPhase)?;
                self.decisions.insert(at, Decision { balance: self.balance, answers: HashMap::new() });
                self.phase = Phase::Voting;
            }
            (Command::CloseAndReveal, Phase::Voting, _) => self.phase = Phase::Revealed,
            (Command::Follow(choice), Phase::Revealed, Some(StepKind::Choices(choices))) => {
                let at = self.at.ok_or(Refusal::WrongPhase)?;
                let next = self.scenarios[at.scenario].after_choice(at.step, choice).ok_or(Refusal::OutOfRange)?;
                self.balance += choices[choice].money;
                self.followed.insert(at, choice);
                self.show(Place { step: next, ..at });
            }
            (Command::Next, Phase::Lobby, _) => self.start_scenario(0),
            (Command::Next, Phase::Shown, Some(StepKind::End(_))) => {
                let at = self.at.ok_or(Refusal::WrongPhase)?;
                self.start_scenario(at.scenario + 1);
            }
            (Command::Next, Phase::Revealed, Some(StepKind::Spot(_))) => {
                let at = self.at.ok_or(Refusal::WrongPhase)?;
                let next = self.scenarios[at.scenario].after_spot(at.step).ok_or(Refusal::OutOfRange)?;
                self.show(Place { step: next, ..at });
            }
            _ => return Err(Refusal::WrongPhase),
        }
        Ok(())
    }

    fn start_scenario(&mut self, index: usize) {
        match self.scenarios.get(index) {
            Some(scenario) => {
                self.balance = scenario.savings;
                self.show(Place { scenario: index, step: scenario.start() });
            }
            None => self.phase = Phase::Ended,
        }
    }

    fn show(&mut self, at: Place) {
        self.at = Some(at);
        self.phase = Phase::Shown;
    }
}
