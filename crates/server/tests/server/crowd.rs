//! A crowd in the hall: phones join within a window, every phone answers a
//! fork, then every phone drops and rejoins (a reconnect storm). Measured:
//! join time, answer→presenter count, answers lost, server memory per
//! connection and CPU. Loopback only, bounded in count and time.
//!
//! CI runs 200 phones (`two_hundred_phones_lose_nothing`). The benchmark,
//! with release builds (the clients share the server's two cores):
//!   cargo test --release -p scamspot-server --test server -- --ignored --nocapture --test-threads=1

use super::common::{site, Client, Endpoint, Server, DECIDE};
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use tokio::task::JoinHandle;

struct Crowd {
    rooms: usize,
    phones_per_room: usize,
    /// Phones start joining evenly spread over this window, as a hall does.
    join_window: Duration,
    /// Answers spread over this window; zero: every phone at the same instant.
    answer_window: Duration,
    storm_window: Duration,
}

/// A phone of the crowd: its room, token, connection and the choice it gave.
struct Phone {
    room: usize,
    token: String,
    client: Client,
    choice: usize,
}

/// When a presenter's count of answers changed, and to what.
type Counts = Vec<(Instant, usize)>;

#[derive(Default)]
struct Figures {
    joins: Vec<Duration>,
    answer_to_presenter: Vec<Duration>,
    lost: usize,
    storm_lost: usize,
    storm: Duration,
    rss_per_phone_kib: Option<u64>,
    cpu_seconds: Option<f64>,
}

pub(super) fn percentile(sorted: &[Duration], p: usize) -> Duration {
    sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

/// Resident memory of process `pid` in KiB (Linux).
fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// User + system CPU seconds of process `pid` so far (Linux, 100 ticks a second).
fn cpu_seconds(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after_name = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}

/// Spreads `count` tasks evenly over `window`; task `i` runs `start(i)` at its moment.
pub(super) fn spread<T: Send + 'static, F>(
    count: usize,
    window: Duration,
    mut start: impl FnMut(usize) -> F,
) -> Vec<JoinHandle<T>>
where
    F: std::future::Future<Output = T> + Send + 'static,
{
    let begin = tokio::time::Instant::now();
    (0..count)
        .map(|i| {
            let at = begin + window.mul_f64(i as f64 / count as f64);
            let task = start(i);
            tokio::spawn(async move {
                tokio::time::sleep_until(at).await;
                task.await
            })
        })
        .collect()
}

async fn run(server: &Server, crowd: &Crowd) -> Figures {
    let mut figures = Figures::default();
    let address = server.address.clone();
    let mut rooms = Vec::new();
    for _ in 0..crowd.rooms {
        let (code, secret) = server.create_room();
        let mut presenter = server.connect(&code).await;
        presenter.present(&secret).await;
        rooms.push((code, presenter));
    }
    let codes: Vec<String> = rooms.iter().map(|(code, _)| code.clone()).collect();
    let total = crowd.rooms * crowd.phones_per_room;
    let rss_before = rss_kib(server.pid());
    let cpu_before = cpu_seconds(server.pid());
    let started = Instant::now();

    let joining = spread(total, crowd.join_window, |i| {
        let (address, code, room) = (address.clone(), codes[i % codes.len()].clone(), i % codes.len());
        async move {
            let begun = Instant::now();
            let mut client = Endpoint::connect_to(&address, &code).await;
            let token = client.join(None).await;
            (begun.elapsed(), Phone { room, token, client, choice: i % 2 })
        }
    });
    let mut phones = Vec::with_capacity(total);
    for task in joining {
        let (took, phone) = task.await.expect("a joining phone");
        figures.joins.push(took);
        phones.push(phone);
    }
    figures.rss_per_phone_kib =
        rss_before.zip(rss_kib(server.pid())).map(|(before, after)| after.saturating_sub(before) / total as u64);

    for (_, presenter) in &mut rooms {
        presenter.open_voting_at_decide().await;
    }
    let watchers = watch_counts(rooms.into_iter().map(|(_, presenter)| presenter), crowd.phones_per_room);
    let mut waiting: Vec<Option<Phone>> = phones.into_iter().map(Some).collect();
    let answering = spread(waiting.len(), crowd.answer_window, |i| {
        let mut phone = waiting[i].take().expect("each phone answers once");
        async move {
            let sent = Instant::now();
            phone.client.answer(&format!("a{i}"), DECIDE, phone.choice).await;
            (sent, phone)
        }
    });
    let mut sent_by_room = vec![Vec::new(); crowd.rooms];
    let mut phones = Vec::with_capacity(total);
    for task in answering {
        let (sent, phone) = task.await.expect("an answering phone");
        sent_by_room[phone.room].push(sent);
        phones.push(phone);
    }
    let mut presenters = answer_to_presenter(watchers, sent_by_room, &mut figures.answer_to_presenter).await;
    let distributions = reveal(&mut presenters).await;
    figures.lost = total - distributions.iter().flatten().sum::<usize>();

    // The storm: every phone drops and rejoins with its token, and finds its answer.
    let storm = Instant::now();
    let tokens: Vec<(usize, String, usize)> = phones.into_iter().map(|p| (p.room, p.token, p.choice)).collect();
    let rejoining = spread(tokens.len(), crowd.storm_window, |i| {
        let (address, (room, token, choice)) = (address.clone(), tokens[i].clone());
        let code = codes[room].clone();
        async move {
            let mut client = Endpoint::connect_to(&address, &code).await;
            client.join(Some(&token)).await;
            let view = client.expect("player", |_| true).await;
            view["view"]["my_pick"] == json!({ "choice": choice })
        }
    });
    for task in rejoining {
        if !task.await.expect("a rejoining phone") {
            figures.storm_lost += 1;
        }
    }
    figures.storm = storm.elapsed();
    figures.cpu_seconds = cpu_before.zip(cpu_seconds(server.pid())).map(|(before, after)| after - before);
    let after_storm = snapshot_distributions(&mut presenters).await;
    assert_eq!(after_storm, distributions, "the storm changed no answer");
    println!("crowd of {total} in {} room(s) took {:?}", crowd.rooms, started.elapsed());
    figures
}

