//! Starting and stopping the server, and the handle tests use to inspect and steer it.

use std::collections::BTreeMap;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::accounts::Accounts;
use crate::api::{DropConnection, serve_accounts, serve_api};
use crate::clock::Clock;
use crate::config::MockConfig;
use crate::faults::{Fault, FaultRule, Faults};
use crate::inspect::{Inspector, LogBounds, RecordedRequest};
use crate::limits::{Limiter, Limits};
use crate::read::BodyBounds;
use crate::shared::Shared;
use crate::state::{IdGen, Org, State};
use crate::wire::Resp;

/// A running fake Zoho Invoice server: the API on one loopback port, the accounts (OAuth)
/// server on another. Dropping it stops both.
#[derive(Debug)]
pub struct MockServer {
    shared: Arc<Shared>,
    api_addr: SocketAddr,
    accounts_addr: SocketAddr,
    organization_id: String,
    static_token: Option<String>,
    shutdown: watch::Sender<bool>,
    tasks: Mutex<Vec<JoinHandle<()>>>,
}

/// Accepts connections on `listener` and serves each with `serve`, closing those that take
/// longer than `header_timeout` to send a request's head.
fn spawn_accept<F, Fut>(
    listener: TcpListener,
    shared: Arc<Shared>,
    mut shutdown: watch::Receiver<bool>,
    header_timeout: Duration,
    serve: F,
) -> JoinHandle<()>
where
    F: Fn(Arc<Shared>, hyper::Request<hyper::body::Incoming>) -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<Resp, DropConnection>> + Send + 'static,
{
    tokio::spawn(async move {
        loop {
            let accepted = tokio::select! {
                a = listener.accept() => a,
                _ = shutdown.changed() => return,
            };
            let Ok((stream, _)) = accepted else { continue };
            let _ = stream.set_nodelay(true);
            let shared = Arc::clone(&shared);
            let mut stop = shutdown.clone();
            tokio::spawn(async move {
                let svc = service_fn(move |req| serve(Arc::clone(&shared), req));
                let conn = http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(header_timeout)
                    .serve_connection(TokioIo::new(stream), svc);
                tokio::select! {
                    _ = conn => {}
                    _ = stop.changed() => {}
                }
            });
        }
    })
}

impl MockServer {
    /// Starts a server with the default settings on free loopback ports.
    pub async fn start() -> std::io::Result<Self> {
        Self::start_with(MockConfig::default()).await
    }

    /// Starts a server with `config`.
    pub async fn start_with(config: MockConfig) -> std::io::Result<Self> {
        let api = TcpListener::bind(("127.0.0.1", config.api_port)).await?;
        let accounts = TcpListener::bind(("127.0.0.1", config.accounts_port)).await?;
        let api_addr = api.local_addr()?;
        let accounts_addr = accounts.local_addr()?;
        let mut state = State::default();
        for (id, name) in &config.organizations {
            state.orgs.insert(id.clone(), Org::new(id, name));
        }
        let organization_id = config
            .organizations
            .first()
            .map(|(id, _)| id.clone())
            .unwrap_or_default();
        let shared = Arc::new(Shared {
            state: Mutex::new(state),
            ids: IdGen::new(),
            clock: Clock::new(config.start_time),
            accounts: Accounts::new(&config),
            limiter: Limiter::new(config.limits),
            faults: Faults::default(),
            inspector: Inspector::new(LogBounds {
                max_entries: config.request_log_max_entries,
                max_bytes: config.request_log_max_bytes,
            }),
            body_bounds: BodyBounds {
                max_bytes: config.max_body_bytes,
                timeout: config.body_read_timeout,
            },
            api_domain: format!("http://{api_addr}"),
            accounts_url: format!("http://{accounts_addr}"),
        });
        if config.seed {
            let mut state = shared.state();
            let now = shared.clock.epoch();
            for org in state.orgs.values_mut() {
                crate::seed::seed(org, &shared.ids, now);
            }
        }
        if let Some(org) = shared.state().orgs.get_mut(&organization_id) {
            let now = shared.clock.epoch();
            crate::synthetic::fill(org, &shared.ids, now, config.synthetic_invoices);
        }
        let (tx, rx) = watch::channel(false);
        let tasks = vec![
            spawn_accept(
                api,
                Arc::clone(&shared),
                rx.clone(),
                config.header_read_timeout,
                serve_api,
            ),
            spawn_accept(
                accounts,
                Arc::clone(&shared),
                rx,
                config.header_read_timeout,
                serve_accounts,
            ),
        ];
        Ok(Self {
            shared,
            api_addr,
            accounts_addr,
            organization_id,
            static_token: config.static_token,
            shutdown: tx,
            tasks: Mutex::new(tasks),
        })
    }

