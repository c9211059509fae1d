//! A real server process on a loopback port, over a small site built from
//! the core's fixture packs, and real WebSocket clients.

use futures_util::{SinkExt, StreamExt};
use scamspot_core::content::{load_catalog, load_scenario, PackSummary, SiteIndex};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::net::TcpStream as AsyncTcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

pub const HOST_KEY: &str = "test-host-key";
/// A file named as Trunk names its output, with a precompressed copy beside it.
pub const HASHED_SCRIPT: &str = "scamspot-0123456789abcdef.js";
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../core/tests/fixtures");
/// The scam fixture's first fork ("decide": pay or refuse), after its spot step.
pub const DECIDE: usize = 1;
/// How long a test waits for one expected message.
const PATIENCE: Duration = Duration::from_secs(5);

/// A test's own folder: the site and the database, removed when the test ends.
pub struct Site(PathBuf);

impl std::ops::Deref for Site {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        // Best effort: a leftover folder in the temp dir harms nothing.
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A fresh folder with `packs/` compiled from the fixture packs, and room for the database.
pub fn site() -> Site {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "scamspot-server-test-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("packs/demo")).unwrap();
    let read = |name: &str| std::fs::read_to_string(Path::new(FIXTURES).join(name)).unwrap();
    let catalog = load_catalog("catalog.toml", &read("catalog.toml")).unwrap();
    let mut packs = Vec::new();
    for (toml, json) in [("scam.toml", "demo/scam.json"), ("genuine.toml", "demo/real.json")] {
        let scenario = load_scenario(toml, &read(toml), &catalog).unwrap();
        std::fs::write(dir.join("packs").join(json), serde_json::to_string(&scenario).unwrap()).unwrap();
        packs.push(PackSummary::of(&scenario, json.into()));
    }
    let index = SiteIndex { catalog, packs, broken: vec![], only_language: None };
    std::fs::write(dir.join("packs/index.json"), serde_json::to_string(&index).unwrap()).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>ScamSpot</title>").unwrap();
    std::fs::write(dir.join(HASHED_SCRIPT), "console.log('plain')").unwrap();
    std::fs::write(dir.join(format!("{HASHED_SCRIPT}.gz")), "gzip bytes stand-in").unwrap();
    Site(dir)
}

pub struct HttpResponse {
    pub status: u16,
    /// The status line and headers, lowercased.
    pub head: String,
    pub body: String,
}

/// A server process; its HTTP and WebSocket side through [`Endpoint`].
pub struct Server {
    child: Child,
    endpoint: Endpoint,
}

/// Where clients reach a server: the server itself, or a load balancer in front of several.
pub struct Endpoint {
    pub address: String,
}

impl std::ops::Deref for Server {
    type Target = Endpoint;

    fn deref(&self) -> &Endpoint {
        &self.endpoint
    }
}

impl Server {
    /// Starts the server on `site` (its database inside it) and waits until it listens.
    pub fn start(site: &Path) -> Server {
        Self::start_with(site, &[])
    }

