//! A lecture room end to end: a real server process, real WebSocket clients.

use super::common::{site, Server, DECIDE, HASHED_SCRIPT, HOST_KEY};
use serde_json::json;

#[tokio::test]
async fn answers_count_once_can_change_and_come_back_after_a_reconnect() {
    let site = site();
    let server = Server::start(&site);
    let (code, secret) = server.create_room();
    let mut presenter = server.connect(&code).await;
    presenter.present(&secret).await;
    let mut phone = server.connect(&code).await;
    let token = phone.join(None).await;
    presenter.open_voting_at_decide().await;
    phone.expect("player", |m| m["view"]["phase"] == "voting").await;

    phone.answer("c1", DECIDE, 0).await;
    phone.answer("c1", DECIDE, 0).await;
    phone.answer("c2", DECIDE, 1).await;
    presenter.expect("presenter", |m| m["view"]["answered"] == 1).await;
    let revealed = presenter.command(json!("close-and-reveal"), "revealed").await;
    assert_eq!(revealed["view"]["distribution"], json!([0, 1]), "the duplicate counted once, the change kept");

    // After a voting close, an answer is refused, not acknowledged.
    let at = json!({ "scenario": 0, "step": DECIDE });
    phone.send(json!({ "type": "answer", "client_id": "c3", "at": at, "pick": { "choice": 0 } })).await;
    let refused = phone.expect("refused", |_| true).await;
    assert_eq!((refused["client_id"].as_str(), refused["reason"].as_str()), (Some("c3"), Some("wrong-phase")));

    drop(phone);
    let mut again = server.connect(&code).await;
    assert_eq!(again.join(Some(&token)).await, token);
    let view = again.expect("player", |_| true).await;
    assert_eq!(view["view"]["phase"], "revealed");
    assert_eq!(view["view"]["my_pick"], json!({ "choice": 1 }));
}

#[tokio::test]
async fn garbage_floods_and_oversized_messages_close_only_their_own_connection() {
    let site = site();
    let server = Server::start(&site);
    let (code, secret) = server.create_room();
    let mut presenter = server.connect(&code).await;
    presenter.present(&secret).await;
    let mut good = server.connect(&code).await;
    good.join(None).await;
    presenter.open_voting_at_decide().await;

    let mut garbage = server.connect(&code).await;
    garbage.send_text("{\"type\":\"answer\",\"oops\"".into()).await;
    assert!(garbage.is_closed_by_server().await, "garbage closes the connection");

    let mut unknown_field = server.connect(&code).await;
    unknown_field.send(json!({ "type": "join", "token": null, "nickname": "", "role": "presenter" })).await;
    assert!(unknown_field.is_closed_by_server().await, "an unknown field closes the connection");

    let mut oversized = server.connect(&code).await;
    oversized.join(None).await;
    oversized.send(json!({ "type": "join", "token": null, "nickname": "x".repeat(2048) })).await;
    assert!(oversized.is_closed_by_server().await, "a message over 1 KiB closes the connection");

    let mut flood = server.connect(&code).await;
    flood.join(None).await;
    for _ in 0..100 {
        flood.send(json!({ "type": "snapshot" })).await;
    }
    assert!(flood.is_closed_by_server().await, "a flood closes the connection");

    let mut phone_commands = server.connect(&code).await;
    phone_commands.join(None).await;
    phone_commands.send(json!({ "type": "command", "command": "end" })).await;
    assert!(phone_commands.is_closed_by_server().await, "a phone may not drive the room");

    good.answer("g1", DECIDE, 0).await;
    presenter.expect("presenter", |m| m["view"]["answered"] == 1).await;
}

