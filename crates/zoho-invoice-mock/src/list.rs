//! Lists: the common filters (`filter_by`, `search_text`, ids, status, date and number ranges,
//! `last_modified_time`), sorting and pagination with `page_context`.

use std::borrow::Borrow;
use std::cmp::Ordering;

use serde_json::{Value, json};

use crate::clock::parse_timestamp;
use crate::reply::{ApiError, codes};
use crate::state::{Record, text};

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

fn status_filter(filter_by: &str) -> Option<Vec<String>> {
    let status = filter_by.strip_prefix("Status.")?;
    match status {
        "All" => None,
        "Unpaid" => Some(vec![
            "sent".into(),
            "overdue".into(),
            "partially_paid".into(),
        ]),
        other => Some(vec![snake(other)]),
    }
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

/// Filters, sorts and pages `records`; returns the page and its `page_context`.
pub(crate) fn page<R: Borrow<Record>>(
    records: Vec<R>,
    query: &[(String, String)],
    report_name: &str,
) -> Result<(Vec<Record>, Value), ApiError> {
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
    let page = number("page", 1)?.max(1);
    let per_page = number("per_page", MAX_PER_PAGE)?.clamp(1, MAX_PER_PAGE);
    let filter_by = get("filter_by").unwrap_or("Status.All");
    let statuses = status_filter(filter_by);
    let search = get("search_text")
        .map(str::to_lowercase)
        .filter(|s| !s.is_empty());
    let since = match get("last_modified_time") {
        None | Some("") => None,
        Some(v) => Some(parse_timestamp(v).ok_or_else(|| {
            ApiError::bad(
                codes::INVALID_VALUE,
                "Invalid value passed for last_modified_time",
            )
        })?),
    };
    // Records are filtered and sorted by reference: only the page's own are copied.
    let mut rows: Vec<&Record> = records.iter().map(Borrow::borrow).collect();
    rows.retain(|r| {
        statuses.as_ref().is_none_or(|s| {
            let st = text(r.get("status")).unwrap_or_default();
            s.contains(&st)
        })
    });
    let rows: Vec<&Record> = rows
        .into_iter()
        .filter(|r| {
            search.as_ref().is_none_or(|needle| {
                r.values().any(|v| match v {
                    Value::String(s) => s.to_lowercase().contains(needle),
                    _ => false,
                })
            })
        })
        .filter(|r| {
            since.is_none_or(|t| {
                text(r.get("last_modified_time"))
                    .and_then(|s| parse_timestamp(&s))
                    .is_some_and(|m| m >= t)
            })
        })
        .filter(|r| {
            query
                .iter()
                .filter(|(k, _)| !RESERVED.contains(&k.as_str()) && k != "organization_id")
                .all(|(k, v)| passes(r, k, v))
        })
        .collect();
    let sort_column = get("sort_column").filter(|s| !s.is_empty());
    let descending = matches!(
        get("sort_order").map(str::to_ascii_lowercase).as_deref(),
        Some("d" | "desc" | "descending")
    );
    let mut rows = rows;
    if let Some(col) = sort_column {
        rows.sort_by(|a, b| compare_values(a.get(col), b.get(col)));
    }
    if descending {
        rows.reverse();
    }
    let start = (page - 1).saturating_mul(per_page);
    let has_more = rows.len() > start.saturating_add(per_page);
    let page_rows: Vec<Record> = rows
        .into_iter()
        .skip(start)
        .take(per_page)
        .cloned()
        .collect();
    let context = json!({
        "page": page,
        "per_page": per_page,
        "has_more_page": has_more,
        "report_name": report_name,
        "applied_filter": filter_by,
        "sort_column": sort_column.unwrap_or("created_time"),
        "sort_order": if descending { "D" } else { "A" },
        "search_criteria": [],
    });
    Ok((page_rows, context))
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
        let (p, ctx) = page(
            rows.clone(),
            &q(&[("filter_by", "Status.Unpaid")]),
            "Invoices",
        )
        .expect("ok");
        assert_eq!(p.len(), 2);
        assert_eq!(ctx["applied_filter"], "Status.Unpaid");
        let (p, _) = page(rows.clone(), &q(&[("search_text", "BOWMAN")]), "x").expect("ok");
        assert_eq!(p.len(), 2);
        let (p, _) = page(
            rows.clone(),
            &q(&[("sort_column", "total"), ("sort_order", "D")]),
            "x",
        )
        .expect("ok");
        assert_eq!(p[0]["id"], "2");
        let (p, _) = page(
            rows.clone(),
            &q(&[("date_start", "2024-01-03"), ("date_end", "2024-01-09")]),
            "x",
        )
        .expect("ok");
        assert_eq!(p.len(), 2);
        let (p, ctx) =
            page(rows.clone(), &q(&[("per_page", "2"), ("page", "2")]), "x").expect("ok");
        assert_eq!(p.len(), 1);
        assert_eq!(ctx["has_more_page"], false);
        let (_, ctx) = page(rows, &q(&[("per_page", "2")]), "x").expect("ok");
        assert_eq!(ctx["has_more_page"], true);
    }
}
