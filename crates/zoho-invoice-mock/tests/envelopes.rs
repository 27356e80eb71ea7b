//! Every operation of the endpoint table that has a JSON example (the reference's, or one built
//! from Zoho Books' OpenAPI documents) answers
//! with the example's envelope: the same top-level keys, each an object or a list as shown.
//!
//! The examples are the models crate's fixtures
//! (`crates/zoho-invoice-models/tests/fixtures/<resource>/<operation>.response.json`, named
//! by slugging the table's resource and operation names). Each operation runs against a
//! fresh seeded server with its own records, so deletes and status changes never disturb
//! the next row.
#![allow(clippy::unwrap_used)]

mod common;
mod world;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use world::{Row, drive, rows};

/// Rows not compared, as `(method, path template, why)`.
const SKIPPED: &[(&str, &str, &str)] = &[
    (
        "GET",
        "/estimates/pdf",
        "a PDF download; the example's JSON envelope is not what the service sends",
    ),
    (
        "GET",
        "/estimates/print",
        "a PDF download; the example's JSON envelope is not what the service sends",
    ),
    (
        "GET",
        "/invoices/pdf",
        "a PDF download; the example's JSON envelope is not what the service sends",
    ),
    (
        "GET",
        "/invoices/print",
        "a PDF download; the example's JSON envelope is not what the service sends",
    ),
    (
        "GET",
        "/invoices/{invoice_id}/attachment",
        "a file download; the example's JSON envelope is not what the service sends",
    ),
    (
        "GET",
        "/retainerinvoices/{retainerinvoice_id}/attachment",
        "a file download; the example's JSON envelope is not what the service sends",
    ),
];

/// Why the flat comment answers may carry more keys than their examples.
const COMMENT_FIELDS: &str = "the answer is the comment record itself, flattened into the \
    envelope as the reference shows it, and the server's comment records keep `operation_type` \
    (shown by the reference's comment lists) and the `created_time`/`last_modified_time` stamps \
    every stored record has";

/// Keys the server answers as a list where the reference's example shows one object, as
/// Zoho Books' OpenAPI documents (`reference/books-oas`) have them: `(method, path
/// template, key, why)`.
const LIST_FOR_OBJECT: &[(&str, &str, &str, &str)] = &[
    (
        "GET",
        "/estimates/templates",
        "templates",
        "a list like every other template list (estimates.yml: list-estimate-template-response)",
    ),
    (
        "GET",
        "/customerpayments/{customer_payment_id}/refunds/{refund_id}",
        "payment_refunds",
        "a list of one like the refund's create and update (customer-payments.yml: \
         details-of-a-refund-response)",
    ),
];

/// Keys the server sends beyond the example, as `(method, path template, key, why)`.
const ALLOWED_EXTRA: &[(&str, &str, &str, &str)] = &[
    (
        "PUT",
        "/invoices/{invoice_id}/comments/{comment_id}",
        "operation_type",
        COMMENT_FIELDS,
    ),
    (
        "PUT",
        "/invoices/{invoice_id}/comments/{comment_id}",
        "created_time",
        COMMENT_FIELDS,
    ),
    (
        "PUT",
        "/invoices/{invoice_id}/comments/{comment_id}",
        "last_modified_time",
        COMMENT_FIELDS,
    ),
    (
        "PUT",
        "/retainerinvoices/{retainerinvoice_id}/comments/{comment_id}",
        "operation_type",
        COMMENT_FIELDS,
    ),
    (
        "PUT",
        "/retainerinvoices/{retainerinvoice_id}/comments/{comment_id}",
        "created_time",
        COMMENT_FIELDS,
    ),
    (
        "PUT",
        "/retainerinvoices/{retainerinvoice_id}/comments/{comment_id}",
        "last_modified_time",
        COMMENT_FIELDS,
    ),
];

/// Rows that must have an example; a smaller count means fixtures went missing: the
/// reference's 205, and the 41 built from Zoho Books' OpenAPI documents for users, the
/// organization, currencies and taxes (`tools/oas_examples.py`).
const EXPECTED_FIXTURES: usize = 246;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../zoho-invoice-models/tests/fixtures")
}

/// Lowercase, runs of non-alphanumerics become `_`, trimmed.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').to_string()
}

/// The kind that matters for a payload key: an object, a list, or anything else (ids are
/// numbers in the reference and strings on the server, so scalars are not told apart).
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Object(_) => "an object",
        Value::Array(_) => "a list",
        _ => "a scalar",
    }
}

/// The payload keys of an answer and their kinds.
fn shape(v: &Value) -> BTreeMap<String, &'static str> {
    v.as_object()
        .map(|m| {
            m.iter()
                .filter(|(k, _)| !matches!(k.as_str(), "code" | "message" | "page_context"))
                .map(|(k, v)| (k.clone(), kind(v)))
                .collect()
        })
        .unwrap_or_default()
}

