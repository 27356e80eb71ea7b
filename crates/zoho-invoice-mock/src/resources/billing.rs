//! Sales documents: line items and totals, invoice balances and statuses (draft -> sent ->
//! partially paid / paid, overdue by due date, void), and their status operations.

use serde_json::{Value, json};

use crate::clock::{format_date, parse_date};
use crate::ctx::Ctx;
use crate::numbers::{MAX_PAYMENT_TERMS, add_cents, integer};
use crate::reply::{ApiError, HResult, Reply};
use crate::resources::defs::{CONTACTS, INVOICES, Mode, RETAINER_INVOICES, Res};
use crate::resources::{amounts, generic, totals};
use crate::state::{Record, cents, text};

/// Checks `customer_id` names a contact and copies its name.
pub(crate) fn check_customer(c: &Ctx<'_>, rec: &mut Record) -> Result<(), ApiError> {
    let Some(cid) = text(rec.get("customer_id")) else {
        return Ok(());
    };
    let contact = c
        .org
        .get(CONTACTS.table, &cid)
        .ok_or_else(|| ApiError::invalid("customer_id"))?;
    let name = contact.get("contact_name").cloned().unwrap_or(json!(""));
    let currency = contact
        .get("currency_code")
        .cloned()
        .unwrap_or(json!("USD"));
    rec.insert("customer_id".into(), json!(cid));
    rec.insert("customer_name".into(), name);
    rec.entry("currency_code").or_insert(currency);
    Ok(())
}

/// Customer, line items and totals of a document with line items; returns the total in
/// cents.
fn totals(c: &mut Ctx<'_>, rec: &mut Record) -> Result<i64, ApiError> {
    check_customer(c, rec)?;
    let total = totals::compute(c, rec)?;
    let today = c.today();
    if text(rec.get("date")).is_none() {
        rec.insert("date".into(), json!(today));
    }
    Ok(total)
}

/// Prepare hook of estimates and recurring invoices.
pub(crate) fn prepare_document(c: &mut Ctx<'_>, rec: &mut Record, _: Mode) -> Result<(), ApiError> {
    totals(c, rec).map(|_| ())
}

/// The due date of a document: its date plus its payment terms (days, checked to be within
/// range), as `YYYY-MM-DD`.
fn due_date(c: &Ctx<'_>, rec: &Record) -> Result<String, ApiError> {
    let terms = integer(
        rec.get("payment_terms"),
        "payment_terms",
        0,
        MAX_PAYMENT_TERMS,
    )?
    .unwrap_or(0);
    let date = text(rec.get("date"))
        .and_then(|d| parse_date(&d))
        .unwrap_or(c.now.div_euclid(86_400));
    let epoch = date
        .checked_add(terms)
        .and_then(|d| d.checked_mul(86_400))
        .ok_or_else(|| ApiError::invalid("date"))?;
    Ok(format_date(epoch))
}

/// Prepare hook of invoices and retainer invoices: totals, due date and balance.
pub(crate) fn prepare_invoice(
    c: &mut Ctx<'_>,
    rec: &mut Record,
    mode: Mode,
) -> Result<(), ApiError> {
    let total = totals(c, rec)?;
    if text(rec.get("due_date")).is_none() {
        let due = due_date(c, rec)?;
        rec.insert("due_date".into(), json!(due));
    }
    if mode == Mode::Create {
        for f in ["payment_made", "credits_applied", "write_off_amount"] {
            amounts::put(rec, f, 0);
        }
        rec.insert("is_emailed".into(), json!(false));
        rec.insert("documents".into(), json!([]));
    }
    let paid = paid_cents(rec);
    if total < paid {
        return Err(ApiError::bad(
            crate::reply::codes::AMOUNT_EXCEEDS,
            "The total cannot be less than the amount already paid.",
        ));
    }
    amounts::put(rec, "balance", total - paid);
    Ok(())
}

/// Prepare hook of credit notes: totals and an open balance.
pub(crate) fn prepare_credit_note(
    c: &mut Ctx<'_>,
    rec: &mut Record,
    mode: Mode,
) -> Result<(), ApiError> {
    let total = totals(c, rec)?;
    if mode == Mode::Create {
        amounts::put(rec, "credits_used", 0);
        amounts::put(rec, "refunded_amount", 0);
    }
    let used = cents(rec.get("credits_used")).unwrap_or(0)
        + cents(rec.get("refunded_amount")).unwrap_or(0);
    let balance = add_cents(total, -used, "balance")?;
    amounts::put(rec, "balance", balance);
    Ok(())
}