#[tokio::test]
async fn a_wrong_secret_a_foreign_origin_and_a_wrong_host_key_are_refused_and_the_qr_code_and_room_check_are_served() {
    let site = site();
    let server = Server::start(&site);
    let (code, secret) = server.create_room();

    let mut impostor = server.connect(&code).await;
    impostor.send(json!({ "type": "present", "secret": secret.replace(|_| true, "0") })).await;
    let refused = impostor.expect("refused", |_| true).await;
    assert_eq!(refused["reason"], "wrong-secret");
    assert!(impostor.is_closed_by_server().await);

    assert!(server.try_connect(&code, Some("https://evil.example")).await.is_err(), "foreign origin");
    assert!(server.try_connect(&code, None).await.is_err(), "no origin");
    assert!(server.try_connect("000000x", Some(&format!("http://{}", server.address))).await.is_err(), "no such room");

    let (status, svg) = server.request("GET", &format!("/api/rooms/{code}/qr.svg"), "");
    assert!(status == 200 && svg.contains("<svg"), "the join QR code: {status}");
    assert_eq!(server.request("GET", "/api/rooms/999999x/qr.svg", "").0, 404);
    // What a phone asks before it connects: is there such a room?
    assert_eq!(server.request("GET", &format!("/api/rooms/{code}"), "").0, 200);
    let unknown_code = if code == "000000" { "000001" } else { "000000" };
    assert_eq!(server.request("GET", &format!("/api/rooms/{unknown_code}"), "").0, 404);

    let body = json!({ "host_key": "guess", "scenarios": ["demo-scam"], "lang": "zh-CN" }).to_string();
    assert_eq!(server.request("POST", "/api/rooms", &body).0, 403);
    let unknown = json!({ "host_key": HOST_KEY, "scenarios": ["nope"], "lang": "zh-CN" }).to_string();
    assert_eq!(server.request("POST", "/api/rooms", &unknown).0, 400);
}

#[tokio::test]
async fn a_server_killed_mid_room_comes_back_with_every_answer() {
    let site = site();
    let server = Server::start(&site);
    let (code, secret) = server.create_room();
    let mut presenter = server.connect(&code).await;
    presenter.present(&secret).await;
    let mut phones = Vec::new();
    for _ in 0..5 {
        let mut phone = server.connect(&code).await;
        let token = phone.join(None).await;
        phones.push((phone, token));
    }
    presenter.open_voting_at_decide().await;
    for (i, (phone, _)) in phones.iter_mut().enumerate() {
        phone.answer(&format!("a{i}"), DECIDE, i % 2).await;
    }
    let tokens: Vec<String> = phones.into_iter().map(|(_, token)| token).collect();
    server.kill();

    let server = Server::start(&site);
    let mut presenter = server.connect(&code).await;
    presenter.present(&secret).await;
    let revealed = presenter.command(json!("close-and-reveal"), "revealed").await;
    assert_eq!(revealed["view"]["distribution"], json!([3, 2]), "every acknowledged answer survived");
    assert_eq!(revealed["view"]["players"], 5);

    let mut phone = server.connect(&code).await;
    phone.join(Some(&tokens[1])).await;
    let view = phone.expect("player", |_| true).await;
    assert_eq!(view["view"]["my_pick"], json!({ "choice": 1 }), "a phone finds its answer after the restart");
}

#[tokio::test]
async fn the_site_is_served_precompressed_with_long_cache_only_for_hashed_names() {
    let site = site();
    let server = Server::start(&site);
    let page = server.request_with("GET", "/", "Accept-Encoding: gzip\r\n", "");
    assert!(page.status == 200 && page.body.contains("ScamSpot"));
    assert!(page.head.contains("cache-control: no-cache"), "{}", page.head);
    let script = server.request_with("GET", &format!("/{HASHED_SCRIPT}"), "Accept-Encoding: br, gzip\r\n", "");
    assert_eq!(script.body, "gzip bytes stand-in", "the precompressed copy");
    assert!(script.head.contains("content-encoding: gzip"), "{}", script.head);
    assert!(script.head.contains("max-age=31536000, immutable"), "{}", script.head);
    let plain = server.request_with("GET", &format!("/{HASHED_SCRIPT}"), "", "");
    assert_eq!(plain.body, "console.log('plain')");
}
