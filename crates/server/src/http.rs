//! The HTTP side: the built site as static files, opening a room, and the
//! WebSocket upgrade (origin checked, small buffers, 1 KiB messages).

use crate::campaign_http;
use crate::campaigns::Campaigns;
use crate::hub::{CreateError, Hub};
use crate::qr;
use crate::secret::same;
use crate::socket;
use axum::extract::ws::WebSocketUpgrade;
use axum::extract::{DefaultBodyLimit, Path as UrlPath, Query, Request, State};
use axum::http::header::{
    ACCESS_CONTROL_ALLOW_ORIGIN, CACHE_CONTROL, CONTENT_TYPE, HOST, ORIGIN, X_CONTENT_TYPE_OPTIONS,
};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::Arc;
use tower_http::services::ServeDir;

/// The largest message a client may send.
pub const MAX_MESSAGE: usize = 1024;
/// Per-connection socket buffers: thousands of phones share the memory.
const READ_BUFFER: usize = 4 * 1024;
const WRITE_BUFFER: usize = 4 * 1024;
const MAX_WRITE_BUFFER: usize = 64 * 1024;

pub struct AppState {
    pub hub: Arc<Hub>,
    pub campaigns: Arc<Campaigns>,
    /// Reverse proxies believed when they name the client (`--proxy`).
    pub proxies: Vec<std::net::IpAddr>,
    pub host_key: String,
    pub origins: Vec<String>,
    /// Where phones reach the server; else the host the request came to.
    pub public_url: Option<String>,
}

impl AppState {
    /// Where phones reach the server: `--public-url`, else the host the request came to.
    pub fn base_url(&self, headers: &HeaderMap) -> String {
        let host = || headers.get(HOST).and_then(|h| h.to_str().ok()).map(|h| format!("http://{h}"));
        self.public_url.clone().or_else(host).unwrap_or_default()
    }

    /// The page a phone opens to join room `code`.
    fn join_url(&self, headers: &HeaderMap, code: &str) -> String {
        format!("{}/?room={code}", self.base_url(headers))
    }
}

pub fn router(state: Arc<AppState>, dist: &Path) -> Router {
    let site = Router::new()
        .fallback_service(ServeDir::new(dist).precompressed_br().precompressed_gzip())
        .layer(middleware::from_fn(cache_headers));
    Router::new()
        .route("/api/rooms", post(create_room).layer(DefaultBodyLimit::max(4 * 1024)))
        .route("/api/rooms/{code}", get(room_open))
        .route("/api/rooms/{code}/qr.svg", get(join_qr))
        .route("/ws", get(open_socket))
        .merge(campaign_http::routes())
        .with_state(state)
        .fallback_service(site)
}

/// Files with a content hash in their name never change: cached for a
/// year. Everything else is revalidated, so a new build shows at once.
/// Any origin may load them: a `<scam-spot>` on a campus page fetches the
/// app's script, wasm and packs from here, and they are public and cookie-free.
async fn cache_headers(request: Request, next: Next) -> Response {
    let hashed = is_hashed(request.uri().path());
    let mut response = next.run(request).await;
    let policy = if hashed { "public, max-age=31536000, immutable" } else { "no-cache" };
    let headers = response.headers_mut();
    headers.insert(CACHE_CONTROL, HeaderValue::from_static(policy));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    response
}

