use zoho_invoice_models::common::{Address, Comment, EmailRequest, Template};
use zoho_invoice_models::credit_notes::{
    CreditInvoicesInput, CreditNote, CreditNoteCommentInput, CreditNoteEmail, CreditNoteInput,
    CreditNoteRefund, CreditNoteRefundInput, InvoiceCredited,
};
use zoho_invoice_models::customer_payments::{
    Payment, PaymentInput, PaymentRefund, PaymentRefundInput,
};
use zoho_invoice_models::envelope::{Page, Record, Reply};
use zoho_invoice_models::recurring_invoices::{
    RecurringInvoice, RecurringInvoiceInput, RecurringInvoiceStatusChange,
    RecurringInvoiceTemplateChange,
};
use zoho_invoice_models::retainer_invoices::{
    RetainerInvoice, RetainerInvoiceAttachment, RetainerInvoiceCommentInput,
    RetainerInvoiceEmailContent, RetainerInvoiceInput, RetainerPayment,
};

use super::{Case, case};

pub(crate) fn cases() -> Vec<Case> {
    vec![
        // Recurring invoices.
        case!("resources/recurring_invoice.example.json", RecurringInvoice),
        case!(
            "recurring_invoices/create_a_recurring_invoice.request.json",
            RecurringInvoiceInput
        ),
        case!(
            "recurring_invoices/create_a_recurring_invoice.response.json",
            Record<RecurringInvoice>
        ),
        case!(
            "recurring_invoices/list_recurring_invoice.response.json",
            Page<RecurringInvoice>
        ),
        case!(
            "recurring_invoices/update_recurring_invoice.request.json",
            RecurringInvoiceInput
        ),
        case!(
            "recurring_invoices/update_recurring_invoice.response.json",
            Record<RecurringInvoice>
        ),
        case!(
            "recurring_invoices/get_a_recurring_invoice.response.json",
            Record<RecurringInvoice>
        ),
        case!(
            "recurring_invoices/delete_a_recurring_invoice.response.json",
            Reply
        ),
        case!(
            "recurring_invoices/stop_a_recurring_invoice.request.json",
            RecurringInvoiceStatusChange
        ),
        case!(
            "recurring_invoices/stop_a_recurring_invoice.response.json",
            Reply
        ),
        case!(
            "recurring_invoices/resume_a_recurring_invoice.request.json",
            RecurringInvoiceStatusChange
        ),
        case!(
            "recurring_invoices/resume_a_recurring_invoice.response.json",
            Reply
        ),
        case!(
            "recurring_invoices/update_recurring_invoice_template.request.json",
            RecurringInvoiceTemplateChange
        ),
        case!(
            "recurring_invoices/update_recurring_invoice_template.response.json",
            Reply
        ),
        case!(
            "recurring_invoices/list_recurring_invoice_history.response.json",
            Page<Comment>
        ),
        // Customer payments.
        case!("resources/payment.example.json", Payment),
        case!(
            "customer_payments/create_a_payment.request.json",
            PaymentInput
        ),
        case!(
            "customer_payments/create_a_payment.response.json",
            Record<Payment>
        ),
        case!(
            "customer_payments/list_customer_payments.response.json",
            Page<Payment>
        ),
        case!(
            "customer_payments/update_a_payment.request.json",
            PaymentInput
        ),
        case!(
            "customer_payments/update_a_payment.response.json",
            Record<Payment>
        ),
        case!(
            "customer_payments/retrieve_a_payment.response.json",
            Record<Payment>
        ),
        case!("customer_payments/delete_a_payment.response.json", Reply),
        case!(
            "customer_payments/refund_an_excess_customer_payment.request.json",
            PaymentRefundInput
        ),
        case!(
            "customer_payments/refund_an_excess_customer_payment.response.json",
            Page<PaymentRefund>
        ),
        case!(
            "customer_payments/list_refunds_of_a_customer_payment.response.json",
            Page<PaymentRefund>
        ),
        case!(
            "customer_payments/update_a_refund.request.json",
            PaymentRefundInput
        ),
        case!(
            "customer_payments/update_a_refund.response.json",
            Page<PaymentRefund>
        ),
        case!(
            "customer_payments/details_of_a_refund.response.json",
            Record<PaymentRefund>
        ),
        case!("customer_payments/delete_a_refund.response.json", Reply),
        // Retainer invoices.
        case!("resources/retainerinvoice.example.json", RetainerInvoice),
        case!(
            "retainer_invoices/create_a_retainer_invoice.request.json",
            RetainerInvoiceInput
        ),
        case!(
            "retainer_invoices/create_a_retainer_invoice.response.json",
            Record<RetainerInvoice>
        ),
        case!(
            "retainer_invoices/list_retainer_invoices.response.json",
            Page<RetainerInvoice>
        ),
        case!(
            "retainer_invoices/update_a_retainer_invoice.request.json",
            RetainerInvoiceInput
        ),
        case!(
            "retainer_invoices/update_a_retainer_invoice.response.json",
            Record<RetainerInvoice>
        ),
        case!(
            "retainer_invoices/get_a_retainer_invoice.response.json",
            Record<RetainerInvoice>
        ),
        case!(
            "retainer_invoices/delete_a_retainer_invoice.response.json",
            Reply
        ),
        case!(
            "retainer_invoices/mark_a_retainer_invoice_as_sent.response.json",
            Reply
        ),
        case!(
            "retainer_invoices/update_retainer_invoice_template.response.json",
            Reply
        ),
        case!(
            "retainer_invoices/void_a_retainer_invoice.response.json",
            Reply
        ),
        case!("retainer_invoices/mark_as_draft.response.json", Reply),
        case!(
            "retainer_invoices/email_a_retainer_invoice.request.json",
            EmailRequest
        ),
        case!(
            "retainer_invoices/email_a_retainer_invoice.response.json",
            Reply
        ),
        case!(
            "retainer_invoices/get_retainer_invoice_email_content.response.json",
            RetainerInvoiceEmailContent
        ),
        case!(
            "retainer_invoices/update_billing_address.request.json",
            Address
        ),
        case!(
            "retainer_invoices/update_billing_address.response.json",
            Reply
        ),
        case!(
            "retainer_invoices/list_retainer_invoice_templates.response.json",
            Page<Template>
        ),
        case!(
            "retainer_invoices/list_retainer_payments.response.json",
            Page<RetainerPayment>
        ),
        case!(
            "retainer_invoices/delete_a_retainer_payment.response.json",
            Reply
        ),
        case!(
            "retainer_invoices/add_attachment_to_a_retainer_invoice.request.json",
            RetainerInvoiceAttachment
        ),
        case!(
            "retainer_invoices/add_attachment_to_a_retainer_invoice.response.json",
            Reply
        ),
        case!(
            "retainer_invoices/get_a_retainer_invoice_attachment.response.json",
            Reply
        ),
        case!(
            "retainer_invoices/delete_an_attachment.response.json",
            Reply
        ),
        case!(
            "retainer_invoices/list_retainer_invoice_comments_history.response.json",
            Page<Comment>
        ),
        case!(
            "retainer_invoices/add_comment.request.json",
            RetainerInvoiceCommentInput
        ),
        case!("retainer_invoices/add_comment.response.json", Reply),
        case!(
            "retainer_invoices/update_comment.request.json",
            RetainerInvoiceCommentInput
        ),
        case!(
            "retainer_invoices/update_comment.response.json",
            Record<Comment>
        ),
        case!("retainer_invoices/delete_a_comment.response.json", Reply),
        // Credit notes.
        case!("resources/creditnote.example.json", CreditNote),
        case!(
            "credit_notes/create_a_credit_note.request.json",
            CreditNoteInput
        ),
        case!(
            "credit_notes/create_a_credit_note.response.json",
            Record<CreditNote>
        ),
        case!(
            "credit_notes/list_credit_notes.response.json",
            Page<CreditNote>
        ),
        case!(
            "credit_notes/update_a_credit_note.request.json",
            CreditNoteInput
        ),
        case!(
            "credit_notes/update_a_credit_note.response.json",
            Record<CreditNote>
        ),
        case!(
            "credit_notes/get_a_credit_note.response.json",
            Record<CreditNote>
        ),
        case!("credit_notes/delete_a_credit_note.response.json", Reply),
        case!(
            "credit_notes/email_a_credit_note.request.json",
            EmailRequest
        ),
        case!("credit_notes/email_a_credit_note.response.json", Reply),
        case!("credit_notes/void_a_credit_note.response.json", Reply),
        case!(
            "credit_notes/open_a_voided_credit_note.response.json",
            Reply
        ),
        case!(
            "credit_notes/email_history.response.json",
            Page<CreditNoteEmail>
        ),
        case!("credit_notes/update_billing_address.request.json", Address),
        case!("credit_notes/update_billing_address.response.json", Reply),
        case!("credit_notes/update_shipping_address.request.json", Address),
        case!("credit_notes/update_shipping_address.response.json", Reply),
        case!(
            "credit_notes/list_credit_note_templates.response.json",
            Page<Template>
        ),
        case!(
            "credit_notes/update_a_credit_note_template.response.json",
            Reply
        ),
        case!(
            "credit_notes/credit_to_an_invoice.request.json",
            CreditInvoicesInput
        ),
        case!("credit_notes/credit_to_an_invoice.response.json", Reply),
        case!(
            "credit_notes/list_invoices_credited.response.json",
            Page<InvoiceCredited>
        ),
        case!("credit_notes/delete_invoices_credited.response.json", Reply),
        case!(
            "credit_notes/add_a_comment.request.json",
            CreditNoteCommentInput
        ),
        case!("credit_notes/add_a_comment.response.json", Reply),
        case!(
            "credit_notes/list_credit_note_comments_history.response.json",
            Page<Comment>
        ),
        case!("credit_notes/delete_a_comment.response.json", Reply),
        case!(
            "credit_notes/list_credit_note_refunds.response.json",
            Page<CreditNoteRefund>
        ),
        case!(
            "credit_notes/refund_credit_note.request.json",
            CreditNoteRefundInput
        ),
        case!(
            "credit_notes/refund_credit_note.response.json",
            Record<CreditNoteRefund>
        ),
        case!(
            "credit_notes/list_refunds_of_a_credit_note.response.json",
            Page<CreditNoteRefund>
        ),
        case!(
            "credit_notes/update_credit_note_refund.request.json",
            CreditNoteRefundInput
        ),
        case!(
            "credit_notes/update_credit_note_refund.response.json",
            Record<CreditNoteRefund>
        ),
        case!(
            "credit_notes/get_credit_note_refund.response.json",
            Record<CreditNoteRefund>
        ),
        case!(
            "credit_notes/delete_credit_note_refund.response.json",
            Reply
        ),
    ]
}
