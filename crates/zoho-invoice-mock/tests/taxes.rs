//! Which taxes a document's amounts bear, over raw HTTP: the shipping charge's tax
//! (`shipping_charge_tax_id`), the document's `tax_id` on lines without their own, and tax
//! exemptions (`tax_exemption_id`) on a line or on the whole document.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Api, id};
use serde_json::{Value, json};

/// The organization's seeded "VAT" tax, 12.5%.
const VAT: &str = "982000000557028";
/// The organization's seeded "SalesTax", 10.5%.
const SALES_TAX: &str = "982000000566007";

/// A line of `rate` taxed with `tax`.
fn taxed(rate: f64, tax: &str) -> Value {
    json!({"name": "Hard Drive", "rate": rate, "quantity": 1, "tax_id": tax})
}

/// A line of `rate` without a tax of its own.
fn plain(rate: f64) -> Value {
    json!({"name": "Cable", "rate": rate, "quantity": 1})
}

/// `fields` with the customer added.
fn body(customer: &str, fields: &Value) -> Value {
    let mut body = fields.clone();
    body["customer_id"] = json!(customer);
    body
}

/// `(sub_total, tax_total, total)` of a document.
fn sums(doc: &Value) -> (Value, Value, Value) {
    (
        doc["sub_total"].clone(),
        doc["tax_total"].clone(),
        doc["total"].clone(),
    )
}

/// The `(tax_name, tax_amount)` pairs of a document's `taxes`.
fn taxes(doc: &Value) -> Vec<(String, f64)> {
    doc["taxes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let name = t["tax_name"].as_str().unwrap().to_owned();
            (name, t["tax_amount"].as_f64().unwrap())
        })
        .collect()
}

/// What a case is, the document's fields, its `(sub_total, tax_total, total)` and its taxes
/// by name.
type Case = (
    &'static str,
    Value,
    (Value, Value, Value),
    Vec<(String, f64)>,
);

/// A `RESELLER` tax exemption of `kind` (`customer` or `item`); answers its id.
async fn reseller_exemption(api: &Api, kind: &str) -> String {
    let exemption = api
        .create(
            "/settings/taxexemptions",
            "tax_exemption",
            json!({"tax_exemption_code": "RESELLER", "type": kind}),
        )
        .await;
    id(&exemption, "tax_exemption_id")
}

