//! Blocking (synchronous) client for the Zoho Invoice API.
//!
//! For code without an async runtime: command-line tools, scripts, threads of a synchronous
//! server. [`Client`] runs the async [`zoho_invoice::Client`] on a runtime thread of its own
//! and hands it the very same operation values (every type of [`zoho_invoice`]'s resource
//! modules), so nothing is written twice. Any number of threads share one client, one
//! connection pool, one token and one rate limiter. Lists are iterators; watches poll.
//!
//! - It takes the async transport's own builder ([`ClientBuilder::new`]), so every setting
//!   reaches the transport and none is copied or dropped.
//! - Calls reach the runtime thread over a channel: no lock is taken per call. A call whose
//!   caller gives up ([`ClientBuilder::timeout`]) is cancelled there, not left running.
//! - It fails with the SDK's one [`Error`] type.
//! - Features: `client` and `http2` (default) are forwarded to `zoho-invoice`.
//!
//! ```
//! use zoho_invoice_blocking::Client;
//! use zoho_invoice_blocking::zoho_invoice::items::{CreateItem, GetItem};
//! use zoho_invoice_blocking::zoho_invoice::models::items::ItemInput;
//! use zoho_invoice_blocking::zoho_invoice::transport::{HttpTransport, Region, secrecy::SecretString};
//!
//! // The fake server stands in for Zoho here; it runs on a runtime of its own.
//! let runtime = tokio::runtime::Runtime::new()?;
//! let server = runtime.block_on(zoho_invoice_mock::MockServer::start())?;
//!
//! // Every setting of the async transport, given as its builder.
//! let client = Client::build(
//!     HttpTransport::builder()
//!         .region(Region::custom(server.api_url(), server.accounts_url()))
//!         .allow_http(true)
//!         .static_token(SecretString::from(zoho_invoice_mock::DEFAULT_ACCESS_TOKEN))
//!         .organization_id(server.organization_id()),
//! )?;
//!
//! let item = ItemInput { name: Some("Hard Drive".into()), rate: Some(120.into()), ..Default::default() };
//! let created = client.send(CreateItem { item })?.record;
//! let fetched = client.send(GetItem { item_id: created.item_id.clone().unwrap() })?.record;
//! assert_eq!(fetched.name.as_deref(), Some("Hard Drive"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![warn(clippy::unwrap_used)]

mod client;
mod handles;
mod iter;
mod runtime;
mod watch;

pub use client::{Client, ClientBuilder};
pub use handles::BlockingCall;
pub use iter::{Pages, Records};
pub use runtime::THREAD_NAME;
pub use watch::Watch;
/// The one error type of the SDK (the async client's, the transport's).
pub use zoho_invoice::Error;

pub use zoho_invoice;
