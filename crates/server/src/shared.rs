//! Rooms in a shared Redis (`--redis URL`), for several server instances.
//!
//! A room is a hash (its settings) and a list, its log: every input a phone
//! or the presenter sent, in the order Redis appended them. One Lua script
//! appends an input and publishes it with its position, atomically, so no
//! server ever reads, changes and writes back a room. Whether an input
//! counts is not decided before it is stored: every instance replays the
//! same log through the same state machine (`hub::Slot::apply_entry`) and
//! so reaches the same verdict for each position. An instance acknowledges
//! an input once the script returned its position and its replica has
//! applied everything up to it.

use crate::store::RoomRecord;
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::{AsyncCommands, Client, RedisResult, Script};
use std::collections::HashMap;
use std::time::Duration;

/// Every key and channel of this server starts so, next to whatever else the Redis holds.
const PREFIX: &str = "scamspot:room:";
/// The codes of the open rooms: the limit on rooms counts them.
const OPEN_ROOMS: &str = "scamspot:rooms";
/// A Redis command that has not answered by then has failed: the phone is told
/// `storage` and resends, rather than waiting on a Redis that is gone.
const RESPONSE_TIMEOUT: Duration = Duration::from_secs(2);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(1);
/// What is published when a room closes, instead of an entry.
const CLOSED: &str = "closed";

/// KEYS: room hash, open set. ARGV: code, max rooms, ttl, secret, lang, seed, scenarios, key prefix.
/// 1 created, 0 code taken, -1 too many rooms. Codes whose room expired are
/// dropped from the set first.
const CREATE: &str = r"
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
for _, code in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  if redis.call('EXISTS', ARGV[8] .. code) == 0 then redis.call('SREM', KEYS[2], code) end
end
if redis.call('SCARD', KEYS[2]) >= tonumber(ARGV[2]) then return -1 end
redis.call('HSET', KEYS[1], 'secret', ARGV[4], 'lang', ARGV[5], 'seed', ARGV[6], 'scenarios', ARGV[7])
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('SADD', KEYS[2], ARGV[1])
return 1
";

/// KEYS: room hash, log, channel. ARGV: input, ttl. The input's position
/// (1-based), or 0 when the room is gone.
const APPEND: &str = r"
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local position = redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[2])
redis.call('PUBLISH', KEYS[3], position .. ' ' .. ARGV[1])
return position
";

/// KEYS: room hash, log, channel, open set. ARGV: code.
const CLOSE: &str = r"
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('SREM', KEYS[4], ARGV[1])
redis.call('PUBLISH', KEYS[3], 'closed')
return 1
";

fn hash_key(code: &str) -> String {
    format!("{PREFIX}{code}")
}

fn log_key(code: &str) -> String {
    format!("{PREFIX}{code}:log")
}

/// A room's channel: the same name as its hash (channels and keys are apart in Redis).
fn channel(code: &str) -> String {
    hash_key(code)
}

/// What a room's channel carries.
#[derive(Debug, PartialEq, Eq)]
pub enum Published {
    /// Log entry `position` (1-based) is `input`.
    Entry {
        position: u64,
        input: String,
    },
    Closed,
}

/// Which room a message on `channel` is about, and what it says.
pub fn read_published(channel: &str, payload: &str) -> Option<(String, Published)> {
    let code = channel.strip_prefix(PREFIX)?.to_string();
    if payload == CLOSED {
        return Some((code, Published::Closed));
    }
    let (position, input) = payload.split_once(' ')?;
    Some((code, Published::Entry { position: position.parse().ok()?, input: input.to_string() }))
}

pub struct Shared {
    client: Client,
    /// Reconnects by itself after Redis comes back; every command is bounded by `RESPONSE_TIMEOUT`.
    connection: ConnectionManager,
    create: Script,
    append: Script,
    close: Script,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Created {
    Yes,
    CodeTaken,
    TooMany,
}

impl Shared {
    pub async fn connect(url: &str) -> RedisResult<Shared> {
        let client = Client::open(url)?;
        let config = ConnectionManagerConfig::new()
            .set_response_timeout(Some(RESPONSE_TIMEOUT))
            .set_connection_timeout(Some(CONNECT_TIMEOUT))
            .set_number_of_retries(1);
        let connection = ConnectionManager::new_with_config(client.clone(), config).await?;
        Ok(Shared {
            client,
            connection,
            create: Script::new(CREATE),
            append: Script::new(APPEND),
            close: Script::new(CLOSE),
        })
    }

