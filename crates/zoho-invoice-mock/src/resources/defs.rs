//! The resources the server stores: table, id field, envelope keys and shapes, numbering and
//! hooks.

use crate::ctx::Ctx;
use crate::reply::ApiError;
use crate::resources::{billing, contacts, links, payments, projects, recurring, settings};
use crate::state::Record;
use crate::table::Derive;

/// Whether a record is being created or updated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// `POST` of a new record.
    Create,
    /// `PUT` of an existing record.
    Update,
}

/// Fills in derived fields and checks references before a record is stored.
pub(crate) type Prepare = fn(&mut Ctx<'_>, &mut Record, Mode) -> Result<(), ApiError>;
/// Checks and undoes side effects before a record is deleted.
pub(crate) type OnDelete = fn(&mut Ctx<'_>, &Record) -> Result<(), ApiError>;

/// How an answer carries the record it is about, as the reference's examples show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// One object under the key (`"invoice": {...}`).
    One(&'static str),
    /// A list of one object under the key (`"contact_person": [{...}]`).
    ListOfOne(&'static str),
    /// The record's fields at the top level, beside `code` and `message`.
    Flat,
    /// No record at all: only `code` and `message`.
    Bare,
}

/// The shapes of the answers to create, get and update of a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Answers {
    /// `POST /things`.
    pub(crate) create: Shape,
    /// `GET /things/{id}`.
    pub(crate) get: Shape,
    /// `PUT /things/{id}`.
    pub(crate) update: Shape,
}

impl Answers {
    /// Every answer carries one object under `key`.
    pub(crate) const fn one(key: &'static str) -> Self {
        Self::new(Shape::One(key), Shape::One(key), Shape::One(key))
    }

    /// Every answer carries a list of one object under `key`.
    pub(crate) const fn list_of_one(key: &'static str) -> Self {
        Self::new(
            Shape::ListOfOne(key),
            Shape::ListOfOne(key),
            Shape::ListOfOne(key),
        )
    }

    /// Create, get and update answers in the given shapes.
    pub(crate) const fn new(create: Shape, get: Shape, update: Shape) -> Self {
        Self {
            create,
            get,
            update,
        }
    }
}

/// A stored resource.
pub(crate) struct Res {
    /// Table name in the organization's store.
    pub(crate) table: &'static str,
    /// Id field (`invoice_id`).
    pub(crate) id: &'static str,
    /// How create, get and update answers carry the record (`"invoice": {...}`); the
    /// reference's examples differ per resource and per operation.
    pub(crate) answers: Answers,
    /// Envelope key of a list (`invoices`).
    pub(crate) many: &'static str,
    /// Name in messages (`invoice`).
    pub(crate) label: &'static str,
    /// The parent resource of a sub-resource (comments of an invoice).
    pub(crate) parent: Option<&'static Res>,
    /// Number field and prefix (`invoice_number`, `INV-`).
    pub(crate) number: Option<(&'static str, &'static str)>,
    /// Fields a create must carry, for the resources `validate.rs` has no rule for (those it
    /// has are checked there, with Zoho's codes).
    pub(crate) required: &'static [&'static str],
    /// Status of a new record.
    pub(crate) status: Option<&'static str>,
    /// Where comments and history of a record accumulate.
    pub(crate) history: Option<&'static Res>,
    /// Fields a create or update also takes as query parameters (comments travel in the
    /// query: `?description=...&show_comment_to_clients=true`); the body wins.
    pub(crate) query_fields: &'static [&'static str],
    pub(crate) prepare: Prepare,
    /// Fields derived from the record and the clock (an invoice falling overdue), kept up
    /// to date by the record's table.
    pub(crate) derive: Option<Derive>,
    pub(crate) on_delete: OnDelete,
}

impl Res {
    /// Brings the record's derived fields up to date at `now`.
    pub(crate) fn refresh(&self, now: i64, rec: &mut Record) {
        if let Some(d) = self.derive {
            (d.refresh)(now, rec);
        }
    }
}