/// Prepare hook of expenses and recurring expenses: the customer's and the account's names.
pub(crate) fn prepare_expense(c: &mut Ctx<'_>, rec: &mut Record, _: Mode) -> Result<(), ApiError> {
    check_customer(c, rec)?;
    if let Some(account) = text(rec.get("account_id")) {
        let name = crate::resources::settings::expense_account(c.org, &account)
            .and_then(|a| text(a.get("category_name")));
        if let Some(name) = name {
            rec.insert("account_name".into(), json!(name));
        }
    }
    if text(rec.get("date")).is_none() {
        let today = c.today();
        rec.insert("date".into(), json!(today));
    }
    Ok(())
}

/// What has been paid, credited or written off, in cents.
pub(crate) fn paid_cents(rec: &Record) -> i64 {
    ["payment_made", "credits_applied", "write_off_amount"]
        .iter()
        .map(|f| cents(rec.get(*f)).unwrap_or(0))
        .sum()
}

/// Derives an invoice's status from its balance and due date.
pub(crate) fn refresh_invoice(now: i64, rec: &mut Record) {
    let status = text(rec.get("status")).unwrap_or_default();
    // Drafts, void invoices and invoices in approval keep their status until sent.
    if matches!(
        status.as_str(),
        "draft" | "void" | "pending_approval" | "approved"
    ) {
        return;
    }
    let balance = cents(rec.get("balance")).unwrap_or(0);
    let paid = paid_cents(rec);
    let today = now.div_euclid(86_400);
    let overdue = text(rec.get("due_date"))
        .and_then(|d| parse_date(&d))
        .is_some_and(|d| d < today);
    let next = if balance <= 0 {
        "paid"
    } else if overdue {
        "overdue"
    } else if paid > 0 {
        "partially_paid"
    } else {
        "sent"
    };
    rec.insert("status".into(), json!(next));
}

/// When a refreshed invoice next changes status on its own: the first second of the day
/// after its due date, for a sent or partly paid invoice with a balance.
pub(crate) fn invoice_wakeup(rec: &Record) -> Option<i64> {
    let status = text(rec.get("status"))?;
    if !matches!(status.as_str(), "sent" | "partially_paid")
        || cents(rec.get("balance")).unwrap_or(0) <= 0
    {
        return None;
    }
    let due = text(rec.get("due_date")).and_then(|d| parse_date(&d))?;
    due.checked_add(1)?.checked_mul(86_400)
}

/// Moves an invoice's paid amount by `delta` cents in `field`, checking the balance.
pub(crate) fn adjust_invoice(
    c: &mut Ctx<'_>,
    invoice_id: &str,
    field: &str,
    delta: i64,
) -> Result<(), ApiError> {
    let now = c.now;
    let mut inv = c
        .org
        .get_mut(INVOICES.table, invoice_id)
        .ok_or_else(|| ApiError::invalid("invoice_id"))?;
    let status = text(inv.get("status")).unwrap_or_default();
    if status == "void" {
        return Err(ApiError::state("The invoice is void."));
    }
    let balance = cents(inv.get("balance")).unwrap_or(0);
    if delta > balance {
        return Err(ApiError::bad(
            crate::reply::codes::AMOUNT_EXCEEDS,
            "The amount applied exceeds the balance of the invoice.",
        ));
    }
    let current = cents(inv.get(field)).unwrap_or(0);
    amounts::put(&mut inv, field, current + delta);
    amounts::put(&mut inv, "balance", balance - delta);
    if status == "draft" {
        inv.insert("status".into(), json!("sent"));
    }
    refresh_invoice(now, &mut inv);
    let ts = crate::clock::format_timestamp(now);
    inv.insert("last_modified_time".into(), json!(ts));
    Ok(())
}

/// Delete hook of invoices: refused while payments or credits are applied.
pub(crate) fn delete_invoice(_: &mut Ctx<'_>, rec: &Record) -> Result<(), ApiError> {
    if cents(rec.get("payment_made")).unwrap_or(0) > 0
        || cents(rec.get("credits_applied")).unwrap_or(0) > 0
    {
        return Err(ApiError::state(
            "Invoices with payments or credits applied cannot be deleted.",
        ));
    }
    Ok(())
}

/// `POST /invoices/{id}/status/sent` and the like: a draft, or an approved record, is sent.
pub(crate) fn mark_sent(c: &mut Ctx<'_>, res: &Res) -> HResult {
    generic::transition(
        c,
        res,
        &["draft", "approved"],
        "sent",
        &format!(
            "{} status has been changed to Sent.",
            crate::reply::capitalize(res.label)
        ),
    )
}

