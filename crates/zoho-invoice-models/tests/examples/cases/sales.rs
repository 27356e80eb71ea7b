use zoho_invoice_models::common::{Address, Comment, EmailContent, EmailRequest, Template};
use zoho_invoice_models::envelope::{Page, Record, Reply};
use zoho_invoice_models::estimates::{
    CommentInput, Estimate, EstimateEmailContent, EstimateInput, EstimateTemplates,
};
use zoho_invoice_models::invoices::{
    AppliedCredit, ApplyCreditsInput, BulkEmailInput, BulkReminderReply, Invoice, InvoiceInput,
    InvoicePayment,
};

use super::{Case, case};

pub(crate) fn cases() -> Vec<Case> {
    vec![
        case!("resources/estimate.example.json", Estimate),
        case!("estimates/add_comments.request.json", CommentInput),
        case!("estimates/add_comments.response.json", Reply),
        case!("estimates/bulk_export_estimates.response.json", Reply),
        case!("estimates/bulk_print_estimates.response.json", Reply),
        case!("estimates/create_an_estimate.request.json", EstimateInput),
        case!(
            "estimates/create_an_estimate.response.json",
            Record<Estimate>
        ),
        case!("estimates/delete_a_comment.response.json", Reply),
        case!("estimates/delete_an_estimate.response.json", Reply),
        case!("estimates/email_an_estimate.request.json", EmailRequest),
        case!("estimates/email_an_estimate.response.json", Reply),
        case!("estimates/email_multiple_estimates.response.json", Reply),
        case!("estimates/get_an_estimate.response.json", Record<Estimate>),
        case!(
            "estimates/get_estimate_email_content.response.json",
            EstimateEmailContent
        ),
        case!(
            "estimates/list_estimate_comments_history.response.json",
            Page<Comment>
        ),
        case!(
            "estimates/list_estimate_templates.response.json",
            EstimateTemplates
        ),
        case!("estimates/list_estimates.response.json", Page<Estimate>),
        case!(
            "estimates/mark_an_estimate_as_accepted.response.json",
            Reply
        ),
        case!(
            "estimates/mark_an_estimate_as_declined.response.json",
            Reply
        ),
        case!("estimates/mark_an_estimate_as_sent.response.json", Reply),
        case!("estimates/update_an_estimate.request.json", EstimateInput),
        case!(
            "estimates/update_an_estimate.response.json",
            Record<Estimate>
        ),
        case!("estimates/update_billing_address.request.json", Address),
        case!("estimates/update_billing_address.response.json", Reply),
        case!("estimates/update_comment.request.json", CommentInput),
        case!("estimates/update_comment.response.json", Record<Comment>),
        case!("estimates/update_estimate_template.response.json", Reply),
        case!("estimates/update_shipping_address.request.json", Address),
        case!("estimates/update_shipping_address.response.json", Reply),
        case!("resources/invoice.example.json", Invoice),
        case!("invoices/add_attachment_to_an_invoice.response.json", Reply),
        case!("invoices/add_comment.response.json", Reply),
        case!("invoices/apply_credits.request.json", ApplyCreditsInput),
        case!("invoices/apply_credits.response.json", Reply),
        case!("invoices/bulk_export_invoices.response.json", Reply),
        case!(
            "invoices/bulk_invoice_reminder.response.json",
            BulkReminderReply
        ),
        case!("invoices/bulk_print_invoices.response.json", Reply),
        case!("invoices/cancel_write_off.response.json", Reply),
        case!("invoices/create_an_invoice.request.json", InvoiceInput),
        case!("invoices/create_an_invoice.response.json", Record<Invoice>),
        case!("invoices/delete_a_comment.response.json", Reply),
        case!("invoices/delete_a_payment.response.json", Reply),
        case!("invoices/delete_an_attachment.response.json", Reply),
        case!("invoices/delete_an_invoice.response.json", Reply),
        case!("invoices/delete_applied_credit.response.json", Reply),
        case!("invoices/delete_the_expense_receipt.response.json", Reply),
        case!("invoices/disable_payment_reminder.response.json", Reply),
        case!("invoices/email_an_invoice.request.json", EmailRequest),
        case!("invoices/email_an_invoice.response.json", Reply),
        case!("invoices/email_invoices.request.json", BulkEmailInput),
        case!("invoices/email_invoices.response.json", Reply),
        case!("invoices/enable_payment_reminder.response.json", Reply),
        case!("invoices/get_an_invoice.response.json", Record<Invoice>),
        case!("invoices/get_an_invoice_attachment.response.json", Reply),
        case!(
            "invoices/get_invoice_email_content.response.json",
            Record<EmailContent>
        ),
        case!(
            "invoices/get_payment_reminder_mail_content.response.json",
            Record<EmailContent>
        ),
        case!(
            "invoices/list_credits_applied.response.json",
            Page<AppliedCredit>
        ),
        case!(
            "invoices/list_invoice_comments_history.response.json",
            Page<Comment>
        ),
        case!(
            "invoices/list_invoice_payments.response.json",
            Page<InvoicePayment>
        ),
        case!(
            "invoices/list_invoice_templates.response.json",
            Page<Template>
        ),
        case!("invoices/list_invoices.response.json", Page<Invoice>),
        case!("invoices/mark_an_invoice_as_sent.response.json", Reply),
        case!("invoices/mark_as_draft.response.json", Reply),
        case!("invoices/remind_customer.request.json", EmailRequest),
        case!("invoices/remind_customer.response.json", Reply),
        case!("invoices/update_an_invoice.request.json", InvoiceInput),
        case!("invoices/update_an_invoice.response.json", Record<Invoice>),
        case!("invoices/update_attachment_preference.response.json", Reply),
        case!("invoices/update_billing_address.request.json", Address),
        case!("invoices/update_billing_address.response.json", Reply),
        case!("invoices/update_comment.response.json", Record<Comment>),
        case!("invoices/update_invoice_template.response.json", Reply),
        case!("invoices/update_shipping_address.request.json", Address),
        case!("invoices/update_shipping_address.response.json", Reply),
        case!("invoices/void_an_invoice.response.json", Reply),
        case!("invoices/write_off_invoice.response.json", Reply),
    ]
}
