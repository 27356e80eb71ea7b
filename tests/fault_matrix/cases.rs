//! The case table: every fault, and for each of GET, POST, PUT and DELETE what the SDK must
//! do. The matrix test runs these cases and `RELIABILITY.md` is rendered from them.

use std::time::Duration;

use zoho_invoice_mock::Fault;

/// The four methods of the matrix, each an invoice operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    /// `GetInvoice`.
    Get,
    /// `CreateInvoice`.
    Post,
    /// `UpdateInvoice`.
    Put,
    /// `DeleteInvoice`.
    Delete,
}

impl Method {
    /// In the order of the table's columns.
    pub(crate) const ALL: [Method; 4] = [Method::Get, Method::Post, Method::Put, Method::Delete];

    /// `GET`, `POST`, ...
    pub(crate) fn name(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }

    /// The fake server's counter key of the operation.
    pub(crate) fn operation(self) -> &'static str {
        match self {
            Method::Get => "GET /invoices/{invoice_id}",
            Method::Post => "POST /invoices",
            Method::Put => "PUT /invoices/{invoice_id}",
            Method::Delete => "DELETE /invoices/{invoice_id}",
        }
    }
}

/// How a fault is brought about.
#[derive(Debug, Clone)]
pub(crate) enum Injected {
    /// A fault of the fake API, armed once for the cell's method on `/invoices`.
    Api(Fault),
    /// The answer is held back longer than the transport's per-attempt time limit.
    Timeout,
    /// The server expires every access token it issued; the client still holds one.
    ExpiredToken,
    /// The accounts server throttles the refresh token (its quota was used elsewhere).
    AccountsThrottle,
    /// The accounts server answers `{"error": "invalid_code"}` with HTTP 200 (an unknown or
    /// revoked refresh token).
    InvalidCode,
}

impl Injected {
    /// Whether the server refuses the request without processing it: the only faults after
    /// which the SDK may send a POST again.
    pub(crate) fn refused_unprocessed(&self) -> bool {
        matches!(
            self,
            Injected::Api(Fault::TooManyRequests | Fault::TooManyRequestsRetryAfter(_))
                | Injected::ExpiredToken
        )
    }
}

/// Which typed error a call fails with, by the predicate that recognizes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ErrorKind {
    /// An API error with this HTTP status (`Error::status()`).
    Status(u16),
    /// `is_network()`: the connection broke after sending.
    Network,
    /// `is_timeout()`.
    Timeout,
    /// `zoho_invoice::Error::Decode`: an answer of success that does not decode.
    Decode,
    /// `is_not_found()`.
    NotFound,
    /// `is_rate_limited()` with `TokenError::Throttled`: the accounts server throttles.
    Throttled,
    /// `is_unauthorized()` with the token error code `invalid_code`.
    InvalidCode,
    /// Anything else (never expected; shows up in a failure message).
    Other(String),
}

/// The outcome of a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// It succeeded (maybe after retries or a token refresh).
    Ok,
    /// It failed with a typed error; `unknown` is `Error::may_have_been_processed()`.
    Err {
        /// Which error.
        kind: ErrorKind,
        /// Whether the server may have carried the call out.
        unknown: bool,
    },
}

/// What the server holds after the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Effect {
    /// A GET changes nothing.
    None,
    /// Created, updated or deleted (once).
    Applied,
    /// Nothing changed.
    NotApplied,
    /// Created more than once (never expected).
    Duplicated(usize),
}

/// What one cell must show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Expect {
    /// The outcome.
    pub(crate) outcome: Outcome,
    /// Requests that reached the API for this call.
    pub(crate) api: u64,
    /// Requests that reached the accounts server's token endpoint.
    pub(crate) token: u64,
    /// The server's state afterwards.
    pub(crate) effect: Effect,
}

/// One row of the matrix.
#[derive(Debug, Clone)]
pub(crate) struct Case {
    /// The fault, as the table names it.
    pub(crate) label: &'static str,
    /// How it is brought about.
    pub(crate) injected: Injected,
    /// The wait the retry layer takes before its retry, when the cell retries.
    pub(crate) wait: Option<Wait>,
    /// GET, POST, PUT, DELETE.
    pub(crate) cells: [Expect; 4],
}

/// A wait before a retry, and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Wait {
    /// Exponential backoff with full jitter (the test's jitter is fixed at 0.5).
    Backoff(Duration),
    /// The server's `Retry-After`.
    RetryAfter(Duration),
}

impl Wait {
    /// The duration.
    pub(crate) fn duration(self) -> Duration {
        match self {
            Wait::Backoff(d) | Wait::RetryAfter(d) => d,
        }
    }
}

/// The transport's per-attempt time limit in the timeout row.
pub(crate) const ATTEMPT_LIMIT: Duration = Duration::from_secs(10);
/// How long the server holds the answer back in the timeout row.
pub(crate) const HELD_BACK: Duration = Duration::from_secs(3600);
/// The first backoff: half (the fixed jitter) of the default 500 ms.
const BACKOFF: Wait = Wait::Backoff(Duration::from_millis(250));

fn ok(api: u64, effect: Effect) -> Expect {
    Expect {
        outcome: Outcome::Ok,
        api,
        token: 0,
        effect,
    }
}

