//! The campaign routes: thin handlers that parse, ask `Campaigns`, and
//! answer — an answer goes out only once what it reports is stored.
//! The learner-facing routes (`/api/classes/…`, certificates, verify) answer
//! any origin (CORS `*`, no credentials): an embedded `<scam-spot>` runs on
//! the campus site's own origin.

use crate::campaign_store::{CampaignRow, ClassRow};
use crate::campaigns::{CreateError, StudentError, SubmitError};
use crate::http::AppState;
use crate::qr;
use crate::secret::same;
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
use scamspot_core::campaign::CampaignSpec;
use serde::Deserialize;
use serde_json::{json, Value};
use std::net::SocketAddr;
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

fn error(status: StatusCode, code: &str) -> Response {
    (status, Json(json!({ "error": code }))).into_response()
}

fn storage(message: String) -> Response {
    eprintln!("scamspot-server: campaign storage: {message}");
    error(StatusCode::SERVICE_UNAVAILABLE, "storage")
}

fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, "not-found")
}

fn too_many(seconds: &'static str) -> Response {
    let mut response = error(StatusCode::TOO_MANY_REQUESTS, "rate-limited");
    response.headers_mut().insert(RETRY_AFTER, HeaderValue::from_static(seconds));
    response
}

fn invalid(field: &str, message: &str) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, Json(json!({ "field": field, "message": message }))).into_response()
}

