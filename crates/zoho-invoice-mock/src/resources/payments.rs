//! Money moving between records: customer payments applied to invoices, credit notes
//! applied to invoices, and refunds of payments and credit notes.

use serde_json::{Value, json};

use crate::ctx::Ctx;
use crate::money::round_to;
use crate::numbers::{add_cents, sum_cents};
use crate::reply::{ApiError, HResult, Reply, codes};
use crate::resources::amounts::currency_of;
use crate::resources::billing::{adjust_invoice, check_customer};
use crate::resources::defs::{CREDIT_NOTES, INVOICES, Mode, PAYMENTS, RETAINER_INVOICES};
use crate::resources::{amounts, generic};
use crate::state::{Record, cents, money, text};
use crate::validate::Target;

/// Table of payment applications (one row per payment and invoice).
const INVOICE_PAYMENTS: &str = "invoice_payments";
/// Table of credit applications (one row per credit note and invoice).
const CREDITS_APPLIED: &str = "credits_applied";

fn exceeds(what: &str) -> ApiError {
    ApiError::bad(
        codes::AMOUNT_EXCEEDS,
        format!("The amount exceeds the {what}."),
    )
}

/// The `(invoice_id, cents)` pairs of an `invoices` array, each amount rounded to
/// `decimals` of the currency and more than zero.
fn applications(
    v: Option<&Value>,
    id_field: &str,
    decimals: u32,
) -> Result<Vec<(String, i64)>, ApiError> {
    let Some(Value::Array(list)) = v else {
        return Ok(Vec::new());
    };
    list.iter()
        .map(|e| {
            let id = text(e.get(id_field)).ok_or_else(|| ApiError::missing(id_field))?;
            let entry = e.as_object().ok_or_else(|| ApiError::invalid(id_field))?;
            Ok((id, positive_amount(entry, "amount_applied", decimals)?))
        })
        .collect()
}

/// An amount field in cents, rounded half away from zero to `decimals` of the record's
/// currency (a yen payment of 100.4 is 100); refused when absent, not more than zero, or
/// beyond the bounds of [`crate::numbers`].
fn positive_amount(rec: &Record, field: &str, decimals: u32) -> Result<i64, ApiError> {
    let amount =
        crate::numbers::amount(rec.get(field), field)?.ok_or_else(|| ApiError::missing(field))?;
    let amount = round_to(amount, decimals);
    if amount <= 0 {
        return Err(ApiError::invalid(field));
    }
    Ok(amount)
}

/// Copies the currency of `from` (a payment, a credit note) onto `rec` (its refund).
fn same_currency(from: &Record, rec: &mut Record) {
    for f in [
        "currency_id",
        "currency_code",
        "currency_symbol",
        "price_precision",
    ] {
        if let Some(v) = from.get(f) {
            rec.insert(f.into(), v.clone());
        }
    }
}

/// Applies `cents` of payment `payment` to an invoice and records the application.
fn apply_payment_to(
    c: &mut Ctx<'_>,
    payment: &Record,
    invoice_id: &str,
    amount: i64,
) -> Result<Record, ApiError> {
    adjust_invoice(c, invoice_id, "payment_made", amount)?;
    let inv = c
        .org
        .get(INVOICES.table, invoice_id)
        .cloned()
        .unwrap_or_default();
    let row_id = c.new_id();
    let row = json!({
        "invoice_payment_id": row_id,
        "payment_id": payment.get("payment_id").cloned().unwrap_or(json!("")),
        "payment_number": payment.get("payment_number").cloned().unwrap_or(json!("")),
        "invoice_id": invoice_id,
        "invoice_number": inv.get("invoice_number").cloned().unwrap_or(json!("")),
        "payment_mode": payment.get("payment_mode").cloned().unwrap_or(json!("cash")),
        "description": payment.get("description").cloned().unwrap_or(json!("")),
        "date": payment.get("date").cloned().unwrap_or(json!("")),
        "reference_number": payment.get("reference_number").cloned().unwrap_or(json!("")),
        "exchange_rate": 1,
        "amount": money(amount),
        "amount_applied": money(amount),
        "balance_amount": inv.get("balance").cloned().unwrap_or(json!(0)),
        "total": inv.get("total").cloned().unwrap_or(json!(0)),
        "tax_amount_withheld": 0,
        "online_transaction_id": "",
        "is_single_invoice_payment": true,
    });
    let Value::Object(row) = row else {
        return Err(ApiError::new(500, codes::INTERNAL, "Internal error"));
    };
    c.org.table(INVOICE_PAYMENTS).insert(row_id, row.clone());
    generic::add_history(
        c,
        &INVOICES,
        invoice_id,
        &format!("Payment of {} recorded", money(amount)),
    );
    Ok(row)
}

