//! Every operation of the crate: one table-driven harness over the endpoint table and the
//! reference's examples, and short tests beside it for what the table cannot say (options and
//! filters, bodies, bulk limits, ids in paths, files).

#![cfg(feature = "all")]

#[path = "../support/mod.rs"]
mod support;

mod answers;
mod bodies;
mod bulk;
mod files;
mod harness;
mod headers;
mod paths;
mod queries;

/// The sample ids of the special-case tables.
const ID: u64 = 460_000_000_000_001;
const ID2: u64 = 460_000_000_000_002;

/// An input with the fields the API requires (the operations' own samples).
fn input<T: zoho_invoice::sample::Sample>() -> T {
    T::sample().unwrap()
}