/// Whether `key` is one of [`LIST_FOR_OBJECT`]: shown as an object, answered as a list.
fn list_for_object(row: &Row, key: &str, shown: &str, answered: &str) -> bool {
    shown == "an object"
        && answered == "a list"
        && LIST_FOR_OBJECT
            .iter()
            .any(|(m, t, k, _)| *m == row.method && *t == row.template && *k == key)
}

/// What differs between the example and the server's answer (empty when they agree).
fn differences(row: &Row, example: &Value, got: &Value) -> Vec<String> {
    let want = shape(example);
    let have = shape(got);
    let mut out = Vec::new();
    for (key, k) in &want {
        match have.get(key) {
            None if example[key.as_str()] == json!("") => {}
            None => out.push(format!("missing `{key}` ({k})")),
            Some(h) if h != k && !list_for_object(row, key, k, h) => {
                out.push(format!("`{key}` is {h}, the reference shows {k}"));
            }
            Some(_) => {}
        }
    }
    for (key, h) in &have {
        let allowed = ALLOWED_EXTRA
            .iter()
            .any(|(m, t, k, _)| *m == row.method && *t == row.template && k == key);
        if !want.contains_key(key) && !allowed {
            out.push(format!("extra `{key}` ({h})"));
        }
    }
    out
}

#[tokio::test]
async fn every_answer_has_the_reference_envelope() {
    let dir = fixtures_dir();
    let mut compared = 0;
    let mut failures = Vec::new();
    let mut with_fixture = 0;
    for row in rows() {
        let file = dir
            .join(slug(&row.resource))
            .join(format!("{}.response.json", slug(&row.operation)));
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        with_fixture += 1;
        if SKIPPED
            .iter()
            .any(|(m, t, _)| *m == row.method && *t == row.template)
        {
            continue;
        }
        let example: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        compared += 1;
        match drive(&row).await {
            Ok(got) => {
                let diff = differences(&row, &example, &got);
                if !diff.is_empty() {
                    failures.push(format!("{}: {}", row.name(), diff.join("; ")));
                }
            }
            Err(e) => failures.push(format!("{}: {e}", row.name())),
        }
    }
    assert_eq!(
        with_fixture, EXPECTED_FIXTURES,
        "rows of the endpoint table with a response example"
    );
    assert_eq!(compared + SKIPPED.len(), with_fixture);
    assert!(
        failures.is_empty(),
        "{} of {compared} operations answer with another envelope than the reference:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn skipped_and_allowed_rows_are_rows_of_the_table() {
    let rows = rows();
    let known = |m: &str, t: &str| rows.iter().any(|r| r.method == m && r.template == t);
    for (m, t, _) in SKIPPED {
        assert!(known(m, t), "{m} {t} is not in the endpoint table");
    }
    for (m, t, _, _) in ALLOWED_EXTRA.iter().chain(LIST_FOR_OBJECT) {
        assert!(known(m, t), "{m} {t} is not in the endpoint table");
    }
}

#[test]
fn the_comparison_catches_wrong_keys_and_kinds() {
    let row = Row {
        resource: "Retainer Invoices".into(),
        operation: "Create a retainer invoice".into(),
        method: "POST".into(),
        template: "/retainerinvoices".into(),
    };
    let example = json!({"code": 0, "message": "ok", "retainerinvoices": {}, "note": ""});
    assert!(differences(&row, &example, &json!({"code": 0, "retainerinvoices": {}})).is_empty());
    let wrong_key = differences(&row, &example, &json!({"code": 0, "retainerinvoice": {}}));
    assert_eq!(wrong_key.len(), 2, "{wrong_key:?}");
    let wrong_kind = differences(&row, &example, &json!({"retainerinvoices": [{}]}));
    assert_eq!(wrong_kind.len(), 1, "{wrong_kind:?}");
    let refund = Row {
        resource: "Customer Payments".into(),
        operation: "Details of a refund".into(),
        method: "GET".into(),
        template: "/customerpayments/{customer_payment_id}/refunds/{refund_id}".into(),
    };
    let example = json!({"payment_refunds": {}});
    assert!(differences(&refund, &example, &json!({"payment_refunds": [{}]})).is_empty());
    assert_eq!(
        differences(&refund, &json!({"payment_refunds": []}), &example).len(),
        1,
        "only a list where an object is shown"
    );
    assert_eq!(
        slug("Create a retainer invoice"),
        "create_a_retainer_invoice"
    );
    assert_eq!(
        slug("List estimate comments & history"),
        "list_estimate_comments_history"
    );
}
