//! The presenter page (the lecturer's laptop on the projector) as a pure
//! reducer: `PresenterState::apply` takes what happened (a click, a key, a
//! server message, a socket's change of link) and returns the effects the
//! page must carry out (send a message, open the socket, fetch packs, keep
//! the room in sessionStorage). The page does the I/O and nothing else.

#[cfg(test)]
#[path = "presenter_tests.rs"]
mod tests;

use scamspot_core::content::{SiteIndex, StepKind, ValidScenario};
use scamspot_core::engine::order::choice_order;
use scamspot_core::i18n::Lang;
use scamspot_core::json::{read, Json};
use scamspot_core::room::client::{ClientMessage, Link, ServerEvent};
use scamspot_core::room::{Command, Phase, PresenterView, Summary};
use std::rc::Rc;

/// The scam types of the prepared "core lecture", one scenario each, plus one genuine scenario.
pub const CORE_TYPES: [&str; 3] = ["order-brushing", "pig-butchering", "fake-loan"];

/// An open room as the presenter keeps it across a reload of the tab.
/// The secret drives the room: it is never shown, logged or put in a URL.
#[derive(Clone, PartialEq, Eq)]
pub struct RoomKeys {
    pub code: String,
    pub secret: String,
    pub join_url: String,
    pub scenarios: Vec<String>,
}

/// Written without the secret, so no debug print can leak it.
impl std::fmt::Debug for RoomKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RoomKeys").field("code", &self.code).field("scenarios", &self.scenarios).finish_non_exhaustive()
    }
}

impl RoomKeys {
    /// One line per field, for sessionStorage.
    pub fn to_saved(&self) -> String {
        let scenarios = self.scenarios.join(",");
        [self.code.as_str(), &self.secret, &self.join_url, &scenarios].join("\n")
    }

    pub fn from_saved(text: &str) -> Option<RoomKeys> {
        let mut lines = text.split('\n');
        let mut line = || lines.next().filter(|l| !l.is_empty()).map(str::to_string);
        let (code, secret, join_url) = (line()?, line()?, line()?);
        let scenarios = line()?.split(',').map(str::to_string).collect();
        Some(RoomKeys { code, secret, join_url, scenarios })
    }
}

/// What the page tells the lecturer, in words from `PresenterTexts`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    NeedKey,
    NeedScenarios,
    /// POST /api/rooms answered 401 or 403.
    WrongKey {
        status: u16,
        body: String,
    },
    ServerError {
        status: u16,
        body: String,
    },
    Unreachable(String),
    WrongSecret,
    Closed,
    CommandRefused(String),
}

/// The answer to POST /api/rooms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Created {
    Room { code: String, secret: String, join_url: String },
    Refused { status: u16, body: String },
    Unreachable(String),
}

impl Created {
    /// The server's answer: a room (200 with `{code, secret, join_url}`) or its refusal, in its own words.
    pub fn from_response(status: u16, body: &str) -> Created {
        let room = (status == 200).then(|| read(body).ok()).flatten().and_then(|document| {
            let text = |key: &str| document.root.get(key)?.as_str().map(str::to_string);
            Some(Created::Room { code: text("code")?, secret: text("secret")?, join_url: text("join_url")? })
        });
        room.unwrap_or_else(|| Created::Refused { status, body: body.trim().to_string() })
    }
}

/// The body of POST /api/rooms.
pub fn create_request(host_key: &str, scenarios: &[String], lang: Lang) -> String {
    let ids = Json::Array(scenarios.iter().map(|id| id.as_str().into()).collect());
    Json::object(vec![("host_key", host_key.into()), ("scenarios", ids), ("lang", lang.code().into())]).to_text()
}

#[derive(Debug, Clone, PartialEq)]
pub enum PresenterAction {
    SwitchLang,
    SetHostKey(String),
    /// Adds or removes a scenario from the room to be.
    Toggle(String),
    ChooseCoreLecture,
    Create,
    Created(Created),
    /// The room kept in sessionStorage when the tab was reloaded.
    Resume(RoomKeys),
    Link(Link),
    /// A text from the socket (anything unreadable is ignored).
    Message(String),
    ScenariosLoaded(Vec<Rc<ValidScenario>>),
    Command(Command),
    /// →, Space, PageDown, Enter: whatever comes next (see `primary`).
    Primary,
    ToggleQr,
    ToggleBlank,
    ShowFlags,
    /// After the end (or a lost room): back to set-up.
    NewRoom,
}

/// What the page must do for the state to come true.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    CreateRoom {
        host_key: String,
        scenarios: Vec<String>,
        lang: Lang,
    },
    SaveRoom(String),
    ForgetRoom,
    SaveLang(Lang),
    Connect(String),
    Disconnect,
    Send(String),
    /// Pack files to fetch and validate.
    Fetch(Vec<String>),
}

