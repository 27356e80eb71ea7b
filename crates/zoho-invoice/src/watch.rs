//! Watch: the records created or updated since a cursor, at least once and without repeats,
//! resumable from a cursor saved anywhere (it is plain data: serialize it with serde).
//!
//! Each pass lists the records changed since the cursor (the list's `last_modified_time`
//! filter, sorted by `last_modified_time`), looking back [`Watcher::overlap`] to catch clock
//! skew and records that moved between pages while the list was walked, and delivers, oldest
//! change first, those the cursor has not seen. The cursor remembers the changes it delivered
//! within the overlap, so nothing is delivered twice, and it only moves forward past what was
//! delivered, so nothing is lost if the caller stops between two records.
//!
//! Records without a `last_modified_time` cannot be watched and are skipped.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Utc};
use futures_util::stream::{self, Stream};
use serde::{Deserialize, Serialize};
use zoho_invoice_models::Timestamp;

use crate::Error;
use crate::client::Client;
use crate::paginate::{PageOf, Paginated};

/// A record whose changes can be watched.
pub trait Watched {
    /// The record's id.
    fn watch_id(&self) -> String;
    /// When it last changed.
    fn last_modified(&self) -> Option<Timestamp>;
    /// When it was created, if the record says (for [`Watcher::created_only`]).
    fn created(&self) -> Option<Timestamp> {
        None
    }
}

/// A list operation that can list what changed since a time, oldest change first.
pub trait Watchable: Paginated
where
    Self::Output: PageOf,
{
    /// Sets the filter to the records changed at or after `since` (all when `None`), sorted by
    /// `last_modified_time`, ascending.
    fn changed_since(&mut self, since: Option<Timestamp>);
}

/// Where a watch stands: the time up to which changes were delivered, and the changes
/// delivered within the look-back window. Save it (it serializes with serde) to resume.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    /// Changes up to this time (Unix seconds) were delivered.
    pub since: Option<i64>,
    /// The changes delivered at or after `since` minus the overlap: (Unix seconds, id).
    pub seen: BTreeSet<(i64, String)>,
}

impl Cursor {
    /// A cursor that delivers every record from the beginning.
    pub fn from_start() -> Self {
        Self::default()
    }

    /// A cursor that delivers the changes made at or after `time`.
    pub fn from_time(time: Timestamp) -> Self {
        Self {
            since: Some(time.timestamp()),
            seen: BTreeSet::new(),
        }
    }
}

/// Moves `cursor` past a change at `at`, but not past `moved_floor` (where a record that
/// moved during the pass used to be).
fn advance(cursor: &mut Cursor, at: i64, moved_floor: Option<i64>) {
    let reached = cursor.since.map_or(at, |s| s.max(at));
    cursor.since = Some(moved_floor.map_or(reached, |floor| reached.min(floor)));
}

/// One delivered change: the record, and the cursor to save once it is processed.
pub type Change<E> = (<<E as crate::Endpoint>::Output as PageOf>::Item, Cursor);

/// Polls a list operation for changes.
#[derive(Debug)]
pub struct Watcher<E> {
    client: Client,
    endpoint: E,
    cursor: Cursor,
    overlap: Duration,
    created_only: bool,
}

/// How far each pass looks back before the cursor, by default.
pub const DEFAULT_OVERLAP: Duration = Duration::from_secs(300);

