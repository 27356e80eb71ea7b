//! The kinds of record an id in a body names, how to find one, and the answer when none is.

use crate::ctx::Ctx;
use crate::reply::{ApiError, codes};
use crate::resources::defs::{self, Res};
use crate::resources::misc::TEMPLATE_IDS;
use crate::state::text;

/// The records an id is looked up among besides its kind: the customer and the project of
/// the record the body is for.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Scope<'a> {
    /// The record's customer (`customer_id`, or the contact in the path).
    pub(crate) customer: Option<&'a str>,
    /// The record's project (`project_id`).
    pub(crate) project: Option<&'a str>,
}

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
    /// A task of the record's project.
    Task,
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
    /// An estimate of the record's customer.
    Estimate,
    /// A credit note.
    CreditNote,
    /// A customer payment.
    Payment,
    /// An expense account: one of the organization's expense categories
    /// ([`crate::resources::settings::expense_account`]).
    ExpenseAccount,
    /// A tax exemption (`/settings/taxexemptions`).
    TaxExemption,
    /// A tax authority (`/settings/taxauthorities`).
    TaxAuthority,
}

impl Target {
    /// Whether `id` names a record of this kind within `scope`.
    pub(crate) fn exists(self, c: &Ctx<'_>, id: &str, scope: Scope<'_>) -> bool {
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
            Self::Estimate => c.org.get(defs::ESTIMATES.table, id).is_some_and(|e| {
                scope
                    .customer
                    .is_none_or(|cid| text(e.get("customer_id")).as_deref() == Some(cid))
            }),
            Self::CreditNote => has(&defs::CREDIT_NOTES),
            Self::Payment => has(&defs::PAYMENTS),
            Self::ExpenseAccount => {
                crate::resources::settings::expense_account(c.org, id).is_some()
            }
            Self::TaxExemption => has(&defs::TAX_EXEMPTIONS),
            Self::TaxAuthority => has(&defs::TAX_AUTHORITIES),
            Self::ContactPerson => c
                .org
                .get(defs::CONTACT_PERSONS.table, id)
                .is_some_and(|p| text(p.get("contact_id")).as_deref() == scope.customer),
            Self::Task => c
                .org
                .get(defs::TASKS.table, id)
                .is_some_and(|t| text(t.get("project_id")).as_deref() == scope.project),
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
            Self::Task => (codes::NOT_FOUND, "Task does not exist."),
            Self::User => (codes::NOT_FOUND, "User does not exist."),
            Self::Template => (codes::NOT_FOUND, "Template does not exist."),
            Self::CreditNote => (codes::NOT_FOUND, "Credit note does not exist."),
            Self::Payment => (codes::NOT_FOUND, "Payment does not exist."),
            Self::ExpenseAccount => (codes::NOT_FOUND, "Account does not exist."),
            Self::TaxExemption => (codes::NOT_FOUND, "Tax exemption does not exist."),
            Self::TaxAuthority => (codes::NOT_FOUND, "Tax authority does not exist."),
        };
        ApiError::bad(code, message)
    }
}
