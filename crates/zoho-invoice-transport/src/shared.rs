//! How the built-in layers call each other.
//!
//! The built-in layers (tracing, total timeout, retry, rate limit, auth, organization,
//! per-attempt timeout) are composed statically through [`Call`]: a call borrows its layer,
//! so a request runs as two state machines (the call and, boxed under the retry layer, each
//! attempt), with no allocation or clone per layer.
//! Whatever the user plugs in (tower layers, a replacement HTTP service) is reached through
//! [`Shared`], a tower service that is cheap to clone.

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::time::Instant;
use tower::{Service, ServiceExt};

use crate::BoxFuture;
use crate::error::{Error, TimeoutKind};
use crate::http_client::Timer;
use crate::request::ApiRequest;
use crate::response::ApiResponse;

/// A built-in layer (or the bottom of the stack): starts a call that borrows it.
pub(crate) trait Call: Send + Sync + 'static {
    /// Sends `request`; `deadline` is the call's total deadline when no timer above enforces
    /// it (the layers that wait must then keep to it themselves).
    fn call(
        &self,
        request: ApiRequest,
        deadline: Option<Deadline>,
    ) -> impl Future<Output = Result<ApiResponse, Error>> + Send + '_;
}

/// The total deadline of a call, with the limit it came from (for the error).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Deadline {
    pub(crate) at: Instant,
    pub(crate) limit: Duration,
}

impl Deadline {
    /// The deadline `limit` from now.
    pub(crate) fn after(limit: Duration) -> Self {
        Self {
            at: Instant::now() + limit,
            limit,
        }
    }

    /// The deadline as an attempt's timer.
    pub(crate) fn timer(&self) -> Timer {
        Timer {
            at: self.at,
            kind: TimeoutKind::Total,
            after: self.limit,
        }
    }

    /// The error for a call that ran out of time.
    pub(crate) fn error(&self) -> Error {
        Error::Timeout {
            kind: TimeoutKind::Total,
            after: self.limit,
        }
    }
}

/// Runs `future` within `deadline`. A future that is ready at once costs no timer: the timer
/// is only armed (and boxed, to keep the callers' futures small) when the future has to wait.
pub(crate) async fn within<F: Future>(
    deadline: Option<Deadline>,
    future: F,
) -> Result<F::Output, Error> {
    let Some(deadline) = deadline else {
        return Ok(future.await);
    };
    let mut future = pin!(future);
    let first = std::future::poll_fn(|cx| Poll::Ready(future.as_mut().poll(cx))).await;
    if let Poll::Ready(output) = first {
        return Ok(output);
    }
    Box::pin(tokio::time::timeout_at(deadline.at, future))
        .await
        .map_err(|_| deadline.error())
}

type CallFn = dyn Fn(ApiRequest) -> BoxFuture<Result<ApiResponse, Error>> + Send + Sync;

/// A shared, always-ready tower service: wraps what the user plugs in.
#[derive(Clone)]
pub(crate) struct Shared(Arc<CallFn>);

impl Shared {
    /// Shares `service`: each call clones it and waits for it to be ready.
    pub(crate) fn new<S>(service: S) -> Self
    where
        S: Service<ApiRequest, Response = ApiResponse, Error = Error>
            + Clone
            + Send
            + Sync
            + 'static,
        S::Future: Send + 'static,
    {
        Self(Arc::new(move |request| {
            Box::pin(service.clone().oneshot(request))
        }))
    }

    /// Starts a call.
    pub(crate) fn start(&self, request: ApiRequest) -> BoxFuture<Result<ApiResponse, Error>> {
        (self.0)(request)
    }
}

impl Call for Shared {
    fn call(
        &self,
        request: ApiRequest,
        _deadline: Option<Deadline>,
    ) -> impl Future<Output = Result<ApiResponse, Error>> + Send + '_ {
        self.start(request)
    }
}

impl Service<ApiRequest> for Shared {
    type Response = ApiResponse;
    type Error = Error;
    type Future = BoxFuture<Result<ApiResponse, Error>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: ApiRequest) -> Self::Future {
        self.start(request)
    }
}
