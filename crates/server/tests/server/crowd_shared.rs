//! The crowd on two instances over one Redis, one instance killed while the
//! phones answer. Every phone keeps its answer until it is acknowledged and,
//! when its socket dies, reconnects to the other instance (as the page does
//! through the load balancer) and sends it again. Measured: join time,
//! answer→presenter count (the presenters are on the surviving instance,
//! the phones on both), answers lost.
//!
//! CI runs 200 phones (`two_hundred_phones_on_two_instances_lose_nothing_when_one_is_killed`).
//! The benchmark, with release builds (clients, instances and Redis share two cores):
//!   cargo test --release -p scamspot-server --test server crowd_shared -- --ignored --nocapture

use super::common::{site, Client, Endpoint, Server, DECIDE};
use super::crowd::{answer_to_presenter, percentile, reveal, spread, watch_counts};
use super::redis_server::RedisServer;
use std::time::{Duration, Instant};

/// How long a phone waits before resending an answer refused for `storage`.
const RESEND_AFTER: Duration = Duration::from_millis(250);

struct Crowd {
    rooms: usize,
    phones_per_room: usize,
    join_window: Duration,
    /// Answers spread over this window; the second instance is killed halfway through it.
    answer_window: Duration,
}

struct Phone {
    room: usize,
    token: String,
    client: Client,
    /// Which of the instances it is connected to.
    instance: usize,
}

#[derive(Default)]
struct Figures {
    joins: Vec<Duration>,
    answer_to_presenter: Vec<Duration>,
    lost: usize,
    moved: usize,
}

/// Sends the phone's answer until it is acknowledged, moving to the next
/// instance whenever its socket dies; whether it had to move.
async fn answer_until_acknowledged(phone: &mut Phone, addresses: &[String], code: &str, client_id: &str) -> bool {
    let choice = phone.room % 2;
    let mut moved = false;
    loop {
        match phone.client.answer_or_end(client_id, DECIDE, choice).await {
            Some(reply) if reply["type"] == "ack" => return moved,
            Some(reply) => {
                assert_eq!(reply["reason"], "storage", "only a storage refusal is resent: {reply}");
                tokio::time::sleep(RESEND_AFTER).await;
            }
            None => {
                phone.instance = (phone.instance + 1) % addresses.len();
                phone.client = Endpoint::connect_to(&addresses[phone.instance], code).await;
                assert_eq!(phone.client.join(Some(&phone.token)).await, phone.token);
                moved = true;
            }
        }
    }
}

async fn run(survivor: &Server, doomed: Server, crowd: &Crowd) -> Figures {
    let mut figures = Figures::default();
    let addresses = [survivor.address.clone(), doomed.address.clone()];
    let mut rooms = Vec::new();
    for _ in 0..crowd.rooms {
        let (code, secret) = survivor.create_room();
        let mut presenter = survivor.connect(&code).await;
        presenter.present(&secret).await;
        rooms.push((code, presenter));
    }
    let codes: Vec<String> = rooms.iter().map(|(code, _)| code.clone()).collect();
    let total = crowd.rooms * crowd.phones_per_room;

    let joining = spread(total, crowd.join_window, |i| {
        let (room, instance) = (i % codes.len(), (i / codes.len()) % 2);
        let (address, code) = (addresses[instance].clone(), codes[room].clone());
        async move {
            let begun = Instant::now();
            let mut client = Endpoint::connect_to(&address, &code).await;
            let token = client.join(None).await;
            (begun.elapsed(), Phone { room, token, client, instance })
        }
    });
    let mut phones = Vec::with_capacity(total);
    for task in joining {
        let (took, phone) = task.await.expect("a joining phone");
        figures.joins.push(took);
        phones.push(phone);
    }
    for (_, presenter) in &mut rooms {
        presenter.open_voting_at_decide().await;
    }
    for phone in &mut phones {
        phone.client.voting_at(DECIDE).await;
    }

    let watchers = watch_counts(rooms.into_iter().map(|(_, presenter)| presenter), crowd.phones_per_room);
    let half = crowd.answer_window / 2;
    let killer = tokio::spawn(async move {
        tokio::time::sleep(half).await;
        doomed.kill();
    });
    let mut waiting: Vec<Option<Phone>> = phones.into_iter().map(Some).collect();
    let answering = spread(waiting.len(), crowd.answer_window, |i| {
        let mut phone = waiting[i].take().expect("each phone answers once");
        let (addresses, code) = (addresses.clone(), codes[phone.room].clone());
        async move {
            let sent = Instant::now();
            let moved = answer_until_acknowledged(&mut phone, &addresses, &code, &format!("a{i}")).await;
            (sent, moved, phone.room)
        }
    });
    let mut sent_by_room = vec![Vec::new(); crowd.rooms];
    for task in answering {
        let (sent, moved, room) = task.await.expect("an answering phone");
        sent_by_room[room].push(sent);
        figures.moved += usize::from(moved);
    }
    killer.await.expect("the instance killed");

    let mut presenters = answer_to_presenter(watchers, sent_by_room, &mut figures.answer_to_presenter).await;
    let distributions = reveal(&mut presenters).await;
    figures.lost = total - distributions.iter().flatten().sum::<usize>();
    figures
}

fn report(name: &str, mut figures: Figures) -> Figures {
    figures.joins.sort();
    figures.answer_to_presenter.sort();
    println!(
        "{name}: join p50 {:?} p99 {:?}; answer→presenter p50 {:?} p99 {:?}; lost {}; \
         phones moved to the surviving instance {}",
        percentile(&figures.joins, 50),
        percentile(&figures.joins, 99),
        percentile(&figures.answer_to_presenter, 50),
        percentile(&figures.answer_to_presenter, 99),
        figures.lost,
        figures.moved,
    );
    figures
}

async fn crowd_on_two_instances(name: &str, crowd: Crowd) {
    let Some(redis) = RedisServer::start() else { return };
    let site = site();
    let instance = || Server::start_with(&site, &["--redis", &redis.url()]);
    let (survivor, doomed) = (instance(), instance());
    let figures = report(name, run(&survivor, doomed, &crowd).await);
    assert_eq!(figures.lost, 0, "answers lost");
    assert!(figures.moved > 0, "no phone was on the killed instance while answering");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_phones_on_two_instances_lose_nothing_when_one_is_killed() {
    let crowd = Crowd {
        rooms: 2,
        phones_per_room: 100,
        join_window: Duration::from_secs(1),
        answer_window: Duration::from_secs(1),
    };
    crowd_on_two_instances("200 phones, 2 instances, one killed", crowd).await;
}

/// The benchmark: 5,000 phones in 10 rooms of 500 join within 10 s and answer within `answer_window`.
async fn benchmark(name: &str, answer_window: Duration) {
    let crowd = Crowd { rooms: 10, phones_per_room: 500, join_window: Duration::from_secs(10), answer_window };
    crowd_on_two_instances(name, crowd).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: run with --release --ignored --nocapture"]
async fn benchmark_five_thousand_phones_on_two_instances_one_killed() {
    benchmark("5,000 phones in 10 rooms, answers within 5 s, 2 instances, one killed", Duration::from_secs(5)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: run with --release --ignored --nocapture"]
async fn benchmark_five_thousand_answers_within_a_second_on_two_instances_one_killed() {
    benchmark("5,000 phones in 10 rooms, answers within 1 s, 2 instances, one killed", Duration::from_secs(1)).await;
}
