//! The one error type of the transport.

use std::time::{Duration, SystemTime};

use http::StatusCode;

/// Everything that can go wrong when calling Zoho Invoice through a [`Transport`].
///
/// The error never carries a secret: no token, client secret, header value or request body.
/// Ask it questions through the predicates ([`is_rate_limited`](Error::is_rate_limited),
/// [`is_not_found`](Error::is_not_found), [`is_retryable`](Error::is_retryable), ...) rather
/// than by matching, so that new variants do not break your code.
///
/// [`Transport`]: crate::Transport
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Zoho answered, and the answer is an error: a non-success HTTP status, or a body whose
    /// `code` is not 0 (whatever the status).
    #[error("Zoho Invoice answered HTTP {status}{}: {message}", code.map(|c| format!(" with code {c}")).unwrap_or_default())]
    Api {
        /// The HTTP status of the answer.
        status: StatusCode,
        /// Zoho's `code` from the body, when the body had one.
        code: Option<i64>,
        /// Zoho's `message` from the body, or the status' reason phrase.
        message: String,
        /// How long the server asked to wait (`Retry-After`), when it said.
        retry_after: Option<Duration>,
    },
    /// The organization's daily request quota is spent. Nothing was sent; the quota resets
    /// after `resets_in`.
    #[error("the daily request quota{} is spent; it resets in {}s", organization.as_deref().map(|o| format!(" of organization {o}")).unwrap_or_default(), resets_in.as_secs())]
    QuotaExhausted {
        /// The organization whose quota is spent, when the request named one.
        organization: Option<String>,
        /// Time left until the quota resets, as of when the error was made.
        resets_in: Duration,
        /// The wall-clock time at which the quota resets.
        resets_at: SystemTime,
    },
    /// Getting an access token failed.
    #[error(transparent)]
    Token(#[from] TokenError),
    /// No connection could be made: the request was never sent.
    #[error("could not connect: {0}")]
    Connect(String),
    /// The connection failed while the request was, or may have been, on its way.
    #[error("the connection failed: {0}")]
    Network(String),
    /// A time limit ran out.
    #[error("the {kind} timeout of {}ms ran out", after.as_millis())]
    Timeout {
        /// Which time limit.
        kind: TimeoutKind,
        /// The limit that ran out.
        after: Duration,
    },
    /// The response body is larger than the configured cap.
    #[error("the response body is larger than the {limit}-byte cap")]
    BodyTooLarge {
        /// The cap, in bytes.
        limit: usize,
    },
    /// A plain `http://` URL was refused because plain HTTP was not explicitly allowed.
    #[error("refusing to send over plain http to {0}; only https is allowed")]
    InsecureUrl(String),
    /// The request could not be built or is not acceptable (bad path, foreign host, ...).
    #[error("invalid request: {0}")]
    InvalidRequest(String),
    /// The transport configuration is invalid.
    #[error("invalid configuration: {0}")]
    Config(String),
    /// A response body could not be decoded.
    #[error("could not decode the response: {0}")]
    Decode(String),
}

/// Which time limit ran out in an [`Error::Timeout`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeoutKind {
    /// One attempt (connect, send and read the response) took too long.
    Attempt,
    /// The whole call, retries and waits included, took too long.
    Total,
}

impl std::fmt::Display for TimeoutKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Attempt => "per-attempt",
            Self::Total => "total",
        })
    }
}

/// Why an access token could not be had from the accounts server.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum TokenError {
    /// The accounts server throttles this refresh token ("You have made too many requests
    /// continuously"), or the transport's own budget of token requests (Zoho's limit) is
    /// spent. Asking again before `retry_in` would only extend the lock, so the transport does
    /// not ask.
    #[error("token requests are throttled (Zoho allows about 10 in 10 minutes); try again in {}s", retry_in.as_secs())]
    Throttled {
        /// How long the transport waits before asking the accounts server again.
        retry_in: Duration,
    },
    /// The accounts server refused the request, with an `error` field (often with HTTP 200):
    /// `invalid_code`, `invalid_client`, ...
    #[error("the accounts server refused the token request: {error}{}", description.as_deref().map(|d| format!(" ({d})")).unwrap_or_default())]
    Rejected {
        /// The `error` field (or the HTTP status when the body had none).
        error: String,
        /// The `error_description` field, when present.
        description: Option<String>,
        /// The HTTP status of the answer.
        status: StatusCode,
    },
    /// The accounts server's answer could not be understood.
    #[error("the token response is malformed: {0}")]
    Malformed(String),
    /// The accounts server could not be reached.
    #[error("the accounts server could not be reached: {0}")]
    Unreachable(Box<Error>),
}

