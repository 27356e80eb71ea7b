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
