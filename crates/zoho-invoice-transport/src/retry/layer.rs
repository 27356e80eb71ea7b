//! The retry layer: applies [`decide`](super::decide) around the inner stack.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use super::{Decision, Outcome, RetryBudget, RetryPolicy, decide};
use crate::clock::{Clock, Random, Sleeper};
use crate::error::{Error, TimeoutKind, TokenError};
use crate::request::ApiRequest;
use crate::response::{ApiResponse, retry_after};
use crate::shared::{Call, Deadline, within};
use crate::trace::{instrumented, record_outcome};

/// The retry layer's settings and shared state.
#[derive(Debug)]
pub(crate) struct RetryShared {
    pub(crate) policy: RetryPolicy,
    pub(crate) budget: RetryBudget,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) sleeper: Arc<dyn Sleeper>,
    pub(crate) random: Arc<dyn Random>,
}

/// Retries attempts as the policy decides.
pub(crate) struct RetryService<S> {
    pub(crate) inner: S,
    pub(crate) shared: RetryShared,
}

/// Maps an attempt's result to what the decision needs.
pub(crate) fn classify(result: &Result<ApiResponse, Error>, clock: &dyn Clock) -> Outcome {
    match result {
        Ok(response) => Outcome::Response {
            status: response.status(),
            // The wall clock is only read for a `Retry-After` date.
            retry_after: if response.headers().contains_key(http::header::RETRY_AFTER) {
                retry_after(response.headers(), clock.now())
            } else {
                None
            },
        },
        Err(Error::Connect(_)) => Outcome::ConnectFailed,
        // The API request was not sent when no token could be had.
        Err(Error::Token(TokenError::Unreachable(_))) => Outcome::ConnectFailed,
        Err(Error::Network(_) | Error::Timeout { .. }) => Outcome::FailedAfterSend,
        Err(_) => Outcome::Fatal,
    }
}

impl<S: Call> Call for RetryService<S> {
    fn call(
        &self,
        request: ApiRequest,
        deadline: Option<Deadline>,
    ) -> impl Future<Output = Result<ApiResponse, Error>> + Send + '_ {
        let shared = &self.shared;
        let policy = request
            .extensions()
            .get::<RetryPolicy>()
            .unwrap_or(&shared.policy)
            .clone();
        let method = request.method().clone();
        let mut original = Some(request);
        async move {
            let mut waited = Duration::ZERO;
            let mut attempt = 1u32;
            loop {
                // The policy never retries its last attempt: that one gets the request itself
                // instead of a copy.
                let outgoing = match original.take() {
                    Some(request) if attempt < policy.max_attempts() => {
                        let copy = request.clone();
                        original = Some(request);
                        copy
                    }
                    Some(request) => request,
                    None => {
                        return Err(Error::InvalidRequest(
                            "the request is gone after its last attempt".into(),
                        ));
                    }
                };
                let span = tracing::debug_span!(
                    "zoho_invoice.attempt",
                    attempt,
                    status = tracing::field::Empty
                );
                // Boxed: the layers above then move a small future, not the whole exchange.
                let call = Box::pin(self.inner.call(outgoing, deadline));
                let result = instrumented(call, span.clone()).await;
                if is_total_timeout(&result) {
                    record_outcome(&result);
                    return result;
                }
                if !span.is_disabled() {
                    if let Ok(response) = &result {
                        span.record("status", response.status().as_u16());
                    }
                }
                let outcome = classify(&result, shared.clock.as_ref());
                let decision = decide(
                    &policy,
                    &method,
                    attempt,
                    outcome,
                    shared.random.next_unit(),
                );
                let current = call_span();
                if !current.is_disabled() {
                    current.record("attempts", attempt);
                }
                match decision {
                    Decision::Retry { after } if shared.budget.try_withdraw() => {
                        tracing::debug!(
                            attempt,
                            wait_ms = after.as_millis() as u64,
                            "attempt failed; retrying"
                        );
                        waited += after;
                        if !current.is_disabled() {
                            current.record("wait_ms", waited.as_millis() as u64);
                        }
                        if let Err(error) = within(deadline, shared.sleeper.sleep(after)).await {
                            let result = Err(error);
                            record_outcome(&result);
                            return result;
                        }
                        attempt += 1;
                    }
                    Decision::Retry { .. } => {
                        tracing::debug!(attempt, "retry budget spent; not retrying");
                        record_outcome(&result);
                        return result;
                    }
                    Decision::Stop(_) => {
                        if matches!(&result, Ok(r) if r.status().is_success()) {
                            shared.budget.deposit();
                        }
                        record_outcome(&result);
                        return result;
                    }
                }
            }
        }
    }
}

/// The call's span (current while the retry layer runs), or a disabled one when no
/// subscriber takes debug spans: then nothing is looked up.
pub(crate) fn call_span() -> tracing::Span {
    if tracing::level_enabled!(tracing::Level::DEBUG) {
        tracing::Span::current()
    } else {
        tracing::Span::none()
    }
}

/// The call's total deadline ran out: nothing more may be tried.
fn is_total_timeout(result: &Result<ApiResponse, Error>) -> bool {
    matches!(
        result,
        Err(Error::Timeout {
            kind: TimeoutKind::Total,
            ..
        })
    )
}
