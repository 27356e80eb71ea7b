//! Validation like Zoho's: the fields each create and update must carry and the records the
//! ids in a body must name, checked before anything is stored (a refused request changes
//! nothing: no record, no number taken from a series).
//!
//! The tables of [`rules`] are the one place these rules live: [`rules::RULES`] for each
//! resource's create and update, [`rules::OPERATIONS`] for the bodies of the other
//! operations (assigning users, applying credits, emails, ...). Required fields come from
//! the reference (`002_...`, `003_...`, `004_...`), completed by the `required:` lists of
//! Zoho Books' OpenAPI documents where the reference is silent (expenses, recurring
//! expenses); where they disagree the reference wins (credit notes and payments need a
//! `date` there, which the OpenAPI documents leave optional). Resources without a rule keep
//! the required fields of their definition ([`crate::resources::defs::Res::required`]).
//!
//! Answers, all HTTP 400 (the 404 of code 1002 is for the record named in the path):
//! - a missing field: code 11 `Required field {field} is missing.`, except where the
//!   reference documents its own code ([`documented_missing`]);
//! - an id naming no record: the reference's code and message where it documents one
//!   (item 2006, currency 9004, contact person, estimate and invoice 1002, a payment's
//!   customer 3004), else code 1002 `{Label} does not exist.` ([`Target::unknown`]).

pub(crate) mod rules;
pub(crate) mod target;

use serde_json::Value;

use crate::ctx::Ctx;
use crate::reply::ApiError;
use crate::resources::defs::{Mode, Res};
use crate::state::{Record, text};
use rules::{OPERATIONS, RULES, Reference, Rule};
pub(crate) use target::{Scope, Target};

/// The reference's own answer to a missing field, where it documents one.
pub(crate) fn documented_missing(table: &str, field: &str) -> Option<ApiError> {
    let (code, message) = match (table, field) {
        ("contacts", "contact_name") => (3013, "Enter a valid Contact Name"),
        ("recurring_invoices", "recurrence_name") => {
            (4031, "Please enter a name for this Recurring Invoice")
        }
        ("expenses", "amount") => (5015, "Enter a valid expense amount"),
        ("payments", "customer_id") => return Some(Target::PaymentCustomer.unknown()),
        _ => return None,
    };
    Some(ApiError::bad(code, message))
}

/// Whether a field is present and not blank.
pub(crate) fn present(rec: &Record, field: &str) -> bool {
    match rec.get(field) {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !s.trim().is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(_) => true,
    }
}

/// The answer to `field` missing from a record of `table`.
fn missing(table: &str, field: &str) -> ApiError {
    documented_missing(table, field).unwrap_or_else(|| ApiError::missing(field))
}

/// Checks a create (`existing` is `None`) or an update of a record of `res` against its
/// rule: `input` is the body; on update `existing` is the stored record, whose fields the
/// body does not repeat are kept. A record the client numbers itself
/// (`ignore_auto_number_generation=true`) must carry its number.
pub(crate) fn check(
    c: &Ctx<'_>,
    res: &Res,
    input: &Record,
    existing: Option<&Record>,
) -> Result<(), ApiError> {
    let mode = if existing.is_some() {
        Mode::Update
    } else {
        Mode::Create
    };
    if let Some((field, _)) = res.number {
        if mode == Mode::Create && manual_numbering(c, input) && !present(input, field) {
            return Err(ApiError::missing(field));
        }
    }
    let Some(rule) = RULES.iter().find(|r| r.table == res.table) else {
        return Ok(());
    };
    let kept =
        |field: &str| text(input.get(field)).or_else(|| existing.and_then(|e| text(e.get(field))));
    let (customer, project) = (kept("customer_id"), kept("project_id"));
    let scope = Scope {
        customer: customer.as_deref(),
        project: project.as_deref(),
    };
    check_rule(c, rule, input, mode, scope)
}

/// Checks the body of an operation that is not a create or update (`op` is its
/// `METHOD /path template`, a key of [`OPERATIONS`]) within `scope`.
pub(crate) fn check_operation(
    c: &Ctx<'_>,
    op: &str,
    input: &Record,
    scope: Scope<'_>,
) -> Result<(), ApiError> {
    match OPERATIONS.iter().find(|(name, _)| *name == op) {
        Some((_, rule)) => check_rule(c, rule, input, Mode::Create, scope),
        None => Ok(()),
    }
}

/// Checks `input` against `rule`: its required fields, the ids it names, and those of its
/// lists' entries.
fn check_rule(
    c: &Ctx<'_>,
    rule: &Rule,
    input: &Record,
    mode: Mode,
    scope: Scope<'_>,
) -> Result<(), ApiError> {
    check_required(rule.table, rule.required, input, mode)?;
    check_references(c, rule.references, input, scope)?;
    for nested in rule.nested {
        for entry in entries(input, nested.field) {
            check_required(rule.table, nested.required, entry, Mode::Create)?;
            (nested.entry)(entry)?;
            check_references(c, nested.references, entry, scope)?;
        }
    }
    Ok(())
}

/// Whether the client numbers the record itself (`ignore_auto_number_generation`, in the
/// query or the body).
fn manual_numbering(c: &Ctx<'_>, input: &Record) -> bool {
    c.query("ignore_auto_number_generation") == Some("true")
        || text(input.get("ignore_auto_number_generation")).as_deref() == Some("true")
}

/// A create must carry every field; an update must not blank one it carries.
fn check_required(
    table: &str,
    required: &[&str],
    input: &Record,
    mode: Mode,
) -> Result<(), ApiError> {
    let lacking = |f: &&str| match mode {
        Mode::Create => !present(input, f),
        Mode::Update => input.contains_key(*f) && !present(input, f),
    };
    match required.iter().copied().find(lacking) {
        Some(field) => Err(missing(table, field)),
        None => Ok(()),
    }
}

/// Every id the fields name must exist; blank fields name nothing.
fn check_references(
    c: &Ctx<'_>,
    references: &[Reference],
    input: &Record,
    scope: Scope<'_>,
) -> Result<(), ApiError> {
    for (field, target) in references {
        for id in ids(input.get(*field)) {
            if !target.exists(c, &id, scope) {
                return Err(target.unknown());
            }
        }
    }
    Ok(())
}

/// The ids a field carries: one, or one per entry of a list (entries that are objects
/// carry their own fields, not an id).
fn ids(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(list)) => list.iter().filter_map(|v| text(Some(v))).collect(),
        v => text(v).into_iter().collect(),
    }
}

/// The objects of a list field.
fn entries<'a>(input: &'a Record, field: &str) -> impl Iterator<Item = &'a Record> {
    input
        .get(field)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
}
