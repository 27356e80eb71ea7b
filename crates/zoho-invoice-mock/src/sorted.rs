//! A table's records in the order of one column (`sort_column=total`), kept up to date on
//! every write, so that a sorted page costs its own records and a walk to its start instead
//! of sorting the whole table.
//!
//! A record's place is its value's [`SortValue`], read as the lists compare values (a number,
//! else a date or timestamp, else text without case), then its id (the lists' sort is
//! stable over the table's id order). The lists compare a number with a text by their texts,
//! an order this index cannot keep: it answers only while its column holds values of one
//! kind ([`SortedIndex::uniform`]), and lists fall back to sorting every record otherwise.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use serde_json::Value;

use crate::clock::parse_timestamp;
use crate::state::text;

/// The columns a table keeps an order of, once a list has asked for it: the common sort
/// columns of the API's lists.
pub(crate) const SORT_COLUMNS: &[&str] = &[
    "date",
    "due_date",
    "total",
    "customer_name",
    "invoice_number",
    "created_time",
    "last_modified_time",
];

/// A value of a sort column, read once.
#[derive(Debug, Clone)]
pub(crate) enum SortValue {
    /// A number, or a string holding one (`-0` is `0`).
    Number(f64),
    /// A date or timestamp, in seconds since 1970.
    Time(i64),
    /// Any other text, in lower case (no value at all is the empty text).
    Text(String),
}

impl SortValue {
    /// A record's value of a column, read as the lists read it.
    pub(crate) fn of(v: Option<&Value>) -> Self {
        let number = match v {
            Some(Value::Number(n)) => n.as_f64(),
            Some(Value::String(s)) => s.trim().parse::<f64>().ok(),
            _ => None,
        };
        match number {
            Some(n) if n.is_finite() => Self::Number(if n == 0.0 { 0.0 } else { n }),
            _ => {
                let t = text(v).unwrap_or_default();
                match parse_timestamp(&t) {
                    Some(time) => Self::Time(time),
                    None => Self::Text(t.to_lowercase()),
                }
            }
        }
    }

    /// Its kind: 0 numbers, 1 times, 2 texts.
    fn kind(&self) -> usize {
        match self {
            Self::Number(_) => 0,
            Self::Time(_) => 1,
            Self::Text(_) => 2,
        }
    }
}

impl Ord for SortValue {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Self::Number(a), Self::Number(b)) => a.total_cmp(b),
            (Self::Time(a), Self::Time(b)) => a.cmp(b),
            (Self::Text(a), Self::Text(b)) => a.cmp(b),
            _ => self.kind().cmp(&other.kind()),
        }
    }
}

impl PartialOrd for SortValue {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for SortValue {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for SortValue {}

/// The ids of a table in the order of one column.
#[derive(Debug, Default)]
pub(crate) struct SortedIndex {
    order: BTreeSet<(SortValue, String)>,
    /// How many values of each kind the column holds.
    kinds: [usize; 3],
}

impl SortedIndex {
    /// Places record `id` by its value.
    pub(crate) fn insert(&mut self, value: SortValue, id: &str) {
        let kind = value.kind();
        if self.order.insert((value, id.to_owned())) {
            self.kinds[kind] += 1;
        }
    }

    /// Takes record `id` out of its place.
    pub(crate) fn remove(&mut self, value: &SortValue, id: &str) {
        if self.order.remove(&(value.clone(), id.to_owned())) {
            self.kinds[value.kind()] -= 1;
        }
    }

    /// Whether the column holds values of one kind only, so that this order is the lists'.
    pub(crate) fn uniform(&self) -> bool {
        self.kinds.iter().filter(|n| **n > 0).count() <= 1
    }

    /// The ids from position `start` of the order (`descending`: of its reverse), at most
    /// `len`, and whether more follow.
    pub(crate) fn page(&self, start: usize, len: usize, descending: bool) -> (Vec<&str>, bool) {
        let page: Vec<&str> = if descending {
            let it = self.order.iter().rev().skip(start).take(len);
            it.map(|(_, id)| id.as_str()).collect()
        } else {
            let it = self.order.iter().skip(start).take(len);
            it.map(|(_, id)| id.as_str()).collect()
        };
        let has_more = self.order.len() > start.saturating_add(len);
        (page, has_more)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn values_are_read_as_the_lists_read_them() {
        let cases = [
            (json!(10), 0),
            (json!("9.5"), 0),
            (json!(-0.0), 0),
            (json!("2024-01-05"), 1),
            (json!("2023-12-31T10:00:00+0000"), 1),
            (json!("Bowman"), 2),
            (json!(null), 2),
            (json!("NaN"), 2),
        ];
        for (v, kind) in cases {
            assert_eq!(SortValue::of(Some(&v)).kind(), kind, "{v}");
        }
        assert_eq!(SortValue::of(None), SortValue::Text(String::new()));
        assert_eq!(SortValue::of(Some(&json!(-0.0))), SortValue::Number(0.0));
        assert!(SortValue::of(Some(&json!("bowman"))) == SortValue::of(Some(&json!("BOWMAN"))));
    }

    #[test]
    fn pages_walk_the_order_and_ties_keep_id_order() {
        let mut index = SortedIndex::default();
        for (id, total) in [("a", 30), ("b", 10), ("c", 20), ("d", 10)] {
            index.insert(SortValue::of(Some(&json!(total))), id);
        }
        assert_eq!(index.page(0, 3, false), (vec!["b", "d", "c"], true));
        assert_eq!(index.page(1, 9, true), (vec!["c", "d", "b"], false));
        index.remove(&SortValue::of(Some(&json!(10))), "b");
        assert_eq!(index.page(0, 9, false).0, ["d", "c", "a"]);
        assert!(index.uniform());
        index.insert(SortValue::of(Some(&json!("abc"))), "e");
        assert!(!index.uniform(), "numbers and a text");
    }
}
