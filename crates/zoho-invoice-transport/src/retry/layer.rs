//! The retry layer: applies [`decide`](super::decide) around the inner stack.

use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use crate::BoxFuture;
use tower::Service;
use tracing::Instrument;

use super::{Decision, Outcome, RetryBudget, RetryPolicy, decide};
use crate::clock::{Clock, Random, Sleeper};
use crate::error::{Error, TokenError};
use crate::request::ApiRequest;
use crate::response::{ApiResponse, retry_after};
use crate::shared::Shared;

/// What the retry layer shares between clones.
#[derive(Debug)]
pub(crate) struct RetryShared {
    pub(crate) policy: RetryPolicy,
    pub(crate) budget: RetryBudget,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) sleeper: Arc<dyn Sleeper>,
    pub(crate) random: Arc<dyn Random>,
}

/// Retries attempts as the policy decides.
#[derive(Clone)]
pub(crate) struct RetryService {
    pub(crate) inner: Shared,
    pub(crate) shared: Arc<RetryShared>,
}

/// Maps an attempt's result to what the decision needs.
pub(crate) fn classify(result: &Result<ApiResponse, Error>, clock: &dyn Clock) -> Outcome {
    match result {
        Ok(response) => Outcome::Response {
            status: response.status(),
            retry_after: retry_after(response.headers(), clock.now()),
        },
        Err(Error::Connect(_)) => Outcome::ConnectFailed,
        // The API request was not sent when no token could be had.
        Err(Error::Token(TokenError::Unreachable(_))) => Outcome::ConnectFailed,
        Err(Error::Network(_) | Error::Timeout { .. }) => Outcome::FailedAfterSend,
        Err(_) => Outcome::Fatal,
    }
}

impl Service<ApiRequest> for RetryService {
    type Response = ApiResponse;
    type Error = Error;
    type Future = BoxFuture<Result<ApiResponse, Error>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: ApiRequest) -> Self::Future {
        let inner = self.inner.clone();
        let shared = self.shared.clone();
        Box::pin(async move {
            let policy = request
                .extensions()
                .get::<RetryPolicy>()
                .cloned()
                .unwrap_or_else(|| shared.policy.clone());
            let method = request.method().clone();
            let mut waited = Duration::ZERO;
            let mut attempt = 1u32;
            loop {
                let span = tracing::debug_span!(
                    "zoho_invoice.attempt",
                    attempt,
                    status = tracing::field::Empty
                );
                let result = inner.call(request.clone()).instrument(span.clone()).await;
                if let Ok(response) = &result {
                    span.record("status", response.status().as_u16());
                }
                let outcome = classify(&result, shared.clock.as_ref());
                let decision = decide(
                    &policy,
                    &method,
                    attempt,
                    outcome,
                    shared.random.next_unit(),
                );
                let current = tracing::Span::current();
                current.record("attempts", attempt);
                match decision {
                    Decision::Retry { after } if shared.budget.try_withdraw() => {
                        tracing::debug!(
                            attempt,
                            wait_ms = after.as_millis() as u64,
                            "attempt failed; retrying"
                        );
                        waited += after;
                        current.record("wait_ms", waited.as_millis() as u64);
                        shared.sleeper.sleep(after).await;
                        attempt += 1;
                    }
                    Decision::Retry { .. } => {
                        tracing::debug!(attempt, "retry budget spent; not retrying");
                        return result;
                    }
                    Decision::Stop(_) => {
                        if matches!(&result, Ok(r) if r.status().is_success()) {
                            shared.budget.deposit();
                        }
                        return result;
                    }
                }
            }
        })
    }
}
