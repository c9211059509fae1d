//! The open rooms. Each room's state machine sits behind a lock; an input is
//! applied and, if it changed the room, stored before the lock is released,
//! so the stored order is the applied order. Connections learn of changes
//! through two watch channels: `moved` (phase or step: every phone) and
//! `counted` (answers and joins: the presenter's counts). A watch keeps only
//! the latest version, so a burst of 2,000 answers wakes the presenter a few
//! times, not 2,000.

use crate::library::Library;
use crate::limit::TokenBucket;
use crate::secret::{random_code, random_hex, random_u64, same};
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

pub struct Slot {
    record: RoomRecord,
    room: Mutex<Room>,
    joins: Mutex<TokenBucket>,
    last_active: Mutex<Instant>,
    closed: AtomicBool,
    pub moved: watch::Sender<u64>,
    pub counted: watch::Sender<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApplyError {
    Refused(Refusal),
    /// The input could not be stored; the room was rebuilt without it.
    Storage,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Slot {
    fn new(record: RoomRecord, room: Room) -> Slot {
        let now = Instant::now();
        Slot {
            record,
            room: Mutex::new(room),
            joins: Mutex::new(TokenBucket::new(JOIN_BURST, JOINS_PER_SECOND, now)),
            last_active: Mutex::new(now),
            closed: AtomicBool::new(false),
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
        read(&lock(&self.room))
    }

    /// Applies `input`, stores it if it changed the room, then tells the connections.
    pub fn apply(&self, hub: &Hub, input: &Input) -> Result<Accepted, ApplyError> {
        let mut room = lock(&self.room);
        let accepted = room.apply(input).map_err(ApplyError::Refused)?;
        *lock(&self.last_active) = Instant::now();
        if accepted.changed() {
            let json = serde_json::to_string(input).expect("room inputs serialise");
            if let Err(e) = hub.store.append(self.record.id, &json) {
                eprintln!("room {}: storing failed: {e}", self.code());
                // The room must be what is stored: rebuilt without this input.
                match hub.rebuild(&self.record) {
                    Ok(rebuilt) => *room = rebuilt,
                    Err(e) => eprintln!("room {}: rebuilding failed: {e}", self.code()),
                }
                return Err(ApplyError::Storage);
            }
            let channel = if matches!(input, Input::Command(_)) { &self.moved } else { &self.counted };
            channel.send_modify(|version| *version += 1);
        }
        Ok(accepted)
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
    store: Store,
    library: Library,
    rooms: Mutex<HashMap<String, Arc<Slot>>>,
}

impl Hub {
    /// The hub with every room still open in `store`, rebuilt from its inputs.
    pub fn open(store: Store, library: Library) -> Result<Hub, String> {
        let hub = Hub { store, library, rooms: Mutex::new(HashMap::new()) };
        let records = hub.store.open_rooms().map_err(|e| format!("reading rooms: {e}"))?;
        for record in records {
            match hub.rebuild(&record) {
                Ok(room) => {
                    lock(&hub.rooms).insert(record.code.clone(), Arc::new(Slot::new(record, room)));
                }
                Err(e) => eprintln!("room {} not reopened: {e}", record.code),
            }
        }
        Ok(hub)
    }

    pub fn room_count(&self) -> usize {
        lock(&self.rooms).len()
    }

    /// The room from its settings and stored inputs.
    fn rebuild(&self, record: &RoomRecord) -> Result<Room, String> {
        let scenarios = self.library.lecture(&record.scenarios)?;
        let mut room = Room::new(scenarios, &record.lang, record.seed);
        for json in self.store.inputs(record.id).map_err(|e| e.to_string())? {
            let input: Input = serde_json::from_str(&json).map_err(|e| format!("stored input {json:?}: {e}"))?;
            // An input was stored because it was accepted; replayed in order, it is again.
            room.apply(&input).map_err(|refusal| format!("stored input {json:?} refused: {refusal:?}"))?;
        }
        Ok(room)
    }

    pub fn room(&self, code: &str) -> Option<Arc<Slot>> {
        lock(&self.rooms).get(code).cloned()
    }

    /// Opens a room for `scenarios` in `lang`; returns its code and the presenter's secret.
    pub fn create(&self, scenarios: &[String], lang: &str) -> Result<(String, String), String> {
        if scenarios.is_empty() || scenarios.len() > MAX_SCENARIOS {
            return Err(format!("a lecture has 1 to {MAX_SCENARIOS} scenarios"));
        }
        if !matches!(lang, "zh-CN" | "en") {
            return Err("lang is zh-CN or en".into());
        }
        let room = Room::new(self.library.lecture(scenarios)?, lang, random_u64());
        let mut rooms = lock(&self.rooms);
        if rooms.len() >= MAX_ROOMS {
            return Err("too many rooms open".into());
        }
        let code = std::iter::repeat_with(random_code).find(|c| !rooms.contains_key(c)).unwrap_or_default();
        let secret = random_hex(16);
        let seed = room.seed();
        let id = self.store.create_room(&code, &secret, lang, seed, scenarios).map_err(|e| e.to_string())?;
        let record = RoomRecord {
            id,
            code: code.clone(),
            secret: secret.clone(),
            lang: lang.into(),
            seed,
            scenarios: scenarios.to_vec(),
        };
        rooms.insert(code.clone(), Arc::new(Slot::new(record, room)));
        Ok((code, secret))
    }

    /// Closes rooms that ended or idled; their codes are free again.
    pub fn expire(&self, now: Instant) {
        let mut rooms = lock(&self.rooms);
        let expired: Vec<String> =
            rooms.iter().filter(|(_, slot)| slot.expired(now)).map(|(code, _)| code.clone()).collect();
        for code in expired {
            if let Some(slot) = rooms.remove(&code) {
                if let Err(e) = self.store.close_room(slot.record.id) {
                    eprintln!("room {code}: closing failed: {e}");
                }
                slot.close();
            }
        }
    }
}
