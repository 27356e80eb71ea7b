//! The cost of a list page in a large table, counted in records looked at (deterministic,
//! unlike time), and the indexed pages held to the same answers as filtering every record.

use serde_json::Value;

use crate::list::{page, table_page};
use crate::resources::billing::refresh_invoice;
use crate::sorted::SORT_COLUMNS;
use crate::state::{IdGen, Org, Record, text};
use crate::table::Table;

/// 2026-01-01T00:00:00Z.
const NOW: i64 = 1_767_225_600;

/// Invoices in the test organization.
const COUNT: usize = 20_000;

fn org() -> Org {
    let mut org = Org::new("1", "Zylker");
    crate::synthetic::fill(&mut org, &IdGen::new(), NOW, COUNT);
    org
}

fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
        .collect()
}

fn invoices(org: &Org) -> &Table {
    org.find_table("invoices").expect("the synthetic invoices")
}

fn ids(rows: &[Record]) -> Vec<String> {
    rows.iter()
        .filter_map(|r| text(r.get("invoice_id")))
        .collect()
}

/// The indexed page, and the records it looked at.
fn indexed(org: &Org, pairs: &[(&str, &str)]) -> (Vec<Record>, Value, usize) {
    let before = invoices(org).touched();
    let (rows, context) =
        table_page(org.find_table("invoices"), &q(pairs), "Invoices").expect("a valid query");
    let rows = rows.into_iter().cloned().collect();
    (rows, context, invoices(org).touched() - before)
}

/// The page as filtering and sorting every record gives it.
fn scanned(org: &Org, pairs: &[(&str, &str)]) -> (Vec<Record>, Value) {
    let all: Vec<&Record> = org.rows("invoices").collect();
    page(all, &q(pairs), "Invoices").expect("a valid query")
}

const QUERIES: &[&[(&str, &str)]] = &[
    &[],
    &[("page", "50")],
    &[("page", "101")],
    &[("page", "102")],
    &[("page", "3"), ("per_page", "7"), ("sort_order", "D")],
    &[("filter_by", "Status.Overdue"), ("page", "20")],
    &[("filter_by", "Status.Unpaid"), ("page", "2")],
    &[("filter_by", "Status.Draft"), ("page", "50")],
    &[("filter_by", "Status.Paid")],
    &[
        ("filter_by", "Status.Sent"),
        ("sort_order", "D"),
        ("page", "2"),
    ],
];

#[test]
fn a_page_looks_at_its_own_records_only() {
    let org = org();
    for pairs in QUERIES {
        let (rows, _, touched) = indexed(&org, pairs);
        assert_eq!(touched, rows.len(), "{pairs:?}");
        assert!(touched <= 200, "{pairs:?}");
    }
    let (last, context, _) = indexed(&org, &[("page", "100")]);
    assert_eq!(last.len(), 200);
    assert_eq!(context["has_more_page"], false);
    let (_, _, touched) = indexed(&org, &[("sort_column", "total")]);
    assert_eq!(
        touched, COUNT,
        "an order the table does not keep goes over every record"
    );
}

/// The organization, keeping the order of every common sort column.
fn sorted_org() -> Org {
    let mut org = org();
    if let Some(table) = org.find_table_mut("invoices") {
        for col in SORT_COLUMNS {
            table.keep_order(col);
        }
    }
    org
}

/// Sorted queries: every common column, both ways, first, middle and last pages.
fn sorted_queries() -> Vec<Vec<(&'static str, &'static str)>> {
    let mut all = Vec::new();
    for col in SORT_COLUMNS {
        for order in ["A", "D"] {
            for page in ["1", "37", "100", "101"] {
                all.push(vec![
                    ("sort_column", *col),
                    ("sort_order", order),
                    ("page", page),
                ]);
            }
        }
    }
    all
}

#[test]
fn a_sorted_page_looks_at_its_own_records_and_is_the_page_of_a_full_sort() {
    let org = sorted_org();
    for pairs in sorted_queries() {
        let (rows, context, touched) = indexed(&org, &pairs);
        assert_eq!(touched, rows.len(), "{pairs:?}");
        let (want, want_context) = scanned(&org, &pairs);
        assert_eq!(ids(&rows), ids(&want), "{pairs:?}");
        assert_eq!(context, want_context, "{pairs:?}");
    }
    // A status filter with a sort goes over every record.
    let (_, _, touched) = indexed(
        &org,
        &[("sort_column", "total"), ("filter_by", "Status.Sent")],
    );
    assert_eq!(touched, COUNT);
}

