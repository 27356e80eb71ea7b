//! Shapes like Zoho's: every operation of the endpoint table that Zoho Books' OpenAPI
//! documents describe answers with the JSON kinds their response schemas give: lists where
//! the documents have lists, objects where they have objects, and within the records (two
//! levels deep) numbers, strings and booleans where the documents say so.
//!
//! The schemas are reduced to shapes by `tools/oas_shapes.py` into `shapes/oas_shapes.json`.
//! Keys the documents name that an answer lacks are fine (the documents list every optional
//! key); keys the answer carries must have the documented kind unless [`EXCEPTIONS`] says
//! why the document is wrong.
#![allow(clippy::unwrap_used)]

mod common;
mod world;

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};
use world::{Row, drive, rows};

/// The shapes, written by `tools/oas_shapes.py`.
const SHAPES: &str = include_str!("shapes/oas_shapes.json");

/// Operations not checked, as `(method, path template, why)`.
const SKIPPED: &[(&str, &str, &str)] = &[
    ("GET", "/estimates/pdf", "a PDF download, not JSON"),
    ("GET", "/estimates/print", "a PDF download, not JSON"),
    ("GET", "/invoices/pdf", "a PDF download, not JSON"),
    ("GET", "/invoices/print", "a PDF download, not JSON"),
    (
        "GET",
        "/invoices/{invoice_id}/attachment",
        "a file download, not JSON",
    ),
    (
        "GET",
        "/retainerinvoices/{retainerinvoice_id}/attachment",
        "a file download, not JSON",
    ),
    (
        "GET",
        "/invoices/{invoice_id}/documents/{document_id}",
        "a file download, not JSON",
    ),
];

/// Where the documents are wrong, as `(method, path template, key path, why)`; `*` as the
/// method and path stands for every operation. A key path names the top-level key, then
/// `.key` inside an object or `[].key` inside the elements of a list.
const EXCEPTIONS: &[(&str, &str, &str, &str)] = &[
    ("*", "*", "page_context", PAGE_CONTEXT),
    ("*", "*", "invoice.balance", AMOUNT_AS_STRING),
    ("*", "*", "invoice.total", AMOUNT_AS_STRING),
    ("*", "*", "invoices[].balance", AMOUNT_AS_STRING),
    ("*", "*", "invoices[].total", AMOUNT_AS_STRING),
    ("*", "*", "retainerinvoice.balance", AMOUNT_AS_STRING),
    ("*", "*", "retainerinvoice.total", AMOUNT_AS_STRING),
    ("*", "*", "retainerinvoices[].balance", AMOUNT_AS_STRING),
    ("*", "*", "retainerinvoices[].total", AMOUNT_AS_STRING),
    ("*", "*", "recurring_expense.amount", AMOUNT_AS_STRING),
    ("*", "*", "retainerinvoice.is_emailed", IS_EMAILED),
    ("*", "*", "retainerinvoices[].is_emailed", IS_EMAILED),
    (
        "GET",
        "/creditnotes",
        "creditnotes",
        "the list of credit notes is a list (the reference's `List Credit Notes` example); \
         credit-notes.yml's list-credit-notes-response types it as one object",
    ),
    (
        "GET",
        "/invoices",
        "invoices[].documents",
        "the reference's example and invoices.yml show `\"\"` for an invoice without \
         attachments; a list row is the invoice record, whose `documents` is its list of \
         attachments (the models crate's `Vec<Document>`, retainer-invoices.yml's array)",
    ),
    (
        "GET",
        "/recurringexpenses/{recurring_expense_id}/comments",
        "comments",
        "a history is a list of comments like every other `.../comments` list the reference \
         shows (invoices, estimates, retainer invoices, credit notes, projects); \
         recurring-expenses.yml types it as one object",
    ),
    (
        "GET",
        "/retainerinvoices/{retainerinvoice_id}/email",
        "from_emails[].user_name",
        "the reference's example gives the sender's name as a string (\"John Smith\"); \
         retainer-invoices.yml types it as an array",
    ),
    ("*", "*", "exchange_rate", EXCHANGE_RATE),
    ("*", "*", "invoice.shipping_charge", AMOUNT_AS_STRING),
    ("*", "*", "invoices[].shipping_charge", AMOUNT_AS_STRING),
    ("*", "*", "estimate.shipping_charge", AMOUNT_AS_STRING),
    (
        "*",
        "*",
        "recurring_expense.repeat_every",
        "the reference's examples give `repeat_every` as a number (`1`, `2`); \
         recurring-expenses.yml types it as a string",
    ),
    (
        "*",
        "*",
        "recurring_expenses[].repeat_every",
        "the reference's examples give `repeat_every` as a number (`1`, `2`); \
         recurring-expenses.yml types it as a string",
    ),
];

