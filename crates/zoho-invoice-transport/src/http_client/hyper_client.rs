//! [`HyperClient`]: hyper-util's pooled client over hyper-rustls, with a cap on the response
//! body and the HTTPS-only rule.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioTimer};
use tower::Service;

use super::tls::TlsRoots;
use crate::error::{Error, ErrorKind};
use crate::request::ApiRequest;
use crate::response::ApiResponse;
use crate::url::check_scheme;

/// The default cap on a response body: 32 MiB.
pub const DEFAULT_MAX_BODY: usize = 32 * 1024 * 1024;

/// Settings of the HTTP client.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct HttpSettings {
    /// Making a TCP connection (default 10 s; a failure is a connect failure: nothing sent).
    pub connect_timeout: Option<Duration>,
    /// How long an idle pooled connection is kept (default 90 s).
    pub pool_idle_timeout: Option<Duration>,
    /// The cap on a response body, in bytes (default [`DEFAULT_MAX_BODY`]).
    pub max_body: usize,
    /// Whether plain `http://` is allowed (default no).
    pub allow_http: bool,
    /// The certificates to trust.
    pub tls: TlsRoots,
}

impl Default for HttpSettings {
    fn default() -> Self {
        Self {
            connect_timeout: Some(Duration::from_secs(10)),
            pool_idle_timeout: Some(Duration::from_secs(90)),
            max_body: DEFAULT_MAX_BODY,
            allow_http: false,
            tls: TlsRoots::default(),
        }
    }
}

impl HttpSettings {
    /// The connect timeout.
    pub fn connect_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How long an idle pooled connection is kept.
    pub fn pool_idle_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.pool_idle_timeout = timeout;
        self
    }

    /// The cap on a response body, in bytes.
    pub fn max_body(mut self, bytes: usize) -> Self {
        self.max_body = bytes;
        self
    }

    /// Whether plain `http://` is allowed (for test servers on loopback).
    pub fn allow_http(mut self, allow: bool) -> Self {
        self.allow_http = allow;
        self
    }

    /// The certificates to trust.
    pub fn tls(mut self, roots: TlsRoots) -> Self {
        self.tls = roots;
        self
    }
}

/// hyper-util's pooled client with rustls (ring, webpki roots or the system's): a tower
/// service from [`ApiRequest`] (with an absolute URL) to [`ApiResponse`] (with the whole body,
/// read up to the cap). Cheap to clone; clones share the connection pool.
#[derive(Clone)]
pub struct HyperClient {
    inner: Arc<Inner>,
}

struct Inner {
    client: Client<HttpsConnector<HttpConnector>, Full<Bytes>>,
    max_body: usize,
    allow_http: bool,
}

impl fmt::Debug for HyperClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HyperClient")
            .field("max_body", &self.inner.max_body)
            .field("allow_http", &self.inner.allow_http)
            .finish_non_exhaustive()
    }
}

impl HyperClient {
    /// A client with these settings. Fails when the TLS roots are unusable.
    pub fn new(settings: &HttpSettings) -> Result<Self, Error> {
        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_nodelay(true);
        http.set_connect_timeout(settings.connect_timeout);
        let tls = settings.tls.client_config()?;
        let builder = hyper_rustls::HttpsConnectorBuilder::new().with_tls_config(tls);
        let builder = if settings.allow_http {
            builder.https_or_http()
        } else {
            builder.https_only()
        };
        #[cfg(feature = "http2")]
        let connector = builder.enable_all_versions().wrap_connector(http);
        #[cfg(not(feature = "http2"))]
        let connector = builder.enable_http1().wrap_connector(http);
        let mut client = Client::builder(TokioExecutor::new());
        client.pool_idle_timeout(settings.pool_idle_timeout);
        if settings.pool_idle_timeout.is_some() {
            client.pool_timer(TokioTimer::new());
        }
        Ok(Self {
            inner: Arc::new(Inner {
                client: client.build(connector),
                max_body: settings.max_body,
                allow_http: settings.allow_http,
            }),
        })
    }
}

/// Turns hyper-util's error into ours, telling "never sent" apart from "maybe sent".
fn map_client_error(error: hyper_util::client::legacy::Error) -> Error {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    if error.is_connect() {
        ErrorKind::Connect(message).into()
    } else {
        ErrorKind::Network(message).into()
    }
}

type BoxFuture = Pin<Box<dyn Future<Output = Result<ApiResponse, Error>> + Send + 'static>>;

impl Service<ApiRequest> for HyperClient {
    type Response = ApiResponse;
    type Error = Error;
    type Future = BoxFuture;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: ApiRequest) -> Self::Future {
        if let Err(error) = check_scheme(request.uri(), self.inner.allow_http) {
            return Box::pin(std::future::ready(Err(error)));
        }
        // Started now, so that the future holds hyper's (boxed) future, not the request.
        let response = self
            .inner
            .client
            .request(request.into_http().map(Full::new));
        let max_body = self.inner.max_body;
        Box::pin(async move {
            let response = response.await.map_err(map_client_error)?;
            read_body(response, max_body).await
        })
    }
}

/// Reads the whole body, up to `max_body` bytes.
async fn read_body(
    response: http::Response<hyper::body::Incoming>,
    max_body: usize,
) -> Result<ApiResponse, Error> {
    let (parts, body) = response.into_parts();
    let declared = parts
        .headers
        .get(http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|len| len > max_body as u64) {
        return Err(ErrorKind::BodyTooLarge { limit: max_body }.into());
    }
    let body = Limited::new(body, max_body)
        .collect()
        .await
        .map_err(|e| {
            Error::from(if e.is::<http_body_util::LengthLimitError>() {
                ErrorKind::BodyTooLarge { limit: max_body }
            } else {
                ErrorKind::Network(format!("reading the response body: {e}"))
            })
        })?
        .to_bytes();
    Ok(ApiResponse::from_http(http::Response::from_parts(
        parts, body,
    )))
}
