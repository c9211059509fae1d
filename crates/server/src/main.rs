//! ScamSpot's lecture server: serves the built site (`dist/`) and runs the
//! lecture rooms over WebSocket. The room logic is core's pure state machine
//! (`scamspot_core::room`); this crate only moves messages into it and keeps
//! what it accepts in SQLite, so a restart rebuilds every open room, or in a
//! Redis that several instances share (`--redis`, see `shared`).

mod campaign_http;
mod campaign_store;
mod campaigns;
mod config;
mod fanout;
mod http;
mod hub;
mod library;
mod limit;
mod qr;
mod replica;
mod secret;
mod shared;
mod socket;
mod store;
mod wire;

use campaign_store::CampaignStore;
use campaigns::Campaigns;
use config::{Config, USAGE};
use http::AppState;
use hub::{Backend, Hub};
use library::Library;
use shared::Shared;
use std::sync::Arc;
use std::time::{Duration, Instant};
use store::Store;

/// How often ended and idle rooms are closed.
const EXPIRY_SWEEP: Duration = Duration::from_secs(60);

#[tokio::main]
async fn main() {
    if let Err(message) = run().await {
        eprintln!("scamspot-server: {message}");
        std::process::exit(1);
    }
}

async fn run() -> Result<(), String> {
    let mut config = Config::from_args(std::env::args().skip(1)).map_err(|e| format!("{e}\n{USAGE}"))?;
    config.redis = config.redis.or_else(|| std::env::var("SCAMSPOT_REDIS").ok().filter(|url| !url.is_empty()));
    let library = Library::open(&config.dist)?;
    let (backend, campaign_store) = match &config.redis {
        // The URL may hold a password: not printed.
        Some(url) => {
            let shared = Shared::connect(url).await.map_err(|e| format!("Redis: {e}"))?;
            let campaigns = CampaignStore::Redis(shared.connection());
            (Backend::Redis(shared), campaigns)
        }
        None => {
            let store = Store::open(&config.db).map_err(|e| format!("{}: {e}", config.db.display()))?;
            let campaigns = CampaignStore::sqlite(&config.db).map_err(|e| format!("{}: {e}", config.db.display()))?;
            (Backend::Sqlite(store), campaigns)
        }
    };
    // Signs certificate codes and peppers student-number hashes; else drawn once and kept in the store.
    let campaign_key = std::env::var("SCAMSPOT_CAMPAIGN_KEY").ok().filter(|k| !k.is_empty());
    let campaigns = Campaigns::open(campaign_store, Library::open(&config.dist)?, campaign_key).await?;
    let hub = Arc::new(Hub::open(backend, library)?);
    tokio::spawn(fanout::listen(hub.clone()));
    tokio::spawn(fanout::ping(hub.clone()));
    let host_key = std::env::var("SCAMSPOT_HOST_KEY").ok().filter(|k| !k.is_empty());
    let host_key_drawn = host_key.is_none();
    let host_key = host_key.unwrap_or_else(|| secret::random_hex(16));

    let listener = tokio::net::TcpListener::bind(config.bind).await.map_err(|e| format!("{}: {e}", config.bind))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    println!("scamspot-server: listening on http://{address}, {} room(s) reopened", hub.room_count());
    if host_key_drawn {
        // The key that opens rooms, for the lecturer's URL; a room's own presenter secret is never printed.
        println!("scamspot-server: host key {host_key}");
    }

    let sweeper = hub.clone();
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(EXPIRY_SWEEP);
        loop {
            ticks.tick().await;
            sweeper.expire(Instant::now()).await;
        }
    });
    let state = Arc::new(AppState {
        hub,
        campaigns: Arc::new(campaigns),
        host_key,
        origins: config.origins,
        public_url: config.public_url,
    });
    let app = http::router(state, &config.dist);
    // No graceful shutdown: Ctrl-C ends the process at once, and everything
    // acknowledged is already stored; the phones reconnect on their own.
    // The peer address: verification is rate-limited per address.
    let app = app.into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app).await.map_err(|e| e.to_string())
}
