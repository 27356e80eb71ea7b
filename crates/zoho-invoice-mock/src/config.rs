//! How a server is set up: ports, organizations, credentials, limits, token rules, seed data,
//! and the bounds that keep it standing under abuse.

use std::time::Duration;

use crate::limits::Limits;

/// The organization id every server knows (the reference's example id).
pub const DEFAULT_ORGANIZATION_ID: &str = "10234695";
/// An access token every server accepts and that never expires.
pub const DEFAULT_ACCESS_TOKEN: &str = "1000.mock0access0token.never0expires";
/// The OAuth client id the accounts server accepts.
pub const DEFAULT_CLIENT_ID: &str = "1000.MOCKCLIENTID";
/// The OAuth client secret the accounts server accepts.
pub const DEFAULT_CLIENT_SECRET: &str = "mock-client-secret";

/// Settings of a [`crate::MockServer`]. Start from [`MockConfig::default`] and chain the
/// `with_*` methods.
///
/// # Limits it enforces
///
/// | setting | default | when it is exceeded |
/// | --- | --- | --- |
/// | [`MockConfig::max_body_bytes`] | 16 MiB | HTTP 413 with `{"code": 1045, ...}`, decided from `Content-Length` before reading, or as soon as a chunked body goes past it; the connection is closed and the request is logged without its body ([`crate::RecordedRequest::body_truncated`]) |
/// | [`MockConfig::request_log_max_entries`] | 10,000 | the oldest entries are dropped and counted in [`crate::MockServer::dropped_requests`] |
/// | [`MockConfig::request_log_max_bytes`] | 64 MiB | the same; a single entry larger than the bound keeps a prefix of its body |
/// | [`MockConfig::header_read_timeout`] | 30 s | the connection is closed: a client that connects and sends nothing, or half a request head, or stays idle between keep-alive requests |
/// | [`MockConfig::body_read_timeout`] | 60 s | HTTP 408 with `{"code": 1046, ...}` and the connection is closed: the whole body must arrive within this time after the head |
///
/// Numbers taken from requests are range-checked too: amounts (rates, totals, payments,
/// refunds) within ±10<sup>12</sup> in currency units, quantities within ±10<sup>9</sup>,
/// payment terms from 0 to 36,500 days, logged time up to 100,000 hours; sums and products
/// of them stay within the amount bound. A value out of range, not finite or not a number is
/// a 400 with code 4 (`Invalid value passed for ...`), never a panic or a dropped
/// connection. The admin endpoint checks its input the same way: its clock stops at
/// 9999-12-31T23:59:59Z, delays and `retry_after` are at most a day, limits at most
/// `u32::MAX`.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct MockConfig {
    /// Port of the API server on 127.0.0.1 (0: a free port).
    pub api_port: u16,
    /// Port of the accounts (OAuth) server on 127.0.0.1 (0: a free port).
    pub accounts_port: u16,
    /// Organizations as `(organization_id, name)`.
    pub organizations: Vec<(String, String)>,
    /// A static access token that never expires (`None`: only tokens the accounts server
    /// issued are accepted).
    pub static_token: Option<String>,
    /// OAuth client id.
    pub client_id: String,
    /// OAuth client secret.
    pub client_secret: String,
    /// Lifetime of issued access tokens (`expires_in`).
    pub token_lifetime: Duration,
    /// Token requests allowed per refresh token within [`MockConfig::token_window`] before
    /// the "too many requests continuously" lock.
    pub token_requests_per_window: u32,
    /// The window of that throttle.
    pub token_window: Duration,
    /// How long the lock lasts; each request while locked extends it.
    pub token_lockout: Duration,
    /// Rate limits of the API.
    pub limits: Limits,
    /// Start with a realistic organization (contacts, items, invoices in every status,
    /// payments, credit notes, projects, time entries).
    pub seed: bool,
    /// Synthetic invoices added to the first organization at start (after the seed data, if
    /// any): copies of a few templates over a few customers, for benchmarks.
    pub synthetic_invoices: usize,
    /// The clock's start as seconds since 1970 (`None`: the real wall time).
    pub start_time: Option<i64>,
    /// The largest request body accepted, in bytes (default 16 MiB: room for a 10 MB
    /// attachment in a multipart body). A larger one is answered with HTTP 413 and
    /// [`crate::codes::REQUEST_TOO_LARGE`] without being read.
    pub max_body_bytes: usize,
    /// The most requests the log keeps (default 10,000); the oldest go first.
    pub request_log_max_entries: usize,
    /// The most bytes the log keeps, bodies, paths, queries and headers counted (default
    /// 64 MiB); the oldest entries go first.
    pub request_log_max_bytes: usize,
    /// How long a connection may take to send a request's head (default 30 s), counted from
    /// when the server starts waiting for it: a new connection, or one idle between
    /// keep-alive requests. Past it the connection is closed without an answer.
    pub header_read_timeout: Duration,
    /// How long the whole body of a request may take to arrive once its head has (default
    /// 60 s): a total, not a wait between chunks, so a body trickled a byte at a time is cut
    /// off too. Past it the server answers HTTP 408 with
    /// [`crate::codes::REQUEST_TIMEOUT`] and closes the connection.
    pub body_read_timeout: Duration,
}

