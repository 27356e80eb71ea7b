//! HTTP transport for the Zoho Invoice API.
//!
//! This crate will carry the request and response types, the `Transport` trait (the one seam
//! for mocking the whole client), OAuth token handling, retry on 429, rate limiting and the
//! default hyper + rustls stack under tower middleware. Pick it alone when you want raw calls
//! with authentication, retry and rate limiting but no typed operations.
//!
//! **Status:** the workspace is being built issue by issue; this crate is laid out but its
//! transport is not written yet. Today it re-exports the data types it will move, so that
//! code written against it keeps compiling:
//!
//! ```
//! use zoho_invoice_transport::models::ids::InvoiceId;
//!
//! let id: InvoiceId = "982000000567114".parse()?;
//! assert_eq!(id.as_str(), "982000000567114");
//! # Ok::<(), zoho_invoice_transport::models::ids::InvalidId>(())
//! ```

pub use zoho_invoice_models as models;
