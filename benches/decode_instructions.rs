//! The decode of a 200-invoice page, run a given number of times for an instruction count
//! (`benches/decode_instructions.sh`): `DECODE=typed:N` into `Page<Invoice>` the way the SDK
//! decodes an answer (UTF-8 checked once, then read as text), `DECODE=value:N` into
//! `serde_json::Value` from the bytes, `DECODE=value_text:N` into `Value` the SDK's way; with
//! `PAGE=list`, a page of the rows `GET /invoices` answers instead of full invoices.

use std::hint::black_box;

use serde_json::Value;
use zoho_invoice_models::envelope::Page;
use zoho_invoice_models::invoices::Invoice;

fn main() {
    let spec = std::env::var("DECODE").unwrap_or_else(|_| "typed:1".to_owned());
    let (kind, times) = spec.split_once(':').unwrap_or((spec.as_str(), "1"));
    let times: usize = times.parse().unwrap_or(1);
    // `PAGE=list` for the rows `GET /invoices` answers; else full invoices.
    let bytes = match std::env::var("PAGE").as_deref() {
        Ok("list") => zoho_invoice_benches::list_page_of_200(),
        _ => zoho_invoice_benches::page_of_200(),
    };
    for _ in 0..times {
        match kind {
            "value" => {
                black_box(serde_json::from_slice::<Value>(black_box(&bytes)).ok());
            }
            "value_text" => {
                let text = std::str::from_utf8(black_box(&bytes)).unwrap_or_default();
                black_box(serde_json::from_str::<Value>(text).ok());
            }
            _ => {
                let text = std::str::from_utf8(black_box(&bytes)).unwrap_or_default();
                black_box(zoho_invoice_models::from_str::<Page<Invoice>>(text).ok());
            }
        }
    }
}
