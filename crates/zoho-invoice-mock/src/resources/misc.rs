//! Templates, bulk export and print, attachments and receipts.

use serde_json::{Map, Value, json};

use crate::body::Upload;
use crate::ctx::{Ctx, Format};
use crate::pdf;
use crate::reply::{ApiError, HResult, Reply, codes};
use crate::resources::defs::{EXPENSES, Res};
use crate::resources::generic;
use crate::state::text;

/// Bulk export and print take at most this many ids.
pub(crate) const MAX_BULK_PDF: usize = 25;
/// Bulk email and reminders take at most this many ids.
pub(crate) const MAX_BULK_EMAIL: usize = 10;

/// Attachment types the service accepts.
const ALLOWED: &[&str] = &["gif", "png", "jpeg", "jpg", "bmp", "pdf"];

/// `{code: 0, message: "success"}` merged with `fields`.
pub(crate) fn merge_envelope(fields: Map<String, Value>) -> Value {
    let mut m = Map::new();
    m.insert("code".into(), json!(0));
    m.insert("message".into(), json!("success"));
    m.extend(fields);
    Value::Object(m)
}

/// The ids of the PDF templates every organization has (standard, professional, simple), the
/// same for every kind of document.
pub(crate) const TEMPLATE_IDS: [&str; 3] =
    ["982000000000143", "982000000000144", "982000000000145"];

/// `GET /invoices/templates` and the like: a list under `templates`, the estimate templates
/// too (Zoho Books' OpenAPI documents a list, where the reference's example shows one bare
/// object).
pub(crate) fn templates(_: &mut Ctx<'_>, kind: &str) -> HResult {
    let [standard, professional, simple] = TEMPLATE_IDS;
    let list = json!([
        {"template_name": "Standard", "template_id": standard, "template_type": "standard"},
        {"template_name": "Professional", "template_id": professional, "template_type": "professional"},
        {"template_name": format!("Simple {kind}"), "template_id": simple, "template_type": "simple"},
    ]);
    Ok(Reply::ok("success", vec![("templates", list)]))
}

/// `GET /invoices/pdf` and `GET /invoices/print`: one PDF with a page per id (at most 25).
pub(crate) fn bulk_pdf(c: &mut Ctx<'_>, res: &Res, ids_param: &str) -> HResult {
    let ids = c.id_list(ids_param);
    if ids.is_empty() {
        return Err(ApiError::missing(ids_param));
    }
    if ids.len() > MAX_BULK_PDF {
        return Err(ApiError::bad(
            codes::TOO_MANY_IDS,
            format!(
                "At most {MAX_BULK_PDF} {} can be exported at a time.",
                res.many
            ),
        ));
    }
    let mut recs = Vec::new();
    for id in &ids {
        recs.push(generic::load(c, res, id)?);
    }
    Ok(pdf::document_reply(Format::Pdf, res, &recs))
}

fn check_type(upload: &Upload) -> Result<(), ApiError> {
    let ext = upload
        .file_name
        .rsplit('.')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if !ALLOWED.contains(&ext.as_str()) {
        return Err(ApiError::bad(
            codes::INVALID_VALUE,
            "Attachments can be gif, png, jpeg, jpg, bmp or pdf files.",
        ));
    }
    Ok(())
}

/// Stores an upload and lists it among the record's `documents`.
fn attach(c: &mut Ctx<'_>, res: &Res, id: &str, upload: Upload) -> Result<(), ApiError> {
    check_type(&upload)?;
    let mut rec = generic::load(c, res, id)?;
    let doc_id = c.new_id();
    let doc = json!({
        "document_id": doc_id,
        "file_name": upload.file_name,
        "file_type": upload.file_name.rsplit('.').next().unwrap_or(""),
        "file_size": upload.bytes.len(),
        "file_size_formatted": format!("{} bytes", upload.bytes.len()),
        "can_send_in_mail": c.query("can_send_in_mail") == Some("true"),
    });
    let mut docs = match rec.get("documents") {
        Some(Value::Array(a)) => a.clone(),
        _ => Vec::new(),
    };
    docs.push(doc);
    rec.insert("documents".into(), Value::Array(docs));
    rec.insert("has_attachment".into(), json!(true));
    c.org.files.insert(doc_id, upload);
    generic::store(c, res, rec);
    Ok(())
}

/// `POST /invoices/{id}/attachment` (multipart field `attachment`). The answer carries no
/// document, as in the reference; the record's `documents` list it.
pub(crate) fn add_attachment(c: &mut Ctx<'_>, res: &Res) -> HResult {
    let id = c.param(res.id).to_string();
    let upload = c
        .upload("attachment")
        .cloned()
        .ok_or_else(|| ApiError::missing("attachment"))?;
    attach(c, res, &id, upload)?;
    Ok(Reply::created(
        &format!(
            "Your file has been successfully attached to the {}.",
            res.label
        ),
        vec![],
    ))
}