impl TokenError {
    /// The `error` code of a [`TokenError::Rejected`], e.g. `"invalid_code"`.
    pub fn error_code(&self) -> Option<&str> {
        match self {
            Self::Rejected { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// Zoho's code for "the resource does not exist".
const CODE_NOT_FOUND: i64 = 1002;
/// Zoho's code for "you are not authorized to perform this operation".
const CODE_NOT_AUTHORIZED: i64 = 57;

impl Error {
    /// The HTTP status, when Zoho answered.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Self::Api { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Zoho's `code`, when the answer's body had one.
    pub fn code(&self) -> Option<i64> {
        match self {
            Self::Api { code, .. } => *code,
            _ => None,
        }
    }

    /// Zoho's `message`, when Zoho answered.
    pub fn message(&self) -> Option<&str> {
        match self {
            Self::Api { message, .. } => Some(message),
            _ => None,
        }
    }

    /// How long the server (or the transport) says to wait before trying again.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Self::Api { retry_after, .. } => *retry_after,
            Self::QuotaExhausted { resets_in, .. } => Some(*resets_in),
            Self::Token(TokenError::Throttled { retry_in }) => Some(*retry_in),
            _ => None,
        }
    }

    /// The request was refused for sending too many: HTTP 429, the daily quota, or the
    /// accounts server's throttle.
    pub fn is_rate_limited(&self) -> bool {
        matches!(
            self,
            Self::QuotaExhausted { .. } | Self::Token(TokenError::Throttled { .. })
        ) || self.status() == Some(StatusCode::TOO_MANY_REQUESTS)
    }

    /// The daily quota is spent ([`Error::QuotaExhausted`]).
    pub fn is_quota_exhausted(&self) -> bool {
        matches!(self, Self::QuotaExhausted { .. })
    }

    /// The resource does not exist (HTTP 404 or Zoho code 1002).
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(StatusCode::NOT_FOUND) || self.code() == Some(CODE_NOT_FOUND)
    }

    /// The credentials were refused: HTTP 401, Zoho code 57, or the accounts server rejected
    /// the token request.
    pub fn is_unauthorized(&self) -> bool {
        self.status() == Some(StatusCode::UNAUTHORIZED)
            || self.code() == Some(CODE_NOT_AUTHORIZED)
            || matches!(self, Self::Token(TokenError::Rejected { .. }))
    }

    /// A time limit ran out.
    pub fn is_timeout(&self) -> bool {
        matches!(self, Self::Timeout { .. })
    }

    /// No connection could be made (the request was never sent).
    pub fn is_connect(&self) -> bool {
        matches!(self, Self::Connect(_))
    }

    /// The connection failed after the request was, or may have been, sent: reset before the
    /// answer, or in the middle of its body ([`Error::Network`]).
    pub fn is_network(&self) -> bool {
        matches!(self, Self::Network(_))
    }

    /// The outcome is unknown: the server may have carried the request out even though the
    /// call failed. True after a connection failure once the request was sent, a timeout, an
    /// answer that could not be read or decoded, and a 500, 502, 503 or 504 (a server or a
    /// proxy in front of it can fail after the work is done). False when the request was
    /// refused unprocessed or never sent: 429, any other status, a connect failure, a token
    /// that could not be had, the daily quota, a request refused before sending.
    ///
    /// This is what to check before creating something again after a failed `POST`, which the
    /// transport never sends twice unless it was refused unprocessed: when it is true, look
    /// the record up (by a reference of your own) before creating it again.
    ///
    /// It describes the last attempt. A `GET`, `PUT` or `DELETE` may have been retried after
    /// an earlier attempt that the server carried out (a `DELETE` whose answer was lost, whose
    /// retry then finds the record gone, fails with [`is_not_found`](Error::is_not_found)).
    ///
    /// ```
    /// use zoho_invoice_transport::Error;
    /// assert!(Error::Network("reset".into()).may_have_been_processed());
    /// assert!(!Error::Connect("refused".into()).may_have_been_processed());
    /// ```
    pub fn may_have_been_processed(&self) -> bool {
        match self {
            Self::Api { status, .. } => matches!(status.as_u16(), 500 | 502 | 503 | 504),
            Self::Network(_) | Self::Timeout { .. } | Self::BodyTooLarge { .. } => true,
            Self::Decode(_) => true,
            Self::QuotaExhausted { .. }
            | Self::Token(_)
            | Self::Connect(_)
            | Self::InsecureUrl(_)
            | Self::InvalidRequest(_)
            | Self::Config(_) => false,
        }
    }

    /// The failure is transient: the same request may succeed later (429, 500, 502, 503,
    /// 504, connection failures, timeouts, throttled token requests). Whether it is *safe* to
    /// send again also depends on the method; the transport's retry policy decides that.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::Api { status, .. } => matches!(status.as_u16(), 429 | 500 | 502 | 503 | 504),
            Self::Connect(_) | Self::Network(_) | Self::Timeout { .. } => true,
            Self::Token(TokenError::Throttled { .. }) => true,
            Self::Token(TokenError::Unreachable(inner)) => inner.is_retryable(),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(status: u16) -> Error {
        Error::Api {
            status: StatusCode::from_u16(status).unwrap(),
            code: None,
            message: String::new(),
            retry_after: None,
        }
    }

    #[test]
    fn outcome_unknown_table() {
        let throttled = TokenError::Throttled {
            retry_in: Duration::ZERO,
        };
        #[rustfmt::skip]
        let table: Vec<(Error, bool)> = vec![
            (api(500), true), (api(502), true), (api(503), true), (api(504), true),
            (api(429), false), (api(400), false), (api(401), false), (api(404), false),
            (api(501), false), (api(200), false),
            (Error::Network("reset".into()), true),
            (Error::Timeout { kind: TimeoutKind::Attempt, after: Duration::ZERO }, true),
            (Error::Timeout { kind: TimeoutKind::Total, after: Duration::ZERO }, true),
            (Error::BodyTooLarge { limit: 1 }, true),
            (Error::Decode("eof".into()), true),
            (Error::Connect("refused".into()), false),
            (Error::Token(throttled), false),
            (Error::Token(TokenError::Unreachable(Box::new(Error::Network("x".into())))), false),
            (Error::QuotaExhausted {
                organization: None,
                resets_in: Duration::ZERO,
                resets_at: SystemTime::UNIX_EPOCH,
            }, false),
            (Error::InvalidRequest("x".into()), false),
            (Error::InsecureUrl("x".into()), false),
            (Error::Config("x".into()), false),
        ];
        for (error, unknown) in table {
            assert_eq!(error.may_have_been_processed(), unknown, "{error:?}");
        }
        assert!(Error::Network("reset".into()).is_network());
        assert!(!Error::Connect("refused".into()).is_network());
    }
}
