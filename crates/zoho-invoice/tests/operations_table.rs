//! The crate's list of operations against the project's copy of the API's endpoint table:
//! every row defined exactly once, nothing that is not a row.

use std::collections::BTreeMap;

use zoho_invoice::operations;

const TABLE: &str = include_str!("../../../reference/endpoints.tsv");

fn rows() -> Vec<(String, String, String, String)> {
    TABLE
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            (
                cols[0].to_owned(),
                cols[1].to_owned(),
                cols[2].to_owned(),
                cols[3].to_owned(),
            )
        })
        .collect()
}

fn defined() -> Vec<(String, String, String, String)> {
    operations()
        .into_iter()
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

#[test]
fn the_table_has_212_operations() {
    assert_eq!(rows().len(), 212);
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
    assert_eq!(defined.len(), 212);
}
