//! Saved progress (with the learner's seed), the language choice, the 大字
//! setting and the round in progress, in localStorage. Reading never fails: damage is reported as a
//! notice, and unreadable progress is kept under a backup key instead of
//! being thrown away.

use crate::state::StorageNotice;
use crate::web::browser::random_seed;
use crate::web::paint::after_next_paint;
use scamspot_core::engine::progress::{Progress, RestoreNotice};
#[cfg(feature = "hosted")]
use scamspot_core::engine::report::{browser_learner_id, learner_id};
use scamspot_core::engine::RoundRecord;
use scamspot_core::i18n::Lang;
use std::rc::Rc;

const PROGRESS_KEY: &str = "scamspot.progress";
const BACKUP_KEY: &str = "scamspot.progress.backup";
const LANG_KEY: &str = "scamspot.lang";
/// The round in progress (its recipe and action log, never anything personal).
const ROUND_KEY: &str = "scamspot.round";

/// "1" when 大字 is on; static/shell.js reads it too, to paint the start screen at that size.
const LARGE_TEXT_KEY: &str = "scamspot.large-text";

/// Written and removed at start-up to learn whether anything can be kept.
const PROBE_KEY: &str = "scamspot.probe";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// localStorage, if it keeps what is written: some private modes hand out
/// one whose every write throws.
fn writable_storage() -> Option<web_sys::Storage> {
    let storage = local_storage()?;
    storage.set_item(PROBE_KEY, "1").ok()?;
    let _ = storage.remove_item(PROBE_KEY);
    Some(storage)
}

/// The value stored under `key`, if storage is allowed and there is one.
fn read(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`; a browser that refuses (private mode) keeps nothing.
fn write(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, value);
    }
}

/// Saved progress, with the learner's seed: one drawn now (and saved once
/// the app's first screen has painted, so the next visit shows the same
/// choice orders) if it had none. A new learner's first visit is every
/// phone's in a lecture hall: written at once, the progress's first
/// serialisation held back the first scenario by 20-30 ms on the phone
/// profile. A round in progress keeps its own seed, so a page closed before
/// the write loses nothing but the learner's next orders.
/// A browser that keeps nothing gets the notice that progress will not be saved.
pub fn load_progress() -> (Progress, Option<StorageNotice>) {
    let Some(storage) = writable_storage() else {
        return (Progress::default().seeded(random_seed()), Some(StorageNotice::Unavailable));
    };
    let raw = storage.get_item(PROGRESS_KEY).ok().flatten();
    let (progress, notice) = Progress::restore(raw.as_deref());
    let unseeded = progress.seed.is_none();
    let progress = progress.seeded(random_seed());
    if let (Some(raw), Some(RestoreNotice::Corrupt | RestoreNotice::Newer(_) | RestoreNotice::Repaired { .. })) =
        (&raw, &notice)
    {
        let _ = storage.set_item(BACKUP_KEY, raw);
        let _ = storage.set_item(PROGRESS_KEY, &progress.to_json());
    } else if unseeded {
        let seeded = progress.clone();
        after_next_paint(Box::new(move || {
            let _ = storage.set_item(PROGRESS_KEY, &seeded.to_json());
        }));
    }
    (progress, notice.map(StorageNotice::Restore))
}

/// Saves progress; false when the browser refuses (private mode, quota).
pub fn save_progress(progress: &Progress) -> bool {
    local_storage().is_some_and(|s| s.set_item(PROGRESS_KEY, &progress.to_json()).is_ok())
}

pub fn saved_lang() -> Option<Lang> {
    read(LANG_KEY).and_then(|code| Lang::from_code(&code))
}

pub fn save_lang(lang: Lang) {
    write(LANG_KEY, lang.code());
}

/// The round saved when the page last closed: `None` when there is none,
/// `Some(None)` when one is stored but cannot be read.
pub fn load_round() -> Option<Option<Rc<RoundRecord>>> {
    let raw = read(ROUND_KEY)?;
    Some(RoundRecord::restore(&raw).map(Rc::new))
}

/// Keeps the round in progress, or forgets it when there is none.
pub fn save_round(record: Option<&RoundRecord>) {
    let Some(storage) = local_storage() else { return };
    let _ = match record {
        Some(record) => storage.set_item(ROUND_KEY, &record.to_json()),
        None => storage.remove_item(ROUND_KEY),
    };
}

pub fn saved_large_text() -> bool {
    read(LARGE_TEXT_KEY).is_some_and(|v| v == "1")
}

pub fn save_large_text(large: bool) {
    write(LARGE_TEXT_KEY, if large { "1" } else { "0" });
}

/// This phone's player token in lecture room `code`, so a reload or a
/// reconnect is the same player.
fn room_token_key(code: &str) -> String {
    format!("scamspot.room.{code}.token")
}

pub fn room_token(code: &str) -> Option<String> {
    read(&room_token_key(code))
}

/// Keeps the token; a browser that refuses keeps it only in the page's memory.
pub fn save_room_token(code: &str, token: &str) {
    write(&room_token_key(code), token);
}

/// A campaign round's result not yet taken by the server, kept per class so a
/// page closed while it was on its way sends it on the next visit (the server
/// counts a repeated submission once). Class links and host reports (the
/// learner id below) are the hosted build's.
#[cfg(feature = "hosted")]
fn unsent_key(class: &str) -> String {
    format!("scamspot.campaign.{class}.unsent")
}

#[cfg(feature = "hosted")]
pub fn unsent_result(class: &str) -> Option<String> {
    read(&unsent_key(class))
}

#[cfg(feature = "hosted")]
/// Keeps `body` until the server has answered it; `None` forgets it.
pub fn keep_unsent_result(class: &str, body: Option<&str>) {
    match body {
        Some(body) => write(&unsent_key(class), body),
        None => {
            if let Some(storage) = local_storage() {
                let _ = storage.remove_item(&unsent_key(class));
            }
        }
    }
}

/// This browser's own learner id, when the host gave none.
#[cfg(feature = "hosted")]
const LEARNER_KEY: &str = "scamspot.learner";

#[cfg(feature = "hosted")]
/// The browser's random learner id, drawn on the first visit and kept; a
/// browser that keeps nothing gets a new one each visit.
pub fn browser_learner() -> String {
    read(LEARNER_KEY).filter(|id| learner_id(id).is_some()).unwrap_or_else(|| {
        let id = browser_learner_id(random_seed());
        write(LEARNER_KEY, &id);
        id
    })
}
