//! Money like Zoho, over raw HTTP: taxes, discounts, shipping, adjustment, rounding to the
//! currency, and balances with their formatted twins through payments and write-offs.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Api, id};
use serde_json::{Value, json};

/// The organization's seeded "VAT" tax, 12.5%.
const VAT: &str = "982000000557028";

/// A line of `rate` × `quantity` taxed with VAT.
fn vat_line(rate: f64, quantity: f64) -> Value {
    json!({"name": "Hard Drive", "rate": rate, "quantity": quantity, "tax_id": VAT})
}

/// Creates an invoice from `extra` fields (and `line_items`) for a new customer.
async fn invoice(api: &Api, extra: Value) -> Value {
    let cid = api.contact("Bowman and Co").await;
    let mut body = json!({"customer_id": cid});
    for (k, v) in extra.as_object().unwrap() {
        body[k] = v.clone();
    }
    api.create("/invoices", "invoice", body).await
}

/// `(sub_total, tax_total, total)` of a document as JSON numbers.
fn sums(doc: &Value) -> (Value, Value, Value) {
    (
        doc["sub_total"].clone(),
        doc["tax_total"].clone(),
        doc["total"].clone(),
    )
}

#[tokio::test]
async fn totals_follow_taxes_discounts_shipping_and_adjustment() {
    let api = Api::start().await;
    // (what, fields of the invoice, (sub_total, tax_total, total))
    let cases = [
        // The reference's line: 120 at VAT 12.5% is 15 of tax.
        (
            "tax",
            json!({"line_items": [vat_line(120.0, 1.0)]}),
            (json!(120), json!(15), json!(135)),
        ),
        // The invoice: 10% off before tax, then 12.5% of 108.
        (
            "10% before tax",
            json!({"line_items": [vat_line(120.0, 1.0)], "discount": "10%", "discount_type": "entity_level", "is_discount_before_tax": true}),
            (json!(120), json!(13.5), json!(121.5)),
        ),
        // 10% of 135 after tax.
        (
            "10% after tax",
            json!({"line_items": [vat_line(120.0, 1.0)], "discount": "10%", "discount_type": "entity_level", "is_discount_before_tax": false}),
            (json!(120), json!(15), json!(121.5)),
        ),
        // An amount off after tax.
        (
            "20 after tax",
            json!({"line_items": [vat_line(120.0, 1.0)], "discount": 20, "is_discount_before_tax": false}),
            (json!(120), json!(15), json!(115)),
        ),
        // Item level: 120 less 10% and 50 less 5; VAT on the first line's 108.
        (
            "item-level discounts",
            json!({"discount_type": "item_level", "line_items": [
                {"name": "a", "rate": 120, "quantity": 1, "discount": "10%", "tax_id": VAT},
                {"name": "b", "rate": 25, "quantity": 2, "discount": 5}
            ]}),
            (json!(153), json!(13.5), json!(166.5)),
        ),
        // Rates including VAT: 135 holds 15.
        (
            "inclusive tax",
            json!({"line_items": [vat_line(135.0, 1.0)], "is_inclusive_tax": true}),
            (json!(135), json!(15), json!(135)),
        ),
        (
            "shipping and adjustment",
            json!({"line_items": [vat_line(120.0, 1.0)], "shipping_charge": 10, "adjustment": -0.5}),
            (json!(120), json!(15), json!(144.5)),
        ),
        // 3 × 0.10 at 12.5% is 0.0375 of tax: 0.04, rounded once.
        (
            "rounding",
            json!({"line_items": [vat_line(0.1, 1.0), vat_line(0.1, 1.0), vat_line(0.1, 1.0)]}),
            (json!(0.3), json!(0.04), json!(0.34)),
        ),
    ];
    for (what, fields, want) in cases {
        let inv = invoice(&api, fields).await;
        assert_eq!(sums(&inv), want, "{what}: {inv}");
        assert_eq!(inv["balance"], want.2, "{what}");
    }
}

