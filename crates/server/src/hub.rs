//! The open rooms. Each room's state machine sits behind a lock. With SQLite
//! an input is applied and, if it changed the room, stored before the lock is
//! released, so the stored order is the applied order. With Redis the order
//! is the room's log there: an input is appended first and then applied, in
//! log order, with whatever other instances appended before it (`shared`,
//! `replica`). Either way a phone hears "ack" only for a stored input.
//! Connections learn of changes through two watch channels: `moved` (phase
//! or step: every phone) and `counted` (answers and joins: the presenter's
//! counts). A watch keeps only the latest version, so a burst of 2,000
//! answers wakes the presenter a few times, not 2,000.

use crate::library::Library;
use crate::limit::TokenBucket;
use crate::replica::{Replica, Verdict};
use crate::secret::{is_code, random_code, random_hex, random_u64, same};
use crate::shared::{Created, Published, Shared};
use crate::store::{RoomRecord, Store};
use scamspot_core::room::{Accepted, Input, Phase, Refusal, Room};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use tokio::sync::watch;

/// The most rooms open at once.
pub const MAX_ROOMS: usize = 200;
/// The most scenarios in one lecture.
pub const MAX_SCENARIOS: usize = 20;
/// Joins one room takes at once, and per second after that.
const JOIN_BURST: u32 = 1_000;
const JOINS_PER_SECOND: u32 = 300;
/// A room nobody has touched this long closes; an ended one closes sooner.
const IDLE: Duration = Duration::from_secs(6 * 3600);
const AFTER_END: Duration = Duration::from_secs(3600);
/// Room codes drawn before giving up when Redis says each is taken.
const CODE_TRIES: usize = 20;

/// Where the rooms are kept: this instance's SQLite file, or a Redis that several instances share.
pub enum Backend {
    Sqlite(Store),
    Redis(Shared),
}

