//! HTTP transport for the Zoho Invoice API: OAuth, retries and rate limiting as tower layers,
//! over hyper and rustls or any HTTP service of yours.
//!
//! Use it alone for raw calls with authentication, retry and rate limiting, or through the
//! typed `zoho-invoice` client, which sends everything through a [`Transport`].
//!
//! - [`ApiRequest`] and [`ApiResponse`] wrap the `http` crate's request and response; a
//!   request carries its [`Operation`] (resource, name, method, path template) when the typed
//!   client made it.
//! - [`Transport`] is the one seam for mocks: an object-safe async trait. Any tower service
//!   becomes one through [`ServiceTransport`].
//! - Every built-in is a public tower [`Layer`](tower::Layer), generic over what it wraps:
//!   [`TraceLayer`], [`TotalTimeoutLayer`], [`RetryLayer`], [`RateLimitLayer`],
//!   [`AuthLayer`], [`OrganizationLayer`], [`AttemptTimeoutLayer`]. Reuse them in your own
//!   stack, replace any of them, or let [`TransportBuilder`] compose the default stack (with
//!   your layers around the call and around each attempt) into an [`HttpTransport`].
//! - One [`Error`] for the whole SDK, with predicates (`is_not_found`, `is_rate_limited`,
//!   `is_retryable`, `may_have_been_processed`, ...).
//! - Tokens: a static one, the refresh-token flow ([`RefreshingToken`]: single-flight,
//!   refreshed ahead of expiry), or that flow with its access token kept in a file
//!   ([`FileTokenStore`], [`TransportBuilder::token_file`]) so that command-line tools and
//!   cron jobs reuse a still-valid token across restarts instead of asking for a new one.
//! - Plain `http://` is refused unless [allowed](TransportBuilder::allow_http); secrets are
//!   `secrecy::SecretString`, and no `Debug`, `Display`, error or log line shows one.
//!
//! # Features
//!
//! - `client` (default): [`HyperClient`], hyper-util's pooled client over hyper-rustls
//!   (ring, webpki roots), the HTTP client of the default stack. Without it the crate pulls in
//!   no hyper, hyper-util, hyper-rustls or rustls: bring your own HTTP service
//!   ([`TransportBuilder::http_service`]) or mock the [`Transport`].
//! - `http2` (default): HTTP/2 as well as HTTP/1.1 (without it, no `h2`).
//! - `native-roots`: the operating system's certificates instead of the bundled roots.
//!
//! # Example: the default stack, with your layers
//!
//! A hand-written service stands in for the network; a layer of yours counts calls.
//!
//! ```
//! use secrecy::SecretString;
//! use zoho_invoice_transport::{ApiRequest, ApiResponse, Error, HttpTransport, Region, Transport};
//!
//! # tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap().block_on(async {
//! let fake_zoho = tower::service_fn(|request: ApiRequest| async move {
//!     // The stack made the URL absolute and added the auth and organization headers.
//!     assert_eq!(request.uri(), "https://www.zohoapis.eu/invoice/v3/invoices?page=1");
//!     assert!(request.headers()["authorization"].is_sensitive());
//!     assert_eq!(request.headers()["x-com-zoho-invoice-organizationid"], "10234695");
//!     Ok::<_, Error>(ApiResponse::json_ok(r#"{"code":0,"message":"success","invoices":[]}"#))
//! });
//! let calls = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
//! let counter = calls.clone();
//! let transport = HttpTransport::builder()
//!     .region(Region::Eu)
//!     .static_token(SecretString::from("1000.abc.def"))
//!     .organization_id("10234695")
//!     .call_layer(tower::layer::layer_fn(move |inner| {
//!         let counter = counter.clone();
//!         tower::util::MapRequest::new(inner, move |request: ApiRequest| {
//!             counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
//!             request
//!         })
//!     }))
//!     .http_service(fake_zoho)
//!     .build()?;
//!
//! let response = transport.send(ApiRequest::get("/invoices?page=1")?).await?;
//! assert_eq!(response.zoho_code(), Some((0, Some("success".to_owned()))));
//! assert_eq!(calls.load(std::sync::atomic::Ordering::Relaxed), 1);
//! # Ok::<(), Error>(())
//! # }).unwrap();
//! ```
//!
//! # Example: a stack assembled by hand
//!
//! ```
//! use std::sync::Arc;
//! use secrecy::SecretString;
//! use tower::ServiceBuilder;
//! use zoho_invoice_transport::{
//!     ApiRequest, ApiResponse, AttemptTimeoutLayer, AuthLayer, Error, OrganizationLayer,
//!     RetryLayer, RetryPolicy, ServiceTransport, StaticToken, TraceLayer, Transport,
//! };
//!
//! # tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap().block_on(async {
//! let http = tower::service_fn(|request: ApiRequest| async move {
//!     assert_eq!(request.uri(), "https://www.zohoapis.com/invoice/v3/items");
//!     Ok::<_, Error>(ApiResponse::json_ok(r#"{"code":0,"items":[]}"#))
//! });
//! let stack = ServiceBuilder::new()
//!     .layer(TraceLayer::new())
//!     .layer(RetryLayer::new(RetryPolicy::default()))
//!     .layer(AuthLayer::new(Arc::new(StaticToken::new(SecretString::from("1000.abc")))))
//!     .layer(OrganizationLayer::new("https://www.zohoapis.com/invoice/v3", false)?
//!         .with_default_organization("10234695")?)
//!     .layer(AttemptTimeoutLayer::new(Some(std::time::Duration::from_secs(30))))
//!     .service(http);
//! let transport = ServiceTransport::new(stack);
//! transport.send(ApiRequest::get("/items")?).await?;
//! # Ok::<(), Error>(())
//! # }).unwrap();
//! ```
//!
//! To mock the whole client instead, implement [`Transport`]:
//!
//! ```
//! use zoho_invoice_transport::{ApiRequest, ApiResponse, Error, Transport};
//!
//! struct Canned;
//!
//! #[async_trait::async_trait]
//! impl Transport for Canned {
//!     async fn send(&self, _request: ApiRequest) -> Result<ApiResponse, Error> {
//!         ApiResponse::json_ok(r#"{"code":0,"message":"success"}"#).error_for_status()
//!     }
//! }
//! ```

