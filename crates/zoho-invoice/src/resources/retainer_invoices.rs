//! Retainer invoices (`/retainerinvoices`): advance payments asked of a customer before work
//! is billed, with their status changes, emails, billing address, templates, the payments
//! made for them, their attachment and their comments.
//!
//! ```
//! use zoho_invoice::models::retainer_invoices::{
//!     RetainerInvoiceInput, RetainerInvoiceLineItemInput, RetainerInvoiceStatus,
//! };
//! # use zoho_invoice::transport::{HttpTransport, Region};
//! # use zoho_invoice_mock::MockServer;
//!
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! # let server = MockServer::start().await?;
//! # let transport = HttpTransport::builder()
//! #     .region(Region::custom(server.api_url(), server.accounts_url()))
//! #     .allow_http(true)
//! #     .static_token(secrecy::SecretString::from(zoho_invoice_mock::DEFAULT_ACCESS_TOKEN))
//! #     .organization_id(server.organization_id())
//! #     .build()?;
//! # let client = zoho_invoice::Client::new(transport);
//! # let contact = client
//! #     .raw(http::Method::POST, "/contacts", &[], Some(&serde_json::json!({"contact_name": "Bowman and Co"})))
//! #     .await?;
//! # let customer_id: zoho_invoice::models::ids::ContactId = contact["contact"]["contact_id"].as_str().expect("an id").parse()?;
//! // `client` is a `zoho_invoice::Client` (here on the fake server), `customer_id` a contact.
//! let line = RetainerInvoiceLineItemInput::default().description("Advance for the design work").rate(500);
//! let advance = RetainerInvoiceInput::new(customer_id, vec![line]);
//! let created = client.retainer_invoices().create(advance).await?;
//! let retainerinvoice_id = created.retainerinvoice_id;
//! assert_eq!(created.status, Some(RetainerInvoiceStatus::Draft));
//!
//! client.retainer_invoices().mark_sent(&retainerinvoice_id).await?;
//! let sent = client.retainer_invoices().get(&retainerinvoice_id).await?;
//! assert_eq!(sent.status, Some(RetainerInvoiceStatus::Sent));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # }).unwrap();
//! ```

use zoho_invoice_models::common::{Address, Comment, EmailRequest, Template};
use zoho_invoice_models::envelope::{Page, Record, Reply};
use zoho_invoice_models::ids::{CommentId, DocumentId, PaymentId, RetainerInvoiceId, TemplateId};
use zoho_invoice_models::retainer_invoices::{
    RetainerInvoice, RetainerInvoiceCommentInput, RetainerInvoiceEmailContent,
    RetainerInvoiceInput, RetainerPayment,
};

use crate::endpoint::{Download, Upload};
use crate::macros::{handle, list_filter, query_options, resource, watchable};