pub struct Slot {
    record: RoomRecord,
    room: Mutex<Replica>,
    joins: Mutex<TokenBucket>,
    last_active: Mutex<Instant>,
    closed: AtomicBool,
    /// One catch-up from Redis at a time: a burst of answers waiting for the
    /// same entries reads them once, not once each.
    catching_up: tokio::sync::Mutex<()>,
    pub moved: watch::Sender<u64>,
    pub counted: watch::Sender<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApplyError {
    Refused(Refusal),
    /// The input could not be stored (or its verdict not learnt): not acknowledged.
    Storage,
}

/// Why no room was opened: the request (400), or the server (503: try again later).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CreateError {
    Request(String),
    Unavailable(String),
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Slot {
    fn new(record: RoomRecord, room: Room) -> Slot {
        let now = Instant::now();
        Slot {
            record,
            room: Mutex::new(Replica::new(room)),
            joins: Mutex::new(TokenBucket::new(JOIN_BURST, JOINS_PER_SECOND, now)),
            last_active: Mutex::new(now),
            closed: AtomicBool::new(false),
            catching_up: tokio::sync::Mutex::new(()),
            moved: watch::channel(0).0,
            counted: watch::channel(0).0,
        }
    }

    pub fn code(&self) -> &str {
        &self.record.code
    }

    pub fn is_presenter(&self, secret: &str) -> bool {
        same(secret, &self.record.secret)
    }

    pub fn is_closed(&self) -> bool {
        self.closed.load(Ordering::Relaxed)
    }

    /// Whether one more phone may join now.
    pub fn admit_join(&self) -> bool {
        lock(&self.joins).take(Instant::now())
    }

    /// Reads the room (for snapshots).
    pub fn read<T>(&self, read: impl FnOnce(&Room) -> T) -> T {
        read(&lock(&self.room).room)
    }

    /// Applies `input` and stores it; the result once it is stored.
    pub async fn apply(&self, hub: &Hub, input: &Input) -> Result<Accepted, ApplyError> {
        match &hub.backend {
            Backend::Sqlite(store) => self.apply_and_store(hub, store, input),
            Backend::Redis(shared) => self.append_and_replay(hub, shared, input).await,
        }
    }

    /// SQLite: applies `input`, stores it if it changed the room, then tells the connections.
    fn apply_and_store(&self, hub: &Hub, store: &Store, input: &Input) -> Result<Accepted, ApplyError> {
        let mut replica = lock(&self.room);
        let accepted = replica.room.apply(input).map_err(ApplyError::Refused)?;
        *lock(&self.last_active) = Instant::now();
        if accepted.changed() {
            let json = serde_json::to_string(input).expect("room inputs serialise");
            if let Err(e) = store.append(self.record.id, &json) {
                eprintln!("room {}: storing failed: {e}", self.code());
                // The room must be what is stored: rebuilt without this input.
                match hub.rebuild(store, &self.record) {
                    Ok(rebuilt) => replica.room = rebuilt,
                    Err(e) => eprintln!("room {}: rebuilding failed: {e}", self.code()),
                }
                return Err(ApplyError::Storage);
            }
            self.tell(input);
        }
        Ok(accepted)
    }

    /// Redis: appends `input` to the room's log, then learns its verdict by
    /// applying the log up to it, as every instance does.
    async fn append_and_replay(&self, hub: &Hub, shared: &Shared, input: &Input) -> Result<Accepted, ApplyError> {
        let json = serde_json::to_string(input).expect("room inputs serialise");
        let appended = shared.append(self.code(), &json, IDLE).await;
        hub.report_storage(appended.as_ref().map(|_| ()));
        // `None`: the room is gone from Redis; it closes here at the next sweep.
        let position = appended.ok().flatten().ok_or(ApplyError::Storage)?;
        let caught_up = self.catch_up(shared, position - 1).await;
        hub.report_storage(caught_up.as_ref());
        let verdict = self.apply_entry(position, Some(input)).or_else(|| lock(&self.room).verdict(position));
        verdict.ok_or(ApplyError::Storage)?.map_err(ApplyError::Refused)
    }

    /// Applies log entry `position` if it is the next one, and tells the connections if it changed the room.
    pub fn apply_entry(&self, position: u64, input: Option<&Input>) -> Option<Verdict> {
        let verdict = lock(&self.room).apply_entry(position, input)?;
        if let (Ok(accepted), Some(input)) = (verdict, input) {
            *lock(&self.last_active) = Instant::now();
            if accepted.changed() {
                self.tell(input);
            }
        }
        Some(verdict)
    }

    pub fn applied(&self) -> u64 {
        lock(&self.room).applied()
    }

    /// Applies the log's entries this instance has not applied yet.
    pub async fn sync(&self, shared: &Shared) -> redis::RedisResult<()> {
        let skip = self.applied();
        for (offset, json) in (1..).zip(shared.entries(self.code(), skip).await?) {
            self.apply_entry(skip + offset, serde_json::from_str(&json).ok().as_ref());
        }
        Ok(())
    }

    /// Applies the log at least up to entry `position`, as far as the log goes.
    pub async fn catch_up(&self, shared: &Shared, position: u64) -> redis::RedisResult<()> {
        if self.applied() < position {
            let _one_at_a_time = self.catching_up.lock().await;
            if self.applied() < position {
                self.sync(shared).await?;
            }
        }
        Ok(())
    }

    /// Wakes the phones (a command moved the room) or the presenter (a count changed).
    fn tell(&self, input: &Input) {
        let channel = if matches!(input, Input::Command(_)) { &self.moved } else { &self.counted };
        channel.send_modify(|version| *version += 1);
    }

    fn expired(&self, now: Instant) -> bool {
        let idle = now.saturating_duration_since(*lock(&self.last_active));
        let ended = self.read(|room| room.phase() == Phase::Ended);
        idle > IDLE || (ended && idle > AFTER_END)
    }

    fn close(&self) {
        self.closed.store(true, Ordering::Relaxed);
        self.moved.send_modify(|version| *version += 1);
    }
}

pub struct Hub {
    backend: Backend,
    library: Library,
    rooms: Mutex<HashMap<String, Arc<Slot>>>,
    /// One room loaded from Redis at a time: a crowd reconnecting to this
    /// instance replays a room's log once, not once per phone.
    loading: tokio::sync::Mutex<()>,
    /// Whether the storage stopped answering; presenters are told when it stops and comes back.
    pub storage_down: watch::Sender<bool>,
}

impl Hub {
    /// The hub; with SQLite, every room still open in it, rebuilt from its inputs.
    /// (With Redis, a room is loaded when a connection first asks for it.)
    pub fn open(backend: Backend, library: Library) -> Result<Hub, String> {
        let hub = Hub {
            backend,
            library,
            rooms: Mutex::new(HashMap::new()),
            loading: tokio::sync::Mutex::new(()),
            storage_down: watch::channel(false).0,
        };
        if let Backend::Sqlite(store) = &hub.backend {
            for record in store.open_rooms().map_err(|e| format!("reading rooms: {e}"))? {
                match hub.rebuild(store, &record) {
                    Ok(room) => {
                        lock(&hub.rooms).insert(record.code.clone(), Arc::new(Slot::new(record, room)));
                    }
                    Err(e) => eprintln!("room {} not reopened: {e}", record.code),
                }
            }
        }
        Ok(hub)
    }

