//! Validation like Zoho's: the fields each create and update must carry and the records the
//! ids in a body must name, checked before anything is stored (a refused request changes
//! nothing: no record, no number taken from a series).
//!
//! The [`RULES`] table is the one place these rules live. Required fields come from the
//! reference (`002_...`, `003_...`, `004_...`), completed by the `required:` lists of Zoho
//! Books' OpenAPI documents where the reference is silent (expenses, recurring expenses);
//! where they disagree the reference wins (credit notes and payments need a `date` there,
//! which the OpenAPI documents leave optional). Resources without a rule here keep the
//! required fields of their definition ([`crate::resources::defs::Res::required`]).
//!
//! Answers, all HTTP 400 (the 404 of code 1002 is for the record named in the path):
//! - a missing field: code 11 `Required field {field} is missing.`, except where the
//!   reference documents its own code ([`documented_missing`]);
//! - an id naming no record: the reference's code and message where it documents one
//!   (item 2006, currency 9004, contact person, estimate and invoice 1002, a payment's
//!   customer 3004), else code 1002 `{Label} does not exist.` ([`Target::unknown`]).

use serde_json::Value;

use crate::ctx::Ctx;
use crate::reply::{ApiError, codes};
use crate::resources::defs::{self, Mode, Res};
use crate::resources::misc::TEMPLATE_IDS;
use crate::state::{Record, text};

/// The kind of record an id in a body must name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// A contact (`customer_id`, `contact_id`).
    Contact,
    /// A contact the customer payment is for: the reference's own code 3004.
    PaymentCustomer,
    /// An item.
    Item,
    /// A tax or a tax group.
    Tax,
    /// A project.
    Project,
    /// A user of the organization (the current user included).
    User,
    /// A PDF template ([`TEMPLATE_IDS`]).
    Template,
    /// A currency.
    Currency,
    /// A contact person of the record's customer.
    ContactPerson,
    /// An invoice.
    Invoice,
    /// An estimate.
    Estimate,
}

impl Target {
    /// Whether `id` names a record of this kind; `customer` is the record's customer.
    fn exists(self, c: &Ctx<'_>, id: &str, customer: Option<&str>) -> bool {
        let has = |res: &Res| c.org.get(res.table, id).is_some();
        match self {
            Self::Contact | Self::PaymentCustomer => has(&defs::CONTACTS),
            Self::Item => has(&defs::ITEMS),
            Self::Tax => has(&defs::TAXES) || has(&defs::TAX_GROUPS),
            Self::Project => has(&defs::PROJECTS),
            Self::User => has(&defs::USERS),
            Self::Template => TEMPLATE_IDS.contains(&id),
            Self::Currency => has(&defs::CURRENCIES),
            Self::Invoice => has(&defs::INVOICES),
            Self::Estimate => has(&defs::ESTIMATES),
            Self::ContactPerson => c
                .org
                .get(defs::CONTACT_PERSONS.table, id)
                .is_some_and(|p| text(p.get("contact_id")).as_deref() == customer),
        }
    }

    /// The answer to an id naming no record of this kind.
    pub(crate) fn unknown(self) -> ApiError {
        let (code, message) = match self {
            Self::Item => (2006, "Item does not exist"),
            Self::Currency => (
                9004,
                "This currency does not exist. Please choose a valid currency",
            ),
            Self::PaymentCustomer => (
                3004,
                "The Customer field can neither be blank nor incorrect. Please enter a correct Customer",
            ),
            Self::ContactPerson => (codes::NOT_FOUND, "Contact Person does not exist"),
            Self::Estimate => (codes::NOT_FOUND, "Estimate does not exist"),
            Self::Invoice => (codes::NOT_FOUND, "Invoice does not exist."),
            Self::Contact => (codes::NOT_FOUND, "Contact does not exist."),
            Self::Tax => (codes::NOT_FOUND, "Tax does not exist."),
            Self::Project => (codes::NOT_FOUND, "Project does not exist."),
            Self::User => (codes::NOT_FOUND, "User does not exist."),
            Self::Template => (codes::NOT_FOUND, "Template does not exist."),
        };
        ApiError::bad(code, message)
    }
}

/// A field naming another record: `(field, target)`. A list field (`contact_persons`)
/// names one record per entry.
type Reference = (&'static str, Target);

/// The rules of one resource's create and update.
#[derive(Debug)]
pub(crate) struct Rule {
    /// The resource's table.
    pub(crate) table: &'static str,
    /// Fields a create must carry and an update must not blank.
    pub(crate) required: &'static [&'static str],
    /// Fields naming other records.
    pub(crate) references: &'static [Reference],
    /// Lists of objects (`line_items`): the list field, the fields each entry must carry and
    /// the fields of each entry naming other records.
    pub(crate) nested: Option<Nested>,
}

/// The entries of a list of objects in a body (`line_items`, a payment's `invoices`).
#[derive(Debug)]
pub(crate) struct Nested {
    /// The list field.
    pub(crate) field: &'static str,
    /// Fields each entry must carry.
    pub(crate) required: &'static [&'static str],
    /// Fields of each entry naming other records.
    pub(crate) references: &'static [Reference],
    /// What else each entry must carry, beyond the fields every entry must.
    pub(crate) entry: fn(&Record) -> Result<(), ApiError>,
}

/// An entry with nothing more to check.
fn any_entry(_: &Record) -> Result<(), ApiError> {
    Ok(())
}