fn doc_ids(rec: &crate::state::Record) -> Vec<String> {
    match rec.get("documents") {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|d| text(d.get("document_id")))
            .collect(),
        _ => Vec::new(),
    }
}

/// `GET /invoices/{id}/attachment`: the latest file, as uploaded.
pub(crate) fn get_attachment(c: &mut Ctx<'_>, res: &Res) -> HResult {
    let id = c.param(res.id).to_string();
    let rec = generic::load(c, res, &id)?;
    let doc = doc_ids(&rec)
        .last()
        .and_then(|d| c.org.files.get(d))
        .cloned()
        .ok_or_else(|| ApiError::not_found("attachment"))?;
    Ok(Reply::File {
        content_type: doc.content_type,
        file_name: doc.file_name,
        bytes: doc.bytes,
    })
}

/// `PUT /invoices/{id}/attachment?can_send_in_mail=true`.
pub(crate) fn attachment_preference(c: &mut Ctx<'_>, res: &Res) -> HResult {
    let id = c.param(res.id).to_string();
    let mut rec = generic::load(c, res, &id)?;
    let send = c.query("can_send_in_mail") == Some("true");
    if let Some(Value::Array(docs)) = rec.get_mut("documents") {
        for d in docs {
            if let Value::Object(d) = d {
                d.insert("can_send_in_mail".into(), json!(send));
            }
        }
    }
    generic::store(c, res, rec);
    Ok(Reply::ok("Invoice information has been updated.", vec![]))
}

/// `DELETE /invoices/{id}/attachment` or `.../documents/{document_id}`.
pub(crate) fn delete_attachment(c: &mut Ctx<'_>, res: &Res) -> HResult {
    let id = c.param(res.id).to_string();
    let mut rec = generic::load(c, res, &id)?;
    let ids = doc_ids(&rec);
    let target = match c.param("document_id") {
        "" => ids.last().cloned(),
        d => ids.iter().find(|x| *x == d).cloned(),
    }
    .ok_or_else(|| ApiError::not_found("attachment"))?;
    if let Some(Value::Array(docs)) = rec.get_mut("documents") {
        docs.retain(|d| text(d.get("document_id")).as_deref() != Some(target.as_str()));
        let empty = docs.is_empty();
        rec.insert("has_attachment".into(), json!(!empty));
    }
    c.org.files.remove(&target);
    generic::store(c, res, rec);
    Ok(Reply::ok(
        "Your file is no longer attached to the invoice.",
        vec![],
    ))
}

/// `POST /expenses/{expense_id}/receipt` (multipart field `receipt`).
pub(crate) fn add_receipt(c: &mut Ctx<'_>) -> HResult {
    let id = c.param("expense_id").to_string();
    let upload = c
        .upload("receipt")
        .cloned()
        .ok_or_else(|| ApiError::missing("receipt"))?;
    check_type(&upload)?;
    let mut rec = generic::load(c, &EXPENSES, &id)?;
    rec.insert("receipt_name".into(), json!(upload.file_name));
    rec.insert("receipt_type".into(), json!(upload.content_type));
    c.org.files.insert(format!("receipt:{id}"), upload);
    generic::store(c, &EXPENSES, rec);
    Ok(Reply::created(
        "The expense receipt has been attached.",
        vec![],
    ))
}

/// `GET /expenses/{expense_id}/receipt`.
pub(crate) fn get_receipt(c: &mut Ctx<'_>) -> HResult {
    let id = c.param("expense_id").to_string();
    generic::load(c, &EXPENSES, &id)?;
    let doc = c
        .org
        .files
        .get(&format!("receipt:{id}"))
        .cloned()
        .ok_or_else(|| ApiError::not_found("receipt"))?;
    Ok(Reply::File {
        content_type: doc.content_type,
        file_name: doc.file_name,
        bytes: doc.bytes,
    })
}

/// `DELETE /invoices/expenses/{expense_id}/receipt`.
pub(crate) fn delete_receipt(c: &mut Ctx<'_>) -> HResult {
    let id = c.param("expense_id").to_string();
    let mut rec = generic::load(c, &EXPENSES, &id)?;
    if c.org.files.remove(&format!("receipt:{id}")).is_none() {
        return Err(ApiError::not_found("receipt"));
    }
    rec.insert("receipt_name".into(), json!(""));
    generic::store(c, &EXPENSES, rec);
    Ok(Reply::ok(
        "The attached expense receipt has been deleted.",
        vec![],
    ))
}
