//! Credit notes (`/creditnotes`): amounts owed to a customer, applied to invoices or
//! refunded, with their emails and email history, addresses, PDF templates, comments and
//! refunds.
//!
//! ```
//! use zoho_invoice::Client;
//! use zoho_invoice::models::credit_notes::{
//!     CreditInvoicesInput, CreditNoteInput, CreditNoteLineItemInput, CreditedInvoiceInput,
//! };
//! # use serde_json::json;
//!
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! # let server = zoho_invoice_mock::MockServer::start().await?;
//! let client = Client::local(&server.api_url(), server.access_token().unwrap(), server.organization_id())?;
//! # let post = |path: &'static str, body: serde_json::Value| {
//! #     let client = client.clone();
//! #     async move { client.raw(http::Method::POST, path, &[], Some(&body)).await }
//! # };
//! # let contact = post("/contacts", json!({"contact_name": "Bowman and Co"})).await?;
//! # let customer = contact["contact"]["contact_id"].as_str().expect("an id").to_owned();
//! # let invoice = post("/invoices", json!({"customer_id": customer,
//! #     "line_items": [{"name": "Design", "rate": 300, "quantity": 1}]})).await?;
//! # let invoice_id = invoice["invoice"]["invoice_id"].as_str().expect("an id").to_owned();
//! # client.raw(http::Method::POST, &format!("/invoices/{invoice_id}/status/sent"), &[], None).await?;
//! # let customer_id: zoho_invoice::models::ids::ContactId = customer.parse()?;
//! # let invoice_id: zoho_invoice::models::ids::InvoiceId = invoice_id.parse()?;
//! // `customer_id` is a contact, `invoice_id` one of their sent invoices.
//! let line = CreditNoteLineItemInput::default().name("Returned licence").rate(100).quantity(1);
//! let refund = CreditNoteInput::new(customer_id, "2024-03-01".parse::<zoho_invoice::models::NaiveDate>()?, vec![line]);
//! let note = client.credit_notes().create(refund).await?;
//!
//! // Apply 40 of the 100 credits to the invoice.
//! let apply = CreditInvoicesInput::default()
//!     .invoices(vec![CreditedInvoiceInput::default().invoice_id(invoice_id).amount_applied(40)]);
//! client.credit_notes().credit_invoices(&note.creditnote_id, apply).await?;
//! let note = client.credit_notes().get(&note.creditnote_id).await?;
//! assert_eq!(note.balance, Some(60.into()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # }).unwrap();
//! ```

use zoho_invoice_models::Decimal;
use zoho_invoice_models::NaiveDate;
use zoho_invoice_models::common::{Address, Comment, EmailRequest, Template};
use zoho_invoice_models::credit_notes::{
    CreditInvoicesInput, CreditNote, CreditNoteCommentInput, CreditNoteEmail, CreditNoteInput,
    CreditNoteRefund, CreditNoteRefundInput, CreditNoteStatus, InvoiceCredited,
};
use zoho_invoice_models::envelope::{Page, Record, Reply};
use zoho_invoice_models::ids::{
    CommentId, ContactId, CreditApplicationId, CreditNoteId, InvoiceId, ItemId, RefundId,
    TemplateId,
};

use crate::endpoint::Download;
use crate::macros::{handle, list_filter, query_options, resource, watchable};
use crate::query::DownloadOptions;

