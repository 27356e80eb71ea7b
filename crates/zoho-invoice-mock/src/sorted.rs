//! A table's records in the order of one column (`sort_column=total`), kept up to date on
//! every write, so that a sorted page costs its own records and a walk over a few hundred
//! chunk lengths to its start, instead of sorting the whole table.
//!
//! A record's place is its value's [`SortValue`], read as the lists compare values (a number,
//! else a date or timestamp, else text without case), then its id (the lists' sort is
//! stable over the table's id order). The lists compare a number with a text by their texts,
//! an order this index cannot keep: it answers only while its column holds values of one
//! kind ([`SortedIndex::uniform`]), and lists fall back to sorting every record otherwise.

use std::cmp::Ordering;

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

/// Entries per chunk of an order: a chunk splits at twice as many.
const CHUNK: usize = 512;

/// One record's place: its value, then its id.
type Place = (SortValue, String);

/// The ids of a table in the order of one column: sorted chunks of at most `2 * CHUNK`
/// places, so that a write moves a chunk's entries only and a position is a walk over the
/// chunks' lengths (a few hundred at 100,000 records), not over the records.
#[derive(Debug, Default)]
pub(crate) struct SortedIndex {
    chunks: Vec<Vec<Place>>,
    len: usize,
    /// How many values of each kind the column holds.
    kinds: [usize; 3],
}

impl SortedIndex {
    /// An order of the given places, in any order.
    pub(crate) fn from_places(mut places: Vec<Place>) -> Self {
        places.sort();
        places.dedup();
        let mut kinds = [0; 3];
        for (value, _) in &places {
            kinds[value.kind()] += 1;
        }
        let len = places.len();
        let chunks = places.chunks(CHUNK).map(<[Place]>::to_vec).collect();
        Self { chunks, len, kinds }
    }

    /// The chunk a place belongs in: the first whose last place is not before it (the last
    /// chunk when there is none).
    fn chunk_of(&self, place: &Place) -> usize {
        let at = self
            .chunks
            .partition_point(|c| c.last().is_some_and(|last| last < place));
        at.min(self.chunks.len().saturating_sub(1))
    }

    /// Places record `id` by its value.
    pub(crate) fn insert(&mut self, value: SortValue, id: &str) {
        let kind = value.kind();
        let place = (value, id.to_owned());
        if self.chunks.is_empty() {
            self.chunks.push(Vec::new());
        }
        let c = self.chunk_of(&place);
        let chunk = &mut self.chunks[c];
        let Err(at) = chunk.binary_search(&place) else {
            return;
        };
        chunk.insert(at, place);
        if chunk.len() > 2 * CHUNK {
            let upper = chunk.split_off(CHUNK);
            self.chunks.insert(c + 1, upper);
        }
        self.len += 1;
        self.kinds[kind] += 1;
    }

    /// Takes record `id` out of its place.
    pub(crate) fn remove(&mut self, value: &SortValue, id: &str) {
        let place = (value.clone(), id.to_owned());
        if self.chunks.is_empty() {
            return;
        }
        let c = self.chunk_of(&place);
        let chunk = &mut self.chunks[c];
        let Ok(at) = chunk.binary_search(&place) else {
            return;
        };
        chunk.remove(at);
        if chunk.is_empty() {
            self.chunks.remove(c);
        }
        self.len -= 1;
        self.kinds[value.kind()] -= 1;
    }

    /// Whether the column holds values of one kind only, so that this order is the lists'.
    pub(crate) fn uniform(&self) -> bool {
        self.kinds.iter().filter(|n| **n > 0).count() <= 1
    }

    /// The places from position `from` of the order, at most `len`.
    fn window(&self, mut from: usize, len: usize) -> Vec<&Place> {
        let mut out = Vec::with_capacity(len.min(self.len));
        for chunk in &self.chunks {
            if out.len() == len {
                break;
            }
            if from >= chunk.len() {
                from -= chunk.len();
                continue;
            }
            out.extend(chunk[from..].iter().take(len - out.len()));
            from = 0;
        }
        out
    }

    /// The ids from position `start` of the order (`descending`: of its reverse), at most
    /// `len`, and whether more follow.
    pub(crate) fn page(&self, start: usize, len: usize, descending: bool) -> (Vec<&str>, bool) {
        let end = start.saturating_add(len).min(self.len);
        let start = start.min(end);
        let page = if descending {
            let mut page = ids(self.window(self.len - end, end - start));
            page.reverse();
            page
        } else {
            ids(self.window(start, end - start))
        };
        (page, self.len > end)
    }
}

/// The ids of some places.
fn ids(places: Vec<&Place>) -> Vec<&str> {
    places.into_iter().map(|(_, id)| id.as_str()).collect()
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

    #[test]
    fn chunks_split_and_empty_as_places_come_and_go() {
        let value = |n: usize| SortValue::Number(f64::from(u32::try_from(n % 97).unwrap_or(0)));
        let id = |n: usize| format!("{n:06}");
        let mut index = SortedIndex::from_places((0..3_000).map(|n| (value(n), id(n))).collect());
        for n in 3_000..6_000 {
            index.insert(value(n), &id(n));
        }
        for n in (0..6_000).step_by(3) {
            index.remove(&value(n), &id(n));
        }
        let mut want: Vec<Place> = (0..6_000)
            .filter(|n| n % 3 != 0)
            .map(|n| (value(n), id(n)))
            .collect();
        want.sort();
        let want: Vec<&str> = want.iter().map(|(_, id)| id.as_str()).collect();
        assert!(index.chunks.len() > 4, "split");
        assert!(
            index
                .chunks
                .iter()
                .all(|c| !c.is_empty() && c.len() <= 2 * CHUNK)
        );
        for (start, len) in [(0, 200), (1_999, 200), (3_900, 200), (4_000, 5), (9_999, 1)] {
            let (page, more) = index.page(start, len, false);
            let end = (start + len).min(want.len());
            assert_eq!(page, want[start.min(end)..end], "{start}");
            assert_eq!(more, want.len() > end, "{start}");
            let (back, _) = index.page(start, len, true);
            let rev: Vec<&str> = want.iter().rev().skip(start).take(len).copied().collect();
            assert_eq!(back, rev, "{start} descending");
        }
    }
}