/// The default of [`MockConfig::max_body_bytes`]: 16 MiB.
pub const DEFAULT_MAX_BODY_BYTES: usize = 16 * 1024 * 1024;
/// The default of [`MockConfig::request_log_max_entries`].
pub const DEFAULT_REQUEST_LOG_MAX_ENTRIES: usize = 10_000;
/// The default of [`MockConfig::request_log_max_bytes`]: 64 MiB.
pub const DEFAULT_REQUEST_LOG_MAX_BYTES: usize = 64 * 1024 * 1024;
/// The default of [`MockConfig::header_read_timeout`].
pub const DEFAULT_HEADER_READ_TIMEOUT: Duration = Duration::from_secs(30);
/// The default of [`MockConfig::body_read_timeout`].
pub const DEFAULT_BODY_READ_TIMEOUT: Duration = Duration::from_secs(60);

impl Default for MockConfig {
    fn default() -> Self {
        Self {
            api_port: 0,
            accounts_port: 0,
            organizations: vec![(DEFAULT_ORGANIZATION_ID.into(), "Zillium Inc".into())],
            static_token: Some(DEFAULT_ACCESS_TOKEN.into()),
            client_id: DEFAULT_CLIENT_ID.into(),
            client_secret: DEFAULT_CLIENT_SECRET.into(),
            token_lifetime: Duration::from_secs(3600),
            token_requests_per_window: 10,
            token_window: Duration::from_secs(600),
            token_lockout: Duration::from_secs(600),
            limits: Limits::default(),
            seed: false,
            synthetic_invoices: 0,
            start_time: None,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            request_log_max_entries: DEFAULT_REQUEST_LOG_MAX_ENTRIES,
            request_log_max_bytes: DEFAULT_REQUEST_LOG_MAX_BYTES,
            header_read_timeout: DEFAULT_HEADER_READ_TIMEOUT,
            body_read_timeout: DEFAULT_BODY_READ_TIMEOUT,
        }
    }
}

impl MockConfig {
    /// Sets the API port.
    #[must_use]
    pub fn with_api_port(mut self, port: u16) -> Self {
        self.api_port = port;
        self
    }

    /// Sets the accounts server port.
    #[must_use]
    pub fn with_accounts_port(mut self, port: u16) -> Self {
        self.accounts_port = port;
        self
    }

    /// Adds an organization.
    #[must_use]
    pub fn with_organization(mut self, id: impl Into<String>, name: impl Into<String>) -> Self {
        self.organizations.push((id.into(), name.into()));
        self
    }

    /// Sets or removes the static token.
    #[must_use]
    pub fn with_static_token(mut self, token: Option<String>) -> Self {
        self.static_token = token;
        self
    }

    /// Sets the rate limits.
    #[must_use]
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Starts with seed data.
    #[must_use]
    pub fn with_seed(mut self, seed: bool) -> Self {
        self.seed = seed;
        self
    }

    /// Fills the first organization with `count` synthetic invoices at start: numbered in
    /// order, spread over a few customers and the past year's dates, drafts alternating with
    /// sent (or overdue) invoices.
    #[must_use]
    pub fn with_synthetic_invoices(mut self, count: usize) -> Self {
        self.synthetic_invoices = count;
        self
    }

    /// Sets the access token lifetime.
    #[must_use]
    pub fn with_token_lifetime(mut self, lifetime: Duration) -> Self {
        self.token_lifetime = lifetime;
        self
    }

    /// Sets the token throttle: requests per window.
    #[must_use]
    pub fn with_token_throttle(mut self, requests: u32, window: Duration) -> Self {
        self.token_requests_per_window = requests;
        self.token_window = window;
        self
    }

    /// Sets the clock's start (seconds since 1970).
    #[must_use]
    pub fn with_start_time(mut self, epoch: i64) -> Self {
        self.start_time = Some(epoch);
        self
    }

    /// Sets the largest request body accepted, in bytes.
    #[must_use]
    pub fn with_max_body_bytes(mut self, bytes: usize) -> Self {
        self.max_body_bytes = bytes;
        self
    }

    /// Bounds the request log: at most `entries` requests and `bytes` bytes.
    #[must_use]
    pub fn with_request_log_limits(mut self, entries: usize, bytes: usize) -> Self {
        self.request_log_max_entries = entries;
        self.request_log_max_bytes = bytes;
        self
    }

    /// Sets how long a connection may take to send a request's head.
    #[must_use]
    pub fn with_header_read_timeout(mut self, timeout: Duration) -> Self {
        self.header_read_timeout = timeout;
        self
    }

    /// Sets how long a request's whole body may take to arrive.
    #[must_use]
    pub fn with_body_read_timeout(mut self, timeout: Duration) -> Self {
        self.body_read_timeout = timeout;
        self
    }
}
