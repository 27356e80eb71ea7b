//! The shared rate limiter against a real Redis: several transports, each with a fleet of its
//! own (its own connection and process id), stand for the processes of a fleet.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use common::{RedisServer, builder, burst, fleet, get_items, limited, mock};
use futures_util::future::join_all;
use secrecy::SecretString;
use tokio::time::Instant;
use zoho_invoice_mock::{DEFAULT_ACCESS_TOKEN, Fault, FaultRule, Limits, MockServer};
use zoho_invoice_redis::WhenUnreachable;
use zoho_invoice_transport::{
    ApiRequest, Error, ErrorKind, HttpTransport, RateLimitConfig, Transport,
};

/// `processes` transports with the shared limiter, each over a fleet of its own.
fn shared(
    redis: &RedisServer,
    server: &MockServer,
    config: &RateLimitConfig,
    processes: usize,
) -> Vec<HttpTransport> {
    (0..processes)
        .map(|_| {
            limited(
                server,
                &fleet(redis, WhenUnreachable::FailFast),
                config.clone(),
            )
        })
        .collect()
}

/// `processes` transports each with its own in-process limiter: what a fleet has without
/// Redis.
fn alone(server: &MockServer, config: &RateLimitConfig, processes: usize) -> Vec<HttpTransport> {
    (0..processes)
        .map(|_| {
            builder(server)
                .static_token(SecretString::from(DEFAULT_ACCESS_TOKEN.to_owned()))
                .rate_limit(config.clone())
                .build()
                .unwrap()
        })
        .collect()
}

