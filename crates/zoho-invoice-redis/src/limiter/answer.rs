//! What an answer tells the limiter: whether it is a 429, the pause it asks for, and the
//! daily quota in its `X-Rate-Limit-*` headers.

use std::time::{Duration, SystemTime};

use http::{HeaderMap, StatusCode};
use zoho_invoice_transport::{ApiResponse, Error, MAX_NETWORK_WAIT, Outcome};

/// What the observe script is told about an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Observation {
    /// There was an answer (the call did not fail without one).
    pub(crate) answered: bool,
    /// The answer is a 429.
    pub(crate) throttled: bool,
    /// `X-Rate-Limit-Remaining`, when present.
    pub(crate) remaining: Option<u64>,
    /// `X-Rate-Limit-Reset`: seconds until the quota resets (capped at a year).
    pub(crate) reset_secs: u64,
    /// `X-Rate-Limit-Limit`, when present.
    pub(crate) limit: Option<u64>,
    /// The pause a 429 asks for: its `Retry-After`, else the configured one (capped at a
    /// year).
    pub(crate) pause: Duration,
}

impl Observation {
    /// Nothing learnt: the call failed without an answer.
    pub(crate) fn none() -> Self {
        Self {
            answered: false,
            throttled: false,
            remaining: None,
            reset_secs: 0,
            limit: None,
            pause: Duration::ZERO,
        }
    }

    /// What `result` says; `pause_after_429` is the pause of a 429 without `Retry-After`.
    pub(crate) fn of(result: &Result<ApiResponse, Error>, pause_after_429: Duration) -> Self {
        let Ok(response) = result else {
            return Self::none();
        };
        let headers = response.headers();
        let throttled = response.status() == StatusCode::TOO_MANY_REQUESTS;
        let pause = if throttled {
            let outcome = Outcome::of(result, SystemTime::now);
            match outcome {
                Outcome::Response {
                    retry_after: Some(wait),
                    ..
                } => wait,
                _ => pause_after_429,
            }
        } else {
            Duration::ZERO
        };
        Self {
            answered: true,
            throttled,
            remaining: header_u64(headers, "x-rate-limit-remaining"),
            reset_secs: header_u64(headers, "x-rate-limit-reset")
                .unwrap_or(0)
                .min(MAX_NETWORK_WAIT.as_secs()),
            limit: header_u64(headers, "x-rate-limit-limit"),
            pause: pause.min(MAX_NETWORK_WAIT),
        }
    }
}

fn header_u64(headers: &HeaderMap, name: &str) -> Option<u64> {
    headers.get(name)?.to_str().ok()?.trim().parse().ok()
}

/// A count as the scripts take it: -1 for none, and never past what a Lua number holds
/// exactly.
pub(crate) fn script_count(value: Option<u64>) -> i64 {
    const LUA_EXACT: u64 = 1 << 53;
    value.map_or(-1, |v| i64::try_from(v.min(LUA_EXACT)).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, headers: &[(&str, &str)]) -> Result<ApiResponse, Error> {
        let mut response = ApiResponse::new(StatusCode::from_u16(status).unwrap(), "{}");
        for (name, value) in headers {
            response.headers_mut().insert(
                http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                value.parse().unwrap(),
            );
        }
        Ok(response)
    }

    #[test]
    fn reads_the_quota_and_the_pause() {
        let ten = Duration::from_secs(10);
        let cases = [
            (
                answer(
                    200,
                    &[
                        ("x-rate-limit-limit", "7500"),
                        ("x-rate-limit-remaining", "6775"),
                        ("x-rate-limit-reset", "34881"),
                    ],
                ),
                (false, Some(6775), 34881, Some(7500), Duration::ZERO),
            ),
            (
                answer(429, &[("retry-after", "3")]),
                (true, None, 0, None, Duration::from_secs(3)),
            ),
            (answer(429, &[]), (true, None, 0, None, ten)),
            (
                answer(
                    429,
                    &[
                        ("retry-after", "99999999999999"),
                        ("x-rate-limit-remaining", " 0 "),
                        ("x-rate-limit-reset", "18446744073709551615"),
                    ],
                ),
                (
                    true,
                    Some(0),
                    MAX_NETWORK_WAIT.as_secs(),
                    None,
                    MAX_NETWORK_WAIT,
                ),
            ),
            (
                answer(200, &[("x-rate-limit-remaining", "many")]),
                (false, None, 0, None, Duration::ZERO),
            ),
        ];
        for (result, (throttled, remaining, reset_secs, limit, pause)) in cases {
            let seen = Observation::of(&result, ten);
            assert_eq!(
                seen,
                Observation {
                    answered: true,
                    throttled,
                    remaining,
                    reset_secs,
                    limit,
                    pause
                }
            );
        }
        let failed: Result<ApiResponse, Error> = Err(Error::new(
            zoho_invoice_transport::ErrorKind::Network("reset".into()),
        ));
        assert_eq!(Observation::of(&failed, ten), Observation::none());
    }

    #[test]
    fn counts_fit_a_lua_number() {
        assert_eq!(script_count(None), -1);
        assert_eq!(script_count(Some(7)), 7);
        assert_eq!(script_count(Some(u64::MAX)), 1 << 53);
    }
}
