//! [`HttpTransport`]: the transport [`TransportBuilder`] builds.

use std::fmt;
use std::sync::Arc;

use std::future::Future;
use std::pin::Pin;

use crate::error::Error;
use crate::rate_limit::{QuotaStatus, RateLimiter};
use crate::region::Region;
use crate::request::ApiRequest;
use crate::response::ApiResponse;
use crate::token::TokenSource;
use crate::transport::Transport;

/// The default transport: the built-in tower layers over hyper-util and rustls (or the HTTP
/// service you gave the builder). Build one with [`HttpTransport::builder`]
/// ([`TransportBuilder`](crate::TransportBuilder)).
///
/// Cheap to clone; clones share the connection pool, the token cache, the rate limiter and
/// the retry budget.
#[derive(Clone)]
pub struct HttpTransport {
    stack: Arc<dyn Transport>,
    organization: Option<String>,
    limiter: Option<RateLimiter>,
    region: Region,
    source: Arc<dyn TokenSource>,
}

impl fmt::Debug for HttpTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpTransport")
            .field("region", &self.region)
            .field("organization", &self.organization)
            .field("token_source", &self.source)
            .finish_non_exhaustive()
    }
}

impl HttpTransport {
    pub(crate) fn new(
        stack: Arc<dyn Transport>,
        organization: Option<String>,
        limiter: Option<RateLimiter>,
        region: Region,
        source: Arc<dyn TokenSource>,
    ) -> Self {
        Self {
            stack,
            organization,
            limiter,
            region,
            source,
        }
    }

    /// The region this transport talks to.
    pub fn region(&self) -> &Region {
        &self.region
    }

    /// The token source.
    pub fn token_source(&self) -> &Arc<dyn TokenSource> {
        &self.source
    }

    /// The built-in rate limiter, unless it was replaced or turned off.
    pub fn rate_limiter(&self) -> Option<&RateLimiter> {
        self.limiter.as_ref()
    }

    /// The daily quota of `organization` as the last response reported it.
    pub fn quota(&self, organization: &str) -> Option<QuotaStatus> {
        self.limiter.as_ref()?.quota(organization)
    }
}

impl Transport for HttpTransport {
    // What `#[async_trait]` would write, less its `async` block: the boxed future is the
    // stack's own, so a call costs one box, not two.
    fn send<'life0, 'async_trait>(
        &'life0 self,
        request: ApiRequest,
    ) -> Pin<Box<dyn Future<Output = Result<ApiResponse, Error>> + Send + 'async_trait>>
    where
        'life0: 'async_trait,
        Self: 'async_trait,
    {
        // The trait object's own method, not the blanket one for `Arc`.
        self.stack.as_ref().send(request)
    }
}
