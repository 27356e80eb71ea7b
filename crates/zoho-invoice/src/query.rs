//! Query strings: the pairs an operation sends, and typed list filters with Zoho's variants
//! (`name_startswith`, `total_less_than`, `date_start`, ...).

use std::borrow::Cow;

use zoho_invoice_models::{Decimal, NaiveDate, Timestamp};

use crate::{Error, ErrorKind};

/// The query pairs of one request, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pairs: Vec<(Cow<'static, str>, String)>,
}

impl Query {
    /// An empty query.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one pair.
    pub fn push(&mut self, key: impl Into<Cow<'static, str>>, value: impl Into<String>) {
        self.pairs.push((key.into(), value.into()));
    }

    /// Adds one pair when the value is set (`send=true`, `email_template_id=...`).
    pub fn push_some<T: std::fmt::Display + ?Sized>(
        &mut self,
        key: impl Into<Cow<'static, str>>,
        value: Option<&T>,
    ) {
        if let Some(v) = value {
            self.push(key, v.to_string());
        }
    }

    /// The pairs.
    pub fn pairs(&self) -> &[(Cow<'static, str>, String)] {
        &self.pairs
    }

    /// The value of the first pair with this key.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Whether there is no pair.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The pairs, percent-encoded as `application/x-www-form-urlencoded`.
    pub fn encode(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &self.pairs {
            out.append_pair(k, v);
        }
        out.finish()
    }
}

/// What a value adds to a query.
pub trait ToQuery {
    /// Adds this value's pairs to `query`; an error refuses the request before it is sent.
    fn to_query(&self, query: &mut Query) -> Result<(), Error>;
}

impl<T: ToQuery> ToQuery for Option<T> {
    fn to_query(&self, query: &mut Query) -> Result<(), Error> {
        match self {
            Some(v) => v.to_query(query),
            None => Ok(()),
        }
    }
}

/// A filter on a text field: `name`, `name_startswith`, `name_contains`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TextFilter {
    /// The field equals the text.
    Is(String),
    /// The field starts with the text.
    StartsWith(String),
    /// The field contains the text.
    Contains(String),
}

impl TextFilter {
    /// Adds the pair for `field`.
    pub fn push(&self, field: &'static str, query: &mut Query) {
        match self {
            Self::Is(v) => query.push(field, v.clone()),
            Self::StartsWith(v) => query.push(format!("{field}_startswith"), v.clone()),
            Self::Contains(v) => query.push(format!("{field}_contains"), v.clone()),
        }
    }
}

/// Text to match exactly.
impl From<&str> for TextFilter {
    fn from(text: &str) -> Self {
        Self::Is(text.to_owned())
    }
}

/// Text to match exactly.
impl From<String> for TextFilter {
    fn from(text: String) -> Self {
        Self::Is(text)
    }
}

/// A filter on an amount: `total`, `total_less_than`, `total_less_equals`,
/// `total_greater_than`, `total_greater_equals`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AmountFilter {
    /// Equal to.
    Is(Decimal),
    /// Less than.
    LessThan(Decimal),
    /// Less than or equal to.
    LessEquals(Decimal),
    /// Greater than.
    GreaterThan(Decimal),
    /// Greater than or equal to.
    GreaterEquals(Decimal),
    /// From the first amount to the second, both included (`_greater_equals` and
    /// `_less_equals`).
    Between(Decimal, Decimal),
}

impl AmountFilter {
    /// Adds the pairs for `field`.
    pub fn push(&self, field: &'static str, query: &mut Query) {
        let mut one =
            |suffix: &str, v: &Decimal| query.push(format!("{field}{suffix}"), v.to_string());
        match self {
            Self::Is(v) => one("", v),
            Self::LessThan(v) => one("_less_than", v),
            Self::LessEquals(v) => one("_less_equals", v),
            Self::GreaterThan(v) => one("_greater_than", v),
            Self::GreaterEquals(v) => one("_greater_equals", v),
            Self::Between(low, high) => {
                one("_greater_equals", low);
                one("_less_equals", high);
            }
        }
    }
}

/// An amount to match exactly.
impl From<Decimal> for AmountFilter {
    fn from(amount: Decimal) -> Self {
        Self::Is(amount)
    }
}

/// A filter on a date: `date`, `date_start`, `date_end`, `date_before`, `date_after`, or a
/// range (`date_start` and `date_end`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DateFilter {
    /// On the day.
    On(NaiveDate),
    /// On or after the day.
    Start(NaiveDate),
    /// On or before the day.
    End(NaiveDate),
    /// Before the day.
    Before(NaiveDate),
    /// After the day.
    After(NaiveDate),
    /// From the first day to the second, both included (`_start` and `_end`).
    Between(NaiveDate, NaiveDate),
    /// After the first day and before the second, both excluded (`_after` and `_before`).
    Inside(NaiveDate, NaiveDate),
}

/// A day to match.
impl From<NaiveDate> for DateFilter {
    fn from(day: NaiveDate) -> Self {
        Self::On(day)
    }
}

