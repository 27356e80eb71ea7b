//! Watch from synchronous code.

use zoho_invoice::watch::Change;
use zoho_invoice::{Cursor, PageOf, Watchable, Watched, Watcher};

use crate::client::Client;
use zoho_invoice::{Error, ErrorKind};

/// A watch of a list operation's changes; each [`poll`](Self::poll) is one pass.
#[derive(Debug)]
pub struct Watch<E> {
    client: Client,
    state: Option<State<E>>,
}

#[derive(Debug)]
enum State<E> {
    /// Not polled yet: the watcher is made on the runtime thread at the first poll.
    Pending(E, Cursor),
    Ready(Watcher<E>),
}

impl<E> Watch<E>
where
    E: Watchable + Send,
    E::Output: PageOf + Send,
    <E::Output as PageOf>::Item: Watched + Send + 'static,
{
    pub(crate) fn new(client: Client, endpoint: E, cursor: Cursor) -> Self {
        Self {
            client,
            state: Some(State::Pending(endpoint, cursor)),
        }
    }

    /// One pass: the changes since the cursor, oldest first, each with the cursor to save
    /// once it is processed.
    pub fn poll(&mut self) -> Result<Vec<Change<E>>, Error> {
        let state = self.state.take().ok_or_else(|| {
            Error::from(ErrorKind::Shutdown(
                "an earlier poll of this watch did not come back".into(),
            ))
        })?;
        let (watcher, result) = self.client.run(move |client| async move {
            let mut watcher = match state {
                State::Pending(endpoint, cursor) => Watcher::new(client, endpoint, cursor),
                State::Ready(watcher) => watcher,
            };
            let result = watcher.poll().await;
            (watcher, result)
        })?;
        self.state = Some(State::Ready(watcher));
        result
    }

    /// The cursor after everything delivered so far.
    pub fn cursor(&self) -> Option<&Cursor> {
        match self.state.as_ref()? {
            State::Pending(_, cursor) => Some(cursor),
            State::Ready(watcher) => Some(watcher.cursor()),
        }
    }
}
