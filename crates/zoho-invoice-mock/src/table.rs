//! One table of records, with what a list page needs kept up to date on every write: the ids
//! in order, the ids by status (and status group), the ids in the order of each common sort
//! column a list has asked for ([`crate::sorted`]), and when each record's derived fields
//! (an invoice falling overdue) next change on their own. A page then costs its own records
//! and a binary search or two (a walk to its start in a sorted order), whatever the size of
//! the table; no record is refreshed at read time, since those whose time has come are
//! brought up to date when the clock has passed it ([`Table::catch_up`]).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::{Deref, DerefMut};

use crate::sorted::{SORT_COLUMNS, SortValue, SortedIndex};
use crate::state::{Record, text};

/// Fields a resource derives from its own and the clock (an invoice's status).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Derive {
    /// Brings the derived fields up to date at a time (seconds since 1970).
    pub(crate) refresh: fn(i64, &mut Record),
    /// When the derived fields of a record just refreshed next change on their own, if ever.
    pub(crate) wakeup: fn(&Record) -> Option<i64>,
}

/// Status groups lists filter by, named as `filter_by` names them, and their statuses.
pub(crate) const STATUS_GROUPS: &[(&str, &[&str])] =
    &[("Status.Unpaid", &["sent", "overdue", "partially_paid"])];

/// Ids in the order of the table's keys, for positional access.
#[derive(Debug, Default)]
struct Ids(Vec<String>);

impl Ids {
    fn insert(&mut self, id: &str) {
        if self.0.last().is_none_or(|last| last.as_str() < id) {
            self.0.push(id.to_owned());
        } else if let Err(at) = self.0.binary_search_by(|p| p.as_str().cmp(id)) {
            self.0.insert(at, id.to_owned());
        }
    }

    fn remove(&mut self, id: &str) {
        if let Ok(at) = self.0.binary_search_by(|p| p.as_str().cmp(id)) {
            self.0.remove(at);
        }
    }
}

/// What one record is indexed under.
#[derive(Debug, Default, PartialEq, Eq)]
struct Entry {
    status: Option<String>,
    wakeup: Option<i64>,
    /// Its values of the sorted columns, in the order of [`Index::sorted`].
    sorted: Vec<SortValue>,
}

/// The indexes of a table and what keeps them: the derived fields and the time.
#[derive(Debug, Default)]
struct Index {
    all: Ids,
    by_status: HashMap<String, Ids>,
    wakeups: BTreeSet<(i64, String)>,
    /// The orders kept, by column.
    sorted: Vec<(&'static str, SortedIndex)>,
    derive: Option<Derive>,
    /// The time records are refreshed at when written (seconds since 1970).
    now: i64,
    /// Records a read has looked at (for tests of the cost of a page).
    #[cfg(test)]
    touched: std::cell::Cell<usize>,
}

impl Index {
    /// Refreshes `rec` and says what it is to be indexed under.
    fn prepare(&self, rec: &mut Record) -> Entry {
        if let Some(d) = self.derive {
            (d.refresh)(self.now, rec);
        }
        self.entry_of(rec)
    }

    /// A record's values of the sorted columns.
    fn sort_values(&self, rec: &Record) -> Vec<SortValue> {
        self.sorted
            .iter()
            .map(|(col, _)| SortValue::of(rec.get(*col)))
            .collect()
    }

    /// The index keys of a status: itself and the groups it belongs to.
    fn status_keys(status: &str) -> impl Iterator<Item = &str> {
        let groups = STATUS_GROUPS
            .iter()
            .filter(move |(_, members)| members.contains(&status))
            .map(|(group, _)| *group);
        std::iter::once(status).chain(groups)
    }

    fn add(&mut self, id: &str, entry: &Entry) {
        self.all.insert(id);
        if let Some(status) = &entry.status {
            for key in Self::status_keys(status) {
                self.by_status.entry(key.to_owned()).or_default().insert(id);
            }
        }
        if let Some(at) = entry.wakeup {
            self.wakeups.insert((at, id.to_owned()));
        }
        for ((_, order), value) in self.sorted.iter_mut().zip(&entry.sorted) {
            order.insert(value.clone(), id);
        }
    }

    fn drop_entry(&mut self, id: &str, entry: &Entry) {
        if let Some(status) = &entry.status {
            for key in Self::status_keys(status) {
                if let Some(ids) = self.by_status.get_mut(key) {
                    ids.remove(id);
                }
            }
        }
        if let Some(at) = entry.wakeup {
            self.wakeups.remove(&(at, id.to_owned()));
        }
        for ((_, order), value) in self.sorted.iter_mut().zip(&entry.sorted) {
            order.remove(value, id);
        }
    }

    fn remove(&mut self, id: &str, entry: &Entry) {
        self.drop_entry(id, entry);
        self.all.remove(id);
    }

    /// Re-indexes a record that changed from `before`.
    fn update(&mut self, id: &str, before: &Entry, rec: &mut Record) {
        let after = self.prepare(rec);
        if after != *before {
            self.drop_entry(id, before);
            self.add(id, &after);
        }
    }

