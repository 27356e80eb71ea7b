//! [`ApiRequest`]: one call to the API, built on `http::Request`.

use std::fmt;

use bytes::Bytes;
use http::header::{CONTENT_TYPE, HeaderName, HeaderValue};
use http::{Method, Request, Uri};

use crate::error::{Error, ErrorKind};
use crate::operation::Operation;
use crate::url::refuse_dot_segments;

/// The organization a request is made for; sent as `X-com-zoho-invoice-organizationid`.
///
/// Put it on a request with [`ApiRequest::with_organization`]; requests without one use the
/// transport's default organization.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OrganizationId(pub String);

/// The API base a request goes to when the token named one (`api_domain`): put on the request
/// by the auth layer, read by the organization layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiBase(pub std::sync::Arc<str>);

/// One call to the Zoho Invoice API: an `http::Request<Bytes>` whose URI is a path relative to
/// the API base (`/invoices?page=2`), or an absolute URL under it.
///
/// The transport adds the base URL, the `Authorization` and organization headers; per-request
/// options (organization, retry policy) travel in the request's extensions.
///
/// Its `Debug` shows the method, the path (no query), the header *names* and the body length:
/// never a header value or body.
#[derive(Clone)]
pub struct ApiRequest {
    inner: Request<Bytes>,
    deadline: Option<Deadline>,
}

/// When the whole call must be over: set by the total timeout
/// ([`TotalTimeoutLayer`](crate::TotalTimeoutLayer)) and kept by the layers under it that
/// wait (retry back-off, the rate limiter, the token source) and by the per-attempt timeout,
/// which arms one timer for whichever comes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    /// The instant the call must be over by (tokio's clock).
    pub at: tokio::time::Instant,
    /// The limit it was set from (for the error).
    pub limit: std::time::Duration,
}

/// Runs `future` within `deadline`, if there is one: what a layer that waits does, so that
/// its wait ends with the call.
pub(crate) async fn within<F: std::future::Future>(
    deadline: Option<Deadline>,
    future: F,
) -> Result<F::Output, Error> {
    match deadline {
        Some(deadline) => tokio::time::timeout_at(deadline.at, future)
            .await
            .map_err(|_| deadline.error()),
        None => Ok(future.await),
    }
}

impl Deadline {
    /// The error of a call that ran past this deadline.
    pub fn error(&self) -> Error {
        ErrorKind::Timeout {
            kind: crate::error::TimeoutKind::Total,
            after: self.limit,
        }
        .into()
    }
}

impl ApiRequest {
    /// A request with an empty body. `path` is relative to the API base, with an optional
    /// query: `/invoices?page=2` (a missing leading `/` is added), or an absolute URL under
    /// the API base. A path with `.` or `..` segments (plain or percent-encoded) is refused:
    /// it could leave the API base.
    pub fn new(method: Method, path: &str) -> Result<Self, Error> {
        let uri: Uri = if path.starts_with('/') || path.contains("://") {
            path.parse()
        } else {
            format!("/{path}").parse()
        }
        .map_err(|e| Error::from(ErrorKind::InvalidRequest(format!("bad path: {e}"))))?;
        refuse_dot_segments(uri.path())?;
        let mut inner = Request::new(Bytes::new());
        *inner.method_mut() = method;
        *inner.uri_mut() = uri;
        Ok(Self {
            inner,
            deadline: None,
        })
    }

    /// A `GET` request.
    pub fn get(path: &str) -> Result<Self, Error> {
        Self::new(Method::GET, path)
    }

    /// A `POST` request (add a body with [`with_json`](Self::with_json)).
    pub fn post(path: &str) -> Result<Self, Error> {
        Self::new(Method::POST, path)
    }

    /// A `PUT` request.
    pub fn put(path: &str) -> Result<Self, Error> {
        Self::new(Method::PUT, path)
    }

    /// A `DELETE` request.
    pub fn delete(path: &str) -> Result<Self, Error> {
        Self::new(Method::DELETE, path)
    }

    /// Wraps an `http::Request`.
    pub fn from_http(request: Request<Bytes>) -> Self {
        Self {
            inner: request,
            deadline: None,
        }
    }