    /// The connection, for the campaigns kept in the same Redis (`campaign_store`).
    pub fn connection(&self) -> ConnectionManager {
        self.connection.clone()
    }

    /// A new connection for the room channels (a subscribed connection can do nothing else).
    pub async fn subscriber(&self) -> RedisResult<redis::aio::PubSub> {
        let mut pubsub = self.client.get_async_pubsub().await?;
        pubsub.psubscribe(format!("{PREFIX}*")).await?;
        Ok(pubsub)
    }

    pub async fn ping(&self) -> RedisResult<()> {
        redis::cmd("PING").query_async::<()>(&mut self.connection.clone()).await
    }

    pub async fn create_room(&self, record: &RoomRecord, max_rooms: usize, ttl: Duration) -> RedisResult<Created> {
        let code = &record.code;
        let created: i64 = self
            .create
            .key(hash_key(code))
            .key(OPEN_ROOMS)
            .arg(code)
            .arg(max_rooms)
            .arg(ttl.as_secs())
            .arg(&record.secret)
            .arg(&record.lang)
            .arg(record.seed.to_string())
            .arg(record.scenarios.join("\n"))
            .arg(PREFIX)
            .invoke_async(&mut self.connection.clone())
            .await?;
        Ok(match created {
            1 => Created::Yes,
            0 => Created::CodeTaken,
            _ => Created::TooMany,
        })
    }

    /// The settings of room `code`, if it is open.
    pub async fn room(&self, code: &str) -> RedisResult<Option<RoomRecord>> {
        let fields: HashMap<String, String> = self.connection.clone().hgetall(hash_key(code)).await?;
        let field = |name: &str| fields.get(name).cloned();
        let record = || {
            Some(RoomRecord {
                id: 0,
                code: code.to_string(),
                secret: field("secret")?,
                lang: field("lang")?,
                seed: field("seed")?.parse().ok()?,
                scenarios: field("scenarios")?.lines().map(String::from).collect(),
            })
        };
        Ok(record())
    }

    /// Appends `input` to the log of room `code`; its position, or `None` if the room is gone.
    pub async fn append(&self, code: &str, input: &str, ttl: Duration) -> RedisResult<Option<u64>> {
        let position: u64 = self
            .append
            .key(hash_key(code))
            .key(log_key(code))
            .key(channel(code))
            .arg(input)
            .arg(ttl.as_secs())
            .invoke_async(&mut self.connection.clone())
            .await?;
        Ok((position > 0).then_some(position))
    }

    /// The log of room `code` after its first `skip` entries.
    pub async fn entries(&self, code: &str, skip: u64) -> RedisResult<Vec<String>> {
        self.connection.clone().lrange(log_key(code), skip as isize, -1).await
    }

    pub async fn close_room(&self, code: &str) -> RedisResult<()> {
        self.close
            .key(hash_key(code))
            .key(log_key(code))
            .key(channel(code))
            .key(OPEN_ROOMS)
            .arg(code)
            .invoke_async(&mut self.connection.clone())
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channel_messages_read_back_as_entries_or_a_close() {
        let entry = read_published(&channel("123456"), r#"17 {"join":{"token":"a b","nickname":""}}"#);
        assert_eq!(
            entry,
            Some((
                "123456".into(),
                Published::Entry { position: 17, input: r#"{"join":{"token":"a b","nickname":""}}"#.into() }
            ))
        );
        assert_eq!(read_published(&channel("000001"), CLOSED), Some(("000001".into(), Published::Closed)));
        assert_eq!(read_published("other:thing", "1 x"), None);
        assert_eq!(read_published(&channel("1"), "x y"), None);
    }
}
