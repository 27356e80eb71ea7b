//! Decoding a 200-invoice list page: into the typed model vs into `serde_json::Value`, in the
//! same run.
//!
//! `cargo bench -p zoho-invoice-benches --bench decode`

// criterion's macros generate public functions without docs.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde_json::{Value, json};
use zoho_invoice_models::envelope::Page;
use zoho_invoice_models::invoices::Invoice;

/// A page of 200 invoices made from the reference's full invoice example, each with its own
/// id and number.
fn page_of_200() -> Vec<u8> {
    let path = zoho_invoice_benches::fixtures_dir().join("resources/invoice.example.json");
    let text = std::fs::read_to_string(&path).expect("the invoice example fixture");
    let example: Value = serde_json::from_str(&text).expect("valid JSON");
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

fn decode(c: &mut Criterion) {
    let bytes = page_of_200();
    let typed: Page<Invoice> = serde_json::from_slice(&bytes).expect("the page decodes");
    assert_eq!(typed.records.len(), 200);

    let mut group = c.benchmark_group("decode_200_invoice_page");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("typed Page<Invoice>", |b| {
        b.iter(|| serde_json::from_slice::<Page<Invoice>>(black_box(&bytes)).expect("decodes"))
    });
    group.bench_function("serde_json::Value", |b| {
        b.iter(|| serde_json::from_slice::<Value>(black_box(&bytes)).expect("decodes"))
    });
    group.finish();
}

criterion_group!(benches, decode);
criterion_main!(benches);
