//! The crate's list of operations against the project's copy of the API's endpoint table:
//! every row defined exactly once, nothing that is not a row.

mod support;

use std::collections::BTreeMap;

use support::{BEYOND_THE_TABLE, Row, table_rows};
use zoho_invoice::operations;

fn rows() -> Vec<Row> {
    table_rows()
}

/// The rows the crate's operations perform. A record and its download (`GetInvoice`,
/// `DownloadInvoice`: the same GET, JSON or PDF) are one row.
fn defined() -> Vec<Row> {
    let mut seen = std::collections::BTreeSet::new();
    operations()
        .into_iter()
        .filter(|op| !BEYOND_THE_TABLE.contains(&op.name))
        .filter(|op| {
            seen.insert((op.method.to_string(), op.path, op.name)) || !is_download_twin(op)
        })
        .map(|op| {
            (
                op.resource.to_owned(),
                op.name.to_owned(),
                op.method.to_string(),
                op.path.to_owned(),
            )
        })
        .collect()
}

/// Whether `op` is the second of a record's get and its download: both perform "Get a ...".
fn is_download_twin(op: &zoho_invoice::Operation) -> bool {
    op.method == http::Method::GET && op.name.starts_with("Get a")
}

#[test]
fn the_table_has_286_operations() {
    assert_eq!(rows().len(), 286);
}

#[test]
fn every_defined_operation_is_a_row_of_the_table_once() {
    let rows = rows();
    let mut seen = BTreeMap::new();
    for op in defined() {
        assert!(rows.contains(&op), "not a row of endpoints.tsv: {op:?}");
        *seen.entry(op).or_insert(0) += 1;
    }
    let twice: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "defined more than once: {twice:?}");
}

#[cfg(feature = "all")]
#[test]
fn every_row_of_the_table_is_defined() {
    let defined = defined();
    let missing: Vec<_> = rows()
        .into_iter()
        .filter(|row| !defined.contains(row))
        .collect();
    assert!(missing.is_empty(), "rows with no operation: {missing:#?}");
    assert_eq!(defined.len(), 286);
}
