//! Synthetic bulk invoices: `--invoices N` on the binary, `with_synthetic_invoices` in code.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeSet;
use std::process::Command;

use common::{Api, id};
use serde_json::{Value, json};
use zoho_invoice_mock::MockConfig;

/// `GET {api}/invoices?per_page=200&page={page}` with the default token and organization.
async fn list_page(api: &str, page: u32) -> Value {
    let answer = common::get_as_default(format!("{api}/invoices?per_page=200&page={page}")).await;
    assert_eq!(answer.status, 200);
    answer.json()
}

#[tokio::test]
async fn invoices_option_fills_the_default_organization() {
    let (_child, lines) = common::start_binary(&["--port", "0", "--invoices", "450"], 1).await;
    let first = &lines[0];
    let api = first.strip_prefix("api: ").unwrap().to_string();

    let mut ids = BTreeSet::new();
    let mut numbers = BTreeSet::new();
    let mut statuses = BTreeSet::new();
    let mut sizes = Vec::new();
    for page in 1..=3 {
        let body = list_page(&api, page).await;
        let invoices = body["invoices"].as_array().unwrap();
        sizes.push((
            invoices.len(),
            body["page_context"]["has_more_page"].as_bool().unwrap(),
        ));
        for invoice in invoices {
            ids.insert(id(invoice, "invoice_id"));
            numbers.insert(id(invoice, "invoice_number"));
            statuses.insert(id(invoice, "status"));
        }
    }
    assert_eq!(sizes, [(200, true), (200, true), (50, false)]);
    assert_eq!(ids.len(), 450, "every invoice has its own id");
    assert_eq!(numbers.len(), 450, "every invoice has its own number");
    assert!(numbers.contains("INV-000001") && numbers.contains("INV-000450"));
    let expected: BTreeSet<String> = ["draft", "sent", "overdue"].map(String::from).into();
    assert_eq!(statuses, expected);
}

#[test]
fn invoices_option_needs_a_number() {
    let out = Command::new(env!("CARGO_BIN_EXE_zoho-invoice-mock"))
        .args(["--invoices", "many"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--invoices N"));
}

#[tokio::test]
async fn synthetic_invoices_follow_the_seed_and_work_like_created_ones() {
    let api = Api::start_with(
        MockConfig::default()
            .with_seed(true)
            .with_synthetic_invoices(10),
    )
    .await;
    let all = api.get("/invoices").await;
    let invoices = all["invoices"].as_array().unwrap();
    assert_eq!(invoices.len(), 6 + 10, "the seed's six, then ten more");
    let customers: BTreeSet<String> = invoices[6..]
        .iter()
        .map(|i| id(i, "customer_name"))
        .collect();
    assert_eq!(customers.len(), 4, "spread over a few customers");

    // The number series goes on after the synthetic invoices.
    let customer = id(&invoices[7], "customer_id");
    let new = api.invoice(&customer, 10.0, 1.0).await;
    assert_eq!(new["invoice_number"], "INV-000017");

    // A copied invoice takes a payment like any other: balance and status move.
    let sent = invoices[6..]
        .iter()
        .find(|i| i["status"] == "sent")
        .unwrap();
    let invoice_id = id(sent, "invoice_id");
    let total = sent["total"].clone();
    api.post_ok(
        "/customerpayments",
        Some(
            json!({"customer_id": id(sent, "customer_id"), "payment_mode": "cash",
                    "amount": total, "date": api.server.today(),
                    "invoices": [{"invoice_id": invoice_id, "amount_applied": total}]}),
        ),
    )
    .await;
    let paid = api.get(&format!("/invoices/{invoice_id}")).await;
    assert_eq!(paid["invoice"]["balance"], 0);
    assert_eq!(paid["invoice"]["status"], "paid");
}
