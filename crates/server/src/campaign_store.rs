//! Campaigns on disk: tables in the server's SQLite file, or keys in the
//! shared Redis (`--redis`), where several instances write at once — so
//! nothing is read, changed and written back there: a start or a result is
//! added with HSETNX (the first submission of an id wins, a repeat reads it
//! back), a certificate's student number with SET NX.
//!
//! Nothing personal is stored: a student number only as a salted, peppered
//! hash next to its certificate; the organiser's secret only as its SHA-256.

use rusqlite::{params, Connection, OptionalExtension};
use scamspot_core::campaign::{CampaignSpec, Graded};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignRow {
    pub id: String,
    pub spec: CampaignSpec,
    /// 16 random bytes as hex, salting this campaign's student-number hashes.
    pub salt: String,
    /// SHA-256 of the organiser's secret, hex.
    pub admin_hash: String,
    pub created_day: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassRow {
    pub token: String,
    pub campaign: String,
    pub name: String,
}

/// A certificate as stored: what its code's MAC covers and what the verify page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CertificateRow {
    /// The code's id part (`CertificateCode::id_text`).
    pub id: String,
    pub campaign: String,
    pub class: String,
    pub day: u32,
    pub score: u32,
    pub scams: u32,
    pub scams_caught: u32,
    pub genuine: u32,
    pub genuine_trusted: u32,
}

/// A graded round as stored, with the answer its learner was sent (a repeat
/// of the submission is sent the same).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultRow {
    pub day: u32,
    pub graded: Graded,
    pub certificate: Option<String>,
    pub answer: serde_json::Value,
}

/// A result with its class and, if its certificate has one, the student-number hash.
pub struct DashboardRow {
    pub class: String,
    pub result: ResultRow,
    pub student: Option<String>,
}

pub type StoreResult<T> = Result<T, String>;

pub enum CampaignStore {
    Sqlite(Mutex<Connection>),
    Redis(redis::aio::ConnectionManager),
}

