//! Abuse and secrets: what the SDK guarantees when the network, the accounts server or the
//! caller misbehaves, checked through the public SDK (`zoho_invoice::Client` over
//! `HttpTransport`) against the fake server or a small loopback server of our own.
//!
//! One module per guarantee:
//! - `single_flight`: 1,000 concurrent calls with an expired token make one token request.
//! - `token_throttle`: under the accounts server's throttle the client backs off.
//! - `path_safety`: no id can move a request outside the resource it names.
//! - `secrets`: no secret in TRACE logs or in any `Debug`/`Display`.
//! - `body_cap`: an oversized body is refused without being read.
//! - `https`: plain `http://` only when allowed; redirects are never followed.
//! - `load`: 10,000 requests at 64 in flight, without leaking tasks, connections or memory.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed step is a failed test

mod body_cap;
mod https;
mod load;
mod loopback;
mod path_safety;
mod secrets;
mod single_flight;
mod support;
mod token_throttle;
