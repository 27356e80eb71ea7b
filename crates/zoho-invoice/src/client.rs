//! The async client.

use std::sync::Arc;

use http::Method;
use zoho_invoice_transport::{ApiRequest, Transport};

use crate::call::CallOptions;
use crate::chunked::{ChunkReport, Chunkable};
use crate::endpoint::{Endpoint, FromResponse};
use crate::paginate::{PageOf, Pages, Paginated, Records};
use crate::{Error, ErrorKind};

/// The async client: executes [operations](crate::Endpoint) through a [`Transport`]
/// (the default hyper + rustls stack, or your own).
///
/// Cheap to clone; clones share the transport (its connection pool, token and rate limiter).
#[derive(Clone)]
pub struct Client {
    transport: Arc<dyn Transport>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").finish_non_exhaustive()
    }
}

impl Client {
    /// A client over `transport`.
    pub fn new(transport: impl Transport + 'static) -> Self {
        Self {
            transport: Arc::new(transport),
        }
    }

    /// A client on a server of your own that speaks the Zoho Invoice API, such as the fake
    /// server of `zoho-invoice-mock`: its API base URL, a fixed access token and the
    /// organization (see [`TransportBuilder::local`](zoho_invoice_transport::TransportBuilder::local)).
    #[cfg(feature = "client")]
    pub fn local(
        api_url: &str,
        access_token: impl Into<String>,
        organization: impl Into<String>,
    ) -> Result<Self, Error> {
        let transport = zoho_invoice_transport::HttpTransport::builder()
            .local(api_url, access_token, organization)
            .build()?;
        Ok(Self::new(transport))
    }

    /// A client over a shared transport.
    pub fn from_shared(transport: Arc<dyn Transport>) -> Self {
        Self { transport }
    }

    /// The transport calls go through.
    pub fn transport(&self) -> &Arc<dyn Transport> {
        &self.transport
    }

    /// Performs one operation: checks its input, sends it, decodes the answer.
    pub async fn send<E: Endpoint>(&self, endpoint: &E) -> Result<E::Output, Error> {
        self.send_with(endpoint, &CallOptions::default()).await
    }

    /// Performs one operation with per-call options (organization, retry policy, timeout).
    pub async fn send_with<E: Endpoint>(
        &self,
        endpoint: &E,
        options: &CallOptions,
    ) -> Result<E::Output, Error> {
        let request = options.apply(endpoint.request()?);
        let call = async {
            // Checked here too, whatever the transport: an `{"error": ...}` or a non-zero
            // `code` is never decoded as an empty success.
            let response = self.transport.send(request).await?.error_for_status()?;
            E::Output::from_response(&E::OPERATION, response)
        };
        options
            .within(call)
            .await
            .map_err(|e| e.in_operation(&E::OPERATION))
    }

    /// A bulk call with any number of ids (bulk email, bulk reminders), sent as calls of at
    /// most the operation's limit each, one after the other, stopping at the first error. The
    /// report says how many calls were made, what each answered and how many ids were done.
    pub async fn send_in_chunks<E: Chunkable>(&self, endpoint: &E) -> ChunkReport<E::Output> {
        crate::chunked::send_chunks(endpoint, |chunk| async move { self.send(&chunk).await }).await
    }

    /// The pages of a list operation, one request per page.
    pub fn pages<E>(&self, endpoint: E) -> Pages<E::Output>
    where
        E: Paginated,
        E::Output: PageOf + Send,
    {
        crate::paginate::pages(self.clone(), endpoint, CallOptions::default())
    }

    /// The records of a list operation, across all its pages.
    pub fn records<E>(&self, endpoint: E) -> Records<<E::Output as PageOf>::Item>
    where
        E: Paginated,
        E::Output: PageOf + Send,
        <E::Output as PageOf>::Item: Send + 'static,
    {
        crate::paginate::records(self.clone(), endpoint, CallOptions::default())
    }

    /// Any call, for what is not typed yet: a method, a path under the API base (ids in it
    /// are yours to encode; `.` and `..` segments are refused), query pairs and an optional
    /// JSON body, through the same stack (auth, retry, rate limit). Returns the answer's
    /// JSON.
    pub async fn raw(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<&serde_json::Value>,
    ) -> Result<serde_json::Value, Error> {
        let mut target = path.to_owned();
        if !query.is_empty() {
            let mut q = form_urlencoded::Serializer::new(String::new());
            q.extend_pairs(query);
            target.push(if target.contains('?') { '&' } else { '?' });
            target.push_str(&q.finish());
        }
        let mut request = ApiRequest::new(method, &target)?;
        if let Some(body) = body {
            request = request
                .with_json(serde_json::to_vec(body).map_err(|e| ErrorKind::Encode(e.to_string()))?);
        }
        let response = self.transport.send(request).await?.error_for_status()?;
        serde_json::from_slice(response.body()).map_err(|e| ErrorKind::Decode(e.to_string()).into())
    }
}
