//! The [`Transport`] trait, the one seam between the SDK and the network.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

use async_trait::async_trait;
use futures_util::FutureExt;
use tower::Service;
use tower::util::BoxCloneSyncService;

use crate::error::Error;
use crate::request::ApiRequest;
use crate::response::ApiResponse;

/// A boxed tower service from [`ApiRequest`] to [`ApiResponse`]: the type every layer of the
/// default stack wraps, and the one user layers receive.
pub type BoxedService = BoxCloneSyncService<ApiRequest, ApiResponse, Error>;

/// Sends [`ApiRequest`]s and returns [`ApiResponse`]s.
///
/// The default implementation is [`HttpTransport`](crate::HttpTransport). Implement it yourself
/// to mock the whole client in tests; it is object-safe (`Arc<dyn Transport>` works).
///
/// An implementation should return `Err` for answers that are errors (see
/// [`ApiResponse::error_for_status`]); the default transport does.
#[async_trait]
pub trait Transport: Send + Sync {
    /// Sends one request and waits for its answer.
    async fn send(&self, request: ApiRequest) -> Result<ApiResponse, Error>;
}

/// The future a [`Transport`] returns (what `#[async_trait]` makes of `async fn send`).
type SendFuture<'a> = Pin<Box<dyn Future<Output = Result<ApiResponse, Error>> + Send + 'a>>;

// Forwarded as they are, not through `#[async_trait]`, which would box the inner future once
// more in a future of its own.
impl<T: Transport + ?Sized> Transport for Arc<T> {
    fn send<'life0, 'async_trait>(&'life0 self, request: ApiRequest) -> SendFuture<'async_trait>
    where
        'life0: 'async_trait,
        Self: 'async_trait,
    {
        (**self).send(request)
    }
}

impl<T: Transport + ?Sized> Transport for Box<T> {
    fn send<'life0, 'async_trait>(&'life0 self, request: ApiRequest) -> SendFuture<'async_trait>
    where
        'life0: 'async_trait,
        Self: 'async_trait,
    {
        (**self).send(request)
    }
}

/// Adapts any tower [`Service`] from [`ApiRequest`] to [`ApiResponse`] into a [`Transport`].
///
/// Each call clones the service, waits for the clone to be ready and calls it, the usual way to
/// share a tower service. The response goes through [`ApiResponse::error_for_status`].
///
/// ```
/// use zoho_invoice_transport::{ApiRequest, ApiResponse, ServiceTransport, Transport};
///
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let service = tower::service_fn(|_request: ApiRequest| async {
///     Ok::<_, zoho_invoice_transport::Error>(ApiResponse::json_ok(r#"{"code":0}"#))
/// });
/// let transport = ServiceTransport::new(service);
/// let response = transport.send(ApiRequest::get("/invoices").unwrap()).await.unwrap();
/// assert_eq!(response.status(), 200);
/// # });
/// ```
#[derive(Clone)]
pub struct ServiceTransport<S> {
    service: S,
}

impl<S> ServiceTransport<S> {
    /// Wraps `service`.
    pub fn new(service: S) -> Self {
        Self { service }
    }
}

impl<S> fmt::Debug for ServiceTransport<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServiceTransport").finish_non_exhaustive()
    }
}

impl<S> Transport for ServiceTransport<S>
where
    S: Service<ApiRequest, Response = ApiResponse, Error = Error> + Clone + Send + Sync + 'static,
    S::Future: Send + 'static,
{
    // Not `#[async_trait]`: a service that is ready at once (every built-in layer is, over a
    // ready HTTP client) is called at once and its future boxed as it is, rather than kept
    // in a larger `async` block with the service and the request.
    fn send<'life0, 'async_trait>(&'life0 self, request: ApiRequest) -> SendFuture<'async_trait>
    where
        'life0: 'async_trait,
        Self: 'async_trait,
    {
        let mut service = self.service.clone();
        let mut probe = Context::from_waker(Waker::noop());
        match service.poll_ready(&mut probe) {
            Poll::Ready(Ok(())) => Box::pin(service.call(request).map(checked)),
            Poll::Ready(Err(error)) => Box::pin(std::future::ready(Err(error))),
            // Not ready: wait for it (with the real waker) in a future of its own.
            Poll::Pending => Box::pin(async move {
                std::future::poll_fn(|cx| service.poll_ready(cx)).await?;
                checked(service.call(request).await)
            }),
        }
    }
}

/// The answer, or the error it is ([`ApiResponse::error_for_status`]).
fn checked(result: Result<ApiResponse, Error>) -> Result<ApiResponse, Error> {
    result?.error_for_status()
}