/// Each presenter notes when its count went up while the phones answer, until it shows `expected`.
pub(super) fn watch_counts(
    presenters: impl Iterator<Item = Client>,
    expected: usize,
) -> Vec<JoinHandle<(Client, Counts)>> {
    presenters
        .map(|mut presenter| {
            tokio::spawn(async move {
                let mut counts = Vec::new();
                while counts.last().is_none_or(|(_, n)| *n < expected) {
                    let view = presenter.expect("presenter", |_| true).await;
                    counts.push((Instant::now(), view["view"]["answered"].as_u64().unwrap_or(0) as usize));
                }
                (presenter, counts)
            })
        })
        .collect()
}

/// Adds to `latencies` how long each answer took to show on its presenter; the presenters.
pub(super) async fn answer_to_presenter(
    watchers: Vec<JoinHandle<(Client, Counts)>>,
    mut sent_by_room: Vec<Vec<Instant>>,
    latencies: &mut Vec<Duration>,
) -> Vec<Client> {
    let mut presenters = Vec::new();
    for (room, watcher) in watchers.into_iter().enumerate() {
        let (presenter, counts) = watcher.await.expect("a presenter");
        // The k-th answer sent is counted once the presenter shows k answers.
        sent_by_room[room].sort();
        for (k, sent) in sent_by_room[room].iter().enumerate() {
            if let Some((shown, _)) = counts.iter().find(|(_, n)| *n > k) {
                latencies.push(shown.saturating_duration_since(*sent));
            }
        }
        presenters.push(presenter);
    }
    presenters
}

pub(super) async fn reveal(presenters: &mut [Client]) -> Vec<Vec<usize>> {
    let mut distributions = Vec::new();
    for presenter in presenters {
        let view = presenter.command(json!("close-and-reveal"), "revealed").await;
        distributions.push(distribution(&view));
    }
    distributions
}

async fn snapshot_distributions(presenters: &mut [Client]) -> Vec<Vec<usize>> {
    let mut distributions = Vec::new();
    for presenter in presenters {
        presenter.send(json!({ "type": "snapshot" })).await;
        let view = presenter.expect("presenter", |m| m["view"]["distribution"].is_array()).await;
        distributions.push(distribution(&view));
    }
    distributions
}

fn distribution(view: &Value) -> Vec<usize> {
    let counts = view["view"]["distribution"].as_array().expect("a distribution after the reveal");
    counts.iter().map(|n| n.as_u64().unwrap_or(0) as usize).collect()
}

fn report(name: &str, mut figures: Figures) -> Figures {
    figures.joins.sort();
    figures.answer_to_presenter.sort();
    println!(
        "{name}: join p50 {:?} p99 {:?}; answer→presenter p50 {:?} p99 {:?}; lost {}; \
         storm {:?}, lost {}; server memory per phone {} KiB; server CPU {:.1} s",
        percentile(&figures.joins, 50),
        percentile(&figures.joins, 99),
        percentile(&figures.answer_to_presenter, 50),
        percentile(&figures.answer_to_presenter, 99),
        figures.lost,
        figures.storm,
        figures.storm_lost,
        figures.rss_per_phone_kib.map_or("?".into(), |k| k.to_string()),
        figures.cpu_seconds.unwrap_or(f64::NAN),
    );
    figures
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_phones_lose_nothing() {
    let site = site();
    let server = Server::start(&site);
    let crowd = Crowd {
        rooms: 2,
        phones_per_room: 100,
        join_window: Duration::from_secs(1),
        answer_window: Duration::ZERO,
        storm_window: Duration::from_secs(1),
    };
    let figures = report("200 phones", run(&server, &crowd).await);
    assert_eq!((figures.lost, figures.storm_lost), (0, 0));
}

/// The benchmark: `rooms` × `phones_per_room` join within 8 s, answer
/// within `answer_window`, then all drop and rejoin within 25 s.
async fn benchmark(name: &str, rooms: usize, phones_per_room: usize, answer_window: Duration) {
    let site = site();
    let server = Server::start(&site);
    let join_window = Duration::from_secs(8);
    let storm_window = Duration::from_secs(25);
    let crowd = Crowd { rooms, phones_per_room, join_window, answer_window, storm_window };
    let figures = report(name, run(&server, &crowd).await);
    assert_eq!((figures.lost, figures.storm_lost), (0, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: run with --release --ignored --nocapture"]
async fn benchmark_two_thousand_phones_in_one_room() {
    benchmark("2,000 phones, 1 room, answers within 3 s", 1, 2000, Duration::from_secs(3)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: run with --release --ignored --nocapture"]
async fn benchmark_two_thousand_answers_at_one_instant() {
    benchmark("2,000 phones, 1 room, every answer at once", 1, 2000, Duration::ZERO).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: run with --release --ignored --nocapture"]
async fn benchmark_twenty_rooms_of_one_hundred() {
    benchmark("20 rooms of 100, answers within 3 s", 20, 100, Duration::from_secs(3)).await;
}
