//! [`Outcome`]: the one classification of what happened to an attempt. The retry layer decides
//! on it, and [`Error::is_retryable`] answers from it, so the two never disagree.

use std::time::{Duration, SystemTime};

use http::StatusCode;

use crate::error::{Error, ErrorKind, TokenError};
use crate::response::{ApiResponse, retry_after};

/// What happened to one attempt, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The server answered with this status; `retry_after` is its `Retry-After`, already
    /// turned into a wait.
    Response {
        /// The status.
        status: StatusCode,
        /// The wait the server asked for.
        retry_after: Option<Duration>,
    },
    /// No connection could be made, or the accounts server failed or could not be reached:
    /// the request was never sent.
    ConnectFailed,
    /// The request was (or may have been) sent, and then the connection failed or the attempt
    /// timed out: the server may have processed it.
    FailedAfterSend,
    /// A failure that retrying within the call cannot mend: a bad request, a body too large,
    /// the daily quota, a wait the server asked for past the limiter's cap, and the accounts
    /// server's throttle on tokens (asking again extends its lock-out; the error's
    /// [`retry_after`](Error::retry_after) says when to try).
    Fatal,
}

impl Outcome {
    /// The outcome of an attempt's result; `now` is the wall clock, read only for a
    /// `Retry-After` date.
    pub fn of(result: &Result<ApiResponse, Error>, now: impl FnOnce() -> SystemTime) -> Self {
        match result {
            Ok(response) => {
                let status = response.status();
                // `Retry-After` only matters to an answer that may be retried.
                let waits = matches!(status.as_u16(), 429 | 500 | 502 | 503 | 504)
                    && response.headers().contains_key(http::header::RETRY_AFTER);
                Self::Response {
                    status,
                    retry_after: if waits {
                        retry_after(response.headers(), now())
                    } else {
                        None
                    },
                }
            }
            Err(error) => Self::of_error(error),
        }
    }

    /// The outcome an error stands for.
    pub fn of_error(error: &Error) -> Self {
        match error.kind() {
            ErrorKind::Api {
                status,
                retry_after,
                ..
            } => Self::Response {
                status: *status,
                retry_after: *retry_after,
            },
            ErrorKind::Connect(_) => Self::ConnectFailed,
            // The API request is not sent when no token can be had.
            ErrorKind::Token(TokenError::Unreachable(_) | TokenError::ServerFailure { .. }) => {
                Self::ConnectFailed
            }
            ErrorKind::Network(_) | ErrorKind::Timeout { .. } => Self::FailedAfterSend,
            _ => Self::Fatal,
        }
    }

    /// Whether the same request may succeed if sent again soon: 429, 500, 502, 503, 504, a
    /// connection that failed, a timeout, a failing accounts server. Whether it is *safe* to send again also depends on
    /// the method; [`decide`](crate::decide) says that.
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Response { status, .. } => {
                matches!(status.as_u16(), 429 | 500 | 502 | 503 | 504)
            }
            Self::ConnectFailed | Self::FailedAfterSend => true,
            Self::Fatal => false,
        }
    }
}

impl Error {
    /// The failure is transient: the same request may succeed if sent again soon (429, 500,
    /// 502, 503, 504, connection failures, timeouts, a failing accounts server). Whether it is
    /// *safe* to send again also depends on the method; the retry layer decides that from
    /// the same [`Outcome`], so the two always agree.
    ///
    /// Rate limits that come with a long wait (the daily quota, the accounts server's
    /// throttle on tokens, a `Retry-After` past the limiter's cap) are not retryable: see
    /// [`is_rate_limited`](Error::is_rate_limited) and [`retry_after`](Error::retry_after).
    pub fn is_retryable(&self) -> bool {
        Outcome::of_error(self).is_transient()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(kind: ErrorKind) -> Error {
        kind.into()
    }

    #[test]
    fn retryable_is_the_outcome_being_transient() {
        let api = |status: u16| -> Error {
            ErrorKind::Api {
                status: StatusCode::from_u16(status).unwrap(),
                code: None,
                message: String::new(),
                retry_after: None,
            }
            .into()
        };
        #[rustfmt::skip]
        let table: Vec<(Error, bool)> = vec![
            (api(429), true), (api(500), true), (api(502), true), (api(503), true),
            (api(504), true), (api(400), false), (api(401), false), (api(404), false),
            (api(501), false), (api(200), false),
            (kind(ErrorKind::Connect("x".into())), true),
            (kind(ErrorKind::Network("x".into())), true),
            (kind(ErrorKind::Token(TokenError::Throttled { retry_in: Duration::from_secs(60) })), false),
            (kind(ErrorKind::Token(TokenError::ServerFailure { status: StatusCode::BAD_GATEWAY })), true),
            (kind(ErrorKind::Token(TokenError::Unreachable(Box::new(kind(ErrorKind::Connect("x".into())))))), true),
            (kind(ErrorKind::Token(TokenError::Rejected { error: "invalid_client".into(), description: None, status: StatusCode::OK })), false),
            (kind(ErrorKind::Token(TokenError::Malformed("x".into()))), false),
            (kind(ErrorKind::Decode("x".into())), false),
            (kind(ErrorKind::NoIds), false),
        ];
        for (error, retryable) in table {
            assert_eq!(error.is_retryable(), retryable, "{error:?}");
            assert_eq!(
                Outcome::of_error(&error).is_transient(),
                retryable,
                "{error:?}"
            );
        }
    }
}