/// Why `page_context` is an object.
const PAGE_CONTEXT: &str = "the reference's every list example gives `page_context` as one \
    object (page, per_page, has_more_page...); the documents type it as an array";

/// Why amounts are numbers.
const AMOUNT_AS_STRING: &str = "the reference's examples give amounts as numbers (`\"total\": \
    40.6`, a recurring expense's `\"amount\": 112.5`); the document types this one as a string";

/// Why `is_emailed` is a boolean.
const IS_EMAILED: &str = "the reference's retainer invoice examples give `\"is_emailed\": \
    false`; retainer-invoices.yml types it as a string";

/// Why an exchange rate is a record.
const EXCHANGE_RATE: &str = "currency.yml types the created or read `exchange_rate` as the rate \
    number itself; the record is what its own `List exchange rates` has in the list (and what \
    tools/oas_examples.py repairs the example to)";

/// The operations the shapes file must hold (a smaller number means the tool or the table
/// lost some).
const EXPECTED_OPERATIONS: usize = 272;

/// One operation of the shapes file.
struct Operation {
    method: String,
    path: String,
    document: String,
    shape: Map<String, Value>,
}

/// The operations of the shapes file.
fn operations() -> Vec<Operation> {
    let file: Value = serde_json::from_str(SHAPES).expect("shapes/oas_shapes.json is JSON");
    assert_eq!(file["generated_by"], "tools/oas_shapes.py");
    file["operations"]
        .as_array()
        .expect("a list of operations")
        .iter()
        .map(|o| Operation {
            method: o["method"].as_str().unwrap().to_string(),
            path: o["path"].as_str().unwrap().to_string(),
            document: o["document"].as_str().unwrap().to_string(),
            shape: o["shape"].as_object().cloned().unwrap_or_default(),
        })
        .collect()
}

/// The JSON kind of a value, in the shapes file's words.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Object(_) => "object",
        Value::Array(_) => "array",
        Value::String(_) => "string",
        Value::Number(_) => "number",
        Value::Bool(_) => "boolean",
        Value::Null => "null",
    }
}

/// Every key path where `got` has another kind than `shape` says, with both kinds.
fn mismatches(shape: &Map<String, Value>, got: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    compare(shape, got, "", &mut out);
    out
}

/// Compares the keys of the object `got` with the properties `shape` describes, at `at`.
fn compare(shape: &Map<String, Value>, got: &Value, at: &str, out: &mut BTreeSet<String>) {
    let Some(fields) = got.as_object() else {
        return;
    };
    for (key, want) in shape {
        let Some(value) = fields.get(key) else {
            continue;
        };
        let path = if at.is_empty() {
            key.clone()
        } else {
            format!("{at}.{key}")
        };
        compare_value(want, value, &path, out);
    }
}

/// Compares one value with the shape of its key, and what it holds with the shape's
/// properties.
fn compare_value(want: &Value, value: &Value, path: &str, out: &mut BTreeSet<String>) {
    let expected = want["kind"].as_str().unwrap_or_default();
    let got = kind(value);
    if got != expected {
        out.insert(format!("{path}: {got}, the document says {expected}"));
        return;
    }
    let Some(props) = want.get("properties").and_then(Value::as_object) else {
        return;
    };
    match value {
        Value::Array(items) => {
            let inner = format!("{path}[]");
            for item in items {
                if item.is_object() {
                    compare(props, item, &inner, out);
                } else {
                    out.insert(format!("{inner}: {}, the document says object", kind(item)));
                }
            }
        }
        object => compare(props, object, path, out),
    }
}

/// The index in [`EXCEPTIONS`] of the one that excuses a mismatch (`key path: ...`) of the
/// operation, if any.
fn excepted(method: &str, template: &str, mismatch: &str) -> Option<usize> {
    let key = mismatch.split(':').next().unwrap_or_default();
    EXCEPTIONS.iter().position(|(m, t, k, _)| {
        (*m == "*" || *m == method) && (*t == "*" || *t == template) && *k == key
    })
}

/// The table row of an operation.
fn row_of<'a>(rows: &'a [Row], op: &Operation) -> &'a Row {
    rows.iter()
        .find(|r| r.method == op.method && r.template == op.path)
        .unwrap_or_else(|| panic!("{} {} is not in the endpoint table", op.method, op.path))
}

