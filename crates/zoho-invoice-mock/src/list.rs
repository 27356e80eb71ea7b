//! Lists: the common filters (`filter_by`, `search_text`, ids, status, date and number ranges,
//! `last_modified_time`), sorting and pagination with `page_context`.

use std::cmp::Ordering;

use serde_json::{Value, json};

use crate::clock::parse_timestamp;
use crate::reply::{ApiError, codes};
use crate::state::{Record, text};
use crate::table::{STATUS_GROUPS, Table};

/// Largest page, and the default.
pub(crate) const MAX_PER_PAGE: usize = 200;

/// Query parameters that are not filters.
const RESERVED: &[&str] = &[
    "page",
    "per_page",
    "sort_column",
    "sort_order",
    "filter_by",
    "search_text",
    "organization_id",
    "accept",
    "print",
    "response_option",
    "JSONString",
    "last_modified_time",
];

/// `PartiallyPaid` -> `partially_paid`.
fn snake(s: &str) -> String {
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if ch.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(ch.to_ascii_lowercase());
    }
    out
}

/// A `filter_by` on status: the key of the table's status index and the statuses it admits.
#[derive(Debug)]
struct StatusFilter {
    key: String,
    statuses: Vec<String>,
}

fn status_filter(filter_by: &str) -> Option<StatusFilter> {
    let status = filter_by.strip_prefix("Status.")?;
    if status == "All" {
        return None;
    }
    if let Some((group, members)) = STATUS_GROUPS.iter().find(|(g, _)| *g == filter_by) {
        return Some(StatusFilter {
            key: (*group).to_owned(),
            statuses: members.iter().map(|m| (*m).to_owned()).collect(),
        });
    }
    let status = snake(status);
    Some(StatusFilter {
        key: status.clone(),
        statuses: vec![status],
    })
}

fn as_f64(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn compare_values(a: Option<&Value>, b: Option<&Value>) -> Ordering {
    if let (Some(x), Some(y)) = (as_f64(a), as_f64(b)) {
        return x.partial_cmp(&y).unwrap_or(Ordering::Equal);
    }
    let (sa, sb) = (text(a).unwrap_or_default(), text(b).unwrap_or_default());
    if let (Some(x), Some(y)) = (parse_timestamp(&sa), parse_timestamp(&sb)) {
        return x.cmp(&y);
    }
    sa.to_lowercase().cmp(&sb.to_lowercase())
}

/// Whether one record passes one query parameter.
fn passes(rec: &Record, key: &str, value: &str) -> bool {
    let field_text = |f: &str| text(rec.get(f)).unwrap_or_default();
    if let Some(f) = key.strip_suffix("_startswith") {
        return field_text(f)
            .to_lowercase()
            .starts_with(&value.to_lowercase());
    }
    if let Some(f) = key.strip_suffix("_contains") {
        return field_text(f).to_lowercase().contains(&value.to_lowercase());
    }
    for (suffix, want) in [
        ("_less_than", [Ordering::Less].as_slice()),
        ("_less_equals", &[Ordering::Less, Ordering::Equal]),
        ("_greater_than", &[Ordering::Greater]),
        ("_greater_equals", &[Ordering::Greater, Ordering::Equal]),
        ("_before", &[Ordering::Less]),
        ("_after", &[Ordering::Greater]),
        ("_start", &[Ordering::Greater, Ordering::Equal]),
        ("_end", &[Ordering::Less, Ordering::Equal]),
    ] {
        if let Some(f) = key.strip_suffix(suffix) {
            if rec.get(f).is_none() {
                return false;
            }
            let other = Value::String(value.to_string());
            return want.contains(&compare_values(rec.get(f), Some(&other)));
        }
    }
    if key == "status" {
        let value = value.to_lowercase();
        return value == "all" || field_text("status") == value;
    }
    if key.ends_with("_id") || key.ends_with("_number") || key == "email" {
        return field_text(key) == value;
    }
    true
}

/// Whether a query parameter filters records (by [`passes`]); others are ignored.
fn is_filter(key: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "_startswith",
        "_contains",
        "_less_than",
        "_less_equals",
        "_greater_than",
        "_greater_equals",
        "_before",
        "_after",
        "_start",
        "_end",
        "_id",
        "_number",
    ];
    !RESERVED.contains(&key)
        && (key == "status" || key == "email" || SUFFIXES.iter().any(|s| key.ends_with(s)))
}

/// A list request's parameters: paging, sorting and filters.
#[derive(Debug)]
pub(crate) struct ListQuery<'q> {
    query: &'q [(String, String)],
    page: usize,
    per_page: usize,
    filter_by: &'q str,
    status: Option<StatusFilter>,
    search: Option<String>,
    since: Option<i64>,
    sort_column: Option<&'q str>,
    descending: bool,
}

