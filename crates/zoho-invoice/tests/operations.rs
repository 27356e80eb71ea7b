//! Every operation, from one table: the value its constructor builds (sample ids, default
//! inputs) makes a request that is the operation's row of the endpoint table (method, path
//! with the ids in place, the operation in its extensions), and the reference's example answer
//! for it, when there is one, decodes into its output and gives back what a handle returns.
//! The special cases (filters, bodies, bulk limits, downloads, uploads) have tests of their
//! own beside it.

#![cfg(feature = "all")]

mod support;

use std::collections::BTreeSet;

use zoho_invoice::query::DocumentFormat;
use zoho_invoice::transport::ApiResponse;
use zoho_invoice::{Endpoint, FromResponse, Operation, Returned, Upload};

/// The id every path gets.
const ID: &str = "460000000000001";

/// An id of the type asked for.
fn id<T: std::str::FromStr>() -> T
where
    T::Err: std::fmt::Debug,
{
    ID.parse().unwrap()
}

/// Two ids of any kind, for the bulk calls.
fn ids<K>() -> Vec<zoho_invoice::models::ids::Id<K>> {
    vec![ID.parse().unwrap(), "460000000000002".parse().unwrap()]
}

/// An input with a sample value in every field the API requires (decoded from one document
/// that names them all; the fields an input does not name stay in its `extra`): the harness
/// checks the request's row, not its body.
fn input<T: serde::de::DeserializeOwned>() -> T {
    let sample = serde_json::json!({
        "account_id": ID, "amount": 1, "amount_applied": 1, "billing_type": "based_on_task_hours",
        "contact_id": ID, "contact_name": "Bowman and Co", "customer_id": ID, "date": "2024-01-01",
        "first_name": "Will", "invoice_id": ID, "invoices": [], "line_items": [], "log_date": "2024-01-01",
        "name": "Hard Drive", "payment_mode": "cash", "pricebook_type": "per_item", "project_id": ID,
        "project_name": "Network", "rate": 1, "recurrence_frequency": "months",
        "recurrence_name": "Rent", "repeat_every": 1, "start_date": "2024-01-01", "task_id": ID,
        "task_name": "Painting", "user_id": ID,
    });
    serde_json::from_value(sample).unwrap()
}

fn upload() -> Upload {
    Upload::new("attachment", "receipt.png", "image/png", &b"\x89PNG"[..])
}

/// One operation under test: what the harness needs of it, whatever its type.
trait Case {
    fn operation(&self) -> Operation;
    fn request(&self) -> Result<zoho_invoice::transport::ApiRequest, zoho_invoice::Error>;
    fn decode(&self, body: &str) -> Result<(), zoho_invoice::Error>;
}

struct Of<E>(E);

impl<E: Endpoint> Case for Of<E>
where
    E::Output: Returned,
{
    fn operation(&self) -> Operation {
        E::OPERATION
    }
    fn request(&self) -> Result<zoho_invoice::transport::ApiRequest, zoho_invoice::Error> {
        self.0.request()
    }
    fn decode(&self, body: &str) -> Result<(), zoho_invoice::Error> {
        let response = ApiResponse::new(http::StatusCode::OK, body.to_owned());
        let answer = E::Output::from_response(&E::OPERATION, response)?;
        answer.returned(&E::OPERATION).map(drop)
    }
}

fn c<E: Endpoint + 'static>(operation: E) -> Box<dyn Case>
where
    E::Output: Returned,
{
    Box::new(Of(operation))
}

