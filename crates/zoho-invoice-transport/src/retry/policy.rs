//! The retry policy and the pure decision function.

use std::time::Duration;

use http::Method;

use crate::outcome::Outcome;
use crate::request::ApiRequest;

/// Decides whether to retry an attempt. [`RetryPolicy`] is the built-in one; implement this
/// to replace it ([`RetryLayer::with_policy`](crate::RetryLayer::with_policy),
/// [`TransportBuilder::retry_policy`](crate::TransportBuilder::retry_policy)).
pub trait Policy: Send + Sync + 'static {
    /// What to do after `attempt` (1-based) of `request` ended with `outcome`; `random_unit`
    /// is a number in `[0, 1)` for jitter.
    fn decide(
        &self,
        request: &ApiRequest,
        attempt: u32,
        outcome: Outcome,
        random_unit: f64,
    ) -> Decision;

    /// The most attempts this policy can allow (the last one is sent without keeping a copy
    /// of the request).
    fn max_attempts(&self) -> u32;
}

impl Policy for RetryPolicy {
    fn decide(
        &self,
        request: &ApiRequest,
        attempt: u32,
        outcome: Outcome,
        random_unit: f64,
    ) -> Decision {
        decide(self, request.method(), attempt, outcome, random_unit)
    }

    fn max_attempts(&self) -> u32 {
        self.max_attempts
    }
}

impl<P: Policy + ?Sized> Policy for std::sync::Arc<P> {
    fn decide(
        &self,
        request: &ApiRequest,
        attempt: u32,
        outcome: Outcome,
        random_unit: f64,
    ) -> Decision {
        (**self).decide(request, attempt, outcome, random_unit)
    }

    fn max_attempts(&self) -> u32 {
        (**self).max_attempts()
    }
}

/// How a request is retried: the built-in [`Policy`]. Put one on the builder, or on a single
/// request with [`ApiRequest::with_extension`](crate::ApiRequest::with_extension) (it then
/// decides for that request instead of the layer's policy).
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    max_retry_after: Duration,
}

impl Default for RetryPolicy {
    /// 4 attempts, backoff from 500 ms doubling up to 30 s, `Retry-After` honoured up to 5
    /// minutes.
    fn default() -> Self {
        Self {
            max_attempts: 4,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(30),
            max_retry_after: Duration::from_secs(300),
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn never() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// Attempts in all, the first included (at least 1).
    pub fn with_max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The backoff before the first retry (before jitter); it doubles with each retry.
    pub fn with_initial_backoff(mut self, backoff: Duration) -> Self {
        self.initial_backoff = backoff;
        self
    }

    /// The cap on the backoff (before jitter).
    pub fn with_max_backoff(mut self, backoff: Duration) -> Self {
        self.max_backoff = backoff;
        self
    }

    /// The longest `Retry-After` the transport waits for; a longer one ends the retries and
    /// the error carries it.
    pub fn with_max_retry_after(mut self, wait: Duration) -> Self {
        self.max_retry_after = wait;
        self
    }

    /// Attempts in all.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The backoff ceiling before the `attempt`-th retry (1-based), before jitter:
    /// `min(max_backoff, initial_backoff * 2^(attempt-1))`.
    pub fn backoff_ceiling(&self, attempt: u32) -> Duration {
        let factor = 2u32.saturating_pow(attempt.saturating_sub(1).min(31));
        self.initial_backoff
            .checked_mul(factor)
            .unwrap_or(self.max_backoff)
            .min(self.max_backoff)
    }
}

/// Why [`decide`] says not to retry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum StopReason {
    /// The attempt succeeded, or failed in a way retrying does not mend.
    NotRetryable,
    /// Sending again could repeat a side effect (a POST that may have been processed).
    NotIdempotent,
    /// Every attempt the policy allows was made.
    AttemptsExhausted,
    /// The server asked to wait longer than the policy accepts.
    RetryAfterTooLong,
}

/// What to do after an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Wait this long, then send again.
    Retry {
        /// The wait.
        after: Duration,
    },
    /// Return this attempt's result.
    Stop(StopReason),
}

/// Methods that may be sent twice without doubling a side effect.
pub fn is_idempotent(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS
    )
}

