//! The built-in layers as public tower layers: user layers around the call and around each
//! attempt, built-ins replaced, and a stack assembled by hand.

#![allow(clippy::unwrap_used)]

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{ACCESS_TOKEN, ORG, ProbeLayer};
use http::{Method, StatusCode};
use secrecy::SecretString;
use tower::ServiceBuilder;
use zoho_invoice_transport::{
    ApiRequest, ApiResponse, AttemptTimeoutLayer, AuthLayer, Decision, Error, FixedRandom,
    HttpTransport, Operation, OrganizationLayer, Outcome, Policy, RateLimitConfig, RateLimitLayer,
    Region, RetryLayer, RetryPolicy, ServiceTransport, StaticToken, StopReason, Timeouts,
    TotalTimeoutLayer, TraceLayer, Transport, TransportBuilder,
};

const OK: &str = r#"{"code":0,"message":"success"}"#;

/// A request as the fake server saw it: URI, `Authorization`, organization header.
type Received = (String, Option<String>, Option<String>);

/// What the fake server saw, in order.
#[derive(Clone, Default)]
struct Seen(Arc<Mutex<Vec<Received>>>);

impl Seen {
    fn all(&self) -> Vec<Received> {
        self.0.lock().unwrap().clone()
    }
}

/// A server that answers 503 to the first `failures` requests, then `OK`.
fn flaky(
    failures: usize,
    seen: Seen,
) -> impl tower::Service<
    ApiRequest,
    Response = ApiResponse,
    Error = Error,
    Future = impl Future<Output = Result<ApiResponse, Error>> + Send,
> + Clone
+ Send
+ Sync
+ 'static {
    tower::service_fn(move |request: ApiRequest| {
        let seen = seen.clone();
        async move {
            let header = |name: &str| {
                request
                    .headers()
                    .get(name)
                    .map(|v| v.to_str().unwrap().to_owned())
            };
            let mut log = seen.0.lock().unwrap();
            log.push((
                request.uri().to_string(),
                header("authorization"),
                header("x-com-zoho-invoice-organizationid"),
            ));
            let status = if log.len() <= failures {
                StatusCode::SERVICE_UNAVAILABLE
            } else {
                StatusCode::OK
            };
            Ok::<_, Error>(ApiResponse::new(status, OK))
        }
    })
}

fn builder() -> TransportBuilder {
    HttpTransport::builder()
        .region(Region::Eu)
        .static_token(SecretString::from(ACCESS_TOKEN))
        .organization_id(ORG)
        .timeouts(Timeouts::none())
        .random(Arc::new(FixedRandom(0.5)))
}

#[tokio::test(start_paused = true)]
async fn a_call_layer_sees_one_call_and_an_attempt_layer_every_attempt() {
    let (per_call, per_attempt) = (ProbeLayer::default(), ProbeLayer::default());
    let transport = builder()
        .call_layer(per_call.clone())
        .attempt_layer(per_attempt.clone())
        .http_service(flaky(2, Seen::default()))
        .build()
        .unwrap();
    let response = transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(per_call.0.attempts.load(Ordering::SeqCst), 1);
    assert_eq!(per_attempt.0.attempts.load(Ordering::SeqCst), 3);
}

/// A policy of the user's: retries every failure (even a POST's 503) at once, twice.
#[derive(Debug, Clone)]
struct Stubborn(Arc<AtomicUsize>);

impl Policy for Stubborn {
    fn decide(&self, _request: &ApiRequest, attempt: u32, outcome: Outcome, _: f64) -> Decision {
        self.0.fetch_add(1, Ordering::SeqCst);
        match outcome {
            Outcome::Response { status, .. } if status.is_success() => {
                Decision::Stop(StopReason::NotRetryable)
            }
            _ if attempt < 3 => Decision::Retry {
                after: Duration::ZERO,
            },
            _ => Decision::Stop(StopReason::AttemptsExhausted),
        }
    }

    fn max_attempts(&self) -> u32 {
        3
    }
}

