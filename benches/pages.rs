//! The pages of 200 invoices the benchmarks decode, made from the reference's examples (the
//! models' fixtures). Both benchmark packages include this file by its path: the overhead
//! benchmark is a package of its own (see `benches/overhead/Cargo.toml`).

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

/// The folder of the JSON examples copied from the API reference, from a package folder
/// `levels` below the workspace's root.
pub(crate) fn fixtures_dir_from(package_dir: &str, levels: usize) -> PathBuf {
    let mut root = PathBuf::from(package_dir);
    for _ in 0..levels {
        root.push("..");
    }
    root.join("crates/zoho-invoice-models/tests/fixtures")
}

/// 200 copies of the invoice in `path` (under `key`, first element, if given) as a page, each
/// with its own id and number.
pub(crate) fn page_from(path: &Path, key: Option<&str>) -> Vec<u8> {
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
