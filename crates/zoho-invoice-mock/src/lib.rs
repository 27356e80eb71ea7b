//! A fake Zoho Invoice server, API and accounts server, for offline tests, examples and
//! benchmarks.
//!
//! It will be a real HTTP server on loopback holding state per organization, answering every
//! operation of the API with Zoho's envelopes, errors, pagination, rate-limit headers and
//! faults on demand. It depends on none of the SDK's crates: it keeps plain JSON documents
//! named as the reference names them, so it judges the client instead of agreeing with it.
//!
//! **Status:** laid out, not written yet.
//!
//! ```
//! assert_eq!(zoho_invoice_mock::API_PATH_PREFIX, "/invoice/v3");
//! ```

/// The path under which the API is served, as on the real service (`https://www.zohoapis.com/invoice/v3`).
pub const API_PATH_PREFIX: &str = "/invoice/v3";
