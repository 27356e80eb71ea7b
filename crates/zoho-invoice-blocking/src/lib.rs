//! Blocking (synchronous) client for the Zoho Invoice API.
//!
//! For code without an async runtime: command-line tools, scripts, threads of a synchronous
//! server. [`Client`] runs the async [`zoho_invoice::Client`] on a runtime thread of its own
//! and hands it the very same operation values (every type of [`zoho_invoice`]'s resource
//! modules), so nothing is written twice. Any number of threads share one client, one
//! connection pool, one token and one rate limiter. Lists are iterators; watches poll.
//!
//! ```
//! use zoho_invoice_blocking::Client;
//! use zoho_invoice_blocking::zoho_invoice::items::{CreateItem, GetItem};
//! use zoho_invoice_blocking::zoho_invoice::models::items::ItemInput;
//! use zoho_invoice_blocking::zoho_invoice::transport::{Region, secrecy::SecretString};
//!
//! // The fake server stands in for Zoho here; it runs on a runtime of its own.
//! let runtime = tokio::runtime::Runtime::new()?;
//! let server = runtime.block_on(zoho_invoice_mock::MockServer::start())?;
//!
//! let client = Client::builder()
//!     .region(Region::custom(server.api_url(), server.accounts_url()))
//!     .allow_http(true)
//!     .static_token(SecretString::from(zoho_invoice_mock::DEFAULT_ACCESS_TOKEN))
//!     .organization_id(server.organization_id())
//!     .build()?;
//!
//! let item = ItemInput { name: Some("Hard Drive".into()), rate: Some(120.into()), ..Default::default() };
//! let created = client.send(CreateItem { item })?.record;
//! let fetched = client.send(GetItem { item_id: created.item_id.clone().unwrap() })?.record;
//! assert_eq!(fetched.name.as_deref(), Some("Hard Drive"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![warn(clippy::unwrap_used)]

mod client;
mod error;
mod iter;
mod runtime;
mod watch;

pub use client::{Client, ClientBuilder};
pub use error::Error;
pub use iter::{Items, Pages};
pub use runtime::THREAD_NAME;
pub use watch::Watch;

pub use zoho_invoice;