/// Undoes every application of a payment.
fn unapply_payment(c: &mut Ctx<'_>, payment_id: &str) {
    let rows: Vec<Record> = c
        .org
        .rows(INVOICE_PAYMENTS)
        .filter(|r| text(r.get("payment_id")).as_deref() == Some(payment_id))
        .cloned()
        .collect();
    for row in rows {
        remove_payment_row(c, &row);
    }
}

fn remove_payment_row(c: &mut Ctx<'_>, row: &Record) {
    let invoice_id = text(row.get("invoice_id")).unwrap_or_default();
    let amount = cents(row.get("amount")).unwrap_or(0);
    let now = c.now;
    if let Some(mut inv) = c.org.get_mut(INVOICES.table, &invoice_id) {
        let made = cents(inv.get("payment_made")).unwrap_or(0);
        let balance = cents(inv.get("balance")).unwrap_or(0);
        amounts::put(&mut inv, "payment_made", made - amount);
        amounts::put(&mut inv, "balance", balance + amount);
        crate::resources::billing::refresh_invoice(now, &mut inv);
    }
    if let Some(id) = text(row.get("invoice_payment_id")) {
        c.org.table(INVOICE_PAYMENTS).remove(&id);
    }
}

/// Prepare hook of customer payments: applies the amounts to the invoices.
pub(crate) fn prepare_payment(
    c: &mut Ctx<'_>,
    rec: &mut Record,
    mode: Mode,
) -> Result<(), ApiError> {
    check_customer(c, rec)?;
    let currency = amounts::set_currency(c.org, rec);
    let amount = positive_amount(rec, "amount", currency.decimals)?;
    let apps = applications(rec.get("invoices"), "invoice_id", currency.decimals)?;
    let applied = sum_cents(apps.iter().map(|(_, a)| *a), "amount_applied")?;
    if applied > amount {
        return Err(exceeds("payment amount"));
    }
    let customer = text(rec.get("customer_id")).unwrap_or_default();
    for (invoice_id, a) in &apps {
        let inv = c
            .org
            .get(INVOICES.table, invoice_id)
            .ok_or_else(|| ApiError::invalid("invoice_id"))?;
        if text(inv.get("customer_id")).as_deref() != Some(customer.as_str()) {
            return Err(ApiError::invalid("invoice_id"));
        }
        let status = text(inv.get("status")).unwrap_or_default();
        if status == "void" {
            return Err(ApiError::state("The invoice is void."));
        }
        let mut balance = cents(inv.get("balance")).unwrap_or(0);
        if mode == Mode::Update {
            let pid = text(rec.get("payment_id")).unwrap_or_default();
            let earlier = c
                .org
                .rows(INVOICE_PAYMENTS)
                .filter(|r| text(r.get("payment_id")).as_deref() == Some(pid.as_str()))
                .filter(|r| text(r.get("invoice_id")).as_deref() == Some(invoice_id.as_str()))
                .map(|r| cents(r.get("amount")).unwrap_or(0));
            balance = add_cents(balance, sum_cents(earlier, "balance")?, "balance")?;
        }
        if *a > balance {
            return Err(exceeds("balance of the invoice"));
        }
    }
    if mode == Mode::Update {
        let pid = text(rec.get("payment_id")).unwrap_or_default();
        unapply_payment(c, &pid);
    } else {
        let n = c.org.next_number(PAYMENTS.table, "");
        rec.insert("payment_number".into(), json!(n.trim_start_matches('0')));
        amounts::put(rec, "refunded_amount", 0);
    }
    let mut shown = Vec::new();
    for (invoice_id, a) in apps {
        let row = apply_payment_to(c, rec, &invoice_id, a)?;
        shown.push(json!({
            "invoice_id": invoice_id,
            "invoice_number": row.get("invoice_number").cloned().unwrap_or(json!("")),
            "amount_applied": money(a),
            "invoice_payment_id": row.get("invoice_payment_id").cloned().unwrap_or(json!("")),
            "balance_amount": row.get("balance_amount").cloned().unwrap_or(json!(0)),
            "total": row.get("total").cloned().unwrap_or(json!(0)),
        }));
    }
    rec.insert("invoices".into(), Value::Array(shown));
    amounts::put(rec, "amount", amount);
    let refunded = cents(rec.get("refunded_amount")).unwrap_or(0);
    amounts::put(rec, "unused_amount", amount - applied - refunded);
    if text(rec.get("date")).is_none() {
        let today = c.today();
        rec.insert("date".into(), json!(today));
    }
    Ok(())
}

