//! The models' decoders: any input gives `Ok` or `Err`, never a panic, and whatever decodes
//! encodes, decodes again and encodes to the same bytes (a record read, changed and sent
//! back loses or changes nothing by the round trip).
//!
//! The first byte chooses a family of models, named after the folders of the reference's
//! examples (`crates/zoho-invoice-models/tests/fixtures/<family>/`), in the order of
//! [`FAMILIES`]; the rest is the JSON, tried against every model of the family (and
//! `Record<T>` and `Page<T>` of its resources). `fuzz/seed.sh` prefixes each example with the
//! byte of its folder, so the examples are the seeds.

#![no_main]

use libfuzzer_sys::fuzz_target;
use serde::Serialize;
use serde::de::DeserializeOwned;
use zoho_invoice_models::envelope::{Page, PageContext, Record, Reply};
use zoho_invoice_models::ids::InvoiceId;
use zoho_invoice_models::{
    common, contact_persons, contacts, credit_notes, customer_payments, estimates, expenses,
    invoices, items, organizations, price_lists, projects, recurring_expenses, recurring_invoices,
    retainer_invoices, tasks, time_entries, users,
};

/// Decodes `data` as `T`; when it decodes, checks the round trip.
fn check<T: DeserializeOwned + Serialize>(data: &[u8]) {
    let Ok(value) = serde_json::from_slice::<T>(data) else {
        return;
    };
    let encoded = serde_json::to_vec(&value).expect("a decoded value encodes");
    let again: T = match serde_json::from_slice(&encoded) {
        Ok(again) => again,
        Err(e) => panic!(
            "{}: its own encoding does not decode: {e}\n{}",
            std::any::type_name::<T>(),
            String::from_utf8_lossy(&encoded)
        ),
    };
    let twice = serde_json::to_vec(&again).expect("encodes again");
    assert!(
        encoded == twice,
        "{}: the encoding changes on a second round trip:\n{}\n{}",
        std::any::type_name::<T>(),
        String::from_utf8_lossy(&encoded),
        String::from_utf8_lossy(&twice)
    );
}

/// A family: `check` for each resource, its `Record<T>` and `Page<T>`, and each model.
macro_rules! family {
    ($name:ident: resources [$($resource:ty),* $(,)?] models [$($model:ty),* $(,)?]) => {
        fn $name(data: &[u8]) {
            $(
                check::<$resource>(data);
                check::<Record<$resource>>(data);
                check::<Page<$resource>>(data);
            )*
            $( check::<$model>(data); )*
        }
    };
}

family!(contacts_family:
    resources [contacts::Contact, contact_persons::ContactPerson, common::Address,
        contacts::ClientReview, contacts::ContactComment, contacts::StatementMailContent]
    models [Reply, Vec<contact_persons::ContactPerson>, contact_persons::ContactPersonInput,
        contact_persons::ContactPersonsReply, contacts::DefaultTemplates,
        contacts::ContactPersonEntry, contacts::AddressInput, contacts::ContactInput,
        contacts::PortalContactPerson, contacts::EnablePortalAccess, contacts::ReviewReply,
        contacts::ContactEmail, contacts::StatementEmail,
        common::EmailRequest]);

family!(credit_notes_family:
    resources [credit_notes::CreditNote, credit_notes::CreditNoteEmail,
        credit_notes::InvoiceCredited, credit_notes::CreditNoteRefund, common::Comment,
        common::Template, common::EmailContent]
    models [Reply, credit_notes::CreditNoteInvoice, credit_notes::CreditNoteLineItemInput,
        credit_notes::CreditNoteInput, credit_notes::CreditedInvoiceInput,
        credit_notes::CreditInvoicesInput, credit_notes::CreditNoteCommentInput,
        credit_notes::CreditNoteRefundInput, common::EmailRequest]);

family!(customer_payments_family:
    resources [customer_payments::Payment, customer_payments::PaymentRefund]
    models [Reply, customer_payments::PaymentInvoice, customer_payments::PaymentInvoiceInput,
        customer_payments::PaymentInput,
        customer_payments::PaymentRefundInput]);

family!(estimates_family:
    resources [estimates::Estimate, common::Comment, common::Template, common::EmailContent]
    models [Reply, estimates::EstimateProject, estimates::EstimateLineItemInput,
        estimates::EstimateInput, estimates::CommentInput, estimates::EstimateEmailContent,
        estimates::EstimateTemplates, common::EmailRequest]);

