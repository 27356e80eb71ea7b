//! Contacts, their persons, addresses, statements and client reviews; comments of any record.

use serde_json::{Value, json};

use crate::ctx::Ctx;
use crate::reply::{ApiError, HResult, Reply};
use crate::resources::defs::{CLIENT_REVIEWS, CONTACT_PERSONS, CONTACTS, INVOICES, Mode};
use crate::resources::{generic, persons};
use crate::state::{Record, text};

/// Prepare hook of contacts: defaults of a new contact, its currency's code; the persons
/// sent inside it become contact-person records.
pub(crate) fn prepare_contact(
    c: &mut Ctx<'_>,
    rec: &mut Record,
    mode: Mode,
) -> Result<(), ApiError> {
    persons::store_inline(c, rec)?;
    // A contact's currency is the one its `currency_id` names (its documents and payments
    // are in it).
    if text(rec.get("currency_id")).is_some() {
        let (code, _) = crate::resources::amounts::find_currency(c.org, rec);
        rec.insert("currency_code".into(), json!(code));
    }
    if mode == Mode::Create {
        rec.entry("contact_type").or_insert(json!("customer"));
        rec.entry("company_name").or_insert(json!(""));
        rec.entry("currency_code").or_insert(json!("USD"));
        rec.entry("payment_terms").or_insert(json!(0));
        rec.entry("payment_terms_label")
            .or_insert(json!("Due on Receipt"));
        rec.insert("outstanding_receivable_amount".into(), json!(0));
        rec.insert("unused_credits_receivable_amount".into(), json!(0));
        rec.insert("payment_reminder_enabled".into(), json!(true));
        rec.insert("is_portal_enabled".into(), json!(false));
    }
    Ok(())
}

/// Delete hook of contacts: refused while invoices name the contact.
pub(crate) fn delete_contact(c: &mut Ctx<'_>, rec: &Record) -> Result<(), ApiError> {
    let id = text(rec.get("contact_id")).unwrap_or_default();
    if c.org
        .rows(INVOICES.table)
        .any(|i| text(i.get("customer_id")).as_deref() == Some(id.as_str()))
    {
        return Err(ApiError::state(
            "Contacts with transactions cannot be deleted. Mark them as inactive instead.",
        ));
    }
    persons::remove_of_contact(c, &id);
    Ok(())
}

/// `POST /contacts`: the answer shows the contact's persons with their ids.
pub(crate) fn create_contact(c: &mut Ctx<'_>) -> HResult {
    let reply = generic::create(c, &CONTACTS)?;
    Ok(with_persons(c, reply))
}

/// `PUT /contacts/{contact_id}`: the answer shows the contact's persons with their ids.
pub(crate) fn update_contact(c: &mut Ctx<'_>) -> HResult {
    let reply = generic::update(c, &CONTACTS)?;
    Ok(with_persons(c, reply))
}

/// Puts the stored persons of the contact a reply carries in its `contact_persons`.
pub(crate) fn with_persons(c: &Ctx<'_>, reply: Reply) -> Reply {
    let Reply::Json(status, mut doc) = reply else {
        return reply;
    };
    if let Some(Value::Object(contact)) = doc.get_mut("contact") {
        let id = text(contact.get("contact_id")).unwrap_or_default();
        let all = persons::of_contact(c, &id)
            .into_iter()
            .map(Value::Object)
            .collect();
        contact.insert("contact_persons".into(), Value::Array(all));
    }
    Reply::Json(status, doc)
}

/// Prepare hook of comments: who, when and what kind.
pub(crate) fn prepare_comment(
    c: &mut Ctx<'_>,
    rec: &mut Record,
    mode: Mode,
) -> Result<(), ApiError> {
    if mode == Mode::Create {
        rec.insert("comment_type".into(), json!("internal"));
        rec.insert("commented_by_id".into(), json!("982000000554041"));
        rec.insert("commented_by".into(), json!("John David"));
        rec.insert("operation_type".into(), json!("Added"));
        rec.insert("date".into(), json!(c.today()));
        rec.insert("date_description".into(), json!("today"));
        rec.insert("time".into(), json!(""));
    }
    Ok(())
}

