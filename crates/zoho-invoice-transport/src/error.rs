//! The one error type of the SDK: the transport, the typed client and the blocking client all
//! fail with [`Error`].

use std::fmt;
use std::time::{Duration, SystemTime};

use http::StatusCode;
use zoho_invoice_models::ids::InvalidId;

use crate::codes;
use crate::operation::Operation;

/// Everything that can go wrong when calling Zoho Invoice: input refused before sending, the
/// API's answer, the network, tokens, rate limits, answers that do not decode.
///
/// It never carries a secret: no token, client secret, header value or request body.
/// Ask it questions through the predicates ([`is_rate_limited`](Error::is_rate_limited),
/// [`is_not_found`](Error::is_not_found), [`is_retryable`](Error::is_retryable),
/// [`may_have_been_processed`](Error::may_have_been_processed), ...) rather than by matching
/// its [`kind`](Error::kind), so that new kinds do not break your code.
///
/// Its `Display` names the operation it came from when there was one
/// (`Invoices / Create an invoice: Zoho Invoice answered HTTP 400 with code 1001: ...`).
#[derive(Clone)]
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Clone, Debug)]
struct Inner {
    kind: ErrorKind,
    operation: Option<Operation>,
}

/// What went wrong, in detail. Match on it only where a predicate of [`Error`] does not say
/// enough; it grows new variants.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Zoho answered, and the answer is an error: a non-success HTTP status, a body whose
    /// `code` is not 0 (whatever the status), or an `{"error": ...}` body without a `code`.
    Api {
        /// The HTTP status of the answer.
        status: StatusCode,
        /// Zoho's `code` from the body, when the body had one.
        code: Option<i64>,
        /// Zoho's `message` (or `error`) from the body, or the status' reason phrase.
        message: String,
        /// How long the server asked to wait (`Retry-After`), when it said.
        retry_after: Option<Duration>,
    },
    /// The organization's daily request quota is spent. Nothing was sent.
    QuotaExhausted {
        /// The organization whose quota is spent, when the request named one.
        organization: Option<String>,
        /// Time left until the quota resets, as of when the error was made.
        resets_in: Duration,
        /// The wall-clock time at which the quota resets.
        resets_at: SystemTime,
    },
    /// The server asked to wait longer than the rate limiter accepts (a `Retry-After` past
    /// its cap): until then, calls of this organization fail at once and nothing is sent.
    Throttled {
        /// The organization, when the request named one.
        organization: Option<String>,
        /// Time left until the server's wait is over, as of when the error was made.
        retry_in: Duration,
        /// The wall-clock time at which the wait is over.
        retry_at: SystemTime,
    },
    /// No access token could be had: the API request was not sent.
    Token(TokenError),
    /// No connection could be made: the request was never sent.
    Connect(String),
    /// The connection failed while the request was, or may have been, on its way.
    Network(String),
    /// A time limit ran out.
    Timeout {
        /// Which time limit.
        kind: TimeoutKind,
        /// The limit that ran out.
        after: Duration,
    },
    /// The response body is larger than the configured cap.
    BodyTooLarge {
        /// The cap, in bytes.
        limit: usize,
    },
    /// A plain `http://` URL was refused because plain HTTP was not explicitly allowed.
    InsecureUrl(String),
    /// The request could not be built or is not acceptable (bad path, `..` segments, foreign
    /// host, bad content type, ...); nothing was sent.
    InvalidRequest(String),
    /// An id that cannot be put in a path (empty, only dots, or with `/`, `?`, `#`); nothing
    /// was sent.
    InvalidId(InvalidId),
    /// A bulk call names more records than the API accepts at once; nothing was sent.
    TooManyIds {
        /// The most ids it accepts.
        limit: usize,
        /// How many were given.
        given: usize,
    },
    /// A bulk call names no record at all; nothing was sent.
    NoIds,
    /// A request body that cannot be encoded; nothing was sent.
    Encode(String),
    /// The configuration is invalid.
    Config(String),
    /// A successful answer does not have the shape the operation returns.
    Decode(String),
    /// The blocking client's runtime thread is gone (it could not start, or it stopped).
    Shutdown(String),
}