    pub fn room_count(&self) -> usize {
        lock(&self.rooms).len()
    }

    /// The Redis the instances share, if the rooms are there.
    pub fn shared(&self) -> Option<&Shared> {
        match &self.backend {
            Backend::Redis(shared) => Some(shared),
            Backend::Sqlite(_) => None,
        }
    }

    /// Notes whether the storage just answered; tells the presenters when that changes.
    pub fn report_storage<T>(&self, result: Result<T, &redis::RedisError>) {
        let down = result.is_err();
        self.storage_down.send_if_modified(|was_down| {
            let changed = *was_down != down;
            if changed {
                match &result {
                    Err(e) => {
                        eprintln!("scamspot-server: storage unreachable ({e}); answers are refused until it is back")
                    }
                    Ok(_) => eprintln!("scamspot-server: storage reachable again"),
                }
            }
            *was_down = down;
            changed
        });
    }

    /// The room from its settings and stored inputs.
    fn rebuild(&self, store: &Store, record: &RoomRecord) -> Result<Room, String> {
        let scenarios = self.library.lecture(&record.scenarios)?;
        let mut room = Room::new(scenarios, &record.lang, record.seed);
        for json in store.inputs(record.id).map_err(|e| e.to_string())? {
            let input: Input = serde_json::from_str(&json).map_err(|e| format!("stored input {json:?}: {e}"))?;
            // An input was stored because it was accepted; replayed in order, it is again.
            room.apply(&input).map_err(|refusal| format!("stored input {json:?} refused: {refusal:?}"))?;
        }
        Ok(room)
    }

    /// The open room `code`: held here already, or (with Redis) loaded and replayed from its log.
    pub async fn room(&self, code: &str) -> Option<Arc<Slot>> {
        self.find(code).await.ok().flatten()
    }

    /// The room `code`: `Ok(None)` when there is none, `Err` when the shared
    /// storage did not answer (then nobody can tell).
    pub async fn find(&self, code: &str) -> redis::RedisResult<Option<Arc<Slot>>> {
        if let Some(slot) = self.room_here(code) {
            return Ok(Some(slot));
        }
        let Some(shared) = self.shared().filter(|_| is_code(code)) else { return Ok(None) };
        let _one_at_a_time = self.loading.lock().await;
        if let Some(slot) = self.room_here(code) {
            return Ok(Some(slot));
        }
        let loaded = self.load(shared, code).await;
        self.report_storage(loaded.as_ref().map(|_| ()));
        loaded
    }

    async fn load(&self, shared: &Shared, code: &str) -> redis::RedisResult<Option<Arc<Slot>>> {
        let Some(record) = shared.room(code).await? else { return Ok(None) };
        let Ok(scenarios) = self.library.lecture(&record.scenarios) else {
            eprintln!("room {code}: its scenarios are not in this instance's site");
            return Ok(None);
        };
        let room = Room::new(scenarios, &record.lang, record.seed);
        let slot = Arc::new(Slot::new(record, room));
        slot.sync(shared).await?;
        lock(&self.rooms).insert(code.to_string(), slot.clone());
        // Entries published while the room was loading went unheard here.
        slot.sync(shared).await?;
        Ok(Some(slot))
    }

