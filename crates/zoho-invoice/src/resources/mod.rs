//! One module per resource group; each defines its operations and list filters. Each module
//! is behind a Cargo feature of the same name (with `-` for `_`); all are on by default.

#[cfg(feature = "contacts")]
pub mod contacts;
#[cfg(feature = "credit-notes")]
pub mod credit_notes;
#[cfg(feature = "currencies")]
pub mod currencies;
#[cfg(feature = "customer-payments")]
pub mod customer_payments;
#[cfg(feature = "estimates")]
pub mod estimates;
#[cfg(feature = "expenses")]
pub mod expenses;
#[cfg(feature = "invoices")]
pub mod invoices;
#[cfg(feature = "items")]
pub mod items;
#[cfg(feature = "organizations")]
pub mod organizations;
#[cfg(feature = "projects")]
pub mod projects;
#[cfg(feature = "recurring-expenses")]
pub mod recurring_expenses;
#[cfg(feature = "recurring-invoices")]
pub mod recurring_invoices;
#[cfg(feature = "retainer-invoices")]
pub mod retainer_invoices;
#[cfg(feature = "taxes")]
pub mod taxes;
#[cfg(feature = "time-entries")]
pub mod time_entries;
#[cfg(feature = "users")]
pub mod users;

/// The operation tables of every module compiled in.
pub(crate) const OPERATION_GROUPS: &[&[crate::endpoint::Operation]] = &[
    #[cfg(feature = "contacts")]
    contacts::OPERATIONS,
    #[cfg(feature = "credit-notes")]
    credit_notes::OPERATIONS,
    #[cfg(feature = "currencies")]
    currencies::OPERATIONS,
    #[cfg(feature = "customer-payments")]
    customer_payments::OPERATIONS,
    #[cfg(feature = "estimates")]
    estimates::OPERATIONS,
    #[cfg(feature = "expenses")]
    expenses::OPERATIONS,
    #[cfg(feature = "invoices")]
    invoices::OPERATIONS,
    #[cfg(feature = "items")]
    items::OPERATIONS,
    #[cfg(feature = "organizations")]
    organizations::OPERATIONS,
    #[cfg(feature = "projects")]
    projects::OPERATIONS,
    #[cfg(feature = "recurring-expenses")]
    recurring_expenses::OPERATIONS,
    #[cfg(feature = "recurring-invoices")]
    recurring_invoices::OPERATIONS,
    #[cfg(feature = "retainer-invoices")]
    retainer_invoices::OPERATIONS,
    #[cfg(feature = "taxes")]
    taxes::OPERATIONS,
    #[cfg(feature = "time-entries")]
    time_entries::OPERATIONS,
    #[cfg(feature = "users")]
    users::OPERATIONS,
];

/// The sample builders of every module compiled in.
pub(crate) const SAMPLE_GROUPS: &[fn() -> Vec<crate::sample::Sampled>] = &[
    #[cfg(feature = "contacts")]
    contacts::samples,
    #[cfg(feature = "credit-notes")]
    credit_notes::samples,
    #[cfg(feature = "currencies")]
    currencies::samples,
    #[cfg(feature = "customer-payments")]
    customer_payments::samples,
    #[cfg(feature = "estimates")]
    estimates::samples,
    #[cfg(feature = "expenses")]
    expenses::samples,
    #[cfg(feature = "invoices")]
    invoices::samples,
    #[cfg(feature = "items")]
    items::samples,
    #[cfg(feature = "organizations")]
    organizations::samples,
    #[cfg(feature = "projects")]
    projects::samples,
    #[cfg(feature = "recurring-expenses")]
    recurring_expenses::samples,
    #[cfg(feature = "recurring-invoices")]
    recurring_invoices::samples,
    #[cfg(feature = "retainer-invoices")]
    retainer_invoices::samples,
    #[cfg(feature = "taxes")]
    taxes::samples,
    #[cfg(feature = "time-entries")]
    time_entries::samples,
    #[cfg(feature = "users")]
    users::samples,
];