#[tokio::test]
async fn lines_and_taxes_are_written_back() {
    let api = Api::start().await;
    let inv = invoice(
        &api,
        json!({"line_items": [vat_line(120.0, 1.0)], "discount": "10%"}),
    )
    .await;
    assert_eq!(inv["discount_type"], "entity_level", "inferred");
    assert_eq!(inv["discount_amount"], 12);
    let line = &inv["line_items"][0];
    assert_eq!(line["item_total"], 120);
    assert_eq!(line["tax_name"], "VAT");
    assert_eq!(line["tax_percentage"], 12.5);
    assert_eq!(
        inv["taxes"],
        json!([{"tax_id": VAT, "tax_name": "VAT", "tax_amount": 13.5}])
    );
    assert_eq!(inv["sub_total_formatted"], "$120.00");
    assert_eq!(inv["tax_total_formatted"], "$13.50");
    assert_eq!(inv["total_formatted"], "$121.50");
    assert_eq!(inv["balance_formatted"], "$121.50");
    // An unknown tax is refused.
    let cid = api.contact("Zylker").await;
    let bad = api
        .call(
            "POST",
            "/invoices",
            Some(json!({"customer_id": cid, "line_items": [{"name": "a", "rate": 1, "tax_id": "1"}]})),
        )
        .await;
    assert_eq!(bad.status, 400, "{}", String::from_utf8_lossy(&bad.body));
}