/// The derived fields of the records of `table`, if they have any.
pub(crate) fn derive(table: &str) -> Option<Derive> {
    [&INVOICES]
        .into_iter()
        .find(|res| res.table == table)
        .and_then(|res| res.derive)
}

fn no_prepare(_: &mut Ctx<'_>, _: &mut Record, _: Mode) -> Result<(), ApiError> {
    Ok(())
}

fn no_delete(_: &mut Ctx<'_>, _: &Record) -> Result<(), ApiError> {
    Ok(())
}

const fn res(
    table: &'static str,
    id: &'static str,
    one: &'static str,
    many: &'static str,
    label: &'static str,
) -> Res {
    Res {
        table,
        id,
        answers: Answers::one(one),
        many,
        label,
        parent: None,
        number: None,
        required: &[],
        status: None,
        history: None,
        query_fields: &[],
        prepare: no_prepare,
        derive: None,
        on_delete: no_delete,
    }
}

/// The fields of a comment, as the reference sends them in the query.
const COMMENT_FIELDS: &[&str] = &[
    "description",
    "show_comment_to_clients",
    "payment_expected_date",
    "expected_payment_date",
];

const fn comments(
    table: &'static str,
    many: &'static str,
    parent: &'static Res,
    answers: Answers,
) -> Res {
    Res {
        parent: Some(parent),
        answers,
        required: &["description"],
        query_fields: COMMENT_FIELDS,
        prepare: contacts::prepare_comment,
        ..res(table, "comment_id", "comment", many, "comment")
    }
}

pub(crate) static ITEMS: Res = Res {
    status: Some("active"),
    ..res("items", "item_id", "item", "items", "item")
};

pub(crate) static PRICEBOOKS: Res = Res {
    required: &["name"],
    status: Some("active"),
    ..res(
        "pricebooks",
        "pricebook_id",
        "pricebook",
        "pricebooks",
        "price list",
    )
};

pub(crate) static CONTACTS: Res = Res {
    status: Some("active"),
    history: Some(&CONTACT_COMMENTS),
    prepare: contacts::prepare_contact,
    on_delete: contacts::delete_contact,
    ..res("contacts", "contact_id", "contact", "contacts", "contact")
};

pub(crate) static CONTACT_COMMENTS: Res = comments(
    "contact_comments",
    "contact_comments",
    &CONTACTS,
    Answers::one("comment"),
);

pub(crate) static CONTACT_ADDRESSES: Res = Res {
    parent: Some(&CONTACTS),
    ..res(
        "contact_addresses",
        "address_id",
        "address_info",
        "addresses",
        "address",
    )
};

pub(crate) static CONTACT_PERSONS: Res = Res {
    parent: Some(&CONTACTS),
    answers: Answers::new(
        Shape::ListOfOne("contact_person"),
        Shape::One("contact_person"),
        Shape::ListOfOne("contact_person"),
    ),
    ..res(
        "contact_persons",
        "contact_person_id",
        "contact_person",
        "contact_persons",
        "contact person",
    )
};

pub(crate) static CLIENT_REVIEWS: Res = res(
    "client_reviews",
    "comment_id",
    "reviews",
    "reviews",
    "review",
);

pub(crate) static ESTIMATES: Res = Res {
    number: Some(("estimate_number", "EST-")),
    status: Some("draft"),
    history: Some(&ESTIMATE_COMMENTS),
    prepare: billing::prepare_document,
    ..res(
        "estimates",
        "estimate_id",
        "estimate",
        "estimates",
        "estimate",
    )
};

pub(crate) static ESTIMATE_COMMENTS: Res = comments(
    "estimate_comments",
    "comments",
    &ESTIMATES,
    Answers::new(Shape::Bare, Shape::One("comment"), Shape::One("comment")),
);

pub(crate) static INVOICES: Res = Res {
    number: Some(("invoice_number", "INV-")),
    status: Some("draft"),
    history: Some(&INVOICE_COMMENTS),
    prepare: links::prepare_invoice,
    derive: Some(Derive {
        refresh: billing::refresh_invoice,
        wakeup: billing::invoice_wakeup,
    }),
    on_delete: links::delete_invoice,
    ..res("invoices", "invoice_id", "invoice", "invoices", "invoice")
};

