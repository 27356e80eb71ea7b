//! The blocking client and its builder.

use std::sync::Arc;
use std::time::Duration;

use zoho_invoice::transport::{
    ClientCredentials, HttpTransport, RateLimitConfig, Region, RetryPolicy, Timeouts, TokenSource,
    Transport, TransportBuilder, secrecy::SecretString,
};
use zoho_invoice::{Cursor, Endpoint, PageOf, Paginated, Watchable, Watched};

use crate::error::Error;
use crate::iter::{Items, Pages};
use crate::runtime::Runtime;
use crate::watch::Watch;

/// The blocking client: the async [`zoho_invoice::Client`] on a runtime thread of its own.
///
/// `Clone + Send + Sync`: any number of threads share one client, hence one connection pool,
/// one token and one rate limiter. Calls block the calling thread until the answer (or the
/// timeout set with [`ClientBuilder::timeout`]); they work from inside an async runtime too,
/// as long as what they talk to does not need the blocked thread. Dropping the last handle
/// stops and joins the runtime thread.
#[derive(Clone)]
pub struct Client {
    runtime: Arc<Runtime>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").finish_non_exhaustive()
    }
}

impl Client {
    /// A builder over the default transport (hyper + rustls, OAuth, retry, rate limiting).
    pub fn builder() -> ClientBuilder {
        ClientBuilder {
            transport: Source::Builder(Box::new(HttpTransport::builder())),
            timeout: None,
        }
    }

    /// A client over your own transport.
    pub fn new(transport: impl Transport + 'static) -> Result<Self, Error> {
        Self::builder().transport(transport).build()
    }

    /// Performs one operation: the same values the async client sends.
    pub fn send<E>(&self, endpoint: E) -> Result<E::Output, Error>
    where
        E: Endpoint + 'static,
        E::Output: Send + 'static,
    {
        self.runtime
            .run(move |client| async move { client.send(&endpoint).await })?
            .map_err(Error::Api)
    }

    /// Any call through the same stack: a method, a path under the API base, query pairs and
    /// an optional JSON body. Returns the answer's JSON.
    pub fn raw(
        &self,
        method: http::Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<serde_json::Value>,
    ) -> Result<serde_json::Value, Error> {
        let path = path.to_owned();
        let query: Vec<(String, String)> = query
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        self.runtime
            .run(move |client| async move {
                let pairs: Vec<(&str, &str)> = query
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                client.raw(method, &path, &pairs, body.as_ref()).await
            })?
            .map_err(Error::Api)
    }

    /// The pages of a list operation, fetched as the iterator advances.
    pub fn pages<E>(&self, endpoint: E) -> Pages<E>
    where
        E: Paginated + Send,
        E::Output: PageOf + Send + 'static,
    {
        Pages::new(self.clone(), endpoint)
    }

    /// The records of a list operation, across all its pages.
    pub fn items<E>(&self, endpoint: E) -> Items<E>
    where
        E: Paginated + Send,
        E::Output: PageOf + Send + 'static,
    {
        Items::new(self.pages(endpoint))
    }

    /// A watch of a list operation's changes since `cursor`.
    pub fn watch<E>(&self, endpoint: E, cursor: Cursor) -> Watch<E>
    where
        E: Watchable + Send,
        E::Output: PageOf + Send,
        <E::Output as PageOf>::Item: Watched + Send + 'static,
    {
        Watch::new(self.clone(), endpoint, cursor)
    }

    /// Runs `task` with the async client on the runtime thread (crate-internal).
    pub(crate) fn run<T, F, Fut>(&self, task: F) -> Result<T, Error>
    where
        T: Send + 'static,
        F: FnOnce(zoho_invoice::Client) -> Fut + Send + 'static,
        Fut: std::future::Future<Output = T> + Send + 'static,
    {
        self.runtime.run(task)
    }
}

/// Where the client's transport comes from.
enum Source {
    Builder(Box<TransportBuilder>),
    Custom(Arc<dyn Transport>),
}

/// Builds a blocking [`Client`]: everything the async transport builder offers (region,
/// organization, token source, retry, rate limit, your own tower layers, your own HTTP
/// service or transport), plus a timeout on the calling side.
#[must_use]
pub struct ClientBuilder {
    transport: Source,
    timeout: Option<Duration>,
}

impl std::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    fn map(mut self, f: impl FnOnce(TransportBuilder) -> TransportBuilder) -> Self {
        if let Source::Builder(b) = self.transport {
            self.transport = Source::Builder(Box::new(f(*b)));
        }
        self
    }

    /// Configures the default transport with any of its builder's settings.
    pub fn configure(self, f: impl FnOnce(TransportBuilder) -> TransportBuilder) -> Self {
        self.map(f)
    }

    /// The data centre (see [`Region`]).
    pub fn region(self, region: Region) -> Self {
        self.map(|b| b.region(region))
    }

    /// The organization every call is made for, unless a call says otherwise.
    pub fn organization_id(self, organization: impl Into<String>) -> Self {
        let organization = organization.into();
        self.map(|b| b.organization_id(organization))
    }

    /// A fixed access token.
    pub fn static_token(self, token: SecretString) -> Self {
        self.map(|b| b.static_token(token))
    }

    /// The refresh-token flow: access tokens are fetched and renewed as needed.
    pub fn refresh_token(self, client: ClientCredentials, refresh_token: SecretString) -> Self {
        self.map(|b| b.refresh_token(client, refresh_token))
    }

    /// Your own token source.
    pub fn token_source(self, source: Arc<dyn TokenSource>) -> Self {
        self.map(|b| b.token_source(source))
    }

    /// The retry policy.
    pub fn retry_policy(self, policy: RetryPolicy) -> Self {
        self.map(|b| b.retry_policy(policy))
    }

    /// The rate limit.
    pub fn rate_limit(self, config: RateLimitConfig) -> Self {
        self.map(|b| b.rate_limit(config))
    }

    /// The transport's timeouts (connect, per attempt, total).
    pub fn timeouts(self, timeouts: Timeouts) -> Self {
        self.map(|b| b.timeouts(timeouts))
    }

    /// Allows plain `http://` (tests on loopback).
    pub fn allow_http(self, allow: bool) -> Self {
        self.map(|b| b.allow_http(allow))
    }

    /// Uses your own transport instead of the default one.
    pub fn transport(mut self, transport: impl Transport + 'static) -> Self {
        self.transport = Source::Custom(Arc::new(transport));
        self
    }

    /// How long a call may block the calling thread (no limit by default). A call that runs
    /// out returns [`Error::Timeout`]; the request itself may still complete.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Starts the runtime thread and builds the transport on it.
    pub fn build(self) -> Result<Client, Error> {
        let source = self.transport;
        let runtime = Runtime::start(
            move || match source {
                Source::Builder(b) => Ok(zoho_invoice::Client::new(b.build()?)),
                Source::Custom(t) => Ok(zoho_invoice::Client::from_shared(t)),
            },
            self.timeout,
        )?;
        Ok(Client { runtime })
    }
}
