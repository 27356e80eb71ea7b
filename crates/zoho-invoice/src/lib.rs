//! Typed async client for the Zoho Invoice API.
//!
//! Start from a resource handle on the [`Client`]: `client.invoices()`, `client.contacts()`,
//! `client.customer_payments()`, ... Each method of a handle makes one operation of the API
//! as a [`Call`]: its required inputs are the arguments, its options and filters are setters,
//! and awaiting it gives back the record itself (`Invoice`, not the answer around it;
//! [`Call::envelope`] gives the whole answer). Input models are built the same way:
//! `new` takes what the API requires, a setter of each field's name sets the rest.
//!
//! ```
//! # #[cfg(all(feature = "contacts", feature = "invoices", feature = "items", feature = "client"))]
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! use futures_util::TryStreamExt;
//! use zoho_invoice::Client;
//! use zoho_invoice::models::{contacts::ContactInput, items::ItemInput};
//! use zoho_invoice::models::invoices::{InvoiceFilterBy, InvoiceInput, InvoiceLineItemInput};
//! use zoho_invoice::query::DocumentFormat;
//!
//! let server = zoho_invoice_mock::MockServer::start().await?;
//! // On the fake server (a client on the real service is built from a TransportBuilder).
//! let client = Client::local(&server.api_url(), server.access_token().unwrap(), server.organization_id())?;
//!
//! let customer = client.contacts().create(ContactInput::new("Bowman & Co")).await?;
//! let item = client.items().create(ItemInput::new("Hard Drive", 120)).await?;
//! let lines = vec![InvoiceLineItemInput::item(item.item_id, 2)];
//! let invoice = client
//!     .invoices()
//!     .create(InvoiceInput::new(customer.contact_id, lines))
//!     .ignore_auto_number_generation(false) // an option of the operation
//!     .await?;
//! let invoice_id = invoice.invoice_id;
//! client.invoices().mark_sent(&invoice_id).await?;
//! let pdf = client.invoices().download(&invoice_id, DocumentFormat::Pdf).await?;
//! assert!(pdf.bytes.starts_with(b"%PDF-"));
//!
//! let unpaid: Vec<_> = client
//!     .invoices()
//!     .list()
//!     .filter_by(InvoiceFilterBy::Unpaid)
//!     .records() // every page, as a stream
//!     .try_collect()
//!     .await?;
//! assert_eq!(unpaid.len(), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # }).unwrap();
//! ```
//!
//! Underneath, each operation is a type implementing [`Endpoint`] (`CreateInvoice`,
//! `ListInvoices`, ...): a value that describes its request (method, path with
//! percent-encoded ids, query, body) and the type its answer decodes into, declared once. The
//! handles make those values; [`Client::send`] executes any of them; the blocking client
//! executes the very same values, with the same handles, so no operation is written twice.
//!
//! - Invalid input (an empty id, a bulk call over the API's limit) is refused with a typed
//!   [`Error`] before anything is sent; ids are percent-encoded so they can never change the
//!   path. [`Error`] is the SDK's one error type (the transport's): its `Display` names the
//!   operation, its predicates (`is_not_found`, `is_validation`, `is_retryable`,
//!   `may_have_been_processed`, ...) answer the same for every layer, and Zoho's error codes
//!   are the constants of [`codes`].
//! - Each request carries its [`Operation`] in its extensions, for tower layers and tracing
//!   (`HttpTransport::builder().call_layer(..)` / `.attempt_layer(..)`).
//! - Lists paginate as streams of pages or of records ([`Call::pages`], [`Call::records`],
//!   [`Client::pages`], [`Client::records`]); both are `Unpin`.
//! - Bulk email and reminders take any number of ids with [`Client::send_in_chunks`].
//! - [`Client::raw`] makes any call through the same stack.
//! - [`Watcher`] delivers the records created or updated since a saved [`Cursor`].
//! - A record can be updated by a custom field's unique value instead of its id
//!   ([`UniqueField`], with an upsert), and emails take attachments (`.attach(..)`).
//! - Answers in Zoho's variant shapes (another key spelling, a list of one, fields at the top
//!   level) are read, and an answer of no known shape is an error naming the key and what was
//!   there; webhook payloads decode with [`models::webhooks`].
//!
//! Features: one per resource group (all by default), and `client` and `http2` (default),
//! forwarded to `zoho-invoice-transport`. With `default-features = false` and only the
//! resource groups you need, the crate compiles no hyper, hyper-util, hyper-rustls, rustls or
//! h2: give the transport builder an HTTP service of your own, or a [`Transport`] of your own,
//! as here:
//!
//! [`Transport`]: zoho_invoice_transport::Transport
//!
//! ```
//! # #[cfg(feature = "items")] {
//! use zoho_invoice::Client;
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
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let client = Client::new(Canned);
//! let item = client.items().get("903000000045027".parse::<zoho_invoice::models::ids::ItemId>()?).await?;
//! assert_eq!(item.name.as_deref(), Some("Hard Drive"));
//! assert_eq!(item.rate.map(|r| r.to_string()).as_deref(), Some("120.00"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # }).unwrap();
//! # }
//! ```

#![warn(clippy::unwrap_used)]
// A resource module is one `resource!` invocation that walks its items one at a time.
#![recursion_limit = "256"]

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
#[doc(hidden)]
pub mod sample;
mod unique_field;
pub mod watch;

pub use call::{BlockingExecutor, Call, CallOptions, Returned};
pub use chunked::{ChunkReport, Chunkable};
pub use client::Client;
pub use endpoint::{Body, Download, Endpoint, FromResponse, Operation, Upload};
pub use paginate::{PageOf, Pages, Paginated, Records};
#[allow(unused_imports, unreachable_pub)] // with no resource feature, there is no module
pub use resources::*;
pub use unique_field::UniqueField;
pub use watch::{Cursor, Watchable, Watched, Watcher};
pub use zoho_invoice_transport::{Error, ErrorKind, TimeoutKind, TokenError, codes};

/// The data types of every resource (requests and answers), browsable here.
#[doc(inline)]
pub use zoho_invoice_models as models;
pub use zoho_invoice_transport as transport;

#[doc(hidden)]
/// Every operation built from sample inputs, in the order of [`operations`]: what the crate's
/// table-driven tests walk.
pub fn samples() -> Vec<sample::Sampled> {
    resources::SAMPLE_GROUPS
        .iter()
        .flat_map(|group| group())
        .collect()
}

/// Every operation this crate defines: resource, name, method and path template (a record's
/// get and its download are two operations of one row of the reference's table).
pub fn operations() -> Vec<Operation> {
    resources::OPERATION_GROUPS
        .iter()
        .flat_map(|group| group.iter().cloned())
        .collect()
}
