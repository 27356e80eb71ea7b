//! Amounts and their `*_formatted` twins, over raw HTTP: every amount an invoice, estimate,
//! credit note, retainer invoice, payment or refund carries has its twin in the record's
//! currency (`$1,234.50`, `¥1,126`), and the two stay in step through payments, credits,
//! refunds and write-offs; payments are rounded to their currency's decimals.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Api, id};
use serde_json::{Value, json};

/// The organization's seeded "VAT" tax, 12.5%.
const VAT: &str = "982000000557028";
/// The seeded yen (no decimals) and euro.
const YEN: &str = "982000000000193";
const EURO: &str = "982000000000191";

/// How Zoho writes `amount` in a currency: its symbol, thousands separated by commas, its
/// decimals (written here apart from the server's own code).
fn written(amount: f64, symbol: &str, decimals: usize) -> String {
    let fixed = format!("{:.*}", decimals, amount.abs());
    let (whole, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let mut grouped = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if amount < 0.0 { "-" } else { "" };
    let dot = if frac.is_empty() { "" } else { "." };
    format!("{sign}{symbol}{grouped}{dot}{frac}")
}

/// Checks that `record` has every field of `named` with its twin, and that every twin it
/// has is its amount as Zoho writes it.
fn twins(what: &str, record: &Value, named: &[&str]) {
    let symbol = record["currency_symbol"].as_str().unwrap_or("$");
    let decimals = record["price_precision"].as_u64().unwrap_or(2) as usize;
    for field in named {
        assert!(
            record[*field].is_number() && record[format!("{field}_formatted")].is_string(),
            "{what}: {field} and its twin in {record}"
        );
    }
    for (key, twin) in record.as_object().unwrap() {
        let Some(field) = key.strip_suffix("_formatted") else {
            continue;
        };
        let Some(amount) = record[field].as_f64() else {
            continue;
        };
        assert_eq!(
            twin.as_str(),
            Some(written(amount, symbol, decimals).as_str()),
            "{what}: {key}"
        );
    }
}

/// The amounts of a sales document.
const DOCUMENT: &[&str] = &[
    "sub_total",
    "tax_total",
    "total",
    "discount_total",
    "shipping_charge",
    "adjustment",
];
/// And of a document that is paid.
const INVOICE: &[&str] = &[
    "balance",
    "payment_made",
    "credits_applied",
    "write_off_amount",
];
/// And of a credit note.
const CREDIT_NOTE: &[&str] = &["balance", "credits_used", "refunded_amount"];
/// And of a payment.
const PAYMENT: &[&str] = &["amount", "unused_amount", "refunded_amount"];

#[tokio::test]
async fn every_amount_has_its_twin_through_payments_credits_and_write_offs() {
    let api = Api::start().await;
    let cid = api.contact("Bowman and Co").await;
    let lines = json!([{"name": "Hard Drive", "rate": 1000, "quantity": 2, "tax_id": VAT}]);
    let document = json!({"customer_id": cid, "line_items": lines, "discount": "10%",
        "shipping_charge": 25.5, "adjustment": -0.5, "date": "2024-01-15"});
    let inv = api.create("/invoices", "invoice", document.clone()).await;
    twins("new invoice", &inv, &[DOCUMENT, INVOICE].concat());
    // 2000 - 200 + 225 of VAT (on 1800) + 25.50 - 0.50.
    assert_eq!(inv["total_formatted"], "$2,050.00");
    assert_eq!(inv["discount_total_formatted"], "$200.00");
    let iid = id(&inv, "invoice_id");
    for (path, key) in [
        ("/estimates", "estimate"),
        ("/creditnotes", "creditnote"),
        ("/retainerinvoices", "retainerinvoices"),
    ] {
        let doc = api.create(path, key, document.clone()).await;
        twins(path, &doc, DOCUMENT);
    }
    api.post_ok(&format!("/invoices/{iid}/status/sent"), None)
        .await;
    let pay = api
        .create(
            "/customerpayments",
            "payment",
            json!({"customer_id": cid, "amount": 1500, "payment_mode": "cash",
                "date": "2024-01-16", "invoices": [{"invoice_id": iid, "amount_applied": 1000.25}]}),
        )
        .await;
    twins("payment", &pay, PAYMENT);
    assert_eq!(pay["unused_amount_formatted"], "$499.75");
    let pid = id(&pay, "payment_id");
    let refund = api
        .create(
            &format!("/customerpayments/{pid}/refunds"),
            "payment_refunds",
            json!({"date": "2024-01-17", "amount": 99.75}),
        )
        .await;
    twins("payment refund", &refund[0], &["amount"]);
    let pay = api.get(&format!("/customerpayments/{pid}")).await["payment"].clone();
    twins("refunded payment", &pay, PAYMENT);
    assert_eq!(pay["unused_amount_formatted"], "$400.00");
    let cn = api
        .create("/creditnotes", "creditnote", document.clone())
        .await;
    let cnid = id(&cn, "creditnote_id");
    api.post_ok(
        &format!("/creditnotes/{cnid}/invoices"),
        Some(json!({"invoices": [{"invoice_id": iid, "amount_applied": 49.75}]})),
    )
    .await;
    api.post_ok(
        &format!("/creditnotes/{cnid}/refunds"),
        Some(json!({"date": "2024-01-17", "amount": 100})),
    )
    .await;
    let cn = api.get(&format!("/creditnotes/{cnid}")).await["creditnote"].clone();
    twins("used credit note", &cn, &[DOCUMENT, CREDIT_NOTE].concat());
    assert_eq!(cn["credits_used_formatted"], "$49.75");
    let got = api.get(&format!("/invoices/{iid}")).await["invoice"].clone();
    twins(
        "paid and credited invoice",
        &got,
        &[DOCUMENT, INVOICE].concat(),
    );
    assert_eq!(got["payment_made_formatted"], "$1,000.25");
    assert_eq!(got["balance_formatted"], "$1,000.00");
    api.post_ok(&format!("/invoices/{iid}/writeoff"), None)
        .await;
    let got = api.get(&format!("/invoices/{iid}")).await["invoice"].clone();
    twins("written-off invoice", &got, &[DOCUMENT, INVOICE].concat());
    assert_eq!(got["write_off_amount_formatted"], "$1,000.00");
    api.post_ok(&format!("/invoices/{iid}/writeoff/cancel"), None)
        .await;
    let rows = api.get(&format!("/invoices/{iid}/payments")).await;
    let row = id(&rows["payments"][0], "invoice_payment_id");
    let a = api
        .call("DELETE", &format!("/invoices/{iid}/payments/{row}"), None)
        .await;
    assert_eq!(a.status, 200);
    let got = api.get(&format!("/invoices/{iid}")).await["invoice"].clone();
    twins(
        "invoice without its payment",
        &got,
        &[DOCUMENT, INVOICE].concat(),
    );
    assert_eq!(got["payment_made_formatted"], "$0.00");
    assert_eq!(got["balance_formatted"], "$2,000.25");
}

#[tokio::test]
async fn payments_are_rounded_to_their_currency_and_bounded() {
    let api = Api::start().await;
    let dollars = api.contact("Bowman and Co").await;
    let yen = api
        .create(
            "/contacts",
            "contact",
            json!({"contact_name": "Tokyo KK", "currency_id": YEN}),
        )
        .await;
    let yen = id(&yen, "contact_id");
    // (customer, currency_id sent, amount sent, amount kept, its twin)
    let cases = [
        (&dollars, None, json!(10.005), json!(10.01), "$10.01"),
        (&yen, None, json!(100.4), json!(100), "¥100"),
        (&yen, None, json!("1234.5"), json!(1235), "¥1,235"),
        (
            &dollars,
            Some(EURO),
            json!(1_234_567.891),
            json!(1_234_567.89),
            "€1,234,567.89",
        ),
    ];
    for (customer, currency, sent, kept, twin) in cases {
        let mut body = json!({"customer_id": customer, "amount": sent, "payment_mode": "cash",
            "date": "2024-01-16"});
        if let Some(currency) = currency {
            body["currency_id"] = json!(currency);
        }
        let pay = api.create("/customerpayments", "payment", body).await;
        assert_eq!(pay["amount"], kept, "{sent}");
        assert_eq!(pay["amount_formatted"], twin, "{sent}");
        assert_eq!(pay["unused_amount"], kept, "{sent}");
    }
    // Refused: nothing, less than nothing, less than the currency's smallest unit, absurd.
    for amount in [json!(0), json!(-5), json!(0.004), json!(1e13), json!("ten")] {
        let a = api
            .call(
                "POST",
                "/customerpayments",
                Some(
                    json!({"customer_id": dollars, "amount": amount, "payment_mode": "cash",
                    "date": "2024-01-16"}),
                ),
            )
            .await;
        assert_eq!(a.status, 400, "{amount}");
        assert_eq!(a.json()["code"], 4, "{amount}");
    }
    let yen_payment = api
        .call(
            "POST",
            "/customerpayments",
            Some(
                json!({"customer_id": yen, "amount": 0.4, "payment_mode": "cash",
                "date": "2024-01-16"}),
            ),
        )
        .await;
    assert_eq!(yen_payment.status, 400, "0.4 yen is no yen");
    let listed = api.get("/customerpayments").await["customerpayments"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(listed, 4, "the refused payments stored nothing");
}
