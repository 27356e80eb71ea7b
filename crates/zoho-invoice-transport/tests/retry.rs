//! Retries against a wiremock server, on tokio's paused clock.

#![allow(clippy::unwrap_used)] // helpers outside #[test] functions unwrap too

mod common;

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use common::ProbeLayer;
use common::builder;
use tokio::time::Instant;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};
use zoho_invoice_transport::{
    ApiRequest, ApiResponse, Error, ErrorKind, FastRandom, FixedClock, Region, RetryPolicy,
    TimeoutKind, Timeouts, Transport,
};

const OK: &str = r#"{"code":0,"message":"success"}"#;

async fn mount_then_ok(server: &MockServer, verb: &str, first: ResponseTemplate, times: u64) {
    Mock::given(method(verb))
        .and(path("/invoice/v3/invoices"))
        .respond_with(first)
        .up_to_n_times(times)
        .with_priority(1)
        .mount(server)
        .await;
    Mock::given(method(verb))
        .and(path("/invoice/v3/invoices"))
        .respond_with(ResponseTemplate::new(200).set_body_string(OK))
        .with_priority(2)
        .mount(server)
        .await;
}

#[tokio::test(start_paused = true)]
async fn retry_after_seconds_is_honoured() {
    let server = MockServer::start().await;
    mount_then_ok(
        &server,
        "GET",
        ResponseTemplate::new(429)
            .insert_header("retry-after", "2")
            .set_body_string(r#"{"code":44,"message":"too many"}"#),
        1,
    )
    .await;
    let transport = builder(&server).build().unwrap();
    let start = Instant::now();
    let response = transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap();
    let waited = start.elapsed();
    assert_eq!(response.status(), 200);
    assert!(
        waited >= Duration::from_secs(2) && waited < Duration::from_millis(2100),
        "{waited:?}"
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test(start_paused = true)]
async fn retry_after_http_date_is_honoured() {
    let server = MockServer::start().await;
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    let date = httpdate::fmt_http_date(now + Duration::from_secs(5));
    mount_then_ok(
        &server,
        "GET",
        ResponseTemplate::new(429).insert_header("retry-after", date.as_str()),
        1,
    )
    .await;
    let transport = builder(&server)
        .clock(Arc::new(FixedClock(now)))
        .build()
        .unwrap();
    let start = Instant::now();
    transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap();
    let waited = start.elapsed();
    assert!(
        waited >= Duration::from_secs(5) && waited < Duration::from_millis(5100),
        "{waited:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn without_retry_after_backoff_is_jittered_within_bounds() {
    let server = MockServer::start().await;
    mount_then_ok(&server, "GET", ResponseTemplate::new(503), 3).await;
    let policy = RetryPolicy::default()
        .with_max_attempts(4)
        .with_initial_backoff(Duration::from_secs(1))
        .with_max_backoff(Duration::from_secs(3));
    let transport = builder(&server)
        .retry_policy(policy)
        .random(Arc::new(FastRandom))
        .build()
        .unwrap();
    let start = Instant::now();
    transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap();
    let waited = start.elapsed();
    // Full jitter: each wait in [0, ceiling); ceilings 1 s, 2 s, then capped at 3 s.
    assert!(waited < Duration::from_secs(6), "{waited:?}");
    assert_eq!(server.received_requests().await.unwrap().len(), 4);
}

#[tokio::test(start_paused = true)]
async fn backoff_with_fixed_randomness_is_exact() {
    let server = MockServer::start().await;
    mount_then_ok(&server, "GET", ResponseTemplate::new(502), 2).await;
    let policy = RetryPolicy::default().with_initial_backoff(Duration::from_secs(1));
    let transport = builder(&server).retry_policy(policy).build().unwrap();
    let start = Instant::now();
    transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap();
    // 0.5 * 1 s + 0.5 * 2 s.
    let waited = start.elapsed();
    assert!(
        waited >= Duration::from_millis(1500) && waited < Duration::from_millis(1600),
        "{waited:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn post_answered_500_or_503_is_sent_once() {
    for status in [500u16, 502, 503, 504] {
        let server = MockServer::start().await;
        mount_then_ok(&server, "POST", ResponseTemplate::new(status), 5).await;
        let transport = builder(&server).build().unwrap();
        let error = transport
            .send(
                ApiRequest::post("/invoices")
                    .unwrap()
                    .with_json(r#"{"customer_id":"1"}"#),
            )
            .await
            .unwrap_err();
        assert_eq!(error.status().map(|s| s.as_u16()), Some(status));
        assert_eq!(
            server.received_requests().await.unwrap().len(),
            1,
            "POST answered {status} was sent again"
        );
    }
}

/// A stand-in for the network that receives (counts) each request and answers after `delay`
/// of tokio time. With a real socket, tokio's paused clock would jump to the timeout while the
/// loopback answer is on its way; this keeps the timeout tests exact.
fn slow_service(
    delay: Duration,
    received: Arc<AtomicUsize>,
) -> impl tower::Service<
    ApiRequest,
    Response = ApiResponse,
    Error = Error,
    Future = impl Future<Output = Result<ApiResponse, Error>> + Send,
> + Clone
+ Send
+ Sync
+ 'static {
    tower::service_fn(move |_request: ApiRequest| {
        let received = received.clone();
        async move {
            received.fetch_add(1, Ordering::SeqCst);
            tokio::time::sleep(delay).await;
            Ok::<_, Error>(ApiResponse::json_ok(OK))
        }
    })
}

fn attempt_timeout(secs: u64) -> Timeouts {
    Timeouts {
        connect: None,
        attempt: Some(Duration::from_secs(secs)),
        total: None,
    }
}

#[tokio::test(start_paused = true)]
async fn post_timed_out_after_sending_is_sent_once() {
    let server = MockServer::start().await;
    let received = Arc::new(AtomicUsize::new(0));
    let transport = builder(&server)
        .timeouts(attempt_timeout(1))
        .http_service(slow_service(Duration::from_secs(3), received.clone()))
        .build()
        .unwrap();
    let start = Instant::now();
    let error = transport
        .send(ApiRequest::post("/invoices").unwrap().with_json("{}"))
        .await
        .unwrap_err();
    assert!(error.is_timeout(), "{error}");
    assert_eq!(start.elapsed(), Duration::from_secs(1));
    assert_eq!(received.load(Ordering::SeqCst), 1);
}

#[tokio::test(start_paused = true)]
async fn get_timed_out_is_retried() {
    let server = MockServer::start().await;
    let received = Arc::new(AtomicUsize::new(0));
    let transport = builder(&server)
        .timeouts(attempt_timeout(1))
        .retry_policy(RetryPolicy::default().with_max_attempts(3))
        .http_service(slow_service(Duration::from_secs(3), received.clone()))
        .build()
        .unwrap();
    let error = transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap_err();
    assert!(error.is_timeout());
    assert_eq!(received.load(Ordering::SeqCst), 3);
}

#[tokio::test(start_paused = true)]
async fn attempt_timeout_lets_a_slow_answer_through_when_long_enough() {
    let server = MockServer::start().await;
    let received = Arc::new(AtomicUsize::new(0));
    let transport = builder(&server)
        .timeouts(attempt_timeout(5))
        .http_service(slow_service(Duration::from_secs(3), received.clone()))
        .build()
        .unwrap();
    transport
        .send(ApiRequest::post("/invoices").unwrap())
        .await
        .unwrap();
    assert_eq!(received.load(Ordering::SeqCst), 1);
}

#[tokio::test(start_paused = true)]
async fn get_is_retried_up_to_the_maximum() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(503).set_body_string(r#"{"code":1000,"message":"down"}"#),
        )
        .mount(&server)
        .await;
    let transport = builder(&server)
        .retry_policy(RetryPolicy::default().with_max_attempts(3))
        .build()
        .unwrap();
    let error = transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(error.code(), Some(1000));
    assert!(error.is_retryable());
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}

#[tokio::test(start_paused = true)]
async fn post_refused_with_429_is_retried() {
    let server = MockServer::start().await;
    mount_then_ok(&server, "POST", ResponseTemplate::new(429), 1).await;
    let transport = builder(&server).build().unwrap();
    let response = transport
        .send(ApiRequest::post("/invoices").unwrap().with_json("{}"))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test(start_paused = true)]
async fn post_refused_by_connect_failure_is_retried() {
    // A port with nothing listening: connections are refused, nothing is ever sent.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let base = format!("http://127.0.0.1:{port}");
    let probe = ProbeLayer::default();
    let server = MockServer::start().await;
    let transport = builder(&server)
        .region(Region::custom(format!("{base}/invoice/v3"), base))
        .retry_policy(RetryPolicy::default().with_max_attempts(3))
        .attempt_layer(probe.clone())
        .build()
        .unwrap();
    let error = transport
        .send(ApiRequest::post("/invoices").unwrap().with_json("{}"))
        .await
        .unwrap_err();
    assert!(error.is_connect(), "{error}");
    assert_eq!(
        probe.0.attempts.load(std::sync::atomic::Ordering::SeqCst),
        3
    );
}

#[tokio::test(start_paused = true)]
async fn per_request_policy_overrides_the_default() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let transport = builder(&server).build().unwrap();
    let error = transport
        .send(
            ApiRequest::get("/invoices")
                .unwrap()
                .with_extension(RetryPolicy::never()),
        )
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test(start_paused = true)]
async fn retry_budget_stops_a_retry_storm() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    // Room for two retries in all.
    let transport = builder(&server)
        .retry_budget(zoho_invoice_transport::RetryBudget::new(10, 5, 1))
        .build()
        .unwrap();
    for _ in 0..3 {
        let _ = transport.send(ApiRequest::get("/invoices").unwrap()).await;
    }
    // 3 first attempts + 2 paid retries.
    assert_eq!(server.received_requests().await.unwrap().len(), 5);
}

#[tokio::test(start_paused = true)]
async fn total_timeout_bounds_the_whole_call() {
    let server = MockServer::start().await;
    let received = Arc::new(AtomicUsize::new(0));
    let transport = builder(&server)
        .timeouts(Timeouts {
            connect: None,
            attempt: Some(Duration::from_secs(10)),
            total: Some(Duration::from_secs(25)),
        })
        .retry_policy(
            RetryPolicy::default()
                .with_max_attempts(10)
                .with_initial_backoff(Duration::ZERO),
        )
        .http_service(slow_service(Duration::from_secs(60), received.clone()))
        .build()
        .unwrap();
    let start = Instant::now();
    let error = transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap_err();
    assert!(matches!(
        error.kind(),
        ErrorKind::Timeout {
            kind: TimeoutKind::Total,
            ..
        }
    ));
    assert_eq!(start.elapsed(), Duration::from_secs(25));
    // Attempts at 0 s, 10 s and 20 s; the third is cut short by the total limit.
    assert_eq!(received.load(Ordering::SeqCst), 3);
}

#[tokio::test(start_paused = true)]
async fn total_timeout_bounds_a_retry_wait() {
    // The server asks for 200 s before a retry; the call has 30 s in all. With the default
    // stack (the deadline on the request, kept by the retry layer's wait) and with a user layer
    // under retry (the total timeout's own timer), the call ends at 30 s, after one request.
    let server = MockServer::start().await;
    let timeouts = Timeouts {
        connect: None,
        attempt: Some(Duration::from_secs(10)),
        total: Some(Duration::from_secs(30)),
    };
    let policy = RetryPolicy::default().with_max_retry_after(Duration::from_secs(600));
    let received = Arc::new(AtomicUsize::new(0));
    let refusing = {
        let received = received.clone();
        tower::service_fn(move |_request: ApiRequest| {
            received.fetch_add(1, Ordering::SeqCst);
            let mut response = ApiResponse::new(http::StatusCode::SERVICE_UNAVAILABLE, "");
            response
                .headers_mut()
                .insert("retry-after", http::HeaderValue::from_static("200"));
            std::future::ready(Ok::<_, Error>(response))
        })
    };
    let default = builder(&server)
        .timeouts(timeouts)
        .retry_policy(policy.clone())
        .http_service(refusing.clone())
        .build()
        .unwrap();
    let with_a_user_layer = builder(&server)
        .timeouts(timeouts)
        .retry_policy(policy)
        .attempt_layer(ProbeLayer::default())
        .http_service(refusing)
        .build()
        .unwrap();
    for (round, transport) in [default, with_a_user_layer].into_iter().enumerate() {
        let start = Instant::now();
        let error = transport
            .send(ApiRequest::get("/invoices").unwrap())
            .await
            .unwrap_err();
        assert!(
            matches!(
                error.kind(),
                ErrorKind::Timeout {
                    kind: TimeoutKind::Total,
                    ..
                }
            ),
            "{error}"
        );
        assert_eq!(start.elapsed(), Duration::from_secs(30));
        assert_eq!(received.load(Ordering::SeqCst), round + 1);
    }
}

#[tokio::test(start_paused = true)]
async fn total_timeout_bounds_the_whole_call_under_user_layers() {
    let server = MockServer::start().await;
    let received = Arc::new(AtomicUsize::new(0));
    let probe = ProbeLayer::default();
    let transport = builder(&server)
        .timeouts(Timeouts {
            connect: None,
            attempt: Some(Duration::from_secs(10)),
            total: Some(Duration::from_secs(25)),
        })
        .retry_policy(
            RetryPolicy::default()
                .with_max_attempts(10)
                .with_initial_backoff(Duration::ZERO),
        )
        .attempt_layer(probe.clone())
        .http_service(slow_service(Duration::from_secs(60), received.clone()))
        .build()
        .unwrap();
    let start = Instant::now();
    let error = transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap_err();
    assert!(
        matches!(
            error.kind(),
            ErrorKind::Timeout {
                kind: TimeoutKind::Total,
                ..
            }
        ),
        "{error}"
    );
    assert_eq!(start.elapsed(), Duration::from_secs(25));
    assert_eq!(received.load(Ordering::SeqCst), 3);
    assert_eq!(probe.0.attempts.load(Ordering::SeqCst), 3);
}

#[tokio::test(start_paused = true)]
async fn the_attempt_timeout_says_so_when_it_comes_first() {
    let server = MockServer::start().await;
    let received = Arc::new(AtomicUsize::new(0));
    let transport = builder(&server)
        .timeouts(Timeouts {
            connect: None,
            attempt: Some(Duration::from_secs(10)),
            total: Some(Duration::from_secs(300)),
        })
        .retry_policy(RetryPolicy::never())
        .http_service(slow_service(Duration::from_secs(60), received.clone()))
        .build()
        .unwrap();
    let start = Instant::now();
    let error = transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap_err();
    assert!(
        matches!(
            error.kind(),
            ErrorKind::Timeout {
                kind: TimeoutKind::Attempt,
                ..
            }
        ),
        "{error}"
    );
    assert_eq!(start.elapsed(), Duration::from_secs(10));
}

#[tokio::test(start_paused = true)]
async fn total_timeout_bounds_a_rate_limit_wait() {
    let server = MockServer::start().await;
    let received = Arc::new(AtomicUsize::new(0));
    let transport = builder(&server)
        .timeouts(Timeouts {
            connect: None,
            attempt: Some(Duration::from_secs(10)),
            total: Some(Duration::from_secs(5)),
        })
        .rate_limit(zoho_invoice_transport::RateLimitConfig::default().with_requests_per_minute(1))
        .http_service(slow_service(Duration::ZERO, received.clone()))
        .build()
        .unwrap();
    transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap();
    let start = Instant::now();
    let error = transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap_err();
    assert!(
        matches!(
            error.kind(),
            ErrorKind::Timeout {
                kind: TimeoutKind::Total,
                ..
            }
        ),
        "{error}"
    );
    assert_eq!(start.elapsed(), Duration::from_secs(5));
    assert_eq!(received.load(Ordering::SeqCst), 1);
}
