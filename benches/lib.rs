//! The package of the workspace's benchmarks (`decode`, `quota_use`, `concurrency`): what they
//! share. See `BENCHMARKS.md`.

use std::path::PathBuf;

use serde_json::{Value, json};

/// The folder of the JSON examples copied from the API reference (the models' fixtures).
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../crates/zoho-invoice-models/tests/fixtures")
}

/// A page of 200 invoices made from the reference's full invoice example, each with its own
/// id and number.
pub fn page_of_200() -> Vec<u8> {
    let path = fixtures_dir().join("resources/invoice.example.json");
    page_from(&path, None)
}

/// A page of 200 rows as `GET /invoices` answers them, made from the row of the reference's
/// list example, each with its own id and number.
pub fn list_page_of_200() -> Vec<u8> {
    let path = fixtures_dir().join("invoices/list_invoices.response.json");
    page_from(&path, Some("invoices"))
}

/// 200 copies of the invoice in `path` (under `key`, first element, if given) as a page.
fn page_from(path: &std::path::Path, key: Option<&str>) -> Vec<u8> {
    let text = std::fs::read_to_string(path).expect("the invoice example fixture");
    let document: Value = serde_json::from_str(&text).expect("valid JSON");
    let example = match key {
        Some(key) => document[key][0].clone(),
        None => document,
    };
    let invoices: Vec<Value> = (0..200u64)
        .map(|i| {
            let mut invoice = example.clone();
            invoice["invoice_id"] = json!((982_000_000_567_114u64 + i).to_string());
            invoice["invoice_number"] = json!(format!("INV-{:06}", i + 1));
            invoice
        })
        .collect();
    let page = json!({
        "code": 0,
        "message": "success",
        "invoices": invoices,
        "page_context": {"page": 1, "per_page": 200, "has_more_page": true, "sort_column": "created_time", "sort_order": "D"}
    });
    serde_json::to_vec(&page).expect("encodes")
}