#[derive(Clone, PartialEq)]
pub struct PresenterState {
    pub lang: Lang,
    pub index: Option<Rc<SiteIndex>>,
    pub host_key: String,
    /// Scenario ids for the room to be, in the index's order.
    pub chosen: Vec<String>,
    pub creating: bool,
    pub room: Option<RoomKeys>,
    pub connection: Link,
    pub view: Option<PresenterView>,
    pub summary: Option<Rc<(Summary, String)>>,
    summary_asked: bool,
    /// Scenarios fetched so far, in any order.
    pub scenarios: Vec<Rc<ValidScenario>>,
    /// Pack files asked for, so each is fetched once.
    requested: Vec<String>,
    pub flags_shown: bool,
    pub qr_overlay: bool,
    pub blank: bool,
    pub notice: Option<Notice>,
    /// The server cannot store answers (its Redis is unreachable): phones keep theirs and resend.
    pub storage_down: bool,
    /// A command is on its way and the view it brings has not come yet: a
    /// clicker pressed twice must not send the second press against the old step.
    moving: bool,
}

impl PresenterState {
    /// `index` is `None` when it failed to load; `host_key` comes from the URL's fragment.
    pub fn new(lang: Lang, index: Option<Rc<SiteIndex>>, host_key: String) -> PresenterState {
        PresenterState {
            lang,
            index,
            host_key,
            chosen: Vec::new(),
            creating: false,
            room: None,
            connection: Link::Connecting,
            view: None,
            summary: None,
            summary_asked: false,
            scenarios: Vec::new(),
            requested: Vec::new(),
            flags_shown: false,
            qr_overlay: false,
            blank: false,
            notice: None,
            storage_down: false,
            moving: false,
        }
    }

    pub fn scenario(&self, id: &str) -> Option<&Rc<ValidScenario>> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// The scenario the room is at, once its pack is in.
    pub fn current(&self) -> Option<&Rc<ValidScenario>> {
        self.view.as_ref()?.scenario_id.as_deref().and_then(|id| self.scenario(id))
    }

    /// The language scenario content is shown in: the room's (phones show
    /// it too, and count a spot step's phrases in it).
    pub fn content_lang(&self) -> Lang {
        self.view.as_ref().and_then(|view| Lang::from_code(&view.lang)).unwrap_or(self.lang)
    }

    /// Whether the room is at its last scenario, so "next" ends the lecture.
    pub fn at_last_scenario(&self) -> bool {
        let count = self.room.as_ref().map_or(0, |room| room.scenarios.len());
        self.view.as_ref().and_then(|v| v.at).is_some_and(|at| at.scenario + 1 >= count)
    }

    pub fn apply(&mut self, action: PresenterAction) -> Vec<Effect> {
        match action {
            PresenterAction::SwitchLang => {
                self.lang = self.lang.other();
                vec![Effect::SaveLang(self.lang)]
            }
            PresenterAction::SetHostKey(key) => {
                self.host_key = key;
                Vec::new()
            }
            PresenterAction::Toggle(id) => {
                match self.chosen.iter().position(|c| *c == id) {
                    Some(at) => drop(self.chosen.remove(at)),
                    None => self.chosen.push(id),
                }
                self.sort_chosen();
                Vec::new()
            }
            PresenterAction::ChooseCoreLecture => {
                self.chosen = self.index.as_deref().map(core_lecture).unwrap_or_default();
                Vec::new()
            }
            PresenterAction::Create => self.create(),
            PresenterAction::Created(created) => self.created(created),
            PresenterAction::Resume(keys) => self.enter(keys),
            PresenterAction::Link(connection) => {
                self.connection = connection;
                self.moving = false;
                match (connection, &self.room) {
                    (Link::Open, Some(room)) => {
                        self.summary_asked = false;
                        vec![send(&ClientMessage::Present { secret: room.secret.clone() })]
                    }
                    _ => Vec::new(),
                }
            }
            PresenterAction::Message(text) => match ServerEvent::read(&text) {
                Some(event) => self.receive(event),
                None => Vec::new(),
            },
            PresenterAction::ScenariosLoaded(scenarios) => {
                for scenario in scenarios {
                    if self.scenario(&scenario.id).is_none() {
                        self.scenarios.push(scenario);
                    }
                }
                Vec::new()
            }
            PresenterAction::Command(command) => {
                self.moving = true;
                vec![send(&ClientMessage::Command { command })]
            }
            // As in slide software: "next" on a blanked screen brings the
            // screen back, and moves the lecture on only at the next press.
            PresenterAction::Primary if self.blank => {
                self.blank = false;
                Vec::new()
            }
            PresenterAction::Primary if self.moving => Vec::new(),
            PresenterAction::Primary => {
                let view = self.view.as_ref();
                let command = view.and_then(|view| primary(view, self.current().map(|s| &**s)));
                self.moving = command.is_some();
                command.map(|c| vec![send(&ClientMessage::Command { command: c })]).unwrap_or_default()
            }
            PresenterAction::ToggleQr => {
                self.qr_overlay = !self.qr_overlay && self.room.is_some();
                Vec::new()
            }
            PresenterAction::ToggleBlank => {
                self.blank = !self.blank;
                Vec::new()
            }
            PresenterAction::ShowFlags => {
                self.flags_shown = true;
                Vec::new()
            }
            PresenterAction::NewRoom => {
                let had_room = self.room.is_some();
                self.leave_room(None);
                if had_room {
                    vec![Effect::ForgetRoom, Effect::Disconnect]
                } else {
                    Vec::new()
                }
            }
        }
    }

