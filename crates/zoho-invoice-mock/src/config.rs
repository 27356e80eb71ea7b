//! How a server is set up: ports, organizations, credentials, limits, token rules, seed data.

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
}

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
}