/// A JSON body of type `T`, or the 422 that says what is wrong with it.
fn body<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T, Response> {
    serde_json::from_slice(bytes).map_err(|e| invalid("body", &e.to_string()))
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

async fn create(State(state): Shared, headers: HeaderMap, raw: axum::body::Bytes) -> Response {
    let request: Create = match body(&raw) {
        Ok(request) => request,
        Err(response) => return response,
    };
    if !same(&request.host_key, &state.host_key) {
        return error(StatusCode::FORBIDDEN, "wrong-host-key");
    }
    let (row, classes, secret) = match state.campaigns.create(request.spec).await {
        Ok(created) => created,
        Err(CreateError::Spec(e)) => return invalid(e.field, &e.message),
        Err(CreateError::Storage(message)) => return storage(message),
    };
    let base = state.base_url(&headers);
    let classes: Vec<Value> = classes.iter().map(|class| class_json(&base, class)).collect();
    let answer = json!({
        "id": row.id,
        "admin_secret": secret,
        "admin_url": admin_url(&base, &row.id, &secret),
        "classes": classes,
    });
    (StatusCode::CREATED, Json(answer)).into_response()
}

/// Campaign `id` for the organiser whose secret is in the key header; else the 403 (or 503).
async fn organiser(state: &AppState, headers: &HeaderMap, id: &str) -> Result<CampaignRow, Response> {
    let key = headers.get(KEY_HEADER).and_then(|k| k.to_str().ok()).unwrap_or_default();
    match state.campaigns.campaign_for(id, key).await {
        Ok(Some(campaign)) => Ok(campaign),
        Ok(None) => Err(error(StatusCode::FORBIDDEN, "wrong-key")),
        Err(message) => Err(storage(message)),
    }
}

async fn campaign(State(state): Shared, headers: HeaderMap, UrlPath(id): UrlPath<String>) -> Response {
    let campaign = match organiser(&state, &headers, &id).await {
        Ok(campaign) => campaign,
        Err(response) => return response,
    };
    let classes = match state.campaigns.store.classes(&campaign.id).await {
        Ok(classes) => classes,
        Err(message) => return storage(message),
    };
    let base = state.base_url(&headers);
    let classes: Vec<Value> = classes.iter().map(|class| class_json(&base, class)).collect();
    Json(json!({ "id": campaign.id, "spec": campaign.spec, "classes": classes, "created_day": campaign.created_day }))
        .into_response()
}

async fn rotate(State(state): Shared, headers: HeaderMap, UrlPath(id): UrlPath<String>) -> Response {
    let campaign = match organiser(&state, &headers, &id).await {
        Ok(campaign) => campaign,
        Err(response) => return response,
    };
    match state.campaigns.rotate(&campaign).await {
        Ok(secret) => {
            let url = admin_url(&state.base_url(&headers), &campaign.id, &secret);
            Json(json!({ "admin_secret": secret, "admin_url": url })).into_response()
        }
        Err(message) => storage(message),
    }
}

async fn dashboard(State(state): Shared, headers: HeaderMap, UrlPath(id): UrlPath<String>) -> Response {
    let campaign = match organiser(&state, &headers, &id).await {
        Ok(campaign) => campaign,
        Err(response) => return response,
    };
    match state.campaigns.dashboard(&campaign).await {
        Ok(figures) => Json(json!({
            "campaign": campaign.spec.name,
            "pass_mark": campaign.spec.pass_mark,
            "deadline_day": campaign.spec.deadline_day,
            "classes": figures.classes,
            "overall": figures.overall,
        }))
        .into_response(),
        Err(message) => storage(message),
    }
}

async fn dashboard_csv(State(state): Shared, headers: HeaderMap, UrlPath(id): UrlPath<String>) -> Response {
    let campaign = match organiser(&state, &headers, &id).await {
        Ok(campaign) => campaign,
        Err(response) => return response,
    };
    match state.campaigns.dashboard(&campaign).await {
        // A byte-order mark: Excel then reads the Chinese class names as UTF-8.
        Ok(figures) => (
            [
                (CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (CONTENT_DISPOSITION, format!("attachment; filename=\"{}.csv\"", campaign.id)),
                (CACHE_CONTROL, "no-store".to_string()),
            ],
            format!("\u{feff}{}", figures.to_csv()),
        )
            .into_response(),
        Err(message) => storage(message),
    }
}

/// Class `token` and its campaign, or the 404 (or 503).
async fn class_of(state: &AppState, token: &str) -> Result<(ClassRow, CampaignRow), Response> {
    match state.campaigns.class(token).await {
        Ok(Some(found)) => Ok(found),
        Ok(None) => Err(not_found()),
        Err(message) => Err(storage(message)),
    }
}

async fn class_info(State(state): Shared, UrlPath(token): UrlPath<String>) -> Response {
    let (class, campaign) = match class_of(&state, &token).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let spec = &campaign.spec;
    Json(json!({
        "campaign": spec.name,
        "class": class.name,
        "pass_mark": spec.pass_mark,
        "deadline_day": spec.deadline_day,
        "open": spec.is_open(crate::campaigns::today()),
        "round": spec.round,
        "require_student_number": spec.require_student_number,
    }))
    .into_response()
}

async fn class_qr(State(state): Shared, headers: HeaderMap, UrlPath(token): UrlPath<String>) -> Response {
    if let Err(response) = class_of(&state, &token).await {
        return response;
    }
    match qr::svg(&class_url(&state.base_url(&headers), &token)) {
        Some(svg) => ([(CONTENT_TYPE, "image/svg+xml")], svg).into_response(),
        None => not_found(),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Start {
    start_id: String,
}

async fn start(State(state): Shared, UrlPath(token): UrlPath<String>, raw: axum::body::Bytes) -> Response {
    let request: Start = match body(&raw) {
        Ok(request) => request,
        Err(response) => return response,
    };
    if !crate::campaigns::is_client_id(&request.start_id) {
        return invalid("start_id", "1 to 64 letters, digits, '-' or '_'");
    }
    let (class, _) = match class_of(&state, &token).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    if !state.campaigns.admit_class(&class.token) {
        return too_many("1");
    }
    match state.campaigns.store.start(&class.token, &request.start_id, crate::campaigns::today()).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(message) => storage(message),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Submission {
    submission_id: String,
    record: Value,
}

async fn results(State(state): Shared, UrlPath(token): UrlPath<String>, raw: axum::body::Bytes) -> Response {
    let request: Submission = match body(&raw) {
        Ok(request) => request,
        Err(response) => return response,
    };
    if !crate::campaigns::is_client_id(&request.submission_id) {
        return invalid("submission_id", "1 to 64 letters, digits, '-' or '_'");
    }
    let (class, campaign) = match class_of(&state, &token).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    if !state.campaigns.admit_class(&class.token) {
        return too_many("1");
    }
    match state.campaigns.submit(&class, &campaign, &request.submission_id, &request.record).await {
        Ok(answer) => Json(answer).into_response(),
        Err(SubmitError::Closed) => error(StatusCode::CONFLICT, "closed"),
        Err(SubmitError::Invalid(why)) => invalid("record", why),
        Err(SubmitError::Storage(message)) => storage(message),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StudentNumber {
    student_number: String,
}

async fn student(
    State(state): Shared,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    UrlPath(code): UrlPath<String>,
    raw: axum::body::Bytes,
) -> Response {
    let request: StudentNumber = match body(&raw) {
        Ok(request) => request,
        Err(response) => return response,
    };
    if !state.campaigns.admit_address(peer.ip()) {
        return too_many("6");
    }
    match state.campaigns.set_student(&code, &request.student_number).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(StudentError::Unknown) => not_found(),
        Err(StudentError::NotRequired) => error(StatusCode::CONFLICT, "not-required"),
        Err(StudentError::AlreadySet) => error(StatusCode::CONFLICT, "already-set"),
        Err(StudentError::NotANumber) => invalid("student_number", "4 to 20 letters, digits or '-'"),
        Err(StudentError::Storage(message)) => storage(message),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Verify {
    code: String,
    #[serde(default)]
    student_number: Option<String>,
}

async fn verify(State(state): Shared, ConnectInfo(peer): ConnectInfo<SocketAddr>, raw: axum::body::Bytes) -> Response {
    let request: Verify = match body(&raw) {
        Ok(request) => request,
        Err(response) => return response,
    };
    if !state.campaigns.admit_address(peer.ip()) {
        return too_many("6");
    }
    let number = request.student_number.as_deref().filter(|n| !n.trim().is_empty());
    match state.campaigns.verify(&request.code, number).await {
        Ok(Some(v)) => Json(json!({
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
        }))
        .into_response(),
        Ok(None) => Json(json!({ "valid": false })).into_response(),
        Err(message) => storage(message),
    }
}
