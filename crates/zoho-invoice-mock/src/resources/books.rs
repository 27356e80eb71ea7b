//! Operations from Zoho Books' OpenAPI documents that Zoho Invoice shares, beyond plain
//! records: updates by a custom field's unique value, custom-field updates, payment links,
//! invoice documents, item details, bulk deletes of payments, a recurring expense's
//! expenses.

use serde_json::{Value, json};

use crate::ctx::Ctx;
use crate::reply::{ApiError, HResult, Reply, codes};
use crate::resources::defs::{EXPENSES, INVOICES, ITEMS, PAYMENTS, RECURRING_EXPENSES, Res};
use crate::resources::generic;
use crate::state::text;

/// The id of the record of `res` whose custom field `key` (its API name, or its label) holds
/// `value`.
fn by_custom_field(c: &mut Ctx<'_>, res: &Res, key: &str, value: &str) -> Option<String> {
    c.org.table(res.table).iter().find_map(|(id, rec)| {
        let fields = rec.get("custom_fields")?.as_array()?;
        fields
            .iter()
            .any(|f| {
                let named = text(f.get("api_name")).as_deref() == Some(key)
                    || text(f.get("label")).as_deref() == Some(key);
                named && text(f.get("value")).as_deref() == Some(value)
            })
            .then(|| id.clone())
    })
}

/// `PUT /things` with `X-Unique-Identifier-Key` and `-Value`: updates the record whose custom
/// field holds the value; with `X-Upsert: true`, creates it when none does.
pub(crate) fn update_by_unique(c: &mut Ctx<'_>, res: &Res) -> HResult {
    let key = c
        .header("x-unique-identifier-key")
        .map(str::to_owned)
        .ok_or_else(|| ApiError::missing("X-Unique-Identifier-Key"))?;
    let value = c
        .header("x-unique-identifier-value")
        .map(str::to_owned)
        .ok_or_else(|| ApiError::missing("X-Unique-Identifier-Value"))?;
    let upsert = c.header("x-upsert") == Some("true");
    let input = c.input()?;
    match by_custom_field(c, res, &key, &value) {
        Some(id) => {
            let rec = generic::update_record(c, res, &id, input)?;
            Ok(generic::record_reply(
                200,
                &format!("The {} has been updated.", res.label),
                res.answers.update,
                rec,
            ))
        }
        None if upsert => {
            let rec = generic::create_record(c, res, input)?;
            Ok(generic::record_reply(
                201,
                &format!("The {} has been created.", res.label),
                res.answers.create,
                rec,
            ))
        }
        None => Err(ApiError::not_found(res.label)),
    }
}

/// `PUT /invoice/{invoice_id}/customfields`: a list of `{customfield_id, value}`, each
/// replacing the field of that id or added.
pub(crate) fn set_custom_fields(c: &mut Ctx<'_>, res: &Res) -> HResult {
    let id = c.first_param().to_string();
    let Some(Value::Array(given)) = c.body.json.clone() else {
        return Err(ApiError::bad(
            codes::BAD_JSON,
            "The custom fields must be a list.",
        ));
    };
    let mut rec = generic::load(c, res, &id)?;
    let mut fields = match rec.remove("custom_fields") {
        Some(Value::Array(fields)) => fields,
        _ => Vec::new(),
    };
    for field in given {
        let field_id =
            text(field.get("customfield_id")).ok_or_else(|| ApiError::missing("customfield_id"))?;
        fields.retain(|f| text(f.get("customfield_id")).as_deref() != Some(field_id.as_str()));
        fields.push(field);
    }
    rec.insert("custom_fields".into(), Value::Array(fields));
    generic::store(c, res, rec);
    Ok(Reply::ok("Custom fields have been updated.", vec![]))
}

/// `GET /share/paymentlink?transaction_id=...&transaction_type=invoice&link_type=...&expiry_time=...`.
pub(crate) fn payment_link(c: &mut Ctx<'_>) -> HResult {
    for field in [
        "transaction_id",
        "transaction_type",
        "link_type",
        "expiry_time",
    ] {
        if c.query(field).is_none_or(|v| v.trim().is_empty()) {
            return Err(ApiError::missing(field));
        }
    }
    if !matches!(c.query("link_type"), Some("private" | "public")) {
        return Err(ApiError::invalid("link_type"));
    }
    let id = c.query("transaction_id").unwrap_or_default().to_string();
    generic::load(c, &INVOICES, &id)?;
    let link = format!("https://zohosecurepay.example/invoice/Payment/secure?CInvoiceID={id}");
    Ok(Reply::ok(
        "success",
        vec![("data", json!({"share_link": link}))],
    ))
}

/// `GET /invoices/{invoice_id}/documents/{document_id}`: the file, as uploaded.
pub(crate) fn get_document(c: &mut Ctx<'_>) -> HResult {
    let id = c.param("invoice_id").to_string();
    let document = c.param("document_id").to_string();
    let rec = generic::load(c, &INVOICES, &id)?;
    let attached = rec
        .get("documents")
        .and_then(Value::as_array)
        .is_some_and(|docs| {
            docs.iter()
                .any(|d| text(d.get("document_id")).as_deref() == Some(document.as_str()))
        });
    let file = attached
        .then(|| c.org.files.get(&document).cloned())
        .flatten()
        .ok_or_else(|| ApiError::not_found("document"))?;
    Ok(Reply::File {
        content_type: file.content_type,
        file_name: file.file_name,
        bytes: file.bytes,
    })
}

/// The ids of parameter `name` (`Ctx::id_list`); none is a missing field.
fn ids(c: &Ctx<'_>, name: &str) -> Result<Vec<String>, ApiError> {
    let ids = c.id_list(name);
    if ids.is_empty() {
        return Err(ApiError::missing(name));
    }
    Ok(ids)
}

/// `GET /itemdetails?item_ids=...`: the items, in the order asked; an unknown id is an error.
pub(crate) fn item_details(c: &mut Ctx<'_>) -> HResult {
    let mut items = Vec::new();
    for id in ids(c, "item_ids")? {
        items.push(Value::Object(generic::load(c, &ITEMS, &id)?));
    }
    Ok(Reply::ok("success", vec![("items", Value::Array(items))]))
}

/// `DELETE /customerpayments?payment_id=...&bulk_delete=true`: every payment exists, or none
/// is deleted.
pub(crate) fn bulk_delete_payments(c: &mut Ctx<'_>) -> HResult {
    if c.query("bulk_delete") != Some("true") {
        return Err(ApiError::missing("bulk_delete"));
    }
    let ids = ids(c, "payment_id")?;
    for id in &ids {
        generic::load(c, &PAYMENTS, id)?;
    }
    for id in &ids {
        generic::delete_record(c, &PAYMENTS, id)?;
    }
    Ok(Reply::ok("The payments have been deleted.", vec![]))
}

/// `GET /recurringexpenses/{recurring_expense_id}/expenses`: the expenses it created.
pub(crate) fn child_expenses(c: &mut Ctx<'_>) -> HResult {
    let id = c.param("recurring_expense_id").to_string();
    generic::load(c, &RECURRING_EXPENSES, &id)?;
    let children: Vec<Value> = c
        .org
        .table(EXPENSES.table)
        .values()
        .filter(|e| text(e.get("recurring_expense_id")).as_deref() == Some(id.as_str()))
        .map(|e| Value::Object(e.clone()))
        .collect();
    Ok(Reply::ok(
        "success",
        vec![
            ("expensehistory", Value::Array(children)),
            (
                "page_context",
                json!({"page": 1, "per_page": 200, "has_more_page": false}),
            ),
        ],
    ))
}
