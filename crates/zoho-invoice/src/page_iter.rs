//! Pagination for clients that block: a list's pages and records as iterators, one request per
//! page as the iteration advances. The blocking client's lists are these.

use std::collections::VecDeque;
use std::fmt;

use crate::Error;
use crate::call::{BlockingExecutor, CallOptions};
use crate::paginate::{PageOf, Paginated, next_page, set_page, start};

/// The pages of a list operation, one request per page as the iterator advances. It ends after
/// the last page and after the first error, which it yields.
pub struct PageIter<E, C> {
    client: C,
    endpoint: E,
    options: CallOptions,
    next: Option<u32>,
}

impl<E, C> PageIter<E, C>
where
    E: Paginated,
    E::Output: PageOf,
{
    /// The pages of `endpoint` through `client`, from the page its filter names (1 if none).
    pub fn new(client: C, mut endpoint: E, options: CallOptions) -> Self {
        let first = start(&mut endpoint);
        Self {
            client,
            endpoint,
            options,
            next: Some(first),
        }
    }
}

impl<E: fmt::Debug, C> fmt::Debug for PageIter<E, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PageIter")
            .field("endpoint", &self.endpoint)
            .field("next", &self.next)
            .finish_non_exhaustive()
    }
}

impl<E, C> Iterator for PageIter<E, C>
where
    C: BlockingExecutor,
    E: Paginated,
    E::Output: PageOf + Send + 'static,
{
    type Item = Result<E::Output, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let page = self.next.take()?;
        set_page(&mut self.endpoint, page);
        let output = match self
            .client
            .execute(self.endpoint.clone(), self.options.clone())
        {
            Ok(output) => output,
            Err(e) => return Some(Err(e)),
        };
        match next_page(&mut self.endpoint, page, &output) {
            Ok(next) => {
                self.next = next;
                Some(Ok(output))
            }
            Err(e) => Some(Err(e)),
        }
    }
}

/// The records of a list operation across its pages, as an iterator.
pub struct RecordIter<E, C>
where
    E: Paginated,
    E::Output: PageOf,
{
    pages: PageIter<E, C>,
    buffer: VecDeque<<E::Output as PageOf>::Item>,
}

impl<E, C> RecordIter<E, C>
where
    E: Paginated,
    E::Output: PageOf,
{
    /// The records of every page `pages` walks.
    pub fn new(pages: PageIter<E, C>) -> Self {
        Self {
            pages,
            buffer: VecDeque::new(),
        }
    }
}

impl<E, C> fmt::Debug for RecordIter<E, C>
where
    E: Paginated + fmt::Debug,
    E::Output: PageOf,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RecordIter")
            .field("pages", &self.pages)
            .field("buffered", &self.buffer.len())
            .finish()
    }
}

impl<E, C> Iterator for RecordIter<E, C>
where
    C: BlockingExecutor,
    E: Paginated,
    E::Output: PageOf + Send + 'static,
{
    type Item = Result<<E::Output as PageOf>::Item, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.buffer.pop_front() {
                return Some(Ok(item));
            }
            match self.pages.next()? {
                Ok(page) => self.buffer.extend(page.into_items()),
                Err(e) => return Some(Err(e)),
            }
        }
    }
}