resource! {
handle! {
    /// Credit notes: their emails, addresses, templates, invoices credited, comments and refunds.
    CreditNotes = credit_notes
}

query_options! {
    /// The query of [`CreateCreditNote`].
    pub struct CreateCreditNoteOptions for CreateCreditNote.options {
        /// The invoice the credit note is raised against (`invoice_id`).
        invoice_id: InvoiceId,
        /// `true` to give your own `creditnote_number` instead of the generated one
        /// (`ignore_auto_number_generation`).
        ignore_auto_number_generation: bool,
    }
}

operation! {
    /// Creates a credit note (`POST /creditnotes`).
    pub struct CreateCreditNote = ("Credit Notes", "Create a credit note", POST "/creditnotes") -> Record<CreditNote> as CreditNotes.create {
        /// The credit note: `customer_id`, `date` and `line_items` are required, and
        /// `creditnote_number` when numbers are not generated.
        body credit_note: CreditNoteInput,
        /// The invoice it is raised against, and whether its number is given.
        option options: CreateCreditNoteOptions,
    }
}

list_filter! {
    /// Filters of [`ListCreditNotes`].
    pub struct CreditNoteFilter for ListCreditNotes.filter {
        /// By number (`creditnote_number`).
        value creditnote_number: String,
        /// By the day it was raised.
        value date: NaiveDate,
        /// By status: open, closed or void.
        value status: CreditNoteStatus,
        /// By total.
        value total: Decimal,
        /// By reference number.
        value reference_number: String,
        /// By customer name.
        value customer_name: String,
        /// By the name of an item credited.
        value item_name: String,
        /// By customer.
        value customer_id: ContactId,
        /// By the description of an item credited (`item_description`,
        /// `item_description_startswith`, `item_description_contains`).
        text item_description,
        /// By an item credited.
        value item_id: ItemId,
        /// By status: `Status.All`, `Status.Open`, `Status.Draft`, `Status.Closed` or
        /// `Status.Void`.
        value filter_by: zoho_invoice_models::credit_notes::CreditNoteFilterBy,
        /// By number, customer name or reference number.
        value search_text: String,
        /// The column to sort by: `customer_name`, `creditnote_number`, `balance`, `total`,
        /// `date` or `created_time`.
        value sort_column: zoho_invoice_models::credit_notes::CreditNoteSortColumn,
        /// By a line of the credit note (from Zoho Books' OpenAPI document).
        value line_item_id: zoho_invoice_models::ids::LineItemId,
        /// By a tax on the credit note.
        value tax_id: zoho_invoice_models::ids::TaxId,
    }
}

operation! {
    /// Lists credit notes, a page at a time (`GET /creditnotes`).
    pub struct ListCreditNotes = ("Credit Notes", "List Credit Notes", GET "/creditnotes") -> Page<CreditNote> as CreditNotes.list {
        /// Filters, sort and paging.
        list filter: CreditNoteFilter,
    }
}

query_options! {
    /// The query of [`UpdateCreditNote`].
    #[derive(Copy)]
    pub struct UpdateCreditNoteOptions for UpdateCreditNote.options {
        /// `true` to give your own `creditnote_number` (`ignore_auto_number_generation`).
        ignore_auto_number_generation: bool,
    }
}

operation! {
    /// Updates a credit note (`PUT /creditnotes/{creditnote_id}`).
    pub struct UpdateCreditNote = ("Credit Notes", "Update a credit note", PUT "/creditnotes/{creditnote_id}") -> Record<CreditNote> as CreditNotes.update {
        /// The credit note.
        path creditnote_id: CreditNoteId,
        /// Whether its number is given.
        option options: UpdateCreditNoteOptions,
        /// Its new fields.
        body credit_note: CreditNoteInput,
    }
}

operation! {
    /// Gets a credit note as JSON (`GET /creditnotes/{creditnote_id}`); see
    /// [`DownloadCreditNote`] for its PDF or HTML.
    pub struct GetCreditNote = ("Credit Notes", "Get a credit note", GET "/creditnotes/{creditnote_id}") -> Record<CreditNote> as CreditNotes.get {
        /// The credit note.
        path creditnote_id: CreditNoteId,
    }
}

operation! {
    /// Downloads a credit note as a PDF or an HTML page
    /// (`GET /creditnotes/{creditnote_id}?accept=pdf|html`).
    pub struct DownloadCreditNote = ("Credit Notes", "Get a credit note", GET "/creditnotes/{creditnote_id}") -> Download as CreditNotes.download {
        /// The credit note.
        path creditnote_id: CreditNoteId,
        /// The format and print option.
        query options: DownloadOptions,
    }
}

operation! {
    /// Deletes a credit note (`DELETE /creditnotes/{creditnote_id}`).
    pub struct DeleteCreditNote = ("Credit Notes", "Delete a credit note", DELETE "/creditnotes/{creditnote_id}") -> Reply as CreditNotes.delete {
        /// The credit note.
        path creditnote_id: CreditNoteId,
    }
}

query_options! {
    /// The query of [`EmailCreditNote`].
    pub struct EmailCreditNoteOptions for EmailCreditNote.options {
        /// The customer the credit note is raised for (`customer_id`).
        customer_id: ContactId,
    }
}

operation! {
    /// Emails a credit note (`POST /creditnotes/{creditnote_id}/email`).
    pub struct EmailCreditNote = ("Credit Notes", "Email a credit note", POST "/creditnotes/{creditnote_id}/email") -> Reply as CreditNotes.email {
        /// The credit note.
        path creditnote_id: CreditNoteId,
        /// The customer, optionally.
        option options: EmailCreditNoteOptions,
        /// The email.
        body email: EmailRequest,
    }
}

operation! {
    /// Voids a credit note (`POST /creditnotes/{creditnote_id}/void`).
    pub struct VoidCreditNote = ("Credit Notes", "Void a credit note", POST "/creditnotes/{creditnote_id}/void") -> Reply as CreditNotes.void {
        /// The credit note.
        path creditnote_id: CreditNoteId,
    }
}

operation! {
    /// Opens a voided credit note again (`POST /creditnotes/{creditnote_id}/converttoopen`).
    pub struct MarkCreditNoteOpen = ("Credit Notes", "Open a voided credit note", POST "/creditnotes/{creditnote_id}/converttoopen") -> Reply as CreditNotes.mark_open {
        /// The credit note.
        path creditnote_id: CreditNoteId,
    }
}

list_filter! {
    /// Sort and paging of [`ListCreditNoteEmailHistory`].
    pub struct CreditNoteEmailHistoryFilter for ListCreditNoteEmailHistory.filter {}
}

operation! {
    /// Lists the emails sent for a credit note (`GET /creditnotes/{creditnote_id}/emailhistory`).
    pub struct ListCreditNoteEmailHistory = ("Credit Notes", "Email history", GET "/creditnotes/{creditnote_id}/emailhistory") -> Page<CreditNoteEmail> as CreditNotes.list_email_history {
        /// The credit note.
        path creditnote_id: CreditNoteId,
        /// Sort and paging.
        list filter: CreditNoteEmailHistoryFilter,
    }
}

operation! {
    /// Changes the billing address of one credit note, not of its customer
    /// (`PUT /creditnotes/{creditnote_id}/address/billing`).
    pub struct UpdateCreditNoteBillingAddress = ("Credit Notes", "Update billing address", PUT "/creditnotes/{creditnote_id}/address/billing") -> Reply as CreditNotes.update_billing_address {
        /// The credit note.
        path creditnote_id: CreditNoteId,
        /// The address.
        body address: Address,
    }
}

operation! {
    /// Changes the shipping address of one credit note, not of its customer
    /// (`PUT /creditnotes/{creditnote_id}/address/shipping`).
    pub struct UpdateCreditNoteShippingAddress = ("Credit Notes", "Update Shipping address", PUT "/creditnotes/{creditnote_id}/address/shipping") -> Reply as CreditNotes.update_shipping_address {
        /// The credit note.
        path creditnote_id: CreditNoteId,
        /// The address.
        body address: Address,
    }
}

list_filter! {
    /// Sort and paging of [`ListCreditNoteTemplates`].
    pub struct CreditNoteTemplateFilter for ListCreditNoteTemplates.filter {}
}

operation! {
    /// Lists the PDF templates of credit notes (`GET /creditnotes/templates`).
    pub struct ListCreditNoteTemplates = ("Credit Notes", "List credit note templates", GET "/creditnotes/templates") -> Page<Template> as CreditNotes.list_templates {
        /// Sort and paging.
        list filter: CreditNoteTemplateFilter,
    }
}

operation! {
    /// Changes the PDF template of a credit note
    /// (`PUT /creditnotes/{creditnote_id}/templates/{template_id}`).
    pub struct UpdateCreditNoteTemplate = ("Credit Notes", "Update a credit note template", PUT "/creditnotes/{creditnote_id}/templates/{template_id}") -> Reply as CreditNotes.update_template {
        /// The credit note.
        path creditnote_id: CreditNoteId,
        /// The template to use.
        path template_id: TemplateId,
    }
}

operation! {
    /// Applies a credit note's credits to invoices (`POST /creditnotes/{creditnote_id}/invoices`).
    pub struct CreditInvoices = ("Credit Notes", "Credit to an invoice", POST "/creditnotes/{creditnote_id}/invoices") -> Reply as CreditNotes.credit_invoices {
        /// The credit note.
        path creditnote_id: CreditNoteId,
        /// The invoices and the amounts applied to each.
        body invoices: CreditInvoicesInput,
    }
}

list_filter! {
    /// Sort and paging of [`ListCreditedInvoices`].
    pub struct CreditedInvoiceFilter for ListCreditedInvoices.filter {}
}

operation! {
    /// Lists the invoices a credit note was applied to
    /// (`GET /creditnotes/{creditnote_id}/invoices`).
    pub struct ListCreditedInvoices = ("Credit Notes", "List invoices credited", GET "/creditnotes/{creditnote_id}/invoices") -> Page<InvoiceCredited> as CreditNotes.list_credited_invoices {
        /// The credit note.
        path creditnote_id: CreditNoteId,
        /// Sort and paging.
        list filter: CreditedInvoiceFilter,
    }
}

operation! {
    /// Removes credits applied to an invoice, which go back to the credit note
    /// (`DELETE /creditnotes/{creditnote_id}/invoices/{creditnote_invoice_id}`).
    pub struct DeleteCreditedInvoice = ("Credit Notes", "Delete invoices credited", DELETE "/creditnotes/{creditnote_id}/invoices/{creditnote_invoice_id}") -> Reply as CreditNotes.delete_credited_invoice {
        /// The credit note.
        path creditnote_id: CreditNoteId,
        /// The application of credits (`creditnote_invoice_id` of [`ListCreditedInvoices`]).
        path credit_application_id: CreditApplicationId,
    }
}

operation! {
    /// Adds a comment to a credit note (`POST /creditnotes/{creditnote_id}/comments`).
    pub struct AddCreditNoteComment = ("Credit Notes", "Add a comment", POST "/creditnotes/{creditnote_id}/comments") -> Reply as CreditNotes.add_comment {
        /// The credit note.
        path creditnote_id: CreditNoteId,
        /// The comment.
        body comment: CreditNoteCommentInput,
    }
}

list_filter! {
    /// Sort and paging of [`ListCreditNoteComments`].
    pub struct CreditNoteCommentFilter for ListCreditNoteComments.filter {}
}

operation! {
    /// Lists the history and comments of a credit note
    /// (`GET /creditnotes/{creditnote_id}/comments`).
    pub struct ListCreditNoteComments = ("Credit Notes", "List credit note comments & history", GET "/creditnotes/{creditnote_id}/comments") -> Page<Comment> as CreditNotes.list_comments {
        /// The credit note.
        path creditnote_id: CreditNoteId,
        /// Sort and paging.
        list filter: CreditNoteCommentFilter,
    }
}

operation! {
    /// Deletes a comment of a credit note
    /// (`DELETE /creditnotes/{creditnote_id}/comments/{comment_id}`).
    pub struct DeleteCreditNoteComment = ("Credit Notes", "Delete a Comment", DELETE "/creditnotes/{creditnote_id}/comments/{comment_id}") -> Reply as CreditNotes.delete_comment {
        /// The credit note.
        path creditnote_id: CreditNoteId,
        /// The comment.
        path comment_id: CommentId,
    }
}

list_filter! {
    /// Filters of [`ListAllCreditNoteRefunds`].
    pub struct CreditNoteRefundFilter for ListAllCreditNoteRefunds.filter {
        /// Only the refunds of this customer.
        value customer_id: ContactId,
        /// The column to sort by: `refund_mode`, `reference_number`, `date`,
        /// `creditnote_number`, `customer_name`, `amount_bcy` or `amount_fcy`.
        value sort_column: zoho_invoice_models::credit_notes::CreditNoteRefundSortColumn,
    }
}

operation! {
    /// Lists the refunds of every credit note, a page at a time (`GET /creditnotes/refunds`).
    pub struct ListAllCreditNoteRefunds = ("Credit Notes", "List credit note refunds", GET "/creditnotes/refunds") -> Page<CreditNoteRefund> as CreditNotes.list_all_refunds {
        /// Filters, sort and paging.
        list filter: CreditNoteRefundFilter,
    }
}

operation! {
    /// Refunds some of a credit note's credits (`POST /creditnotes/{creditnote_id}/refunds`).
    pub struct RefundCreditNote = ("Credit Notes", "Refund credit note", POST "/creditnotes/{creditnote_id}/refunds") -> Record<CreditNoteRefund> as CreditNotes.refund {
        /// The credit note.
        path creditnote_id: CreditNoteId,
        /// The refund: `amount` is required.
        body refund: CreditNoteRefundInput,
    }
}

list_filter! {
    /// Sort and paging of [`ListCreditNoteRefunds`].
    pub struct CreditNoteRefundsOfFilter for ListCreditNoteRefunds.filter {}
}

operation! {
    /// Lists the refunds of one credit note (`GET /creditnotes/{creditnote_id}/refunds`).
    pub struct ListCreditNoteRefunds = ("Credit Notes", "List refunds of a credit note", GET "/creditnotes/{creditnote_id}/refunds") -> Page<CreditNoteRefund> as CreditNotes.list_refunds {
        /// The credit note.
        path creditnote_id: CreditNoteId,
        /// Sort and paging.
        list filter: CreditNoteRefundsOfFilter,
    }
}

operation! {
    /// Updates a refund of a credit note
    /// (`PUT /creditnotes/{creditnote_id}/refunds/{creditnote_refund_id}`).
    pub struct UpdateCreditNoteRefund = ("Credit Notes", "Update credit note refund", PUT "/creditnotes/{creditnote_id}/refunds/{creditnote_refund_id}") -> Record<CreditNoteRefund> as CreditNotes.update_refund {
        /// The credit note.
        path creditnote_id: CreditNoteId,
        /// The refund.
        path refund_id: RefundId,
        /// Its new fields.
        body refund: CreditNoteRefundInput,
    }
}

operation! {
    /// Gets a refund of a credit note
    /// (`GET /creditnotes/{creditnote_id}/refunds/{creditnote_refund_id}`).
    pub struct GetCreditNoteRefund = ("Credit Notes", "Get credit note refund", GET "/creditnotes/{creditnote_id}/refunds/{creditnote_refund_id}") -> Record<CreditNoteRefund> as CreditNotes.get_refund {
        /// The credit note.
        path creditnote_id: CreditNoteId,
        /// The refund.
        path refund_id: RefundId,
    }
}

operation! {
    /// Deletes a refund of a credit note; its amount goes back to the credit note
    /// (`DELETE /creditnotes/{creditnote_id}/refunds/{creditnote_refund_id}`).
    pub struct DeleteCreditNoteRefund = ("Credit Notes", "Delete credit note refund", DELETE "/creditnotes/{creditnote_id}/refunds/{creditnote_refund_id}") -> Reply as CreditNotes.delete_refund {
        /// The credit note.
        path creditnote_id: CreditNoteId,
        /// The refund.
        path refund_id: RefundId,
    }
}


watchable! {
    ListCreditNotes => CreditNote {
        id: creditnote_id,
        last_modified: [last_modified_time, updated_time],
        created: created_time,
        sort_column: zoho_invoice_models::credit_notes::CreditNoteSortColumn::LastModifiedTime,
    }
}

operation! {
    /// Updates a credit note named by a custom field's unique value (`PUT /creditnotes` with
    /// `X-Unique-Identifier-Key` and `-Value`; with [`UniqueField::upsert`](crate::UniqueField::upsert), creates it when none has the value).
    pub struct UpdateCreditNoteByCustomField = ("Credit Notes", "Update a credit note using a custom field's unique value", PUT "/creditnotes") -> Record<zoho_invoice_models::credit_notes::CreditNote> as CreditNotes.update_by_custom_field {
        /// The custom field and its value.
        header unique: crate::UniqueField,
        /// The new fields.
        body credit_note: zoho_invoice_models::credit_notes::CreditNoteInput,
    }
}

operation! {
    /// Submits a credit note for approval (`POST /creditnotes/{creditnote_id}/submit`).
    pub struct SubmitCreditNote = ("Credit Notes", "Submit a credit note for approval", POST "/creditnotes/{creditnote_id}/submit") -> Reply as CreditNotes.submit {
        /// The credit note.
        path creditnote_id: zoho_invoice_models::ids::CreditNoteId,
    }
}

operation! {
    /// Approves a credit note (`POST /creditnotes/{creditnote_id}/approve`).
    pub struct ApproveCreditNote = ("Credit Notes", "Approve a credit note.", POST "/creditnotes/{creditnote_id}/approve") -> Reply as CreditNotes.approve {
        /// The credit note.
        path creditnote_id: zoho_invoice_models::ids::CreditNoteId,
    }
}

operation! {
    /// Marks a credit note as draft (`POST /creditnotes/{creditnote_id}/status/draft`). Voiding and opening keep the
    /// reference's paths (`/void`, `/converttoopen`), where Zoho Books' document prints `/status/void`
    /// and `/status/open`.
    pub struct MarkCreditNoteDraft = ("Credit Notes", "Convert Credit Note to Draft.", POST "/creditnotes/{creditnote_id}/status/draft") -> Reply as CreditNotes.mark_draft {
        /// The credit note.
        path creditnote_id: zoho_invoice_models::ids::CreditNoteId,
    }
}

operation! {
    /// Gets the email the API proposes for a credit note (`GET /creditnotes/{creditnote_id}/email`).
    pub struct GetCreditNoteEmailContent = ("Credit Notes", "Get email content", GET "/creditnotes/{creditnote_id}/email") -> Record<zoho_invoice_models::common::EmailContent> as CreditNotes.get_email_content {
        /// The credit note.
        path creditnote_id: zoho_invoice_models::ids::CreditNoteId,
        /// The email template to fill.
        option options: GetCreditNoteEmailContentOptions,
    }
}

query_options! {
    /// The options of [`GetCreditNoteEmailContent`]: `email_template_id`.
    pub struct GetCreditNoteEmailContentOptions for GetCreditNoteEmailContent.options {
        /// Fill the email from this template.
        email_template_id: zoho_invoice_models::ids::TemplateId,
    }
}
}
