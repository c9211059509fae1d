//! The campaign routes: thin handlers that parse, ask `Campaigns`, and
//! answer — an answer goes out only once what it reports is stored.
//! The learner-facing routes (`/api/classes/…`, certificates, verify) answer
//! any origin (CORS `*`, no credentials): an embedded `<scam-spot>` runs on
//! the campus site's own origin.

use crate::campaign_store::{CampaignRow, ClassRow};
use crate::campaigns::today;
use crate::campaigns::{CreateError, StudentError, SubmitError};
use crate::http::AppState;
use crate::qr;
use crate::secret::same;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path as UrlPath, Request, State};
use axum::http::header::{
    ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_MAX_AGE,
    CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE, RETRY_AFTER,
};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use scamspot_core::campaign::certificate::CertificateCode;
use scamspot_core::campaign::CampaignSpec;
use serde::Deserialize;
use serde_json::{json, Value};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

/// The largest campaign request: a round record of twelve scenarios fits several times.
const MAX_BODY: usize = 16 * 1024;
/// The organiser's secret travels in this header, never in a URL.
const KEY_HEADER: &str = "x-scamspot-key";

type Shared = State<Arc<AppState>>;

pub fn routes() -> Router<Arc<AppState>> {
    let learner = Router::new()
        .route("/api/classes/{token}", get(class_info))
        .route("/api/classes/{token}/qr.svg", get(class_qr))
        .route("/api/classes/{token}/start", post(start))
        .route("/api/classes/{token}/results", post(results))
        .route("/api/certificates/{code}/qr.svg", get(certificate_qr))
        .route("/api/certificates/{code}/student", post(student))
        .route("/api/verify", post(verify))
        .layer(middleware::from_fn(cors));
    Router::new()
        .route("/api/campaigns", post(create))
        .route("/api/campaigns/{id}", get(campaign))
        .route("/api/campaigns/{id}/rotate", post(rotate))
        .route("/api/campaigns/{id}/dashboard", get(dashboard))
        .route("/api/campaigns/{id}/dashboard.csv", get(dashboard_csv))
        .merge(learner)
        .layer(DefaultBodyLimit::max(MAX_BODY))
}

/// Any origin may call, without credentials; a JSON POST's preflight is answered here.
async fn cors(request: Request, next: Next) -> Response {
    let mut response = if request.method() == Method::OPTIONS {
        let mut preflight = StatusCode::NO_CONTENT.into_response();
        let headers = preflight.headers_mut();
        headers.insert(ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("GET, POST"));
        headers.insert(ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static("content-type"));
        headers.insert(ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("86400"));
        preflight
    } else {
        next.run(request).await
    };
    response.headers_mut().insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    response
}