/// Delete hook of customer payments: invoice balances are restored.
pub(crate) fn delete_payment(c: &mut Ctx<'_>, rec: &Record) -> Result<(), ApiError> {
    let pid = text(rec.get("payment_id")).unwrap_or_default();
    unapply_payment(c, &pid);
    Ok(())
}

/// Recomputes a payment's `unused_amount` and `invoices` from its applications.
fn resync_payment(c: &mut Ctx<'_>, payment_id: &str) {
    let rows: Vec<Record> = c
        .org
        .rows(INVOICE_PAYMENTS)
        .filter(|r| text(r.get("payment_id")).as_deref() == Some(payment_id))
        .cloned()
        .collect();
    let applied = rows
        .iter()
        .map(|r| cents(r.get("amount")).unwrap_or(0))
        .fold(0_i64, i64::saturating_add);
    if let Some(mut p) = c.org.get_mut(PAYMENTS.table, payment_id) {
        let amount = cents(p.get("amount")).unwrap_or(0);
        let refunded = cents(p.get("refunded_amount")).unwrap_or(0);
        let unused = amount.saturating_sub(applied).saturating_sub(refunded);
        amounts::put(&mut p, "unused_amount", unused);
        let list: Vec<Value> = rows
            .iter()
            .map(|r| {
                json!({
                    "invoice_id": r.get("invoice_id").cloned().unwrap_or(json!("")),
                    "invoice_number": r.get("invoice_number").cloned().unwrap_or(json!("")),
                    "amount_applied": r.get("amount").cloned().unwrap_or(json!(0)),
                    "invoice_payment_id": r.get("invoice_payment_id").cloned().unwrap_or(json!("")),
                })
            })
            .collect();
        p.insert("invoices".into(), Value::Array(list));
    }
}

/// `GET /invoices/{invoice_id}/payments`.
pub(crate) fn list_invoice_payments(c: &mut Ctx<'_>) -> HResult {
    let id = c.param("invoice_id").to_string();
    generic::load(c, &INVOICES, &id)?;
    let rows: Vec<Value> = c
        .org
        .rows(INVOICE_PAYMENTS)
        .filter(|r| text(r.get("invoice_id")).as_deref() == Some(id.as_str()))
        .cloned()
        .map(Value::Object)
        .collect();
    Ok(Reply::ok("success", vec![("payments", Value::Array(rows))]))
}

/// `DELETE /invoices/{invoice_id}/payments/{invoice_payment_id}`.
pub(crate) fn delete_invoice_payment(c: &mut Ctx<'_>) -> HResult {
    let id = c.param("invoice_id").to_string();
    generic::load(c, &INVOICES, &id)?;
    let row_id = c.param("invoice_payment_id").to_string();
    let row = c
        .org
        .get(INVOICE_PAYMENTS, &row_id)
        .filter(|r| text(r.get("invoice_id")).as_deref() == Some(id.as_str()))
        .cloned()
        .ok_or_else(|| ApiError::not_found("payment"))?;
    remove_payment_row(c, &row);
    let pid = text(row.get("payment_id")).unwrap_or_default();
    resync_payment(c, &pid);
    generic::add_history(c, &INVOICES, &id, "Payment deleted");
    Ok(Reply::ok("The payment has been deleted.", vec![]))
}

/// `GET /customerpayments/{id}`: a payment, or the payments of a retainer invoice.
pub(crate) fn get_payment_or_retainer_payments(c: &mut Ctx<'_>) -> HResult {
    let id = c.last_param().to_string();
    if c.org.get(PAYMENTS.table, &id).is_some() {
        return generic::get(c, &PAYMENTS);
    }
    if c.org.get(RETAINER_INVOICES.table, &id).is_some() {
        let rows: Vec<Value> = c
            .org
            .rows(PAYMENTS.table)
            .filter(|p| text(p.get("retainerinvoice_id")).as_deref() == Some(id.as_str()))
            .cloned()
            .map(Value::Object)
            .collect();
        return Ok(Reply::ok("success", vec![("payments", Value::Array(rows))]));
    }
    Err(ApiError::not_found("payment"))
}

