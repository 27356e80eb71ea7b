//! The rules themselves: for each resource's create and update ([`RULES`]), and for the
//! bodies of the operations that are not a plain create or update ([`OPERATIONS`]).

use crate::reply::ApiError;
use crate::state::Record;
use crate::validate::present;
use crate::validate::target::Target;

/// A field naming another record: `(field, target)`. A list field (`contact_persons`)
/// names one record per entry.
pub(crate) type Reference = (&'static str, Target);

/// The rules of one body.
#[derive(Debug)]
pub(crate) struct Rule {
    /// The resource's table (its documented answers to a missing field are looked up by it).
    pub(crate) table: &'static str,
    /// Fields a create must carry and an update must not blank.
    pub(crate) required: &'static [&'static str],
    /// Fields naming other records.
    pub(crate) references: &'static [Reference],
    /// Lists of objects (`line_items`, a project's `tasks`).
    pub(crate) nested: &'static [Nested],
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

/// A list of objects whose entries carry `required` and name `references`.
const fn list(
    field: &'static str,
    required: &'static [&'static str],
    references: &'static [Reference],
) -> Nested {
    Nested {
        field,
        required,
        references,
        entry: any_entry,
    }
}

/// The references of a sales document: its customer and theirs, its currency, template and
/// project, and its taxes (the document's own `tax_id`, the shipping charge's tax, a tax
/// exemption, the US tax authority).
const DOCUMENT_REFERENCES: &[Reference] = &[
    ("customer_id", Target::Contact),
    ("currency_id", Target::Currency),
    ("template_id", Target::Template),
    ("contact_persons", Target::ContactPerson),
    ("project_id", Target::Project),
    ("tax_id", Target::Tax),
    ("shipping_charge_tax_id", Target::Tax),
    ("tax_exemption_id", Target::TaxExemption),
    ("tax_authority_id", Target::TaxAuthority),
];

/// The references of an invoice: a sales document's, and the estimate it comes from.
const INVOICE_REFERENCES: &[Reference] = &[
    ("customer_id", Target::Contact),
    ("currency_id", Target::Currency),
    ("template_id", Target::Template),
    ("contact_persons", Target::ContactPerson),
    ("project_id", Target::Project),
    ("tax_id", Target::Tax),
    ("shipping_charge_tax_id", Target::Tax),
    ("tax_exemption_id", Target::TaxExemption),
    ("tax_authority_id", Target::TaxAuthority),
    ("invoiced_estimate_id", Target::Estimate),
];

/// The line items of a sales document: their item, tax, tax exemption and project.
const LINES: &[Nested] = &[Nested {
    field: "line_items",
    required: &[],
    references: &[
        ("item_id", Target::Item),
        ("tax_id", Target::Tax),
        ("tax_exemption_id", Target::TaxExemption),
        ("project_id", Target::Project),
    ],
    entry: line_item,
}];

/// The references of an expense: its account (an expense category), customer, currency,
/// tax and project.
const EXPENSE_REFERENCES: &[Reference] = &[
    ("account_id", Target::ExpenseAccount),
    ("customer_id", Target::Contact),
    ("currency_id", Target::Currency),
    ("tax_id", Target::Tax),
    ("tax_exemption_id", Target::TaxExemption),
    ("project_id", Target::Project),
];

/// The lines of an itemized expense: their account, tax and tax exemption.
const EXPENSE_LINES: &[Nested] = &[list(
    "line_items",
    &[],
    &[
        ("account_id", Target::ExpenseAccount),
        ("tax_id", Target::Tax),
        ("tax_exemption_id", Target::TaxExemption),
    ],
)];

/// An email sent from a record: the reference requires its recipients, subject and body.
const EMAIL: &[&str] = &["to_mail_ids", "subject", "body"];

