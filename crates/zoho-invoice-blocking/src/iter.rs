//! Pagination as iterators: pages, and the records across them.

use std::collections::VecDeque;

use zoho_invoice::paginate::{next_page, set_page, start};
use zoho_invoice::{PageOf, Paginated};

use crate::client::Client;
use zoho_invoice::Error;

/// The pages of a list operation, one request per page as the iterator advances. It ends
/// after the last page and after the first error, which it yields.
#[derive(Debug)]
pub struct Pages<E> {
    client: Client,
    endpoint: E,
    next: Option<u32>,
}

impl<E> Pages<E>
where
    E: Paginated + Send,
    E::Output: PageOf + Send + 'static,
{
    pub(crate) fn new(client: Client, mut endpoint: E) -> Self {
        let first = start(&mut endpoint);
        Self {
            client,
            endpoint,
            next: Some(first),
        }
    }
}

impl<E> Iterator for Pages<E>
where
    E: Paginated + Send,
    E::Output: PageOf + Send + 'static,
{
    type Item = Result<E::Output, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let page = self.next.take()?;
        set_page(&mut self.endpoint, page);
        let output = match self.client.send(self.endpoint.clone()) {
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

/// The records of a list operation, across its pages.
pub struct Items<E>
where
    E: Paginated,
    E::Output: PageOf,
{
    pages: Pages<E>,
    buffer: VecDeque<<E::Output as PageOf>::Item>,
}

impl<E> std::fmt::Debug for Items<E>
where
    E: Paginated + std::fmt::Debug,
    E::Output: PageOf,
{
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Items")
            .field("pages", &self.pages)
            .field("buffered", &self.buffer.len())
            .finish()
    }
}

impl<E> Items<E>
where
    E: Paginated + Send,
    E::Output: PageOf + Send + 'static,
{
    pub(crate) fn new(pages: Pages<E>) -> Self {
        Self {
            pages,
            buffer: VecDeque::new(),
        }
    }
}

impl<E> Iterator for Items<E>
where
    E: Paginated + Send,
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
