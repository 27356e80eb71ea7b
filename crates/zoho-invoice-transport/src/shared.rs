//! [`Shared`]: a service that is cheap to clone (one `Arc`), used between the built-in layers.
//!
//! Cloning a `BoxCloneSyncService` clones (and re-boxes) every service below it, and tower's
//! usual "clone, then call the clone" pattern would do that at every layer of every call. The
//! built-in layers are always ready and only need `&self` to start a call, so they share their
//! inner service through an `Arc` instead.

use std::sync::Arc;
use std::task::{Context, Poll};

use tower::{Service, ServiceExt};

use crate::BoxFuture;
use crate::error::Error;
use crate::request::ApiRequest;
use crate::response::ApiResponse;

type CallFn = dyn Fn(ApiRequest) -> BoxFuture<Result<ApiResponse, Error>> + Send + Sync;

/// A shared, always-ready service.
#[derive(Clone)]
pub(crate) struct Shared(Arc<CallFn>);

impl Shared {
    /// Shares `service`: each call clones it (cheap for the built-in layers, whose inner
    /// service is a `Shared`) and waits for it to be ready.
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
    pub(crate) fn call(&self, request: ApiRequest) -> BoxFuture<Result<ApiResponse, Error>> {
        (self.0)(request)
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
        Shared::call(self, request)
    }
}
