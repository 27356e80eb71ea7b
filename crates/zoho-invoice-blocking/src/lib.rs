//! Blocking (synchronous) client for the Zoho Invoice API.
//!
//! For code without an async runtime: command-line tools, scripts, threads of a synchronous
//! server. [`Client`] runs the async [`zoho_invoice::Client`] on a runtime thread of its own
//! and hands it the very same operation values (every type of [`zoho_invoice`]'s resource
//! modules), so nothing is written twice. It has the same resource handles
//! (`client.invoices()`, `client.contacts()`, ...) whose calls end with
//! [`run`](zoho_invoice::Call::run) instead of `.await`. Any number of threads share one client,
//! one connection pool, one token and one rate limiter. Lists are iterators; watches poll.
//!
//! - It takes the async transport's own builder ([`Client::build`], [`ClientBuilder::new`]),
//!   so every setting reaches the transport and none is copied or dropped.
//! - Calls reach the runtime thread over a channel: no lock is taken per call. A call whose
//!   caller gives up ([`ClientBuilder::timeout`]) is cancelled there, not left running.
//! - It fails with the SDK's one [`Error`] type.
//! - Features: one per resource group (all by default), `client` and `http2` (default), all
//!   forwarded to `zoho-invoice`.
//!
//! ```
//! use zoho_invoice_blocking::Client;
//! use zoho_invoice_blocking::zoho_invoice::models::items::ItemInput;
//!
//! // The fake server stands in for Zoho here; it runs on a runtime of its own.
//! let runtime = tokio::runtime::Runtime::new()?;
//! let server = runtime.block_on(zoho_invoice_mock::MockServer::start())?;
//! let client = Client::local(&server.api_url(), server.access_token().unwrap(), server.organization_id())?;
//!
//! let created = client.items().create(ItemInput::new("Hard Drive", 120)).run()?;
//! let fetched = client.items().get(created.item_id).run()?;
//! assert_eq!(fetched.name.as_deref(), Some("Hard Drive"));
//! for item in client.items().list().records() {
//!     println!("{}", item?.name.unwrap_or_default());
//! }
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
