//! Workflows on the fake server: the SDK's calls, chained as an integration would chain them,
//! against `zoho-invoice-mock`, checking what the server did.

#[path = "../support/mod.rs"]
mod support;

mod billing;
mod books;
mod contacts;
mod items;
mod sales;
mod settings;
mod work;