    /// Starts the server on `site` with `extra` arguments and waits until it listens.
    pub fn start_with(site: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_scamspot-server"))
            .args(["--bind", "127.0.0.1:0", "--dist"])
            .arg(site)
            .arg("--db")
            .arg(site.join("lecture.sqlite3"))
            .args(extra)
            .env("SCAMSPOT_HOST_KEY", HOST_KEY)
            .stdout(Stdio::piped())
            .spawn()
            .expect("the server starts");
        let mut first_line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut first_line).unwrap();
        let address = first_line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split(',').next())
            .unwrap_or_else(|| panic!("no address in {first_line:?}"))
            .to_string();
        Server { child, endpoint: Endpoint { address } }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Ends the process at once, as a crash or a pulled plug would.
    pub fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Endpoint {
    /// A plain HTTP/1.1 request; returns the status code and the body.
    pub fn request(&self, method: &str, path: &str, body: &str) -> (u16, String) {
        let response = self.request_with(method, path, "Content-Type: application/json\r\n", body);
        (response.status, response.body)
    }

    /// A plain HTTP/1.1 request with `headers` (each ending in CRLF).
    pub fn request_with(&self, method: &str, path: &str, headers: &str, body: &str) -> HttpResponse {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        let host = &self.address;
        let length = body.len();
        write!(stream, "{method} {path} HTTP/1.1\r\nHost: {host}\r\n{headers}Content-Length: {length}\r\nConnection: close\r\n\r\n{body}")
            .unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let response = String::from_utf8_lossy(&response);
        let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
        let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        HttpResponse { status, head: head.to_ascii_lowercase(), body: body.to_string() }
    }

    /// Opens a room on both fixture scenarios; returns its code and secret.
    pub fn create_room(&self) -> (String, String) {
        let body = json!({ "host_key": HOST_KEY, "scenarios": ["demo-scam", "demo-real"], "lang": "zh-CN" });
        let (status, body) = self.request("POST", "/api/rooms", &body.to_string());
        assert_eq!(status, 200, "{body}");
        let created: Value = serde_json::from_str(&body).unwrap();
        let join_url = created["join_url"].as_str().unwrap();
        assert_eq!(join_url, format!("http://{}/?room={}", self.address, created["code"].as_str().unwrap()));
        (created["code"].as_str().unwrap().into(), created["secret"].as_str().unwrap().into())
    }

    pub async fn connect(&self, code: &str) -> Client {
        Self::connect_to(&self.address, code).await
    }

    /// A phone's socket to the server at `address`, for tasks that do not hold the server.
    pub async fn connect_to(address: &str, code: &str) -> Client {
        let origin = format!("http://{address}");
        Self::open(address, code, Some(&origin)).await.expect("the socket opens")
    }

    pub async fn try_connect(&self, code: &str, origin: Option<&str>) -> Result<Client, String> {
        Self::open(&self.address, code, origin).await
    }

    async fn open(address: &str, code: &str, origin: Option<&str>) -> Result<Client, String> {
        let mut request = format!("ws://{address}/ws?room={code}").into_client_request().unwrap();
        if let Some(origin) = origin {
            request.headers_mut().insert("Origin", origin.parse().unwrap());
        }
        let (socket, _) = tokio_tungstenite::connect_async(request).await.map_err(|e| e.to_string())?;
        Ok(Client { socket })
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct Client {
    socket: WebSocketStream<MaybeTlsStream<AsyncTcpStream>>,
}

impl Client {
    pub async fn send(&mut self, message: Value) {
        self.send_text(message.to_string()).await;
    }

    pub async fn send_text(&mut self, text: String) {
        // A closed socket shows in what is received next.
        let _ = self.socket.send(Message::Text(text.into())).await;
    }

    /// The next message from the server.
    pub async fn next(&mut self) -> Value {
        self.next_or_end().await.expect("the socket ended")
    }

    /// The next message from the server, or `None` once the socket has ended.
    pub async fn next_or_end(&mut self) -> Option<Value> {
        let wait = async {
            loop {
                match self.socket.next().await {
                    Some(Ok(Message::Text(text))) => return Some(serde_json::from_str(&text).unwrap()),
                    Some(Ok(Message::Close(_)) | Err(_)) | None => return None,
                    Some(Ok(_)) => {}
                }
            }
        };
        tokio::time::timeout(PATIENCE, wait).await.expect("a message in time")
    }

    /// The next message of type `kind` that `wanted` accepts, skipping others.
    pub async fn expect(&mut self, kind: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        let wait = async {
            loop {
                let message = self.next().await;
                if message["type"] == kind && wanted(&message) {
                    return message;
                }
            }
        };
        tokio::time::timeout(4 * PATIENCE, wait).await.unwrap_or_else(|_| panic!("no {kind} message in time"))
    }

    /// Whether the server closes this connection (soon).
    pub async fn is_closed_by_server(&mut self) -> bool {
        self.is_closed_within(PATIENCE).await
    }

    /// Whether the connection is closed, or closes within `wait`.
    pub async fn is_closed_within(&mut self, wait: Duration) -> bool {
        let closed = async {
            loop {
                match self.socket.next().await {
                    Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return true,
                    Some(Ok(_)) => {}
                }
            }
        };
        tokio::time::timeout(wait, closed).await.unwrap_or(false)
    }

    /// Joins as a phone (again, with `token`); returns the token.
    pub async fn join(&mut self, token: Option<&str>) -> String {
        self.send(json!({ "type": "join", "token": token, "nickname": "" })).await;
        let welcome = self.expect("welcome", |_| true).await;
        welcome["token"].as_str().unwrap().to_string()
    }

    pub async fn present(&mut self, secret: &str) {
        self.send(json!({ "type": "present", "secret": secret })).await;
        self.expect("presenter", |_| true).await;
    }

    /// Sends a presenter command and waits for the view that shows `phase`.
    pub async fn command(&mut self, command: Value, phase: &str) -> Value {
        self.send(json!({ "type": "command", "command": command })).await;
        self.expect("presenter", |m| m["view"]["phase"] == phase).await
    }

    /// As the presenter: from the lobby past the spot step to voting at [`DECIDE`].
    pub async fn open_voting_at_decide(&mut self) {
        self.command(json!("next"), "shown").await;
        self.command(json!("open-voting"), "voting").await;
        self.command(json!("close-and-reveal"), "revealed").await;
        self.command(json!("next"), "shown").await;
        self.command(json!("open-voting"), "voting").await;
    }

    pub async fn answer(&mut self, client_id: &str, step: usize, choice: usize) -> Value {
        let reply = self.try_answer(client_id, step, choice).await;
        assert_eq!(reply["type"], "ack", "{reply}");
        reply
    }

    /// Sends an answer; the server's reply to it, an ack or a refusal.
    pub async fn try_answer(&mut self, client_id: &str, step: usize, choice: usize) -> Value {
        self.answer_or_end(client_id, step, choice).await.expect("the socket ended")
    }

    /// Sends an answer; the server's reply to it, or `None` if the socket ended first.
    pub async fn answer_or_end(&mut self, client_id: &str, step: usize, choice: usize) -> Option<Value> {
        let at = json!({ "scenario": 0, "step": step });
        self.send(json!({ "type": "answer", "client_id": client_id, "at": at, "pick": { "choice": choice } })).await;
        loop {
            let message = self.next_or_end().await?;
            if matches!(message["type"].as_str(), Some("ack" | "refused")) && message["client_id"] == client_id {
                return Some(message);
            }
        }
    }

    /// As a phone: waits for voting at `step`.
    pub async fn voting_at(&mut self, step: usize) {
        self.expect("player", |m| m["view"]["phase"] == "voting" && m["view"]["at"]["step"] == step).await;
    }
}

/// A loopback port nothing listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Whether Debian's `binary` is installed (it answers `flag`). Where it is
/// not, the test says so and is skipped, except in CI (`CI=true`), where
/// that fails: scripts/setup.sh installs it.
pub fn installed(binary: &str, flag: &str) -> bool {
    if Command::new(binary).arg(flag).stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok() {
        return true;
    }
    assert!(std::env::var("CI").as_deref() != Ok("true"), "{binary} is not installed (scripts/setup.sh installs it)");
    eprintln!("SKIPPED: {binary} is not installed; scripts/setup.sh installs it");
    false
}

/// An empty folder of this test process's own for a server on `port`.
pub fn scratch_dir(what: &str, port: u16) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("scamspot-{what}-{}-{port}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
