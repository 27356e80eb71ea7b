//! Data types for the Zoho Invoice API v3: every resource, request body and response
//! envelope, with no I/O.
//!
//! Pick this crate alone to read webhook payloads ([`webhooks`]), exports or saved responses; the other
//! crates of the SDK (`zoho-invoice`, `zoho-invoice-blocking`) use it for every call.
//!
//! What it guarantees:
//! - **Typed ids** ([`ids`]): an [`ids::InvoiceId`] cannot be passed for a
//!   [`ids::ContactId`]. Ids arrive as strings or bare numbers; every digit is kept.
//! - **Exact money** ([`money`]): amounts are [`rust_decimal::Decimal`] read from the number's
//!   text, so `0.1` stays `0.1` and `120.00` stays `120.00`.
//! - **Zoho's dates and timestamps** ([`time`]): `2013-09-17` and `2016-06-11T17:38:06-0700`.
//! - **Lenient decoding** ([`lenient`]): `""` or `" "` where a number, date, id or list belongs
//!   means absent; numbers and booleans sent as strings are accepted; one odd field never fails
//!   a record or a page.
//! - **Nothing lost** ([`extra`]): each model keeps the fields it does not name in `extra`, as
//!   their exact JSON text, and so are values a named field could not read or would write
//!   differently (`"fasle"`, `null`, `0.00` as a string), so get -> modify -> update sends
//!   everything back as it came.
//! - **One pass** ([`from_str`]): what the SDK decodes answers with. Most values are read
//!   straight from the parser instead of from their text first, for the same result with about
//!   a quarter fewer instructions; `serde_json::from_str` gives the same values.
//! - **Open enums**: statuses and types are `#[non_exhaustive]` with an `Other(String)` arm.
//! - **Request bodies** are their own types (`*Input`) with only writable fields; absent fields
//!   are not sent.
//!
//! ```
//! use zoho_invoice_models::envelope::Record;
//! use zoho_invoice_models::items::Item;
//!
//! let body = r#"{"code": 0, "message": "success", "item": {
//!     "item_id": 903000000045027, "name": "Hard Drive", "rate": 120.50,
//!     "unit": "", "tax_id": " ", "brand": "Acme"}}"#;
//! let answer: Record<Item> = serde_json::from_str(body)?;
//! let item = answer.record;
//! assert_eq!(item.item_id.as_str(), "903000000045027");
//! assert_eq!(item.rate.map(|r| r.to_string()).as_deref(), Some("120.50"));
//! assert_eq!(item.tax_id, None); // " " means absent
//! assert_eq!(item.extra.value("brand"), Some("Acme".into())); // unknown fields are kept
//! # Ok::<(), serde_json::Error>(())
//! ```

#![warn(clippy::unwrap_used)]

pub mod common;
mod direct;
pub mod envelope;
pub mod extra;
mod id_text;
pub mod ids;
pub mod lenient;
mod macros;
pub mod money;
mod raw;
pub mod time;

pub mod contact_persons;
pub mod contacts;
pub mod credit_notes;
pub mod currencies;
pub mod customer_payments;
pub mod estimates;
pub mod expenses;
pub mod invoices;
pub mod items;
pub mod organizations;
pub mod price_lists;
pub mod projects;
pub mod recurring_expenses;
pub mod recurring_invoices;
pub mod retainer_invoices;
pub mod tasks;
pub mod taxes;
pub mod time_entries;
pub mod users;
pub mod webhooks;

pub use chrono::NaiveDate;
pub use direct::from_str;
pub use envelope::{Page, PageContext, Placement, Record, Reply, Resource};
pub use extra::Extra;
pub use money::Discount;
pub use rust_decimal::Decimal;
pub use time::Timestamp;
