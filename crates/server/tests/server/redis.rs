//! Several server instances on one Redis (`--redis`): real processes, a real
//! redis-server (see `redis_server`), real WebSocket clients.

use super::common::{site, Client, Endpoint, Server, Site, DECIDE, HOST_KEY};
use super::nginx_server::Nginx;
use super::redis_server::RedisServer;
use serde_json::json;
use std::path::Path;
use std::time::Duration;

fn instance(site: &Path, redis: &RedisServer) -> Server {
    Server::start_with(site, &["--redis", &redis.url()])
}

/// Two instances on a fresh Redis, a room opened on the first, its presenter there.
struct Hall {
    redis: RedisServer,
    site: Site,
    a: Server,
    b: Server,
    code: String,
    secret: String,
    presenter: Client,
}

impl Hall {
    /// `None` where redis-server is not installed (outside CI).
    async fn open() -> Option<Hall> {
        let redis = RedisServer::start()?;
        let site = site();
        let (a, b) = (instance(&site, &redis), instance(&site, &redis));
        let (code, secret) = a.create_room();
        let mut presenter = a.connect(&code).await;
        presenter.present(&secret).await;
        Some(Hall { redis, site, a, b, code, secret, presenter })
    }
}

/// `count` phones joined through `server`, with their tokens.
async fn phones(server: &Endpoint, code: &str, count: usize) -> Vec<(Client, String)> {
    let mut phones = Vec::new();
    for _ in 0..count {
        let mut phone = server.connect(code).await;
        let token = phone.join(None).await;
        phones.push((phone, token));
    }
    phones
}

#[tokio::test]
async fn a_presenter_on_one_instance_counts_the_answers_given_on_another() {
    // Every part bound: what a pattern leaves out is dropped at once (Redis stopped, the site deleted).
    let Some(Hall { redis: _redis, site: _site, a, b, code, secret: _, mut presenter }) = Hall::open().await else {
        return;
    };
    let mut phones = phones(&a, &code, 2).await;
    phones.extend(self::phones(&b, &code, 4).await);
    presenter.expect("presenter", |m| m["view"]["players"] == 6).await;

    presenter.open_voting_at_decide().await;
    for (i, (phone, _)) in phones.iter_mut().enumerate() {
        phone.voting_at(DECIDE).await;
        phone.answer(&format!("x{i}"), DECIDE, i % 2).await;
    }
    presenter.expect("presenter", |m| m["view"]["answered"] == 6).await;
    let revealed = presenter.command(json!("close-and-reveal"), "revealed").await;
    assert_eq!(revealed["view"]["distribution"], json!([3, 3]));
    let (phone_on_b, _) = &mut phones[5];
    phone_on_b.expect("player", |m| m["view"]["phase"] == "revealed").await;
}

#[tokio::test]
async fn an_instance_killed_mid_room_loses_no_answer_and_its_phones_go_on_on_another() {
    let Some(Hall { redis: _redis, site: _site, a, b, code, secret: _, mut presenter }) = Hall::open().await else {
        return;
    };
    let mut phones = phones(&b, &code, 4).await;
    presenter.open_voting_at_decide().await;
    for (i, (phone, _)) in phones.iter_mut().enumerate() {
        phone.voting_at(DECIDE).await;
        phone.answer(&format!("k{i}"), DECIDE, usize::from(i == 0)).await;
    }
    b.kill();

    for (i, (_, token)) in phones.iter().enumerate() {
        let mut phone = a.connect(&code).await;
        assert_eq!(phone.join(Some(token)).await, *token);
        let view = phone.expect("player", |_| true).await;
        assert_eq!(view["view"]["my_pick"], json!({ "choice": usize::from(i == 0) }), "phone {i} finds its answer");
    }
    let revealed = presenter.command(json!("close-and-reveal"), "revealed").await;
    assert_eq!(revealed["view"]["distribution"], json!([3, 1]), "every answer given on the killed instance");
    assert_eq!(revealed["view"]["players"], 4);
}