pub(crate) static INVOICE_COMMENTS: Res = comments(
    "invoice_comments",
    "comments",
    &INVOICES,
    Answers::new(Shape::Bare, Shape::One("comment"), Shape::Flat),
);

pub(crate) static RECURRING_INVOICES: Res = Res {
    status: Some("active"),
    history: Some(&RECURRING_INVOICE_COMMENTS),
    prepare: recurring::prepare,
    ..res(
        "recurring_invoices",
        "recurring_invoice_id",
        "recurring_invoice",
        "recurring_invoices",
        "recurring invoice",
    )
};

pub(crate) static RECURRING_INVOICE_COMMENTS: Res = comments(
    "recurring_invoice_comments",
    "comments",
    &RECURRING_INVOICES,
    Answers::one("comment"),
);

pub(crate) static PAYMENTS: Res = Res {
    prepare: payments::prepare_payment,
    on_delete: payments::delete_payment,
    ..res(
        "payments",
        "payment_id",
        "payment",
        "customerpayments",
        "payment",
    )
};

pub(crate) static PAYMENT_REFUNDS: Res = Res {
    parent: Some(&PAYMENTS),
    // A list of one in every answer, one refund's details too: Zoho Books' OpenAPI documents
    // `payment_refunds` as a list (the reference's example of the details shows an object).
    answers: Answers::list_of_one("payment_refunds"),
    prepare: payments::prepare_payment_refund,
    on_delete: payments::delete_payment_refund,
    ..res(
        "payment_refunds",
        "payment_refund_id",
        "payment_refunds",
        "payment_refunds",
        "refund",
    )
};

pub(crate) static RETAINER_INVOICES: Res = Res {
    number: Some(("retainerinvoice_number", "RET-")),
    status: Some("draft"),
    history: Some(&RETAINER_COMMENTS),
    prepare: billing::prepare_invoice,
    answers: Answers::new(
        Shape::One("retainerinvoices"),
        Shape::One("retainerinvoice"),
        Shape::One("retainerinvoices"),
    ),
    ..res(
        "retainer_invoices",
        "retainerinvoice_id",
        "retainerinvoice",
        "retainerinvoices",
        "retainer invoice",
    )
};

pub(crate) static RETAINER_COMMENTS: Res = comments(
    "retainer_comments",
    "comments",
    &RETAINER_INVOICES,
    Answers::new(Shape::Bare, Shape::One("comment"), Shape::Flat),
);

pub(crate) static CREDIT_NOTES: Res = Res {
    number: Some(("creditnote_number", "CN-")),
    status: Some("open"),
    history: Some(&CREDIT_NOTE_COMMENTS),
    prepare: billing::prepare_credit_note,
    on_delete: payments::delete_credit_note,
    ..res(
        "credit_notes",
        "creditnote_id",
        "creditnote",
        "creditnotes",
        "credit note",
    )
};

pub(crate) static CREDIT_NOTE_COMMENTS: Res = comments(
    "creditnote_comments",
    "comments",
    &CREDIT_NOTES,
    Answers::new(Shape::Bare, Shape::One("comment"), Shape::One("comment")),
);

pub(crate) static CREDIT_NOTE_REFUNDS: Res = Res {
    parent: Some(&CREDIT_NOTES),
    prepare: payments::prepare_credit_refund,
    on_delete: payments::delete_credit_refund,
    ..res(
        "creditnote_refunds",
        "creditnote_refund_id",
        "creditnote_refund",
        "creditnote_refunds",
        "refund",
    )
};

pub(crate) static EXPENSES: Res = Res {
    history: Some(&EXPENSE_COMMENTS),
    status: Some("unbilled"),
    prepare: billing::prepare_expense,
    ..res("expenses", "expense_id", "expense", "expenses", "expense")
};

pub(crate) static EXPENSE_CATEGORIES: Res = Res {
    required: &["category_name"],
    status: Some("active"),
    ..res(
        "expense_categories",
        "category_id",
        "expense_category",
        "expense_categories",
        "expense category",
    )
};

