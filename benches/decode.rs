//! Decoding a 200-invoice list page: into the typed model vs into `serde_json::Value`, in the
//! same run.
//!
//! `cargo bench -p zoho-invoice-benches --bench decode`

// criterion's macros generate public functions without docs.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde_json::Value;
use zoho_invoice_models::envelope::Page;
use zoho_invoice_models::invoices::Invoice;

fn decode(c: &mut Criterion) {
    let bytes = zoho_invoice_benches::page_of_200();
    let typed: Page<Invoice> = serde_json::from_slice(&bytes).expect("the page decodes");
    assert_eq!(typed.records.len(), 200);

    let mut group = c.benchmark_group("decode_200_invoice_page");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    // The SDK's way: UTF-8 checked once, then the one-pass decode.
    group.bench_function("typed Page<Invoice>", |b| {
        b.iter(|| {
            let text = std::str::from_utf8(black_box(&bytes)).expect("UTF-8");
            zoho_invoice_models::from_str::<Page<Invoice>>(text).expect("decodes")
        })
    });
    // serde's own decode of the same model: every field read from its text.
    group.bench_function("typed Page<Invoice>, the exact way", |b| {
        b.iter(|| serde_json::from_slice::<Page<Invoice>>(black_box(&bytes)).expect("decodes"))
    });
    group.bench_function("serde_json::Value", |b| {
        b.iter(|| serde_json::from_slice::<Value>(black_box(&bytes)).expect("decodes"))
    });
    group.finish();
}

criterion_group!(benches, decode);
criterion_main!(benches);