#[tokio::test]
async fn every_answer_has_the_documented_shape() {
    let ops = operations();
    assert_eq!(
        ops.len(),
        EXPECTED_OPERATIONS,
        "operations in the shapes file"
    );
    let rows = rows();
    let mut checked = 0;
    let mut used = BTreeSet::new();
    let mut failures = Vec::new();
    for op in &ops {
        if SKIPPED
            .iter()
            .any(|(m, t, _)| *m == op.method && *t == op.path)
        {
            continue;
        }
        let row = row_of(&rows, op);
        checked += 1;
        let got = match drive(row).await {
            Ok(got) => got,
            Err(e) => {
                failures.push(format!("{}: {e}", row.name()));
                continue;
            }
        };
        let wrong: Vec<String> = mismatches(&op.shape, &got)
            .into_iter()
            .filter(|m| {
                let excuse = excepted(&op.method, &op.path, m);
                used.extend(excuse);
                excuse.is_none()
            })
            .collect();
        if !wrong.is_empty() {
            failures.push(format!(
                "{} ({}): {}",
                row.name(),
                op.document,
                wrong.join("; ")
            ));
        }
    }
    assert_eq!(checked + SKIPPED.len(), ops.len());
    assert!(
        failures.is_empty(),
        "{} of {checked} operations answer with another shape than the documents:\n{}",
        failures.len(),
        failures.join("\n")
    );
    let unused: Vec<_> = EXCEPTIONS
        .iter()
        .enumerate()
        .filter(|(i, _)| !used.contains(i))
        .map(|(_, e)| e)
        .collect();
    assert!(unused.is_empty(), "exceptions no answer needs: {unused:?}");
}

#[test]
fn skipped_and_excepted_operations_are_in_the_shapes_file() {
    let ops = operations();
    let known = |m: &str, t: &str| {
        (m == "*" && t == "*") || ops.iter().any(|o| o.method == m && o.path == t)
    };
    for (m, t, _) in SKIPPED {
        assert!(known(m, t), "{m} {t} is not in the shapes file");
    }
    for (m, t, _, _) in EXCEPTIONS {
        assert!(known(m, t), "{m} {t} is not in the shapes file");
    }
}

#[test]
fn the_comparison_catches_wrong_kinds() {
    let shape = json!({
        "code": {"kind": "number"},
        "invoices": {"kind": "array", "items": "object", "properties": {
            "total": {"kind": "number"},
            "is_viewed": {"kind": "boolean"},
            "line_items": {"kind": "array", "items": "object", "properties": {
                "rate": {"kind": "number"}
            }}
        }},
        "page_context": {"kind": "object", "properties": {"page": {"kind": "number"}}}
    });
    let shape = shape.as_object().unwrap();
    let right = json!({
        "code": 0,
        "invoices": [{"total": 1.5, "is_viewed": false, "line_items": [{"rate": 2}], "x": "y"}],
        "page_context": {"page": 1},
        "extra": "fine"
    });
    assert!(mismatches(shape, &right).is_empty());
    assert!(
        mismatches(shape, &json!({"code": 0})).is_empty(),
        "missing keys are fine"
    );
    let object_for_list = mismatches(shape, &json!({"invoices": {"total": 1}}));
    assert_eq!(
        object_for_list.into_iter().collect::<Vec<_>>(),
        ["invoices: object, the document says array"]
    );
    let wrong = mismatches(
        shape,
        &json!({
            "invoices": [{"total": "1.50", "line_items": [{"rate": "2"}]}, {"is_viewed": "false"}],
            "page_context": {"page": "1"}
        }),
    );
    assert_eq!(
        wrong.into_iter().collect::<Vec<_>>(),
        [
            "invoices[].is_viewed: string, the document says boolean",
            "invoices[].line_items[].rate: string, the document says number",
            "invoices[].total: string, the document says number",
            "page_context.page: string, the document says number",
        ]
    );
    assert_eq!(
        excepted(
            "GET",
            "/invoices",
            "invoices: object, the document says array"
        ),
        None
    );
    assert!(
        excepted(
            "GET",
            "/estimates",
            "page_context: array, the document says object"
        )
        .is_some()
    );
    assert_eq!(
        excepted(
            "GET",
            "/invoices",
            "comments: object, the document says array"
        ),
        None,
        "an exception holds for its own operation only"
    );
}
