//! Bodies: a request carries its input as the JSON the input encodes to, unwrapped, and every
//! field of the reference's example request that has a value reaches the wire. (That each
//! model encodes back what it decoded is proved in `zoho-invoice-models`' examples test.)

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use zoho_invoice::models::common::{Address, EmailRequest};
use zoho_invoice::models::contact_persons::ContactPersonInput;
use zoho_invoice::models::contacts::{
    AddressInput, ContactEmail, ContactInput, EnablePortalAccess, ReviewReply, StatementEmail,
};
use zoho_invoice::models::credit_notes::{
    CreditInvoicesInput, CreditNoteCommentInput, CreditNoteInput, CreditNoteRefundInput,
};
use zoho_invoice::models::customer_payments::{PaymentInput, PaymentRefundInput};
use zoho_invoice::models::estimates::{CommentInput, EstimateInput};
use zoho_invoice::models::expenses::ExpenseInput;
use zoho_invoice::models::invoices::{ApplyCreditsInput, BulkEmailInput, InvoiceInput};
use zoho_invoice::models::items::ItemInput;
use zoho_invoice::models::price_lists::PriceListInput;
use zoho_invoice::models::projects::{ProjectCommentInput, ProjectInput};
use zoho_invoice::models::recurring_expenses::RecurringExpenseInput;
use zoho_invoice::models::recurring_invoices::RecurringInvoiceInput;
use zoho_invoice::models::retainer_invoices::{RetainerInvoiceCommentInput, RetainerInvoiceInput};
use zoho_invoice::models::tasks::TaskInput;
use zoho_invoice::models::time_entries::TimeEntryInput;
use zoho_invoice::models::users::AssignProjectUser;
use zoho_invoice::{
    Endpoint, Error, contacts, credit_notes, customer_payments, estimates, expenses, invoices,
    items, models, projects, recurring_expenses, recurring_invoices, retainer_invoices,
    time_entries,
};

use crate::support::fixture_json;

use crate::ID;

