//! Typed async client for every operation of the Zoho Invoice API.
//!
//! This is the crate most users depend on. It will define each of the API's 212 operations
//! once, as a value that describes itself (method, path, query, body and response type),
//! execute them through `zoho-invoice-transport`, paginate lists as streams, download PDFs and
//! watch for changed records.
//!
//! **Status:** laid out, not written yet. Today it re-exports the data types:
//!
//! ```
//! use zoho_invoice::models::invoices::Invoice;
//!
//! let invoice: Invoice = serde_json::from_str(r#"{"invoice_id": "982000000567114", "total": 40.60}"#)?;
//! assert_eq!(invoice.total.map(|t| t.to_string()).as_deref(), Some("40.60"));
//! # Ok::<(), serde_json::Error>(())
//! ```

pub use zoho_invoice_transport::models;