#[tokio::test]
async fn while_redis_is_down_answers_are_refused_and_the_presenter_told_and_its_restart_loses_nothing() {
    let Some(Hall { mut redis, site, a, b, code, secret, mut presenter }) = Hall::open().await else { return };
    let mut phones = phones(&b, &code, 2).await;
    presenter.open_voting_at_decide().await;
    for (phone, _) in &mut phones {
        phone.voting_at(DECIDE).await;
    }
    phones[0].0.answer("before", DECIDE, 1).await;

    redis.kill();
    let refused = phones[1].0.try_answer("during", DECIDE, 0).await;
    assert_eq!((refused["type"].as_str(), refused["reason"].as_str()), (Some("refused"), Some("storage")));
    presenter.expect("trouble", |m| m["storage_down"] == true).await;
    let body = json!({ "host_key": HOST_KEY, "scenarios": ["demo-scam"], "lang": "zh-CN" }).to_string();
    assert_eq!(a.request("POST", "/api/rooms", &body).0, 503, "no room opens while Redis is down");

    redis.restart();
    presenter.expect("trouble", |m| m["storage_down"] == false).await;
    // The phone resends what was refused, as the page does, until it is acknowledged.
    let mut resent = 0;
    while phones[1].0.try_answer("during", DECIDE, 0).await["type"] != "ack" {
        resent += 1;
        assert!(resent < 20, "the instance did not recover");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    presenter.expect("presenter", |m| m["view"]["answered"] == 2).await;

    // A fresh instance reads the room from Redis alone: the answer acknowledged before the crash is there.
    let c = instance(&site, &redis);
    let mut again = c.connect(&code).await;
    again.present(&secret).await;
    let revealed = again.command(json!("close-and-reveal"), "revealed").await;
    assert_eq!(revealed["view"]["distribution"], json!([1, 1]));
}

#[tokio::test]
async fn behind_nginx_the_phones_of_a_killed_instance_reconnect_to_the_other_and_keep_their_answers() {
    let Some(redis) = RedisServer::start() else { return };
    let site = site();
    let (a, b) = (instance(&site, &redis), instance(&site, &redis));
    let Some(nginx) = Nginx::start(&site, [&a.address, &b.address]) else { return };
    let front = &nginx.endpoint;
    let page = front.request_with("GET", "/", "", "");
    assert!(page.status == 200 && page.body.contains("ScamSpot"), "the site through nginx: {}", page.status);
    assert!(page.head.contains("cache-control: no-cache"), "{}", page.head);

    // nginx takes turns: the presenter and the phones land on both instances.
    let (code, secret) = front.create_room();
    let mut presenter = front.connect(&code).await;
    presenter.present(&secret).await;
    let mut phones = phones(front, &code, 6).await;
    presenter.open_voting_at_decide().await;
    for (i, (phone, _)) in phones.iter_mut().enumerate() {
        phone.voting_at(DECIDE).await;
        phone.answer(&format!("n{i}"), DECIDE, i % 2).await;
    }
    b.kill();

    let mut cut_off = 0;
    for (phone, _) in &mut phones {
        cut_off += usize::from(phone.is_closed_within(Duration::from_millis(500)).await);
    }
    assert!(cut_off > 0, "some phones were on the killed instance");
    for (i, (_, token)) in phones.iter().enumerate() {
        let mut phone = front.connect(&code).await;
        assert_eq!(phone.join(Some(token)).await, *token);
        let view = phone.expect("player", |_| true).await;
        assert_eq!(view["view"]["my_pick"], json!({ "choice": i % 2 }), "phone {i} through nginx finds its answer");
    }
    let mut presenter = front.connect(&code).await;
    presenter.present(&secret).await;
    let revealed = presenter.command(json!("close-and-reveal"), "revealed").await;
    assert_eq!(revealed["view"]["distribution"], json!([3, 3]));
    assert_eq!(revealed["view"]["players"], 6);
}

#[test]
fn the_readme_shows_the_deploy_files_as_they_are() {
    let readme = include_str!("../../../../README.md");
    for file in [include_str!("../../deploy/nginx.conf"), include_str!("../../deploy/scamspot-server.service")] {
        assert!(readme.contains(file), "README's Province scale section differs from:\n{file}");
    }
}
