//! The package of the workspace's benchmarks (`decode`, `quota_use`, `concurrency`): what they
//! share. See `BENCHMARKS.md`.

#[path = "pages.rs"]
mod pages;

use std::path::PathBuf;

use pages::page_from;

/// The folder of the JSON examples copied from the API reference (the models' fixtures).
pub fn fixtures_dir() -> PathBuf {
    pages::fixtures_dir_from(env!("CARGO_MANIFEST_DIR"), 1)
}

/// A page of 200 invoices made from the reference's full invoice example, each with its own
/// id and number.
pub fn page_of_200() -> Vec<u8> {
    page_from(&fixtures_dir().join("resources/invoice.example.json"), None)
}

/// A page of 200 rows as `GET /invoices` answers them, made from the row of the reference's
/// list example, each with its own id and number.
pub fn list_page_of_200() -> Vec<u8> {
    page_from(
        &fixtures_dir().join("invoices/list_invoices.response.json"),
        Some("invoices"),
    )
}
