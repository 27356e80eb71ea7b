//! Pagination: a list operation as a stream of pages or of records.
//!
//! Pages are fetched one after the other, `per_page` 200 unless the filter says otherwise.
//! The stream ends after the last page, after the first error (which it yields), and when
//! the server contradicts itself (more pages announced but an empty page sent, or a page
//! other than the one asked for), so it cannot loop forever.

use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_util::stream::{self, BoxStream, Stream, StreamExt};
use zoho_invoice_models::envelope::{Page, Resource};

use crate::Error;
use crate::call::CallOptions;
use crate::client::Client;
use crate::endpoint::{Endpoint, FromResponse};
use crate::query::{MAX_PER_PAGE, Paging};

/// A list operation whose pages can be walked.
pub trait Paginated: Endpoint + Clone + 'static
where
    Self::Output: PageOf,
{
    /// The paging of the operation's filter; `None` for a list the API sends whole, in one
    /// answer, without paging parameters (an invoice's payments, a project's users): its walk
    /// is that one request.
    fn paging_mut(&mut self) -> Option<&mut Paging>;
}

/// A page of records.
pub trait PageOf: FromResponse {
    /// The records' type.
    type Item;
    /// Whether the server says a further page exists.
    fn has_more(&self) -> bool;
    /// The page number the server says this is.
    fn page_number(&self) -> Option<u32>;
    /// How many records the page holds.
    fn len(&self) -> usize;
    /// Whether the page holds no record.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The records.
    fn into_items(self) -> Vec<Self::Item>;
}

impl<T> PageOf for Page<T>
where
    T: Resource,
    Page<T>: FromResponse,
{
    type Item = T;
    fn has_more(&self) -> bool {
        self.has_more_page()
    }
    fn page_number(&self) -> Option<u32> {
        self.page_context.as_ref().and_then(|p| p.page)
    }
    fn len(&self) -> usize {
        self.records.len()
    }
    fn into_items(self) -> Vec<T> {
        self.records
    }
}

/// The most pages one walk fetches (2,000,000 records at 200 a page): a guard against a
/// server that never stops announcing more.
pub const MAX_PAGES: u32 = 10_000;

struct Walk<E> {
    client: Client,
    endpoint: E,
    options: CallOptions,
    next: Option<u32>,
}

/// The pages of a list operation, one request per page (from
/// [`Client::pages`](crate::Client::pages)): a [`Stream`] that is `Unpin`, so
/// `futures_util::TryStreamExt::try_next` works on it as it is.
pub struct Pages<P> {
    inner: BoxStream<'static, Result<P, Error>>,
}

/// The records of a list operation across its pages (from
/// [`Client::records`](crate::Client::records)): a [`Stream`] that is `Unpin`.
pub struct Records<T> {
    inner: BoxStream<'static, Result<T, Error>>,
}

macro_rules! boxed_stream {
    ($name:ident) => {
        impl<T> Stream for $name<T> {
            type Item = Result<T, Error>;

            fn poll_next(
                mut self: Pin<&mut Self>,
                cx: &mut Context<'_>,
            ) -> Poll<Option<Self::Item>> {
                self.inner.as_mut().poll_next(cx)
            }

            fn size_hint(&self) -> (usize, Option<usize>) {
                self.inner.size_hint()
            }
        }

        impl<T> fmt::Debug for $name<T> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($name)).finish_non_exhaustive()
            }
        }
    };
}
boxed_stream!(Pages);
boxed_stream!(Records);

/// The pages of `endpoint`, from the page its filter names (1 if none).
pub(crate) fn pages<E>(client: Client, endpoint: E, options: CallOptions) -> Pages<E::Output>
where
    E: Paginated,
    E::Output: PageOf + Send,
{
    Pages {
        inner: page_stream(client, endpoint, options).boxed(),
    }
}

fn page_stream<E>(
    client: Client,
    mut endpoint: E,
    options: CallOptions,
) -> impl Stream<Item = Result<E::Output, Error>> + Send
where
    E: Paginated,
    E::Output: PageOf + Send,
{
    let first = start(&mut endpoint);
    let walk = Walk {
        client,
        endpoint,
        options,
        next: Some(first),
    };
    stream::unfold(walk, |mut walk| async move {
        let page = walk.next.take()?;
        set_page(&mut walk.endpoint, page);
        let result = walk.client.send_with(&walk.endpoint, &walk.options).await;
        let result = result.and_then(|output: E::Output| {
            walk.next = next_page(&mut walk.endpoint, page, &output)?;
            Ok(output)
        });
        Some((result, walk))
    })
}

/// The page to fetch after `page`, given what the server answered for it: `None` after the
/// last page, and after the one answer of a list sent whole. An answer for another page than
/// the one asked for is an error. Both the async and the blocking clients walk lists with it.
pub fn next_page<E>(endpoint: &mut E, page: u32, output: &E::Output) -> Result<Option<u32>, Error>
where
    E: Paginated,
    E::Output: PageOf,
{
    if endpoint.paging_mut().is_none() {
        return Ok(None);
    }
    if let Some(sent) = output.page_number().filter(|n| *n != page) {
        return Err(Error::from(crate::ErrorKind::Decode(format!(
            "asked for page {page}, the server sent page {sent}"
        )))
        .in_operation(&E::OPERATION));
    }
    let more = output.has_more() && !output.is_empty() && page < MAX_PAGES;
    Ok(more.then_some(page + 1))
}

/// Prepares a walk: the page size it asks for (200 unless set), and the first page it
/// fetches (the filter's page, or 1).
pub fn start<E: Paginated>(endpoint: &mut E) -> u32
where
    E::Output: PageOf,
{
    let Some(paging) = endpoint.paging_mut() else {
        return 1;
    };
    paging.per_page.get_or_insert(MAX_PER_PAGE);
    paging.page.unwrap_or(1).max(1)
}

/// Asks for `page` (nothing to set for a list sent whole).
pub fn set_page<E: Paginated>(endpoint: &mut E, page: u32)
where
    E::Output: PageOf,
{
    if let Some(paging) = endpoint.paging_mut() {
        paging.page = Some(page);
    }
}

/// The records of every page of `endpoint`.
pub(crate) fn records<E>(
    client: Client,
    endpoint: E,
    options: CallOptions,
) -> Records<<E::Output as PageOf>::Item>
where
    E: Paginated,
    E::Output: PageOf + Send,
    <E::Output as PageOf>::Item: Send + 'static,
{
    let records = page_stream(client, endpoint, options).flat_map(|page| {
        let items: Vec<Result<_, Error>> = match page {
            Ok(page) => page.into_items().into_iter().map(Ok).collect(),
            Err(e) => vec![Err(e)],
        };
        stream::iter(items)
    });
    Records {
        inner: records.boxed(),
    }
}
