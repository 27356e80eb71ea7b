//! The accounts server's throttle: at most 10 access tokens per refresh token in 10 minutes,
//! then "too many requests continuously" and a lock that every request made while locked
//! extends. Here the API server rejects every token after one use (the worst case: each call
//! needs a new token), a call is made every 5 seconds for two hours on the paused clock, and
//! the token requests the client made are timed.

use std::time::Duration;

use tokio::time::Instant;
use zoho_invoice::Client;
use zoho_invoice::invoices::{InvoiceListFilter, ListInvoices};
use zoho_invoice::transport::{Error, TokenError};
use zoho_invoice_mock::MockServer;

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

async fn run() -> (MockServer, Vec<Step>) {
    let server = MockServer::start().await.expect("the fake server starts");
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

#[test]
fn under_the_throttle_the_client_backs_off() {
    current_thread(true, async {
        let (server, steps) = run().await;
        let times: Vec<u64> = steps
            .iter()
            .filter(|s| s.token_requests > 0)
            .map(|s| s.at)
            .collect();
        assert!(steps.iter().all(|s| s.token_requests <= 1));

        // Throttled answers, and the waits the client kept between them.
        let throttled: Vec<u64> = steps
            .iter()
            .filter(|s| s.token_requests > 0 && s.error.is_some())
            .map(|s| s.at)
            .collect();
        let busiest = busiest_window(&times);
        println!(
            "token requests: {} in {} s ({} calls); busiest {} s window: {busiest}; \
             throttled at {throttled:?}",
            times.len(),
            RUN.as_secs(),
            steps.len(),
            WINDOW.as_secs(),
        );

        // Calls refused while the client backs off are typed, say how long to wait, and
        // send nothing: no token request and no API request.
        let refused_quietly = steps
            .iter()
            .filter(|s| s.token_requests == 0 && s.error.is_some())
            .count();
        assert!(refused_quietly > 0);
        for step in steps.iter().filter(|s| s.error.is_some()) {
            let error = step.error.as_ref().unwrap();
            assert!(error.is_rate_limited(), "{error}");
            let transport = error.transport().unwrap();
            assert!(
                matches!(transport, Error::Token(TokenError::Throttled { .. })),
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
            throttled.len() >= 5,
            "{} throttled answers",
            throttled.len()
        );

        // In any 10 minutes: the 10 grants plus the retries of one back-off sequence that
        // fall inside the accounts server's 10-minute lock (at 0, 60, 180 and 420 s into it),
        // so 14 at most, against 120 calls that each needed a token. The ideal of at most
        // 10 would need the client to count its own token requests.
        assert!(
            busiest <= ALLOWED + 4,
            "{busiest} token requests in 10 minutes"
        );
        assert!(
            times.len() <= 70,
            "{} token requests in two hours",
            times.len()
        );
    });
}