#[tokio::test(start_paused = true)]
async fn a_custom_retry_policy_replaces_the_default() {
    // The default policy never sends a POST twice after a 503; this one does.
    let seen = Seen::default();
    let decisions = Arc::new(AtomicUsize::new(0));
    let transport = builder()
        .retry_policy(Stubborn(decisions.clone()))
        .http_service(flaky(2, seen.clone()))
        .build()
        .unwrap();
    let started = tokio::time::Instant::now();
    transport
        .send(ApiRequest::post("/invoices").unwrap())
        .await
        .unwrap();
    assert_eq!(seen.all().len(), 3);
    // Asked after each attempt but the last, which it said is its last.
    assert_eq!(decisions.load(Ordering::SeqCst), 2);
    assert_eq!(
        started.elapsed(),
        Duration::ZERO,
        "its waits, not the default's"
    );

    // With the default policy the same POST is sent once.
    let seen = Seen::default();
    let transport = builder()
        .http_service(flaky(2, seen.clone()))
        .build()
        .unwrap();
    let error = transport
        .send(ApiRequest::post("/invoices").unwrap())
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
    assert_eq!(seen.all().len(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_retry_layer_of_the_users_replaces_the_built_in_one() {
    let seen = Seen::default();
    let probe = ProbeLayer::default();
    // "Retry" by the user's own layer: here one that never retries, and counts calls.
    let transport = builder()
        .retry_layer(probe.clone())
        .http_service(flaky(1, seen.clone()))
        .build()
        .unwrap();
    let error = transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
    assert_eq!(
        seen.all().len(),
        1,
        "the built-in retry would have sent it twice"
    );
    assert_eq!(probe.0.attempts.load(Ordering::SeqCst), 1);
}

/// A server whose answers take a second, counting the most requests in flight at once.
fn slow(
    in_flight: Arc<AtomicUsize>,
    most: Arc<AtomicUsize>,
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
        let (in_flight, most) = (in_flight.clone(), most.clone());
        async move {
            let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
            most.fetch_max(now, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_secs(1)).await;
            in_flight.fetch_sub(1, Ordering::SeqCst);
            Ok::<_, Error>(ApiResponse::json_ok(OK))
        }
    })
}

async fn most_in_flight(builder: TransportBuilder) -> usize {
    let (in_flight, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let transport = builder
        .http_service(slow(in_flight, most.clone()))
        .build()
        .unwrap();
    let mut calls = tokio::task::JoinSet::new();
    for _ in 0..20 {
        let transport = transport.clone();
        calls.spawn(async move { transport.send(ApiRequest::get("/items").unwrap()).await });
    }
    while let Some(result) = calls.join_next().await {
        result.unwrap().unwrap();
    }
    most.load(Ordering::SeqCst)
}

#[tokio::test(start_paused = true)]
async fn the_limiter_can_be_replaced_or_removed() {
    assert_eq!(
        most_in_flight(builder()).await,
        10,
        "the default: 10 in flight"
    );
    assert_eq!(most_in_flight(builder().no_rate_limit()).await, 20);
    let own = RateLimitLayer::new(RateLimitConfig::default().with_max_in_flight(3));
    assert_eq!(most_in_flight(builder().rate_limit_layer(own)).await, 3);
}

#[tokio::test(start_paused = true)]
async fn a_stack_assembled_by_hand_behaves_like_the_default() {
    let run = |transport: Arc<dyn Transport>| async move {
        let get = transport
            .send(ApiRequest::get("/invoices?page=2").unwrap())
            .await;
        let post = transport.send(ApiRequest::post("/invoices").unwrap()).await;
        let status =
            |result: Result<ApiResponse, Error>| result.map(|r| r.status()).map_err(|e| e.status());
        (status(get), status(post))
    };
    let default_seen = Seen::default();
    let default = builder()
        .no_rate_limit()
        .http_service(flaky(1, default_seen.clone()))
        .build()
        .unwrap();
    let by_hand_seen = Seen::default();
    let source = Arc::new(StaticToken::new(SecretString::from(ACCESS_TOKEN)));
    let stack = ServiceBuilder::new()
        .layer(TraceLayer::new())
        .layer(TotalTimeoutLayer::new(None))
        .layer(RetryLayer::new(RetryPolicy::default()).with_random(Arc::new(FixedRandom(0.5))))
        .layer(AuthLayer::new(source))
        .layer(
            OrganizationLayer::new(&Region::Eu.api_base(), false)
                .unwrap()
                .with_default_organization(ORG)
                .unwrap(),
        )
        .layer(AttemptTimeoutLayer::new(None))
        .service(flaky(1, by_hand_seen.clone()));
    let by_hand = ServiceTransport::new(stack);

    let started = tokio::time::Instant::now();
    let default_result = run(Arc::new(default)).await;
    let default_time = started.elapsed();
    let started = tokio::time::Instant::now();
    let by_hand_result = run(Arc::new(by_hand)).await;
    assert_eq!(by_hand_result, default_result);
    assert_eq!(started.elapsed(), default_time, "the same waits");
    assert_eq!(by_hand_seen.all(), default_seen.all());
    let first = &by_hand_seen.all()[0];
    assert_eq!(
        first.0,
        "https://www.zohoapis.eu/invoice/v3/invoices?page=2"
    );
    assert_eq!(
        first.1.as_deref(),
        Some(format!("Zoho-oauthtoken {ACCESS_TOKEN}").as_str())
    );
    assert_eq!(first.2.as_deref(), Some(ORG));
}

/// A layer that writes down the operation of each request it sees.
#[derive(Clone, Default)]
struct Operations(Arc<Mutex<Vec<String>>>);

impl<S> tower::Layer<S> for Operations {
    type Service = WriteDown<S>;

    fn layer(&self, inner: S) -> WriteDown<S> {
        WriteDown {
            inner,
            log: self.0.clone(),
        }
    }
}

#[derive(Clone)]
struct WriteDown<S> {
    inner: S,
    log: Arc<Mutex<Vec<String>>>,
}

impl<S: tower::Service<ApiRequest>> tower::Service<ApiRequest> for WriteDown<S> {
    type Response = S::Response;
    type Error = S::Error;
    type Future = S::Future;

    fn poll_ready(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: ApiRequest) -> S::Future {
        let name = request
            .operation()
            .map(|op| format!("{} / {} {}", op.resource, op.name, op.path))
            .unwrap_or_else(|| "none".into());
        self.log.lock().unwrap().push(name);
        self.inner.call(request)
    }
}

#[tokio::test(start_paused = true)]
async fn layers_see_the_operation_of_each_request() {
    let operations = Operations::default();
    let transport = builder()
        .call_layer(operations.clone())
        .attempt_layer(operations.clone())
        .http_service(flaky(0, Seen::default()))
        .build()
        .unwrap();
    let operation = Operation::new(
        "Invoices",
        "Get an invoice",
        Method::GET,
        "/invoices/{invoice_id}",
    );
    let request = ApiRequest::get("/invoices/982000000567114")
        .unwrap()
        .with_operation(operation);
    transport.send(request).await.unwrap();
    transport
        .send(ApiRequest::get("/items").unwrap())
        .await
        .unwrap();
    let seen = operations.0.lock().unwrap().clone();
    let expected = "Invoices / Get an invoice /invoices/{invoice_id}";
    assert_eq!(seen, [expected, expected, "none", "none"]);
}
