//! Campaigns end to end over HTTP, on a real server process: an organiser
//! creates a campaign of three classes, learners of two classes play rounds
//! (their round records built with the core's engine, as the app builds
//! them), the dashboard and its CSV count them, certificates are verified.

use super::common::{site, HttpResponse, Server, Site, HOST_KEY};
use super::redis_server::RedisServer;
use scamspot_core::campaign::{plan_campaign_round, score_percent, RoundSpec};
use scamspot_core::content::{load_index, load_scenario, SiteIndex, StepKind, ValidScenario};
use scamspot_core::engine::plan::RoundKind;
use scamspot_core::engine::report::RoundReport;
use scamspot_core::engine::{Action, Phase, Round, RoundRecord};
use serde_json::{json, Value};
use std::path::Path;
use std::rc::Rc;
use std::time::{SystemTime, UNIX_EPOCH};

/// The fixture site with a second scam, so a campaign round of three can be drawn.
pub fn campaign_site() -> Site {
    let site = site();
    let packs = site.join("packs");
    let scam = std::fs::read_to_string(packs.join("demo/scam.json")).unwrap();
    let second = scam.replacen("\"id\":\"demo-scam\"", "\"id\":\"demo-scam-2\"", 1);
    assert_ne!(scam, second, "the scam's id is renamed");
    std::fs::write(packs.join("demo/scam2.json"), second).unwrap();
    let mut index: Value = serde_json::from_str(&std::fs::read_to_string(packs.join("index.json")).unwrap()).unwrap();
    let mut pack = index["packs"][0].clone();
    (pack["id"], pack["file"]) = (json!("demo-scam-2"), json!("demo/scam2.json"));
    index["packs"].as_array_mut().unwrap().push(pack);
    std::fs::write(packs.join("index.json"), index.to_string()).unwrap();
    site
}

fn china_today() -> u32 {
    let seconds = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs();
    ((seconds + 8 * 3600) / 86_400) as u32
}

pub fn spec(deadline_day: u32) -> Value {
    json!({
        "name": "2026 新生反诈",
        "deadline_day": deadline_day,
        "pass_mark": 80,
        "round": { "length": 3, "min_genuine": 1, "types": [] },
        "classes": ["CS 1", "Law 2", "Art 3"],
        "require_student_number": true,
    })
}

/// A round as the app plays it: planned for `seed` like the app plans it,
/// then played well (refuse scams, use genuine offers) or badly.
pub struct Play {
    pub record: RoundRecord,
    /// The score the browser's result screen shows for it.
    pub score: u32,
}

fn load(site: &Path) -> (SiteIndex, impl Fn(&str) -> Rc<ValidScenario> + '_) {
    let packs = site.join("packs");
    let index = load_index("index.json", &std::fs::read_to_string(packs.join("index.json")).unwrap()).unwrap();
    let catalog = index.catalog.clone();
    let scenario = move |file: &str| {
        let text = std::fs::read_to_string(packs.join(file)).unwrap();
        Rc::new(load_scenario(file, &text, &catalog).unwrap())
    };
    (index, scenario)
}

pub fn play(site: &Path, token: &str, seed: u64, well: bool) -> Play {
    let (index, scenario) = load(site);
    let round_spec = RoundSpec { length: 3, min_genuine: 1, types: vec![] };
    let files = plan_campaign_round(&index, &round_spec, seed);
    let scenarios: Vec<Rc<ValidScenario>> = files.iter().map(|f| scenario(f)).collect();
    let mut round = Round::new(scenarios.clone(), seed);
    let mut log = Vec::new();
    while round.phase() != Phase::Summary {
        let (current, step) = (round.current(), round.step_index());
        let action = match round.phase() {
            Phase::RateBefore => Action::RateBefore(3),
            Phase::RateAfter => Action::RateAfter(4),
            Phase::Debrief => Action::NextScenario { scenario: current },
            Phase::Playing if !round.all_revealed() => Action::RevealAll { scenario: current, step },
            Phase::Playing if round.current_result().is_some() => Action::OpenDebrief { scenario: current },
            Phase::Playing => match round.scenario().steps[step].kind() {
                Some(StepKind::Spot(_)) => Action::SubmitSpot { scenario: current, step },
                Some(StepKind::Choices(choices)) => {
                    // In the fixtures a genuine offer's first choice uses it, a scam's last one refuses.
                    let right = if round.scenario().genuine { 0 } else { choices.len() - 1 };
                    let choice = if well { right } else { choices.len() - 1 - right };
                    Action::Choose { scenario: current, step, choice }
                }
                _ => unreachable!("an end step has its result"),
            },
            Phase::Waiting | Phase::Summary => unreachable!("every scenario is there and the round goes on"),
        };
        round = round.apply(&action).expect("the play fits");
        log.push(action);
    }
    let report = RoundReport::new(round.results(), None, None, 0.0, true, "http://x/", "s-1");
    let ids = scenarios.iter().map(|s| s.id.clone()).collect();
    let record = RoundRecord { ids, log, ..RoundRecord::new(RoundKind::Campaign(token.into()), None, files, seed) };
    Play { record, score: score_percent(report.score, report.max_score) }
}