/// Decides whether to retry after `attempt` (1-based) ended with `outcome`.
///
/// - 429 is always retried: the server refused the request without processing it.
/// - 500, 502, 503, 504 and failures after sending are retried for idempotent methods only
///   (GET, PUT, DELETE, ...), never for POST.
/// - A connect failure is retried for every method: nothing was sent.
/// - The wait is the server's `Retry-After` when it gave one (a longer one than
///   `max_retry_after` stops), else full jitter: `random_unit * backoff_ceiling(attempt)`.
///
/// `random_unit` is a number in `[0, 1)`. The function is pure: same inputs, same answer.
pub fn decide(
    policy: &RetryPolicy,
    method: &Method,
    attempt: u32,
    outcome: Outcome,
    random_unit: f64,
) -> Decision {
    if !outcome.is_transient() {
        return Decision::Stop(StopReason::NotRetryable);
    }
    let retry_after = match outcome {
        Outcome::Response {
            status,
            retry_after,
        } => match status.as_u16() {
            429 => retry_after,
            500 | 502 | 503 | 504 if is_idempotent(method) => retry_after,
            500 | 502 | 503 | 504 => return Decision::Stop(StopReason::NotIdempotent),
            _ => return Decision::Stop(StopReason::NotRetryable),
        },
        Outcome::ConnectFailed => None,
        Outcome::FailedAfterSend if is_idempotent(method) => None,
        Outcome::FailedAfterSend => return Decision::Stop(StopReason::NotIdempotent),
        Outcome::Fatal => return Decision::Stop(StopReason::NotRetryable),
    };
    if attempt >= policy.max_attempts {
        return Decision::Stop(StopReason::AttemptsExhausted);
    }
    let after = match retry_after {
        Some(wait) if wait > policy.max_retry_after => {
            return Decision::Stop(StopReason::RetryAfterTooLong);
        }
        Some(wait) => wait,
        None => policy
            .backoff_ceiling(attempt)
            .mul_f64(random_unit.clamp(0.0, 1.0)),
    };
    Decision::Retry { after }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::StatusCode;

    fn response(status: u16, retry_after: Option<u64>) -> Outcome {
        Outcome::Response {
            status: StatusCode::from_u16(status).unwrap(),
            retry_after: retry_after.map(Duration::from_secs),
        }
    }

    #[test]
    fn decision_table() {
        use Decision::{Retry, Stop};
        use StopReason::*;
        let policy = RetryPolicy::default()
            .with_max_attempts(3)
            .with_initial_backoff(Duration::from_secs(1))
            .with_max_backoff(Duration::from_secs(10));
        let secs = |s: f64| Retry {
            after: Duration::from_secs_f64(s),
        };
        #[rustfmt::skip]
        let table: Vec<(Method, u32, Outcome, Decision)> = vec![
            // 429: always retried, honouring Retry-After, for every method.
            (Method::GET, 1, response(429, Some(2)), secs(2.0)),
            (Method::POST, 1, response(429, Some(2)), secs(2.0)),
            (Method::POST, 1, response(429, None), secs(0.5)),
            (Method::DELETE, 2, response(429, None), secs(1.0)),
            (Method::POST, 3, response(429, Some(1)), Stop(AttemptsExhausted)),
            (Method::GET, 1, response(429, Some(301)), Stop(RetryAfterTooLong)),
            // 5xx: idempotent methods only.
            (Method::GET, 1, response(500, None), secs(0.5)),
            (Method::PUT, 1, response(502, None), secs(0.5)),
            (Method::DELETE, 1, response(503, Some(3)), secs(3.0)),
            (Method::GET, 2, response(504, None), secs(1.0)),
            (Method::GET, 3, response(503, None), Stop(AttemptsExhausted)),
            (Method::POST, 1, response(500, None), Stop(NotIdempotent)),
            (Method::POST, 1, response(502, None), Stop(NotIdempotent)),
            (Method::POST, 1, response(503, Some(1)), Stop(NotIdempotent)),
            (Method::POST, 1, response(504, None), Stop(NotIdempotent)),
            // Other statuses are answers, not transient failures.
            (Method::GET, 1, response(200, None), Stop(NotRetryable)),
            (Method::GET, 1, response(400, None), Stop(NotRetryable)),
            (Method::GET, 1, response(401, None), Stop(NotRetryable)),
            (Method::GET, 1, response(404, None), Stop(NotRetryable)),
            (Method::GET, 1, response(501, None), Stop(NotRetryable)),
            // Connection failures.
            (Method::POST, 1, Outcome::ConnectFailed, secs(0.5)),
            (Method::GET, 1, Outcome::ConnectFailed, secs(0.5)),
            (Method::POST, 3, Outcome::ConnectFailed, Stop(AttemptsExhausted)),
            (Method::GET, 1, Outcome::FailedAfterSend, secs(0.5)),
            (Method::POST, 1, Outcome::FailedAfterSend, Stop(NotIdempotent)),
            (Method::GET, 1, Outcome::Fatal, Stop(NotRetryable)),

        ];
        for (method, attempt, outcome, expected) in table {
            let got = decide(&policy, &method, attempt, outcome, 0.5);
            assert_eq!(got, expected, "{method} attempt {attempt} {outcome:?}");
        }
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        let policy = RetryPolicy::default()
            .with_initial_backoff(Duration::from_millis(100))
            .with_max_backoff(Duration::from_secs(1));
        let ceilings: Vec<u128> = (1..=6)
            .map(|a| policy.backoff_ceiling(a).as_millis())
            .collect();
        assert_eq!(ceilings, [100, 200, 400, 800, 1000, 1000]);
        assert_eq!(policy.backoff_ceiling(200), Duration::from_secs(1));
    }

    #[test]
    fn full_jitter_spans_zero_to_ceiling() {
        let policy = RetryPolicy::default()
            .with_max_attempts(10)
            .with_initial_backoff(Duration::from_secs(1));
        let at = |unit| decide(&policy, &Method::GET, 3, response(503, None), unit);
        assert_eq!(
            at(0.0),
            Decision::Retry {
                after: Duration::ZERO
            }
        );
        assert_eq!(
            at(0.25),
            Decision::Retry {
                after: Duration::from_secs(1)
            }
        );
        assert_eq!(
            at(0.999),
            Decision::Retry {
                after: Duration::from_secs_f64(3.996)
            }
        );
    }

    #[test]
    fn never_does_not_retry() {
        let policy = RetryPolicy::never();
        assert_eq!(
            decide(&policy, &Method::GET, 1, response(429, None), 0.5),
            Decision::Stop(StopReason::AttemptsExhausted)
        );
    }
}
