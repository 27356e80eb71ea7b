//! Bulk synthetic data for benchmarks: an organization filled with many invoices, cheaply
//! (`zoho-invoice-mock --invoices 100000`, [`crate::MockConfig::with_synthetic_invoices`]).
//!
//! A few customers, one item and one template invoice per customer are created through the
//! API's own handlers, so they are exactly what a client would have made. Every further
//! invoice is a copy of a template with its own id, number, line item id, reference, dates
//! and status, stored directly: no totals recomputed, no history entry (the table only
//! refreshes and indexes it). A hundred thousand take about a second and a half (release build).

use serde_json::{Value, json};

use crate::clock::format_date;
use crate::seed::{Seeder, text};
use crate::state::{IdGen, Org, Record};

/// The customers the invoices are spread over, with the quantity on their template.
const CUSTOMERS: [(&str, u32); 4] = [
    ("Bowman and Co", 1),
    ("Zylker Hardware", 2),
    ("Peterson Logistics", 3),
    ("Ashford Textiles", 5),
];

/// The table and number series of invoices.
const TABLE: &str = "invoices";

/// Days over which invoice dates are spread, back from today.
const DAYS: u64 = 365;

/// Adds `count` invoices to `org` (and the customers and item they need), in creation order:
/// dates spread over the past year, drafts and sent invoices alternating (sent ones fall
/// overdue 30 days after their date).
pub(crate) fn fill(org: &mut Org, ids: &IdGen, now: i64, count: usize) {
    if count == 0 {
        return;
    }
    let mut s = Seeder::new(org, ids, now);
    let item = s.call(
        "POST",
        "/items",
        json!({"name": "Hard Drive", "rate": 120, "unit": "Nos",
               "description": "500GB, USB 2.0 interface 1400 rpm, protective hard case."}),
    );
    let item_id = text(&item["item"]["item_id"]);
    let templates: Vec<Record> = CUSTOMERS
        .iter()
        .take(count)
        .enumerate()
        .filter_map(|(n, (name, quantity))| {
            let contact = s.call("POST", "/contacts", json!({"contact_name": name}));
            let customer_id = text(&contact["contact"]["contact_id"]);
            let invoice = s.call(
                "POST",
                "/invoices",
                json!({"customer_id": customer_id, "reference_number": format!("SYN-{n:06}"),
                       "line_items": [{"item_id": item_id, "quantity": quantity}]}),
            );
            invoice["invoice"].as_object().cloned()
        })
        .collect();
    if templates.is_empty() {
        return;
    }
    let org = s.org();
    for n in templates.len()..count {
        let template = &templates[n % templates.len()];
        let record = copy(org, ids, now, template, n);
        let id = text(&record["invoice_id"]);
        org.table(TABLE).insert(id, record);
    }
}

/// The `n`-th invoice (from 0): a copy of `template` with its own identity and dates.
fn copy(org: &mut Org, ids: &IdGen, now: i64, template: &Record, n: usize) -> Record {
    let mut record = template.clone();
    record.insert("invoice_id".into(), json!(ids.next()));
    record.insert(
        "invoice_number".into(),
        json!(org.next_number(TABLE, "INV-")),
    );
    record.insert("reference_number".into(), json!(format!("SYN-{n:06}")));
    if let Some(Value::Array(lines)) = record.get_mut("line_items") {
        for line in lines.iter_mut().filter_map(Value::as_object_mut) {
            line.insert("line_item_id".into(), json!(ids.next()));
        }
    }
    let days_ago = i64::try_from(n as u64 % DAYS).unwrap_or(0);
    let date = now - days_ago * 86_400;
    record.insert("date".into(), json!(format_date(date)));
    record.insert("due_date".into(), json!(format_date(date + 30 * 86_400)));
    let status = if n % 2 == 0 {
        "draft"
    } else if days_ago > 30 {
        "overdue"
    } else {
        "sent"
    };
    record.insert("status".into(), json!(status));
    record
}
