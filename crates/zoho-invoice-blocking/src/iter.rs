//! Pagination as iterators: pages, and the records across them (the iterators of
//! [`zoho_invoice::page_iter`], run by this client).

use crate::client::Client;

/// The pages of a list operation, one request per page as the iterator advances. It ends
/// after the last page and after the first error, which it yields.
pub type Pages<E> = zoho_invoice::page_iter::PageIter<E, Client>;

/// The records of a list operation, across its pages.
pub type Records<E> = zoho_invoice::page_iter::RecordIter<E, Client>;