family!(expenses_family:
    resources [expenses::Expense, expenses::ExpenseCategory]
    models [Reply, expenses::VatSummary, expenses::ExpenseLineItem,
        expenses::ExpenseLineItemInput, expenses::ExpenseInput, expenses::ExpenseCategoryInput]);

family!(invoices_family:
    resources [invoices::Invoice, invoices::InvoicePayment, invoices::AppliedCredit,
        common::Comment, common::Template, common::EmailContent]
    models [Reply, invoices::InvoiceLineItemInput, invoices::InvoiceInput,
        invoices::InvoiceCommentInput,
        invoices::BulkEmailContact, invoices::BulkEmailInput, invoices::ReminderSuccessInfo,
        invoices::ReminderErrorInfo, invoices::BulkReminderInfo, invoices::BulkReminderReply,
        invoices::PaymentCreditInput, invoices::CreditNoteCreditInput,
        invoices::ApplyCreditsInput, invoices::AttachmentPreference, common::LineItem,
        common::EmailRequest]);

family!(items_family:
    resources [items::Item, price_lists::PriceList]
    models [Reply, items::ItemTaxPreference, items::ItemInput, price_lists::PriceListItem,
        price_lists::PriceListInput]);

family!(organizations_family:
    resources [organizations::Organization]
    models [Reply, PageContext]);

family!(projects_family:
    resources [projects::Project, projects::ProjectComment, projects::ProjectInvoice,
        tasks::Task, users::ProjectUser, time_entries::TimeEntry]
    models [Reply, projects::ProjectInput, projects::CloneProject,
        projects::ProjectCommentInput, tasks::TaskInput, users::AssignProjectUser,
        users::InviteProjectUser, users::UpdateProjectUser]);

family!(recurring_expenses_family:
    resources [recurring_expenses::RecurringExpense]
    models [Reply, recurring_expenses::RecurringExpenseList,
        recurring_expenses::RecurringExpenseInput]);

family!(recurring_invoices_family:
    resources [recurring_invoices::RecurringInvoice]
    models [Reply, recurring_invoices::RecurringInvoiceLineItemInput,
        recurring_invoices::RecurringInvoiceInput,
        recurring_invoices::RecurringInvoiceStatusChange,
        recurring_invoices::RecurringInvoiceTemplateChange]);

// The bare resources, as the reference's resource pages show them, and the shared parts.
family!(resources_family:
    resources []
    models [contacts::Contact, Page<contacts::Contact>, Vec<contact_persons::ContactPerson>,
        credit_notes::CreditNote, customer_payments::Payment, estimates::Estimate,
        expenses::Expense, invoices::Invoice, items::Item, price_lists::PriceList,
        projects::Project, recurring_invoices::RecurringInvoice,
        retainer_invoices::RetainerInvoice, InvoiceId, PageContext, common::Address,
        common::CustomField, common::TaxAmount, common::LineItem, common::PaymentGateway,
        common::PaymentOptions, common::Document, common::EmailContact, common::EmailAddress,
        common::EmailTemplate, common::Tag]);

family!(retainer_invoices_family:
    resources [retainer_invoices::RetainerInvoice, retainer_invoices::RetainerPayment,
        common::Comment, common::Template, common::EmailContent]
    models [Reply,
        retainer_invoices::RetainerInvoiceLineItemInput, retainer_invoices::RetainerInvoiceInput,
        retainer_invoices::RetainerInvoiceEmailContent, retainer_invoices::RetainerPaymentInvoice,
        retainer_invoices::RetainerInvoiceAttachment,
        retainer_invoices::RetainerInvoiceCommentInput,
        common::EmailRequest]);

family!(time_entries_family:
    resources [time_entries::TimeEntry]
    models [Reply, time_entries::TimeEntryInput]);

/// The families, in the order of their first byte (`fuzz/seed.sh` lists the same order).
const FAMILIES: [(&str, fn(&[u8])); 14] = [
    ("contacts", contacts_family),
    ("credit_notes", credit_notes_family),
    ("customer_payments", customer_payments_family),
    ("estimates", estimates_family),
    ("expenses", expenses_family),
    ("invoices", invoices_family),
    ("items", items_family),
    ("organizations", organizations_family),
    ("projects", projects_family),
    ("recurring_expenses", recurring_expenses_family),
    ("recurring_invoices", recurring_invoices_family),
    ("resources", resources_family),
    ("retainer_invoices", retainer_invoices_family),
    ("time_entries", time_entries_family),
];

fuzz_target!(|data: &[u8]| {
    if let Some((&first, json)) = data.split_first() {
        let (_, family) = FAMILIES[usize::from(first) % FAMILIES.len()];
        family(json);
    }
});