/// Which time limit ran out in an [`ErrorKind::Timeout`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeoutKind {
    /// One attempt (connect, send and read the response) took too long.
    Attempt,
    /// The whole call, retries and waits included, took too long.
    Total,
    /// The blocking client's caller stopped waiting; the call was cancelled.
    Caller,
}

impl fmt::Display for TimeoutKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Attempt => "per-attempt",
            Self::Total => "total",
            Self::Caller => "calling side's",
        })
    }
}

/// Why an access token could not be had from the accounts server. In every case the API
/// request itself was not sent.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum TokenError {
    /// The accounts server throttles this refresh token ("You have made too many requests
    /// continuously"), or the transport's own budget of token requests (Zoho's limit) is
    /// spent. Asking again before `retry_in` would only extend the lock, so the transport does
    /// not ask.
    Throttled {
        /// How long the transport waits before asking the accounts server again.
        retry_in: Duration,
    },
    /// The accounts server refused the request, with an `error` field (often with HTTP 200):
    /// `invalid_code`, `invalid_client`, ...: an authorization verdict.
    Rejected {
        /// The `error` field (or the HTTP status when the body had none).
        error: String,
        /// The `error_description` field, when present.
        description: Option<String>,
        /// The HTTP status of the answer.
        status: StatusCode,
    },
    /// The accounts server failed: a 5xx, or an empty answer. Not a verdict on the
    /// credentials; asking again later may work.
    ServerFailure {
        /// The HTTP status of the answer.
        status: StatusCode,
    },
    /// The accounts server's answer could not be understood.
    Malformed(String),
    /// The accounts server could not be reached, or did not answer in time.
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

impl fmt::Display for TokenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Throttled { retry_in } => write!(
                f,
                "token requests are throttled (Zoho allows about 10 in 10 minutes); try again in {}s",
                retry_in.as_secs()
            ),
            Self::Rejected {
                error, description, ..
            } => {
                write!(f, "the accounts server refused the token request: {error}")?;
                match description {
                    Some(d) => write!(f, " ({d})"),
                    None => Ok(()),
                }
            }
            Self::ServerFailure { status } => {
                write!(f, "the accounts server failed (HTTP {status})")
            }
            Self::Malformed(reason) => write!(f, "the token response is malformed: {reason}"),
            Self::Unreachable(error) => write!(
                f,
                "the accounts server could not be reached: {}",
                error.kind()
            ),
        }?;
        f.write_str("; no access token, so the API request was not sent")
    }
}

impl std::error::Error for TokenError {}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Api {
                status,
                code,
                message,
                ..
            } => {
                write!(f, "Zoho Invoice answered HTTP {status}")?;
                if let Some(code) = code {
                    write!(f, " with code {code}")?;
                }
                write!(f, ": {message}")
            }
            Self::QuotaExhausted {
                organization,
                resets_in,
                ..
            } => {
                f.write_str("the daily request quota")?;
                if let Some(o) = organization {
                    write!(f, " of organization {o}")?;
                }
                write!(
                    f,
                    " is spent; it resets in {}s; nothing was sent",
                    resets_in.as_secs()
                )
            }
            Self::Throttled {
                organization,
                retry_in,
                ..
            } => {
                f.write_str("the server asked")?;
                if let Some(o) = organization {
                    write!(f, " organization {o}")?;
                }
                write!(
                    f,
                    " to wait {}s, longer than the rate limiter accepts; nothing was sent",
                    retry_in.as_secs()
                )
            }
            Self::Token(e) => e.fmt(f),
            Self::Connect(e) => write!(f, "could not connect: {e}; nothing was sent"),
            Self::Network(e) => write!(f, "the connection failed: {e}"),
            Self::Timeout { kind, after } => {
                write!(f, "the {kind} timeout of {}ms ran out", after.as_millis())
            }
            Self::BodyTooLarge { limit } => {
                write!(f, "the response body is larger than the {limit}-byte cap")
            }
            Self::InsecureUrl(url) => write!(
                f,
                "refusing to send over plain http to {url}; only https is allowed"
            ),
            Self::InvalidRequest(e) => write!(f, "invalid request: {e}; nothing was sent"),
            Self::InvalidId(e) => write!(f, "{e}; nothing was sent"),
            Self::TooManyIds { limit, given } => write!(
                f,
                "at most {limit} ids per call, {given} given; nothing was sent"
            ),
            Self::NoIds => f.write_str("no ids given; nothing was sent"),
            Self::Encode(e) => write!(
                f,
                "the request body cannot be encoded: {e}; nothing was sent"
            ),
            Self::Config(e) => write!(f, "invalid configuration: {e}"),
            Self::Decode(e) => write!(f, "the answer does not decode: {e}"),
            Self::Shutdown(e) => write!(f, "the blocking client's runtime is gone: {e}"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(op) = &self.inner.operation {
            write!(f, "{} / {}: ", op.resource, op.name)?;
        }
        self.inner.kind.fmt(f)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("Error");
        s.field("kind", &self.inner.kind);
        if let Some(op) = &self.inner.operation {
            s.field("operation", &format_args!("{} / {}", op.resource, op.name));
        }
        s.finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.inner.kind {
            ErrorKind::Token(TokenError::Unreachable(e)) => Some(e.as_ref()),
            ErrorKind::Token(e) => Some(e),
            ErrorKind::InvalidId(e) => Some(e),
            _ => None,
        }
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Self {
        Self {
            inner: Box::new(Inner {
                kind,
                operation: None,
            }),
        }
    }
}