fn count_ok(results: &[Result<(), Error>]) -> usize {
    results.iter().filter(|r| r.is_ok()).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_processes_keep_to_one_window_together() {
    let Some(redis) = RedisServer::start("three_processes_keep_to_one_window_together") else {
        return;
    };
    // The server allows 6 requests a second; the fleet takes 6 per 1.5 s, a margin for the
    // time between admission and arrival.
    let server = mock(Limits::default().with_per_window(6, Duration::from_secs(1))).await;
    let config = RateLimitConfig::default().with_requests_per(6, Duration::from_millis(1500));

    // Without Redis, each process keeps to the window on its own, and together they overrun it.
    let results = burst(&alone(&server, &config, 3), 6).await;
    assert!(server.rate_limited() > 0, "the control overran the window");
    assert!(count_ok(&results) < 18);

    server.reset_quotas();
    let refused_before = server.rate_limited();
    let started = Instant::now();
    let results = burst(&shared(&redis, &server, &config, 3), 6).await;
    assert_eq!(count_ok(&results), 18, "{results:?}");
    assert_eq!(
        server.rate_limited(),
        refused_before,
        "no 429 with the shared limiter"
    );
    // 18 requests at 6 per 1.5 s: the last 6 cannot go before two windows have passed.
    assert!(started.elapsed() >= Duration::from_millis(2900));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_processes_keep_to_one_in_flight_cap_together() {
    let Some(redis) = RedisServer::start("three_processes_keep_to_one_in_flight_cap_together")
    else {
        return;
    };
    let server = mock(Limits::default().with_concurrent(Some(2))).await;
    // Each request takes a while on the server, so that requests overlap.
    server.inject(FaultRule::new(Fault::Delay(Duration::from_millis(150))).always());
    let config = RateLimitConfig::default().with_max_in_flight(2);

    let results = burst(&alone(&server, &config, 3), 3).await;
    assert!(server.rate_limited() > 0, "the control overran the cap");
    assert!(count_ok(&results) < 9);

    let refused_before = server.rate_limited();
    let results = burst(&shared(&redis, &server, &config, 3), 3).await;
    assert_eq!(count_ok(&results), 9, "{results:?}");
    assert_eq!(server.rate_limited(), refused_before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_slots_of_a_dead_process_expire() {
    let Some(redis) = RedisServer::start("the_slots_of_a_dead_process_expire") else {
        return;
    };
    let server = mock(Limits::default()).await;
    // A process died holding both slots of the organization, leased until 1.5 s from now.
    let slots = format!(
        "{}:rate:{{{}}}:slots",
        common::PREFIX,
        server.organization_id()
    );
    let mut connection = redis.inspect().await;
    let (secs, micros): (u64, u64) = redis::cmd("TIME")
        .query_async(&mut connection)
        .await
        .unwrap();
    let expiry = secs * 1000 + micros / 1000 + 1500;
    let _: () = redis::cmd("ZADD")
        .arg(&slots)
        .arg(expiry)
        .arg("dead:1")
        .arg(expiry)
        .arg("dead:2")
        .query_async(&mut connection)
        .await
        .unwrap();

    let transport = limited(
        &server,
        &fleet(&redis, WhenUnreachable::FailFast),
        RateLimitConfig::default().with_max_in_flight(2),
    );
    let started = Instant::now();
    tokio::time::timeout(Duration::from_secs(30), get_items(&transport))
        .await
        .expect("the dead slots expire")
        .unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(1000),
        "the dead process's slots counted until they expired"
    );
    let left: Vec<String> = redis::cmd("ZRANGE")
        .arg(&slots)
        .arg(0)
        .arg(-1)
        .query_async(&mut connection)
        .await
        .unwrap();
    assert!(
        left.is_empty(),
        "expired and freed slots are gone: {left:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_spent_quota_fails_fast_everywhere_with_its_reset_time() {
    let Some(redis) = RedisServer::start("a_spent_quota_fails_fast_everywhere_with_its_reset_time")
    else {
        return;
    };
    // Fewer requests a day than may be in flight: only the shared count prevents a 429.
    let server = mock(Limits::default().with_daily(5)).await;
    let transports = shared(&redis, &server, &RateLimitConfig::default(), 2);
    let started = std::time::SystemTime::now();
    let workers = transports.iter().flat_map(|t| {
        (0..4).map(move |_| async move {
            let mut sent = 0;
            loop {
                match get_items(t).await {
                    Ok(()) => sent += 1,
                    Err(error) => return (sent, error),
                }
            }
        })
    });
    let ended = tokio::time::timeout(Duration::from_secs(60), join_all(workers))
        .await
        .expect("every worker ends");
    let sent: usize = ended.iter().map(|(sent, _)| sent).sum();
    assert_eq!(sent, 5, "the whole quota is used");
    assert_eq!(server.rate_limited(), 0, "and never overrun");
    assert_eq!(server.count("GET /items"), 5, "nothing was sent past it");
    for (_, error) in &ended {
        assert!(error.is_quota_exhausted(), "{error}");
        let ErrorKind::QuotaExhausted {
            organization,
            resets_in,
            resets_at,
        } = error.kind()
        else {
            unreachable!()
        };
        assert_eq!(organization.as_deref(), Some(server.organization_id()));
        assert!(*resets_in > Duration::ZERO && *resets_in <= Duration::from_secs(86_400));
        assert!(*resets_at > started);
        assert!(error.to_string().contains("resets in"), "{error}");
    }
    // A new transport of the fleet fails at once too.
    let late = shared(&redis, &server, &RateLimitConfig::default(), 1);
    assert!(get_items(&late[0]).await.unwrap_err().is_quota_exhausted());
    assert_eq!(server.count("GET /items"), 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_pauses_the_whole_fleet() {
    let Some(redis) = RedisServer::start("a_429_pauses_the_whole_fleet") else {
        return;
    };
    let server = mock(Limits::default()).await;
    let config = RateLimitConfig::default().with_max_pause(Duration::from_secs(5));
    let transports = shared(&redis, &server, &config, 2);
    let (first, second) = (&transports[0], &transports[1]);

    server
        .inject(FaultRule::new(Fault::TooManyRequestsRetryAfter(Duration::from_secs(1))).times(1));
    let refused = get_items(first).await.unwrap_err();
    assert_eq!(refused.status().map(|s| s.as_u16()), Some(429));
    let started = Instant::now();
    get_items(second).await.unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(500),
        "the other process waited out the pause"
    );

    // A pause longer than the limiter waits out: the other process fails at once, sending
    // nothing.
    server
        .inject(FaultRule::new(Fault::TooManyRequestsRetryAfter(Duration::from_secs(60))).times(1));
    assert!(get_items(first).await.is_err());
    let sent = server.count("GET /items");
    let throttled = get_items(second).await.unwrap_err();
    assert!(
        matches!(throttled.kind(), ErrorKind::Throttled { .. }),
        "{throttled}"
    );
    assert!(throttled.retry_after().unwrap() > Duration::from_secs(50));
    assert_eq!(server.count("GET /items"), sent, "nothing was sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_organizations_keys_carry_its_hash_tag() {
    let Some(redis) = RedisServer::start("each_organizations_keys_carry_its_hash_tag") else {
        return;
    };
    let server = mock(Limits::default()).await;
    server.add_organization("777", "Other");
    let transport = limited(
        &server,
        &fleet(&redis, WhenUnreachable::FailFast),
        RateLimitConfig::default(),
    );
    get_items(&transport).await.unwrap();
    transport
        .send(ApiRequest::get("/items").unwrap().with_organization("777"))
        .await
        .unwrap();
    let keys = redis.keys().await;
    let default = format!("{{{}}}", server.organization_id());
    for tag in [default.as_str(), "{777}"] {
        // The slots are gone with their answers (an empty set is no key).
        for name in ["window", "quota"] {
            let key = format!("zoho-invoice:rate:{tag}:{name}");
            assert!(keys.contains(&key), "{key} in {keys:?}");
        }
    }
    assert_eq!(keys.len(), 4, "{keys:?}");
    for key in &keys {
        assert!(key.starts_with("zoho-invoice:rate:{"), "{key}");
        assert_eq!(key.matches('{').count(), 1, "one hash tag: {key}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_request_learns_an_unknown_quota_first_unless_answers_carry_none() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let Some(redis) =
        RedisServer::start("one_request_learns_an_unknown_quota_first_unless_answers_carry_none")
    else {
        return;
    };
    // A server that reports no quota, and counts the requests it holds at once and those
    // that came while the first was held.
    #[derive(Default)]
    struct Seen {
        started: AtomicUsize,
        held: AtomicUsize,
        most: AtomicUsize,
        first_done: AtomicBool,
        beside_first: AtomicUsize,
    }
    let seen = Arc::new(Seen::default());
    let counter = seen.clone();
    let service = tower::service_fn(move |_request: ApiRequest| {
        let seen = counter.clone();
        async move {
            let order = seen.started.fetch_add(1, Ordering::SeqCst);
            if order > 0 && !seen.first_done.load(Ordering::SeqCst) {
                seen.beside_first.fetch_add(1, Ordering::SeqCst);
            }
            let held = seen.held.fetch_add(1, Ordering::SeqCst) + 1;
            seen.most.fetch_max(held, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(200)).await;
            seen.held.fetch_sub(1, Ordering::SeqCst);
            if order == 0 {
                seen.first_done.store(true, Ordering::SeqCst);
            }
            Ok::<_, Error>(zoho_invoice_transport::ApiResponse::json_ok(
                r#"{"code":0}"#,
            ))
        }
    });
    let transport = HttpTransport::builder()
        .static_token(SecretString::from("1000.token".to_owned()))
        .organization_id("42")
        .no_retry()
        .rate_limit_layer(
            zoho_invoice_redis::SharedRateLimitLayer::new(
                &fleet(&redis, WhenUnreachable::FailFast),
                RateLimitConfig::default(),
            )
            .with_default_organization("42"),
        )
        .http_service(service)
        .build()
        .unwrap();
    let results = join_all((0..5).map(|_| get_items(&transport))).await;
    assert!(results.iter().all(Result::is_ok), "{results:?}");
    assert_eq!(
        seen.beside_first.load(Ordering::SeqCst),
        0,
        "the first request went alone"
    );
    assert!(
        seen.most.load(Ordering::SeqCst) >= 2,
        "once an answer showed no quota headers, the others went together"
    );
}