impl<'q> ListQuery<'q> {
    /// Reads the parameters; a Zoho 400 for a page, page size or time that is no number.
    pub(crate) fn parse(query: &'q [(String, String)]) -> Result<Self, ApiError> {
        let get = |name: &str| {
            query
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        let number = |name: &str, default: usize| -> Result<usize, ApiError> {
            match get(name) {
                None | Some("") => Ok(default),
                Some(v) => v.parse::<usize>().map_err(|_| {
                    ApiError::bad(
                        codes::INVALID_VALUE,
                        format!("Invalid value passed for {name}"),
                    )
                }),
            }
        };
        let filter_by = get("filter_by").unwrap_or("Status.All");
        let since = match get("last_modified_time") {
            None | Some("") => None,
            Some(v) => Some(parse_timestamp(v).ok_or_else(|| {
                ApiError::bad(
                    codes::INVALID_VALUE,
                    "Invalid value passed for last_modified_time",
                )
            })?),
        };
        Ok(Self {
            query,
            page: number("page", 1)?.max(1),
            per_page: number("per_page", MAX_PER_PAGE)?.clamp(1, MAX_PER_PAGE),
            filter_by,
            status: status_filter(filter_by),
            search: get("search_text")
                .map(str::to_lowercase)
                .filter(|s| !s.is_empty()),
            since,
            sort_column: get("sort_column").filter(|s| !s.is_empty()),
            descending: matches!(
                get("sort_order").map(str::to_ascii_lowercase).as_deref(),
                Some("d" | "desc" | "descending")
            ),
        })
    }

    /// Position of the page's first record among those that pass.
    fn start(&self) -> usize {
        (self.page - 1).saturating_mul(self.per_page)
    }

    /// Whether the page is a slice of a table's id order, by status at most: no sort
    /// column, search, time or field filter.
    fn in_key_order(&self) -> bool {
        self.sort_column.is_none() && self.unfiltered()
    }

    /// No search, time or field filter.
    fn unfiltered(&self) -> bool {
        self.search.is_none()
            && self.since.is_none()
            && !self.query.iter().any(|(k, _)| is_filter(k))
    }

    /// Whether a record passes the filters.
    fn admits(&self, r: &Record) -> bool {
        let status_ok = self.status.as_ref().is_none_or(|f| {
            let st = text(r.get("status")).unwrap_or_default();
            f.statuses.contains(&st)
        });
        let search_ok = self.search.as_ref().is_none_or(|needle| {
            r.values().any(|v| match v {
                Value::String(s) => s.to_lowercase().contains(needle),
                _ => false,
            })
        });
        let since_ok = self.since.is_none_or(|t| {
            text(r.get("last_modified_time"))
                .and_then(|s| parse_timestamp(&s))
                .is_some_and(|m| m >= t)
        });
        status_ok
            && search_ok
            && since_ok
            && self
                .query
                .iter()
                .filter(|(k, _)| !RESERVED.contains(&k.as_str()))
                .all(|(k, v)| passes(r, k, v))
    }

    /// The `page_context` of a page.
    fn context(&self, has_more: bool, report_name: &str) -> Value {
        json!({
            "page": self.page,
            "per_page": self.per_page,
            "has_more_page": has_more,
            "report_name": report_name,
            "applied_filter": self.filter_by,
            "sort_column": self.sort_column.unwrap_or("created_time"),
            "sort_order": if self.descending { "D" } else { "A" },
            "search_criteria": [],
        })
    }
}

/// Filters, sorts and pages `records` (by reference: only the page's own are copied);
/// returns the page and its `page_context`.
pub(crate) fn page<'r>(
    records: impl IntoIterator<Item = &'r Record>,
    query: &[(String, String)],
    report_name: &str,
) -> Result<(Vec<Record>, Value), ApiError> {
    let q = ListQuery::parse(query)?;
    let (rows, context) = filtered_page(&q, records.into_iter(), report_name);
    Ok((rows.into_iter().cloned().collect(), context))
}

/// A record's value in the sort column, read once, compared as [`compare_values`] does.
#[derive(Debug)]
struct SortKey {
    number: Option<f64>,
    time: Option<i64>,
    lower: String,
}

impl SortKey {
    fn cmp(&self, other: &Self) -> Ordering {
        if let (Some(x), Some(y)) = (self.number, other.number) {
            return x.partial_cmp(&y).unwrap_or(Ordering::Equal);
        }
        if let (Some(x), Some(y)) = (self.time, other.time) {
            return x.cmp(&y);
        }
        self.lower.cmp(&other.lower)
    }
}

/// Sorts `rows` by `col` (stable), reading each record's value once instead of at every
/// comparison; the text forms only when some value is not a number.
fn sort_rows<'r>(rows: Vec<&'r Record>, col: &str) -> Vec<&'r Record> {
    let mut keyed: Vec<(SortKey, &'r Record)> = rows
        .into_iter()
        .map(|r| {
            let key = SortKey {
                number: as_f64(r.get(col)),
                time: None,
                lower: String::new(),
            };
            (key, r)
        })
        .collect();
    if keyed.iter().any(|(k, _)| k.number.is_none()) {
        for (key, r) in &mut keyed {
            let t = text(r.get(col)).unwrap_or_default();
            key.time = parse_timestamp(&t);
            key.lower = t.to_lowercase();
        }
    }
    keyed.sort_by(|(a, _), (b, _)| a.cmp(b));
    keyed.into_iter().map(|(_, r)| r).collect()
}