/// Why a request gets no answer: small, so handlers can use `?`.
enum Refused {
    Status(StatusCode, &'static str),
    /// 422: what is wrong with which field.
    Invalid(&'static str, String),
    /// 429, with the seconds to wait.
    TooMany(&'static str),
    Storage(String),
}

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        match self {
            Refused::Status(status, code) => (status, Json(json!({ "error": code }))).into_response(),
            Refused::Invalid(field, message) => {
                (StatusCode::UNPROCESSABLE_ENTITY, Json(json!({ "field": field, "message": message }))).into_response()
            }
            Refused::TooMany(seconds) => {
                let mut response = Refused::Status(StatusCode::TOO_MANY_REQUESTS, "rate-limited").into_response();
                response.headers_mut().insert(RETRY_AFTER, HeaderValue::from_static(seconds));
                response
            }
            Refused::Storage(message) => {
                eprintln!("scamspot-server: campaign storage: {message}");
                Refused::Status(StatusCode::SERVICE_UNAVAILABLE, "storage").into_response()
            }
        }
    }
}

type Answer = Result<Response, Refused>;

const NOT_FOUND: Refused = Refused::Status(StatusCode::NOT_FOUND, "not-found");

/// Who is asking, for the per-address limit: the peer, or, when the peer is a
/// proxy on this machine or one named by `--proxy` (nginx in front, `proxy_set_header
/// X-Real-IP $remote_addr`), the address it names. Any other peer cannot claim one:
/// without this a whole campus behind nginx would share one address's limit.
fn client_ip(peer: SocketAddr, headers: &HeaderMap, proxies: &[IpAddr]) -> IpAddr {
    let named = || headers.get("x-real-ip")?.to_str().ok()?.trim().parse().ok();
    if peer.ip().is_loopback() || proxies.contains(&peer.ip()) {
        named().unwrap_or(peer.ip())
    } else {
        peer.ip()
    }
}

/// A JSON body of type `T`, or the 422 that says what is wrong with it.
fn body<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T, Refused> {
    serde_json::from_slice(bytes).map_err(|e| Refused::Invalid("body", e.to_string()))
}

fn client_id(text: &str, field: &'static str) -> Result<(), Refused> {
    if crate::campaigns::is_client_id(text) {
        Ok(())
    } else {
        Err(Refused::Invalid(field, "1 to 64 letters, digits, '-' or '_'".into()))
    }
}

fn class_url(base: &str, token: &str) -> String {
    format!("{base}/?campaign={token}")
}

fn admin_url(base: &str, id: &str, secret: &str) -> String {
    format!("{base}/?campaign-admin={id}#key={secret}")
}

fn class_json(base: &str, class: &ClassRow) -> Value {
    json!({
        "name": class.name,
        "token": class.token,
        "url": class_url(base, &class.token),
        "qr": format!("/api/classes/{}/qr.svg", class.token),
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Create {
    host_key: String,
    spec: CampaignSpec,
}

async fn create(State(state): Shared, headers: HeaderMap, raw: Bytes) -> Answer {
    let request: Create = body(&raw)?;
    if !same(&request.host_key, &state.host_key) {
        return Err(Refused::Status(StatusCode::FORBIDDEN, "wrong-host-key"));
    }
    let (row, classes, secret) = state.campaigns.create(request.spec).await.map_err(|e| match e {
        CreateError::Spec(e) => Refused::Invalid(e.field, e.message),
        CreateError::Storage(message) => Refused::Storage(message),
    })?;
    let base = state.base_url(&headers);
    let classes: Vec<Value> = classes.iter().map(|class| class_json(&base, class)).collect();
    let answer = json!({
        "id": row.id,
        "admin_secret": secret,
        "admin_url": admin_url(&base, &row.id, &secret),
        "classes": classes,
    });
    Ok((StatusCode::CREATED, Json(answer)).into_response())
}

/// Campaign `id` for the organiser whose secret is in the key header; else the 403.
async fn organiser(state: &AppState, headers: &HeaderMap, id: &str) -> Result<CampaignRow, Refused> {
    let key = headers.get(KEY_HEADER).and_then(|k| k.to_str().ok()).unwrap_or_default();
    let campaign = state.campaigns.campaign_for(id, key).await.map_err(Refused::Storage)?;
    campaign.ok_or(Refused::Status(StatusCode::FORBIDDEN, "wrong-key"))
}

async fn campaign(State(state): Shared, headers: HeaderMap, UrlPath(id): UrlPath<String>) -> Answer {
    let campaign = organiser(&state, &headers, &id).await?;
    let classes = state.campaigns.store.classes(&campaign.id).await.map_err(Refused::Storage)?;
    let base = state.base_url(&headers);
    let classes: Vec<Value> = classes.iter().map(|class| class_json(&base, class)).collect();
    let answer =
        json!({ "id": campaign.id, "spec": campaign.spec, "classes": classes, "created_day": campaign.created_day });
    Ok(Json(answer).into_response())
}

async fn rotate(State(state): Shared, headers: HeaderMap, UrlPath(id): UrlPath<String>) -> Answer {
    let campaign = organiser(&state, &headers, &id).await?;
    let secret = state.campaigns.rotate(&campaign).await.map_err(Refused::Storage)?;
    let url = admin_url(&state.base_url(&headers), &campaign.id, &secret);
    Ok(Json(json!({ "admin_secret": secret, "admin_url": url })).into_response())
}

async fn dashboard(State(state): Shared, headers: HeaderMap, UrlPath(id): UrlPath<String>) -> Answer {
    let campaign = organiser(&state, &headers, &id).await?;
    let figures = state.campaigns.dashboard(&campaign).await.map_err(Refused::Storage)?;
    let answer = json!({
        "campaign": campaign.spec.name,
        "pass_mark": campaign.spec.pass_mark,
        "deadline_day": campaign.spec.deadline_day,
        "classes": figures.classes,
        "overall": figures.overall,
    });
    Ok(Json(answer).into_response())
}

async fn dashboard_csv(State(state): Shared, headers: HeaderMap, UrlPath(id): UrlPath<String>) -> Answer {
    let campaign = organiser(&state, &headers, &id).await?;
    let figures = state.campaigns.dashboard(&campaign).await.map_err(Refused::Storage)?;
    let headers = [
        (CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
        (CONTENT_DISPOSITION, format!("attachment; filename=\"{}.csv\"", campaign.id)),
        (CACHE_CONTROL, "no-store".to_string()),
    ];
    // A byte-order mark: Excel then reads the Chinese class names as UTF-8.
    Ok((headers, format!("\u{feff}{}", figures.to_csv())).into_response())
}

/// Class `token` and its campaign, or the 404.
async fn class_of(state: &AppState, token: &str) -> Result<(ClassRow, CampaignRow), Refused> {
    state.campaigns.class(token).await.map_err(Refused::Storage)?.ok_or(NOT_FOUND)
}

async fn class_info(State(state): Shared, UrlPath(token): UrlPath<String>) -> Answer {
    let (class, campaign) = class_of(&state, &token).await?;
    let spec = &campaign.spec;
    let answer = json!({
        "campaign": spec.name,
        "class": class.name,
        "pass_mark": spec.pass_mark,
        "deadline_day": spec.deadline_day,
        "open": spec.is_open(today()),
        "round": spec.round,
        "require_student_number": spec.require_student_number,
    });
    Ok(Json(answer).into_response())
}

async fn class_qr(State(state): Shared, headers: HeaderMap, UrlPath(token): UrlPath<String>) -> Answer {
    class_of(&state, &token).await?;
    let svg = qr::svg(&class_url(&state.base_url(&headers), &token)).ok_or(NOT_FOUND)?;
    Ok(([(CONTENT_TYPE, "image/svg+xml")], svg).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Start {
    start_id: String,
}

async fn start(State(state): Shared, UrlPath(token): UrlPath<String>, raw: Bytes) -> Answer {
    let request: Start = body(&raw)?;
    client_id(&request.start_id, "start_id")?;
    let (class, campaign) = class_of(&state, &token).await?;
    // Like a result: a round begun on a page left open past the deadline is not counted.
    if !campaign.spec.is_open(today()) {
        return Err(Refused::Status(StatusCode::CONFLICT, "closed"));
    }
    if !state.campaigns.admit_class(&class.token) {
        return Err(Refused::TooMany("1"));
    }
    state.campaigns.store.start(&class.token, &request.start_id, today()).await.map_err(Refused::Storage)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Submission {
    submission_id: String,
    record: Value,
}

async fn results(State(state): Shared, UrlPath(token): UrlPath<String>, raw: Bytes) -> Answer {
    let request: Submission = body(&raw)?;
    client_id(&request.submission_id, "submission_id")?;
    let (class, campaign) = class_of(&state, &token).await?;
    if !state.campaigns.admit_class(&class.token) {
        return Err(Refused::TooMany("1"));
    }
    let answer = state.campaigns.submit(&class, &campaign, &request.submission_id, &request.record).await.map_err(
        |e| match e {
            SubmitError::Closed => Refused::Status(StatusCode::CONFLICT, "closed"),
            SubmitError::Invalid(why) => Refused::Invalid("record", why.into()),
            SubmitError::Storage(message) => Refused::Storage(message),
        },
    )?;
    Ok(Json(answer).into_response())
}

/// The certificate card's QR code: the verify page with the code filled in.
/// Drawn for any well-formed code without looking it up, so this unlimited
/// image route tells a guesser nothing the rate-limited verify route would not.
async fn certificate_qr(State(state): Shared, headers: HeaderMap, UrlPath(code): UrlPath<String>) -> Answer {
    let code = CertificateCode::parse(&code).ok_or(NOT_FOUND)?;
    let svg = qr::svg(&format!("{}/?verify={code}", state.base_url(&headers))).ok_or(NOT_FOUND)?;
    Ok(([(CONTENT_TYPE, "image/svg+xml")], svg).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StudentNumber {
    student_number: String,
}

async fn student(
    State(state): Shared,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    UrlPath(code): UrlPath<String>,
    raw: Bytes,
) -> Answer {
    let request: StudentNumber = body(&raw)?;
    if !state.campaigns.admit_address(client_ip(peer, &headers, &state.proxies)) {
        return Err(Refused::TooMany("6"));
    }
    state.campaigns.set_student(&code, &request.student_number).await.map_err(|e| match e {
        StudentError::Unknown => NOT_FOUND,
        StudentError::NotRequired => Refused::Status(StatusCode::CONFLICT, "not-required"),
        StudentError::AlreadySet => Refused::Status(StatusCode::CONFLICT, "already-set"),
        StudentError::NotANumber => Refused::Invalid("student_number", "4 to 20 letters, digits or '-'".into()),
        StudentError::Storage(message) => Refused::Storage(message),
    })?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Verify {
    code: String,
    #[serde(default)]
    student_number: Option<String>,
}

async fn verify(
    State(state): Shared,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    raw: Bytes,
) -> Answer {
    let request: Verify = body(&raw)?;
    if !state.campaigns.admit_address(client_ip(peer, &headers, &state.proxies)) {
        return Err(Refused::TooMany("6"));
    }
    let number = request.student_number.as_deref().filter(|n| !n.trim().is_empty());
    let verified = state.campaigns.verify(&request.code, number).await.map_err(Refused::Storage)?;
    let answer = match verified {
        Some(v) => json!({
            "valid": true,
            "campaign": v.campaign,
            "class": v.class,
            "day": v.certificate.day,
            "score": v.certificate.score,
            "scams_caught": v.certificate.scams_caught,
            "scams": v.certificate.scams,
            "genuine_trusted": v.certificate.genuine_trusted,
            "genuine": v.certificate.genuine,
            "student_number": v.student_number,
        }),
        None => json!({ "valid": false }),
    };
    Ok(Json(answer).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_local_or_named_proxy_may_name_the_client_address() {
        let mut headers = HeaderMap::new();
        headers.insert("x-real-ip", HeaderValue::from_static("203.0.113.7"));
        let local: SocketAddr = "127.0.0.1:5000".parse().unwrap();
        let remote: SocketAddr = "198.51.100.2:5000".parse().unwrap();
        let named: IpAddr = "203.0.113.7".parse().unwrap();
        assert_eq!(client_ip(local, &headers, &[]), named);
        assert_eq!(client_ip(remote, &headers, &[]), remote.ip());
        assert_eq!(client_ip(remote, &headers, &[remote.ip()]), named);
        assert_eq!(client_ip(local, &HeaderMap::new(), &[]), local.ip());
    }
}