/// What a row found: the example's name, the body sent, the example, the input's encoding.
type Row = (&'static str, Result<Value, Error>, Value, Value);

/// Builds the operation from the reference's example request `name` and returns its body.
fn body<T, E>(name: &'static str, make: impl FnOnce(T) -> E) -> Row
where
    T: DeserializeOwned + Serialize,
    E: Endpoint,
{
    let example = fixture_json(&format!("{name}.request.json"));
    let input: T = serde_json::from_value(example.clone()).unwrap();
    let encoded = serde_json::to_value(&input).unwrap();
    let sent = make(input).request().map(|request| {
        assert_eq!(
            request.headers()[http::header::CONTENT_TYPE],
            "application/json",
            "{name}"
        );
        serde_json::from_slice(request.body()).unwrap()
    });
    (name, sent, example, encoded)
}

fn rows() -> Vec<Row> {
    vec![
        body("contacts/add_additional_address", |v: AddressInput| {
            contacts::AddContactAddress::new(ID, v)
        }),
        body("contacts/create_a_contact", |v: ContactInput| {
            contacts::CreateContact::new(v)
        }),
        body(
            "contacts/create_a_contact_person",
            |v: ContactPersonInput| contacts::CreateContactPerson::new(v),
        ),
        body("contacts/edit_additional_address", |v: AddressInput| {
            contacts::UpdateContactAddress::new(ID, ID, v)
        }),
        body("contacts/email_contact", |v: ContactEmail| {
            contacts::EmailContact::new(ID, v)
        }),
        body("contacts/email_statement", |v: StatementEmail| {
            contacts::EmailContactStatement::new(ID, v)
        }),
        body("contacts/enable_portal_access", |v: EnablePortalAccess| {
            contacts::EnableContactPortalAccess::new(ID, v)
        }),
        body("contacts/reply_a_client_review", |v: ReviewReply| {
            contacts::ReplyClientReview::new(ID, v)
        }),
        body("contacts/update_a_contact", |v: ContactInput| {
            contacts::UpdateContact::new(ID, v)
        }),
        body(
            "contacts/update_a_contact_person",
            |v: ContactPersonInput| contacts::UpdateContactPerson::new(ID, v),
        ),
        body("credit_notes/add_a_comment", |v: CreditNoteCommentInput| {
            credit_notes::AddCreditNoteComment::new(ID, v)
        }),
        body("credit_notes/create_a_credit_note", |v: CreditNoteInput| {
            credit_notes::CreateCreditNote::new(v)
        }),
        body(
            "credit_notes/credit_to_an_invoice",
            |v: CreditInvoicesInput| credit_notes::CreditInvoices::new(ID, v),
        ),
        body("credit_notes/email_a_credit_note", |v: EmailRequest| {
            credit_notes::EmailCreditNote::new(ID, v)
        }),
        body(
            "credit_notes/refund_credit_note",
            |v: CreditNoteRefundInput| credit_notes::RefundCreditNote::new(ID, v),
        ),
        body("credit_notes/update_a_credit_note", |v: CreditNoteInput| {
            credit_notes::UpdateCreditNote::new(ID, v)
        }),
        body("credit_notes/update_billing_address", |v: Address| {
            credit_notes::UpdateCreditNoteBillingAddress::new(ID, v)
        }),
        body(
            "credit_notes/update_credit_note_refund",
            |v: CreditNoteRefundInput| credit_notes::UpdateCreditNoteRefund::new(ID, ID, v),
        ),
        body("credit_notes/update_shipping_address", |v: Address| {
            credit_notes::UpdateCreditNoteShippingAddress::new(ID, v)
        }),
        body("customer_payments/create_a_payment", |v: PaymentInput| {
            customer_payments::CreateCustomerPayment::new(v)
        }),
        body(
            "customer_payments/refund_an_excess_customer_payment",
            |v: PaymentRefundInput| customer_payments::RefundCustomerPayment::new(ID, v),
        ),
        body("customer_payments/update_a_payment", |v: PaymentInput| {
            customer_payments::UpdateCustomerPayment::new(ID, v)
        }),
        body(
            "customer_payments/update_a_refund",
            |v: PaymentRefundInput| customer_payments::UpdateCustomerPaymentRefund::new(ID, ID, v),
        ),
        body("estimates/add_comments", |v: CommentInput| {
            estimates::AddEstimateComment::new(ID, v)
        }),
        body("estimates/create_an_estimate", |v: EstimateInput| {
            estimates::CreateEstimate::new(v)
        }),
        body("estimates/email_an_estimate", |v: EmailRequest| {
            estimates::EmailEstimate::new(ID, v)
        }),
        body("estimates/update_an_estimate", |v: EstimateInput| {
            estimates::UpdateEstimate::new(ID, v)
        }),
        body("estimates/update_billing_address", |v: Address| {
            estimates::UpdateEstimateBillingAddress::new(ID, v)
        }),
        body("estimates/update_comment", |v: CommentInput| {
            estimates::UpdateEstimateComment::new(ID, ID, v)
        }),
        body("estimates/update_shipping_address", |v: Address| {
            estimates::UpdateEstimateShippingAddress::new(ID, v)
        }),
        body("expenses/create_an_expense", |v: ExpenseInput| {
            expenses::CreateExpense::new(v)
        }),
        body("invoices/apply_credits", |v: ApplyCreditsInput| {
            invoices::ApplyInvoiceCredits::new(ID, v)
        }),
        body("invoices/create_an_invoice", |v: InvoiceInput| {
            invoices::CreateInvoice::new(v)
        }),
        body("invoices/email_an_invoice", |v: EmailRequest| {
            invoices::EmailInvoice::new(ID, v)
        }),
        body("invoices/email_invoices", |v: BulkEmailInput| {
            invoices::EmailInvoices::new(vec![ID.into()], v)
        }),
        body("invoices/remind_customer", |v: EmailRequest| {
            invoices::RemindInvoiceCustomer::new(ID, v)
        }),
        body("invoices/update_an_invoice", |v: InvoiceInput| {
            invoices::UpdateInvoice::new(ID, v)
        }),
        body("invoices/update_billing_address", |v: Address| {
            invoices::UpdateInvoiceBillingAddress::new(ID, v)
        }),
        body("invoices/update_shipping_address", |v: Address| {
            invoices::UpdateInvoiceShippingAddress::new(ID, v)
        }),
        body("items/create_a_price_list", |v: PriceListInput| {
            items::CreatePriceList::new(v)
        }),
        body("items/create_an_item", |v: ItemInput| {
            items::CreateItem::new(v)
        }),
        body("items/update_a_price_list", |v: PriceListInput| {
            items::UpdatePriceList::new(ID, v)
        }),
        body("items/update_an_item", |v: ItemInput| {
            items::UpdateItem::new(ID, v)
        }),
        body("projects/add_a_task", |v: TaskInput| {
            projects::AddProjectTask::new(ID, v)
        }),
        body("projects/assign_users", |v: AssignProjectUser| {
            projects::AssignProjectUsers::new(ID, v)
        }),
        body(
            "projects/clone_a_project",
            |v: models::projects::CloneProject| projects::CloneProject::new(ID, v),
        ),
        body("projects/create_a_project", |v: ProjectInput| {
            projects::CreateProject::new(v)
        }),
        body(
            "projects/invite_user",
            |v: models::users::InviteProjectUser| projects::InviteProjectUser::new(ID, v),
        ),
        body("projects/post_comment", |v: ProjectCommentInput| {
            projects::AddProjectComment::new(ID, v)
        }),
        body("projects/update_a_project", |v: ProjectInput| {
            projects::UpdateProject::new(ID, v)
        }),
        body("projects/update_a_task", |v: TaskInput| {
            projects::UpdateProjectTask::new(ID, ID, v)
        }),
        body(
            "projects/update_user",
            |v: models::users::UpdateProjectUser| projects::UpdateProjectUser::new(ID, ID, v),
        ),
        body(
            "recurring_expenses/create_a_recurring_expense",
            |v: RecurringExpenseInput| recurring_expenses::CreateRecurringExpense::new(v),
        ),
        body(
            "recurring_expenses/update_a_recurring_expense",
            |v: RecurringExpenseInput| recurring_expenses::UpdateRecurringExpense::new(ID, v),
        ),
        body(
            "recurring_invoices/create_a_recurring_invoice",
            |v: RecurringInvoiceInput| recurring_invoices::CreateRecurringInvoice::new(v),
        ),
        body(
            "recurring_invoices/update_recurring_invoice",
            |v: RecurringInvoiceInput| recurring_invoices::UpdateRecurringInvoice::new(ID, v),
        ),
        body(
            "retainer_invoices/add_comment",
            |v: RetainerInvoiceCommentInput| {
                retainer_invoices::AddRetainerInvoiceComment::new(ID, v)
            },
        ),
        body(
            "retainer_invoices/create_a_retainer_invoice",
            |v: RetainerInvoiceInput| retainer_invoices::CreateRetainerInvoice::new(v),
        ),
        body(
            "retainer_invoices/email_a_retainer_invoice",
            |v: EmailRequest| retainer_invoices::EmailRetainerInvoice::new(ID, v),
        ),
        body(
            "retainer_invoices/update_a_retainer_invoice",
            |v: RetainerInvoiceInput| retainer_invoices::UpdateRetainerInvoice::new(ID, v),
        ),
        body("retainer_invoices/update_billing_address", |v: Address| {
            retainer_invoices::UpdateRetainerInvoiceBillingAddress::new(ID, v)
        }),
        body(
            "retainer_invoices/update_comment",
            |v: RetainerInvoiceCommentInput| {
                retainer_invoices::UpdateRetainerInvoiceComment::new(ID, ID, v)
            },
        ),
        body("time_entries/log_time_entries", |v: TimeEntryInput| {
            time_entries::LogTimeEntry::new(v)
        }),
        body("time_entries/update_time_entry", |v: TimeEntryInput| {
            time_entries::UpdateTimeEntry::new(ID, v)
        }),
    ]
}

/// A value Zoho's examples use as a placeholder for "none": the models leave it out.
fn blank(value: &Value) -> bool {
    matches!(value.as_str(), Some(text) if text.trim().is_empty())
}

#[test]
fn every_example_request_is_sent_as_its_input_encodes_it() {
    let mut problems = Vec::new();
    for (name, sent, example, encoded) in rows() {
        let sent = match sent {
            Ok(sent) => sent,
            Err(e) => {
                problems.push(format!("{name}: no request: {e}"));
                continue;
            }
        };
        if sent != encoded {
            problems.push(format!(
                "{name}: sent {sent}\n  the input encodes to {encoded}"
            ));
        }
        for (key, value) in example.as_object().into_iter().flatten() {
            if !blank(value) && sent.get(key).is_none() {
                problems.push(format!("{name}: `{key}` of the example was not sent"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// An input read from JSON sends back what it read, blanks included (nothing lost); one built
/// in code sends only what was set.
#[test]
fn the_examples_blank_placeholders_are_sent_back_as_they_came() {
    let (_, sent, example, _) = body("invoices/create_an_invoice", |v: InvoiceInput| {
        invoices::CreateInvoice::new(v)
    });
    assert_eq!(example["invoiced_estimate_id"], " ");
    assert_eq!(sent.unwrap()["invoiced_estimate_id"], " ");
    let built = InvoiceInput::new(982_000_000_567_001_u64, vec![]);
    let encoded = serde_json::to_value(&built).expect("encodes");
    assert!(encoded.get("invoiced_estimate_id").is_none(), "{encoded}");
}