/// Every rule of a resource's create and update, one per resource.
pub(crate) static RULES: &[Rule] = &[
    Rule {
        table: "contacts",
        required: &["contact_name"],
        references: &[
            ("currency_id", Target::Currency),
            ("tax_id", Target::Tax),
            ("tax_exemption_id", Target::TaxExemption),
            ("tax_authority_id", Target::TaxAuthority),
        ],
        nested: &[],
    },
    Rule {
        table: "contact_persons",
        required: &["first_name"],
        references: &[],
        nested: &[],
    },
    Rule {
        table: "items",
        required: &["name", "rate"],
        references: &[
            ("tax_id", Target::Tax),
            ("tax_exemption_id", Target::TaxExemption),
        ],
        nested: &[],
    },
    Rule {
        table: "estimates",
        required: &["customer_id", "line_items"],
        references: DOCUMENT_REFERENCES,
        nested: LINES,
    },
    Rule {
        table: "invoices",
        required: &["customer_id", "line_items"],
        references: INVOICE_REFERENCES,
        nested: LINES,
    },
    Rule {
        table: "recurring_invoices",
        required: &["recurrence_name", "customer_id", "recurrence_frequency"],
        references: DOCUMENT_REFERENCES,
        nested: LINES,
    },
    Rule {
        table: "retainer_invoices",
        required: &["customer_id", "line_items"],
        references: DOCUMENT_REFERENCES,
        nested: LINES,
    },
    Rule {
        table: "credit_notes",
        required: &["customer_id", "line_items", "date"],
        references: DOCUMENT_REFERENCES,
        nested: LINES,
    },
    Rule {
        table: "payments",
        required: &["customer_id", "payment_mode", "amount", "date"],
        references: &[
            ("customer_id", Target::PaymentCustomer),
            ("currency_id", Target::Currency),
        ],
        nested: &[list(
            "invoices",
            &["invoice_id", "amount_applied"],
            &[("invoice_id", Target::Invoice)],
        )],
    },
    // The reference documents a payment refund's date and amount; a credit note's refund
    // (whose page its copy lacks) is taken to need the same.
    Rule {
        table: "payment_refunds",
        required: &["date", "amount"],
        references: &[],
        nested: &[],
    },
    Rule {
        table: "creditnote_refunds",
        required: &["date", "amount"],
        references: &[],
        nested: &[],
    },
    Rule {
        table: "expenses",
        required: &["account_id", "date", "amount"],
        references: EXPENSE_REFERENCES,
        nested: EXPENSE_LINES,
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
        nested: EXPENSE_LINES,
    },
    Rule {
        table: "projects",
        required: &["project_name", "customer_id", "billing_type", "user_id"],
        references: &[
            ("customer_id", Target::Contact),
            ("currency_id", Target::Currency),
            ("user_id", Target::User),
        ],
        nested: &[
            list("tasks", &["task_name"], &[]),
            list("users", &["user_id"], &[("user_id", Target::User)]),
        ],
    },
    Rule {
        table: "tasks",
        required: &["task_name"],
        references: &[],
        nested: &[],
    },
    Rule {
        table: "time_entries",
        required: &["project_id", "task_id", "user_id", "log_date"],
        references: &[
            ("project_id", Target::Project),
            ("task_id", Target::Task),
            ("user_id", Target::User),
        ],
        nested: &[],
    },
];

/// The rules of the bodies of operations that are not a resource's create or update, by
/// operation (`METHOD /path template`).
pub(crate) static OPERATIONS: &[(&str, Rule)] = &[
    (
        "POST /projects/{project_id}/users",
        Rule {
            table: "project_users",
            required: &[],
            references: &[("user_id", Target::User)],
            nested: &[list("users", &["user_id"], &[("user_id", Target::User)])],
        },
    ),
    (
        "POST /projects/{project_id}/clone",
        Rule {
            table: "projects",
            required: &["project_name"],
            references: &[],
            nested: &[],
        },
    ),
    (
        "POST /creditnotes/{creditnote_id}/invoices",
        Rule {
            table: "credit_notes",
            required: &["invoices"],
            references: &[],
            nested: &[list(
                "invoices",
                &["invoice_id", "amount_applied"],
                &[("invoice_id", Target::Invoice)],
            )],
        },
    ),
    (
        "POST /invoices/{invoice_id}/credits",
        Rule {
            table: "invoices",
            required: &[],
            references: &[],
            nested: &[
                list(
                    "apply_creditnotes",
                    &["creditnote_id", "amount_applied"],
                    &[("creditnote_id", Target::CreditNote)],
                ),
                list(
                    "invoice_payments",
                    &["payment_id", "amount_applied"],
                    &[("payment_id", Target::Payment)],
                ),
            ],
        },
    ),
    (
        "POST /contacts/{contact_id}/portal/enable",
        Rule {
            table: "contacts",
            required: &["contact_persons"],
            references: &[],
            nested: &[list(
                "contact_persons",
                &["contact_person_id"],
                &[("contact_person_id", Target::ContactPerson)],
            )],
        },
    ),
    (
        "POST /contacts/{contact_id}/email",
        Rule {
            table: "contacts",
            required: EMAIL,
            references: &[],
            nested: &[],
        },
    ),
    (
        "POST /contacts/{contact_id}/statements/email",
        Rule {
            table: "contacts",
            required: EMAIL,
            references: &[],
            nested: &[],
        },
    ),
    (
        "POST /creditnotes/{creditnote_id}/email",
        Rule {
            table: "credit_notes",
            required: EMAIL,
            references: &[],
            nested: &[],
        },
    ),
];