#[tokio::test]
async fn created_taxes_apply_and_currencies_round() {
    let api = Api::start().await;
    let taxes = api.get("/settings/taxes").await;
    assert!(
        taxes["taxes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["tax_id"] == VAT && t["tax_percentage"] == 12.5),
        "{taxes}"
    );
    let gst = api
        .create(
            "/settings/taxes",
            "tax",
            json!({"tax_name": "GST", "tax_percentage": 5}),
        )
        .await;
    let gst = id(&gst[0], "tax_id");
    let inv = invoice(
        &api,
        json!({"line_items": [{"name": "a", "rate": 99.99, "quantity": 3, "tax_id": gst}]}),
    )
    .await;
    // 299.97 × 5% = 14.9985 → 15.00.
    assert_eq!(sums(&inv), (json!(299.97), json!(15), json!(314.97)));
    // Yen have no decimals: 1,001 × 12.5% = 125.125 → 125.
    let yen = invoice(
        &api,
        json!({"currency_code": "JPY", "line_items": [vat_line(1001.0, 1.0)]}),
    )
    .await;
    assert_eq!(sums(&yen), (json!(1001), json!(125), json!(1126)));
    assert_eq!(yen["total_formatted"], "¥1,126");
}

#[tokio::test]
async fn a_tax_group_adds_each_of_its_taxes() {
    let api = Api::start().await;
    let group = api
        .create(
            "/settings/taxgroups",
            "tax_group",
            json!({"tax_group_name": "Both", "taxes": format!("{VAT},982000000566007")}),
        )
        .await;
    let gid = id(&group, "tax_group_id");
    let inv = invoice(
        &api,
        json!({"line_items": [{"name": "a", "rate": 120, "tax_id": gid}]}),
    )
    .await;
    // 12.5% and 10.5% of 120: 15 and 12.60.
    assert_eq!(sums(&inv), (json!(120), json!(27.6), json!(147.6)));
    let amounts: Vec<&Value> = inv["taxes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| &t["tax_amount"])
        .collect();
    assert_eq!(amounts, [&json!(15), &json!(12.6)]);
    assert_eq!(inv["line_items"][0]["tax_type"], "tax_group");
    assert_eq!(inv["line_items"][0]["tax_percentage"], 23);
}

#[tokio::test]
async fn payments_credits_and_write_offs_keep_the_balance_and_its_twin() {
    let api = Api::start().await;
    let inv = invoice(
        &api,
        json!({"line_items": [vat_line(1000.0, 2.0)], "shipping_charge": 25.5}),
    )
    .await;
    // 2000 + 250 of VAT + 25.50.
    assert_eq!(inv["total"], 2275.5);
    assert_eq!(inv["total_formatted"], "$2,275.50");
    let iid = id(&inv, "invoice_id");
    let cid = id(&inv, "customer_id");
    api.post_ok(&format!("/invoices/{iid}/status/sent"), None)
        .await;
    api.create(
        "/customerpayments",
        "payment",
        json!({"customer_id": cid, "amount": 1000.25, "payment_mode": "cash", "date": "2024-01-01",
               "invoices": [{"invoice_id": iid, "amount_applied": 1000.25}]}),
    )
    .await;
    let got = api.get(&format!("/invoices/{iid}")).await["invoice"].clone();
    assert_eq!(
        (&got["balance"], &got["balance_formatted"], &got["status"]),
        (
            &json!(1275.25),
            &json!("$1,275.25"),
            &json!("partially_paid")
        )
    );
    assert_eq!(got["total_formatted"], "$2,275.50", "the total stays");
    // A credit note of 200 + 25 of VAT, 75.25 of it applied.
    let cn = api
        .create(
            "/creditnotes",
            "creditnote",
            json!({"customer_id": cid, "date": "2024-01-01", "line_items": [vat_line(200.0, 1.0)]}),
        )
        .await;
    let cnid = id(&cn, "creditnote_id");
    api.post_ok(
        &format!("/creditnotes/{cnid}/invoices"),
        Some(json!({"invoices": [{"invoice_id": iid, "amount_applied": 75.25}]})),
    )
    .await;
    let got = api.get(&format!("/invoices/{iid}")).await["invoice"].clone();
    assert_eq!(
        (&got["balance"], &got["balance_formatted"]),
        (&json!(1200), &json!("$1,200.00"))
    );
    let cn = api.get(&format!("/creditnotes/{cnid}")).await["creditnote"].clone();
    assert_eq!(
        (&cn["balance"], &cn["balance_formatted"]),
        (&json!(149.75), &json!("$149.75"))
    );
    api.post_ok(&format!("/invoices/{iid}/writeoff"), None)
        .await;
    let got = api.get(&format!("/invoices/{iid}")).await["invoice"].clone();
    assert_eq!(
        (&got["balance"], &got["balance_formatted"], &got["status"]),
        (&json!(0), &json!("$0.00"), &json!("paid"))
    );
    assert_eq!(got["write_off_amount"], 1200);
    api.post_ok(&format!("/invoices/{iid}/writeoff/cancel"), None)
        .await;
    let got = api.get(&format!("/invoices/{iid}")).await["invoice"].clone();
    assert_eq!(got["balance_formatted"], "$1,200.00");
}

#[tokio::test]
async fn estimates_and_credit_notes_share_the_arithmetic() {
    let api = Api::start().await;
    let cid = api.contact("Bowman and Co").await;
    let lines = json!([vat_line(120.0, 1.0)]);
    let est = api
        .create(
            "/estimates",
            "estimate",
            json!({"customer_id": cid, "line_items": lines, "discount": 20}),
        )
        .await;
    // 20 off before tax: VAT on 100.
    assert_eq!(sums(&est), (json!(120), json!(12.5), json!(112.5)));
    let cn = api
        .create(
            "/creditnotes",
            "creditnote",
            json!({"customer_id": cid, "date": "2024-01-01", "line_items": lines}),
        )
        .await;
    assert_eq!(sums(&cn), (json!(120), json!(15), json!(135)));
    assert_eq!(cn["balance_formatted"], "$135.00");
}

#[tokio::test]
async fn discounts_beyond_their_base_are_refused() {
    let api = Api::start().await;
    let cid = api.contact("Bowman and Co").await;
    for extra in [
        json!({"discount": 121}),
        json!({"discount": "101%"}),
        json!({"discount": -1}),
    ] {
        let mut body = json!({"customer_id": cid, "line_items": [vat_line(120.0, 1.0)]});
        for (k, v) in extra.as_object().unwrap() {
            body[k] = v.clone();
        }
        let a = api.call("POST", "/invoices", Some(body)).await;
        assert_eq!(a.status, 400, "{extra}");
        assert_eq!(
            a.json()["code"],
            zoho_invoice_mock::codes::INVALID_VALUE,
            "{extra}"
        );
    }
}