resource! {
handle! {
    /// Retainer invoices: their status changes, emails, templates, payments, attachment and comments.
    RetainerInvoices = retainer_invoices
}

query_options! {
    /// The query of [`CreateRetainerInvoice`].
    #[derive(Copy)]
    pub struct CreateRetainerInvoiceOptions for CreateRetainerInvoice.options {
        /// `true` to give your own `retainerinvoice_number` instead of the generated one
        /// (`ignore_auto_number_generation`).
        ignore_auto_number_generation: bool,
    }
}

operation! {
    /// Creates a retainer invoice (`POST /retainerinvoices`); the reference's answer carries it
    /// under `retainerinvoices`, the live service's under `retainerinvoice`: both are read.
    pub struct CreateRetainerInvoice = ("Retainer Invoices", "Create a retainer invoice", POST "/retainerinvoices") -> Record<RetainerInvoice> as RetainerInvoices.create {
        /// The retainer invoice: `customer_id` and `line_items` are required.
        body retainer_invoice: RetainerInvoiceInput,
        /// Whether its number is given rather than generated.
        option options: CreateRetainerInvoiceOptions,
    }
}

list_filter! {
    /// Filters of [`ListRetainerInvoices`].
    pub struct RetainerInvoiceFilter for ListRetainerInvoices.filter {
        /// Print the exported PDF (`print`).
        value print: bool,
        /// The column to sort by: `customer_name`, `retainerinvoice_number`, `date`,
        /// `due_date`, `total`, `balance` or `created_time`.
        value sort_column: zoho_invoice_models::retainer_invoices::RetainerInvoiceSortColumn,
        /// By status or payment expected date: `Status.All`, `Status.Sent`, `Status.Draft`,
        /// `Status.OverDue`, `Status.Paid`, `Status.Void`, `Status.Unpaid`,
        /// `Status.PartiallyPaid`, `Status.Viewed` or `Date.PaymentExpectedDate`.
        value filter_by: zoho_invoice_models::retainer_invoices::RetainerInvoiceFilterBy,
    }
}

operation! {
    /// Lists retainer invoices, a page at a time (`GET /retainerinvoices`).
    pub struct ListRetainerInvoices = ("Retainer Invoices", "List Retainer invoices", GET "/retainerinvoices") -> Page<RetainerInvoice> as RetainerInvoices.list {
        /// Filters, sort and paging.
        list filter: RetainerInvoiceFilter,
    }
}

operation! {
    /// Updates a retainer invoice (`PUT /retainerinvoices/{retainerinvoice_id}`); the answer
    /// carries it under `retainerinvoices` or `retainerinvoice`: both are read.
    pub struct UpdateRetainerInvoice = ("Retainer Invoices", "Update a retainer invoice", PUT "/retainerinvoices/{retainerinvoice_id}") -> Record<RetainerInvoice> as RetainerInvoices.update {
        /// The retainer invoice.
        path retainerinvoice_id: RetainerInvoiceId,
        /// Its new fields.
        body retainer_invoice: RetainerInvoiceInput,
    }
}

operation! {
    /// Gets a retainer invoice (`GET /retainerinvoices/{retainerinvoice_id}`).
    pub struct GetRetainerInvoice = ("Retainer Invoices", "Get a retainer invoice", GET "/retainerinvoices/{retainerinvoice_id}") -> Record<RetainerInvoice> as RetainerInvoices.get {
        /// The retainer invoice.
        path retainerinvoice_id: RetainerInvoiceId,
    }
}

operation! {
    /// Deletes a retainer invoice (`DELETE /retainerinvoices/{retainerinvoice_id}`); one with
    /// payments or credits applied cannot be.
    pub struct DeleteRetainerInvoice = ("Retainer Invoices", "Delete a retainer invoice", DELETE "/retainerinvoices/{retainerinvoice_id}") -> Reply as RetainerInvoices.delete {
        /// The retainer invoice.
        path retainerinvoice_id: RetainerInvoiceId,
    }
}

operation! {
    /// Marks a draft retainer invoice as sent
    /// (`POST /retainerinvoices/{retainerinvoice_id}/status/sent`).
    pub struct MarkRetainerInvoiceSent = ("Retainer Invoices", "Mark a retainer invoice as sent", POST "/retainerinvoices/{retainerinvoice_id}/status/sent") -> Reply as RetainerInvoices.mark_sent {
        /// The retainer invoice.
        path retainerinvoice_id: RetainerInvoiceId,
    }
}

operation! {
    /// Changes the PDF template of a retainer invoice
    /// (`PUT /retainerinvoices/{retainerinvoice_id}/templates/{template_id}`).
    pub struct UpdateRetainerInvoiceTemplate = ("Retainer Invoices", "Update retainer invoice template", PUT "/retainerinvoices/{retainerinvoice_id}/templates/{template_id}") -> Reply as RetainerInvoices.update_template {
        /// The retainer invoice.
        path retainerinvoice_id: RetainerInvoiceId,
        /// The template to use.
        path template_id: TemplateId,
    }
}

operation! {
    /// Voids a retainer invoice: its payments and credits become customer credits
    /// (`POST /retainerinvoices/{retainerinvoice_id}/status/void`).
    pub struct VoidRetainerInvoice = ("Retainer Invoices", "Void a retainer invoice", POST "/retainerinvoices/{retainerinvoice_id}/status/void") -> Reply as RetainerInvoices.void {
        /// The retainer invoice.
        path retainerinvoice_id: RetainerInvoiceId,
    }
}

operation! {
    /// Turns a voided retainer invoice back into a draft
    /// (`POST /retainerinvoices/{retainerinvoice_id}/status/draft`).
    pub struct MarkRetainerInvoiceDraft = ("Retainer Invoices", "Mark as draft", POST "/retainerinvoices/{retainerinvoice_id}/status/draft") -> Reply as RetainerInvoices.mark_draft {
        /// The retainer invoice.
        path retainerinvoice_id: RetainerInvoiceId,
    }
}

query_options! {
    /// The query of [`EmailRetainerInvoice`].
    #[derive(Copy)]
    pub struct EmailRetainerInvoiceOptions for EmailRetainerInvoice.options {
        /// Attach the customer's statement PDF (`send_customer_statement`).
        send_customer_statement: bool,
        /// Attach the retainer invoice's attachment (`send_attachment`).
        send_attachment: bool,
    }
}

operation! {
    /// Emails a retainer invoice to the customer
    /// (`POST /retainerinvoices/{retainerinvoice_id}/email`); an empty email (the default)
    /// sends the default content.
    pub struct EmailRetainerInvoice = ("Retainer Invoices", "Email a retainer invoice", POST "/retainerinvoices/{retainerinvoice_id}/email") -> Reply as RetainerInvoices.email {
        /// The retainer invoice.
        path retainerinvoice_id: RetainerInvoiceId,
        /// What to attach.
        option options: EmailRetainerInvoiceOptions,
        /// The email.
        body email: EmailRequest,
        /// Files attached to the email (`.attach(..)`).
        files attachments: Vec<crate::endpoint::Upload>,
    }
}

operation! {
    /// Gets the email the API proposes for a retainer invoice
    /// (`GET /retainerinvoices/{retainerinvoice_id}/email`).
    pub struct GetRetainerInvoiceEmailContent = ("Retainer Invoices", "Get retainer invoice email content", GET "/retainerinvoices/{retainerinvoice_id}/email") -> RetainerInvoiceEmailContent as RetainerInvoices.get_email_content {
        /// The retainer invoice.
        path retainerinvoice_id: RetainerInvoiceId,
    }
}

operation! {
    /// Changes the billing address of one retainer invoice, not of its customer
    /// (`PUT /retainerinvoices/{retainerinvoice_id}/address/billing`).
    pub struct UpdateRetainerInvoiceBillingAddress = ("Retainer Invoices", "Update billing address", PUT "/retainerinvoices/{retainerinvoice_id}/address/billing") -> Reply as RetainerInvoices.update_billing_address {
        /// The retainer invoice.
        path retainerinvoice_id: RetainerInvoiceId,
        /// The address.
        body address: Address,
    }
}

list_filter! {
    /// Sort and paging of [`ListRetainerInvoiceTemplates`].
    pub struct RetainerInvoiceTemplateFilter for ListRetainerInvoiceTemplates.filter {}
}

operation! {
    /// Lists the PDF templates of retainer invoices (`GET /retainerinvoices/templates`).
    pub struct ListRetainerInvoiceTemplates = ("Retainer Invoices", "List retainer invoice templates", GET "/retainerinvoices/templates") -> Page<Template> as RetainerInvoices.list_templates {
        /// Sort and paging.
        list filter: RetainerInvoiceTemplateFilter,
    }
}

list_filter! {
    /// Sort and paging of [`ListRetainerPayments`].
    pub struct RetainerPaymentFilter for ListRetainerPayments.filter {}
}

operation! {
    /// Lists the payments made for a retainer invoice
    /// (`GET /customerpayments/{retainerinvoice_id}`).
    pub struct ListRetainerPayments = ("Retainer Invoices", "List retainer payments", GET "/customerpayments/{retainerinvoice_id}") -> Page<RetainerPayment> as RetainerInvoices.list_payments {
        /// The retainer invoice.
        path retainerinvoice_id: RetainerInvoiceId,
        /// Sort and paging.
        list filter: RetainerPaymentFilter,
    }
}

operation! {
    /// Deletes a payment made for a retainer invoice
    /// (`DELETE /customerpayments/{retainer_payment_id}`).
    pub struct DeleteRetainerPayment = ("Retainer Invoices", "Delete a retainer payment", DELETE "/customerpayments/{retainer_payment_id}") -> Reply as RetainerInvoices.delete_payment {
        /// The payment.
        path payment_id: PaymentId,
    }
}

query_options! {
    /// The query of [`AddRetainerInvoiceAttachment`].
    #[derive(Copy)]
    pub struct AddRetainerInvoiceAttachmentOptions for AddRetainerInvoiceAttachment.options {
        /// Send the file with the retainer invoice's emails (`can_send_in_mail`).
        can_send_in_mail: bool,
    }
}

operation! {
    /// Attaches a file to a retainer invoice
    /// (`POST /retainerinvoices/{retainerinvoice_id}/attachment`, multipart field
    /// `attachment`; gif, png, jpeg, jpg, bmp or pdf).
    pub struct AddRetainerInvoiceAttachment = ("Retainer Invoices", "Add attachment to a retainer invoice", POST "/retainerinvoices/{retainerinvoice_id}/attachment") -> Reply as RetainerInvoices.add_attachment {
        /// The retainer invoice.
        path retainerinvoice_id: RetainerInvoiceId,
        /// Whether the file goes with emails.
        option options: AddRetainerInvoiceAttachmentOptions,
        /// The file; its `field` must be `attachment` (see
        /// [`AddRetainerInvoiceAttachment::attachment`]).
        upload attachment: Upload,
    }
}

impl AddRetainerInvoiceAttachment {
    /// A file upload under the form field `attachment`.
    pub fn attachment(
        file_name: impl Into<String>,
        content_type: impl Into<String>,
        bytes: impl Into<bytes::Bytes>,
    ) -> Upload {
        Upload::new("attachment", file_name, content_type, bytes)
    }
}

operation! {
    /// Downloads the file attached to a retainer invoice
    /// (`GET /retainerinvoices/{retainerinvoice_id}/attachment`).
    pub struct GetRetainerInvoiceAttachment = ("Retainer Invoices", "Get a retainer invoice attachment", GET "/retainerinvoices/{retainerinvoice_id}/attachment") -> Download as RetainerInvoices.get_attachment {
        /// The retainer invoice.
        path retainerinvoice_id: RetainerInvoiceId,
    }
}

operation! {
    /// Deletes a file attached to a retainer invoice
    /// (`DELETE /retainerinvoices/{retainerinvoice_id}/documents/{document_id}`).
    pub struct DeleteRetainerInvoiceAttachment = ("Retainer Invoices", "Delete an attachment", DELETE "/retainerinvoices/{retainerinvoice_id}/documents/{document_id}") -> Reply as RetainerInvoices.delete_attachment {
        /// The retainer invoice.
        path retainerinvoice_id: RetainerInvoiceId,
        /// The file.
        path document_id: DocumentId,
    }
}

list_filter! {
    /// Sort and paging of [`ListRetainerInvoiceComments`].
    pub struct RetainerInvoiceCommentFilter for ListRetainerInvoiceComments.filter {}
}

operation! {
    /// Lists the history and comments of a retainer invoice
    /// (`GET /retainerinvoices/{retainerinvoice_id}/comments`).
    pub struct ListRetainerInvoiceComments = ("Retainer Invoices", "List retainer invoice comments & history", GET "/retainerinvoices/{retainerinvoice_id}/comments") -> Page<Comment> as RetainerInvoices.list_comments {
        /// The retainer invoice.
        path retainerinvoice_id: RetainerInvoiceId,
        /// Sort and paging.
        list filter: RetainerInvoiceCommentFilter,
    }
}

operation! {
    /// Adds a comment to a retainer invoice
    /// (`POST /retainerinvoices/{retainerinvoice_id}/comments`).
    pub struct AddRetainerInvoiceComment = ("Retainer Invoices", "Add comment", POST "/retainerinvoices/{retainerinvoice_id}/comments") -> Reply as RetainerInvoices.add_comment {
        /// The retainer invoice.
        path retainerinvoice_id: RetainerInvoiceId,
        /// The comment.
        body comment: RetainerInvoiceCommentInput,
    }
}

operation! {
    /// Changes a comment of a retainer invoice
    /// (`PUT /retainerinvoices/{retainerinvoice_id}/comments/{comment_id}`); the answer
    /// carries the comment's fields at its top level.
    pub struct UpdateRetainerInvoiceComment = ("Retainer Invoices", "Update comment", PUT "/retainerinvoices/{retainerinvoice_id}/comments/{comment_id}") -> Record<Comment> as RetainerInvoices.update_comment {
        /// The retainer invoice.
        path retainerinvoice_id: RetainerInvoiceId,
        /// The comment.
        path comment_id: CommentId,
        /// Its new text.
        body comment: RetainerInvoiceCommentInput,
    }
}

operation! {
    /// Deletes a comment of a retainer invoice
    /// (`DELETE /retainerinvoices/{retainerinvoice_id}/comments/{comment_id}`).
    pub struct DeleteRetainerInvoiceComment = ("Retainer Invoices", "Delete a comment", DELETE "/retainerinvoices/{retainerinvoice_id}/comments/{comment_id}") -> Reply as RetainerInvoices.delete_comment {
        /// The retainer invoice.
        path retainerinvoice_id: RetainerInvoiceId,
        /// The comment.
        path comment_id: CommentId,
    }
}


watchable! {
    ListRetainerInvoices => RetainerInvoice {
        id: retainerinvoice_id,
        last_modified: [last_modified_time],
        created: created_time,
        sort_column: zoho_invoice_models::retainer_invoices::RetainerInvoiceSortColumn::LastModifiedTime,
    }
}

crate::call::returned_as_is!(@model RetainerInvoiceEmailContent);

operation! {
    /// Submits a retainer invoice for approval (`POST /retainerinvoices/{retainerinvoice_id}/submit`).
    pub struct SubmitRetainerInvoice = ("Retainer Invoices", "Submit a retainer invoice for approval", POST "/retainerinvoices/{retainerinvoice_id}/submit") -> Reply as RetainerInvoices.submit {
        /// The retainer invoice.
        path retainerinvoice_id: RetainerInvoiceId,
    }
}

operation! {
    /// Approves a retainer invoice (`POST /retainerinvoices/{retainerinvoice_id}/approve`).
    pub struct ApproveRetainerInvoice = ("Retainer Invoices", "Approve a retainer invoice.", POST "/retainerinvoices/{retainerinvoice_id}/approve") -> Reply as RetainerInvoices.approve {
        /// The retainer invoice.
        path retainerinvoice_id: RetainerInvoiceId,
    }
}
}
