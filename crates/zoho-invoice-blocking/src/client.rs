//! The blocking client and its builder.

use std::sync::Arc;
use std::time::Duration;

use zoho_invoice::transport::{Transport, TransportBuilder};
use zoho_invoice::{
    CallOptions, ChunkReport, Chunkable, Cursor, Endpoint, Error, PageOf, Paginated, Watchable,
    Watched,
};

use crate::iter::{Pages, Records};
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
    /// A client over the transport `transport` builds (the default stack: hyper + rustls,
    /// OAuth, retry, rate limiting, and whatever you configured on it).
    pub fn build(transport: TransportBuilder) -> Result<Self, Error> {
        ClientBuilder::new(transport).build()
    }

    /// A client on a server of your own that speaks the Zoho Invoice API, such as the fake
    /// server of `zoho-invoice-mock`: its API base URL, a fixed access token and the
    /// organization (see [`TransportBuilder::local`]).
    pub fn local(
        api_url: &str,
        access_token: impl Into<String>,
        organization: impl Into<String>,
    ) -> Result<Self, Error> {
        Self::build(TransportBuilder::default().local(api_url, access_token, organization))
    }

    /// A builder, to set a timeout on the calling side as well.
    pub fn builder(transport: TransportBuilder) -> ClientBuilder {
        ClientBuilder::new(transport)
    }

    /// A client over your own transport.
    pub fn new(transport: impl Transport + 'static) -> Result<Self, Error> {
        ClientBuilder::with_transport(transport).build()
    }

    /// Performs one operation: the same values the async client sends.
    pub fn send<E>(&self, endpoint: E) -> Result<E::Output, Error>
    where
        E: Endpoint + 'static,
        E::Output: Send + 'static,
    {
        self.send_with(endpoint, CallOptions::default())
    }

    /// Performs one operation with per-call options (organization, retry policy, timeout).
    pub fn send_with<E>(&self, endpoint: E, options: CallOptions) -> Result<E::Output, Error>
    where
        E: Endpoint + 'static,
        E::Output: Send + 'static,
    {
        self.runtime
            .run(move |client| async move { client.send_with(&endpoint, &options).await })?
    }

    /// A bulk call with any number of ids (bulk email, bulk reminders), sent as calls of at
    /// most the operation's limit each, one after the other, stopping at the first error: see
    /// [`zoho_invoice::Client::send_in_chunks`].
    pub fn send_in_chunks<E>(&self, endpoint: E) -> Result<ChunkReport<E::Output>, Error>
    where
        E: Chunkable + 'static,
        E::Output: Send + 'static,
    {
        self.runtime
            .run(move |client| async move { client.send_in_chunks(&endpoint).await })
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
        self.runtime.run(move |client| async move {
            let pairs: Vec<(&str, &str)> = query
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            client.raw(method, &path, &pairs, body.as_ref()).await
        })?
    }

    /// The pages of a list operation, fetched as the iterator advances.
    pub fn pages<E>(&self, endpoint: E) -> Pages<E>
    where
        E: Paginated + Send,
        E::Output: PageOf + Send + 'static,
    {
        Pages::new(self.clone(), endpoint, CallOptions::default())
    }

    /// The records of a list operation, across all its pages.
    pub fn records<E>(&self, endpoint: E) -> Records<E>
    where
        E: Paginated + Send,
        E::Output: PageOf + Send + 'static,
    {
        Records::new(self.pages(endpoint))
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

/// Builds a blocking [`Client`] from a [`TransportBuilder`] (every setting of the async
/// transport: region, organization, token source, retry, rate limit, your tower layers, your
/// HTTP service) or from a transport of your own, plus a timeout on the calling side.
///
/// ```no_run
/// use std::time::Duration;
/// use zoho_invoice_blocking::{Client, ClientBuilder};
/// use zoho_invoice_blocking::zoho_invoice::transport::{HttpTransport, Region, secrecy::SecretString};
///
/// let client = ClientBuilder::new(
///     HttpTransport::builder()
///         .region(Region::Eu)
///         .static_token(SecretString::from("1000.abc.def"))
///         .organization_id("10234695"),
/// )
/// .timeout(Duration::from_secs(30))
/// .build()?;
/// # Ok::<(), zoho_invoice_blocking::Error>(())
/// ```
#[must_use]
pub struct ClientBuilder {
    transport: Source,
    timeout: Option<Duration>,
}

impl std::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = f.debug_struct("ClientBuilder");
        match &self.transport {
            Source::Builder(b) => s.field("transport", b),
            Source::Custom(_) => s.field("transport", &"custom"),
        };
        s.field("timeout", &self.timeout).finish()
    }
}

impl ClientBuilder {
    /// A client over the transport `transport` builds (built on the runtime thread).
    pub fn new(transport: TransportBuilder) -> Self {
        Self {
            transport: Source::Builder(Box::new(transport)),
            timeout: None,
        }
    }

    /// A client over your own transport.
    pub fn with_transport(transport: impl Transport + 'static) -> Self {
        Self {
            transport: Source::Custom(Arc::new(transport)),
            timeout: None,
        }
    }

    /// How long a call may block the calling thread (no limit by default). A call that runs
    /// out fails with a [`TimeoutKind::Caller`](zoho_invoice::TimeoutKind::Caller) timeout
    /// and is cancelled on the runtime thread (it may have been sent already).
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
