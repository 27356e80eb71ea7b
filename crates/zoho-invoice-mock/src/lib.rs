//! A fake Zoho Invoice server, API and accounts server, for offline tests, examples and
//! benchmarks.
//!
//! It is a real HTTP server on loopback (hyper) holding state per organization. It answers
//! every operation of the Zoho Invoice API v3 with Zoho's `{code, message, ...}` envelopes
//! and error codes, paginates and filters lists, computes totals like Zoho (taxes, tax
//! exemptions, discounts, taxed shipping, rounding, `*_formatted` twins), moves invoice
//! balances and statuses when payments and credits are applied, makes recurring invoices
//! and expenses on its clock, renders real PDFs for downloads, accepts JSON, the
//! legacy `JSONString` form field and multipart uploads, and sends `X-Rate-Limit-*`
//! headers. Its accounts server exchanges grant codes and refresh tokens, expires tokens on
//! the server's own clock and throttles clients that ask for tokens too often. Faults
//! (429s, 5xx, delays, dropped connections, broken bodies, HTML error pages, expired tokens)
//! are armed from code or from the admin endpoint, and every request is logged with its
//! secrets redacted, so tests can assert exactly what reached the server.
//!
//! It validates like Zoho before storing anything: every create and update must carry its
//! resource's required fields (a payment its `payment_mode`, a project or time entry its
//! `user_id`, an expense its `account_id`, a self-numbered credit note its number, a line
//! item its item or a name and rate), and the ids a body names (customers, items, taxes or
//! tax groups, tax exemptions, projects, tasks, users, templates, currencies, expense
//! accounts, the customer's contact persons, invoices, estimates, credit notes, payments, in
//! line items too) must exist; so must the bodies of the other operations (refunds, credits
//! applied, users assigned, emails, portal access). A refused request is a 400 with the
//! reference's code and message where it documents one (2006 `Item does not exist`, 9004
//! for a currency, 3013, 4031, 5015, 3004), else code 11 `Required field <field> is
//! missing.` or code 1002 `<Label> does not exist.`, and changes nothing. The rules are two
//! tables (the README lists them).
//!
//! It depends on none of the SDK's crates: it keeps plain JSON documents named as the
//! reference names them, so it judges the client instead of agreeing with it.
//!
//! It bounds what it accepts and keeps, and never panics on input: request bodies are at
//! most [`MockConfig::max_body_bytes`] (a Zoho-shaped 413 otherwise), the request log keeps
//! at most [`MockConfig::request_log_max_entries`] and
//! [`MockConfig::request_log_max_bytes`] (oldest dropped, counted by
//! [`MockServer::dropped_requests`]), heads and bodies must arrive within
//! [`MockConfig::header_read_timeout`] and [`MockConfig::body_read_timeout`], and numbers
//! the server computes with are range-checked (a Zoho 400 with code 4). The [table on
//! `MockConfig`](MockConfig#limits-it-enforces) has the defaults.
//!
//! ```
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! use http_body_util::{BodyExt, Full};
//! use hyper_util::client::legacy::Client;
//! use hyper_util::rt::TokioExecutor;
//! use zoho_invoice_mock::MockServer;
//!
//! let server = MockServer::start().await?;
//! let client = Client::builder(TokioExecutor::new()).build_http::<Full<bytes::Bytes>>();
//! let request = http::Request::post(format!("{}/contacts", server.api_url()))
//!     .header("Authorization", format!("Zoho-oauthtoken {}", zoho_invoice_mock::DEFAULT_ACCESS_TOKEN))
//!     .header("X-com-zoho-invoice-organizationid", server.organization_id())
//!     .header("Content-Type", "application/json")
//!     .body(Full::from(r#"{"contact_name": "Bowman and Co"}"#))?;
//! let response = client.request(request).await?;
//! assert_eq!(response.status(), 201);
//! let body = response.into_body().collect().await?.to_bytes();
//! let json: serde_json::Value = serde_json::from_slice(&body)?;
//! assert_eq!(json["code"], 0);
//! assert_eq!(json["contact"]["contact_name"], "Bowman and Co");
//! assert_eq!(server.count("POST /contacts"), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # }).unwrap();
//! ```

#![warn(clippy::unwrap_used)]

mod accounts;
mod admin;
mod api;
mod body;
mod clock;
mod config;
mod ctx;
mod faults;
mod inspect;
mod limits;
mod list;
mod money;
mod numbers;
mod pdf;
mod read;
mod reply;
mod resources;
mod router;
mod routes;
#[cfg(test)]
mod scale_tests;
mod seed;
mod server;
mod shared;
mod sorted;
mod state;
mod synthetic;
mod table;
mod validate;
mod wire;

pub use admin::ADMIN_PREFIX;
pub use api::ORGANIZATION_HEADER;
pub use body::Upload;
pub use config::{
    DEFAULT_ACCESS_TOKEN, DEFAULT_BODY_READ_TIMEOUT, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET,
    DEFAULT_HEADER_READ_TIMEOUT, DEFAULT_MAX_BODY_BYTES, DEFAULT_ORGANIZATION_ID,
    DEFAULT_REQUEST_LOG_MAX_BYTES, DEFAULT_REQUEST_LOG_MAX_ENTRIES, MockConfig,
};
pub use faults::{Fault, FaultRule};
pub use inspect::{REDACTED, RecordedRequest};
pub use limits::Limits;
pub use reply::codes;
pub use server::MockServer;

/// The path under which the API is served, as on the real service (`https://www.zohoapis.com/invoice/v3`).
pub const API_PATH_PREFIX: &str = "/invoice/v3";

/// Every operation the server routes, as `(method, path template)` under
/// [`API_PATH_PREFIX`] (plus `GET /organizations`).
pub fn operations() -> Vec<(&'static str, &'static str)> {
    let mut ops: Vec<(&'static str, &'static str)> = routes::ROUTES
        .iter()
        .map(|r| (r.method, r.template))
        .collect();
    ops.push(("GET", "/organizations"));
    ops
}
