//! HTTP transport for the Zoho Invoice API: OAuth, retries and rate limiting over hyper and
//! rustls, with your own tower middleware where it belongs in the stack.
//!
//! Use it alone for raw calls with authentication, retry and rate limiting, or through the
//! typed `zoho-invoice` client, which sends everything through a [`Transport`].
//!
//! - [`ApiRequest`] and [`ApiResponse`] wrap the `http` crate's request and response.
//! - [`Transport`] is the one seam for mocks: an object-safe async trait. Any tower service
//!   becomes one through [`ServiceTransport`].
//! - [`HttpTransport`] is the default: built by [`TransportBuilder`], it stacks, outermost
//!   first, a tracing span, the total timeout, [retries](RetryPolicy), the
//!   [rate limiter](RateLimitConfig), [auth](TokenSource), the organization header and base
//!   URL, your own layers, the per-attempt timeout, and hyper-util's client with
//!   hyper-rustls (ring, webpki roots; the operating system's roots with the `native-roots`
//!   feature). Your layers ([`TransportBuilder::layer`]) and a replacement HTTP client
//!   ([`TransportBuilder::http_service`]) are tower `Layer`s and `Service`s; the built-in
//!   layers are composed statically around them, so a call runs as one future with no
//!   allocation or clone per built-in layer (the price of a tower `Service` per layer was
//!   measured at about 40% of a loopback request; see `BENCHMARKS.md`).
//! - Plain `http://` is refused unless [allowed](TransportBuilder::allow_http).
//! - Secrets are `secrecy::SecretString`; no `Debug`, `Display`, error or log line shows one.
//!
//! # Example
//!
//! The whole default stack, with a hand-written service in place of the network:
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
//! let transport = HttpTransport::builder()
//!     .region(Region::Eu)
//!     .static_token(SecretString::from("1000.abc.def"))
//!     .organization_id("10234695")
//!     .http_service(fake_zoho)
//!     .build()?;
//!
//! let response = transport.send(ApiRequest::get("/invoices?page=1")?).await?;
//! assert_eq!(response.zoho_code(), Some((0, Some("success".to_owned()))));
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

mod auth;
mod builder;
mod client;
mod clock;
mod error;
mod http_client;
mod org;
mod rate_limit;
mod region;
mod request;
mod response;
mod retry;
mod shared;
mod timeout;
mod tls;
mod trace;
mod transport;

pub use zoho_invoice_models as models;

pub use auth::{
    AccessToken, ClientCredentials, OAuthClient, RefreshingToken, StaticToken, TokenSet,
    TokenSource,
};
pub use builder::{DEFAULT_MAX_BODY, TransportBuilder};
pub use client::HttpTransport;
pub use clock::{
    Clock, FastRandom, FixedClock, FixedRandom, Random, Sleeper, SystemClock, TokioSleeper,
};
pub use error::{Error, TimeoutKind, TokenError};
pub use org::ORGANIZATION_HEADER;
pub use rate_limit::{QuotaStatus, RateLimitConfig};
pub use region::{API_PATH, Region};
pub use request::{ApiRequest, OrganizationId};
pub use response::ApiResponse;
pub use retry::{Decision, Outcome, RetryBudget, RetryPolicy, StopReason, decide, is_idempotent};
pub use timeout::Timeouts;
pub use tls::TlsRoots;
pub use transport::{BoxedService, ServiceTransport, Transport};

/// Re-exported so that users name the same `SecretString` the transport takes.
pub use secrecy;

/// A boxed, sendable future.
pub(crate) type BoxFuture<T> =
    std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'static>>;