/// Prepare hook of payment refunds: at most the unused amount.
pub(crate) fn prepare_payment_refund(
    c: &mut Ctx<'_>,
    rec: &mut Record,
    mode: Mode,
) -> Result<(), ApiError> {
    let pid = text(rec.get("payment_id")).unwrap_or_default();
    let payment = c
        .org
        .get(PAYMENTS.table, &pid)
        .cloned()
        .ok_or_else(|| ApiError::not_found("payment"))?;
    same_currency(&payment, rec);
    let amount = positive_amount(rec, "amount", currency_of(rec).decimals)?;
    let previous = if mode == Mode::Update {
        let rid = text(rec.get("payment_refund_id")).unwrap_or_default();
        c.org
            .get("payment_refunds", &rid)
            .and_then(|r| cents(r.get("amount")))
            .unwrap_or(0)
    } else {
        0
    };
    let unused = cents(payment.get("unused_amount")).unwrap_or(0);
    if amount - previous > unused {
        return Err(exceeds("unused amount of the payment"));
    }
    move_payment_refund(c, &pid, amount - previous);
    amounts::put(rec, "amount", amount);
    if text(rec.get("date")).is_none() {
        let today = c.today();
        rec.insert("date".into(), json!(today));
    }
    Ok(())
}

fn move_payment_refund(c: &mut Ctx<'_>, payment_id: &str, delta: i64) {
    if let Some(mut p) = c.org.get_mut(PAYMENTS.table, payment_id) {
        let refunded = cents(p.get("refunded_amount")).unwrap_or(0);
        let unused = cents(p.get("unused_amount")).unwrap_or(0);
        amounts::put(&mut p, "refunded_amount", refunded + delta);
        amounts::put(&mut p, "unused_amount", unused - delta);
    }
}

/// Delete hook of payment refunds: the amount goes back to the payment.
pub(crate) fn delete_payment_refund(c: &mut Ctx<'_>, rec: &Record) -> Result<(), ApiError> {
    let pid = text(rec.get("payment_id")).unwrap_or_default();
    move_payment_refund(c, &pid, -cents(rec.get("amount")).unwrap_or(0));
    Ok(())
}

/// Moves a credit note's used amount (`credits_used` or `refunded_amount`) by `delta`.
fn move_credit(
    c: &mut Ctx<'_>,
    creditnote_id: &str,
    field: &str,
    delta: i64,
) -> Result<(), ApiError> {
    let mut cn = c
        .org
        .get_mut(CREDIT_NOTES.table, creditnote_id)
        .ok_or_else(|| ApiError::not_found("credit note"))?;
    let status = text(cn.get("status")).unwrap_or_default();
    if status == "void" && delta > 0 {
        return Err(ApiError::state("The credit note is void."));
    }
    let balance = cents(cn.get("balance")).unwrap_or(0);
    if delta > balance {
        return Err(exceeds("balance of the credit note"));
    }
    let current = cents(cn.get(field)).unwrap_or(0);
    amounts::put(&mut cn, field, current + delta);
    amounts::put(&mut cn, "balance", balance - delta);
    if status != "void" {
        let next = if balance - delta <= 0 {
            "closed"
        } else {
            "open"
        };
        cn.insert("status".into(), json!(next));
    }
    Ok(())
}

