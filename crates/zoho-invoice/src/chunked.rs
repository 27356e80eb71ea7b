//! Bulk calls with any number of ids: sent as several calls, each within the API's limit.
//!
//! Bulk email and bulk reminders take at most 10 ids a call. [`Client::send_in_chunks`] splits
//! a longer list into calls of at most that many, sends them one after the other, and stops at
//! the first error; its [`ChunkReport`] says how many calls it made, what each answered and
//! how many ids were done.
//!
//! [`Client::send_in_chunks`]: crate::Client::send_in_chunks

use crate::endpoint::Endpoint;
use crate::{Error, ErrorKind};

/// A bulk operation whose ids can be split into several calls of at most [`LIMIT`] ids.
///
/// [`LIMIT`]: Chunkable::LIMIT
pub trait Chunkable: Endpoint + Sized {
    /// The most ids one call takes.
    const LIMIT: usize;

    /// How many ids the operation holds.
    fn id_count(&self) -> usize;

    /// The operation split into operations of at most [`LIMIT`](Chunkable::LIMIT) ids each,
    /// in order, every other input the same (none for no ids).
    fn chunks(&self) -> Vec<Self>;
}

/// What a bulk call sent in chunks did.
#[derive(Debug)]
#[non_exhaustive]
pub struct ChunkReport<O> {
    /// The answers of the calls that succeeded, in the order of the ids.
    pub replies: Vec<O>,
    /// How many ids those calls covered (the first ones of the list).
    pub ids_done: usize,
    /// How many ids the operation held.
    pub ids_total: usize,
    /// How many calls were made (the failed one included; none when there were no ids).
    pub calls: usize,
    /// The error that stopped the work, if one did. The ids after `ids_done` were not handled;
    /// those of the failed call may have been when
    /// [`may_have_been_processed`](Error::may_have_been_processed) says so.
    pub error: Option<Error>,
}

impl<O> ChunkReport<O> {
    /// The answers, or the error that stopped the work.
    pub fn into_result(self) -> Result<Vec<O>, Error> {
        match self.error {
            Some(error) => Err(error),
            None => Ok(self.replies),
        }
    }
}

/// Sends `chunks` one after the other with `send`, stopping at the first error.
pub(crate) async fn send_chunks<E, F, Fut>(endpoint: &E, mut send: F) -> ChunkReport<E::Output>
where
    E: Chunkable,
    F: FnMut(E) -> Fut,
    Fut: std::future::Future<Output = Result<E::Output, Error>>,
{
    let ids_total = endpoint.id_count();
    let mut report = ChunkReport {
        replies: Vec::new(),
        ids_done: 0,
        ids_total,
        calls: 0,
        error: None,
    };
    let chunks = endpoint.chunks();
    if chunks.is_empty() {
        report.error = Some(Error::from(ErrorKind::NoIds).in_operation(&E::OPERATION));
        return report;
    }
    for chunk in chunks {
        let count = chunk.id_count();
        report.calls += 1;
        match send(chunk).await {
            Ok(reply) => {
                report.replies.push(reply);
                report.ids_done += count;
            }
            Err(error) => {
                report.error = Some(error);
                break;
            }
        }
    }
    report
}