impl From<TokenError> for Error {
    fn from(e: TokenError) -> Self {
        ErrorKind::Token(e).into()
    }
}

impl From<InvalidId> for Error {
    fn from(e: InvalidId) -> Self {
        ErrorKind::InvalidId(e).into()
    }
}

impl Error {
    /// An error of `kind`.
    pub fn new(kind: ErrorKind) -> Self {
        kind.into()
    }

    /// What went wrong, in detail.
    pub fn kind(&self) -> &ErrorKind {
        &self.inner.kind
    }

    /// The operation the failed call performed, when the call named one (the typed clients
    /// always do).
    pub fn operation(&self) -> Option<&Operation> {
        self.inner.operation.as_ref()
    }

    /// The same error, naming `operation` (unless it names one already).
    pub fn in_operation(mut self, operation: &Operation) -> Self {
        if self.inner.operation.is_none() {
            self.inner.operation = Some(operation.clone());
        }
        self
    }

    /// The HTTP status, when Zoho answered.
    pub fn status(&self) -> Option<StatusCode> {
        match self.kind() {
            ErrorKind::Api { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Zoho's `code`, when the answer's body had one: the known ones are the constants of
    /// [`codes`](crate::codes).
    pub fn code(&self) -> Option<i64> {
        match self.kind() {
            ErrorKind::Api { code, .. } => *code,
            _ => None,
        }
    }

    /// Zoho's `message`, when Zoho answered.
    pub fn message(&self) -> Option<&str> {
        match self.kind() {
            ErrorKind::Api { message, .. } => Some(message),
            _ => None,
        }
    }

    /// How long the server (or the transport) says to wait before trying again.
    pub fn retry_after(&self) -> Option<Duration> {
        match self.kind() {
            ErrorKind::Api { retry_after, .. } => *retry_after,
            ErrorKind::QuotaExhausted { resets_in, .. } => Some(*resets_in),
            ErrorKind::Throttled { retry_in, .. } => Some(*retry_in),
            ErrorKind::Token(TokenError::Throttled { retry_in }) => Some(*retry_in),
            _ => None,
        }
    }

    /// The request was refused for sending too many: HTTP 429, the daily quota, a wait the
    /// server asked for, or the accounts server's throttle.
    pub fn is_rate_limited(&self) -> bool {
        matches!(
            self.kind(),
            ErrorKind::QuotaExhausted { .. }
                | ErrorKind::Throttled { .. }
                | ErrorKind::Token(TokenError::Throttled { .. })
        ) || self.status() == Some(StatusCode::TOO_MANY_REQUESTS)
    }

    /// The daily quota is spent ([`ErrorKind::QuotaExhausted`]).
    pub fn is_quota_exhausted(&self) -> bool {
        matches!(self.kind(), ErrorKind::QuotaExhausted { .. })
    }

    /// The resource does not exist (HTTP 404 or Zoho code 1002).
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(StatusCode::NOT_FOUND) || self.code() == Some(codes::DOES_NOT_EXIST)
    }

    /// The credentials were refused: HTTP 401, Zoho code 57, or the accounts server rejected
    /// the token request. (A failing accounts server is not a refusal.)
    pub fn is_unauthorized(&self) -> bool {
        self.status() == Some(StatusCode::UNAUTHORIZED)
            || self.code() == Some(codes::NOT_AUTHORIZED)
            || matches!(self.kind(), ErrorKind::Token(TokenError::Rejected { .. }))
    }

    /// The input was refused before anything was sent: a bad id, a bulk call over the
    /// limit, a body that cannot be encoded, a request that is not acceptable.
    pub fn is_invalid_input(&self) -> bool {
        matches!(
            self.kind(),
            ErrorKind::InvalidId(_)
                | ErrorKind::TooManyIds { .. }
                | ErrorKind::NoIds
                | ErrorKind::Encode(_)
                | ErrorKind::InvalidRequest(_)
        )
    }

    /// The input is invalid: refused before sending ([`is_invalid_input`](Self::is_invalid_input)),
    /// or refused by Zoho as a bad request (HTTP 400 or 422, or a non-zero `code` with a
    /// success status) that is not "not found" or "not authorized".
    pub fn is_validation(&self) -> bool {
        if self.is_invalid_input() {
            return true;
        }
        let Some(status) = self.status() else {
            return false;
        };
        let refused = matches!(status.as_u16(), 400 | 422) || status.is_success();
        refused && !self.is_not_found() && !self.is_unauthorized()
    }

    /// A time limit ran out.
    pub fn is_timeout(&self) -> bool {
        matches!(self.kind(), ErrorKind::Timeout { .. })
    }

    /// No connection could be made (the request was never sent).
    pub fn is_connect(&self) -> bool {
        matches!(self.kind(), ErrorKind::Connect(_))
    }

    /// The connection failed after the request was, or may have been, sent: reset before the
    /// answer, or in the middle of its body ([`ErrorKind::Network`]).
    pub fn is_network(&self) -> bool {
        matches!(self.kind(), ErrorKind::Network(_))
    }

    /// The answer does not have the shape the operation returns ([`ErrorKind::Decode`]).
    pub fn is_decode(&self) -> bool {
        matches!(self.kind(), ErrorKind::Decode(_))
    }

    /// The outcome is unknown: the server may have carried the request out even though the
    /// call failed. True after a connection failure once the request was sent, a timeout, an
    /// answer that could not be read or decoded, and a 500, 502, 503 or 504 (a server or a
    /// proxy in front of it can fail after the work is done). False when the request was
    /// refused unprocessed or never sent: 429, any other status, a connect failure, a token
    /// that could not be had, the daily quota, input refused before sending.
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
    /// use zoho_invoice_transport::{Error, ErrorKind};
    /// assert!(Error::new(ErrorKind::Network("reset".into())).may_have_been_processed());
    /// assert!(!Error::new(ErrorKind::Connect("refused".into())).may_have_been_processed());
    /// ```
    pub fn may_have_been_processed(&self) -> bool {
        match self.kind() {
            ErrorKind::Api { status, .. } => matches!(status.as_u16(), 500 | 502 | 503 | 504),
            ErrorKind::Network(_)
            | ErrorKind::Timeout { .. }
            | ErrorKind::BodyTooLarge { .. }
            | ErrorKind::Decode(_) => true,
            ErrorKind::QuotaExhausted { .. }
            | ErrorKind::Throttled { .. }
            | ErrorKind::Token(_)
            | ErrorKind::Connect(_)
            | ErrorKind::InsecureUrl(_)
            | ErrorKind::InvalidRequest(_)
            | ErrorKind::InvalidId(_)
            | ErrorKind::TooManyIds { .. }
            | ErrorKind::NoIds
            | ErrorKind::Encode(_)
            | ErrorKind::Config(_)
            | ErrorKind::Shutdown(_) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(status: u16) -> Error {
        ErrorKind::Api {
            status: StatusCode::from_u16(status).unwrap(),
            code: None,
            message: String::new(),
            retry_after: None,
        }
        .into()
    }

    fn kind(kind: ErrorKind) -> Error {
        kind.into()
    }

    #[test]
    fn outcome_unknown_table() {
        let throttled = TokenError::Throttled {
            retry_in: Duration::ZERO,
        };
        let timeout = |kind| ErrorKind::Timeout {
            kind,
            after: Duration::ZERO,
        };
        #[rustfmt::skip]
        let table: Vec<(Error, bool)> = vec![
            (api(500), true), (api(502), true), (api(503), true), (api(504), true),
            (api(429), false), (api(400), false), (api(401), false), (api(404), false),
            (api(501), false), (api(200), false),
            (kind(ErrorKind::Network("reset".into())), true),
            (kind(timeout(TimeoutKind::Attempt)), true),
            (kind(timeout(TimeoutKind::Total)), true),
            (kind(timeout(TimeoutKind::Caller)), true),
            (kind(ErrorKind::BodyTooLarge { limit: 1 }), true),
            (kind(ErrorKind::Decode("eof".into())), true),
            (kind(ErrorKind::Connect("refused".into())), false),
            (kind(ErrorKind::Token(throttled)), false),
            (kind(ErrorKind::Token(TokenError::Unreachable(Box::new(kind(ErrorKind::Network("x".into())))))), false),
            (kind(ErrorKind::Token(TokenError::ServerFailure { status: StatusCode::BAD_GATEWAY })), false),
            (kind(ErrorKind::QuotaExhausted {
                organization: None,
                resets_in: Duration::ZERO,
                resets_at: SystemTime::UNIX_EPOCH,
            }), false),
            (kind(ErrorKind::Throttled {
                organization: None,
                retry_in: Duration::ZERO,
                retry_at: SystemTime::UNIX_EPOCH,
            }), false),
            (kind(ErrorKind::InvalidRequest("x".into())), false),
            (kind(ErrorKind::InvalidId(InvalidId::Empty)), false),
            (kind(ErrorKind::TooManyIds { limit: 1, given: 2 }), false),
            (kind(ErrorKind::NoIds), false),
            (kind(ErrorKind::Encode("x".into())), false),
            (kind(ErrorKind::InsecureUrl("x".into())), false),
            (kind(ErrorKind::Config("x".into())), false),
            (kind(ErrorKind::Shutdown("x".into())), false),
        ];
        for (error, unknown) in table {
            assert_eq!(error.may_have_been_processed(), unknown, "{error:?}");
        }
    }

    #[test]
    fn predicates() {
        let with_code = |status: u16, code: i64| -> Error {
            ErrorKind::Api {
                status: StatusCode::from_u16(status).unwrap(),
                code: Some(code),
                message: "m".into(),
                retry_after: None,
            }
            .into()
        };
        assert!(with_code(400, 1002).is_not_found());
        assert!(!with_code(400, 1002).is_validation());
        assert!(with_code(400, 4).is_validation());
        assert!(with_code(200, 4).is_validation());
        assert!(with_code(401, 57).is_unauthorized());
        assert!(!with_code(401, 57).is_validation());
        assert!(kind(ErrorKind::NoIds).is_validation());
        assert!(kind(ErrorKind::NoIds).is_invalid_input());
        assert!(!api(503).is_validation());
        let server = kind(ErrorKind::Token(TokenError::ServerFailure {
            status: StatusCode::BAD_GATEWAY,
        }));
        assert!(!server.is_unauthorized());
        let rejected = kind(ErrorKind::Token(TokenError::Rejected {
            error: "invalid_client".into(),
            description: None,
            status: StatusCode::OK,
        }));
        assert!(rejected.is_unauthorized());
    }

    #[test]
    fn display_names_the_operation_and_what_was_not_sent() {
        let op = Operation::new(
            "Invoices",
            "Create an invoice",
            http::Method::POST,
            "/invoices",
        );
        let error = kind(ErrorKind::TooManyIds {
            limit: 25,
            given: 26,
        })
        .in_operation(&op);
        assert_eq!(
            error.to_string(),
            "Invoices / Create an invoice: at most 25 ids per call, 26 given; nothing was sent"
        );
        assert_eq!(error.operation(), Some(&op));
        let token = kind(ErrorKind::Token(TokenError::Unreachable(Box::new(kind(
            ErrorKind::Timeout {
                kind: TimeoutKind::Attempt,
                after: Duration::from_secs(1),
            },
        )))));
        assert!(
            token.to_string().contains("the API request was not sent"),
            "{token}"
        );
    }
}