    fn sort_chosen(&mut self) {
        if let Some(index) = &self.index {
            let position = |id: &String| index.packs.iter().position(|p| p.id == *id);
            self.chosen.sort_by_key(position);
        }
    }

    fn create(&mut self) -> Vec<Effect> {
        if self.creating {
            return Vec::new();
        }
        self.notice = if self.host_key.trim().is_empty() {
            Some(Notice::NeedKey)
        } else if self.chosen.is_empty() {
            Some(Notice::NeedScenarios)
        } else {
            None
        };
        if self.notice.is_some() {
            return Vec::new();
        }
        self.creating = true;
        vec![Effect::CreateRoom {
            host_key: self.host_key.trim().to_string(),
            scenarios: self.chosen.clone(),
            lang: self.lang,
        }]
    }

    fn created(&mut self, created: Created) -> Vec<Effect> {
        self.creating = false;
        match created {
            Created::Room { code, secret, join_url } => {
                let keys = RoomKeys { code, secret, join_url, scenarios: self.chosen.clone() };
                let mut effects = vec![Effect::SaveRoom(keys.to_saved())];
                effects.extend(self.enter(keys));
                effects
            }
            Created::Refused { status, body } => {
                self.notice = Some(match status {
                    401 | 403 => Notice::WrongKey { status, body },
                    _ => Notice::ServerError { status, body },
                });
                Vec::new()
            }
            Created::Unreachable(reason) => {
                self.notice = Some(Notice::Unreachable(reason));
                Vec::new()
            }
        }
    }

    /// Takes the room on: connects, and fetches its scenarios' packs.
    fn enter(&mut self, keys: RoomKeys) -> Vec<Effect> {
        let code = keys.code.clone();
        let ids = keys.scenarios.clone();
        self.room = Some(keys);
        self.view = None;
        self.summary = None;
        self.notice = None;
        self.connection = Link::Connecting;
        let mut effects = vec![Effect::Connect(code)];
        effects.extend(self.fetch(&ids));
        effects
    }

    /// A fetch of the packs of `ids` not asked for yet, if any.
    fn fetch(&mut self, ids: &[String]) -> Option<Effect> {
        let index = self.index.as_ref()?;
        let files: Vec<String> = ids
            .iter()
            .filter_map(|id| index.pack(id))
            .map(|pack| pack.file.clone())
            .filter(|file| !self.requested.contains(file))
            .collect();
        self.requested.extend(files.iter().cloned());
        (!files.is_empty()).then_some(Effect::Fetch(files))
    }

    fn receive(&mut self, event: ServerEvent) -> Vec<Effect> {
        match event {
            ServerEvent::Presenter(view) => {
                self.moving = false;
                if self.view.as_ref().map(|v| v.at) != Some(view.at) {
                    self.flags_shown = false;
                }
                let mut effects: Vec<Effect> = self.fetch(view.scenario_id.as_slice()).into_iter().collect();
                if view.phase == Phase::Ended && self.summary.is_none() && !self.summary_asked {
                    self.summary_asked = true;
                    effects.push(send(&ClientMessage::Summary {}));
                }
                if view.phase != Phase::Lobby {
                    self.qr_overlay = false;
                }
                self.view = Some(view);
                effects
            }
            ServerEvent::Summary { summary, csv } => {
                let ids: Vec<String> = summary.outcomes.iter().map(|(id, _)| id.clone()).collect();
                self.summary = Some(Rc::new((summary, csv)));
                self.fetch(&ids).into_iter().collect()
            }
            ServerEvent::Refused { reason, .. } if reason == "wrong-secret" => {
                self.moving = false;
                self.leave_room(Some(Notice::WrongSecret));
                vec![Effect::ForgetRoom, Effect::Disconnect]
            }
            ServerEvent::Refused { reason, .. } => {
                self.moving = false;
                self.notice = Some(Notice::CommandRefused(reason));
                Vec::new()
            }
            // The room expired: what is on screen stays; the socket stops trying.
            ServerEvent::Closed => {
                self.notice = Some(Notice::Closed);
                vec![Effect::ForgetRoom, Effect::Disconnect]
            }
            ServerEvent::Trouble { storage_down } => {
                self.storage_down = storage_down;
                Vec::new()
            }
            ServerEvent::Welcome { .. } | ServerEvent::Ack { .. } | ServerEvent::Player(_) => Vec::new(),
        }
    }

