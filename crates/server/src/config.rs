//! The command line: where to listen, the built site, the database file,
//! and which page origins may open a socket besides the server's own.

use std::net::SocketAddr;
use std::path::PathBuf;

pub const USAGE: &str = "usage: scamspot-server [--bind ADDR:PORT] [--dist DIR] [--db FILE] [--origin URL]...
  --bind    address to listen on (default 0.0.0.0:8080: every phone in the hall must reach it)
  --dist    the built site, from `trunk build --release` (default dist)
  --db      the SQLite file the rooms are kept in (default lecture.sqlite3)
  --origin  a page origin allowed to open a socket besides the server's own (repeatable)
  --public-url  the address phones use, for the join URL and its QR code (default: the host the presenter's browser used)
  --redis   keep the rooms in this Redis (redis://HOST:PORT/DB) instead of --db, shared by several
            instances behind a load balancer (default: the environment's SCAMSPOT_REDIS, else none)
The key that opens rooms and creates campaigns is read from SCAMSPOT_HOST_KEY, or drawn at random and printed.
Campaign certificates are signed with a key derived from SCAMSPOT_CAMPAIGN_KEY, else from a secret
drawn once and kept in the database (or the Redis).";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub bind: SocketAddr,
    pub dist: PathBuf,
    pub db: PathBuf,
    pub origins: Vec<String>,
    pub public_url: Option<String>,
    pub redis: Option<String>,
}

impl Config {
    pub fn from_args(mut args: impl Iterator<Item = String>) -> Result<Config, String> {
        let mut config = Config {
            bind: SocketAddr::from(([0, 0, 0, 0], 8080)),
            dist: PathBuf::from("dist"),
            db: PathBuf::from("lecture.sqlite3"),
            origins: Vec::new(),
            public_url: None,
            redis: None,
        };
        while let Some(flag) = args.next() {
            let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
            match flag.as_str() {
                "--bind" => config.bind = value()?.parse().map_err(|e| format!("--bind: {e}"))?,
                "--dist" => config.dist = value()?.into(),
                "--db" => config.db = value()?.into(),
                "--origin" => config.origins.push(value()?.trim_end_matches('/').to_string()),
                "--public-url" => config.public_url = Some(value()?.trim_end_matches('/').to_string()),
                "--redis" => config.redis = Some(value()?),
                other => return Err(format!("unknown argument {other:?}")),
            }
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Config, String> {
        Config::from_args(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn flags_override_the_defaults_and_strangers_are_refused() {
        let config = parse(&["--bind", "127.0.0.1:9000", "--origin", "https://a.example/", "--db", "x.db"]).unwrap();
        assert_eq!(config.redis, None);
        assert_eq!(parse(&["--redis", "redis://10.0.0.2/1"]).unwrap().redis.as_deref(), Some("redis://10.0.0.2/1"));
        assert_eq!(config.bind, SocketAddr::from(([127, 0, 0, 1], 9000)));
        assert_eq!(config.origins, ["https://a.example"]);
        assert_eq!(config.db, PathBuf::from("x.db"));
        assert!(parse(&["--bind"]).is_err());
        assert!(parse(&["--port", "1"]).is_err());
    }
}
