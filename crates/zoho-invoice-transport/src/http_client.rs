//! The innermost service: hyper-util's pooled client over hyper-rustls, with a cap on the
//! response body and the HTTPS-only rule.

use std::fmt;
use std::future::Future;
use std::pin::{Pin, pin};
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::{Client, ResponseFuture};
use hyper_util::rt::{TokioExecutor, TokioTimer};
use tokio::time::{Instant, Sleep};
use tower::Service;

use crate::BoxFuture;
use crate::error::{Error, TimeoutKind};
use crate::request::ApiRequest;
use crate::response::ApiResponse;
use crate::shared::Shared;
use crate::tls::TlsRoots;

/// Settings of the HTTP connection layer.
#[derive(Debug, Clone)]
pub(crate) struct HttpSettings {
    pub(crate) connect_timeout: Option<Duration>,
    pub(crate) pool_idle_timeout: Option<Duration>,
    pub(crate) max_body: usize,
    pub(crate) allow_http: bool,
    pub(crate) tls: TlsRoots,
}

/// hyper-util's client with rustls: the bottom of the stack.
#[derive(Clone)]
pub(crate) struct HttpClient {
    client: Client<HttpsConnector<HttpConnector>, Full<Bytes>>,
    max_body: usize,
    allow_http: bool,
}

impl fmt::Debug for HttpClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpClient")
            .field("max_body", &self.max_body)
            .field("allow_http", &self.allow_http)
            .finish_non_exhaustive()
    }
}

impl HttpClient {
    pub(crate) fn new(settings: &HttpSettings) -> Result<Self, Error> {
        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_nodelay(true);
        http.set_connect_timeout(settings.connect_timeout);
        let tls = settings.tls.client_config()?;
        let builder = hyper_rustls::HttpsConnectorBuilder::new().with_tls_config(tls);
        let connector = if settings.allow_http {
            builder
                .https_or_http()
                .enable_all_versions()
                .wrap_connector(http)
        } else {
            builder
                .https_only()
                .enable_all_versions()
                .wrap_connector(http)
        };
        let mut client = Client::builder(TokioExecutor::new());
        client.pool_idle_timeout(settings.pool_idle_timeout);
        if settings.pool_idle_timeout.is_some() {
            client.pool_timer(TokioTimer::new());
        }
        Ok(Self {
            client: client.build(connector),
            max_body: settings.max_body,
            allow_http: settings.allow_http,
        })
    }
}

/// Checks the HTTPS-only rule for an absolute URI.
pub(crate) fn check_scheme(uri: &http::Uri, allow_http: bool) -> Result<(), Error> {
    match uri.scheme_str() {
        Some("https") => Ok(()),
        Some("http") if allow_http => Ok(()),
        Some("http") => Err(Error::InsecureUrl(format!(
            "http://{}",
            uri.authority().map(|a| a.as_str()).unwrap_or("")
        ))),
        _ => Err(Error::InvalidRequest(
            "the URL must be absolute, with https".into(),
        )),
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
        Error::Connect(message)
    } else {
        Error::Network(message)
    }
}

/// The bottom of the stack, under the per-attempt timeout.
#[allow(clippy::large_enum_variant)] // one per transport; boxing would cost a hop per call
pub(crate) enum Bottom {
    /// The built-in client.
    Http(HttpClient),
    /// The user's service, or the user's layers over a per-attempt timeout of their own over
    /// HTTP (all tower services).
    Service(Shared),
}

/// A time limit on one attempt: when it runs out, and the error it makes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Timer {
    pub(crate) at: Instant,
    pub(crate) kind: TimeoutKind,
    pub(crate) after: Duration,
}

/// Polls `future` until it is ready or `sleep` (if any) runs out, the way
/// `tokio::time::timeout` does (the future first), with a timer shared by several futures.
async fn race<F: Future>(
    mut future: Pin<&mut F>,
    mut sleep: Pin<&mut Option<Sleep>>,
    timer: Option<Timer>,
) -> Result<F::Output, Error> {
    std::future::poll_fn(|cx| {
        if let Poll::Ready(output) = future.as_mut().poll(cx) {
            return Poll::Ready(Ok(output));
        }
        let elapsed = sleep
            .as_mut()
            .as_pin_mut()
            .is_some_and(|sleep| sleep.poll(cx).is_ready());
        match timer {
            Some(timer) if elapsed => Poll::Ready(Err(Error::Timeout {
                kind: timer.kind,
                after: timer.after,
            })),
            _ => Poll::Pending,
        }
    })
    .await
}

/// A started exchange: its future no longer needs the request.
enum Started {
    /// hyper-util's response future, and the body cap.
    Http(ResponseFuture, usize),
    /// The user's service (or layers).
    Service(BoxFuture<Result<ApiResponse, Error>>),
}

impl Bottom {
    /// Sends `request` (or fails with the error the layer above had), within `timer`: the
    /// per-attempt timeout and the HTTP exchange in one future, with one timer.
    ///
    /// The exchange is started here, not when first polled, so that the returned future holds
    /// hyper's (boxed) future instead of the request: each layer above moves a smaller future.
    pub(crate) fn send(
        &self,
        request: Result<ApiRequest, Error>,
        timer: Option<Timer>,
    ) -> impl Future<Output = Result<ApiResponse, Error>> + Send + use<> {
        let started = request.and_then(|request| match self {
            Self::Http(http) => http.start(request),
            Self::Service(service) => Ok(Started::Service(service.start(request))),
        });
        exchange(started, timer)
    }
}

impl HttpClient {
    /// Starts the exchange: checks the scheme and hands the request to hyper-util.
    fn start(&self, request: ApiRequest) -> Result<Started, Error> {
        check_scheme(request.uri(), self.allow_http)?;
        let request = request.into_http().map(Full::new);
        Ok(Started::Http(self.client.request(request), self.max_body))
    }
}

/// Finishes a started exchange within `timer`: the response, then the whole body (capped).
async fn exchange(
    started: Result<Started, Error>,
    timer: Option<Timer>,
) -> Result<ApiResponse, Error> {
    let mut sleep = pin!(timer.map(|timer| tokio::time::sleep_until(timer.at)));
    let (response, max_body) = match started? {
        Started::Http(response, max_body) => (response, max_body),
        Started::Service(call) => return race(pin!(call), sleep, timer).await?,
    };
    let response = race(pin!(response), sleep.as_mut(), timer)
        .await?
        .map_err(map_client_error)?;
    let (parts, body) = response.into_parts();
    let declared = parts
        .headers
        .get(http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|len| len > max_body as u64) {
        return Err(Error::BodyTooLarge { limit: max_body });
    }
    let body = race(pin!(Limited::new(body, max_body).collect()), sleep, timer)
        .await?
        .map_err(|e| {
            if e.is::<http_body_util::LengthLimitError>() {
                Error::BodyTooLarge { limit: max_body }
            } else {
                Error::Network(format!("reading the response body: {e}"))
            }
        })?
        .to_bytes();
    Ok(ApiResponse::from_http(http::Response::from_parts(
        parts, body,
    )))
}

impl Service<ApiRequest> for HttpClient {
    type Response = ApiResponse;
    type Error = Error;
    type Future = BoxFuture<Result<ApiResponse, Error>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: ApiRequest) -> Self::Future {
        Box::pin(exchange(self.start(request), None))
    }
}
