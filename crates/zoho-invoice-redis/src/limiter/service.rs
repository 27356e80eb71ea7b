//! [`SharedRateLimit`]: the service of [`SharedRateLimitLayer`].

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use tower::{Layer, Service, ServiceExt};
use zoho_invoice_transport::{ApiRequest, ApiResponse, Error, RateLimit, RateLimitLayer};

use super::{Admission, Limiter, SharedRateLimitLayer};

impl<S: Clone> Layer<S> for SharedRateLimitLayer {
    type Service = SharedRateLimit<S>;

    fn layer(&self, inner: S) -> SharedRateLimit<S> {
        let fallback = RateLimitLayer::from_limiter(self.fallback.clone())
            .with_default_organization(self.default_organization.clone())
            .layer(inner.clone());
        SharedRateLimit {
            inner,
            fallback,
            limiter: Arc::new(Limiter::new(self)),
        }
    }
}

/// The service of [`SharedRateLimitLayer`]: waits for the fleet's limits, sends, and tells
/// Redis what the answer said.
#[derive(Clone)]
pub struct SharedRateLimit<S> {
    inner: S,
    /// The same service under the in-process limiter, for when Redis is unreachable.
    fallback: RateLimit<S>,
    limiter: Arc<Limiter>,
}

impl<S> fmt::Debug for SharedRateLimit<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SharedRateLimit")
            .field("limiter", &self.limiter)
            .finish_non_exhaustive()
    }
}

type BoxFuture = Pin<Box<dyn Future<Output = Result<ApiResponse, Error>> + Send + 'static>>;

impl<S> Service<ApiRequest> for SharedRateLimit<S>
where
    S: Service<ApiRequest, Response = ApiResponse, Error = Error> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = ApiResponse;
    type Error = Error;
    type Future = BoxFuture;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: ApiRequest) -> BoxFuture {
        // The service that was made ready goes with this call; a clone stays.
        let ready = self.inner.clone();
        let inner = std::mem::replace(&mut self.inner, ready);
        let fallback = self.fallback.clone();
        let limiter = self.limiter.clone();
        Box::pin(async move {
            let organization = limiter.organization(&request).to_owned();
            let admission = match request.deadline() {
                Some(deadline) => {
                    tokio::time::timeout_at(deadline.at, limiter.admit(&organization))
                        .await
                        .map_err(|_| deadline.error())??
                }
                None => limiter.admit(&organization).await?,
            };
            match admission {
                Admission::Shared(slot) => {
                    let result = inner.oneshot(request).await;
                    limiter.observe(&organization, slot, result).await
                }
                Admission::FallBack => fallback.oneshot(request).await,
            }
        })
    }
}
