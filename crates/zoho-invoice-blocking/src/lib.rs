//! Blocking (synchronous) client for the Zoho Invoice API.
//!
//! For code without an async runtime: command-line tools, scripts, threads of a synchronous
//! server. It will run the async `zoho-invoice` client on a dedicated runtime thread and
//! execute the very same operation definitions, so any number of threads share one connection
//! pool, one token and one rate limiter.
//!
//! **Status:** laid out, not written yet. Today it re-exports the data types:
//!
//! ```
//! use zoho_invoice_blocking::models::contacts::Contact;
//!
//! let contact = Contact::default();
//! assert!(contact.contact_id.is_none());
//! ```

#![warn(clippy::unwrap_used)]

pub use zoho_invoice::models;