    fn leave_room(&mut self, notice: Option<Notice>) {
        self.room = None;
        self.view = None;
        self.summary = None;
        self.summary_asked = false;
        self.qr_overlay = false;
        self.blank = false;
        self.storage_down = false;
        self.notice = notice;
    }
}

fn send(message: &ClientMessage) -> Effect {
    Effect::Send(message.to_text())
}

/// What →, Space, PageDown or Enter does now: the lecture's next move.
pub fn primary(view: &PresenterView, scenario: Option<&ValidScenario>) -> Option<Command> {
    if view.phase == Phase::Lobby {
        return Some(Command::Next);
    }
    let at = view.at?;
    let kind = scenario?.kind(at.step)?;
    match (view.phase, kind) {
        (Phase::Shown, StepKind::Choices(_) | StepKind::Spot(_)) => Some(Command::OpenVoting),
        (Phase::Shown, StepKind::End(_)) => Some(Command::Next),
        (Phase::Voting, _) => Some(Command::CloseAndReveal),
        (Phase::Revealed, StepKind::Choices(_)) => {
            let order = room_order(view, scenario?)?;
            majority(view.distribution.as_deref().unwrap_or_default(), &order).map(Command::Follow)
        }
        (Phase::Revealed, StepKind::Spot(_)) => Some(Command::Next),
        _ => None,
    }
}

/// The current fork's choices in the order every phone shows them (authored indices).
pub fn room_order(view: &PresenterView, scenario: &ValidScenario) -> Option<Vec<usize>> {
    let step = scenario.steps.get(view.at?.step)?;
    Some(choice_order(view.seed, &scenario.id, step))
}

/// The most chosen choice (authored index); a tie goes to the first in the room's `order`.
pub fn majority(counts: &[u32], order: &[usize]) -> Option<usize> {
    let count = |choice: &usize| counts.get(*choice).copied().unwrap_or(0);
    // `max_by_key` keeps the last of equals: walk the order backwards.
    order.iter().rev().max_by_key(|c| count(c)).copied()
}

/// `count` of `total` as a whole percentage, rounded half up; 0 of nobody is 0.
pub fn percent(count: u32, total: u32) -> u32 {
    if total == 0 {
        return 0;
    }
    ((u64::from(count) * 200 + u64::from(total)) / (u64::from(total) * 2)) as u32
}

/// One choice's bar of a revealed (or live) distribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bar {
    /// Authored index.
    pub choice: usize,
    pub count: u32,
    pub percent: u32,
    pub majority: bool,
}

/// The bars in the room's order; the majority is marked only when someone answered.
pub fn bars(counts: &[u32], order: &[usize]) -> Vec<Bar> {
    let total: u32 = counts.iter().sum();
    let top = majority(counts, order).filter(|_| total > 0);
    order
        .iter()
        .map(|&choice| {
            let count = counts.get(choice).copied().unwrap_or(0);
            Bar { choice, count, percent: percent(count, total), majority: top == Some(choice) }
        })
        .collect()
}

/// How strongly a phrase is shaded in the heat map: 0 (nobody) to 5 (everyone who answered).
pub fn heat_level(taps: u32, answered: usize) -> u8 {
    if taps == 0 || answered == 0 {
        return 0;
    }
    let level = (u64::from(taps) * 5).div_ceil(answered as u64);
    level.clamp(1, 5) as u8
}

/// The prepared lecture: the first scam of each of `CORE_TYPES` and the
/// first genuine scenario, as the index lists them.
pub fn core_lecture(index: &SiteIndex) -> Vec<String> {
    let scams = CORE_TYPES.iter().filter_map(|t| index.packs_of_type(t).find(|p| !p.genuine));
    let genuine = index.packs.iter().find(|p| p.genuine);
    scams.chain(genuine).map(|p| p.id.clone()).collect()
}

/// What a key pressed on the page (not in a field) asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAction {
    Primary,
    ToggleQr,
    ToggleBlank,
    Fullscreen,
}

/// Presentation clickers send →/← or PageDown/PageUp; the rest are the keyboard's.
pub fn key_action(key: &str) -> Option<KeyAction> {
    match key {
        "ArrowRight" | " " | "PageDown" | "Enter" => Some(KeyAction::Primary),
        "ArrowLeft" | "PageUp" => Some(KeyAction::ToggleQr),
        "b" | "B" => Some(KeyAction::ToggleBlank),
        "f" | "F" => Some(KeyAction::Fullscreen),
        _ => None,
    }
}