/// `GET /contacts/{contact_id}` with the receivable computed from the invoices.
pub(crate) fn get_contact(c: &mut Ctx<'_>) -> HResult {
    let id = c.param("contact_id").to_string();
    let mut rec = generic::load(c, &CONTACTS, &id)?;
    let outstanding: i64 = c
        .org
        .rows(INVOICES.table)
        .filter(|i| text(i.get("customer_id")).as_deref() == Some(id.as_str()))
        .filter(|i| {
            text(i.get("status")).as_deref() != Some("void")
                && text(i.get("status")).as_deref() != Some("draft")
        })
        .map(|i| crate::state::cents(i.get("balance")).unwrap_or(0))
        .fold(0_i64, i64::saturating_add);
    let unused: i64 = c
        .org
        .rows(crate::resources::defs::CREDIT_NOTES.table)
        .filter(|i| text(i.get("customer_id")).as_deref() == Some(id.as_str()))
        .filter(|i| text(i.get("status")).as_deref() == Some("open"))
        .map(|i| crate::state::cents(i.get("balance")).unwrap_or(0))
        .fold(0_i64, i64::saturating_add);
    rec.insert(
        "outstanding_receivable_amount".into(),
        crate::state::money(outstanding),
    );
    rec.insert(
        "unused_credits_receivable_amount".into(),
        crate::state::money(unused),
    );
    let all = persons::of_contact(c, &id)
        .into_iter()
        .map(Value::Object)
        .collect();
    rec.insert("contact_persons".into(), Value::Array(all));
    Ok(Reply::ok("success", vec![("contact", Value::Object(rec))]))
}

/// `POST /contacts/contactpersons/{contact_person_id}/primary`.
pub(crate) fn mark_primary(c: &mut Ctx<'_>) -> HResult {
    let id = c.param("contact_person_id").to_string();
    let person = generic::load(c, &CONTACT_PERSONS, &id)?;
    let contact = text(person.get("contact_id")).unwrap_or_default();
    c.org.table(CONTACT_PERSONS.table).for_each_mut(|p| {
        if text(p.get("contact_id")).as_deref() == Some(contact.as_str()) {
            let primary = text(p.get("contact_person_id")).as_deref() == Some(id.as_str());
            p.insert("is_primary_contact".into(), json!(primary));
        }
    });
    Ok(Reply::ok(
        "This contact person has been marked as your primary contact person.",
        vec![],
    ))
}

/// `GET /contacts/{contact_id}/statements/email`.
pub(crate) fn statement_content(c: &mut Ctx<'_>) -> HResult {
    let id = c.param("contact_id").to_string();
    let rec = generic::load(c, &CONTACTS, &id)?;
    let name = text(rec.get("contact_name")).unwrap_or_default();
    let doc = json!({
        "code": 0,
        "message": "success",
        "body": format!("Dear {name}, please find your statement attached."),
        "subject": format!("Statement of transactions for {name}"),
        "to_contacts": [],
        "file_name": "statement.pdf",
        "from_emails": [{"user_name": "John David", "email": "johndavid@zylker.com", "is_org_email_id": true}],
        "contact_id": id,
    });
    Ok(Reply::Json(200, doc))
}

/// `GET /clientreviews/{comment_id}`.
pub(crate) fn get_review(c: &mut Ctx<'_>) -> HResult {
    let id = c.last_param().to_string();
    let rec = generic::load(c, &CLIENT_REVIEWS, &id)?;
    Ok(Reply::ok("success", vec![("reviews", json!([rec]))]))
}

/// `POST /clientreviews/{comment_id}/comment`: a reply is stored with the review.
pub(crate) fn reply_review(c: &mut Ctx<'_>) -> HResult {
    let id = c.param("comment_id").to_string();
    let mut rec = generic::load(c, &CLIENT_REVIEWS, &id)?;
    let input = c.input()?;
    let description =
        text(input.get("description")).ok_or_else(|| ApiError::missing("description"))?;
    let reply = json!({"comment_id": c.new_id(), "description": description, "date": c.today(), "commented_by": "John David"});
    match rec.get_mut("comments") {
        Some(Value::Array(a)) => a.push(reply),
        _ => {
            rec.insert("comments".into(), json!([reply]));
        }
    }
    generic::store(c, &CLIENT_REVIEWS, rec.clone());
    Ok(Reply::ok(
        "Your comment has been added.",
        vec![("reviews", json!([rec]))],
    ))
}