/// `POST /invoices/{id}/status/void`: a void invoice bills no time entry (they are unbilled,
/// as when it is deleted).
pub(crate) fn void(c: &mut Ctx<'_>, res: &Res) -> HResult {
    let id = c.last_param().to_string();
    let rec = generic::load(c, res, &id)?;
    if paid_cents(&rec) > 0 && res.table == INVOICES.table {
        return Err(ApiError::state(
            "Invoices with payments applied cannot be voided.",
        ));
    }
    if res.table == INVOICES.table {
        crate::resources::links::unbill(c, &id);
    }
    generic::transition(
        c,
        res,
        &[],
        "void",
        &format!(
            "{} status has been changed to Void.",
            crate::reply::capitalize(res.label)
        ),
    )
}

/// `POST /invoices/{id}/status/draft`: from sent or void back to draft (a void invoice's
/// time entries are billed again, unless another invoice bills them now).
pub(crate) fn mark_draft(c: &mut Ctx<'_>, res: &Res) -> HResult {
    let id = c.last_param().to_string();
    let rec = generic::load(c, res, &id)?;
    if paid_cents(&rec) > 0 {
        return Err(ApiError::state(
            "Invoices with payments applied cannot be marked as draft.",
        ));
    }
    let status = text(rec.get("status")).unwrap_or_default();
    if res.table == INVOICES.table && status == "void" {
        crate::resources::links::rebill(c, &rec)?;
    }
    let message = format!(
        "Status of {} changed from {} to Draft.",
        res.label,
        text(rec.get("status")).unwrap_or_default()
    );
    generic::transition(c, res, &["sent", "void", "overdue"], "draft", &message)
}

/// `POST /invoices/{id}/writeoff`: the balance is written off and the invoice is paid.
pub(crate) fn write_off(c: &mut Ctx<'_>) -> HResult {
    let id = c.last_param().to_string();
    let rec = generic::load(c, &INVOICES, &id)?;
    let balance = cents(rec.get("balance")).unwrap_or(0);
    if balance <= 0 || text(rec.get("status")).as_deref() == Some("draft") {
        return Err(ApiError::state(
            "Only unpaid sent invoices can be written off.",
        ));
    }
    adjust_invoice(c, &id, "write_off_amount", balance)?;
    generic::add_history(c, &INVOICES, &id, "Invoice written off");
    Ok(Reply::ok("Invoice has been written off.", vec![]))
}

/// `POST /invoices/{id}/writeoff/cancel`.
pub(crate) fn cancel_write_off(c: &mut Ctx<'_>) -> HResult {
    let id = c.param("invoice_id").to_string();
    let rec = generic::load(c, &INVOICES, &id)?;
    let written = cents(rec.get("write_off_amount")).unwrap_or(0);
    if written <= 0 {
        return Err(ApiError::state("The invoice has not been written off."));
    }
    let now = c.now;
    if let Some(mut inv) = c.org.get_mut(INVOICES.table, &id) {
        let balance = cents(inv.get("balance")).unwrap_or(0);
        amounts::put(&mut inv, "write_off_amount", 0);
        amounts::put(&mut inv, "balance", balance + written);
        refresh_invoice(now, &mut inv);
    }
    generic::add_history(c, &INVOICES, &id, "Write off cancelled");
    Ok(Reply::ok(
        "The write off done for this invoice has been cancelled.",
        vec![],
    ))
}

/// `POST /estimates/{id}/status/accepted|declined`.
pub(crate) fn estimate_decision(c: &mut Ctx<'_>, res: &Res, to: &str) -> HResult {
    generic::transition(
        c,
        res,
        &["sent"],
        to,
        &format!("Estimate status has been changed to {to}."),
    )
}

/// `PUT /things/{id}/address/billing|shipping`.
pub(crate) fn set_address(c: &mut Ctx<'_>, res: &Res, which: &str) -> HResult {
    let id = c.param(res.id).to_string();
    let input = c.input()?;
    generic::patch_id(
        c,
        res,
        &id,
        &[(which, Value::Object(input))],
        &format!(
            "{} address updated",
            crate::reply::capitalize(which.trim_end_matches("_address"))
        ),
    )
}

/// `PUT /things/{id}/templates/{template_id}`: the template must be one of the
/// organization's.
pub(crate) fn set_template(c: &mut Ctx<'_>, res: &Res) -> HResult {
    let id = c.param(res.id).to_string();
    let template = c.param("template_id").to_string();
    generic::load(c, res, &id)?;
    if !crate::resources::misc::TEMPLATE_IDS.contains(&template.as_str()) {
        return Err(ApiError::not_found("template"));
    }
    generic::patch_id(
        c,
        res,
        &id,
        &[("template_id", json!(template))],
        &format!("The {} has been updated.", res.label),
    )
}