pub(crate) static RECURRING_EXPENSES: Res = Res {
    history: Some(&RECURRING_EXPENSE_COMMENTS),
    status: Some("active"),
    prepare: recurring::prepare_expense,
    ..res(
        "recurring_expenses",
        "recurring_expense_id",
        "recurring_expense",
        "recurring_expenses",
        "recurring expense",
    )
};

pub(crate) static PROJECTS: Res = Res {
    status: Some("active"),
    history: Some(&PROJECT_COMMENTS),
    prepare: projects::prepare_project,
    ..res("projects", "project_id", "project", "projects", "project")
};

pub(crate) static PROJECT_COMMENTS: Res = comments(
    "project_comments",
    "comments",
    &PROJECTS,
    Answers::new(
        Shape::ListOfOne("comments"),
        Shape::One("comment"),
        Shape::One("comment"),
    ),
);

pub(crate) static TASKS: Res = Res {
    parent: Some(&PROJECTS),
    status: Some("open"),
    ..res("tasks", "task_id", "task", "tasks", "task")
};

pub(crate) static PROJECT_USERS: Res = Res {
    parent: Some(&PROJECTS),
    status: Some("active"),
    ..res("project_users", "user_id", "users", "users", "user")
};

pub(crate) static TIME_ENTRIES: Res = Res {
    parent: Some(&PROJECTS),
    prepare: projects::prepare_time_entry,
    ..res(
        "time_entries",
        "time_entry_id",
        "time_entry",
        "time_entries",
        "time entry",
    )
};

// Settings and users, from Zoho Books' OpenAPI documents (which Zoho Invoice shares): their
// creates and updates answer as those documents show.

pub(crate) static USERS: Res = Res {
    answers: Answers::new(Shape::Bare, Shape::One("user"), Shape::Bare),
    required: &["name", "email"],
    status: Some("invited"),
    ..res("users", "user_id", "user", "users", "user")
};

pub(crate) static CURRENCIES: Res = Res {
    required: &["currency_code", "currency_format"],
    ..res(
        "currencies",
        "currency_id",
        "currency",
        "currencies",
        "currency",
    )
};

pub(crate) static EXCHANGE_RATES: Res = Res {
    parent: Some(&CURRENCIES),
    answers: Answers::new(
        Shape::One("exchange_rate"),
        Shape::One("exchange_rate"),
        Shape::Bare,
    ),
    required: &["effective_date", "rate"],
    ..res(
        "exchange_rates",
        "exchange_rate_id",
        "exchange_rate",
        "exchange_rates",
        "exchange rate",
    )
};

pub(crate) static TAXES: Res = Res {
    // Zoho Books' document shows the tax in a list of one in these answers.
    answers: Answers::new(
        Shape::ListOfOne("tax"),
        Shape::ListOfOne("tax"),
        Shape::ListOfOne("tax"),
    ),
    required: &["tax_name", "tax_percentage"],
    ..res("taxes", "tax_id", "tax", "taxes", "tax")
};

pub(crate) static TAX_GROUPS: Res = Res {
    required: &["tax_group_name", "taxes"],
    prepare: settings::prepare_tax_group,
    ..res(
        "tax_groups",
        "tax_group_id",
        "tax_group",
        "tax_groups",
        "tax group",
    )
};

pub(crate) static TAX_AUTHORITIES: Res = Res {
    required: &["tax_authority_name"],
    ..res(
        "tax_authorities",
        "tax_authority_id",
        "tax_authority",
        "tax_authorities",
        "tax authority",
    )
};

pub(crate) static TAX_EXEMPTIONS: Res = Res {
    required: &["tax_exemption_code", "type"],
    ..res(
        "tax_exemptions",
        "tax_exemption_id",
        "tax_exemption",
        "tax_exemptions",
        "tax exemption",
    )
};

pub(crate) static EXPENSE_COMMENTS: Res = comments(
    "expense_comments",
    "comments",
    &EXPENSES,
    Answers::one("comment"),
);

pub(crate) static RECURRING_EXPENSE_COMMENTS: Res = comments(
    "recurring_expense_comments",
    "comments",
    &RECURRING_EXPENSES,
    Answers::one("comment"),
);