/// Prepare hook of credit note refunds.
pub(crate) fn prepare_credit_refund(
    c: &mut Ctx<'_>,
    rec: &mut Record,
    mode: Mode,
) -> Result<(), ApiError> {
    let cid = text(rec.get("creditnote_id")).unwrap_or_default();
    let note = c
        .org
        .get(CREDIT_NOTES.table, &cid)
        .cloned()
        .ok_or_else(|| ApiError::not_found("credit note"))?;
    same_currency(&note, rec);
    let amount = positive_amount(rec, "amount", currency_of(rec).decimals)?;
    let previous = if mode == Mode::Update {
        let rid = text(rec.get("creditnote_refund_id")).unwrap_or_default();
        c.org
            .get("creditnote_refunds", &rid)
            .and_then(|r| cents(r.get("amount")))
            .unwrap_or(0)
    } else {
        0
    };
    move_credit(c, &cid, "refunded_amount", amount - previous)?;
    amounts::put(rec, "amount", amount);
    for f in ["creditnote_number", "customer_id", "customer_name"] {
        if let Some(v) = note.get(f) {
            rec.insert(f.into(), v.clone());
        }
    }
    if text(rec.get("date")).is_none() {
        let today = c.today();
        rec.insert("date".into(), json!(today));
    }
    Ok(())
}

/// Delete hook of credit note refunds: the amount goes back to the credit note.
pub(crate) fn delete_credit_refund(c: &mut Ctx<'_>, rec: &Record) -> Result<(), ApiError> {
    let cid = text(rec.get("creditnote_id")).unwrap_or_default();
    move_credit(
        c,
        &cid,
        "refunded_amount",
        -cents(rec.get("amount")).unwrap_or(0),
    )
}

/// Delete hook of credit notes: refused while credits are applied.
pub(crate) fn delete_credit_note(c: &mut Ctx<'_>, rec: &Record) -> Result<(), ApiError> {
    let cid = text(rec.get("creditnote_id")).unwrap_or_default();
    if c.org
        .rows(CREDITS_APPLIED)
        .any(|r| text(r.get("creditnote_id")).as_deref() == Some(cid.as_str()))
    {
        return Err(ApiError::state(
            "Credit notes applied to invoices cannot be deleted.",
        ));
    }
    Ok(())
}

/// Applies `amount` of credit note `cid` to invoice `iid`.
fn apply_credit(c: &mut Ctx<'_>, cid: &str, iid: &str, amount: i64) -> Result<Record, ApiError> {
    let cn = c
        .org
        .get(CREDIT_NOTES.table, cid)
        .cloned()
        .ok_or_else(|| ApiError::not_found("credit note"))?;
    let inv = c
        .org
        .get(INVOICES.table, iid)
        .cloned()
        .ok_or_else(|| ApiError::invalid("invoice_id"))?;
    if text(cn.get("customer_id")) != text(inv.get("customer_id")) {
        return Err(ApiError::invalid("invoice_id"));
    }
    if amount > cents(inv.get("balance")).unwrap_or(0) {
        return Err(exceeds("balance of the invoice"));
    }
    move_credit(c, cid, "credits_used", amount)?;
    adjust_invoice(c, iid, "credits_applied", amount)?;
    let row_id = c.new_id();
    let row = json!({
        "creditnote_invoice_id": row_id,
        "creditnotes_invoice_id": row_id,
        "creditnote_id": cid,
        "creditnotes_number": cn.get("creditnote_number").cloned().unwrap_or(json!("")),
        "creditnote_number": cn.get("creditnote_number").cloned().unwrap_or(json!("")),
        "invoice_id": iid,
        "invoice_number": inv.get("invoice_number").cloned().unwrap_or(json!("")),
        "credited_date": c.today(),
        "date": c.today(),
        "amount_applied": money(amount),
    });
    let Value::Object(row) = row else {
        return Err(ApiError::new(500, codes::INTERNAL, "Internal error"));
    };
    c.org.table(CREDITS_APPLIED).insert(row_id, row.clone());
    generic::add_history(
        c,
        &INVOICES,
        iid,
        &format!("Credits of {} applied", money(amount)),
    );
    generic::add_history(c, &CREDIT_NOTES, cid, "Credits applied to an invoice");
    Ok(row)
}

fn remove_credit_row(c: &mut Ctx<'_>, row: &Record) -> Result<(), ApiError> {
    let cid = text(row.get("creditnote_id")).unwrap_or_default();
    let iid = text(row.get("invoice_id")).unwrap_or_default();
    let amount = cents(row.get("amount_applied")).unwrap_or(0);
    move_credit(c, &cid, "credits_used", -amount)?;
    let now = c.now;
    if let Some(mut inv) = c.org.get_mut(INVOICES.table, &iid) {
        let applied = cents(inv.get("credits_applied")).unwrap_or(0);
        let balance = cents(inv.get("balance")).unwrap_or(0);
        amounts::put(&mut inv, "credits_applied", applied - amount);
        amounts::put(&mut inv, "balance", balance + amount);
        crate::resources::billing::refresh_invoice(now, &mut inv);
    }
    if let Some(id) = text(row.get("creditnote_invoice_id")) {
        c.org.table(CREDITS_APPLIED).remove(&id);
    }
    Ok(())
}