    /// What `rec` is indexed under now (without refreshing it).
    fn entry_of(&self, rec: &Record) -> Entry {
        Entry {
            status: text(rec.get("status")),
            wakeup: self.derive.and_then(|d| (d.wakeup)(rec)),
            sorted: self.sort_values(rec),
        }
    }

    #[cfg(test)]
    fn touch(&self, n: usize) {
        self.touched.set(self.touched.get() + n);
    }

    #[cfg(not(test))]
    fn touch(&self, _: usize) {}
}

/// A table of records by id, its ids sorting in creation order (equal length).
#[derive(Debug, Default)]
pub(crate) struct Table {
    records: BTreeMap<String, Record>,
    index: Index,
}

/// One page of a table in its key order: the records and whether more follow.
#[derive(Debug)]
pub(crate) struct Slice<'a> {
    /// The page's records.
    pub(crate) rows: Vec<&'a Record>,
    /// Whether records follow the page.
    pub(crate) has_more: bool,
}

impl Table {
    /// An empty table whose records derive fields with `derive`, refreshed at `now`.
    pub(crate) fn new(derive: Option<Derive>, now: i64) -> Self {
        Self {
            records: BTreeMap::new(),
            index: Index {
                derive,
                now,
                ..Index::default()
            },
        }
    }

    /// Sets the time records are refreshed at, and refreshes those whose derived fields
    /// have changed since: each record at most once per write that set its clock.
    pub(crate) fn catch_up(&mut self, now: i64) {
        self.index.now = now;
        let later = self
            .index
            .wakeups
            .split_off(&(now.saturating_add(1), String::new()));
        let due = std::mem::replace(&mut self.index.wakeups, later);
        for (_, id) in due {
            if let Some(rec) = self.records.get_mut(&id) {
                let before = Entry {
                    wakeup: None,
                    ..self.index.entry_of(rec)
                };
                self.index.update(&id, &before, rec);
            }
        }
    }

    /// Stores a record (refreshed) under `id`, replacing any.
    pub(crate) fn insert(&mut self, id: String, mut rec: Record) {
        if let Some(old) = self.records.get(&id) {
            let before = self.index.entry_of(old);
            self.index.remove(&id, &before);
        }
        let entry = self.index.prepare(&mut rec);
        self.index.add(&id, &entry);
        self.records.insert(id, rec);
    }

    /// Removes a record.
    pub(crate) fn remove(&mut self, id: &str) -> Option<Record> {
        let rec = self.records.remove(id)?;
        let entry = self.index.entry_of(&rec);
        self.index.remove(id, &entry);
        Some(rec)
    }

    /// One record.
    pub(crate) fn get(&self, id: &str) -> Option<&Record> {
        self.records.get(id)
    }

    /// One record, to change: re-indexed (and refreshed) when the handle is dropped.
    pub(crate) fn get_mut(&mut self, id: &str) -> Option<RecordMut<'_>> {
        let rec = self.records.get_mut(id)?;
        let before = self.index.entry_of(rec);
        Some(RecordMut {
            id: id.to_owned(),
            rec,
            index: &mut self.index,
            before,
        })
    }

    /// Every record, in id order.
    pub(crate) fn values(&self) -> impl Iterator<Item = &Record> {
        self.iter().map(|(_, rec)| rec)
    }

    /// Every id and record, in id order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&String, &Record)> {
        self.records.iter().inspect(|_| self.index.touch(1))
    }

    /// Changes every record with `f`, re-indexing each.
    pub(crate) fn for_each_mut(&mut self, mut f: impl FnMut(&mut Record)) {
        for (id, rec) in &mut self.records {
            let before = self.index.entry_of(rec);
            f(rec);
            self.index.update(id, &before, rec);
        }
    }

    /// The records from position `start` of the table's id order (`descending`: of its
    /// reverse), at most `len`, of those whose status is `status` (a status or one of
    /// [`STATUS_GROUPS`]) or of all: a binary search away, whatever the table's size.
    pub(crate) fn slice(
        &self,
        status: Option<&str>,
        start: usize,
        len: usize,
        descending: bool,
    ) -> Slice<'_> {
        let ids: &[String] = match status {
            None => &self.index.all.0,
            Some(key) => self.index.by_status.get(key).map_or(&[], |ids| &ids.0),
        };
        let n = ids.len();
        let from = start.min(n);
        let to = start.saturating_add(len).min(n);
        let window = if descending {
            &ids[n - to..n - from]
        } else {
            &ids[from..to]
        };
        self.index.touch(window.len());
        let mut rows: Vec<&Record> = window.iter().filter_map(|id| self.get(id)).collect();
        if descending {
            rows.reverse();
        }
        Slice {
            rows,
            has_more: n > to,
        }
    }

    /// Keeps the order of `column` from now on, if it is one of [`SORT_COLUMNS`] (built
    /// once from every record, then kept on every write).
    pub(crate) fn keep_order(&mut self, column: &str) {
        let Some(col) = SORT_COLUMNS.iter().copied().find(|c| *c == column) else {
            return;
        };
        if self.index.sorted.iter().any(|(c, _)| *c == col) {
            return;
        }
        let places = self
            .records
            .iter()
            .map(|(id, rec)| (SortValue::of(rec.get(col)), id.clone()))
            .collect();
        self.index
            .sorted
            .push((col, SortedIndex::from_places(places)));
    }

    /// The records from position `start` of the table's order by `column` (`descending`:
    /// of its reverse), at most `len`: `None` when the table keeps no such order, or the
    /// column holds values of more than one kind ([`SortedIndex::uniform`]).
    pub(crate) fn sorted_slice(
        &self,
        column: &str,
        start: usize,
        len: usize,
        descending: bool,
    ) -> Option<Slice<'_>> {
        let (_, order) = self.index.sorted.iter().find(|(c, _)| *c == column)?;
        if !order.uniform() {
            return None;
        }
        let (ids, has_more) = order.page(start, len, descending);
        self.index.touch(ids.len());
        let rows = ids.into_iter().filter_map(|id| self.get(id)).collect();
        Some(Slice { rows, has_more })
    }

    /// Records reads have looked at so far.
    #[cfg(test)]
    pub(crate) fn touched(&self) -> usize {
        self.index.touched.get()
    }
}