/// Every operation of the crate, built by its constructor.
fn cases() -> Vec<Box<dyn Case>> {
    vec![
        c(zoho_invoice::contacts::CreateContact::new(input::<
            zoho_invoice::models::contacts::ContactInput,
        >())),
        c(zoho_invoice::contacts::ListContacts::new()),
        c(zoho_invoice::contacts::UpdateContact::new(
            id::<zoho_invoice::models::ids::ContactId>(),
            input::<zoho_invoice::models::contacts::ContactInput>(),
        )),
        c(zoho_invoice::contacts::DeleteContact::new(id::<
            zoho_invoice::models::ids::ContactId,
        >())),
        c(zoho_invoice::contacts::GetContact::new(id::<
            zoho_invoice::models::ids::ContactId,
        >())),
        c(zoho_invoice::contacts::MarkContactActive::new(id::<
            zoho_invoice::models::ids::ContactId,
        >())),
        c(zoho_invoice::contacts::MarkContactInactive::new(id::<
            zoho_invoice::models::ids::ContactId,
        >(
        ))),
        c(zoho_invoice::contacts::EnableContactPortalAccess::new(
            id::<zoho_invoice::models::ids::ContactId>(),
            input::<zoho_invoice::models::contacts::EnablePortalAccess>(),
        )),
        c(zoho_invoice::contacts::ListClientReviews::new()),
        c(zoho_invoice::contacts::GetClientReview::new(id::<
            zoho_invoice::models::ids::CommentId,
        >())),
        c(zoho_invoice::contacts::ReplyClientReview::new(
            id::<zoho_invoice::models::ids::CommentId>(),
            input::<zoho_invoice::models::contacts::ReviewReply>(),
        )),
        c(zoho_invoice::contacts::EnableContactPaymentReminders::new(
            id::<zoho_invoice::models::ids::ContactId>(),
        )),
        c(zoho_invoice::contacts::DisableContactPaymentReminders::new(
            id::<zoho_invoice::models::ids::ContactId>(),
        )),
        c(zoho_invoice::contacts::EmailContactStatement::new(
            id::<zoho_invoice::models::ids::ContactId>(),
            input::<zoho_invoice::models::contacts::StatementEmail>(),
        )),
        c(zoho_invoice::contacts::GetContactStatementMailContent::new(
            id::<zoho_invoice::models::ids::ContactId>(),
        )),
        c(zoho_invoice::contacts::EmailContact::new(
            id::<zoho_invoice::models::ids::ContactId>(),
            input::<zoho_invoice::models::contacts::ContactEmail>(),
        )),
        c(zoho_invoice::contacts::ListContactComments::new(id::<
            zoho_invoice::models::ids::ContactId,
        >(
        ))),
        c(zoho_invoice::contacts::AddContactAddress::new(
            id::<zoho_invoice::models::ids::ContactId>(),
            input::<zoho_invoice::models::contacts::AddressInput>(),
        )),
        c(zoho_invoice::contacts::ListContactAddresses::new(id::<
            zoho_invoice::models::ids::ContactId,
        >(
        ))),
        c(zoho_invoice::contacts::UpdateContactAddress::new(
            id::<zoho_invoice::models::ids::ContactId>(),
            id::<zoho_invoice::models::ids::AddressId>(),
            input::<zoho_invoice::models::contacts::AddressInput>(),
        )),
        c(zoho_invoice::contacts::DeleteContactAddress::new(
            id::<zoho_invoice::models::ids::ContactId>(),
            id::<zoho_invoice::models::ids::AddressId>(),
        )),
        c(zoho_invoice::contacts::ListContactRefunds::new(id::<
            zoho_invoice::models::ids::ContactId,
        >())),
        c(zoho_invoice::contacts::CreateContactPerson::new(input::<
            zoho_invoice::models::contact_persons::ContactPersonInput,
        >(
        ))),
        c(zoho_invoice::contacts::UpdateContactPerson::new(
            id::<zoho_invoice::models::ids::ContactPersonId>(),
            input::<zoho_invoice::models::contact_persons::ContactPersonInput>(),
        )),
        c(zoho_invoice::contacts::DeleteContactPerson::new(id::<
            zoho_invoice::models::ids::ContactPersonId,
        >(
        ))),
        c(zoho_invoice::contacts::ListContactPersons::new(id::<
            zoho_invoice::models::ids::ContactId,
        >())),
        c(zoho_invoice::contacts::GetContactPerson::new(
            id::<zoho_invoice::models::ids::ContactId>(),
            id::<zoho_invoice::models::ids::ContactPersonId>(),
        )),
        c(zoho_invoice::contacts::MarkContactPersonPrimary::new(id::<
            zoho_invoice::models::ids::ContactPersonId,
        >(
        ))),
        c(zoho_invoice::credit_notes::CreateCreditNote::new(input::<
            zoho_invoice::models::credit_notes::CreditNoteInput,
        >(
        ))),
        c(zoho_invoice::credit_notes::ListCreditNotes::new()),
        c(zoho_invoice::credit_notes::UpdateCreditNote::new(
            id::<zoho_invoice::models::ids::CreditNoteId>(),
            input::<zoho_invoice::models::credit_notes::CreditNoteInput>(),
        )),
        c(zoho_invoice::credit_notes::GetCreditNote::new(id::<
            zoho_invoice::models::ids::CreditNoteId,
        >())),
        c(zoho_invoice::credit_notes::DownloadCreditNote::new(
            id::<zoho_invoice::models::ids::CreditNoteId>(),
            DocumentFormat::Pdf,
        )),
        c(zoho_invoice::credit_notes::DeleteCreditNote::new(id::<
            zoho_invoice::models::ids::CreditNoteId,
        >(
        ))),
        c(zoho_invoice::credit_notes::EmailCreditNote::new(
            id::<zoho_invoice::models::ids::CreditNoteId>(),
            input::<zoho_invoice::models::common::EmailRequest>(),
        )),
        c(zoho_invoice::credit_notes::VoidCreditNote::new(id::<
            zoho_invoice::models::ids::CreditNoteId,
        >())),
        c(zoho_invoice::credit_notes::MarkCreditNoteOpen::new(id::<
            zoho_invoice::models::ids::CreditNoteId,
        >(
        ))),
        c(zoho_invoice::credit_notes::ListCreditNoteEmailHistory::new(
            id::<zoho_invoice::models::ids::CreditNoteId>(),
        )),
        c(
            zoho_invoice::credit_notes::UpdateCreditNoteBillingAddress::new(
                id::<zoho_invoice::models::ids::CreditNoteId>(),
                input::<zoho_invoice::models::common::Address>(),
            ),
        ),
        c(
            zoho_invoice::credit_notes::UpdateCreditNoteShippingAddress::new(
                id::<zoho_invoice::models::ids::CreditNoteId>(),
                input::<zoho_invoice::models::common::Address>(),
            ),
        ),
        c(zoho_invoice::credit_notes::ListCreditNoteTemplates::new()),
        c(zoho_invoice::credit_notes::UpdateCreditNoteTemplate::new(
            id::<zoho_invoice::models::ids::CreditNoteId>(),
            id::<zoho_invoice::models::ids::TemplateId>(),
        )),
        c(zoho_invoice::credit_notes::CreditInvoices::new(
            id::<zoho_invoice::models::ids::CreditNoteId>(),
            input::<zoho_invoice::models::credit_notes::CreditInvoicesInput>(),
        )),
        c(zoho_invoice::credit_notes::ListCreditedInvoices::new(id::<
            zoho_invoice::models::ids::CreditNoteId,
        >(
        ))),
        c(zoho_invoice::credit_notes::DeleteCreditedInvoice::new(
            id::<zoho_invoice::models::ids::CreditNoteId>(),
            id::<zoho_invoice::models::ids::CreditApplicationId>(),
        )),
        c(zoho_invoice::credit_notes::AddCreditNoteComment::new(
            id::<zoho_invoice::models::ids::CreditNoteId>(),
            input::<zoho_invoice::models::credit_notes::CreditNoteCommentInput>(),
        )),
        c(zoho_invoice::credit_notes::ListCreditNoteComments::new(
            id::<zoho_invoice::models::ids::CreditNoteId>(),
        )),
        c(zoho_invoice::credit_notes::DeleteCreditNoteComment::new(
            id::<zoho_invoice::models::ids::CreditNoteId>(),
            id::<zoho_invoice::models::ids::CommentId>(),
        )),
        c(zoho_invoice::credit_notes::ListAllCreditNoteRefunds::new()),
        c(zoho_invoice::credit_notes::RefundCreditNote::new(
            id::<zoho_invoice::models::ids::CreditNoteId>(),
            input::<zoho_invoice::models::credit_notes::CreditNoteRefundInput>(),
        )),
        c(zoho_invoice::credit_notes::ListCreditNoteRefunds::new(
            id::<zoho_invoice::models::ids::CreditNoteId>(),
        )),
        c(zoho_invoice::credit_notes::UpdateCreditNoteRefund::new(
            id::<zoho_invoice::models::ids::CreditNoteId>(),
            id::<zoho_invoice::models::ids::RefundId>(),
            input::<zoho_invoice::models::credit_notes::CreditNoteRefundInput>(),
        )),
        c(zoho_invoice::credit_notes::GetCreditNoteRefund::new(
            id::<zoho_invoice::models::ids::CreditNoteId>(),
            id::<zoho_invoice::models::ids::RefundId>(),
        )),
        c(zoho_invoice::credit_notes::DeleteCreditNoteRefund::new(
            id::<zoho_invoice::models::ids::CreditNoteId>(),
            id::<zoho_invoice::models::ids::RefundId>(),
        )),
        c(zoho_invoice::customer_payments::CreateCustomerPayment::new(
            input::<zoho_invoice::models::customer_payments::PaymentInput>(),
        )),
        c(zoho_invoice::customer_payments::ListCustomerPayments::new()),
        c(zoho_invoice::customer_payments::UpdateCustomerPayment::new(
            id::<zoho_invoice::models::ids::PaymentId>(),
            input::<zoho_invoice::models::customer_payments::PaymentInput>(),
        )),
        c(zoho_invoice::customer_payments::GetCustomerPayment::new(
            id::<zoho_invoice::models::ids::PaymentId>(),
        )),
        c(zoho_invoice::customer_payments::DeleteCustomerPayment::new(
            id::<zoho_invoice::models::ids::PaymentId>(),
        )),
        c(zoho_invoice::customer_payments::RefundCustomerPayment::new(
            id::<zoho_invoice::models::ids::PaymentId>(),
            input::<zoho_invoice::models::customer_payments::PaymentRefundInput>(),
        )),
        c(
            zoho_invoice::customer_payments::ListCustomerPaymentRefunds::new(id::<
                zoho_invoice::models::ids::PaymentId,
            >()),
        ),
        c(
            zoho_invoice::customer_payments::UpdateCustomerPaymentRefund::new(
                id::<zoho_invoice::models::ids::PaymentId>(),
                id::<zoho_invoice::models::ids::RefundId>(),
                input::<zoho_invoice::models::customer_payments::PaymentRefundInput>(),
            ),
        ),
        c(
            zoho_invoice::customer_payments::GetCustomerPaymentRefund::new(
                id::<zoho_invoice::models::ids::PaymentId>(),
                id::<zoho_invoice::models::ids::RefundId>(),
            ),
        ),
        c(
            zoho_invoice::customer_payments::DeleteCustomerPaymentRefund::new(
                id::<zoho_invoice::models::ids::PaymentId>(),
                id::<zoho_invoice::models::ids::RefundId>(),
            ),
        ),
        c(zoho_invoice::estimates::CreateEstimate::new(input::<
            zoho_invoice::models::estimates::EstimateInput,
        >())),
        c(zoho_invoice::estimates::ListEstimates::new()),
        c(zoho_invoice::estimates::UpdateEstimate::new(
            id::<zoho_invoice::models::ids::EstimateId>(),
            input::<zoho_invoice::models::estimates::EstimateInput>(),
        )),
        c(zoho_invoice::estimates::GetEstimate::new(id::<
            zoho_invoice::models::ids::EstimateId,
        >())),
        c(zoho_invoice::estimates::DownloadEstimate::new(
            id::<zoho_invoice::models::ids::EstimateId>(),
            DocumentFormat::Pdf,
        )),
        c(zoho_invoice::estimates::DeleteEstimate::new(id::<
            zoho_invoice::models::ids::EstimateId,
        >())),
        c(zoho_invoice::estimates::MarkEstimateSent::new(id::<
            zoho_invoice::models::ids::EstimateId,
        >())),
        c(zoho_invoice::estimates::MarkEstimateAccepted::new(id::<
            zoho_invoice::models::ids::EstimateId,
        >(
        ))),
        c(zoho_invoice::estimates::MarkEstimateDeclined::new(id::<
            zoho_invoice::models::ids::EstimateId,
        >(
        ))),
        c(zoho_invoice::estimates::EmailEstimate::new(
            id::<zoho_invoice::models::ids::EstimateId>(),
            input::<zoho_invoice::models::common::EmailRequest>(),
        )),
        c(zoho_invoice::estimates::GetEstimateEmailContent::new(id::<
            zoho_invoice::models::ids::EstimateId,
        >(
        ))),
        c(zoho_invoice::estimates::EmailEstimates::new(ids::<
            zoho_invoice::models::ids::kind::Estimate,
        >())),
        c(zoho_invoice::estimates::BulkExportEstimates::new(ids::<
            zoho_invoice::models::ids::kind::Estimate,
        >(
        ))),
        c(zoho_invoice::estimates::BulkPrintEstimates::new(ids::<
            zoho_invoice::models::ids::kind::Estimate,
        >(
        ))),
        c(zoho_invoice::estimates::UpdateEstimateBillingAddress::new(
            id::<zoho_invoice::models::ids::EstimateId>(),
            input::<zoho_invoice::models::common::Address>(),
        )),
        c(zoho_invoice::estimates::UpdateEstimateShippingAddress::new(
            id::<zoho_invoice::models::ids::EstimateId>(),
            input::<zoho_invoice::models::common::Address>(),
        )),
        c(zoho_invoice::estimates::ListEstimateTemplates::new()),
        c(zoho_invoice::estimates::UpdateEstimateTemplate::new(
            id::<zoho_invoice::models::ids::EstimateId>(),
            id::<zoho_invoice::models::ids::TemplateId>(),
        )),
        c(zoho_invoice::estimates::AddEstimateComment::new(
            id::<zoho_invoice::models::ids::EstimateId>(),
            input::<zoho_invoice::models::estimates::CommentInput>(),
        )),
        c(zoho_invoice::estimates::ListEstimateComments::new(id::<
            zoho_invoice::models::ids::EstimateId,
        >(
        ))),
        c(zoho_invoice::estimates::UpdateEstimateComment::new(
            id::<zoho_invoice::models::ids::EstimateId>(),
            id::<zoho_invoice::models::ids::CommentId>(),
            input::<zoho_invoice::models::estimates::CommentInput>(),
        )),
        c(zoho_invoice::estimates::DeleteEstimateComment::new(
            id::<zoho_invoice::models::ids::EstimateId>(),
            id::<zoho_invoice::models::ids::CommentId>(),
        )),
        c(zoho_invoice::expenses::CreateExpense::new(input::<
            zoho_invoice::models::expenses::ExpenseInput,
        >())),
        c(zoho_invoice::expenses::ListExpenses::new()),
        c(zoho_invoice::expenses::GetExpense::new(id::<
            zoho_invoice::models::ids::ExpenseId,
        >())),
        c(zoho_invoice::expenses::UpdateExpense::new(
            id::<zoho_invoice::models::ids::ExpenseId>(),
            input::<zoho_invoice::models::expenses::ExpenseInput>(),
        )),
        c(zoho_invoice::expenses::DeleteExpense::new(id::<
            zoho_invoice::models::ids::ExpenseId,
        >())),
        c(zoho_invoice::expenses::AddExpenseReceipt::new(
            id::<zoho_invoice::models::ids::ExpenseId>(),
            upload(),
        )),
        c(zoho_invoice::expenses::GetExpenseReceipt::new(id::<
            zoho_invoice::models::ids::ExpenseId,
        >())),
        c(zoho_invoice::expenses::ListExpenseCategories::new()),
        c(zoho_invoice::expenses::CreateExpenseCategory::new(input::<
            zoho_invoice::models::expenses::ExpenseCategoryInput,
        >(
        ))),
        c(zoho_invoice::invoices::CreateInvoice::new(input::<
            zoho_invoice::models::invoices::InvoiceInput,
        >())),
        c(zoho_invoice::invoices::ListInvoices::new()),
        c(zoho_invoice::invoices::UpdateInvoice::new(
            id::<zoho_invoice::models::ids::InvoiceId>(),
            input::<zoho_invoice::models::invoices::InvoiceInput>(),
        )),
        c(zoho_invoice::invoices::GetInvoice::new(id::<
            zoho_invoice::models::ids::InvoiceId,
        >())),
        c(zoho_invoice::invoices::DownloadInvoice::new(
            id::<zoho_invoice::models::ids::InvoiceId>(),
            DocumentFormat::Pdf,
        )),
        c(zoho_invoice::invoices::DeleteInvoice::new(id::<
            zoho_invoice::models::ids::InvoiceId,
        >())),
        c(zoho_invoice::invoices::MarkInvoiceSent::new(id::<
            zoho_invoice::models::ids::InvoiceId,
        >())),
        c(zoho_invoice::invoices::VoidInvoice::new(id::<
            zoho_invoice::models::ids::InvoiceId,
        >())),
        c(zoho_invoice::invoices::MarkInvoiceDraft::new(id::<
            zoho_invoice::models::ids::InvoiceId,
        >())),
        c(zoho_invoice::invoices::EmailInvoice::new(
            id::<zoho_invoice::models::ids::InvoiceId>(),
            input::<zoho_invoice::models::common::EmailRequest>(),
        )),
        c(zoho_invoice::invoices::GetInvoiceEmailContent::new(id::<
            zoho_invoice::models::ids::InvoiceId,
        >(
        ))),
        c(zoho_invoice::invoices::EmailInvoices::new(
            ids::<zoho_invoice::models::ids::kind::Invoice>(),
            input::<zoho_invoice::models::invoices::BulkEmailInput>(),
        )),
        c(zoho_invoice::invoices::RemindInvoiceCustomer::new(
            id::<zoho_invoice::models::ids::InvoiceId>(),
            input::<zoho_invoice::models::common::EmailRequest>(),
        )),
        c(zoho_invoice::invoices::GetInvoiceReminderContent::new(
            id::<zoho_invoice::models::ids::InvoiceId>(),
        )),
        c(zoho_invoice::invoices::BulkRemindInvoices::new(ids::<
            zoho_invoice::models::ids::kind::Invoice,
        >())),
        c(zoho_invoice::invoices::BulkExportInvoices::new(ids::<
            zoho_invoice::models::ids::kind::Invoice,
        >())),
        c(zoho_invoice::invoices::BulkPrintInvoices::new(ids::<
            zoho_invoice::models::ids::kind::Invoice,
        >())),
        c(zoho_invoice::invoices::DisableInvoiceReminder::new(id::<
            zoho_invoice::models::ids::InvoiceId,
        >(
        ))),
        c(zoho_invoice::invoices::EnableInvoiceReminder::new(id::<
            zoho_invoice::models::ids::InvoiceId,
        >(
        ))),
        c(zoho_invoice::invoices::WriteOffInvoice::new(id::<
            zoho_invoice::models::ids::InvoiceId,
        >())),
        c(zoho_invoice::invoices::CancelInvoiceWriteOff::new(id::<
            zoho_invoice::models::ids::InvoiceId,
        >(
        ))),
        c(zoho_invoice::invoices::UpdateInvoiceBillingAddress::new(
            id::<zoho_invoice::models::ids::InvoiceId>(),
            input::<zoho_invoice::models::common::Address>(),
        )),
        c(zoho_invoice::invoices::UpdateInvoiceShippingAddress::new(
            id::<zoho_invoice::models::ids::InvoiceId>(),
            input::<zoho_invoice::models::common::Address>(),
        )),
        c(zoho_invoice::invoices::ListInvoiceTemplates::new()),
        c(zoho_invoice::invoices::UpdateInvoiceTemplate::new(
            id::<zoho_invoice::models::ids::InvoiceId>(),
            id::<zoho_invoice::models::ids::TemplateId>(),
        )),
        c(zoho_invoice::invoices::ListInvoicePayments::new(id::<
            zoho_invoice::models::ids::InvoiceId,
        >(
        ))),
        c(zoho_invoice::invoices::ListInvoiceCreditsApplied::new(
            id::<zoho_invoice::models::ids::InvoiceId>(),
        )),
        c(zoho_invoice::invoices::ApplyInvoiceCredits::new(
            id::<zoho_invoice::models::ids::InvoiceId>(),
            input::<zoho_invoice::models::invoices::ApplyCreditsInput>(),
        )),
        c(zoho_invoice::invoices::DeleteInvoicePayment::new(
            id::<zoho_invoice::models::ids::InvoiceId>(),
            id::<zoho_invoice::models::ids::InvoicePaymentId>(),
        )),
        c(zoho_invoice::invoices::DeleteInvoiceAppliedCredit::new(
            id::<zoho_invoice::models::ids::InvoiceId>(),
            id::<zoho_invoice::models::ids::CreditApplicationId>(),
        )),
        c(zoho_invoice::invoices::AddInvoiceAttachment::new(
            id::<zoho_invoice::models::ids::InvoiceId>(),
            input::<zoho_invoice::models::invoices::AttachmentPreference>(),
            upload(),
        )),
        c(
            zoho_invoice::invoices::UpdateInvoiceAttachmentPreference::new(
                id::<zoho_invoice::models::ids::InvoiceId>(),
                input::<zoho_invoice::models::invoices::AttachmentPreference>(),
            ),
        ),
        c(zoho_invoice::invoices::GetInvoiceAttachment::new(id::<
            zoho_invoice::models::ids::InvoiceId,
        >(
        ))),
        c(zoho_invoice::invoices::DeleteInvoiceAttachment::new(id::<
            zoho_invoice::models::ids::InvoiceId,
        >(
        ))),
        c(zoho_invoice::invoices::DeleteInvoiceExpenseReceipt::new(
            id::<zoho_invoice::models::ids::ExpenseId>(),
        )),
        c(zoho_invoice::invoices::AddInvoiceComment::new(
            id::<zoho_invoice::models::ids::InvoiceId>(),
            input::<zoho_invoice::models::invoices::InvoiceCommentInput>(),
        )),
        c(zoho_invoice::invoices::ListInvoiceComments::new(id::<
            zoho_invoice::models::ids::InvoiceId,
        >(
        ))),
        c(zoho_invoice::invoices::UpdateInvoiceComment::new(
            id::<zoho_invoice::models::ids::InvoiceId>(),
            id::<zoho_invoice::models::ids::CommentId>(),
            input::<zoho_invoice::models::invoices::InvoiceCommentInput>(),
        )),
        c(zoho_invoice::invoices::DeleteInvoiceComment::new(
            id::<zoho_invoice::models::ids::InvoiceId>(),
            id::<zoho_invoice::models::ids::CommentId>(),
        )),
        c(zoho_invoice::items::CreateItem::new(input::<
            zoho_invoice::models::items::ItemInput,
        >())),
        c(zoho_invoice::items::ListItems::new()),
        c(zoho_invoice::items::UpdateItem::new(
            id::<zoho_invoice::models::ids::ItemId>(),
            input::<zoho_invoice::models::items::ItemInput>(),
        )),
        c(zoho_invoice::items::GetItem::new(id::<
            zoho_invoice::models::ids::ItemId,
        >())),
        c(zoho_invoice::items::DeleteItem::new(id::<
            zoho_invoice::models::ids::ItemId,
        >())),
        c(zoho_invoice::items::MarkItemActive::new(id::<
            zoho_invoice::models::ids::ItemId,
        >())),
        c(zoho_invoice::items::MarkItemInactive::new(id::<
            zoho_invoice::models::ids::ItemId,
        >())),
        c(zoho_invoice::items::CreatePriceList::new(input::<
            zoho_invoice::models::price_lists::PriceListInput,
        >())),
        c(zoho_invoice::items::ListPriceLists::new()),
        c(zoho_invoice::items::UpdatePriceList::new(
            id::<zoho_invoice::models::ids::PriceListId>(),
            input::<zoho_invoice::models::price_lists::PriceListInput>(),
        )),
        c(zoho_invoice::items::GetPriceList::new(id::<
            zoho_invoice::models::ids::PriceListId,
        >())),
        c(zoho_invoice::items::DeletePriceList::new(id::<
            zoho_invoice::models::ids::PriceListId,
        >())),
        c(zoho_invoice::organizations::ListOrganizations::new()),
        c(zoho_invoice::projects::CreateProject::new(input::<
            zoho_invoice::models::projects::ProjectInput,
        >())),
        c(zoho_invoice::projects::ListProjects::new()),
        c(zoho_invoice::projects::UpdateProject::new(
            id::<zoho_invoice::models::ids::ProjectId>(),
            input::<zoho_invoice::models::projects::ProjectInput>(),
        )),
        c(zoho_invoice::projects::GetProject::new(id::<
            zoho_invoice::models::ids::ProjectId,
        >())),
        c(zoho_invoice::projects::DeleteProject::new(id::<
            zoho_invoice::models::ids::ProjectId,
        >())),
        c(zoho_invoice::projects::MarkProjectActive::new(id::<
            zoho_invoice::models::ids::ProjectId,
        >())),
        c(zoho_invoice::projects::MarkProjectInactive::new(id::<
            zoho_invoice::models::ids::ProjectId,
        >(
        ))),
        c(zoho_invoice::projects::CloneProject::new(
            id::<zoho_invoice::models::ids::ProjectId>(),
            input::<zoho_invoice::models::projects::CloneProject>(),
        )),
        c(zoho_invoice::projects::AssignProjectUsers::new(
            id::<zoho_invoice::models::ids::ProjectId>(),
            input::<zoho_invoice::models::users::AssignProjectUser>(),
        )),
        c(zoho_invoice::projects::ListProjectUsers::new(id::<
            zoho_invoice::models::ids::ProjectId,
        >())),
        c(zoho_invoice::projects::InviteProjectUser::new(
            id::<zoho_invoice::models::ids::ProjectId>(),
            input::<zoho_invoice::models::users::InviteProjectUser>(),
        )),
        c(zoho_invoice::projects::UpdateProjectUser::new(
            id::<zoho_invoice::models::ids::ProjectId>(),
            id::<zoho_invoice::models::ids::UserId>(),
            input::<zoho_invoice::models::users::UpdateProjectUser>(),
        )),
        c(zoho_invoice::projects::GetProjectUser::new(
            id::<zoho_invoice::models::ids::ProjectId>(),
            id::<zoho_invoice::models::ids::UserId>(),
        )),
        c(zoho_invoice::projects::DeleteProjectUser::new(
            id::<zoho_invoice::models::ids::ProjectId>(),
            id::<zoho_invoice::models::ids::UserId>(),
        )),
        c(zoho_invoice::projects::AddProjectComment::new(
            id::<zoho_invoice::models::ids::ProjectId>(),
            input::<zoho_invoice::models::projects::ProjectCommentInput>(),
        )),
        c(zoho_invoice::projects::ListProjectComments::new(id::<
            zoho_invoice::models::ids::ProjectId,
        >(
        ))),
        c(zoho_invoice::projects::DeleteProjectComment::new(
            id::<zoho_invoice::models::ids::ProjectId>(),
            id::<zoho_invoice::models::ids::CommentId>(),
        )),
        c(zoho_invoice::projects::ListProjectInvoices::new(id::<
            zoho_invoice::models::ids::ProjectId,
        >(
        ))),
        c(zoho_invoice::projects::AddProjectTask::new(
            id::<zoho_invoice::models::ids::ProjectId>(),
            input::<zoho_invoice::models::tasks::TaskInput>(),
        )),
        c(zoho_invoice::projects::ListProjectTasks::new(id::<
            zoho_invoice::models::ids::ProjectId,
        >())),
        c(zoho_invoice::projects::GetProjectTask::new(
            id::<zoho_invoice::models::ids::ProjectId>(),
            id::<zoho_invoice::models::ids::TaskId>(),
        )),
        c(zoho_invoice::projects::UpdateProjectTask::new(
            id::<zoho_invoice::models::ids::ProjectId>(),
            id::<zoho_invoice::models::ids::TaskId>(),
            input::<zoho_invoice::models::tasks::TaskInput>(),
        )),
        c(zoho_invoice::projects::DeleteProjectTask::new(
            id::<zoho_invoice::models::ids::ProjectId>(),
            id::<zoho_invoice::models::ids::TaskId>(),
        )),
        c(
            zoho_invoice::recurring_expenses::CreateRecurringExpense::new(input::<
                zoho_invoice::models::recurring_expenses::RecurringExpenseInput,
            >()),
        ),
        c(zoho_invoice::recurring_expenses::ListRecurringExpenses::new()),
        c(zoho_invoice::recurring_expenses::GetRecurringExpense::new(
            id::<zoho_invoice::models::ids::RecurringExpenseId>(),
        )),
        c(
            zoho_invoice::recurring_expenses::UpdateRecurringExpense::new(
                id::<zoho_invoice::models::ids::RecurringExpenseId>(),
                input::<zoho_invoice::models::recurring_expenses::RecurringExpenseInput>(),
            ),
        ),
        c(
            zoho_invoice::recurring_expenses::DeleteRecurringExpense::new(id::<
                zoho_invoice::models::ids::RecurringExpenseId,
            >()),
        ),
        c(zoho_invoice::recurring_expenses::StopRecurringExpense::new(
            id::<zoho_invoice::models::ids::RecurringExpenseId>(),
        )),
        c(
            zoho_invoice::recurring_expenses::ResumeRecurringExpense::new(id::<
                zoho_invoice::models::ids::RecurringExpenseId,
            >()),
        ),
        c(
            zoho_invoice::recurring_invoices::CreateRecurringInvoice::new(input::<
                zoho_invoice::models::recurring_invoices::RecurringInvoiceInput,
            >()),
        ),
        c(zoho_invoice::recurring_invoices::ListRecurringInvoices::new()),
        c(
            zoho_invoice::recurring_invoices::UpdateRecurringInvoice::new(
                id::<zoho_invoice::models::ids::RecurringInvoiceId>(),
                input::<zoho_invoice::models::recurring_invoices::RecurringInvoiceInput>(),
            ),
        ),
        c(zoho_invoice::recurring_invoices::GetRecurringInvoice::new(
            id::<zoho_invoice::models::ids::RecurringInvoiceId>(),
        )),
        c(
            zoho_invoice::recurring_invoices::DeleteRecurringInvoice::new(id::<
                zoho_invoice::models::ids::RecurringInvoiceId,
            >()),
        ),
        c(zoho_invoice::recurring_invoices::StopRecurringInvoice::new(
            id::<zoho_invoice::models::ids::RecurringInvoiceId>(),
        )),
        c(
            zoho_invoice::recurring_invoices::ResumeRecurringInvoice::new(id::<
                zoho_invoice::models::ids::RecurringInvoiceId,
            >()),
        ),
        c(
            zoho_invoice::recurring_invoices::UpdateRecurringInvoiceTemplate::new(
                id::<zoho_invoice::models::ids::RecurringInvoiceId>(),
                id::<zoho_invoice::models::ids::TemplateId>(),
            ),
        ),
        c(
            zoho_invoice::recurring_invoices::ListRecurringInvoiceHistory::new(id::<
                zoho_invoice::models::ids::RecurringInvoiceId,
            >()),
        ),
        c(zoho_invoice::retainer_invoices::CreateRetainerInvoice::new(
            input::<zoho_invoice::models::retainer_invoices::RetainerInvoiceInput>(),
        )),
        c(zoho_invoice::retainer_invoices::ListRetainerInvoices::new()),
        c(zoho_invoice::retainer_invoices::UpdateRetainerInvoice::new(
            id::<zoho_invoice::models::ids::RetainerInvoiceId>(),
            input::<zoho_invoice::models::retainer_invoices::RetainerInvoiceInput>(),
        )),
        c(zoho_invoice::retainer_invoices::GetRetainerInvoice::new(
            id::<zoho_invoice::models::ids::RetainerInvoiceId>(),
        )),
        c(zoho_invoice::retainer_invoices::DeleteRetainerInvoice::new(
            id::<zoho_invoice::models::ids::RetainerInvoiceId>(),
        )),
        c(
            zoho_invoice::retainer_invoices::MarkRetainerInvoiceSent::new(id::<
                zoho_invoice::models::ids::RetainerInvoiceId,
            >()),
        ),
        c(
            zoho_invoice::retainer_invoices::UpdateRetainerInvoiceTemplate::new(
                id::<zoho_invoice::models::ids::RetainerInvoiceId>(),
                id::<zoho_invoice::models::ids::TemplateId>(),
            ),
        ),
        c(zoho_invoice::retainer_invoices::VoidRetainerInvoice::new(
            id::<zoho_invoice::models::ids::RetainerInvoiceId>(),
        )),
        c(
            zoho_invoice::retainer_invoices::MarkRetainerInvoiceDraft::new(id::<
                zoho_invoice::models::ids::RetainerInvoiceId,
            >()),
        ),
        c(zoho_invoice::retainer_invoices::EmailRetainerInvoice::new(
            id::<zoho_invoice::models::ids::RetainerInvoiceId>(),
            input::<zoho_invoice::models::common::EmailRequest>(),
        )),
        c(
            zoho_invoice::retainer_invoices::GetRetainerInvoiceEmailContent::new(id::<
                zoho_invoice::models::ids::RetainerInvoiceId,
            >()),
        ),
        c(
            zoho_invoice::retainer_invoices::UpdateRetainerInvoiceBillingAddress::new(
                id::<zoho_invoice::models::ids::RetainerInvoiceId>(),
                input::<zoho_invoice::models::common::Address>(),
            ),
        ),
        c(zoho_invoice::retainer_invoices::ListRetainerInvoiceTemplates::new()),
        c(zoho_invoice::retainer_invoices::ListRetainerPayments::new(
            id::<zoho_invoice::models::ids::RetainerInvoiceId>(),
        )),
        c(zoho_invoice::retainer_invoices::DeleteRetainerPayment::new(
            id::<zoho_invoice::models::ids::PaymentId>(),
        )),
        c(
            zoho_invoice::retainer_invoices::AddRetainerInvoiceAttachment::new(
                id::<zoho_invoice::models::ids::RetainerInvoiceId>(),
                upload(),
            ),
        ),
        c(
            zoho_invoice::retainer_invoices::GetRetainerInvoiceAttachment::new(id::<
                zoho_invoice::models::ids::RetainerInvoiceId,
            >()),
        ),
        c(
            zoho_invoice::retainer_invoices::DeleteRetainerInvoiceAttachment::new(
                id::<zoho_invoice::models::ids::RetainerInvoiceId>(),
                id::<zoho_invoice::models::ids::DocumentId>(),
            ),
        ),
        c(
            zoho_invoice::retainer_invoices::ListRetainerInvoiceComments::new(id::<
                zoho_invoice::models::ids::RetainerInvoiceId,
            >()),
        ),
        c(
            zoho_invoice::retainer_invoices::AddRetainerInvoiceComment::new(
                id::<zoho_invoice::models::ids::RetainerInvoiceId>(),
                input::<zoho_invoice::models::retainer_invoices::RetainerInvoiceCommentInput>(),
            ),
        ),
        c(
            zoho_invoice::retainer_invoices::UpdateRetainerInvoiceComment::new(
                id::<zoho_invoice::models::ids::RetainerInvoiceId>(),
                id::<zoho_invoice::models::ids::CommentId>(),
                input::<zoho_invoice::models::retainer_invoices::RetainerInvoiceCommentInput>(),
            ),
        ),
        c(
            zoho_invoice::retainer_invoices::DeleteRetainerInvoiceComment::new(
                id::<zoho_invoice::models::ids::RetainerInvoiceId>(),
                id::<zoho_invoice::models::ids::CommentId>(),
            ),
        ),
        c(zoho_invoice::time_entries::LogTimeEntry::new(input::<
            zoho_invoice::models::time_entries::TimeEntryInput,
        >())),
        c(zoho_invoice::time_entries::ListTimeEntries::new()),
        c(zoho_invoice::time_entries::DeleteTimeEntries::new(ids::<
            zoho_invoice::models::ids::kind::TimeEntry,
        >(
        ))),
        c(zoho_invoice::time_entries::UpdateTimeEntry::new(
            id::<zoho_invoice::models::ids::TimeEntryId>(),
            input::<zoho_invoice::models::time_entries::TimeEntryInput>(),
        )),
        c(zoho_invoice::time_entries::GetTimeEntry::new(id::<
            zoho_invoice::models::ids::TimeEntryId,
        >())),
        c(zoho_invoice::time_entries::DeleteTimeEntry::new(id::<
            zoho_invoice::models::ids::TimeEntryId,
        >(
        ))),
        c(zoho_invoice::time_entries::StartTimer::new(id::<
            zoho_invoice::models::ids::TimeEntryId,
        >())),
        c(zoho_invoice::time_entries::StopTimer::new()),
        c(zoho_invoice::time_entries::GetTimer::new()),
    ]
}