impl DateFilter {
    /// Adds the pairs for `field`.
    pub fn push(&self, field: &'static str, query: &mut Query) {
        let mut one =
            |suffix: &str, d: &NaiveDate| query.push(format!("{field}{suffix}"), d.to_string());
        match self {
            Self::On(d) => one("", d),
            Self::Start(d) => one("_start", d),
            Self::End(d) => one("_end", d),
            Self::Before(d) => one("_before", d),
            Self::After(d) => one("_after", d),
            Self::Between(a, b) => {
                one("_start", a);
                one("_end", b);
            }
            Self::Inside(a, b) => {
                one("_after", a);
                one("_before", b);
            }
        }
    }
}

/// The order of a sorted list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortOrder {
    /// Ascending (`A`).
    Ascending,
    /// Descending (`D`).
    Descending,
}

impl std::fmt::Display for SortOrder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Ascending => "A",
            Self::Descending => "D",
        })
    }
}

/// Writes a timestamp the way Zoho's filters take it (`2013-11-18T02:02:51-0800`).
pub fn timestamp_value(t: &Timestamp) -> String {
    zoho_invoice_models::time::format_timestamp(t)
}

/// Which page of a list to fetch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Paging {
    /// The page, from 1.
    pub page: Option<u32>,
    /// Records per page, at most [`MAX_PER_PAGE`].
    pub per_page: Option<u32>,
}

/// The most records a page holds.
pub const MAX_PER_PAGE: u32 = 200;

impl ToQuery for Paging {
    fn to_query(&self, query: &mut Query) -> Result<(), Error> {
        if let Some(page) = self.page {
            query.push("page", page.max(1).to_string());
        }
        if let Some(per_page) = self.per_page {
            query.push("per_page", per_page.clamp(1, MAX_PER_PAGE).to_string());
        }
        Ok(())
    }
}

/// The format of a downloaded document (invoice, estimate, credit note): `accept=pdf` or
/// `accept=html`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DocumentFormat {
    /// A PDF file (`accept=pdf`).
    #[default]
    Pdf,
    /// An HTML page (`accept=html`).
    Html,
}

impl DocumentFormat {
    /// The value of `accept`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Html => "html",
        }
    }
}

impl ToQuery for DocumentFormat {
    fn to_query(&self, query: &mut Query) -> Result<(), Error> {
        query.push("accept", self.as_str());
        Ok(())
    }
}

/// The query of a document download: the format (`accept`) and the print option (`print`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DownloadOptions {
    /// PDF or HTML (`accept`).
    pub format: DocumentFormat,
    /// Ask for the file made for printing (`print`).
    pub print: Option<bool>,
}

impl From<DocumentFormat> for DownloadOptions {
    fn from(format: DocumentFormat) -> Self {
        Self {
            format,
            print: None,
        }
    }
}

impl ToQuery for DownloadOptions {
    fn to_query(&self, query: &mut Query) -> Result<(), Error> {
        self.format.to_query(query)?;
        query.push_some("print", self.print.as_ref());
        Ok(())
    }
}

/// A kind of record a bulk call names, with the query key its ids go under.
pub trait BulkKind: zoho_invoice_models::ids::IdKind {
    /// The query key (`invoice_ids`).
    const KEY: &'static str;
}

impl BulkKind for zoho_invoice_models::ids::kind::Invoice {
    const KEY: &'static str = "invoice_ids";
}

impl BulkKind for zoho_invoice_models::ids::kind::Estimate {
    const KEY: &'static str = "estimate_ids";
}

impl BulkKind for zoho_invoice_models::ids::kind::TimeEntry {
    const KEY: &'static str = "time_entry_ids";
}

impl BulkKind for zoho_invoice_models::ids::kind::Item {
    const KEY: &'static str = "item_ids";
}

/// The bulk delete of payments names them `payment_id` (one key, comma-separated ids).
impl BulkKind for zoho_invoice_models::ids::kind::Payment {
    const KEY: &'static str = "payment_id";
}

/// No limit on the ids of a bulk call (the reference names none).
pub const NO_LIMIT: usize = usize::MAX;

/// The ids of a bulk call, sent as one comma-separated value under the kind's key
/// (`invoice_ids=1,2,3`), with at most `LIMIT` ids.
///
/// Checked before sending: an empty list is refused with [`ErrorKind::NoIds`], a longer one
/// than `LIMIT` with [`ErrorKind::TooManyIds`]; the error names the operation.
pub struct BulkIds<K, const LIMIT: usize = NO_LIMIT> {
    ids: Vec<zoho_invoice_models::ids::Id<K>>,
}

impl<K, const LIMIT: usize> Clone for BulkIds<K, LIMIT> {
    fn clone(&self) -> Self {
        Self {
            ids: self.ids.clone(),
        }
    }
}

impl<K, const LIMIT: usize> Default for BulkIds<K, LIMIT> {
    fn default() -> Self {
        Self { ids: Vec::new() }
    }
}

impl<K, const LIMIT: usize> PartialEq for BulkIds<K, LIMIT> {
    fn eq(&self, other: &Self) -> bool {
        self.ids == other.ids
    }
}

impl<K, const LIMIT: usize> Eq for BulkIds<K, LIMIT> {}