    /// Opens a room for `scenarios` in `lang`; returns its code and the presenter's secret.
    pub async fn create(&self, scenarios: &[String], lang: &str) -> Result<(String, String), CreateError> {
        if scenarios.is_empty() || scenarios.len() > MAX_SCENARIOS {
            return Err(CreateError::Request(format!("a lecture has 1 to {MAX_SCENARIOS} scenarios")));
        }
        if !matches!(lang, "zh-CN" | "en") {
            return Err(CreateError::Request("lang is zh-CN or en".into()));
        }
        let lecture = self.library.lecture(scenarios).map_err(CreateError::Request)?;
        let room = Room::new(lecture, lang, random_u64());
        let record = |code: String| RoomRecord {
            id: 0,
            code,
            secret: random_hex(16),
            lang: lang.into(),
            seed: room.seed(),
            scenarios: scenarios.to_vec(),
        };
        let record = match &self.backend {
            Backend::Sqlite(store) => {
                // Drawn and inserted under one lock: two rooms never get the same code.
                let mut rooms = lock(&self.rooms);
                if rooms.len() >= MAX_ROOMS {
                    return Err(CreateError::Unavailable("too many rooms open".into()));
                }
                let code = std::iter::repeat_with(random_code).find(|c| !rooms.contains_key(c)).unwrap_or_default();
                let mut record = record(code);
                record.id = store
                    .create_room(&record.code, &record.secret, lang, record.seed, scenarios)
                    .map_err(|e| CreateError::Unavailable(e.to_string()))?;
                let created = (record.code.clone(), record.secret.clone());
                rooms.insert(record.code.clone(), Arc::new(Slot::new(record, room)));
                return Ok(created);
            }
            Backend::Redis(shared) => self.create_shared(shared, || record(random_code())).await?,
        };
        let created = (record.code.clone(), record.secret.clone());
        lock(&self.rooms).insert(record.code.clone(), Arc::new(Slot::new(record, room)));
        Ok(created)
    }

    /// Creates a room in Redis under the first free code `draw` gives.
    async fn create_shared(&self, shared: &Shared, draw: impl Fn() -> RoomRecord) -> Result<RoomRecord, CreateError> {
        for _ in 0..CODE_TRIES {
            let record = draw();
            let created = shared.create_room(&record, MAX_ROOMS, IDLE).await;
            self.report_storage(created.as_ref());
            match created.map_err(|e| CreateError::Unavailable(format!("storage unreachable: {e}")))? {
                Created::Yes => return Ok(record),
                Created::CodeTaken => continue,
                Created::TooMany => return Err(CreateError::Unavailable("too many rooms open".into())),
            }
        }
        Err(CreateError::Unavailable("no free room code".into()))
    }

    /// What a room's Redis channel said: an entry to apply (after any this
    /// instance missed), or that the room closed.
    pub async fn published(&self, shared: &Shared, code: &str, message: Published) {
        let Some(slot) = self.room_here(code) else { return };
        match message {
            Published::Closed => self.forget(code),
            Published::Entry { position, input } => {
                let input = serde_json::from_str(&input).ok();
                if slot.apply_entry(position, input.as_ref()).is_none() {
                    let caught_up = slot.catch_up(shared, position).await;
                    self.report_storage(caught_up.as_ref());
                }
            }
        }
    }

    /// Applies what every room held here missed while the channels were not heard.
    pub async fn sync_all(&self, shared: &Shared) {
        let slots: Vec<Arc<Slot>> = lock(&self.rooms).values().cloned().collect();
        for slot in slots {
            let synced = slot.sync(shared).await;
            self.report_storage(synced.as_ref());
        }
    }

    fn room_here(&self, code: &str) -> Option<Arc<Slot>> {
        lock(&self.rooms).get(code).cloned()
    }

    /// Closes room `code` here: its connections are told, its code is free again.
    fn forget(&self, code: &str) {
        if let Some(slot) = lock(&self.rooms).remove(code) {
            slot.close();
        }
    }

    /// Closes rooms that ended or idled; a room the storage could not close stays for the next sweep.
    pub async fn expire(&self, now: Instant) {
        let expired: Vec<Arc<Slot>> = lock(&self.rooms).values().filter(|slot| slot.expired(now)).cloned().collect();
        for slot in expired {
            let closed = match &self.backend {
                Backend::Sqlite(store) => store.close_room(slot.record.id).map_err(|e| e.to_string()),
                Backend::Redis(shared) => shared.close_room(slot.code()).await.map_err(|e| e.to_string()),
            };
            match closed {
                Ok(()) => self.forget(slot.code()),
                Err(e) => eprintln!("room {}: closing failed: {e}", slot.code()),
            }
        }
    }
}