pub fn post(server: &Server, path: &str, body: Value) -> (u16, Value) {
    let (status, text) = server.request("POST", path, &body.to_string());
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

pub fn get(server: &Server, path: &str) -> (u16, Value) {
    let (status, text) = server.request("GET", path, "");
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

/// An organiser's request, with the secret in its header.
pub fn as_organiser(server: &Server, method: &str, path: &str, key: &str) -> HttpResponse {
    server.request_with(method, path, &format!("X-ScamSpot-Key: {key}\r\n"), "")
}

pub fn submit(server: &Server, token: &str, id: &str, record: &RoundRecord) -> (u16, Value) {
    let record: Value = serde_json::from_str(&record.to_json()).unwrap();
    post(server, &format!("/api/classes/{token}/results"), json!({ "submission_id": id, "record": record }))
}

/// Creates the three-class campaign; its id, admin secret and class tokens.
pub fn create(server: &Server, deadline_day: u32) -> (String, String, Vec<String>) {
    let (status, created) = post(server, "/api/campaigns", json!({ "host_key": HOST_KEY, "spec": spec(deadline_day) }));
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_str().unwrap().to_string();
    let secret = created["admin_secret"].as_str().unwrap().to_string();
    let tokens = created["classes"].as_array().unwrap().iter().map(|c| c["token"].as_str().unwrap().into()).collect();
    (id, secret, tokens)
}

#[test]
fn a_campaign_is_played_by_two_classes_counted_and_its_certificates_verified() {
    let site = campaign_site();
    let server = Server::start(&site);
    let today = china_today();

    // Set-up: the host key guards creation; a bad spec names its field.
    let wrong = post(&server, "/api/campaigns", json!({ "host_key": "nope", "spec": spec(today + 30) }));
    assert_eq!(wrong.0, 403);
    let mut bad = spec(today + 30);
    bad["pass_mark"] = json!(101);
    let (status, problem) = post(&server, "/api/campaigns", json!({ "host_key": HOST_KEY, "spec": bad }));
    assert_eq!((status, problem["field"].as_str()), (422, Some("pass_mark")));
    let (status, created) = post(&server, "/api/campaigns", json!({ "host_key": HOST_KEY, "spec": spec(today + 30) }));
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_str().unwrap();
    let secret = created["admin_secret"].as_str().unwrap();
    assert!(id.starts_with('c') && id.len() == 11 && secret.len() == 32);
    let base = format!("http://{}", server.address);
    assert_eq!(created["admin_url"], format!("{base}/?campaign-admin={id}#key={secret}"));
    let classes = created["classes"].as_array().unwrap();
    assert_eq!(classes.len(), 3);
    let token = |at: usize| classes[at]["token"].as_str().unwrap().to_string();
    let (cs, law) = (token(0), token(1));
    assert_eq!(classes[0]["url"], format!("{base}/?campaign={cs}"));

    // The class link's information, for any origin.
    let info = server.request_with("GET", &format!("/api/classes/{cs}"), "Origin: https://campus.example\r\n", "");
    assert_eq!(info.status, 200);
    assert!(info.head.contains("access-control-allow-origin: *"), "{}", info.head);
    let info: Value = serde_json::from_str(&info.body).unwrap();
    assert_eq!(
        (info["class"].as_str(), info["pass_mark"].as_u64(), info["open"].as_bool()),
        (Some("CS 1"), Some(80), Some(true))
    );
    assert_eq!(info["round"], json!({ "length": 3, "min_genuine": 1, "types": [] }));
    let preflight = server.request_with(
        "OPTIONS",
        &format!("/api/classes/{cs}/results"),
        "Origin: https://campus.example\r\nAccess-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\n",
        "",
    );
    assert_eq!(preflight.status, 204);
    assert!(preflight.head.contains("access-control-allow-headers: content-type"), "{}", preflight.head);
    assert_eq!(get(&server, "/api/classes/zzzzzzzzzzzz").0, 404);
    // A `<scam-spot campaign=…>` on the campus site's origin loads the app's files (its script, wasm and packs) from here.
    let script = server.request_with("GET", "/packs/index.json", "Origin: https://campus.example\r\n", "");
    assert!(script.status == 200 && script.head.contains("access-control-allow-origin: *"), "{}", script.head);
    let qr = server.request_with("GET", &format!("/api/classes/{cs}/qr.svg"), "", "");
    assert!(qr.status == 200 && qr.body.contains("<svg"));

    // Starts: a repeated start id counts once.
    for (class, start) in [(&cs, "s1"), (&cs, "s1"), (&cs, "s2"), (&law, "s3")] {
        assert_eq!(post(&server, &format!("/api/classes/{class}/start"), json!({ "start_id": start })).0, 204);
    }

    // Rounds: CS 1 passes twice (the same student) and fails once; Law 2 passes once and fails once.
    let good = play(&site, &cs, 1, true);
    let (status, first) = submit(&server, &cs, "a1", &good.record);
    assert_eq!(status, 200, "{first}");
    assert_eq!((first["score"].as_u64(), first["passed"].as_bool()), (Some(u64::from(good.score)), Some(true)));
    assert_eq!(
        (first["scams"].as_u64(), first["scams_caught"].as_u64(), first["genuine_trusted"].as_u64()),
        (Some(2), Some(2), Some(1))
    );
    let code = first["certificate"]["code"].as_str().unwrap().to_string();
    // The card's QR image: drawn for a well-formed code, refused for anything else.
    let card_qr = server.request_with("GET", &format!("/api/certificates/{code}/qr.svg"), "", "");
    assert!(card_qr.status == 200 && card_qr.body.contains("<svg"), "{}", card_qr.head);
    assert_eq!(server.request_with("GET", "/api/certificates/not-a-code/qr.svg", "", "").status, 404);
    assert_eq!(first["certificate"]["day"].as_u64(), Some(u64::from(today)));
    assert_eq!(
        submit(&server, &cs, "a1", &good.record),
        (200, first.clone()),
        "a repeat is answered the same, counted once"
    );
    let retake = submit(&server, &cs, "a2", &play(&site, &cs, 2, true).record).1;
    let retake_code = retake["certificate"]["code"].as_str().unwrap().to_string();
    let failed = play(&site, &cs, 3, false);
    let (status, answer) = submit(&server, &cs, "a3", &failed.record);
    assert_eq!(
        (status, answer["score"].as_u64(), answer["passed"].as_bool()),
        (200, Some(u64::from(failed.score)), Some(false))
    );
    assert_eq!(answer["certificate"], Value::Null);
    let law_pass = submit(&server, &law, "b1", &play(&site, &law, 4, true).record).1;
    let law_code = law_pass["certificate"]["code"].as_str().unwrap().to_string();
    // A score forged into the record is not read: the server replays the log.
    let mut forged: Value = serde_json::from_str(&play(&site, &law, 5, false).record.to_json()).unwrap();
    forged["score"] = json!(100);
    forged["passed"] = json!(true);
    let (status, answer) =
        post(&server, &format!("/api/classes/{law}/results"), json!({ "submission_id": "b2", "record": forged }));
    assert_eq!(
        (status, answer["passed"].as_bool(), answer["score"].as_u64()),
        (200, Some(false), Some(u64::from(failed.score)))
    );
    // Not the campaign's round, or not a round at all.
    let mut reordered = play(&site, &law, 6, true).record;
    reordered.files.reverse();
    reordered.ids.reverse();
    let (status, problem) = submit(&server, &law, "b3", &reordered);
    assert_eq!((status, problem["field"].as_str()), (422, Some("record")), "{problem}");
    let junk =
        post(&server, &format!("/api/classes/{law}/results"), json!({ "submission_id": "b4", "record": {"x": 1} }));
    assert_eq!(junk.0, 422);
    let huge = json!({ "submission_id": "b6", "record": { "log": vec!["n0"; 4000] } });
    assert_eq!(post(&server, &format!("/api/classes/{law}/results"), huge).0, 413, "16 KiB at most");
    let extra = post(
        &server,
        &format!("/api/classes/{law}/results"),
        json!({ "submission_id": "b5", "record": {}, "score": 100 }),
    );
    assert_eq!(extra.0, 422, "unknown fields are refused");

    // Student numbers: stored once, hashed; the retake is by the same student.
    let set = |code: &str, number: &str| {
        post(&server, &format!("/api/certificates/{code}/student"), json!({ "student_number": number }))
    };
    assert_eq!(set(&code, "2026CS-0042").0, 204);
    assert_eq!(set(&code, "2026CS-0042").0, 409);
    assert_eq!(set(&retake_code, " 2026cs-0042").0, 204);
    assert_eq!(
        set(&retake_code.replace('-', "").to_lowercase().chars().rev().collect::<String>(), "2026CS-0042").0,
        404
    );
    let db = std::fs::read(site.join("lecture.sqlite3")).unwrap_or_default();
    let wal = std::fs::read(site.join("lecture.sqlite3-wal")).unwrap_or_default();
    for file in [db, wal] {
        assert!(!String::from_utf8_lossy(&file).contains("2026CS-0042"), "no student number in the clear");
    }

    // The dashboard: the organiser's secret only; retakes of one student counted once.
    assert_eq!(
        as_organiser(&server, "GET", &format!("/api/campaigns/{id}/dashboard"), "0".repeat(32).as_str()).status,
        403
    );
    let response = as_organiser(&server, "GET", &format!("/api/campaigns/{id}/dashboard"), secret);
    assert_eq!(response.status, 200);
    let dashboard: Value = serde_json::from_str(&response.body).unwrap();
    let figures = |f: &Value| [&f["started"], &f["completed"], &f["passed"]].map(|v| v.as_u64().unwrap());
    assert_eq!(figures(&dashboard["classes"][0]), [2, 2, 1], "CS 1: a1 and a2 by one student, a3 failed");
    assert_eq!(figures(&dashboard["classes"][1]), [1, 2, 1]);
    assert_eq!(figures(&dashboard["classes"][2]), [0, 0, 0]);
    assert_eq!(figures(&dashboard["overall"]), [3, 4, 2]);
    assert_eq!(dashboard["overall"]["pass_rate"], json!(0.5));
    assert_eq!(dashboard["overall"]["per_day"], json!([[today, 5]]), "five rounds completed today");
    let csv = as_organiser(&server, "GET", &format!("/api/campaigns/{id}/dashboard.csv"), secret);
    assert!(csv.head.contains("content-type: text/csv"), "{}", csv.head);
    let rows: Vec<&str> = csv.body.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(rows.len(), 5);
    assert!(rows[1].starts_with("\"CS 1\",2,2,1,0.500,"), "{}", rows[1]);
    assert!(rows[2].starts_with("\"Law 2\",1,2,1,0.500,"), "{}", rows[2]);
    assert_eq!(rows[3], "\"Art 3\",0,0,0,,,,\"\"");
    assert!(rows[4].starts_with("\"all\",3,4,2,0.500,"), "{}", rows[4]);
    assert!(!csv.body.contains(&code) && !csv.body.contains("2026"), "no codes, no numbers");

    // Verification: a valid code with its number, another number, none; an altered and a guessed code.
    let verify = |code: &str, number: Option<&str>| {
        let mut body = json!({ "code": code });
        if let Some(number) = number {
            body["student_number"] = json!(number);
        }
        post(&server, "/api/verify", body)
    };
    let (status, valid) = verify(&code.to_lowercase().replace('-', " "), Some("2026cs-0042"));
    assert_eq!(status, 200);
    assert_eq!(valid["valid"], true);
    assert_eq!((valid["campaign"].as_str(), valid["class"].as_str()), (Some("2026 新生反诈"), Some("CS 1")));
    assert_eq!((valid["score"].as_u64(), valid["day"].as_u64()), (Some(u64::from(good.score)), Some(u64::from(today))));
    assert_eq!(valid["student_number"], "matches");
    assert_eq!(verify(&code, Some("2026CS-0043")).1["student_number"], "differs");
    assert_eq!(verify(&law_code, None).1["student_number"], "missing");
    let altered: String = code
        .chars()
        .enumerate()
        .map(|(at, c)| {
            if at == 17 {
                if c == 'Z' {
                    'Y'
                } else {
                    'Z'
                }
            } else {
                c
            }
        })
        .collect();
    assert_eq!(verify(&altered, None).1, json!({ "valid": false }));
    assert_eq!(verify("7K2M-9Q4X-1B7C-3D5E", None).1, json!({ "valid": false }));
    // Guessing is rate-limited per address.
    let tries: Vec<HttpResponse> = (0..12)
        .map(|_| server.request_with("POST", "/api/verify", "Content-Type: application/json\r\n", "{\"code\":\"x\"}"))
        .collect();
    let refused = tries.iter().find(|r| r.status == 429).expect("refused after ten a minute");
    assert!(refused.head.contains("retry-after:"), "{}", refused.head);

    // The organiser's secret rotates: the old one stops working.
    let rotated = as_organiser(&server, "POST", &format!("/api/campaigns/{id}/rotate"), secret);
    assert_eq!(rotated.status, 200);
    let new_secret =
        serde_json::from_str::<Value>(&rotated.body).unwrap()["admin_secret"].as_str().unwrap().to_string();
    assert_eq!(as_organiser(&server, "GET", &format!("/api/campaigns/{id}"), secret).status, 403);
    let campaign = as_organiser(&server, "GET", &format!("/api/campaigns/{id}"), &new_secret);
    assert_eq!(campaign.status, 200);
    let campaign: Value = serde_json::from_str(&campaign.body).unwrap();
    assert_eq!(campaign["spec"]["classes"], json!(["CS 1", "Law 2", "Art 3"]));
    assert_eq!(campaign["classes"][1]["qr"], format!("/api/classes/{law}/qr.svg"));
}

#[test]
fn after_the_deadline_a_class_is_closed_and_starts_and_results_are_refused() {
    let site = campaign_site();
    let server = Server::start(&site);
    let (_, _, tokens) = create(&server, china_today() - 1);
    assert_eq!(get(&server, &format!("/api/classes/{}", tokens[0])).1["open"], false);
    let start = post(&server, &format!("/api/classes/{}/start", tokens[0]), json!({ "start_id": "late" }));
    assert_eq!(start, (409, json!({ "error": "closed" })));
    let (status, answer) = submit(&server, &tokens[0], "late", &play(&site, &tokens[0], 1, true).record);
    assert_eq!((status, answer), (409, json!({ "error": "closed" })));
}

#[test]
fn results_and_certificates_survive_a_restart() {
    let site = campaign_site();
    let server = Server::start(&site);
    let (_, _, tokens) = create(&server, china_today() + 1);
    let record = play(&site, &tokens[0], 9, true).record;
    let first = submit(&server, &tokens[0], "r1", &record).1;
    server.kill();
    let server = Server::start(&site);
    assert_eq!(submit(&server, &tokens[0], "r1", &record).1, first, "the stored answer, not a second result");
    let code = first["certificate"]["code"].as_str().unwrap();
    assert_eq!(post(&server, "/api/verify", json!({ "code": code })).1["valid"], true, "the same signing key");
}

#[test]
fn with_redis_two_instances_share_campaigns_results_certificates_and_the_organisers_key() {
    let Some(redis) = RedisServer::start() else { return };
    let site = campaign_site();
    let a = Server::start_with(&site, &["--redis", &redis.url()]);
    let b = Server::start_with(&site, &["--redis", &redis.url()]);
    let (id, secret, tokens) = create(&a, china_today() + 7);
    assert_eq!(get(&b, &format!("/api/classes/{}", tokens[1])).1["class"], "Law 2");
    assert_eq!(post(&b, &format!("/api/classes/{}/start", tokens[0]), json!({ "start_id": "s" })).0, 204);
    let record = play(&site, &tokens[0], 1, true).record;
    let first = submit(&a, &tokens[0], "x1", &record).1;
    assert_eq!(submit(&b, &tokens[0], "x1", &record).1, first, "a repeat on the other instance counts once");
    submit(&b, &tokens[1], "y1", &play(&site, &tokens[1], 2, false).record);
    let code = first["certificate"]["code"].as_str().unwrap();
    let student = json!({ "student_number": "20260001" });
    assert_eq!(post(&b, &format!("/api/certificates/{code}/student"), student.clone()).0, 204);
    assert_eq!(post(&a, &format!("/api/certificates/{code}/student"), student).0, 409);
    let verified = post(&a, "/api/verify", json!({ "code": code, "student_number": "20260001" })).1;
    assert_eq!((verified["valid"].as_bool(), verified["student_number"].as_str()), (Some(true), Some("matches")));

    let dashboard = as_organiser(&b, "GET", &format!("/api/campaigns/{id}/dashboard"), &secret);
    let dashboard: Value = serde_json::from_str(&dashboard.body).unwrap();
    let overall = &dashboard["overall"];
    assert_eq!([&overall["started"], &overall["completed"], &overall["passed"]], [&json!(1), &json!(2), &json!(1)]);
    let rotated = as_organiser(&a, "POST", &format!("/api/campaigns/{id}/rotate"), &secret);
    let new_secret =
        serde_json::from_str::<Value>(&rotated.body).unwrap()["admin_secret"].as_str().unwrap().to_string();
    assert_eq!(as_organiser(&b, "GET", &format!("/api/campaigns/{id}/dashboard"), &secret).status, 403);
    assert_eq!(as_organiser(&b, "GET", &format!("/api/campaigns/{id}/dashboard.csv"), &new_secret).status, 200);
}