#![warn(clippy::unwrap_used)]

// The bottom: what a call is made of. Each depends only on the ones above it.
mod clock;
pub mod codes;
mod error;
mod operation;
mod outcome;
mod region;
mod request;
mod response;
mod transport;
mod url;

// The values the layers apply.
mod rate_limit;
mod retry;
mod token;

// The layers, each on its own.
mod layers;

// The HTTP client, beside the layers (feature `client`).
#[cfg(feature = "client")]
mod http_client;

// On top: the builder and what it builds.
mod builder;
mod http_transport;

pub use zoho_invoice_models as models;

pub use builder::TransportBuilder;
pub use clock::{
    Clock, FastRandom, FixedClock, FixedRandom, MAX_NETWORK_WAIT, Random, Sleeper, SystemClock,
    TokioSleeper,
};
pub use error::{Error, ErrorKind, TimeoutKind, TokenError};
#[cfg(feature = "client")]
pub use http_client::{DEFAULT_MAX_BODY, HttpSettings, HyperClient, TlsRoots};
pub use http_transport::HttpTransport;
pub use layers::auth::{Auth, AuthLayer};
pub use layers::organization::{ORGANIZATION_HEADER, Organization, OrganizationLayer};
pub use layers::rate_limit::{RateLimit, RateLimitLayer};
pub use layers::retry::{Retry, RetryLayer};
pub use layers::timeout::{
    AttemptTimeout, AttemptTimeoutLayer, Timeouts, TotalTimeout, TotalTimeoutLayer,
};
pub use layers::trace::{Trace, TraceLayer};
pub use operation::Operation;
pub use outcome::Outcome;
pub use rate_limit::{QuotaStatus, RateLimitConfig, RateLimiter};
pub use region::{API_PATH, Region};
pub use request::{ApiBase, ApiRequest, Deadline, OrganizationId};
pub use response::ApiResponse;
pub use retry::{Decision, Policy, RetryBudget, RetryPolicy, StopReason, decide, is_idempotent};
pub use token::{
    AccessToken, ClientCredentials, FileTokenStore, OAuthClient, RefreshObserver, RefreshingToken,
    StaticToken, TokenSet, TokenSource,
};
pub use transport::{BoxedService, ServiceTransport, Transport};

/// The futures the built-in layers' services return.
pub mod future {
    pub use crate::layers::auth::Replayable;
    pub use crate::layers::rate_limit::Limited;
    pub use crate::layers::retry::Retrying;
    pub use crate::layers::timeout::TimeLimited;
    pub use crate::layers::trace::Traced;
}

/// Re-exported so that users name the same `SecretString` the transport takes.
pub use secrecy;