/// `POST /creditnotes/{creditnote_id}/invoices`: every application is checked before any
/// is made.
pub(crate) fn credit_to_invoices(c: &mut Ctx<'_>) -> HResult {
    let cid = c.param("creditnote_id").to_string();
    let note = generic::check_body(
        c,
        &CREDIT_NOTES,
        "POST /creditnotes/{creditnote_id}/invoices",
    )?;
    let input = c.input()?;
    let decimals = currency_of(&note).decimals;
    let apps = applications(input.get("invoices"), "invoice_id", decimals)?;
    let customer = text(note.get("customer_id"));
    let total = sum_cents(apps.iter().map(|(_, a)| *a), "amount_applied")?;
    check_note_gives(c, &cid, customer.as_deref(), total)?;
    for (iid, a) in by_id(&apps)? {
        check_invoice_takes(c, &iid, customer.as_deref(), a)?;
    }
    for (iid, a) in apps {
        apply_credit(c, &cid, &iid, a)?;
    }
    Ok(Reply::ok(
        "Credits have been applied to the invoice(s).",
        vec![],
    ))
}

/// The amounts of applications summed per record, in the order the records first appear.
fn by_id(apps: &[(String, i64)]) -> Result<Vec<(String, i64)>, ApiError> {
    let mut out: Vec<(String, i64)> = Vec::new();
    for (id, a) in apps {
        match out.iter_mut().find(|(i, _)| i == id) {
            Some((_, sum)) => *sum = add_cents(*sum, *a, "amount_applied")?,
            None => out.push((id.clone(), *a)),
        }
    }
    Ok(out)
}

/// Checks that invoice `iid` is the customer's, not void, and can take `amount`.
fn check_invoice_takes(
    c: &Ctx<'_>,
    iid: &str,
    customer: Option<&str>,
    amount: i64,
) -> Result<(), ApiError> {
    let inv = c
        .org
        .get(INVOICES.table, iid)
        .ok_or_else(|| Target::Invoice.unknown())?;
    if text(inv.get("customer_id")).as_deref() != customer {
        return Err(ApiError::invalid("invoice_id"));
    }
    if text(inv.get("status")).as_deref() == Some("void") {
        return Err(ApiError::state("The invoice is void."));
    }
    if amount > cents(inv.get("balance")).unwrap_or(0) {
        return Err(exceeds("balance of the invoice"));
    }
    Ok(())
}

/// Checks that credit note `cid` is the customer's, not void, and has `amount` left.
fn check_note_gives(
    c: &Ctx<'_>,
    cid: &str,
    customer: Option<&str>,
    amount: i64,
) -> Result<(), ApiError> {
    let note = c
        .org
        .get(CREDIT_NOTES.table, cid)
        .ok_or_else(|| Target::CreditNote.unknown())?;
    if text(note.get("customer_id")).as_deref() != customer {
        return Err(ApiError::invalid("creditnote_id"));
    }
    if text(note.get("status")).as_deref() == Some("void") {
        return Err(ApiError::state("The credit note is void."));
    }
    if amount > cents(note.get("balance")).unwrap_or(0) {
        return Err(exceeds("balance of the credit note"));
    }
    Ok(())
}

/// Checks that payment `pid` is the customer's and has `amount` unused.
fn check_payment_gives(
    c: &Ctx<'_>,
    pid: &str,
    customer: Option<&str>,
    amount: i64,
) -> Result<(), ApiError> {
    let payment = c
        .org
        .get(PAYMENTS.table, pid)
        .ok_or_else(|| Target::Payment.unknown())?;
    if text(payment.get("customer_id")).as_deref() != customer {
        return Err(ApiError::invalid("payment_id"));
    }
    if amount > cents(payment.get("unused_amount")).unwrap_or(0) {
        return Err(exceeds("unused amount of the payment"));
    }
    Ok(())
}

fn credit_rows(c: &Ctx<'_>, field: &str, id: &str) -> Vec<Value> {
    c.org
        .rows(CREDITS_APPLIED)
        .filter(|r| text(r.get(field)).as_deref() == Some(id))
        .cloned()
        .map(Value::Object)
        .collect()
}