const SCHEMA: &str = "
    CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS campaigns (id TEXT PRIMARY KEY, row TEXT NOT NULL, admin_hash TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS classes (
        token TEXT PRIMARY KEY, campaign TEXT NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS classes_by_campaign ON classes(campaign, position);
    CREATE TABLE IF NOT EXISTS starts (class TEXT NOT NULL, start_id TEXT NOT NULL, day INTEGER NOT NULL,
        PRIMARY KEY (class, start_id));
    CREATE TABLE IF NOT EXISTS results (class TEXT NOT NULL, submission_id TEXT NOT NULL, row TEXT NOT NULL,
        certificate TEXT, PRIMARY KEY (class, submission_id));
    CREATE TABLE IF NOT EXISTS certificates (id TEXT PRIMARY KEY, row TEXT NOT NULL, student TEXT);
";

/// Every key starts so, next to the rooms' and whatever else the Redis holds.
const PREFIX: &str = "scamspot:campaign:";

fn key(parts: &[&str]) -> String {
    format!("{PREFIX}{}", parts.join(":"))
}

/// KEYS: the class's results hash, the certificate key. ARGV: submission id,
/// result, certificate (empty: none). The result that stands for the id.
const ADD_RESULT: &str = r"
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
  if ARGV[3] ~= '' then redis.call('SET', KEYS[2], ARGV[3]) end
  return ARGV[2]
end
return redis.call('HGET', KEYS[1], ARGV[1])
";

fn text<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("stored rows serialise")
}

fn parse<T: for<'de> Deserialize<'de>>(text: &str) -> StoreResult<T> {
    serde_json::from_str(text).map_err(|e| format!("a stored row does not read: {e}"))
}

fn sql<T>(result: rusqlite::Result<T>) -> StoreResult<T> {
    result.map_err(|e| format!("SQLite: {e}"))
}

fn redis_error(error: redis::RedisError) -> String {
    format!("Redis: {error}")
}

impl CampaignStore {
    /// The campaign tables in the SQLite file at `path` (the rooms' file: a second connection).
    pub fn sqlite(path: &Path) -> StoreResult<CampaignStore> {
        let connection = sql(Connection::open(path))?;
        sql(connection.busy_timeout(std::time::Duration::from_secs(5)))?;
        sql(connection.pragma_update(None, "journal_mode", "WAL"))?;
        sql(connection.pragma_update(None, "synchronous", "NORMAL"))?;
        sql(connection.execute_batch(SCHEMA))?;
        Ok(CampaignStore::Sqlite(Mutex::new(connection)))
    }

    fn lock(connection: &Mutex<Connection>) -> std::sync::MutexGuard<'_, Connection> {
        connection.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The server's campaign secret: the stored one, else `candidate`, stored
    /// (the first instance to store one wins, so every instance shares it).
    pub async fn server_secret(&self, candidate: &str) -> StoreResult<String> {
        match self {
            CampaignStore::Sqlite(c) => {
                let c = Self::lock(c);
                sql(c.execute("INSERT OR IGNORE INTO settings VALUES ('campaign-secret', ?1)", [candidate]))?;
                sql(c.query_row("SELECT value FROM settings WHERE name = 'campaign-secret'", [], |r| r.get(0)))
            }
            CampaignStore::Redis(r) => {
                let mut r = r.clone();
                let name = key(&["secret"]);
                let _: Option<String> = redis::cmd("SET")
                    .arg(&name)
                    .arg(candidate)
                    .arg("NX")
                    .query_async(&mut r)
                    .await
                    .map_err(redis_error)?;
                redis::cmd("GET").arg(&name).query_async(&mut r).await.map_err(redis_error)
            }
        }
    }

    pub async fn create(&self, campaign: &CampaignRow, classes: &[ClassRow]) -> StoreResult<()> {
        match self {
            CampaignStore::Sqlite(c) => {
                let mut c = Self::lock(c);
                let t = sql(c.transaction())?;
                sql(t.execute(
                    "INSERT INTO campaigns (id, row, admin_hash) VALUES (?1, ?2, ?3)",
                    params![campaign.id, text(campaign), campaign.admin_hash],
                ))?;
                for (position, class) in classes.iter().enumerate() {
                    sql(t.execute(
                        "INSERT INTO classes (token, campaign, position, name) VALUES (?1, ?2, ?3, ?4)",
                        params![class.token, class.campaign, position as i64, class.name],
                    ))?;
                }
                sql(t.commit())
            }
            CampaignStore::Redis(r) => {
                let mut pipe = redis::pipe();
                pipe.atomic().hset(key(&[&campaign.id]), "row", text(campaign)).ignore();
                pipe.hset(key(&[&campaign.id]), "admin_hash", &campaign.admin_hash).ignore();
                for class in classes {
                    pipe.set(key(&["class", &class.token]), text(class)).ignore();
                    pipe.rpush(key(&[&campaign.id, "classes"]), &class.token).ignore();
                }
                pipe.query_async::<()>(&mut r.clone()).await.map_err(redis_error)
            }
        }
    }

    pub async fn campaign(&self, id: &str) -> StoreResult<Option<CampaignRow>> {
        let found: Option<(String, String)> = match self {
            CampaignStore::Sqlite(c) => sql(Self::lock(c)
                .query_row("SELECT row, admin_hash FROM campaigns WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional())?,
            CampaignStore::Redis(r) => {
                let fields: HashMap<String, String> =
                    redis::cmd("HGETALL").arg(key(&[id])).query_async(&mut r.clone()).await.map_err(redis_error)?;
                fields.get("row").cloned().zip(fields.get("admin_hash").cloned())
            }
        };
        let Some((row, admin_hash)) = found else { return Ok(None) };
        // The admin hash changes on rotation; the row keeps the first one.
        Ok(Some(CampaignRow { admin_hash, ..parse(&row)? }))
    }

    pub async fn rotate(&self, id: &str, admin_hash: &str) -> StoreResult<()> {
        match self {
            CampaignStore::Sqlite(c) => {
                sql(Self::lock(c).execute("UPDATE campaigns SET admin_hash = ?2 WHERE id = ?1", [id, admin_hash]))
                    .map(|_| ())
            }
            CampaignStore::Redis(r) => redis::cmd("HSET")
                .arg(key(&[id]))
                .arg("admin_hash")
                .arg(admin_hash)
                .query_async::<()>(&mut r.clone())
                .await
                .map_err(redis_error),
        }
    }

    /// The classes of campaign `id`, in the order the organiser listed them.
    pub async fn classes(&self, id: &str) -> StoreResult<Vec<ClassRow>> {
        match self {
            CampaignStore::Sqlite(c) => {
                let c = Self::lock(c);
                let mut query =
                    sql(c.prepare("SELECT token, campaign, name FROM classes WHERE campaign = ?1 ORDER BY position"))?;
                let rows =
                    sql(query
                        .query_map([id], |r| Ok(ClassRow { token: r.get(0)?, campaign: r.get(1)?, name: r.get(2)? })))?;
                sql(rows.collect())
            }
            CampaignStore::Redis(r) => {
                let mut r = r.clone();
                let tokens: Vec<String> = redis::cmd("LRANGE")
                    .arg(key(&[id, "classes"]))
                    .arg(0)
                    .arg(-1)
                    .query_async(&mut r)
                    .await
                    .map_err(redis_error)?;
                let mut classes = Vec::new();
                for token in tokens {
                    classes.extend(self.class(&token).await?);
                }
                Ok(classes)
            }
        }
    }

    pub async fn class(&self, token: &str) -> StoreResult<Option<ClassRow>> {
        match self {
            CampaignStore::Sqlite(c) => sql(Self::lock(c)
                .query_row("SELECT token, campaign, name FROM classes WHERE token = ?1", [token], |r| {
                    Ok(ClassRow { token: r.get(0)?, campaign: r.get(1)?, name: r.get(2)? })
                })
                .optional()),
            CampaignStore::Redis(r) => {
                let row: Option<String> = redis::cmd("GET")
                    .arg(key(&["class", token]))
                    .query_async(&mut r.clone())
                    .await
                    .map_err(redis_error)?;
                row.map(|row| parse(&row)).transpose()
            }
        }
    }

    /// Counts start `start_id` of class `token` once.
    pub async fn start(&self, token: &str, start_id: &str, day: u32) -> StoreResult<()> {
        match self {
            CampaignStore::Sqlite(c) => sql(Self::lock(c).execute(
                "INSERT OR IGNORE INTO starts (class, start_id, day) VALUES (?1, ?2, ?3)",
                params![token, start_id, day],
            ))
            .map(|_| ()),
            CampaignStore::Redis(r) => redis::cmd("HSETNX")
                .arg(key(&["class", token, "starts"]))
                .arg(start_id)
                .arg(day)
                .query_async::<()>(&mut r.clone())
                .await
                .map_err(redis_error),
        }
    }

    /// The result already stored for submission `submission_id` of class `token`.
    pub async fn result(&self, token: &str, submission_id: &str) -> StoreResult<Option<ResultRow>> {
        let row: Option<String> = match self {
            CampaignStore::Sqlite(c) => sql(Self::lock(c)
                .query_row(
                    "SELECT row FROM results WHERE class = ?1 AND submission_id = ?2",
                    [token, submission_id],
                    |r| r.get(0),
                )
                .optional())?,
            CampaignStore::Redis(r) => redis::cmd("HGET")
                .arg(key(&["class", token, "results"]))
                .arg(submission_id)
                .query_async(&mut r.clone())
                .await
                .map_err(redis_error)?,
        };
        row.map(|row| parse(&row)).transpose()
    }

    /// Stores `result` (and its certificate) for submission `submission_id`
    /// unless one is stored already; returns the one that stands.
    pub async fn add_result(
        &self,
        token: &str,
        submission_id: &str,
        result: &ResultRow,
        certificate: Option<&CertificateRow>,
    ) -> StoreResult<ResultRow> {
        let stored: String = match self {
            CampaignStore::Sqlite(c) => {
                let mut c = Self::lock(c);
                let t = sql(c.transaction())?;
                let added = sql(t.execute(
                    "INSERT OR IGNORE INTO results (class, submission_id, row, certificate) VALUES (?1, ?2, ?3, ?4)",
                    params![token, submission_id, text(result), result.certificate],
                ))?;
                if let (1, Some(certificate)) = (added, certificate) {
                    sql(t.execute(
                        "INSERT INTO certificates (id, row) VALUES (?1, ?2)",
                        params![certificate.id, text(certificate)],
                    ))?;
                }
                let stored = sql(t.query_row(
                    "SELECT row FROM results WHERE class = ?1 AND submission_id = ?2",
                    [token, submission_id],
                    |r| r.get(0),
                ))?;
                sql(t.commit())?;
                stored
            }
            CampaignStore::Redis(r) => {
                let certificate_key =
                    certificate.map_or_else(|| key(&["certificate", "none"]), |c| key(&["certificate", &c.id]));
                redis::Script::new(ADD_RESULT)
                    .key(key(&["class", token, "results"]))
                    .key(certificate_key)
                    .arg(submission_id)
                    .arg(text(result))
                    .arg(certificate.map(text).unwrap_or_default())
                    .invoke_async(&mut r.clone())
                    .await
                    .map_err(redis_error)?
            }
        };
        parse(&stored)
    }

    /// Certificate `id` and the student-number hash given for it, if any.
    pub async fn certificate(&self, id: &str) -> StoreResult<Option<(CertificateRow, Option<String>)>> {
        let found: Option<(String, Option<String>)> = match self {
            CampaignStore::Sqlite(c) => sql(Self::lock(c)
                .query_row("SELECT row, student FROM certificates WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional())?,
            CampaignStore::Redis(r) => {
                let (row, student): (Option<String>, Option<String>) = redis::pipe()
                    .get(key(&["certificate", id]))
                    .get(key(&["certificate", id, "student"]))
                    .query_async(&mut r.clone())
                    .await
                    .map_err(redis_error)?;
                row.map(|row| (row, student))
            }
        };
        found.map(|(row, student)| Ok((parse(&row)?, student))).transpose()
    }

    /// Sets the student-number hash of certificate `id`; false when one was set already.
    pub async fn set_student(&self, id: &str, hash: &str) -> StoreResult<bool> {
        match self {
            CampaignStore::Sqlite(c) => sql(Self::lock(c)
                .execute("UPDATE certificates SET student = ?2 WHERE id = ?1 AND student IS NULL", [id, hash]))
            .map(|changed| changed == 1),
            CampaignStore::Redis(r) => {
                let set: Option<String> = redis::cmd("SET")
                    .arg(key(&["certificate", id, "student"]))
                    .arg(hash)
                    .arg("NX")
                    .query_async(&mut r.clone())
                    .await
                    .map_err(redis_error)?;
                Ok(set.is_some())
            }
        }
    }

    /// Rounds started per class token.
    pub async fn starts(&self, classes: &[ClassRow]) -> StoreResult<Vec<(String, u32)>> {
        let mut counts = Vec::new();
        for class in classes {
            let count: u32 = match self {
                CampaignStore::Sqlite(c) => {
                    sql(Self::lock(c)
                        .query_row("SELECT COUNT(*) FROM starts WHERE class = ?1", [&class.token], |r| r.get(0)))?
                }
                CampaignStore::Redis(r) => redis::cmd("HLEN")
                    .arg(key(&["class", &class.token, "starts"]))
                    .query_async(&mut r.clone())
                    .await
                    .map_err(redis_error)?,
            };
            counts.push((class.token.clone(), count));
        }
        Ok(counts)
    }

    /// Every result of `classes`, with its certificate's student hash.
    pub async fn results(&self, classes: &[ClassRow]) -> StoreResult<Vec<DashboardRow>> {
        let mut rows = Vec::new();
        for class in classes {
            let stored: Vec<(String, Option<String>)> = match self {
                CampaignStore::Sqlite(c) => {
                    let c = Self::lock(c);
                    let mut query = sql(c.prepare(
                        "SELECT results.row, certificates.student FROM results
                         LEFT JOIN certificates ON certificates.id = results.certificate WHERE results.class = ?1",
                    ))?;
                    let found = sql(query.query_map([&class.token], |r| Ok((r.get(0)?, r.get(1)?))))?;
                    sql(found.collect())?
                }
                CampaignStore::Redis(r) => {
                    let mut r = r.clone();
                    let results: Vec<String> = redis::cmd("HVALS")
                        .arg(key(&["class", &class.token, "results"]))
                        .query_async(&mut r)
                        .await
                        .map_err(redis_error)?;
                    let mut with_students = Vec::new();
                    for text in results {
                        let result: ResultRow = parse(&text)?;
                        let student: Option<String> = match &result.certificate {
                            Some(id) => redis::cmd("GET")
                                .arg(key(&["certificate", id, "student"]))
                                .query_async(&mut r)
                                .await
                                .map_err(redis_error)?,
                            None => None,
                        };
                        with_students.push((text, student));
                    }
                    with_students
                }
            };
            for (row, student) in stored {
                rows.push(DashboardRow { class: class.token.clone(), result: parse(&row)?, student });
            }
        }
        Ok(rows)
    }
}
