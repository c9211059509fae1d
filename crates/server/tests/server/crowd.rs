//! A small crowd, the size CI can afford: 200 phones join one room, all
//! answer a fork, and the presenter's count reaches every one of them.
//! Loopback only, bounded in count and time. The full load test (2,000
//! phones, reconnect storms) is a benchmark, not part of `cargo test`.

use super::common::{site, Server, DECIDE};
use serde_json::json;
use std::time::{Duration, Instant};

const PHONES: usize = 200;

#[tokio::test]
async fn two_hundred_phones_answer_and_none_is_lost() {
    let site = site();
    let server = Server::start(&site);
    let (code, secret) = server.create_room();
    let mut presenter = server.connect(&code).await;
    presenter.present(&secret).await;

    let started = Instant::now();
    let mut phones = Vec::with_capacity(PHONES);
    for _ in 0..PHONES {
        let mut phone = server.connect(&code).await;
        phone.join(None).await;
        phones.push(phone);
    }
    let joining = started.elapsed();
    presenter.expect("presenter", |m| m["view"]["players"] == PHONES).await;

    presenter.open_voting_at_decide().await;

    let answering = Instant::now();
    let tasks: Vec<_> = phones
        .into_iter()
        .enumerate()
        .map(|(i, mut phone)| {
            tokio::spawn(async move {
                let sent = Instant::now();
                phone.answer(&format!("a{i}"), DECIDE, i % 2).await;
                (sent.elapsed(), phone)
            })
        })
        .collect();
    let mut latencies = Vec::with_capacity(PHONES);
    let mut phones = Vec::with_capacity(PHONES);
    for task in tasks {
        let (latency, phone) = task.await.expect("a phone's task");
        latencies.push(latency);
        phones.push(phone);
    }
    presenter.expect("presenter", |m| m["view"]["answered"] == PHONES).await;
    let counted = answering.elapsed();
    let revealed = presenter.command(json!("close-and-reveal"), "revealed").await;
    assert_eq!(revealed["view"]["distribution"], json!([PHONES / 2, PHONES / 2]), "no answer lost");

    latencies.sort();
    let percentile = |p: usize| latencies[(latencies.len() * p / 100).min(latencies.len() - 1)];
    println!(
        "{PHONES} phones: joined in {joining:?}; answer→ack p50 {:?} p99 {:?}; all counted by the presenter after {counted:?}",
        percentile(50),
        percentile(99)
    );
    assert!(counted < Duration::from_secs(10), "the crowd's answers took {counted:?}");
    drop(phones);
}
