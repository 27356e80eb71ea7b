//! The [`Transport`] trait, the one seam between the SDK and the network.

use std::fmt;
use std::sync::Arc;

use async_trait::async_trait;
use tower::util::BoxCloneSyncService;
use tower::{Service, ServiceExt};

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

#[async_trait]
impl<T: Transport + ?Sized> Transport for Arc<T> {
    async fn send(&self, request: ApiRequest) -> Result<ApiResponse, Error> {
        (**self).send(request).await
    }
}

#[async_trait]
impl<T: Transport + ?Sized> Transport for Box<T> {
    async fn send(&self, request: ApiRequest) -> Result<ApiResponse, Error> {
        (**self).send(request).await
    }
}

/// Adapts any tower [`Service`] from [`ApiRequest`] to [`ApiResponse`] into a [`Transport`].
///
/// Each call clones the service and drives the clone (`ServiceExt::oneshot`), the usual way to
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

#[async_trait]
impl<S> Transport for ServiceTransport<S>
where
    S: Service<ApiRequest, Response = ApiResponse, Error = Error> + Clone + Send + Sync + 'static,
    S::Future: Send + 'static,
{
    async fn send(&self, request: ApiRequest) -> Result<ApiResponse, Error> {
        self.service
            .clone()
            .oneshot(request)
            .await?
            .error_for_status()
    }
}
