//! Typed async client for the Zoho Invoice API.
//!
//! Each operation of the API is a type implementing [`Endpoint`]: a value that describes its
//! request (method, path with percent-encoded ids, query, body) and the type its answer
//! decodes into. The [`Client`] executes those values through a
//! [`Transport`](zoho_invoice_transport::Transport) (OAuth, retry, rate limiting), and the
//! blocking client executes the very same values, so no operation is written twice.
//!
//! - Invalid input (an empty id, a bulk call over the API's limit) is refused with a typed
//!   [`Error`] before anything is sent; ids are percent-encoded so they can never change the
//!   path. [`Error`] is the SDK's one error type (the transport's): its `Display` names the
//!   operation, and its predicates (`is_not_found`, `is_validation`, `is_retryable`,
//!   `may_have_been_processed`, ...) answer the same for every layer.
//! - Each request carries its [`Operation`] in its extensions, for tower layers and tracing
//!   (`HttpTransport::builder().call_layer(..)` / `.attempt_layer(..)`).
//! - Lists paginate as streams of pages or of records ([`Client::pages`], [`Client::items`]).
//! - [`Client::raw`] makes any call through the same stack.
//! - [`Watcher`] delivers the records created or updated since a saved [`Cursor`].
//!
//! Features: one per resource group (all by default), and `client` and `http2` (default),
//! forwarded to `zoho-invoice-transport`. With `default-features = false` and only the
//! resource groups you need, the crate compiles no hyper, hyper-util, hyper-rustls, rustls or
//! h2: give the transport builder an HTTP service of your own, or a [`Transport`] of your own.
//!
//! [`Transport`]: zoho_invoice_transport::Transport
//!
//! ```
//! # #[cfg(feature = "items")] {
//! use zoho_invoice::items::GetItem;
//! use zoho_invoice::{Client, Endpoint};
//! use zoho_invoice_transport::{ApiRequest, ApiResponse, Transport};
//!
//! // A hand-written transport standing in for the network.
//! struct Canned;
//!
//! #[async_trait::async_trait]
//! impl Transport for Canned {
//!     async fn send(&self, request: ApiRequest) -> Result<ApiResponse, zoho_invoice_transport::Error> {
//!         assert_eq!(request.path(), "/items/903000000045027");
//!         Ok(ApiResponse::json_ok(r#"{"code": 0, "message": "success",
//!             "item": {"item_id": "903000000045027", "name": "Hard Drive", "rate": 120.00}}"#))
//!     }
//! }
//!
//! # #[cfg(feature = "items")]
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let client = Client::new(Canned);
//! let item = client.send(&GetItem { item_id: "903000000045027".parse()? }).await?.record;
//! assert_eq!(item.name.as_deref(), Some("Hard Drive"));
//! assert_eq!(item.rate.map(|r| r.to_string()).as_deref(), Some("120.00"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # }).unwrap();
//! # }
//! ```

#![warn(clippy::unwrap_used)]

pub mod call;
pub mod chunked;
mod client;
pub mod endpoint;
mod macros;
mod multipart;
pub mod page_iter;
pub mod paginate;
pub mod path;
pub mod query;
mod resources;
pub mod watch;

pub use call::{BlockingExecutor, Call, CallOptions, Returned};
pub use chunked::{ChunkReport, Chunkable};
pub use client::Client;
pub use endpoint::{Body, Download, Endpoint, FromResponse, Operation, Upload};
pub use paginate::{PageOf, Pages, Paginated, Records};
#[allow(unused_imports, unreachable_pub)] // with no resource feature, there is no module
pub use resources::*;
pub use watch::{Cursor, Watchable, Watched, Watcher};
pub use zoho_invoice_transport::{Error, ErrorKind, TimeoutKind, TokenError, codes};

pub use zoho_invoice_models as models;
pub use zoho_invoice_transport as transport;

/// Every operation this crate defines: resource, name, method and path template.
pub fn operations() -> Vec<Operation> {
    resources::OPERATION_GROUPS
        .iter()
        .flat_map(|group| group.iter().cloned())
        .collect()
}