/// Emails one document: it is marked as emailed and a draft becomes sent.
pub(crate) fn email_one(c: &mut Ctx<'_>, res: &Res) -> HResult {
    let id = c.param(res.id).to_string();
    let rec = generic::load(c, res, &id)?;
    let mut fields = vec![("is_emailed", json!(true))];
    if text(rec.get("status")).as_deref() == Some("draft")
        && res.table != crate::resources::defs::CREDIT_NOTES.table
    {
        fields.push(("status", json!("sent")));
    }
    // Files sent with the email (`attachments` parts beside the `JSONString` one) are named in
    // the message and the record's history.
    let attached: Vec<&str> = c
        .body
        .files
        .iter()
        .filter(|f| f.field == "attachments")
        .map(|f| f.file_name.as_str())
        .collect();
    let message = if attached.is_empty() {
        format!("Your {} has been sent.", res.label)
    } else {
        format!(
            "Your {} has been sent with {}.",
            res.label,
            attached.join(", ")
        )
    };
    generic::patch_id(c, res, &id, &fields, &message)
}

/// Bulk email and reminders: at most `max` ids, each must exist. Reminders answer with an
/// `info` report of what was sent (`report`), emails with a message only, as the reference
/// shows them.
pub(crate) fn bulk_email(
    c: &mut Ctx<'_>,
    res: &Res,
    ids_param: &str,
    max: usize,
    report: bool,
) -> HResult {
    let ids = c.id_list(ids_param);
    if ids.is_empty() {
        return Err(ApiError::missing(ids_param));
    }
    if ids.len() > max {
        return Err(ApiError::bad(
            crate::reply::codes::TOO_MANY_IDS,
            format!("At most {max} {} can be processed at a time.", res.many),
        ));
    }
    for id in &ids {
        generic::load(c, res, id)?;
    }
    for id in &ids {
        let rec = generic::load(c, res, id)?;
        let mut r = rec.clone();
        r.insert("is_emailed".into(), json!(true));
        if text(rec.get("status")).as_deref() == Some("draft") {
            r.insert("status".into(), json!("sent"));
        }
        res.refresh(c.now, &mut r);
        generic::store(c, res, r);
        generic::add_history(c, res, id, "Emailed");
    }
    if !report {
        return Ok(Reply::ok(
            &format!("Mission accomplished! We've sent all the {}.", res.many),
            vec![],
        ));
    }
    Ok(Reply::ok(
        "success",
        vec![(
            "info",
            json!({"email_success_info": {"message": "The reminders were successfully sent", "sent_count": ids.len()}}),
        )],
    ))
}

/// `GET /things/{id}/email`: the email a document would be sent with.
pub(crate) fn email_content(c: &mut Ctx<'_>, res: &Res) -> HResult {
    let id = c.param(res.id).to_string();
    let rec = generic::load(c, res, &id)?;
    let number = res
        .number
        .and_then(|(f, _)| text(rec.get(f)))
        .unwrap_or_else(|| id.clone());
    let data = json!({
        "body": format!("Dear Customer, please find {} {number} attached.", res.label),
        "subject": format!("{} - {number}", crate::reply::capitalize(res.label)),
        "to_contacts": [],
        "file_name": format!("{number}.pdf"),
        "from_emails": [{"user_name": "John David", "email": "johndavid@zylker.com", "is_org_email_id": true}],
        "customer_id": rec.get("customer_id").cloned().unwrap_or(json!("")),
        "error_list": [],
    });
    let Value::Object(mut data) = data else {
        return Ok(Reply::ok("success", vec![]));
    };
    let default_template =
        json!([{"selected": true, "name": "Default", "email_template_id": "982000000000067"}]);
    if res.table == RETAINER_INVOICES.table {
        data.insert("gateways_configured".into(), json!(false));
        data.insert("deprecated_placeholders_used".into(), json!([]));
        data.insert("attachment_name".into(), json!(""));
        data.insert("email_template_id".into(), json!("982000000000067"));
    } else {
        data.insert("emailtemplates".into(), default_template);
    }
    if res.table == INVOICES.table {
        Ok(Reply::ok("success", vec![("data", Value::Object(data))]))
    } else {
        Ok(Reply::Json(
            200,
            crate::resources::misc::merge_envelope(data),
        ))
    }
}