    /// Sets a JSON body (the bytes as given) and `Content-Type: application/json`.
    pub fn with_json(self, json: impl Into<Bytes>) -> Self {
        self.with_body(json, HeaderValue::from_static("application/json"))
    }

    /// Sets a body and its content type.
    pub fn with_body(mut self, body: impl Into<Bytes>, content_type: HeaderValue) -> Self {
        *self.inner.body_mut() = body.into();
        self.inner.headers_mut().insert(CONTENT_TYPE, content_type);
        self
    }

    /// Sets a header.
    pub fn with_header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.inner.headers_mut().insert(name, value);
        self
    }

    /// Makes the request for `organization` instead of the transport's default one.
    pub fn with_organization(mut self, organization: impl Into<String>) -> Self {
        self.inner
            .extensions_mut()
            .insert(OrganizationId(organization.into()));
        self
    }

    /// Names the operation this request performs (the typed client always does): layers and
    /// tracing read it with [`operation`](Self::operation).
    pub fn with_operation(mut self, operation: Operation) -> Self {
        self.inner.extensions_mut().insert(operation);
        self
    }

    /// Puts any per-request option in the extensions (a
    /// [`RetryPolicy`](crate::RetryPolicy) to override the transport's for this request, say).
    pub fn with_extension<T: Clone + Send + Sync + 'static>(mut self, value: T) -> Self {
        self.inner.extensions_mut().insert(value);
        self
    }

    /// When the whole call must be over, if a total timeout set it.
    pub fn deadline(&self) -> Option<Deadline> {
        self.deadline
    }

    /// Sets when the whole call must be over (an earlier deadline already set stays).
    pub fn set_deadline(&mut self, deadline: Deadline) {
        if self.deadline.is_none_or(|d| deadline.at < d.at) {
            self.deadline = Some(deadline);
        }
    }

    /// The operation this request performs, when it names one.
    pub fn operation(&self) -> Option<&Operation> {
        self.inner.extensions().get::<Operation>()
    }

    /// The organization this request names, if any.
    pub fn organization(&self) -> Option<&str> {
        self.inner
            .extensions()
            .get::<OrganizationId>()
            .map(|o| o.0.as_str())
    }

    /// The method.
    pub fn method(&self) -> &Method {
        self.inner.method()
    }

    /// The URI: relative before the transport adds the base URL, absolute after.
    pub fn uri(&self) -> &Uri {
        self.inner.uri()
    }

    /// The path, without the query.
    pub fn path(&self) -> &str {
        self.inner.uri().path()
    }

    /// The headers.
    pub fn headers(&self) -> &http::HeaderMap {
        self.inner.headers()
    }

    /// The headers, to change.
    pub fn headers_mut(&mut self) -> &mut http::HeaderMap {
        self.inner.headers_mut()
    }

    /// The extensions (per-request options).
    pub fn extensions(&self) -> &http::Extensions {
        self.inner.extensions()
    }

    /// The extensions, to change.
    pub fn extensions_mut(&mut self) -> &mut http::Extensions {
        self.inner.extensions_mut()
    }

    /// The body.
    pub fn body(&self) -> &Bytes {
        self.inner.body()
    }

    /// The underlying `http::Request`.
    pub fn as_http(&self) -> &Request<Bytes> {
        &self.inner
    }

    /// The underlying `http::Request`, to change.
    pub fn as_http_mut(&mut self) -> &mut Request<Bytes> {
        &mut self.inner
    }

    /// Unwraps the `http::Request`.
    pub fn into_http(self) -> Request<Bytes> {
        self.inner
    }
}

impl From<Request<Bytes>> for ApiRequest {
    fn from(request: Request<Bytes>) -> Self {
        Self::from_http(request)
    }
}

impl fmt::Debug for ApiRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiRequest")
            .field("method", self.inner.method())
            .field("path", &self.inner.uri().path())
            .field(
                "headers",
                &self
                    .inner
                    .headers()
                    .keys()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>(),
            )
            .field("body_len", &self.inner.body().len())
            .finish()
    }
}