/// Trunk's names: `scamspot-<16 hex digits>.js`, `…_bg.wasm`.
fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    name.split(['-', '.', '_']).any(|part| part.len() == 16 && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CreateRoom {
    host_key: String,
    scenarios: Vec<String>,
    lang: String,
}

#[derive(Serialize)]
struct RoomCreated {
    code: String,
    /// Drives the room; the presenter page keeps it, nothing prints or logs it.
    secret: String,
    join_url: String,
}

async fn create_room(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Json(request): Json<CreateRoom>,
) -> Response {
    if !same(&request.host_key, &state.host_key) {
        return (StatusCode::FORBIDDEN, "wrong host key").into_response();
    }
    match state.hub.create(&request.scenarios, &request.lang).await {
        Ok((code, secret)) => {
            let join_url = state.join_url(&headers, &code);
            Json(RoomCreated { code, secret, join_url }).into_response()
        }
        Err(CreateError::Request(message)) => (StatusCode::BAD_REQUEST, message).into_response(),
        Err(CreateError::Unavailable(message)) => (StatusCode::SERVICE_UNAVAILABLE, message).into_response(),
    }
}

/// The join URL of an open room as a QR code (the room code is on the slide anyway).
async fn join_qr(State(state): State<Arc<AppState>>, headers: HeaderMap, UrlPath(code): UrlPath<String>) -> Response {
    let Some(svg) = state.hub.room(&code).await.and_then(|_| qr::svg(&state.join_url(&headers, &code))) else {
        return (StatusCode::NOT_FOUND, "no such room").into_response();
    };
    ([(CONTENT_TYPE, "image/svg+xml"), (CACHE_CONTROL, "no-store")], svg).into_response()
}

#[derive(Deserialize)]
struct SocketQuery {
    room: String,
}

/// Whether room `code` is open: a phone asks before it connects, so a
/// mistyped code is said at once instead of looking like a bad Wi-Fi. (The
/// socket's upgrade tells as much; this only says it in a way a page can read.)
async fn room_open(State(state): State<Arc<AppState>>, UrlPath(code): UrlPath<String>) -> Response {
    match state.hub.find(&code).await {
        Ok(Some(slot)) if !slot.is_closed() => (StatusCode::OK, "open").into_response(),
        Ok(_) => (StatusCode::NOT_FOUND, "no such room").into_response(),
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "storage unavailable").into_response(),
    }
}

async fn open_socket(
    State(state): State<Arc<AppState>>,
    Query(query): Query<SocketQuery>,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    if !origin_allowed(&headers, &state.origins) {
        return (StatusCode::FORBIDDEN, "origin not allowed").into_response();
    }
    let Some(slot) = state.hub.room(&query.room).await else {
        return (StatusCode::NOT_FOUND, "no such room").into_response();
    };
    let hub = state.hub.clone();
    upgrade
        .read_buffer_size(READ_BUFFER)
        .write_buffer_size(WRITE_BUFFER)
        .max_write_buffer_size(MAX_WRITE_BUFFER)
        .max_message_size(MAX_MESSAGE)
        .max_frame_size(MAX_MESSAGE)
        .on_upgrade(move |socket| socket::serve(socket, hub, slot))
}

/// A browser always says which page opens a socket: the server's own
/// pages (same host), or an origin given with --origin. Anything else, or
/// no Origin at all, is refused, so no other site can drive a room.
fn origin_allowed(headers: &HeaderMap, origins: &[String]) -> bool {
    let header = |name| headers.get(name).and_then(|v: &HeaderValue| v.to_str().ok());
    let (Some(origin), host) = (header(ORIGIN), header(HOST)) else { return false };
    let own = host.is_some_and(|host| origin == format!("http://{host}") || origin == format!("https://{host}"));
    own || origins.iter().any(|allowed| allowed == origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(origin: Option<&str>, host: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(HOST, HeaderValue::from_str(host).unwrap());
        if let Some(origin) = origin {
            headers.insert(ORIGIN, HeaderValue::from_str(origin).unwrap());
        }
        headers
    }

    #[test]
    fn only_the_own_origin_or_a_listed_one_may_open_a_socket() {
        let listed = vec!["https://lecture.example".to_string()];
        assert!(origin_allowed(&headers(Some("http://10.0.0.5:8080"), "10.0.0.5:8080"), &[]));
        assert!(origin_allowed(&headers(Some("https://lecture.example"), "10.0.0.5:8080"), &listed));
        assert!(!origin_allowed(&headers(Some("https://evil.example"), "10.0.0.5:8080"), &listed));
        assert!(!origin_allowed(&headers(None, "10.0.0.5:8080"), &listed));
    }

    #[test]
    fn trunk_hashed_names_are_recognised() {
        assert!(is_hashed("/scamspot-c6521db99a3e7e73_bg.wasm"));
        assert!(is_hashed("/scamspot-c6521db99a3e7e73.js"));
        assert!(!is_hashed("/index.html"));
        assert!(!is_hashed("/packs/fake-loan/a.json"));
    }
}
