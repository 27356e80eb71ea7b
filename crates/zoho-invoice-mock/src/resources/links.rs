//! What an invoice moves in the records it names: the estimate it was made from
//! (`invoiced_estimate_id`) becomes `invoiced`, and the time entries its lines bill
//! (`line_items[].time_entry_ids`) become `billed` until the invoice is deleted or voided,
//! or stops naming them.

use serde_json::{Value, json};

use crate::ctx::Ctx;
use crate::reply::{ApiError, HResult};
use crate::resources::defs::{ESTIMATES, Mode, TIME_ENTRIES};
use crate::resources::{billing, generic};
use crate::state::{Record, text};

/// `billed_status` of a time entry an invoice bills.
pub(crate) const BILLED: &str = "billed";
/// `billed_status` of a time entry no invoice bills.
pub(crate) const UNBILLED: &str = "unbilled";

/// Prepare hook of invoices: [`billing::prepare_invoice`], then the estimate and the time
/// entries the invoice names are checked and moved (last, so nothing moves when a check
/// fails).
pub(crate) fn prepare_invoice(
    c: &mut Ctx<'_>,
    rec: &mut Record,
    mode: Mode,
) -> Result<(), ApiError> {
    billing::prepare_invoice(c, rec, mode)?;
    let invoice_id = text(rec.get("invoice_id")).unwrap_or_default();
    let estimate = text(rec.get("invoiced_estimate_id"));
    if let Some(eid) = &estimate {
        if c.org.get(ESTIMATES.table, eid).is_none() {
            return Err(ApiError::invalid("invoiced_estimate_id"));
        }
    }
    let void = text(rec.get("status")).as_deref() == Some("void");
    let entries = if void {
        Vec::new()
    } else {
        time_entry_ids(rec)?
    };
    check_entries(c, &invoice_id, &entries)?;
    if let Some(eid) = estimate {
        mark_estimate_invoiced(c, &eid, &invoice_id);
    }
    let number = text(rec.get("invoice_number")).unwrap_or_default();
    bill_entries(c, &invoice_id, &number, &entries);
    Ok(())
}

/// Delete hook of invoices: [`billing::delete_invoice`], then its time entries are unbilled
/// and its estimate forgets it.
pub(crate) fn delete_invoice(c: &mut Ctx<'_>, rec: &Record) -> Result<(), ApiError> {
    billing::delete_invoice(c, rec)?;
    let invoice_id = text(rec.get("invoice_id")).unwrap_or_default();
    bill_entries(c, &invoice_id, "", &[]);
    if let Some(eid) = text(rec.get("invoiced_estimate_id")) {
        unlink_estimate(c, &eid, &invoice_id);
    }
    Ok(())
}

/// The time entries a voided invoice billed are unbilled.
pub(crate) fn unbill(c: &mut Ctx<'_>, invoice_id: &str) {
    bill_entries(c, invoice_id, "", &[]);
}

/// The time entries a void invoice's lines name are billed again when it becomes a draft;
/// refused when another invoice bills one of them now.
pub(crate) fn rebill(c: &mut Ctx<'_>, invoice: &Record) -> Result<(), ApiError> {
    let invoice_id = text(invoice.get("invoice_id")).unwrap_or_default();
    let entries = time_entry_ids(invoice)?;
    check_entries(c, &invoice_id, &entries)?;
    let number = text(invoice.get("invoice_number")).unwrap_or_default();
    bill_entries(c, &invoice_id, &number, &entries);
    Ok(())
}

/// The time entries the invoice's lines name (`time_entry_ids`: an array or a
/// comma-separated string), each once.
fn time_entry_ids(rec: &Record) -> Result<Vec<String>, ApiError> {
    let mut ids: Vec<String> = Vec::new();
    let Some(Value::Array(lines)) = rec.get("line_items") else {
        return Ok(ids);
    };
    for line in lines {
        let named = match line.get("time_entry_ids") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(a)) => a.iter().map(|v| text(Some(v))).collect(),
            Some(Value::String(s)) => s.split(',').map(|p| text(Some(&json!(p)))).collect(),
            Some(_) => return Err(ApiError::invalid("time_entry_ids")),
        };
        for id in named {
            let id = id.ok_or_else(|| ApiError::invalid("time_entry_ids"))?;
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    Ok(ids)
}