impl<E> Watcher<E>
where
    E: Watchable,
    E::Output: PageOf + Send,
    <E::Output as PageOf>::Item: Watched + Send,
{
    /// A watcher of `endpoint`'s records (its other filters apply), from `cursor`.
    pub fn new(client: Client, endpoint: E, cursor: Cursor) -> Self {
        Self {
            client,
            endpoint,
            cursor,
            overlap: DEFAULT_OVERLAP,
            created_only: false,
        }
    }

    /// Delivers only the records created since the cursor, each once; a record changed
    /// since but created before is passed over (records that do not say when they were
    /// created are passed over too). A cursor is for one kind of watch: do not share one
    /// between a watch of changes and a watch of creations.
    pub fn created_only(mut self) -> Self {
        self.created_only = true;
        self
    }

    /// Sets how far each pass looks back before the cursor.
    pub fn overlap(mut self, overlap: Duration) -> Self {
        self.overlap = overlap;
        self
    }

    /// The cursor after everything delivered so far.
    pub fn cursor(&self) -> &Cursor {
        &self.cursor
    }

    /// One pass: the changes since the cursor, oldest first, each with the cursor to save
    /// once it is processed. The watcher's own cursor moves past all of them.
    pub async fn poll(&mut self) -> Result<Vec<Change<E>>, Error> {
        let overlap = i64::try_from(self.overlap.as_secs()).unwrap_or(i64::MAX);
        let from = self.cursor.since.map(|s| s.saturating_sub(overlap));
        let mut endpoint = self.endpoint.clone();
        endpoint.changed_since(from.and_then(to_timestamp));

        // The whole pass first: it shows which records moved while it was walked.
        let mut pass = Vec::new();
        let mut first_seen: BTreeMap<String, i64> = BTreeMap::new();
        let mut moved_floor: Option<i64> = None;
        let mut pages = self.client.pages(endpoint);
        while let Some(page) = futures_util::StreamExt::next(&mut pages).await {
            for item in page?.into_items() {
                let Some(changed) = item.last_modified() else {
                    continue;
                };
                let id = item.watch_id();
                let at = changed.timestamp();
                match first_seen.get(&id) {
                    Some(&earlier) if earlier != at => {
                        // It changed during the walk: records after its old place may have
                        // shifted a page back unseen. The next pass looks again from there.
                        moved_floor = Some(moved_floor.map_or(earlier, |f: i64| f.min(earlier)));
                    }
                    Some(_) => {}
                    None => {
                        first_seen.insert(id.clone(), at);
                    }
                }
                pass.push((at, id, item));
            }
        }
        pass.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));

        let mut cursor = self.cursor.clone();
        let mut out = Vec::new();
        for (at, id, item) in pass {
            if from.is_some_and(|f| at < f) {
                continue;
            }
            // A watch of creations knows a record by its creation, which its later changes
            // do not move: delivered once, and passed over if it is older than the cursor.
            let key = if self.created_only {
                match item.created().map(|c| c.timestamp()) {
                    Some(created) if from.is_none_or(|f| created >= f) => created,
                    _ => {
                        advance(&mut cursor, at, moved_floor);
                        continue;
                    }
                }
            } else {
                at
            };
            if !cursor.seen.insert((key, id)) {
                continue;
            }
            advance(&mut cursor, at, moved_floor);
            out.push((item, cursor.clone()));
        }
        // Forget what the next pass can no longer see.
        if let Some(since) = cursor.since {
            let keep_from = since.saturating_sub(overlap);
            cursor.seen.retain(|(at, _)| *at >= keep_from);
        }
        self.cursor = cursor;
        Ok(out)
    }

    /// The changes as a stream: a pass, then one every `interval` (on tokio's clock), each
    /// change with the cursor to save once it is processed. A failed pass yields its error
    /// and the next pass is tried after the interval.
    pub fn into_stream(
        self,
        interval: Duration,
    ) -> impl Stream<Item = Result<(<E::Output as PageOf>::Item, Cursor), Error>> + Send
    where
        E: Send,
    {
        let state = (self, std::collections::VecDeque::new(), true);
        stream::unfold(
            state,
            move |(mut watcher, mut buffer, mut first)| async move {
                loop {
                    if let Some(next) = buffer.pop_front() {
                        return Some((Ok(next), (watcher, buffer, first)));
                    }
                    if !first {
                        tokio::time::sleep(interval).await;
                    }
                    first = false;
                    match watcher.poll().await {
                        Ok(changes) => buffer.extend(changes),
                        Err(e) => return Some((Err(e), (watcher, buffer, first))),
                    }
                }
            },
        )
    }
}

fn to_timestamp(unix: i64) -> Option<Timestamp> {
    let utc = FixedOffset::east_opt(0)?;
    DateTime::<Utc>::from_timestamp(unix, 0).map(|t| t.with_timezone(&utc))
}