#[tokio::test]
async fn documents_tax_their_shipping_their_untaxed_lines_and_not_what_is_exempt() {
    let api = Api::start().await;
    let customer = api.contact("Bowman and Co").await;
    let exempt = reseller_exemption(&api, "customer").await;
    let item = api
        .create(
            "/items",
            "item",
            json!({"name": "Disk", "rate": 100, "tax_id": SALES_TAX}),
        )
        .await;
    let item = id(&item, "item_id");
    let v = |n: f64| json!(n);
    // (what, fields, (sub_total, tax_total, total), taxes by name)
    let cases: Vec<Case> = vec![
        // 12.5% of 10 of shipping more tax, merged with the lines' VAT.
        (
            "a taxed shipping charge",
            json!({"line_items": [taxed(120.0, VAT)], "shipping_charge": 10,
                "shipping_charge_tax_id": VAT}),
            (v(120.0), v(16.25), v(146.25)),
            vec![("VAT".to_owned(), 16.25)],
        ),
        // Inclusive: 11.25 of shipping holds 1.25 of VAT.
        (
            "a taxed shipping charge, tax inclusive",
            json!({"line_items": [taxed(135.0, VAT)], "is_inclusive_tax": true,
                "shipping_charge": 11.25, "shipping_charge_tax_id": VAT}),
            (v(135.0), v(16.25), v(146.25)),
            vec![("VAT".to_owned(), 16.25)],
        ),
        // Another tax on the shipping charge: 10.5% of 10.
        (
            "shipping taxed apart from the lines",
            json!({"line_items": [taxed(120.0, VAT)], "shipping_charge": 10,
                "shipping_charge_tax_id": SALES_TAX}),
            (v(120.0), v(16.05), v(146.05)),
            vec![("VAT".to_owned(), 15.0), ("SalesTax".to_owned(), 1.05)],
        ),
        // The document's VAT on the line without a tax; the other keeps its own.
        (
            "the document's tax on untaxed lines",
            json!({"tax_id": VAT, "line_items": [plain(100.0), taxed(100.0, SALES_TAX)]}),
            (v(200.0), v(23.0), v(223.0)),
            vec![("VAT".to_owned(), 12.5), ("SalesTax".to_owned(), 10.5)],
        ),
        // The document's tax wins over the item's.
        (
            "the document's tax over the item's",
            json!({"tax_id": VAT, "line_items": [{"item_id": item}]}),
            (v(100.0), v(12.5), v(112.5)),
            vec![("VAT".to_owned(), 12.5)],
        ),
        // Without the document's tax, the line takes its item's.
        (
            "the item's tax",
            json!({"line_items": [{"item_id": item}]}),
            (v(100.0), v(10.5), v(110.5)),
            vec![("SalesTax".to_owned(), 10.5)],
        ),
        // An exempt line bears no tax, even with a tax of its own.
        (
            "an exempt line",
            json!({"line_items": [
                {"name": "a", "rate": 120, "tax_id": VAT, "tax_exemption_id": exempt},
                taxed(100.0, VAT)]}),
            (v(220.0), v(12.5), v(232.5)),
            vec![("VAT".to_owned(), 12.5)],
        ),
        // An exempt document taxes nothing, its shipping neither.
        (
            "an exempt document",
            json!({"tax_exemption_id": exempt, "tax_id": VAT,
                "line_items": [taxed(120.0, VAT)], "shipping_charge": 10,
                "shipping_charge_tax_id": VAT}),
            (v(120.0), v(0.0), v(130.0)),
            vec![],
        ),
    ];
    for (what, fields, want, by_name) in cases {
        for path in ["/invoices", "/estimates"] {
            let a = api.call("POST", path, Some(body(&customer, &fields))).await;
            assert_eq!(a.status, 201, "{what} {path}: {}", a.json());
            let doc = a
                .json()
                .as_object()
                .unwrap()
                .values()
                .find(|v| v.is_object())
                .cloned()
                .unwrap();
            let (sub, tax, total) = &want;
            let got = sums(&doc);
            assert_eq!(
                (got.0.as_f64(), got.1.as_f64(), got.2.as_f64()),
                (sub.as_f64(), tax.as_f64(), total.as_f64()),
                "{what} {path}: {doc}"
            );
            assert_eq!(taxes(&doc), by_name, "{what} {path}");
        }
    }
}

#[tokio::test]
async fn the_taxes_borne_are_written_on_the_document_and_its_lines() {
    let api = Api::start().await;
    let customer = api.contact("Bowman and Co").await;
    let exempt = reseller_exemption(&api, "item").await;
    let fields = json!({"tax_id": VAT, "shipping_charge": 10, "shipping_charge_tax_id": VAT,
        "line_items": [plain(100.0), {"name": "b", "rate": 50, "tax_exemption_id": exempt}]});
    let inv = api
        .create("/invoices", "invoice", body(&customer, &fields))
        .await;
    let line = &inv["line_items"][0];
    assert_eq!(
        (&line["tax_id"], &line["tax_name"], &line["tax_percentage"]),
        (&json!(VAT), &json!("VAT"), &json!(12.5))
    );
    let exempt_line = &inv["line_items"][1];
    assert_eq!(exempt_line["tax_exemption_code"], "RESELLER");
    assert!(exempt_line.get("tax_id").is_none(), "{exempt_line}");
    assert_eq!(inv["shipping_charge_tax_name"], "VAT");
    assert_eq!(inv["shipping_charge_tax_percentage"], 12.5);
    assert_eq!(inv["shipping_charge_tax"], 1.25);
    assert_eq!(inv["shipping_charge_tax_formatted"], "$1.25");
    assert_eq!(inv["shipping_charge_exclusive_of_tax"], 10);
    assert_eq!(inv["shipping_charge_inclusive_of_tax"], 11.25);
    // 150 + 12.50 + 10 + 1.25.
    assert_eq!(inv["total"], 173.75);
    // The shipping charge untaxed again: its tax's fields go, the total follows.
    let iid = id(&inv, "invoice_id");
    let a = api
        .call(
            "PUT",
            &format!("/invoices/{iid}"),
            Some(json!({"shipping_charge_tax_id": ""})),
        )
        .await;
    assert_eq!(a.status, 200, "{}", a.json());
    let inv = &a.json()["invoice"];
    assert!(inv.get("shipping_charge_tax").is_none(), "{inv}");
    assert_eq!(inv["total"], 172.5);
    assert_eq!(inv["balance_formatted"], "$172.50");
}
