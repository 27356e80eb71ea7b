//! The accounts server's throttle: at most 10 access tokens per refresh token in 10 minutes,
//! then "too many requests continuously" and a lock that every request made while locked
//! extends. Here the API server rejects every token after one use (the worst case: each call
//! needs a new token), a call is made every 5 seconds for two hours on the paused clock, and
//! the token requests the client made are timed: against Zoho's rule, and against a stricter
//! server that throttles the client anyway.

use std::time::Duration;

use tokio::time::Instant;
use zoho_invoice::Client;
use zoho_invoice::ErrorKind;
use zoho_invoice::invoices::{InvoiceListFilter, ListInvoices};
use zoho_invoice::transport::TokenError;
use zoho_invoice_mock::{MockConfig, MockServer};

use crate::support::{builder, credentials, current_thread, refresh_token, token_requests};

/// The accounts server's rule (the fake server's default, Zoho's documented limit).
const ALLOWED: usize = 10;
const WINDOW: Duration = Duration::from_secs(600);
/// A call every `STEP`, for `RUN`.
const STEP: Duration = Duration::from_secs(5);
const RUN: Duration = Duration::from_secs(2 * 3_600);

/// What happened to one call.
struct Step {
    /// Seconds since the start.
    at: u64,
    /// Token requests the call made.
    token_requests: u64,
    /// The call's error, if it failed.
    error: Option<zoho_invoice::Error>,
}

/// Runs the calls against a fake server whose accounts server allows `allowed` tokens in
/// `WINDOW`.
async fn run(allowed: u32) -> (MockServer, Vec<Step>) {
    let config = MockConfig::default().with_token_throttle(allowed, WINDOW);
    let server = MockServer::start_with(config)
        .await
        .expect("the fake server starts");
    let refresh = refresh_token(&server).await;
    let client = Client::new(
        builder(&server)
            .refresh_token(credentials(), refresh)
            .build()
            .expect("a transport"),
    );
    let start = Instant::now();
    let mut steps = Vec::new();
    while start.elapsed() < RUN {
        server.expire_tokens();
        let before = token_requests(&server);
        let result = client
            .send(&ListInvoices {
                filter: InvoiceListFilter::default(),
            })
            .await;
        steps.push(Step {
            at: start.elapsed().as_secs(),
            token_requests: token_requests(&server) - before,
            error: result.err(),
        });
        tokio::time::advance(STEP).await;
    }
    (server, steps)
}

/// The most token requests in any window of `WINDOW` seconds.
fn busiest_window(times: &[u64]) -> usize {
    times
        .iter()
        .map(|&from| {
            times
                .iter()
                .filter(|&&t| t >= from && t < from + WINDOW.as_secs())
                .count()
        })
        .max()
        .unwrap_or(0)
}

/// The times (seconds from the start) of the calls that made a token request.
fn token_times(steps: &[Step]) -> Vec<u64> {
    steps
        .iter()
        .filter(|s| s.token_requests > 0)
        .map(|s| s.at)
        .collect()
}

/// Checks what holds whatever the server does: one token request per call at most, calls
/// refused by the client typed and silent, each success one 401 and one replay, and never
/// more than Zoho's 10 token requests in any 10 minutes.
fn check_common(server: &MockServer, steps: &[Step]) {
    assert!(steps.iter().all(|s| s.token_requests <= 1));
    let refused_quietly = steps
        .iter()
        .filter(|s| s.token_requests == 0 && s.error.is_some())
        .count();
    assert!(refused_quietly > 0);
    for step in steps.iter().filter(|s| s.error.is_some()) {
        let error = step.error.as_ref().unwrap();
        assert!(error.is_rate_limited(), "{error}");
        let transport = error;
        assert!(
            matches!(
                transport.kind(),
                ErrorKind::Token(TokenError::Throttled { .. })
            ),
            "{error}"
        );
        assert!(transport.retry_after().is_some_and(|d| d > Duration::ZERO));
    }
    let api_calls = server.count("GET /invoices") as usize;
    let succeeded = steps.iter().filter(|s| s.error.is_none()).count();
    assert_eq!(
        api_calls,
        2 * succeeded,
        "each success: one 401, one replay"
    );
    let busiest = busiest_window(&token_times(steps));
    assert!(busiest <= ALLOWED, "{busiest} token requests in 10 minutes");
}

#[test]
fn the_client_keeps_to_zohos_token_budget() {
    current_thread(true, async {
        let (server, steps) = run(ALLOWED as u32).await;
        check_common(&server, &steps);
        let times = token_times(&steps);
        // The server never had to throttle: every token request was granted.
        assert!(
            steps
                .iter()
                .filter(|s| s.token_requests > 0)
                .all(|s| s.error.is_none()),
            "a token request was throttled"
        );
        // And the client used its budget: 10 in each of the 12 windows of the run.
        assert!(times.len() >= 110, "{} token requests", times.len());
        println!(
            "token requests: {} in {} s ({} calls)",
            times.len(),
            RUN.as_secs(),
            steps.len()
        );
    });
}

#[test]
fn under_the_throttle_the_client_backs_off() {
    current_thread(true, async {
        // A server stricter than the client's budget: it throttles after 3 in 10 minutes.
        let (server, steps) = run(3).await;
        check_common(&server, &steps);
        let throttled: Vec<u64> = steps
            .iter()
            .filter(|s| s.token_requests > 0 && s.error.is_some())
            .map(|s| s.at)
            .collect();
        println!(
            "token requests: {} in {} s ({} calls); throttled at {throttled:?}",
            token_times(&steps).len(),
            RUN.as_secs(),
            steps.len(),
        );

        // After the n-th throttled answer in a row the client waits at least 60 s * 2^(n-1),
        // capped at 15 minutes, before it asks again.
        let mut streak = 0u32;
        let mut last_throttle = None;
        for step in steps.iter().filter(|s| s.token_requests > 0) {
            if let Some(at) = last_throttle {
                let least = (60u64 << (streak - 1)).min(900);
                assert!(
                    step.at - at >= least,
                    "asked {} s after throttle #{streak}",
                    step.at - at
                );
            }
            if step.error.is_some() {
                streak += 1;
                last_throttle = Some(step.at);
            } else {
                streak = 0;
                last_throttle = None;
            }
        }
        assert!(
            throttled.len() >= 3,
            "{} throttled answers",
            throttled.len()
        );
    });
}