/// A line item names its item (`item_id`), or stands for no item and then carries a
/// `name` or a `description` and its `rate` (an item's line takes its rate from the item).
/// The reference marks `item_id` and `rate` required, and its own examples send lines with
/// a blank `item_id` and a name: so one of the two suffices. `quantity` may be left out (it
/// is then 1); when given it is a number ([`crate::numbers::check_body`]).
fn line_item(line: &Record) -> Result<(), ApiError> {
    if present(line, "item_id") {
        return Ok(());
    }
    if !present(line, "name") && !present(line, "description") {
        return Err(ApiError::missing("item_id"));
    }
    if !present(line, "rate") {
        return Err(ApiError::missing("rate"));
    }
    Ok(())
}

/// The references of a sales document.
const DOCUMENT_REFERENCES: &[Reference] = &[
    ("customer_id", Target::Contact),
    ("currency_id", Target::Currency),
    ("template_id", Target::Template),
    ("contact_persons", Target::ContactPerson),
    ("project_id", Target::Project),
];

/// The references of an invoice: a sales document's, and the estimate it comes from.
const INVOICE_REFERENCES: &[Reference] = &[
    ("customer_id", Target::Contact),
    ("currency_id", Target::Currency),
    ("template_id", Target::Template),
    ("contact_persons", Target::ContactPerson),
    ("project_id", Target::Project),
    ("invoiced_estimate_id", Target::Estimate),
];

/// The line items of a sales document: their item, tax and project.
const LINES: Nested = Nested {
    field: "line_items",
    required: &[],
    references: &[
        ("item_id", Target::Item),
        ("tax_id", Target::Tax),
        ("project_id", Target::Project),
    ],
    entry: line_item,
};

/// The references of an expense.
const EXPENSE_REFERENCES: &[Reference] = &[
    ("customer_id", Target::Contact),
    ("currency_id", Target::Currency),
    ("tax_id", Target::Tax),
    ("project_id", Target::Project),
];

/// Every rule, one per resource.
pub(crate) static RULES: &[Rule] = &[
    Rule {
        table: "contacts",
        required: &["contact_name"],
        references: &[("currency_id", Target::Currency), ("tax_id", Target::Tax)],
        nested: None,
    },
    Rule {
        table: "contact_persons",
        required: &["first_name"],
        references: &[],
        nested: None,
    },
    Rule {
        table: "items",
        required: &["name", "rate"],
        references: &[("tax_id", Target::Tax)],
        nested: None,
    },
    Rule {
        table: "estimates",
        required: &["customer_id", "line_items"],
        references: DOCUMENT_REFERENCES,
        nested: Some(LINES),
    },
    Rule {
        table: "invoices",
        required: &["customer_id", "line_items"],
        references: INVOICE_REFERENCES,
        nested: Some(LINES),
    },
    Rule {
        table: "recurring_invoices",
        required: &["recurrence_name", "customer_id", "recurrence_frequency"],
        references: DOCUMENT_REFERENCES,
        nested: Some(LINES),
    },
    Rule {
        table: "retainer_invoices",
        required: &["customer_id", "line_items"],
        references: DOCUMENT_REFERENCES,
        nested: Some(LINES),
    },
    Rule {
        table: "credit_notes",
        required: &["customer_id", "line_items", "date"],
        references: DOCUMENT_REFERENCES,
        nested: Some(LINES),
    },
    Rule {
        table: "payments",
        required: &["customer_id", "payment_mode", "amount", "date"],
        references: &[
            ("customer_id", Target::PaymentCustomer),
            ("currency_id", Target::Currency),
        ],
        nested: Some(Nested {
            field: "invoices",
            required: &["invoice_id", "amount_applied"],
            references: &[("invoice_id", Target::Invoice)],
            entry: any_entry,
        }),
    },
    Rule {
        table: "expenses",
        required: &["account_id", "date", "amount"],
        references: EXPENSE_REFERENCES,
        nested: None,
    },
    Rule {
        table: "recurring_expenses",
        required: &[
            "account_id",
            "recurrence_name",
            "start_date",
            "recurrence_frequency",
            "repeat_every",
            "amount",
        ],
        references: EXPENSE_REFERENCES,
        nested: None,
    },
    Rule {
        table: "projects",
        required: &["project_name", "customer_id", "billing_type", "user_id"],
        references: &[
            ("customer_id", Target::Contact),
            ("currency_id", Target::Currency),
            ("user_id", Target::User),
        ],
        nested: None,
    },
    Rule {
        table: "tasks",
        required: &["task_name"],
        references: &[],
        nested: None,
    },
    Rule {
        table: "time_entries",
        required: &["project_id", "task_id", "user_id", "log_date"],
        references: &[("project_id", Target::Project), ("user_id", Target::User)],
        nested: None,
    },
];

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
    check_required(rule.table, rule.required, input, mode)?;
    let customer = text(input.get("customer_id"))
        .or_else(|| existing.and_then(|e| text(e.get("customer_id"))));
    check_references(c, rule.references, input, customer.as_deref())?;
    if let Some(nested) = &rule.nested {
        for entry in entries(input, nested.field) {
            check_required(rule.table, nested.required, entry, Mode::Create)?;
            (nested.entry)(entry)?;
            check_references(c, nested.references, entry, customer.as_deref())?;
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
    customer: Option<&str>,
) -> Result<(), ApiError> {
    for (field, target) in references {
        for id in ids(input.get(*field)) {
            if !target.exists(c, &id, customer) {
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