/// A record being changed; re-indexed and refreshed when dropped.
#[derive(Debug)]
pub(crate) struct RecordMut<'a> {
    id: String,
    rec: &'a mut Record,
    index: &'a mut Index,
    before: Entry,
}

impl Deref for RecordMut<'_> {
    type Target = Record;

    fn deref(&self) -> &Record {
        self.rec
    }
}

impl DerefMut for RecordMut<'_> {
    fn deref_mut(&mut self) -> &mut Record {
        self.rec
    }
}

impl Drop for RecordMut<'_> {
    fn drop(&mut self) {
        self.index.update(&self.id, &self.before, self.rec);
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn rec(status: &str) -> Record {
        let mut r = Record::new();
        r.insert("status".into(), json!(status));
        r
    }

    fn ids(slice: &Slice<'_>) -> Vec<String> {
        slice.rows.iter().filter_map(|r| text(r.get("n"))).collect()
    }

    fn table() -> Table {
        let mut t = Table::default();
        for (n, status) in ["draft", "sent", "paid", "overdue", "sent"]
            .iter()
            .enumerate()
        {
            let mut r = rec(status);
            r.insert("n".into(), json!(n));
            t.insert(format!("id{n}"), r);
        }
        t
    }

    #[test]
    fn slices_follow_key_order_status_and_groups() {
        let t = table();
        assert_eq!(ids(&t.slice(None, 1, 2, false)), ["1", "2"]);
        assert_eq!(ids(&t.slice(None, 0, 2, true)), ["4", "3"]);
        assert_eq!(ids(&t.slice(Some("sent"), 0, 5, false)), ["1", "4"]);
        let unpaid = t.slice(Some("Status.Unpaid"), 0, 2, false);
        assert_eq!(ids(&unpaid), ["1", "3"]);
        assert!(unpaid.has_more);
        assert!(t.slice(Some("void"), 0, 5, false).rows.is_empty());
        assert!(t.slice(None, 9, 5, false).rows.is_empty());
    }

    #[test]
    fn writes_move_records_between_indexes() {
        let mut t = table();
        if let Some(mut r) = t.get_mut("id1") {
            r.insert("status".into(), json!("paid"));
        }
        t.remove("id3");
        t.insert("id0".into(), rec("sent"));
        assert_eq!(t.slice(Some("paid"), 0, 5, false).rows.len(), 2);
        assert_eq!(t.slice(Some("Status.Unpaid"), 0, 5, false).rows.len(), 2);
        assert_eq!(t.slice(None, 0, 9, false).rows.len(), 4);
        t.for_each_mut(|r| {
            r.insert("status".into(), json!("void"));
        });
        assert_eq!(t.slice(Some("void"), 0, 9, false).rows.len(), 4);
        assert!(t.slice(Some("paid"), 0, 9, false).rows.is_empty());
    }

    #[test]
    fn records_wake_up_when_the_clock_passes_their_time() {
        fn refresh(now: i64, r: &mut Record) {
            let due = r.get("due").and_then(serde_json::Value::as_i64);
            if due.is_some_and(|d| d < now) {
                r.insert("status".into(), json!("overdue"));
            }
        }
        fn wakeup(r: &Record) -> Option<i64> {
            let sent = text(r.get("status")).as_deref() == Some("sent");
            sent.then(|| r.get("due").and_then(serde_json::Value::as_i64))?
                .map(|d| d + 1)
        }
        let mut t = Table::new(Some(Derive { refresh, wakeup }), 0);
        for (id, due) in [("a", 10), ("b", 20)] {
            let mut r = rec("sent");
            r.insert("due".into(), json!(due));
            t.insert(id.into(), r);
        }
        t.catch_up(15);
        assert_eq!(t.slice(Some("overdue"), 0, 9, false).rows.len(), 1);
        assert_eq!(t.slice(Some("sent"), 0, 9, false).rows.len(), 1);
        t.catch_up(25);
        assert_eq!(t.slice(Some("overdue"), 0, 9, false).rows.len(), 2);
        assert!(t.index.wakeups.is_empty());
    }
}