fn name(op: &Operation) -> String {
    format!("{} / {}", op.resource, op.name)
}

/// The path template with the sample id in every placeholder.
fn filled(template: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        out.push_str(ID);
        rest = &rest[rest[open..]
            .find('}')
            .map_or(rest.len(), |close| open + close + 1)..];
    }
    out + rest
}

/// Where the reference's example answer to `op` is, if it has one: the resource's folder,
/// the operation's name in snake case.
fn example(op: &Operation) -> Option<String> {
    let snake = |text: &str| {
        text.to_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("_")
    };
    let file = format!("{}.response.json", snake(op.name));
    std::fs::read_dir(support::fixtures_dir())
        .ok()?
        .flatten()
        .map(|dir| dir.path().join(&file))
        .find(|path| path.is_file() && path.to_string_lossy().contains(&snake(op.resource)))
        .and_then(|path| std::fs::read_to_string(path).ok())
}

#[test]
fn every_operation_builds_its_row_of_the_table() {
    let rows: BTreeSet<_> = support::table_rows().into_iter().collect();
    let mut problems = Vec::new();
    for case in cases() {
        let op = case.operation();
        let row = (
            op.resource.to_owned(),
            op.name.to_owned(),
            op.method.to_string(),
            op.path.to_owned(),
        );
        if !rows.contains(&row) && !support::BEYOND_THE_TABLE.contains(&op.name) {
            problems.push(format!("{}: not a row of the table", name(&op)));
        }
        match case.request() {
            Err(e) => problems.push(format!("{}: no request: {e}", name(&op))),
            Ok(request) => {
                if request.method() != op.method {
                    problems.push(format!("{}: sent as {}", name(&op), request.method()));
                }
                if request.path() != filled(op.path) {
                    problems.push(format!("{}: sent to {}", name(&op), request.path()));
                }
                if request.operation() != Some(&op) {
                    problems.push(format!(
                        "{}: the request names {:?}",
                        name(&op),
                        request.operation()
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_table_holds_every_operation_of_the_crate_once() {
    let tested: Vec<Operation> = cases().iter().map(|case| case.operation()).collect();
    assert_eq!(tested, zoho_invoice::operations(), "in the crate's order");
}

#[test]
fn every_reference_example_answer_decodes_into_its_operations_output() {
    let (mut decoded, mut problems) = (0, Vec::new());
    for case in cases() {
        let op = case.operation();
        let Some(body) = example(&op) else { continue };
        match case.decode(&body) {
            Ok(()) => decoded += 1,
            // The reference's examples that leave out the record's own id are refused so.
            Err(e)
                if e.to_string()
                    .contains("missing field `recurring_expense_id`") => {}
            Err(e) => problems.push(format!("{}: {e}", name(&op))),
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(decoded >= 150, "only {decoded} examples found and decoded");
}
