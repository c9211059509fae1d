//! The rooms on disk: one SQLite file in WAL mode. A room is its settings
//! plus the inputs its state machine accepted, in order; replaying them
//! rebuilds the room after a restart. An input is committed before the
//! phone hears "ack", so a killed server loses no acknowledged answer.
//! `synchronous = NORMAL`: a commit survives the process being killed; only
//! a power cut of the machine could lose the last moments.

use rusqlite::{params, Connection};
use std::path::Path;
use std::sync::Mutex;

/// What a room was created with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomRecord {
    /// The row in SQLite; 0 for a room kept in Redis, which goes by its code.
    pub id: i64,
    pub code: String,
    pub secret: String,
    pub lang: String,
    pub seed: u64,
    pub scenarios: Vec<String>,
}

pub struct Store {
    connection: Mutex<Connection>,
}

const SCHEMA: &str = "
    CREATE TABLE IF NOT EXISTS rooms (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        code TEXT NOT NULL,
        secret TEXT NOT NULL,
        lang TEXT NOT NULL,
        seed INTEGER NOT NULL,
        scenarios TEXT NOT NULL,
        closed INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE IF NOT EXISTS inputs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        room INTEGER NOT NULL REFERENCES rooms(id),
        input TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS inputs_by_room ON inputs(room, id);
";

impl Store {
    pub fn open(path: &Path) -> rusqlite::Result<Store> {
        let connection = Connection::open(path)?;
        // The campaigns write to the same file through a connection of their own: wait for theirs.
        connection.busy_timeout(std::time::Duration::from_secs(5))?;
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.pragma_update(None, "synchronous", "NORMAL")?;
        connection.execute_batch(SCHEMA)?;
        Ok(Store { connection: Mutex::new(connection) })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves no half-done transaction behind.
        self.connection.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Stores a new room; returns its id.
    pub fn create_room(
        &self,
        code: &str,
        secret: &str,
        lang: &str,
        seed: u64,
        scenarios: &[String],
    ) -> rusqlite::Result<i64> {
        let connection = self.lock();
        connection.execute(
            "INSERT INTO rooms (code, secret, lang, seed, scenarios) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![code, secret, lang, seed as i64, scenarios.join("\n")],
        )?;
        Ok(connection.last_insert_rowid())
    }

    pub fn append(&self, room: i64, input: &str) -> rusqlite::Result<()> {
        self.lock().execute("INSERT INTO inputs (room, input) VALUES (?1, ?2)", params![room, input]).map(|_| ())
    }

    pub fn close_room(&self, room: i64) -> rusqlite::Result<()> {
        self.lock().execute("UPDATE rooms SET closed = 1 WHERE id = ?1", params![room]).map(|_| ())
    }

    pub fn open_rooms(&self) -> rusqlite::Result<Vec<RoomRecord>> {
        let connection = self.lock();
        let mut query =
            connection.prepare("SELECT id, code, secret, lang, seed, scenarios FROM rooms WHERE closed = 0")?;
        let rows = query.query_map([], |row| {
            let scenarios: String = row.get(5)?;
            Ok(RoomRecord {
                id: row.get(0)?,
                code: row.get(1)?,
                secret: row.get(2)?,
                lang: row.get(3)?,
                seed: row.get::<_, i64>(4)? as u64,
                scenarios: scenarios.lines().map(String::from).collect(),
            })
        })?;
        rows.collect()
    }

    /// The inputs of `room`, oldest first.
    pub fn inputs(&self, room: i64) -> rusqlite::Result<Vec<String>> {
        let connection = self.lock();
        let mut query = connection.prepare("SELECT input FROM inputs WHERE room = ?1 ORDER BY id")?;
        let rows = query.query_map(params![room], |row| row.get(0))?;
        rows.collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_room_and_its_inputs_come_back_in_order_until_it_is_closed() {
        let store = Store::open(Path::new(":memory:")).unwrap();
        let scenarios = vec!["a".to_string(), "b".to_string()];
        let id = store.create_room("123456", "s3cret", "zh-CN", u64::MAX, &scenarios).unwrap();
        store.append(id, "one").unwrap();
        store.append(id, "two").unwrap();
        let rooms = store.open_rooms().unwrap();
        assert_eq!(rooms.len(), 1);
        assert_eq!((rooms[0].seed, &rooms[0].scenarios), (u64::MAX, &scenarios));
        assert_eq!(store.inputs(id).unwrap(), ["one", "two"]);
        store.close_room(id).unwrap();
        assert!(store.open_rooms().unwrap().is_empty());
    }
}
