//! Contact persons sent inside a contact (`contact_persons` in `POST` and `PUT /contacts`):
//! each becomes a contact-person record of its own, as if sent to `/contacts/contactpersons`.

use serde_json::{Value, json};

use crate::ctx::Ctx;
use crate::reply::ApiError;
use crate::resources::defs::CONTACT_PERSONS;
use crate::state::{Record, text};

/// The contact persons of a contact, in creation order.
pub(crate) fn of_contact(c: &Ctx<'_>, contact_id: &str) -> Vec<Record> {
    c.org
        .rows(CONTACT_PERSONS.table)
        .filter(|p| text(p.get("contact_id")).as_deref() == Some(contact_id))
        .cloned()
        .collect()
}

/// Stores the persons of `rec`'s `contact_persons` (a person with the id of one of the
/// contact's persons updates it; others are new), taking them out of the contact: answers
/// show the contact's persons as stored ([`crate::resources::contacts::with_persons`]).
/// Checks every person before storing any.
pub(crate) fn store_inline(c: &mut Ctx<'_>, rec: &mut Record) -> Result<(), ApiError> {
    let contact_id = text(rec.get("contact_id")).unwrap_or_default();
    let inline = match rec.remove("contact_persons") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(ApiError::invalid("contact_persons")),
    };
    let persons = inline
        .into_iter()
        .map(|p| match p {
            Value::Object(p) => checked(c, &contact_id, p),
            _ => Err(ApiError::invalid("contact_persons")),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut has_primary = of_contact(c, &contact_id)
        .iter()
        .any(|p| p.get("is_primary_contact") == Some(&json!(true)));
    for person in persons {
        has_primary |= store_one(c, &contact_id, person, has_primary);
    }
    Ok(())
}

/// A person of the contact, checked: an id must name one of the contact's persons.
fn checked(c: &Ctx<'_>, contact_id: &str, person: Record) -> Result<Record, ApiError> {
    let Some(id) = text(person.get("contact_person_id")) else {
        return Ok(person);
    };
    let theirs = c
        .org
        .get(CONTACT_PERSONS.table, &id)
        .is_some_and(|p| text(p.get("contact_id")).as_deref() == Some(contact_id));
    if theirs {
        Ok(person)
    } else {
        Err(ApiError::invalid("contact_person_id"))
    }
}

/// Stores one person (new, or merged into the one its id names); the first person of a
/// contact without a primary one becomes primary. Says whether it is primary.
fn store_one(c: &mut Ctx<'_>, contact_id: &str, person: Record, has_primary: bool) -> bool {
    let id = text(person.get("contact_person_id"));
    let mut rec = id
        .as_deref()
        .and_then(|id| c.org.get(CONTACT_PERSONS.table, id))
        .cloned()
        .unwrap_or_else(|| {
            let mut new = Record::new();
            new.insert("created_time".into(), json!(c.timestamp()));
            new
        });
    rec.extend(person);
    let id = id.unwrap_or_else(|| c.new_id());
    rec.insert("contact_person_id".into(), json!(id));
    rec.insert("contact_id".into(), json!(contact_id));
    if !has_primary && rec.get("is_primary_contact").is_none() {
        rec.insert("is_primary_contact".into(), json!(true));
    }
    rec.entry("is_primary_contact").or_insert(json!(false));
    rec.insert("last_modified_time".into(), json!(c.timestamp()));
    let primary = rec.get("is_primary_contact") == Some(&json!(true));
    c.org.table(CONTACT_PERSONS.table).insert(id, rec);
    primary
}

/// Removes the persons of a contact being deleted.
pub(crate) fn remove_of_contact(c: &mut Ctx<'_>, contact_id: &str) {
    let ids: Vec<String> = of_contact(c, contact_id)
        .iter()
        .filter_map(|p| text(p.get("contact_person_id")))
        .collect();
    for id in ids {
        c.org.table(CONTACT_PERSONS.table).remove(&id);
    }
}