/// `GET /creditnotes/{creditnote_id}/invoices`.
pub(crate) fn list_invoices_credited(c: &mut Ctx<'_>) -> HResult {
    let cid = c.param("creditnote_id").to_string();
    generic::load(c, &CREDIT_NOTES, &cid)?;
    let rows = credit_rows(c, "creditnote_id", &cid);
    Ok(Reply::ok(
        "success",
        vec![("invoices_credited", Value::Array(rows))],
    ))
}

/// `GET /invoices/{invoice_id}/creditsapplied`.
pub(crate) fn list_credits_applied(c: &mut Ctx<'_>) -> HResult {
    let iid = c.param("invoice_id").to_string();
    generic::load(c, &INVOICES, &iid)?;
    let rows = credit_rows(c, "invoice_id", &iid);
    Ok(Reply::ok("success", vec![("credits", Value::Array(rows))]))
}

/// `DELETE /creditnotes/{id}/invoices/{creditnote_invoice_id}` and
/// `DELETE /invoices/{id}/creditsapplied/{creditnotes_invoice_id}`.
pub(crate) fn delete_credit_application(c: &mut Ctx<'_>, owner_field: &str) -> HResult {
    let owner = c.first_param().to_string();
    let row_id = c.last_param().to_string();
    let row = c
        .org
        .get(CREDITS_APPLIED, &row_id)
        .filter(|r| text(r.get(owner_field)).as_deref() == Some(owner.as_str()))
        .cloned()
        .ok_or_else(|| ApiError::not_found("credit"))?;
    remove_credit_row(c, &row)?;
    Ok(Reply::ok(
        "Credits applied to the invoice have been deleted.",
        vec![],
    ))
}

/// `POST /invoices/{invoice_id}/credits`: credit notes and unused payments, every one
/// checked before any is applied.
pub(crate) fn apply_credits(c: &mut Ctx<'_>) -> HResult {
    let iid = c.param("invoice_id").to_string();
    let invoice = generic::check_body(c, &INVOICES, "POST /invoices/{invoice_id}/credits")?;
    let input = c.input()?;
    let decimals = currency_of(&invoice).decimals;
    let notes = applications(input.get("apply_creditnotes"), "creditnote_id", decimals)?;
    let pays = applications(input.get("invoice_payments"), "payment_id", decimals)?;
    if notes.is_empty() && pays.is_empty() {
        return Err(ApiError::missing("apply_creditnotes"));
    }
    let customer = text(invoice.get("customer_id"));
    for (cid, a) in by_id(&notes)? {
        check_note_gives(c, &cid, customer.as_deref(), a)?;
    }
    for (pid, a) in by_id(&pays)? {
        check_payment_gives(c, &pid, customer.as_deref(), a)?;
    }
    let total = sum_cents(notes.iter().chain(&pays).map(|(_, a)| *a), "amount_applied")?;
    check_invoice_takes(c, &iid, customer.as_deref(), total)?;
    for (cid, a) in notes {
        apply_credit(c, &cid, &iid, a)?;
    }
    for (pid, a) in pays {
        let payment = c.org.get(PAYMENTS.table, &pid).cloned().unwrap_or_default();
        apply_payment_to(c, &payment, &iid, a)?;
        resync_payment(c, &pid);
    }
    Ok(Reply::ok(
        "Credits have been applied to the invoice.",
        vec![],
    ))
}

/// `GET /contacts/{contact_id}/refunds` and `GET /creditnotes/refunds`.
pub(crate) fn list_credit_refunds(c: &mut Ctx<'_>) -> HResult {
    let customer = c.param("contact_id").to_string();
    if !customer.is_empty() {
        generic::load(c, &crate::resources::defs::CONTACTS, &customer)?;
    }
    let rows = c.org.rows("creditnote_refunds").filter(|r| {
        customer.is_empty() || text(r.get("customer_id")).as_deref() == Some(customer.as_str())
    });
    let (page, context) = crate::list::page(rows, &c.query, "Refunds")?;
    Ok(Reply::ok(
        "success",
        vec![
            (
                "creditnote_refunds",
                Value::Array(page.into_iter().map(Value::Object).collect()),
            ),
            ("page_context", context),
        ],
    ))
}
