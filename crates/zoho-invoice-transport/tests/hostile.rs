//! A hostile server: absurd numbers, waits past every cap, an accounts server that hangs or
//! fails, credentials in URLs, paths that climb out of the API base. Each case failed before
//! the transport was rebuilt on tower layers (see RELIABILITY.md).

#![allow(clippy::unwrap_used)]

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use common::{ACCESS_TOKEN, ORG, credentials};
use http::StatusCode;
use secrecy::SecretString;
use zoho_invoice_transport::{
    ApiRequest, ApiResponse, Error, ErrorKind, FixedRandom, HttpTransport, MAX_NETWORK_WAIT,
    Region, Timeouts, TokenError, Transport, TransportBuilder,
};

const OK: &str = r#"{"code":0,"message":"success"}"#;

/// Answers the accounts server's requests with `token` and the API's with `api`, counting
/// each.
#[derive(Clone)]
struct Server {
    token_requests: Arc<AtomicUsize>,
    api_requests: Arc<AtomicUsize>,
}

impl Server {
    fn new() -> Self {
        Self {
            token_requests: Arc::new(AtomicUsize::new(0)),
            api_requests: Arc::new(AtomicUsize::new(0)),
        }
    }

    fn builder<T, A>(&self, token: T, api: A) -> TransportBuilder
    where
        T: Fn(usize) -> Option<ApiResponse> + Clone + Send + Sync + 'static,
        A: Fn(usize) -> ApiResponse + Clone + Send + Sync + 'static,
    {
        let server = self.clone();
        HttpTransport::builder()
            .region(Region::custom(
                "https://api.test/invoice/v3",
                "https://accounts.test",
            ))
            .organization_id(ORG)
            .timeouts(Timeouts {
                connect: None,
                attempt: Some(Duration::from_secs(5)),
                total: None,
            })
            .random(Arc::new(FixedRandom(0.5)))
            .http_service(tower::service_fn(move |request: ApiRequest| {
                let (server, token, api) = (server.clone(), token.clone(), api.clone());
                async move {
                    if request.uri().host() == Some("accounts.test") {
                        let n = server.token_requests.fetch_add(1, Ordering::SeqCst);
                        match token(n) {
                            Some(response) => Ok(response),
                            // A server that never answers.
                            None => std::future::pending().await,
                        }
                    } else {
                        let n = server.api_requests.fetch_add(1, Ordering::SeqCst);
                        Ok::<_, Error>(api(n))
                    }
                }
            }))
    }

    fn tokens(&self) -> usize {
        self.token_requests.load(Ordering::SeqCst)
    }

    fn calls(&self) -> usize {
        self.api_requests.load(Ordering::SeqCst)
    }
}

fn with_header(mut response: ApiResponse, name: &'static str, value: &str) -> ApiResponse {
    response.headers_mut().insert(name, value.parse().unwrap());
    response
}

fn refused_with(retry_after: &str) -> ApiResponse {
    with_header(
        ApiResponse::new(
            StatusCode::TOO_MANY_REQUESTS,
            r#"{"code":44,"message":"slow down"}"#,
        ),
        "retry-after",
        retry_after,
    )
}

fn get() -> ApiRequest {
    ApiRequest::get("/invoices").unwrap()
}

#[tokio::test(start_paused = true)]
async fn a_retry_after_past_every_cap_fails_fast_instead_of_stalling_the_limiter() {
    for retry_after in [
        "999999",
        "Fri, 31 Dec 9999 23:59:59 GMT",
        "18446744073709551615",
    ] {
        let server = Server::new();
        let transport = server
            .builder(
                |_| None,
                move |n| {
                    if n == 0 {
                        refused_with(retry_after)
                    } else {
                        ApiResponse::json_ok(OK)
                    }
                },
            )
            .static_token(SecretString::from(ACCESS_TOKEN))
            .build()
            .unwrap();
        let started = tokio::time::Instant::now();
        let first = transport.send(get()).await.unwrap_err();
        assert_eq!(
            first.status(),
            Some(StatusCode::TOO_MANY_REQUESTS),
            "{retry_after}"
        );
        assert!(first.retry_after().unwrap() > Duration::from_secs(900_000));
        assert!(first.retry_after().unwrap() <= MAX_NETWORK_WAIT);
        // Later calls of that organization send nothing and fail at once, saying until when.
        for _ in 0..3 {
            let error = transport.send(get()).await.unwrap_err();
            assert!(
                matches!(error.kind(), ErrorKind::Throttled { .. }),
                "{retry_after}: {error}"
            );
            assert!(error.is_rate_limited());
            assert!(!error.may_have_been_processed());
            assert!(error.retry_after().unwrap() > Duration::from_secs(900_000));
        }
        assert_eq!(server.calls(), 1, "{retry_after}");
        assert_eq!(
            started.elapsed(),
            Duration::ZERO,
            "{retry_after}: no wait at all"
        );
        // Another organization is not held back.
        transport
            .send(get().with_organization("999"))
            .await
            .unwrap();
    }
}

