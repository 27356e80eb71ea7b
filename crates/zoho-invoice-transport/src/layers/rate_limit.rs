//! [`RateLimitLayer`]: holds each request back until its organization may send, and learns
//! from the answers.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};

use futures_util::future::{Either, Ready};
use pin_project_lite::pin_project;
use tokio::sync::OwnedSemaphorePermit;
use tower::{Layer, Service, ServiceExt};

use crate::error::Error;
use crate::rate_limit::{Admission, OrgLimiter, RateLimitConfig, RateLimiter};
use crate::request::{ApiRequest, OrganizationId, within};
use crate::response::ApiResponse;

/// Keeps each organization to its [`RateLimitConfig`]: the sliding window, the in-flight cap,
/// the daily quota and the pauses a 429 asks for. Requests that name no organization count
/// against the transport's default one.
///
/// Every service this layer makes shares its [`RateLimiter`]; so do layers made from the same
/// limiter with [`from_limiter`](Self::from_limiter).
#[derive(Debug, Clone)]
pub struct RateLimitLayer {
    limiter: RateLimiter,
    default_organization: String,
}

impl RateLimitLayer {
    /// A layer with a limiter of its own.
    pub fn new(config: RateLimitConfig) -> Self {
        Self::from_limiter(RateLimiter::new(config))
    }

    /// A layer over an existing limiter (shared with whoever else holds it).
    pub fn from_limiter(limiter: RateLimiter) -> Self {
        Self {
            limiter,
            default_organization: String::new(),
        }
    }

    /// Requests that name no organization are for `organization` (the transport's default):
    /// they share its limits with requests that name it, and its errors name it.
    pub fn with_default_organization(mut self, organization: impl Into<String>) -> Self {
        self.default_organization = organization.into();
        self
    }

    /// The limiter.
    pub fn limiter(&self) -> &RateLimiter {
        &self.limiter
    }
}

impl<S> Layer<S> for RateLimitLayer {
    type Service = RateLimit<S>;

    fn layer(&self, inner: S) -> RateLimit<S> {
        RateLimit {
            inner,
            shared: Arc::new(Shared {
                default: self.limiter.org(&self.default_organization),
                limiter: self.limiter.clone(),
            }),
        }
    }
}

/// The service of [`RateLimitLayer`].
#[derive(Debug, Clone)]
pub struct RateLimit<S> {
    inner: S,
    shared: Arc<Shared>,
}

/// What every clone of a [`RateLimit`] service shares (one reference count to clone).
#[derive(Debug)]
struct Shared {
    limiter: RateLimiter,
    /// The default organization's limiter, found once.
    default: Arc<OrgLimiter>,
}

type BoxFuture = Pin<Box<dyn Future<Output = Result<ApiResponse, Error>> + Send + 'static>>;

impl<S> Service<ApiRequest> for RateLimit<S>
where
    S: Service<ApiRequest, Response = ApiResponse, Error = Error> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = ApiResponse;
    type Error = Error;
    type Future = Either<Either<Limited<S::Future>, Ready<Result<ApiResponse, Error>>>, BoxFuture>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: ApiRequest) -> Self::Future {
        // A request that names its organization counts against that one's limits.
        let org = request
            .extensions()
            .get::<OrganizationId>()
            .map(|OrganizationId(key)| self.shared.limiter.org(key));
        let limiter = &self.shared.limiter;
        match limiter.try_admit(org.as_deref().unwrap_or(&self.shared.default)) {
            // The usual case: a slot is free now; the attempt starts now.
            Ok(Admission::Go(permit)) => Either::Left(Either::Left(Limited {
                inner: self.inner.call(request),
                permit: Some(permit),
                org: match org {
                    Some(org) => Whose::Named(org, limiter.clone()),
                    None => Whose::Default(self.shared.clone()),
                },
            })),
            Err(error) => Either::Left(Either::Right(futures_util::future::ready(Err(error)))),
            // Boxed: waiting is the rarer case, and keeps the usual future small.
            Ok(Admission::Wait) => {
                let ready = self.inner.clone();
                let inner = std::mem::replace(&mut self.inner, ready);
                let limiter = limiter.clone();
                let org = org.unwrap_or_else(|| self.shared.default.clone());
                let deadline = request.deadline();
                Either::Right(Box::pin(async move {
                    let permit = within(deadline, limiter.admit(&org)).await??;
                    let result = inner.oneshot(request).await;
                    drop(permit);
                    observed(&limiter, &org, result)
                }))
            }
        }
    }
}

/// The call's result, or the error the answer means for the rate limiter (a spent quota).
fn observed(
    limiter: &RateLimiter,
    org: &OrgLimiter,
    result: Result<ApiResponse, Error>,
) -> Result<ApiResponse, Error> {
    if let Ok(response) = &result {
        if let Some(error) = limiter.observe(org, response) {
            return Err(error);
        }
    }
    result
}

/// The organization an admitted attempt counts against.
enum Whose {
    /// The default one, as the service shares it.
    Default(Arc<Shared>),
    /// One the request named.
    Named(Arc<OrgLimiter>, RateLimiter),
}

pin_project! {
    /// An admitted attempt: holds its in-flight permit until the answer, then learns from it.
    pub struct Limited<F> {
        #[pin]
        inner: F,
        permit: Option<OwnedSemaphorePermit>,
        org: Whose,
    }
}

impl<F> Future for Limited<F>
where
    F: Future<Output = Result<ApiResponse, Error>>,
{
    type Output = Result<ApiResponse, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let result = ready!(this.inner.poll(cx));
        this.permit.take();
        Poll::Ready(match this.org {
            Whose::Default(shared) => observed(&shared.limiter, &shared.default, result),
            Whose::Named(org, limiter) => observed(limiter, org, result),
        })
    }
}