    /// The API base URL, e.g. `http://127.0.0.1:40123/invoice/v3`.
    pub fn api_url(&self) -> String {
        format!("http://{}{}", self.api_addr, crate::API_PATH_PREFIX)
    }

    /// The API origin, as token responses give it in `api_domain`: `http://127.0.0.1:40123`.
    pub fn api_domain(&self) -> String {
        self.shared.api_domain.clone()
    }

    /// The accounts server's URL, e.g. `http://127.0.0.1:40124`.
    pub fn accounts_url(&self) -> String {
        self.shared.accounts_url.clone()
    }

    /// The API's socket address.
    pub fn api_addr(&self) -> SocketAddr {
        self.api_addr
    }

    /// The accounts server's socket address.
    pub fn accounts_addr(&self) -> SocketAddr {
        self.accounts_addr
    }

    /// The first configured organization's id.
    pub fn organization_id(&self) -> &str {
        &self.organization_id
    }

    /// The static access token, if one is configured (by default
    /// [`crate::DEFAULT_ACCESS_TOKEN`]).
    pub fn access_token(&self) -> Option<&str> {
        self.static_token.as_deref()
    }

    /// A fresh single-use grant code for the `authorization_code` exchange.
    pub fn grant_code(&self) -> String {
        self.shared.accounts.grant_code()
    }

    /// An access token that expires after the configured lifetime on the server's clock.
    pub fn issue_access_token(&self) -> String {
        self.shared.accounts.issue_access(self.shared.now_secs())
    }

    /// Expires every access token the accounts server has issued (not the static one).
    pub fn expire_tokens(&self) {
        self.shared.accounts.expire_all();
    }

    /// Moves the server's clock forward: tokens expire, quotas reset and invoices fall
    /// overdue as if that much time had passed. The clock stops at 9999-12-31T23:59:59Z:
    /// moving it further leaves it there (the admin endpoint refuses such a move with a 400).
    pub fn advance_clock(&self, by: Duration) {
        self.shared.clock.advance(by);
    }

    /// Today on the server's clock (`2024-01-31`).
    pub fn today(&self) -> String {
        crate::clock::format_date(self.shared.clock.epoch())
    }

    /// Arms a fault.
    pub fn inject(&self, rule: FaultRule) {
        self.shared.faults.add(rule);
    }

    /// The next `n` requests, whatever they are, get `fault`.
    pub fn fail_next(&self, n: usize, fault: Fault) {
        self.inject(FaultRule::new(fault).times(n));
    }

    /// Disarms all faults.
    pub fn clear_faults(&self) {
        self.shared.faults.clear();
    }

    /// Replaces the rate limits (usage so far is kept).
    pub fn set_limits(&self, limits: Limits) {
        self.shared.limiter.set(limits);
    }

    /// Forgets quota usage.
    pub fn reset_quotas(&self) {
        self.shared.limiter.reset();
    }

    /// The rate limits in force.
    pub fn limits(&self) -> Limits {
        self.shared.limiter.limits()
    }

    /// How many API requests the rate limits (per window, daily, in flight) answered with
    /// 429 since the server started (429s armed as faults are not counted). The token
    /// requests the accounts server served are `count("POST /oauth/v2/token")`.
    pub fn rate_limited(&self) -> u64 {
        self.shared.limiter.refused()
    }

    /// Adds an organization.
    pub fn add_organization(&self, id: &str, name: &str) {
        self.shared
            .state()
            .orgs
            .entry(id.to_string())
            .or_insert_with(|| Org::new(id, name));
    }

    /// Every request received so far (API and accounts), secrets redacted, oldest first;
    /// within [`MockConfig::request_log_max_entries`] and
    /// [`MockConfig::request_log_max_bytes`], the oldest having been dropped to stay so.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.inspector.requests()
    }

    /// Requests per operation, keyed like `POST /invoices` or `GET /invoices/{invoice_id}`
    /// (accounts requests as `POST /oauth/v2/token`).
    pub fn counters(&self) -> BTreeMap<String, u64> {
        self.shared.inspector.counters()
    }

    /// How many requests reached one operation.
    pub fn count(&self, operation: &str) -> u64 {
        self.counters().get(operation).copied().unwrap_or(0)
    }

    /// How many requests were dropped from the log (oldest first) to keep it within its
    /// bounds since the server started or the log was last cleared.
    pub fn dropped_requests(&self) -> u64 {
        self.shared.inspector.dropped()
    }

    /// Clears the request log, the counters and the count of dropped requests.
    pub fn clear_requests(&self) {
        self.shared.inspector.clear();
    }

    /// Stops accepting connections and closes open ones.
    pub fn shutdown(&self) {
        let _ = self.shutdown.send(true);
        for t in self
            .tasks
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .drain(..)
        {
            t.abort();
        }
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        self.shutdown();
    }
}
