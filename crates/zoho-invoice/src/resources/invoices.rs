//! Invoices (`/invoices`): the bills sent to customers, with their status changes, emails and
//! reminders, PDF and HTML downloads, bulk export and print, write-offs, addresses, templates,
//! payments and applied credits, the attached file and comments.
//!
//! Bulk calls are checked before anything is sent: at most 10 invoices to email or remind at
//! once, 25 to export or print (a longer list is refused with
//! [`ErrorKind::TooManyIds`](crate::ErrorKind::TooManyIds)). Emails and reminders for more
//! invoices go out in chunks of 10 with [`Client::send_in_chunks`](crate::Client::send_in_chunks).
//!
//! ```
//! use zoho_invoice::Client;
//! use zoho_invoice::models::invoices::{InvoiceInput, InvoiceLineItemInput, InvoiceStatus};
//! use zoho_invoice::models::{contacts::ContactInput, items::ItemInput};
//! use zoho_invoice::query::DocumentFormat;
//!
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! # let server = zoho_invoice_mock::MockServer::start().await?;
//! // A client on the fake server (the real one is built from a TransportBuilder).
//! let client = Client::local(&server.api_url(), server.access_token().unwrap(), server.organization_id())?;
//! let customer = client.contacts().create(ContactInput::new("Bowman & Co")).await?;
//! let item = client.items().create(ItemInput::new("Hard Drive", 120)).await?;
//!
//! let lines = vec![InvoiceLineItemInput::item(item.item_id, 2)];
//! let created = client
//!     .invoices()
//!     .create(InvoiceInput::new(customer.contact_id, lines))
//!     .await?;
//! let invoice_id = created.invoice_id;
//! assert_eq!(created.status, Some(InvoiceStatus::Draft));
//!
//! client.invoices().mark_sent(&invoice_id).await?;
//! let sent = client.invoices().get(&invoice_id).await?;
//! assert_eq!(sent.status, Some(InvoiceStatus::Sent));
//!
//! let pdf = client.invoices().download(&invoice_id, DocumentFormat::Pdf).await?;
//! assert!(pdf.bytes.starts_with(b"%PDF-"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # }).unwrap();
//! ```

use zoho_invoice_models::common::{Address, Comment, EmailContent, EmailRequest, Template};
use zoho_invoice_models::envelope::{Page, Record, Reply};
use zoho_invoice_models::ids::{
    CommentId, ContactId, CreditApplicationId, ExpenseId, InvoiceId, InvoicePaymentId, ItemId,
    RecurringInvoiceId, TemplateId, kind,
};
use zoho_invoice_models::invoices::{
    AppliedCredit, ApplyCreditsInput, AttachmentPreference, BulkEmailInput, BulkReminderReply,
    Invoice, InvoiceCommentInput, InvoiceFilterBy, InvoiceInput, InvoicePayment, InvoiceSortColumn,
    InvoiceStatus,
};

use crate::Error;
use crate::endpoint::{Download, Upload};
use crate::macros::{
    chunkable, handle, list_filter, query_options, resource, watchable, whole_list,
};
use crate::query::{BulkIds, DownloadOptions, Query, ToQuery};

