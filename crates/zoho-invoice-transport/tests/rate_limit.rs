//! Client-side rate limiting, on tokio's paused clock.

#![allow(clippy::unwrap_used)] // helpers outside #[test] functions unwrap too

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use common::{ACCESS_TOKEN, ORG, ProbeLayer, builder, count_path};
use secrecy::SecretString;
use tokio::sync::Semaphore;
use tokio::time::Instant;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};
use zoho_invoice_transport::{
    ApiRequest, ApiResponse, Error, HttpTransport, RateLimitConfig, Region, RetryPolicy, Timeouts,
    Transport,
};

const OK: &str = r#"{"code":0,"message":"success"}"#;

async fn ok_server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string(OK))
        .mount(&server)
        .await;
    server
}

#[tokio::test(start_paused = true)]
async fn two_hundred_fifty_calls_at_100_per_minute_take_two_minutes() {
    let server = ok_server().await;
    let probe = ProbeLayer::default();
    let transport = builder(&server)
        .rate_limit(RateLimitConfig::default())
        .attempt_layer(probe.clone())
        .build()
        .unwrap();
    let start = Instant::now();
    let mut calls = tokio::task::JoinSet::new();
    for _ in 0..250 {
        let transport = transport.clone();
        calls.spawn(async move { transport.send(ApiRequest::get("/invoices").unwrap()).await });
    }
    while let Some(result) = calls.join_next().await {
        result.unwrap().unwrap();
    }
    let elapsed = start.elapsed();
    assert!(elapsed >= Duration::from_secs(120), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(121), "{elapsed:?}");
    assert_eq!(count_path(&server, "/invoice/v3").await, 250);
    // No sliding minute ever saw more than 100 requests.
    let mut started = probe.0.started.lock().unwrap().clone();
    started.sort();
    for (i, t) in started.iter().enumerate() {
        let in_window = started[i..]
            .iter()
            .take_while(|u| u.duration_since(*t) < Duration::from_secs(60))
            .count();
        assert!(in_window <= 100, "{in_window} requests within a minute");
    }
    // In flight never above the default of 10.
    assert!(probe.0.max_in_flight.load(Ordering::SeqCst) <= 10);
}

/// What the held service saw.
#[derive(Debug, Default)]
struct Held {
    in_flight: AtomicUsize,
    max_in_flight: AtomicUsize,
    served: AtomicUsize,
}

/// Lets every task run until all of them wait: tokio's paused clock only moves on when
/// nothing else can run, so this sleep ends once the calls have gone as far as they can.
async fn settle() {
    tokio::time::sleep(Duration::from_millis(1)).await;
}

#[tokio::test(start_paused = true)]
async fn in_flight_never_exceeds_the_limit() {
    // The HTTP service holds every request until the test releases it (one permit of
    // `gate` per request), counting how many it holds at once.
    let gate = Arc::new(Semaphore::new(0));
    let held = Arc::new(Held::default());
    let service = tower::service_fn({
        let (gate, held) = (gate.clone(), held.clone());
        move |_request: ApiRequest| {
            let (gate, held) = (gate.clone(), held.clone());
            async move {
                let now = held.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                held.max_in_flight.fetch_max(now, Ordering::SeqCst);
                gate.acquire().await.expect("gate open").forget();
                held.in_flight.fetch_sub(1, Ordering::SeqCst);
                held.served.fetch_add(1, Ordering::SeqCst);
                Ok::<_, Error>(ApiResponse::json_ok(OK))
            }
        }
    });
    let transport = HttpTransport::builder()
        .region(Region::custom(
            "https://invoice.test/invoice/v3",
            "https://accounts.invoice.test",
        ))
        .static_token(SecretString::from(ACCESS_TOKEN))
        .organization_id(ORG)
        .timeouts(Timeouts::none())
        .rate_limit(RateLimitConfig::free_plan().with_requests_per_minute(10_000))
        .http_service(service)
        .build()
        .unwrap();
    let mut calls = tokio::task::JoinSet::new();
    for _ in 0..40 {
        let transport = transport.clone();
        calls.spawn(async move { transport.send(ApiRequest::get("/invoices").unwrap()).await });
    }
    // The calls overlap up to the limit of 5, and no further.
    settle().await;
    assert_eq!(held.in_flight.load(Ordering::SeqCst), 5);
    // Each answer lets exactly one more call in.
    for answered in 1..=40 {
        gate.add_permits(1);
        settle().await;
        assert_eq!(held.served.load(Ordering::SeqCst), answered);
        assert_eq!(
            held.in_flight.load(Ordering::SeqCst),
            (40 - answered).min(5)
        );
    }
    while let Some(result) = calls.join_next().await {
        result.unwrap().unwrap();
    }
    assert_eq!(held.max_in_flight.load(Ordering::SeqCst), 5);
    assert_eq!(held.served.load(Ordering::SeqCst), 40);
}

#[tokio::test(start_paused = true)]
async fn spent_daily_quota_fails_fast_with_the_reset_time() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(OK)
                .insert_header("x-rate-limit-limit", "1000")
                .insert_header("x-rate-limit-remaining", "0")
                .insert_header("x-rate-limit-reset", "3600"),
        )
        .mount(&server)
        .await;
    let transport = builder(&server).build().unwrap();
    transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap();
    let quota = transport.quota(ORG).unwrap();
    assert_eq!((quota.limit, quota.remaining), (Some(1000), 0));

    let start = Instant::now();
    let error = transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap_err();
    assert_eq!(start.elapsed(), Duration::ZERO, "no waiting");
    assert!(error.is_quota_exhausted() && error.is_rate_limited());
    assert_eq!(error.retry_after(), Some(Duration::from_secs(3600)));
    assert!(error.to_string().contains(ORG));
    assert_eq!(server.received_requests().await.unwrap().len(), 1);

    // Other organizations are not affected; after the reset the organization may call again.
    transport
        .send(
            ApiRequest::get("/invoices")
                .unwrap()
                .with_organization("777"),
        )
        .await
        .unwrap();
    tokio::time::advance(Duration::from_secs(3601)).await;
    transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap();
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}

#[tokio::test(start_paused = true)]
async fn a_429_with_the_quota_spent_is_not_retried() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("x-rate-limit-remaining", "0")
                .insert_header("x-rate-limit-reset", "50000"),
        )
        .mount(&server)
        .await;
    let transport = builder(&server).build().unwrap();
    let error = transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap_err();
    assert!(error.is_quota_exhausted(), "{error}");
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test(start_paused = true)]
async fn slows_down_after_a_429() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string(OK))
        .with_priority(2)
        .mount(&server)
        .await;
    let transport = builder(&server)
        .rate_limit(RateLimitConfig::default().with_pause_after_429(Duration::from_secs(10)))
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap();
    let error = transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap_err();
    assert!(error.is_rate_limited());
    let start = Instant::now();
    transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap();
    assert!(
        start.elapsed() >= Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
}

#[tokio::test(start_paused = true)]
async fn clones_share_one_limiter() {
    let server = ok_server().await;
    let transport = builder(&server)
        .rate_limit(RateLimitConfig::default().with_requests_per_minute(2))
        .build()
        .unwrap();
    let other = transport.clone();
    let start = Instant::now();
    transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap();
    other
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap();
    assert_eq!(start.elapsed(), Duration::ZERO);
    other
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap();
    assert!(start.elapsed() >= Duration::from_secs(60));
}