fn err(kind: ErrorKind, unknown: bool, api: u64, effect: Effect) -> Expect {
    Expect {
        outcome: Outcome::Err { kind, unknown },
        api,
        token: 0,
        effect,
    }
}

fn with_token(mut e: Expect, token: u64) -> Expect {
    e.token = token;
    e
}

use Effect::{Applied, NotApplied};

/// Retried and succeeded for every method: the server refused the first request
/// unprocessed, or the method is idempotent.
fn retried_everywhere() -> [Expect; 4] {
    [
        ok(2, Effect::None),
        ok(2, Applied),
        ok(2, Applied),
        ok(2, Applied),
    ]
}

/// Retried for GET, PUT and DELETE; a POST fails at once with `kind`, outcome unknown, and
/// (on the fake server, which fails these before its handler) nothing created.
fn post_not_retried(kind: ErrorKind) -> [Expect; 4] {
    [
        ok(2, Effect::None),
        err(kind, true, 1, NotApplied),
        ok(2, Applied),
        ok(2, Applied),
    ]
}

/// The answer of success arrives broken after the server did the work: the body cannot be
/// decoded, nothing is retried, the outcome is unknown (and the work is done).
fn undecodable() -> [Expect; 4] {
    let decode = |effect| err(ErrorKind::Decode, true, 1, effect);
    [
        decode(Effect::None),
        decode(Applied),
        decode(Applied),
        decode(Applied),
    ]
}

/// No token, no request to the API: every method fails with `kind`.
fn no_token(kind: ErrorKind) -> [Expect; 4] {
    let refused = |effect| with_token(err(kind.clone(), false, 0, effect), 1);
    [
        refused(Effect::None),
        refused(NotApplied),
        refused(NotApplied),
        refused(NotApplied),
    ]
}

/// The whole matrix.
pub(crate) fn cases() -> Vec<Case> {
    let server_error = |label, status| Case {
        label,
        injected: Injected::Api(Fault::ServerError(status)),
        wait: Some(BACKOFF),
        cells: post_not_retried(ErrorKind::Status(status)),
    };
    let refreshed = |effect| with_token(ok(2, effect), 1);
    vec![
        Case {
            label: "429 without `Retry-After`",
            injected: Injected::Api(Fault::TooManyRequests),
            wait: Some(BACKOFF),
            cells: retried_everywhere(),
        },
        Case {
            label: "429 with `Retry-After: 2`",
            injected: Injected::Api(Fault::TooManyRequestsRetryAfter(Duration::from_secs(2))),
            wait: Some(Wait::RetryAfter(Duration::from_secs(2))),
            cells: retried_everywhere(),
        },
        server_error("500", 500),
        server_error("502", 502),
        server_error("503", 503),
        server_error("504", 504),
        Case {
            label: "connection reset before the response",
            injected: Injected::Api(Fault::ResetBeforeResponse),
            wait: Some(BACKOFF),
            cells: post_not_retried(ErrorKind::Network),
        },
        Case {
            label: "connection reset in the middle of the body",
            injected: Injected::Api(Fault::ResetMidBody),
            wait: Some(BACKOFF),
            cells: [
                ok(2, Effect::None),
                // Created, and the answer lost: the app must look before creating again.
                err(ErrorKind::Network, true, 1, Applied),
                ok(2, Applied),
                // Deleted by the first request; the retry finds it gone.
                err(ErrorKind::NotFound, false, 2, Applied),
            ],
        },
        Case {
            label: "timeout (answer held past the 10 s attempt limit)",
            injected: Injected::Timeout,
            wait: Some(BACKOFF),
            cells: post_not_retried(ErrorKind::Timeout),
        },
        Case {
            label: "truncated body (valid HTTP, half the JSON)",
            injected: Injected::Api(Fault::TruncatedBody),
            wait: None,
            cells: undecodable(),
        },
        Case {
            label: "malformed JSON with HTTP 200",
            injected: Injected::Api(Fault::MalformedBody),
            wait: None,
            cells: undecodable(),
        },
        Case {
            label: "HTML error page from a proxy (502)",
            injected: Injected::Api(Fault::HtmlErrorPage(502)),
            wait: Some(BACKOFF),
            cells: post_not_retried(ErrorKind::Status(502)),
        },
        Case {
            label: "401 from an expired access token",
            injected: Injected::ExpiredToken,
            wait: None,
            cells: [
                refreshed(Effect::None),
                refreshed(Applied),
                refreshed(Applied),
                refreshed(Applied),
            ],
        },
        Case {
            label: "accounts server throttle (\"too many requests continuously\")",
            injected: Injected::AccountsThrottle,
            wait: None,
            cells: no_token(ErrorKind::Throttled),
        },
        Case {
            label: "`invalid_code` with HTTP 200 from the accounts server",
            injected: Injected::InvalidCode,
            wait: None,
            cells: no_token(ErrorKind::InvalidCode),
        },
    ]
}

/// The waits the retry layer takes in a cell: one before the retry when the cell retried.
pub(crate) fn expected_waits(case: &Case, expect: &Expect) -> Vec<Duration> {
    match case.wait {
        Some(wait) if expect.api == 2 => vec![wait.duration()],
        _ => Vec::new(),
    }
}
