//! The organization itself (get, update, create) and the user making the calls
//! (`/users/me`), from Zoho Books' OpenAPI documents, which Zoho Invoice shares.

use serde_json::{Value, json};

use crate::ctx::Ctx;
use crate::reply::{ApiError, HResult, Reply};
use crate::resources::defs::{
    CURRENCIES as CURRENCIES_RES, EXPENSE_CATEGORIES, Mode, TAXES as TAXES_RES, USERS,
};
use crate::state::{Org, Record, cents, money, text};

/// The id of the seeded "VAT" tax (12.5%), as the reference's examples name it.
pub(crate) const VAT_TAX_ID: &str = "982000000557028";

/// The taxes every organization starts with: `(tax_id, tax_name, tax_percentage)`.
const TAXES: &[(&str, &str, f64)] = &[
    (VAT_TAX_ID, "VAT", 12.5),
    ("982000000566007", "SalesTax", 10.5),
];

/// The currencies every organization starts with: `(currency_id, currency_code,
/// currency_name, currency_symbol, price_precision)`; the first is the base currency.
const CURRENCIES: &[(&str, &str, &str, &str, u32)] = &[
    ("982000000000190", "USD", "US Dollar", "$", 2),
    ("982000000000191", "EUR", "Euro", "€", 2),
    ("982000000000192", "INR", "Indian Rupee", "₹", 2),
    ("982000000000193", "JPY", "Japanese Yen", "¥", 0),
];

/// The expense accounts every organization starts with, as expense categories (an expense's
/// `account_id` names one): `(category_id, category_name, description)`. The first is the
/// account of the reference's expense examples.
const EXPENSE_ACCOUNTS: &[(&str, &str, &str)] = &[
    ("982000000561057", "Rent", "Rent of offices and storage"),
    (
        "982000000561061",
        "Advertising And Marketing",
        "Advertisements and promotions",
    ),
    (
        "982000000561063",
        "Automobile Expense",
        "Fuel, maintenance and vehicle costs",
    ),
    (
        "982000000561065",
        "Meals and Entertainment",
        "Meals with customers and staff events",
    ),
    (
        "982000000561067",
        "Other Expenses",
        "Expenses of no other account",
    ),
];

/// The expense account `id` names: an expense category, by its `category_id` or the
/// `account_id` behind it.
pub(crate) fn expense_account<'o>(org: &'o Org, id: &str) -> Option<&'o Record> {
    org.get(EXPENSE_CATEGORIES.table, id).or_else(|| {
        org.rows(EXPENSE_CATEGORIES.table)
            .find(|c| text(c.get("account_id")).as_deref() == Some(id))
    })
}

/// Stores the taxes, currencies and expense accounts a new organization starts with.
pub(crate) fn seed_settings(org: &mut Org) {
    for (id, name, description) in EXPENSE_ACCOUNTS {
        let category = json!({
            "category_id": id, "category_name": name, "description": description,
            "status": "active", "account_id": id, "account_name": name,
        });
        if let Value::Object(category) = category {
            org.table(EXPENSE_CATEGORIES.table)
                .insert((*id).to_owned(), category);
        }
    }
    for (id, name, percentage) in TAXES {
        let tax = json!({
            "tax_id": id, "tax_name": name, "tax_percentage": percentage, "tax_type": "tax",
            "is_value_added": true, "is_default_tax": false, "is_editable": true,
        });
        if let Value::Object(tax) = tax {
            org.table(TAXES_RES.table).insert((*id).to_owned(), tax);
        }
    }
    for (i, (id, code, name, symbol, precision)) in CURRENCIES.iter().enumerate() {
        let format = if *precision == 0 {
            "###,###"
        } else {
            "###,##0.00"
        };
        let currency = json!({
            "currency_id": id, "currency_code": code, "currency_name": format!("{code}- {name}"),
            "currency_symbol": symbol, "price_precision": precision, "currency_format": format,
            "is_base_currency": i == 0, "exchange_rate": 1,
        });
        if let Value::Object(currency) = currency {
            org.table(CURRENCIES_RES.table)
                .insert((*id).to_owned(), currency);
        }
    }
}

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

/// A tax group's `taxes`, sent as comma-separated tax ids, kept as the taxes themselves
/// (`tax_id`, `tax_name`, `tax_percentage`, `tax_type`), with `tax_group_percentage` their
/// sum, as Zoho Books' document and its example show the group. A list (an update that
/// leaves the taxes alone) is kept; an id that names no tax is refused.
pub(crate) fn prepare_tax_group(
    c: &mut Ctx<'_>,
    rec: &mut Record,
    _mode: Mode,
) -> Result<(), ApiError> {
    let Some(ids) = rec.get("taxes").and_then(Value::as_str).map(str::to_owned) else {
        return Ok(());
    };
    let mut taxes = Vec::new();
    let mut percent = 0i64;
    for id in ids.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let tax = c
            .org
            .get(TAXES_RES.table, id)
            .ok_or_else(|| crate::validate::Target::Tax.unknown())?;
        percent = percent.saturating_add(cents(tax.get("tax_percentage")).unwrap_or(0));
        taxes.push(json!({
            "tax_id": id,
            "tax_name": tax.get("tax_name").cloned().unwrap_or(json!("")),
            "tax_percentage": tax.get("tax_percentage").cloned().unwrap_or(json!(0)),
            "tax_type": tax.get("tax_type").cloned().unwrap_or(json!("tax")),
        }));
    }
    rec.insert("taxes".into(), Value::Array(taxes));
    rec.insert("tax_group_percentage".into(), money(percent));
    Ok(())
}
