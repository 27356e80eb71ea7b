//! The organization itself (get, update, create) and the user making the calls
//! (`/users/me`), from Zoho Books' OpenAPI documents, which Zoho Invoice shares.

use serde_json::{Value, json};

use crate::ctx::Ctx;
use crate::reply::{ApiError, HResult, Reply};
use crate::resources::defs::USERS;
use crate::state::{Org, text};

/// The fields a new organization must carry.
const NEW_ORGANIZATION_REQUIRED: &[&str] = &["name", "currency_code", "time_zone", "portal_name"];

/// The organization named in the path, which must be the one the request is for.
fn own_organization(c: &Ctx<'_>) -> Result<(), ApiError> {
    let id = c.param("organization_id");
    if text(c.org.info.get("organization_id")).as_deref() == Some(id) {
        Ok(())
    } else {
        Err(ApiError::not_found("organization"))
    }
}

/// `GET /organizations/{organization_id}`.
pub(crate) fn get_organization(c: &mut Ctx<'_>) -> HResult {
    own_organization(c)?;
    Ok(Reply::ok(
        "success",
        vec![("organization", Value::Object(c.org.info.clone()))],
    ))
}

/// `PUT /organizations/{organization_id}`: the fields given replace the stored ones; the id
/// stays.
pub(crate) fn update_organization(c: &mut Ctx<'_>) -> HResult {
    own_organization(c)?;
    let input = c.input()?;
    for (k, v) in input {
        if k != "organization_id" {
            c.org.info.insert(k, v);
        }
    }
    Ok(Reply::ok(
        "Organization details have been updated.",
        vec![("organization", Value::Object(c.org.info.clone()))],
    ))
}

/// `POST /organizations`: a new, empty organization the same token can use.
pub(crate) fn create_organization(c: &mut Ctx<'_>) -> HResult {
    let input = c.input()?;
    for field in NEW_ORGANIZATION_REQUIRED {
        if text(input.get(*field)).is_none() {
            return Err(ApiError::missing(field));
        }
    }
    let id = c.new_id();
    let name = text(input.get("name")).unwrap_or_default();
    let mut org = Org::new(&id, &name);
    for (k, v) in input {
        if k != "organization_id" {
            org.info.insert(k, v);
        }
    }
    let info = org.info.clone();
    c.new_orgs.push(org);
    Ok(Reply::created(
        "The organization has been created.",
        vec![("organization", Value::Object(info))],
    ))
}

/// `GET /users/me`: the user the server's token belongs to.
pub(crate) fn current_user(c: &mut Ctx<'_>) -> HResult {
    let me = c
        .org
        .table(USERS.table)
        .values()
        .find(|u| u.get("is_current_user") == Some(&json!(true)))
        .cloned()
        .ok_or_else(|| ApiError::not_found("user"))?;
    Ok(Reply::ok("success", vec![("user", Value::Object(me))]))
}
