//! [`HttpTransport`]: the default [`Transport`].

use std::fmt;
use std::sync::Arc;

use futures_util::FutureExt;
use futures_util::future::BoxFuture;

use crate::auth::AuthService;
use crate::auth::TokenSource;
use crate::builder::TransportBuilder;
use crate::error::Error;
use crate::org::OrgService;
use crate::rate_limit::RateLimitService;
use crate::rate_limit::{QuotaStatus, RateLimiter};
use crate::region::Region;
use crate::request::{ApiRequest, OrganizationId};
use crate::response::ApiResponse;
use crate::retry::layer::RetryService;
use crate::shared::Call;
use crate::timeout::TotalTimeout;
use crate::trace::TraceService;
use crate::transport::Transport;

/// The default stack, outermost first. Everything above the bottom is built in and composed
/// statically: a call runs as two state machines (the call, and each attempt, boxed once).
pub(crate) type Stack =
    TraceService<TotalTimeout<RetryService<RateLimitService<AuthService<OrgService>>>>>;

/// The default transport: a tower stack over hyper-util and rustls. Build one with
/// [`HttpTransport::builder`].
///
/// Cheap to clone; clones share the connection pool, the token cache, the rate limiter and
/// the retry budget.
#[derive(Clone)]
pub struct HttpTransport {
    stack: Arc<Stack>,
    organization: Option<OrganizationId>,
    limiter: Option<Arc<RateLimiter>>,
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
    /// A [`TransportBuilder`].
    pub fn builder() -> TransportBuilder {
        TransportBuilder::new()
    }

    pub(crate) fn new(
        stack: Arc<Stack>,
        organization: Option<OrganizationId>,
        limiter: Option<Arc<RateLimiter>>,
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

    /// The daily quota of `organization` as the last response reported it.
    pub fn quota(&self, organization: &str) -> Option<QuotaStatus> {
        self.limiter.as_ref()?.quota(organization)
    }
}

impl Transport for HttpTransport {
    // What `#[async_trait]` would write, less its `async` block: the boxed future is the
    // stack's own, not one that also keeps the request.
    fn send<'life0, 'async_trait>(
        &'life0 self,
        request: ApiRequest,
    ) -> BoxFuture<'async_trait, Result<ApiResponse, Error>>
    where
        'life0: 'async_trait,
        Self: 'async_trait,
    {
        // A request without an organization is for the default one: the layers below know
        // it, and put it on the request where a user layer or service can see it.
        let call = self.stack.call(request, None);
        Box::pin(call.map(|result| result?.error_for_status()))
    }
}