/// Each entry must exist and be billed by no other invoice.
fn check_entries(c: &Ctx<'_>, invoice_id: &str, ids: &[String]) -> Result<(), ApiError> {
    for id in ids {
        let entry = c
            .org
            .get(TIME_ENTRIES.table, id)
            .ok_or_else(|| ApiError::invalid("time_entry_ids"))?;
        let billed_by = text(entry.get("invoice_id"));
        if billed_by.is_some_and(|by| by != invoice_id) {
            return Err(ApiError::state(format!(
                "The time entry {id} has already been invoiced."
            )));
        }
    }
    Ok(())
}

/// Makes `ids` the time entries `invoice_id` bills: they become billed, and those it billed
/// before and no longer names become unbilled.
fn bill_entries(c: &mut Ctx<'_>, invoice_id: &str, number: &str, ids: &[String]) {
    let before: Vec<String> = c
        .org
        .rows(TIME_ENTRIES.table)
        .filter(|t| text(t.get("invoice_id")).as_deref() == Some(invoice_id))
        .filter_map(|t| text(t.get("time_entry_id")))
        .collect();
    let stamp = json!(c.timestamp());
    for id in before.iter().filter(|id| !ids.contains(id)) {
        if let Some(mut t) = c.org.get_mut(TIME_ENTRIES.table, id) {
            t.insert("billed_status".into(), json!(UNBILLED));
            t.insert("invoice_id".into(), json!(""));
            t.insert("invoice_number".into(), json!(""));
            t.insert("last_modified_time".into(), stamp.clone());
        }
    }
    for id in ids {
        if let Some(mut t) = c.org.get_mut(TIME_ENTRIES.table, id) {
            t.insert("billed_status".into(), json!(BILLED));
            t.insert("invoice_id".into(), json!(invoice_id));
            t.insert("invoice_number".into(), json!(number));
            t.insert("last_modified_time".into(), stamp.clone());
        }
    }
}

/// The estimate becomes `invoiced` and lists the invoice in `invoice_ids`.
fn mark_estimate_invoiced(c: &mut Ctx<'_>, estimate_id: &str, invoice_id: &str) {
    let stamp = json!(c.timestamp());
    if let Some(mut est) = c.org.get_mut(ESTIMATES.table, estimate_id) {
        let mut ids = invoice_ids(&est);
        if !ids.iter().any(|i| i == invoice_id) {
            ids.push(invoice_id.to_owned());
        }
        est.insert("invoice_ids".into(), json!(ids));
        est.insert("status".into(), json!("invoiced"));
        est.insert("last_modified_time".into(), stamp);
    }
}

/// The estimate forgets a deleted invoice; with none left it is `accepted` again.
fn unlink_estimate(c: &mut Ctx<'_>, estimate_id: &str, invoice_id: &str) {
    let stamp = json!(c.timestamp());
    if let Some(mut est) = c.org.get_mut(ESTIMATES.table, estimate_id) {
        let ids: Vec<String> = invoice_ids(&est)
            .into_iter()
            .filter(|i| i != invoice_id)
            .collect();
        if ids.is_empty() {
            est.insert("status".into(), json!("accepted"));
        }
        est.insert("invoice_ids".into(), json!(ids));
        est.insert("last_modified_time".into(), stamp);
    }
}

fn invoice_ids(est: &Record) -> Vec<String> {
    match est.get("invoice_ids") {
        Some(Value::Array(a)) => a.iter().filter_map(|v| text(Some(v))).collect(),
        _ => Vec::new(),
    }
}

/// `GET /projects/timeentries`: `filter_by=Status.Unbilled` lists the unbilled entries,
/// `Status.Invoiced` (or `Status.Billed`) the billed ones; other filters as any list.
pub(crate) fn list_time_entries(c: &mut Ctx<'_>) -> HResult {
    let filter = c.query("filter_by").unwrap_or_default().to_owned();
    let wanted = match filter.as_str() {
        "Status.Unbilled" => UNBILLED,
        "Status.Invoiced" | "Status.Billed" => BILLED,
        _ => return generic::list(c, &TIME_ENTRIES),
    };
    let query: Vec<(String, String)> = c
        .query
        .iter()
        .filter(|(k, _)| k != "filter_by")
        .cloned()
        .collect();
    let rows = c
        .org
        .rows(TIME_ENTRIES.table)
        .filter(|t| text(t.get("billed_status")).as_deref() == Some(wanted));
    let (page, mut context) = crate::list::page(rows, &query, "Time Entries")?;
    context["applied_filter"] = json!(filter);
    let page: Vec<&Record> = page.iter().collect();
    crate::reply::Reply::list(TIME_ENTRIES.many, &page, &context)
}