#[tokio::test(start_paused = true)]
async fn absurd_numbers_from_the_network_do_not_panic() {
    // A daily quota that "resets" in u64::MAX seconds.
    let server = Server::new();
    let transport = server
        .builder(
            |_| None,
            |_| {
                let response = with_header(ApiResponse::json_ok(OK), "x-rate-limit-remaining", "0");
                with_header(response, "x-rate-limit-reset", "18446744073709551615")
            },
        )
        .static_token(SecretString::from(ACCESS_TOKEN))
        .build()
        .unwrap();
    transport.send(get()).await.unwrap();
    let spent = transport.send(get()).await.unwrap_err();
    assert!(spent.is_quota_exhausted(), "{spent}");
    assert!(spent.retry_after().unwrap() <= MAX_NETWORK_WAIT);
    assert!(transport.quota(ORG).is_some());

    // Tokens that "expire" in u64::MAX seconds or milliseconds.
    for body in [
        r#"{"access_token":"1000.a","expires_in":18446744073709551615}"#,
        r#"{"access_token":"1000.a","expires_in_sec":18446744073709551615}"#,
        r#"{"access_token":"1000.a","expires_in_sec":-5}"#,
    ] {
        let server = Server::new();
        let transport = server
            .builder(
                move |_| Some(ApiResponse::json_ok(body)),
                |_| ApiResponse::json_ok(OK),
            )
            .refresh_token(credentials(), SecretString::from("1000.refresh"))
            .build()
            .unwrap();
        transport.send(get()).await.unwrap();
        transport.send(get()).await.unwrap();
        assert_eq!(server.tokens(), 1, "{body}");
    }
}

#[tokio::test(start_paused = true)]
async fn a_hanging_accounts_server_does_not_burn_the_token_budget() {
    let server = Server::new();
    let transport = server
        .builder(|_| None, |_| ApiResponse::json_ok(OK))
        .refresh_token(credentials(), SecretString::from("1000.refresh"))
        .build()
        .unwrap();
    // Each call tries (with its retries) and times out; none may be told "throttled" though
    // the server never answered, and none may say its request might have been processed.
    for _ in 0..6 {
        let error = transport.send(get()).await.unwrap_err();
        assert!(
            matches!(error.kind(), ErrorKind::Token(TokenError::Unreachable(_))),
            "{error}"
        );
        assert!(!error.is_rate_limited(), "{error}");
        assert!(!error.may_have_been_processed(), "{error}");
        assert!(error.is_retryable(), "{error}");
        assert!(
            error.to_string().contains("the API request was not sent"),
            "{error}"
        );
    }
    assert!(
        server.tokens() > 10,
        "more than the budget, since none counted"
    );
    assert_eq!(server.calls(), 0);
}

#[tokio::test(start_paused = true)]
async fn a_failing_accounts_server_is_a_retryable_failure_not_a_refusal() {
    for (status, body) in [
        (502u16, "<html>bad gateway</html>"),
        (500, ""),
        (200, ""),
        (503, "{}"),
    ] {
        let server = Server::new();
        let transport = server
            .builder(
                move |n| {
                    Some(if n == 0 {
                        ApiResponse::new(StatusCode::from_u16(status).unwrap(), body)
                    } else {
                        ApiResponse::json_ok(r#"{"access_token":"1000.a","expires_in":3600}"#)
                    })
                },
                |_| ApiResponse::json_ok(OK),
            )
            .refresh_token(credentials(), SecretString::from("1000.refresh"))
            .build()
            .unwrap();
        // The retry layer sends the call again (nothing was sent to the API), and the next
        // token request succeeds.
        transport.send(get()).await.unwrap();
        assert_eq!(
            (server.tokens(), server.calls()),
            (2, 1),
            "{status} {body:?}"
        );

        let server = Server::new();
        let transport = server
            .builder(
                move |_| {
                    Some(ApiResponse::new(
                        StatusCode::from_u16(status).unwrap(),
                        body,
                    ))
                },
                |_| ApiResponse::json_ok(OK),
            )
            .refresh_token(credentials(), SecretString::from("1000.refresh"))
            .no_retry()
            .build()
            .unwrap();
        let error = transport.send(get()).await.unwrap_err();
        assert!(
            matches!(
                error.kind(),
                ErrorKind::Token(TokenError::ServerFailure { .. })
            ),
            "{status}: {error}"
        );
        assert!(!error.is_unauthorized(), "{status}: {error}");
        assert!(error.is_retryable(), "{status}: {error}");
    }
}

#[test]
fn credentials_inside_a_custom_region_url_are_not_echoed() {
    let region = Region::custom(
        "http://admin:hunter2@zoho.test/invoice/v3",
        "https://accounts.test",
    );
    let error = HttpTransport::builder()
        .region(region)
        .static_token(SecretString::from(ACCESS_TOKEN))
        .build()
        .unwrap_err();
    assert!(matches!(error.kind(), ErrorKind::InsecureUrl(_)), "{error}");
    for shown in [error.to_string(), format!("{error:?}")] {
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(!shown.contains("admin"), "{shown}");
        assert!(shown.contains("zoho.test"), "{shown}");
    }
}

#[tokio::test(start_paused = true)]
async fn paths_that_climb_out_of_the_api_base_are_refused() {
    for path in [
        "/invoices/../../oauth/v2/token",
        "/a/./b",
        "/%2e%2e/x",
        "../items",
    ] {
        let error = ApiRequest::get(path).unwrap_err();
        assert!(error.is_invalid_input(), "{path}: {error}");
    }
    // A request made from a raw `http::Request` is checked by the organization layer too.
    let server = Server::new();
    let transport = server
        .builder(|_| None, |_| ApiResponse::json_ok(OK))
        .static_token(SecretString::from(ACCESS_TOKEN))
        .build()
        .unwrap();
    let raw = http::Request::get("/invoices/%2E%2E/%2e%2e/x")
        .body(bytes::Bytes::new())
        .unwrap();
    let error = transport
        .send(ApiRequest::from_http(raw))
        .await
        .unwrap_err();
    assert!(error.is_invalid_input(), "{error}");
    assert_eq!(server.calls(), 0);
}