impl<K: zoho_invoice_models::ids::IdKind, const LIMIT: usize> std::fmt::Debug
    for BulkIds<K, LIMIT>
{
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(&self.ids).finish()
    }
}

impl<K, const LIMIT: usize> BulkIds<K, LIMIT> {
    /// The most ids one call takes.
    pub const LIMIT: usize = LIMIT;

    /// The ids.
    pub fn new(ids: impl IntoIterator<Item = zoho_invoice_models::ids::Id<K>>) -> Self {
        Self {
            ids: ids.into_iter().collect(),
        }
    }

    /// The ids.
    pub fn ids(&self) -> &[zoho_invoice_models::ids::Id<K>] {
        &self.ids
    }

    /// The ids in lists of at most `LIMIT`, in order (none for no ids).
    pub fn chunks(&self) -> Vec<Self> {
        self.ids
            .chunks(LIMIT.max(1))
            .map(|ids| Self { ids: ids.to_vec() })
            .collect()
    }
}

impl<K, const LIMIT: usize> From<Vec<zoho_invoice_models::ids::Id<K>>> for BulkIds<K, LIMIT> {
    fn from(ids: Vec<zoho_invoice_models::ids::Id<K>>) -> Self {
        Self { ids }
    }
}

impl<K, const LIMIT: usize> FromIterator<zoho_invoice_models::ids::Id<K>> for BulkIds<K, LIMIT> {
    fn from_iter<I: IntoIterator<Item = zoho_invoice_models::ids::Id<K>>>(iter: I) -> Self {
        Self::new(iter)
    }
}

/// Checks the count against `LIMIT` and adds `key=1,2,3`. The errors name no operation: the
/// operation sending the ids fills it in (see [`Error::in_operation`]).
impl<K: BulkKind, const LIMIT: usize> ToQuery for BulkIds<K, LIMIT> {
    fn to_query(&self, query: &mut Query) -> Result<(), Error> {
        if self.ids.is_empty() {
            return Err(ErrorKind::NoIds.into());
        }
        if self.ids.len() > LIMIT {
            return Err(ErrorKind::TooManyIds {
                limit: LIMIT,
                given: self.ids.len(),
            }
            .into());
        }
        let joined = self
            .ids
            .iter()
            .map(|id| id.as_str())
            .collect::<Vec<_>>()
            .join(",");
        query.push(K::KEY, joined);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use zoho_invoice_models::ids::InvoiceId;

    #[test]
    fn filters_use_zoho_suffixes() {
        let mut q = Query::new();
        TextFilter::StartsWith("Bow".into()).push("customer_name", &mut q);
        AmountFilter::LessEquals(Decimal::new(1050, 2)).push("total", &mut q);
        DateFilter::Between(
            NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2024, 1, 31).unwrap(),
        )
        .push("date", &mut q);
        assert_eq!(
            q.encode(),
            "customer_name_startswith=Bow&total_less_equals=10.50&date_start=2024-01-01&date_end=2024-01-31"
        );
    }

    #[test]
    fn values_are_percent_encoded() {
        let mut q = Query::new();
        q.push("search_text", "a&b=c d");
        assert_eq!(q.encode(), "search_text=a%26b%3Dc+d");
    }

    #[test]
    fn paging_is_clamped_to_the_api_limits() {
        let mut q = Query::new();
        Paging {
            page: Some(0),
            per_page: Some(500),
        }
        .to_query(&mut q)
        .unwrap();
        assert_eq!(q.encode(), "page=1&per_page=200");
    }

    #[test]
    fn bulk_ids_are_checked_before_sending() {
        use zoho_invoice_models::ids::kind::Invoice;
        let ids: BulkIds<Invoice, 25> = (1..=26u64).map(InvoiceId::from).collect();
        let mut q = Query::new();
        let err = ids.to_query(&mut q).unwrap_err();
        assert!(
            matches!(
                err.kind(),
                ErrorKind::TooManyIds {
                    limit: 25,
                    given: 26,
                }
            ),
            "{err}"
        );
        assert!(q.is_empty());
        let none: BulkIds<Invoice, 25> = BulkIds::new([]);
        let none = none.to_query(&mut q).unwrap_err();
        assert!(matches!(none.kind(), ErrorKind::NoIds), "{none}");
        let ok: BulkIds<Invoice, 25> = (1..=3u64).map(InvoiceId::from).collect();
        ok.to_query(&mut q).unwrap();
        assert_eq!(q.get("invoice_ids"), Some("1,2,3"));
        let unlimited: BulkIds<Invoice> = (1..=500u64).map(InvoiceId::from).collect();
        unlimited.to_query(&mut Query::new()).unwrap();
    }

    #[test]
    fn downloads_ask_for_a_format() {
        let mut q = Query::new();
        DownloadOptions {
            format: DocumentFormat::Html,
            print: Some(true),
        }
        .to_query(&mut q)
        .unwrap();
        assert_eq!(q.encode(), "accept=html&print=true");
        let mut q = Query::new();
        DownloadOptions::default().to_query(&mut q).unwrap();
        assert_eq!(q.encode(), "accept=pdf");
    }
}