#[test]
fn sorted_orders_follow_writes() {
    let mut org = sorted_org();
    let some: Vec<String> = org
        .rows("invoices")
        .step_by(997)
        .filter_map(|r| text(r.get("invoice_id")))
        .collect();
    let Some(table) = org.find_table_mut("invoices") else {
        panic!("the synthetic invoices")
    };
    for (n, id) in some.iter().enumerate() {
        if let Some(mut rec) = table.get_mut(id) {
            rec.insert("total".into(), serde_json::json!(n * 7 % 13));
            rec.insert(
                "customer_name".into(),
                serde_json::json!(format!("Zed {n}")),
            );
            rec.insert("date".into(), serde_json::json!("2025-02-28"));
        }
    }
    table.remove(&some[0]);
    let mut copy = table.get(&some[1]).cloned().expect("a record");
    copy.insert("invoice_id".into(), serde_json::json!("999999999999999999"));
    copy.insert("total".into(), serde_json::json!(0.5));
    table.insert("999999999999999999".into(), copy);
    for pairs in sorted_queries() {
        let (rows, _, touched) = indexed(&org, &pairs);
        assert_eq!(touched, rows.len(), "{pairs:?}");
        let (want, _) = scanned(&org, &pairs);
        assert_eq!(ids(&rows), ids(&want), "{pairs:?}");
    }
    // A column holding a number and a text is no longer kept in the lists' order: the page
    // is sorted from every record, as the lists sort.
    let Some(table) = org.find_table_mut("invoices") else {
        panic!("the synthetic invoices")
    };
    if let Some(mut rec) = table.get_mut(&some[2]) {
        rec.insert("total".into(), serde_json::json!("n/a"));
    }
    let pairs = [("sort_column", "total"), ("page", "3")];
    let (rows, _, touched) = indexed(&org, &pairs);
    assert_eq!(touched, COUNT);
    assert_eq!(ids(&rows), ids(&scanned(&org, &pairs).0));
}

#[test]
fn indexed_pages_are_the_pages_of_a_full_scan() {
    let org = org();
    for pairs in QUERIES {
        let (rows, context, _) = indexed(&org, pairs);
        let (want, want_context) = scanned(&org, pairs);
        assert_eq!(ids(&rows), ids(&want), "{pairs:?}");
        assert_eq!(rows, want, "{pairs:?}");
        assert_eq!(context, want_context, "{pairs:?}");
    }
}

#[test]
fn invoices_fall_overdue_in_the_index_as_the_clock_passes_their_due_date() {
    let mut org = org();
    let later = NOW + 20 * 86_400;
    org.catch_up(later);
    let overdue = |org: &Org| {
        invoices(org)
            .slice(Some("overdue"), 0, usize::MAX, false)
            .rows
            .len()
    };
    let expected = org
        .rows("invoices")
        .filter(|r| {
            let mut r = (*r).clone();
            refresh_invoice(later, &mut r);
            text(r.get("status")).as_deref() == Some("overdue")
        })
        .count();
    assert!(expected > 0);
    assert_eq!(overdue(&org), expected);
    let (rows, _, _) = indexed(&org, &[("filter_by", "Status.Overdue"), ("page", "9")]);
    let (want, _) = scanned(&org, &[("filter_by", "Status.Overdue"), ("page", "9")]);
    assert_eq!(ids(&rows), ids(&want));
    assert_eq!(
        invoices(&org)
            .slice(Some("sent"), 0, usize::MAX, false)
            .rows
            .len()
            + overdue(&org),
        COUNT / 2 - 2,
        "every other invoice but the four templates (drafts) is sent or overdue"
    );
}

#[test]
fn a_table_first_used_during_a_request_refreshes_at_its_time() {
    let mut org = Org::new("1", "Zylker");
    org.catch_up(NOW);
    let Value::Object(invoice) = serde_json::json!({
        "invoice_id": "1", "status": "sent", "balance": 10, "due_date": "2025-06-30",
    }) else {
        unreachable!("a JSON object literal")
    };
    org.table("invoices").insert("1".into(), invoice);
    let status = org.get("invoices", "1").and_then(|r| text(r.get("status")));
    assert_eq!(status.as_deref(), Some("overdue"));
}