resource! {
handle! {
    /// Invoices: their status changes, emails and reminders, downloads, write-offs, addresses, templates, payments and credits, attachment and comments.
    Invoices = invoices
}

/// The most invoices one bulk email or bulk reminder takes.
pub const MAX_BULK_EMAIL: usize = 10;
/// The most invoices one bulk export or bulk print takes.
pub const MAX_BULK_PDF: usize = 25;

query_options! {
    /// The options of [`CreateInvoice`]: `send` and `ignore_auto_number_generation`.
    #[derive(Copy)]
    pub struct CreateInvoiceOptions for CreateInvoice.options {
        /// Email the invoice to the customer's contact persons once created.
        send: bool,
        /// Take `invoice_number` as given instead of the next automatic number.
        ignore_auto_number_generation: bool,
    }
}

query_options! {
    /// The options of [`UpdateInvoice`]: `ignore_auto_number_generation`.
    #[derive(Copy)]
    pub struct UpdateInvoiceOptions for UpdateInvoice.options {
        /// Take `invoice_number` as given instead of the automatic number.
        ignore_auto_number_generation: bool,
    }
}

query_options! {
    /// The options of [`EmailInvoice`]: `send_customer_statement` and `send_attachment`.
    #[derive(Copy)]
    pub struct EmailInvoiceOptions for EmailInvoice.options {
        /// Attach the customer's statement as a PDF.
        send_customer_statement: bool,
        /// Attach the invoice's attached file.
        send_attachment: bool,
    }
}

query_options! {
    /// The options of [`RemindInvoiceCustomer`]: `send_customer_statement`.
    #[derive(Copy)]
    pub struct RemindInvoiceCustomerOptions for RemindInvoiceCustomer.options {
        /// Attach the customer's statement as a PDF.
        send_customer_statement: bool,
    }
}

query_options! {
    /// The options of [`GetInvoiceEmailContent`]: `email_template_id`.
    pub struct GetInvoiceEmailContentOptions for GetInvoiceEmailContent.options {
        /// Fill the email from this template (by default the customer's template, or the
        /// organization's default).
        email_template_id: TemplateId,
    }
}

query_options! {
    /// The options of [`GetInvoiceAttachment`]: `preview`.
    #[derive(Copy)]
    pub struct GetInvoiceAttachmentOptions for GetInvoiceAttachment.options {
        /// Get a thumbnail of the file instead of the file.
        preview: bool,
    }
}

/// `can_send_in_mail`, a query parameter of the attachment calls.
impl ToQuery for AttachmentPreference {
    fn to_query(&self, query: &mut Query) -> Result<(), Error> {
        query.push_some("can_send_in_mail", self.can_send_in_mail.as_ref());
        Ok(())
    }
}

/// Invoice comments travel as query parameters: `description`, `payment_expected_date`,
/// `show_comment_to_clients`.
impl ToQuery for InvoiceCommentInput {
    fn to_query(&self, query: &mut Query) -> Result<(), Error> {
        query.push_some("description", self.description.as_ref());
        query.push_some("payment_expected_date", self.payment_expected_date.as_ref());
        query.push_some(
            "show_comment_to_clients",
            self.show_comment_to_clients.as_ref(),
        );
        Ok(())
    }
}

list_filter! {
    /// Filters of [`ListInvoices`].
    pub struct InvoiceListFilter for ListInvoices.filter {
        /// By invoice number (`invoice_number`, `_startswith`, `_contains`).
        text invoice_number,
        /// By the name of an item on the invoice.
        text item_name,
        /// By an item on the invoice.
        value item_id: ItemId,
        /// By the description of an item on the invoice.
        text item_description,
        /// By reference number.
        text reference_number,
        /// By customer name.
        text customer_name,
        /// By the recurring invoice the invoice was made from.
        value recurring_invoice_id: RecurringInvoiceId,
        /// By the customer's email address.
        value email: String,
        /// By total (`total_less_than`, ...).
        amount total,
        /// By unpaid amount (`balance_less_than`, ...).
        amount balance,
        /// By custom field value.
        text custom_field,
        /// By date (`date_start`, `date_end`, `date_before`, `date_after`).
        date date,
        /// By due date (`due_date_start`, ...).
        date due_date,
        /// By the day the invoice was created (`created_date_start`, ...; from Zoho Books'
        /// OpenAPI document of the same list).
        date created_date,
        /// By status.
        value status: InvoiceStatus,
        /// By customer.
        value customer_id: ContactId,
        /// By status group or expected payment date (`Status.OverDue`, ...).
        value filter_by: InvoiceFilterBy,
        /// By invoice number, purchase order or customer name.
        value search_text: String,
        /// The column to sort by.
        value sort_column: InvoiceSortColumn,
        /// By the Zoho CRM deal it belongs to (from Zoho Books' OpenAPI document).
        value zcrm_potential_id: String,
        /// What the answer holds: `0` the invoices, `1` with their count and sums, `2` the count only, `3` the count and sums, `4` the invoices and sums.
        value response_option: u8,
    }
}

list_filter! {
    /// Sort and paging of [`ListInvoiceComments`].
    pub struct InvoiceCommentFilter for ListInvoiceComments.filter {}
}

operation! {
    /// Creates an invoice (`POST /invoices`).
    pub struct CreateInvoice = ("Invoices", "Create an invoice", POST "/invoices") -> Record<Invoice> as Invoices.create {
        /// The invoice (`customer_id` and `line_items` required).
        body invoice: InvoiceInput,
        /// Send it at once, or keep the given number.
        option options: CreateInvoiceOptions,
    }
}

operation! {
    /// Lists invoices, a page at a time (`GET /invoices`).
    pub struct ListInvoices = ("Invoices", "List invoices", GET "/invoices") -> Page<Invoice> as Invoices.list {
        /// Filters, sort and paging.
        list filter: InvoiceListFilter,
    }
}

operation! {
    /// Updates an invoice (`PUT /invoices/{invoice_id}`); lines left out are removed.
    pub struct UpdateInvoice = ("Invoices", "Update an invoice", PUT "/invoices/{invoice_id}") -> Record<Invoice> as Invoices.update {
        /// The invoice.
        path invoice_id: InvoiceId,
        /// Its new fields.
        body invoice: InvoiceInput,
        /// Keep the given number.
        option options: UpdateInvoiceOptions,
    }
}

operation! {
    /// Gets an invoice (`GET /invoices/{invoice_id}`).
    pub struct GetInvoice = ("Invoices", "Get an invoice", GET "/invoices/{invoice_id}") -> Record<Invoice> as Invoices.get {
        /// The invoice.
        path invoice_id: InvoiceId,
    }
}

operation! {
    /// Downloads an invoice as a PDF or an HTML page
    /// (`GET /invoices/{invoice_id}?accept=pdf|html`).
    pub struct DownloadInvoice = ("Invoices", "Get an invoice", GET "/invoices/{invoice_id}") -> Download as Invoices.download {
        /// The invoice.
        path invoice_id: InvoiceId,
        /// PDF or HTML, and whether to ask for the printable file.
        query options: DownloadOptions,
    }
}

operation! {
    /// Deletes an invoice (`DELETE /invoices/{invoice_id}`); invoices with payments or
    /// credits applied cannot be deleted.
    pub struct DeleteInvoice = ("Invoices", "Delete an invoice", DELETE "/invoices/{invoice_id}") -> Reply as Invoices.delete {
        /// The invoice.
        path invoice_id: InvoiceId,
    }
}

operation! {
    /// Marks a draft invoice as sent (`POST /invoices/{invoice_id}/status/sent`).
    pub struct MarkInvoiceSent = ("Invoices", "Mark an invoice as sent", POST "/invoices/{invoice_id}/status/sent") -> Reply as Invoices.mark_sent {
        /// The invoice.
        path invoice_id: InvoiceId,
    }
}

operation! {
    /// Voids an invoice (`POST /invoices/{invoice_id}/status/void`); its payments and credits
    /// go back to the customer's credits.
    pub struct VoidInvoice = ("Invoices", "Void an invoice", POST "/invoices/{invoice_id}/status/void") -> Reply as Invoices.void {
        /// The invoice.
        path invoice_id: InvoiceId,
    }
}

operation! {
    /// Marks a void invoice as draft (`POST /invoices/{invoice_id}/status/draft`).
    pub struct MarkInvoiceDraft = ("Invoices", "Mark as draft", POST "/invoices/{invoice_id}/status/draft") -> Reply as Invoices.mark_draft {
        /// The invoice.
        path invoice_id: InvoiceId,
    }
}

operation! {
    /// Emails an invoice to the customer (`POST /invoices/{invoice_id}/email`).
    pub struct EmailInvoice = ("Invoices", "Email an invoice", POST "/invoices/{invoice_id}/email") -> Reply as Invoices.email {
        /// The invoice.
        path invoice_id: InvoiceId,
        /// Recipients, subject and body.
        body email: EmailRequest,
        /// What to attach.
        option options: EmailInvoiceOptions,
        /// Files attached to the email (`.attach(..)`).
        files attachments: Vec<crate::endpoint::Upload>,
    }
}

operation! {
    /// Gets the email the API proposes for an invoice (`GET /invoices/{invoice_id}/email`).
    pub struct GetInvoiceEmailContent = ("Invoices", "Get invoice email content", GET "/invoices/{invoice_id}/email") -> Record<EmailContent> as Invoices.get_email_content {
        /// The invoice.
        path invoice_id: InvoiceId,
        /// The email template to fill.
        option options: GetInvoiceEmailContentOptions,
    }
}

operation! {
    /// Emails up to 10 invoices at once (`POST /invoices/email?invoice_ids=...`).
    pub struct EmailInvoices = ("Invoices", "Email invoices", POST "/invoices/email") -> Reply as Invoices.bulk_email {
        /// The invoices (at most 10).
        query invoice_ids: BulkIds<kind::Invoice, MAX_BULK_EMAIL>,
        /// The customers to send to, by email or post.
        body contacts: BulkEmailInput,
    }
}

operation! {
    /// Reminds the customer of an unpaid invoice by email
    /// (`POST /invoices/{invoice_id}/paymentreminder`).
    pub struct RemindInvoiceCustomer = ("Invoices", "Remind Customer", POST "/invoices/{invoice_id}/paymentreminder") -> Reply as Invoices.remind {
        /// The invoice (sent or overdue).
        path invoice_id: InvoiceId,
        /// Recipients, subject and body.
        body email: EmailRequest,
        /// What to attach.
        option options: RemindInvoiceCustomerOptions,
    }
}

operation! {
    /// Gets the reminder email the API proposes for an invoice
    /// (`GET /invoices/{invoice_id}/paymentreminder`).
    pub struct GetInvoiceReminderContent = ("Invoices", "Get payment reminder mail content", GET "/invoices/{invoice_id}/paymentreminder") -> Record<EmailContent> as Invoices.get_reminder_content {
        /// The invoice.
        path invoice_id: InvoiceId,
    }
}

operation! {
    /// Sends payment reminders for up to 10 invoices at once
    /// (`POST /invoices/paymentreminder?invoice_ids=...`).
    pub struct BulkRemindInvoices = ("Invoices", "Bulk invoice reminder", POST "/invoices/paymentreminder") -> BulkReminderReply as Invoices.bulk_remind {
        /// The invoices (at most 10; only sent and overdue ones are reminded).
        query invoice_ids: BulkIds<kind::Invoice, MAX_BULK_EMAIL>,
    }
}

chunkable!(EmailInvoices by invoice_ids, BulkRemindInvoices by invoice_ids);

operation! {
    /// Exports up to 25 invoices as one PDF (`GET /invoices/pdf?invoice_ids=...`).
    pub struct BulkExportInvoices = ("Invoices", "Bulk export Invoices", GET "/invoices/pdf") -> Download as Invoices.bulk_export {
        /// The invoices (at most 25).
        query invoice_ids: BulkIds<kind::Invoice, MAX_BULK_PDF>,
    }
}

operation! {
    /// Exports up to 25 invoices as one PDF to print (`GET /invoices/print?invoice_ids=...`).
    pub struct BulkPrintInvoices = ("Invoices", "Bulk print invoices", GET "/invoices/print") -> Download as Invoices.bulk_print {
        /// The invoices (at most 25).
        query invoice_ids: BulkIds<kind::Invoice, MAX_BULK_PDF>,
    }
}

operation! {
    /// Turns automatic payment reminders off for an invoice
    /// (`POST /invoices/{invoice_id}/paymentreminder/disable`).
    pub struct DisableInvoiceReminder = ("Invoices", "Disable payment reminder", POST "/invoices/{invoice_id}/paymentreminder/disable") -> Reply as Invoices.disable_reminder {
        /// The invoice.
        path invoice_id: InvoiceId,
    }
}

operation! {
    /// Turns automatic payment reminders on for an invoice
    /// (`POST /invoices/{invoice_id}/paymentreminder/enable`).
    pub struct EnableInvoiceReminder = ("Invoices", "Enable payment reminder", POST "/invoices/{invoice_id}/paymentreminder/enable") -> Reply as Invoices.enable_reminder {
        /// The invoice.
        path invoice_id: InvoiceId,
    }
}

operation! {
    /// Writes off what remains unpaid on an invoice (`POST /invoices/{invoice_id}/writeoff`).
    pub struct WriteOffInvoice = ("Invoices", "Write off invoice", POST "/invoices/{invoice_id}/writeoff") -> Reply as Invoices.write_off {
        /// The invoice.
        path invoice_id: InvoiceId,
    }
}

operation! {
    /// Cancels an invoice's write-off (`POST /invoices/{invoice_id}/writeoff/cancel`).
    pub struct CancelInvoiceWriteOff = ("Invoices", "Cancel write off", POST "/invoices/{invoice_id}/writeoff/cancel") -> Reply as Invoices.cancel_write_off {
        /// The invoice.
        path invoice_id: InvoiceId,
    }
}

operation! {
    /// Sets the billing address of one invoice (`PUT /invoices/{invoice_id}/address/billing`).
    pub struct UpdateInvoiceBillingAddress = ("Invoices", "Update billing address", PUT "/invoices/{invoice_id}/address/billing") -> Reply as Invoices.update_billing_address {
        /// The invoice.
        path invoice_id: InvoiceId,
        /// The address.
        body address: Address,
    }
}

operation! {
    /// Sets the shipping address of one invoice (`PUT /invoices/{invoice_id}/address/shipping`).
    pub struct UpdateInvoiceShippingAddress = ("Invoices", "Update shipping address", PUT "/invoices/{invoice_id}/address/shipping") -> Reply as Invoices.update_shipping_address {
        /// The invoice.
        path invoice_id: InvoiceId,
        /// The address.
        body address: Address,
    }
}

operation! {
    /// Lists the PDF templates of invoices (`GET /invoices/templates`).
    pub struct ListInvoiceTemplates = ("Invoices", "List invoice templates", GET "/invoices/templates") -> Page<Template> as Invoices.list_templates {}
}

whole_list!(ListInvoiceTemplates);

operation! {
    /// Sets the PDF template of an invoice
    /// (`PUT /invoices/{invoice_id}/templates/{template_id}`).
    pub struct UpdateInvoiceTemplate = ("Invoices", "Update invoice template", PUT "/invoices/{invoice_id}/templates/{template_id}") -> Reply as Invoices.update_template {
        /// The invoice.
        path invoice_id: InvoiceId,
        /// The template.
        path template_id: TemplateId,
    }
}

operation! {
    /// Lists the payments made to an invoice (`GET /invoices/{invoice_id}/payments`).
    pub struct ListInvoicePayments = ("Invoices", "List invoice payments", GET "/invoices/{invoice_id}/payments") -> Page<InvoicePayment> as Invoices.list_payments {
        /// The invoice.
        path invoice_id: InvoiceId,
    }
}

operation! {
    /// Lists the credits applied to an invoice (`GET /invoices/{invoice_id}/creditsapplied`).
    pub struct ListInvoiceCreditsApplied = ("Invoices", "List credits applied", GET "/invoices/{invoice_id}/creditsapplied") -> Page<AppliedCredit> as Invoices.list_credits_applied {
        /// The invoice.
        path invoice_id: InvoiceId,
    }
}

whole_list!(ListInvoicePayments, ListInvoiceCreditsApplied);

operation! {
    /// Applies customer credits (excess payments, credit notes) to an invoice
    /// (`POST /invoices/{invoice_id}/credits`).
    pub struct ApplyInvoiceCredits = ("Invoices", "Apply credits", POST "/invoices/{invoice_id}/credits") -> Reply as Invoices.apply_credits {
        /// The invoice.
        path invoice_id: InvoiceId,
        /// The credits and the amounts to apply.
        body credits: ApplyCreditsInput,
    }
}

operation! {
    /// Removes a payment from an invoice
    /// (`DELETE /invoices/{invoice_id}/payments/{invoice_payment_id}`).
    pub struct DeleteInvoicePayment = ("Invoices", "Delete a payment", DELETE "/invoices/{invoice_id}/payments/{invoice_payment_id}") -> Reply as Invoices.delete_payment {
        /// The invoice.
        path invoice_id: InvoiceId,
        /// The payment's share of the invoice (`invoice_payment_id` of
        /// [`ListInvoicePayments`]).
        path invoice_payment_id: InvoicePaymentId,
    }
}

operation! {
    /// Removes credits applied to an invoice
    /// (`DELETE /invoices/{invoice_id}/creditsapplied/{creditnotes_invoice_id}`).
    pub struct DeleteInvoiceAppliedCredit = ("Invoices", "Delete applied credit", DELETE "/invoices/{invoice_id}/creditsapplied/{creditnotes_invoice_id}") -> Reply as Invoices.delete_applied_credit {
        /// The invoice.
        path invoice_id: InvoiceId,
        /// The application of credits (`creditnotes_invoice_id` of
        /// [`ListInvoiceCreditsApplied`]).
        path credit_application_id: CreditApplicationId,
    }
}

operation! {
    /// Attaches a file to an invoice (`POST /invoices/{invoice_id}/attachment`, multipart field
    /// `attachment`; gif, png, jpeg, jpg, bmp or pdf).
    pub struct AddInvoiceAttachment = ("Invoices", "Add attachment to an invoice", POST "/invoices/{invoice_id}/attachment") -> Reply as Invoices.add_attachment {
        /// The invoice.
        path invoice_id: InvoiceId,
        /// Whether the file goes with the invoice's emails.
        query preference: AttachmentPreference,
        /// The file (`field` must be `attachment`; see [`AddInvoiceAttachment::file`]).
        upload attachment: Upload,
    }
}

impl AddInvoiceAttachment {
    /// The upload of a file under the form field `attachment`.
    pub fn file(
        file_name: impl Into<String>,
        content_type: impl Into<String>,
        bytes: impl Into<bytes::Bytes>,
    ) -> Upload {
        Upload::new("attachment", file_name, content_type, bytes)
    }
}

operation! {
    /// Sets whether an invoice's attached file goes with its emails
    /// (`PUT /invoices/{invoice_id}/attachment?can_send_in_mail=...`).
    pub struct UpdateInvoiceAttachmentPreference = ("Invoices", "Update attachment preference", PUT "/invoices/{invoice_id}/attachment") -> Reply as Invoices.update_attachment_preference {
        /// The invoice.
        path invoice_id: InvoiceId,
        /// Whether to send the file (`can_send_in_mail` is required).
        query preference: AttachmentPreference,
    }
}

operation! {
    /// Downloads the file attached to an invoice (`GET /invoices/{invoice_id}/attachment`).
    pub struct GetInvoiceAttachment = ("Invoices", "Get an invoice attachment", GET "/invoices/{invoice_id}/attachment") -> Download as Invoices.get_attachment {
        /// The invoice.
        path invoice_id: InvoiceId,
        /// Whether to get a thumbnail.
        option options: GetInvoiceAttachmentOptions,
    }
}

operation! {
    /// Deletes the file attached to an invoice (`DELETE /invoices/{invoice_id}/attachment`).
    pub struct DeleteInvoiceAttachment = ("Invoices", "Delete an attachment", DELETE "/invoices/{invoice_id}/attachment") -> Reply as Invoices.delete_attachment {
        /// The invoice.
        path invoice_id: InvoiceId,
    }
}

operation! {
    /// Deletes the receipt of an expense billed on an invoice
    /// (`DELETE /invoices/expenses/{expense_id}/receipt`).
    pub struct DeleteInvoiceExpenseReceipt = ("Invoices", "Delete the expense receipt", DELETE "/invoices/expenses/{expense_id}/receipt") -> Reply as Invoices.delete_expense_receipt {
        /// The expense.
        path expense_id: ExpenseId,
    }
}

operation! {
    /// Adds a comment to an invoice (`POST /invoices/{invoice_id}/comments`; the comment goes
    /// in the query).
    pub struct AddInvoiceComment = ("Invoices", "Add comment", POST "/invoices/{invoice_id}/comments") -> Reply as Invoices.add_comment {
        /// The invoice.
        path invoice_id: InvoiceId,
        /// The comment.
        query comment: InvoiceCommentInput,
    }
}

operation! {
    /// Lists an invoice's comments and history (`GET /invoices/{invoice_id}/comments`).
    pub struct ListInvoiceComments = ("Invoices", "List invoice comments & history", GET "/invoices/{invoice_id}/comments") -> Page<Comment> as Invoices.list_comments {
        /// The invoice.
        path invoice_id: InvoiceId,
        /// Sort and paging.
        list filter: InvoiceCommentFilter,
    }
}

operation! {
    /// Changes a comment of an invoice
    /// (`PUT /invoices/{invoice_id}/comments/{comment_id}`; the comment goes in the query).
    pub struct UpdateInvoiceComment = ("Invoices", "Update comment", PUT "/invoices/{invoice_id}/comments/{comment_id}") -> Record<Comment> as Invoices.update_comment {
        /// The invoice.
        path invoice_id: InvoiceId,
        /// The comment.
        path comment_id: CommentId,
        /// Its new text and visibility.
        query comment: InvoiceCommentInput,
    }
}

operation! {
    /// Deletes a comment of an invoice (`DELETE /invoices/{invoice_id}/comments/{comment_id}`).
    pub struct DeleteInvoiceComment = ("Invoices", "Delete a comment", DELETE "/invoices/{invoice_id}/comments/{comment_id}") -> Reply as Invoices.delete_comment {
        /// The invoice.
        path invoice_id: InvoiceId,
        /// The comment.
        path comment_id: CommentId,
    }
}


watchable! {
    ListInvoices => Invoice {
        id: invoice_id,
        last_modified: [last_modified_time],
        created: created_time,
        sort_column: InvoiceSortColumn::LastModifiedTime,
    }
}

crate::call::returned_as_is!(@model BulkReminderReply);

operation! {
    /// Updates an invoice named by a custom field's unique value (`PUT /invoices` with
    /// `X-Unique-Identifier-Key` and `-Value`; with [`UniqueField::upsert`](crate::UniqueField::upsert), creates it when none has the value).
    pub struct UpdateInvoiceByCustomField = ("Invoices", "Update an invoice using a custom field's unique value", PUT "/invoices") -> Record<Invoice> as Invoices.update_by_custom_field {
        /// The custom field and its value.
        header unique: crate::UniqueField,
        /// The new fields.
        body invoice: InvoiceInput,
    }
}

operation! {
    /// Sets custom fields of an invoice (`PUT /invoice/{invoice_id}/customfields`; the path's first segment is singular, as Zoho documents it).
    pub struct UpdateInvoiceCustomFields = ("Invoices", "Update custom field in existing invoices", PUT "/invoice/{invoice_id}/customfields") -> Reply as Invoices.update_custom_fields {
        /// The invoice.
        path invoice_id: InvoiceId,
        /// The fields (`customfield_id` and `value`).
        body custom_fields: Vec<zoho_invoice_models::common::CustomField>,
    }
}

operation! {
    /// Submits an invoice for approval (`POST /invoices/{invoice_id}/submit`).
    pub struct SubmitInvoice = ("Invoices", "Submit an invoice for approval", POST "/invoices/{invoice_id}/submit") -> Reply as Invoices.submit {
        /// The invoice.
        path invoice_id: InvoiceId,
    }
}

operation! {
    /// Approves an invoice (`POST /invoices/{invoice_id}/approve`).
    pub struct ApproveInvoice = ("Invoices", "Approve an invoice.", POST "/invoices/{invoice_id}/approve") -> Reply as Invoices.approve {
        /// The invoice.
        path invoice_id: InvoiceId,
    }
}

operation! {
    /// Downloads a document attached to an invoice (`GET /invoices/{invoice_id}/documents/{document_id}`).
    pub struct GetInvoiceDocument = ("Invoices", "Retrieve Invoice Document", GET "/invoices/{invoice_id}/documents/{document_id}") -> Download as Invoices.get_document {
        /// The invoice.
        path invoice_id: InvoiceId,
        /// The document.
        path document_id: zoho_invoice_models::ids::DocumentId,
    }
}

operation! {
    /// Deletes a document attached to an invoice (`DELETE /invoices/{invoice_id}/documents/{document_id}`).
    pub struct DeleteInvoiceDocument = ("Invoices", "Delete Invoice attachment", DELETE "/invoices/{invoice_id}/documents/{document_id}") -> Reply as Invoices.delete_document {
        /// The invoice.
        path invoice_id: InvoiceId,
        /// The document.
        path document_id: zoho_invoice_models::ids::DocumentId,
    }
}

operation! {
    /// Makes a link the customer pays an invoice through (`GET /share/paymentlink`).
    pub struct GetPaymentLink = ("Invoices", "Generate payment link", GET "/share/paymentlink") -> Record<zoho_invoice_models::invoices::PaymentLink> as Invoices.get_payment_link {
        /// The invoice, who can open the link, and until when.
        query link: PaymentLinkRequest,
    }
}

/// The query of [`GetPaymentLink`]: `transaction_id`, `transaction_type=invoice`, `link_type`,
/// `expiry_time`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentLinkRequest {
    /// The invoice.
    pub invoice_id: InvoiceId,
    /// Who can open the link.
    pub link_type: zoho_invoice_models::invoices::PaymentLinkType,
    /// The last day the link works.
    pub expiry_time: zoho_invoice_models::NaiveDate,
}

impl PaymentLinkRequest {
    /// A link to pay `invoice_id`, open to `link_type`, until `expiry_time`.
    pub fn new(
        invoice_id: InvoiceId,
        link_type: zoho_invoice_models::invoices::PaymentLinkType,
        expiry_time: zoho_invoice_models::NaiveDate,
    ) -> Self {
        Self {
            invoice_id,
            link_type,
            expiry_time,
        }
    }
}

/// A public link to the sample invoice.
impl crate::sample::Sample for PaymentLinkRequest {
    fn sample() -> Option<Self> {
        Some(Self::new(
            crate::sample::ID.parse().ok()?,
            zoho_invoice_models::invoices::PaymentLinkType::Public,
            zoho_invoice_models::NaiveDate::from_ymd_opt(2024, 1, 31)?,
        ))
    }
}

impl ToQuery for PaymentLinkRequest {
    fn to_query(&self, query: &mut Query) -> Result<(), Error> {
        query.push("transaction_id", self.invoice_id.to_string());
        query.push("transaction_type", "invoice");
        query.push("link_type", self.link_type.to_string());
        query.push("expiry_time", self.expiry_time.to_string());
        Ok(())
    }
}
}
