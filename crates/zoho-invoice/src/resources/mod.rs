//! One module per resource group; each defines its operations and list filters.

pub mod contacts;
pub mod credit_notes;
pub mod customer_payments;
pub mod estimates;
pub mod expenses;
pub mod invoices;
pub mod items;
pub mod organizations;
pub mod projects;
pub mod recurring_expenses;
pub mod recurring_invoices;
pub mod retainer_invoices;
pub mod time_entries;

/// The operation tables of every module.
pub(crate) const OPERATION_GROUPS: &[&[crate::endpoint::Operation]] = &[
    contacts::OPERATIONS,
    credit_notes::OPERATIONS,
    customer_payments::OPERATIONS,
    estimates::OPERATIONS,
    expenses::OPERATIONS,
    invoices::OPERATIONS,
    items::OPERATIONS,
    organizations::OPERATIONS,
    projects::OPERATIONS,
    recurring_expenses::OPERATIONS,
    recurring_invoices::OPERATIONS,
    retainer_invoices::OPERATIONS,
    time_entries::OPERATIONS,
];