/// Filters, sorts and pages the records of `rows`, by reference.
fn filtered_page<'r>(
    q: &ListQuery<'_>,
    rows: impl Iterator<Item = &'r Record>,
    report_name: &str,
) -> (Vec<&'r Record>, Value) {
    let mut rows: Vec<&Record> = rows.filter(|r| q.admits(r)).collect();
    if let Some(col) = q.sort_column {
        rows = sort_rows(rows, col);
    }
    if q.descending {
        rows.reverse();
    }
    let start = q.start();
    let has_more = rows.len() > start.saturating_add(q.per_page);
    let page_rows: Vec<&Record> = rows.into_iter().skip(start).take(q.per_page).collect();
    (page_rows, q.context(has_more, report_name))
}

/// A page of a whole table (`None`: never written to). In the table's id order, filtered by
/// status at most, it is a slice of the table's indexes, costing its own records whatever
/// the table's size; sorted by a column whose order the table keeps ([`Table::keep_order`]),
/// unfiltered, it is a walk along that order; otherwise the table's records are filtered and
/// sorted by reference.
pub(crate) fn table_page<'t>(
    table: Option<&'t Table>,
    query: &[(String, String)],
    report_name: &str,
) -> Result<(Vec<&'t Record>, Value), ApiError> {
    let q = ListQuery::parse(query)?;
    let Some(table) = table else {
        return Ok((Vec::new(), q.context(false, report_name)));
    };
    if let (Some(col), None, true) = (q.sort_column, &q.status, q.unfiltered()) {
        if let Some(slice) = table.sorted_slice(col, q.start(), q.per_page, q.descending) {
            return Ok((slice.rows, q.context(slice.has_more, report_name)));
        }
    }
    if !q.in_key_order() {
        return Ok(filtered_page(&q, table.values(), report_name));
    }
    let key = q.status.as_ref().map(|f| f.key.as_str());
    let slice = table.slice(key, q.start(), q.per_page, q.descending);
    Ok((slice.rows, q.context(slice.has_more, report_name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(v: Value) -> Record {
        match v {
            Value::Object(m) => m,
            _ => Record::new(),
        }
    }

    fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect()
    }

    #[test]
    fn filters_sorts_and_pages() {
        let rows = vec![
            rec(
                json!({"id": "1", "status": "paid", "total": 10, "date": "2024-01-02", "customer_name": "Bowman"}),
            ),
            rec(
                json!({"id": "2", "status": "overdue", "total": 30, "date": "2024-01-05", "customer_name": "Zylker"}),
            ),
            rec(
                json!({"id": "3", "status": "sent", "total": 20, "date": "2024-01-09", "customer_name": "bowman jr"}),
            ),
        ];
        let (p, ctx) = page(&rows, &q(&[("filter_by", "Status.Unpaid")]), "Invoices").expect("ok");
        assert_eq!(p.len(), 2);
        assert_eq!(ctx["applied_filter"], "Status.Unpaid");
        let (p, _) = page(&rows, &q(&[("search_text", "BOWMAN")]), "x").expect("ok");
        assert_eq!(p.len(), 2);
        let (p, _) = page(
            &rows,
            &q(&[("sort_column", "total"), ("sort_order", "D")]),
            "x",
        )
        .expect("ok");
        assert_eq!(p[0]["id"], "2");
        let (p, _) = page(
            &rows,
            &q(&[("date_start", "2024-01-03"), ("date_end", "2024-01-09")]),
            "x",
        )
        .expect("ok");
        assert_eq!(p.len(), 2);
        let (p, ctx) = page(&rows, &q(&[("per_page", "2"), ("page", "2")]), "x").expect("ok");
        assert_eq!(p.len(), 1);
        assert_eq!(ctx["has_more_page"], false);
        let (_, ctx) = page(&rows, &q(&[("per_page", "2")]), "x").expect("ok");
        assert_eq!(ctx["has_more_page"], true);
    }

    #[test]
    fn sorting_by_keys_read_once_agrees_with_comparing_values() {
        let values = [
            json!(10),
            json!("9.5"),
            json!("2024-01-05"),
            json!("2023-12-31T10:00:00+0000"),
            json!("bowman"),
            json!("Zylker"),
            json!(null),
            json!(3),
            json!("abc"),
        ];
        let rows: Vec<Record> = values
            .iter()
            .enumerate()
            .map(|(n, v)| rec(json!({"id": n, "col": v})))
            .collect();
        for subset in [&rows[..], &rows[..2], &rows[4..], &rows[7..]] {
            let mut want: Vec<&Record> = subset.iter().collect();
            want.sort_by(|a, b| compare_values(a.get("col"), b.get("col")));
            let got = sort_rows(subset.iter().collect(), "col");
            assert_eq!(got, want);
        }
    }
}
