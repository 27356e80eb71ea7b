//! Retainer invoices: advance payments asked of a customer before any work is billed
//! (`/retainerinvoices`), with their status changes, emails, addresses, templates, payments,
//! attachments and comments.
//!
//! ```
//! use zoho_invoice_models::envelope::Page;
//! use zoho_invoice_models::retainer_invoices::{RetainerInvoice, RetainerInvoiceStatus};
//!
//! let page: Page<RetainerInvoice> = serde_json::from_str(r#"{"code": 0, "message": "success",
//!     "retainerinvoices": [{"retainerinvoice_id": 982000000567114, "retainerinvoice_number": "RET-00003",
//!     "status": "draft", "total": 40.6, "last_payment_date": " "}]}"#)?;
//! let retainer = &page.records[0];
//! assert_eq!(retainer.status, Some(RetainerInvoiceStatus::Draft));
//! assert_eq!(retainer.retainerinvoice_id.as_str(), "982000000567114");
//! assert_eq!(retainer.last_payment_date, None); // " " means absent
//! # Ok::<(), serde_json::Error>(())
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;

use crate::common::{
    Address, CustomField, Document, EmailAddress, EmailContact, LineItem, PaymentOptions, TaxAmount,
};
use crate::customer_payments::{PaymentInvoice, PaymentMode, PaymentRefund};
use crate::envelope::resource;
use crate::ids::{
    ContactId, ContactPersonId, CurrencyId, PaymentId, ProjectId, RetainerInvoiceId, TemplateId,
    UserId,
};
use crate::macros::{model, string_enum};
use crate::time::Timestamp;

string_enum! {
    /// Where a retainer invoice stands.
    pub enum RetainerInvoiceStatus {
        /// Sent to the customer.
        Sent = "sent",
        /// Not sent yet.
        Draft = "draft",
        /// Past its due date and unpaid.
        Overdue = "overdue",
        /// Paid in full.
        Paid = "paid",
        /// Cancelled.
        Void = "void",
        /// Not paid.
        Unpaid = "unpaid",
        /// Paid in part.
        PartiallyPaid = "partially_paid",
        /// Seen by the customer in the portal.
        Viewed = "viewed",
        /// Submitted for approval (organizations that approve transactions).
        PendingApproval = "pending_approval",
        /// Approved, ready to send.
        Approved = "approved",
    }
}

model! {
    /// A retainer invoice, as the API returns it.
    pub struct RetainerInvoice {
        /// The retainer invoice's id.
        @id retainerinvoice_id: RetainerInvoiceId,
        /// Its number (`RET-00003`).
        retainerinvoice_number: String,
        /// The day it was raised.
        date: NaiveDate,
        /// Where it stands.
        status: RetainerInvoiceStatus,
        /// Whether its transactions predate GST, 1 July 2017 (India).
        is_pre_gst: bool,
        /// Where the goods or services are supplied (India), as a state code.
        place_of_supply: String,
        /// The project it is raised for.
        project_id: ProjectId,
        /// The project's name.
        project_name: String,
        /// The name of the project or estimate it is raised for (in lists).
        project_or_estimate_name: String,
        /// The day of the last payment.
        last_payment_date: NaiveDate,
        /// Its reference number (at most 100 characters).
        reference_number: String,
        /// The customer.
        customer_id: ContactId,
        /// The customer's name (at most 100 characters).
        customer_name: String,
        /// The contact persons it goes to.
        contact_persons: Vec<ContactPersonId>,
        /// Its currency.
        currency_id: CurrencyId,
        /// The currency's code (`USD`).
        currency_code: String,
        /// The currency's symbol.
        currency_symbol: String,
        /// The rate from its currency to the base currency.
        exchange_rate: Decimal,
        /// Whether the customer has seen it in the portal.
        is_viewed_by_client: bool,
        /// When the customer saw it in the portal; the reference shows a boolean here, so the
        /// value is kept as text.
        client_viewed_time: String,
        /// Whether the line amounts include tax.
        is_inclusive_tax: bool,
        /// Its lines.
        line_items: Vec<LineItem>,
        /// The total before taxes.
        sub_total: Decimal,
        /// `sub_total` as Zoho displays it, with the currency's symbol and separators
        /// (`$1,275.25`).
        sub_total_formatted: String,
        /// The total due.
        total: Decimal,
        /// `total` as Zoho displays it, with the currency's symbol and separators
        /// (`$1,275.25`).
        total_formatted: String,
        /// The taxes levied.
        taxes: Vec<TaxAmount>,
        /// The amount paid.
        payment_made: Decimal,
        /// `payment_made` as Zoho displays it, with the currency's symbol and separators
        /// (`$1,275.25`).
        payment_made_formatted: String,
        /// The amount drawn from the payments into invoices.
        payment_drawn: Decimal,
        /// The amount unpaid.
        balance: Decimal,
        /// `balance` as Zoho displays it, with the currency's symbol and separators
        /// (`$1,275.25`).
        balance_formatted: String,
        /// Whether the customer may pay in part.
        allow_partial_payments: bool,
        /// The number of decimals of prices.
        price_precision: u32,
        /// The online payment gateways offered.
        payment_options: PaymentOptions,
        /// Whether it was emailed.
        is_emailed: bool,
        /// Whether a file is attached (in lists).
        has_attachment: bool,
        /// The files attached.
        documents: Vec<Document>,
        /// The address billed.
        billing_address: Address,
        /// The address shipped to.
        shipping_address: Address,
        /// Notes printed on it.
        notes: String,
        /// Terms and conditions printed on it.
        terms: String,
        /// Its custom fields.
        custom_fields: Vec<CustomField>,
        /// Its PDF template.
        template_id: TemplateId,
        /// The template's name.
        template_name: String,
        /// The page's width (`8.27in`).
        page_width: String,
        /// The page's height (`11.69in`).
        page_height: String,
        /// The page's orientation (`portrait`).
        orientation: String,
        /// The template's type (`classic`).
        template_type: String,
        /// When it was created.
        created_time: Timestamp,
        /// When it was last changed.
        last_modified_time: Timestamp,
        /// The user who created it.
        created_by_id: UserId,
        /// The name of the attached file.
        attachment_name: String,
        /// Whether the attachment is sent with emails.
        can_send_in_mail: bool,
        /// The customer's link to it in the portal.
        invoice_url: String,
        /// The contact persons the transaction is for (from Zoho Books' document).
        contact_persons_associated: Vec<serde_json::Value>,
        /// The location (business branch) (from Zoho Books' document).
        location_id: crate::ids::GenericId,
        /// The location's name (from Zoho Books' document).
        location_name: String,
    }
}
resource!(RetainerInvoice, "retainerinvoice", "retainerinvoices");

model! {
    /// A line of a retainer invoice to create or update.
    pub struct RetainerInvoiceLineItemInput {
        /// The line's description (at most 2000 characters).
        description: String,
        /// The line's position.
        item_order: u32,
        /// The line's amount.
        rate: Decimal,
    }
}

model! {
    /// The writable fields of a retainer invoice, to create one (`customer_id` and
    /// `line_items` required) or update one.
    pub struct RetainerInvoiceInput {
        /// The customer (required).
        @required customer_id: ContactId,
        /// Its reference number (at most 100 characters).
        reference_number: String,
        /// The day it is raised.
        date: NaiveDate,
        /// The contact persons it goes to.
        contact_persons: Vec<ContactPersonId>,
        /// Custom field values, by `label` and `value`.
        custom_fields: Vec<CustomField>,
        /// Notes printed on it.
        notes: String,
        /// Terms and conditions printed on it.
        terms: String,
        /// Its lines (required).
        @required line_items: Vec<RetainerInvoiceLineItemInput>,
        /// The online payment gateways offered.
        payment_options: PaymentOptions,
        /// Its PDF template.
        template_id: TemplateId,
        /// Where the goods or services are supplied (India); the contact's place by default.
        place_of_supply: String,
        /// The project it is raised for (updates).
        project_id: ProjectId,
        /// The contact persons the transaction is for (from Zoho Books' document).
        contact_persons_associated: Vec<serde_json::Value>,
        /// The location (business branch) (from Zoho Books' document).
        location_id: crate::ids::GenericId,
    }
}

model! {
    /// The email the API proposes for a retainer invoice (`GET .../email`), sent at the top
    /// level of the answer rather than under a key.
    pub struct RetainerInvoiceEmailContent {
        /// Zoho's code: 0 on success.
        code: i64,
        /// Zoho's message.
        message: String,
        /// Whether payment gateways are configured.
        gateways_configured: bool,
        /// Deprecated placeholders found in the template.
        deprecated_placeholders_used: Vec<Value>,
        /// The body (HTML).
        body: String,
        /// Problems found in the content.
        error_list: Vec<Value>,
        /// The subject.
        subject: String,
        /// The recipients offered.
        to_contacts: Vec<EmailContact>,
        /// The attachment's name.
        attachment_name: String,
        /// The email template used.
        email_template_id: TemplateId,
        /// The PDF's file name.
        file_name: String,
        /// The senders offered.
        from_emails: Vec<EmailAddress>,
        /// The customer.
        customer_id: ContactId,
    }
}

model! {
    /// The retainer invoice a retainer payment is made for.
    pub struct RetainerPaymentInvoice {
        /// The retainer invoice.
        retainerinvoice_id: RetainerInvoiceId,
        /// Its number.
        retainerinvoice_number: String,
        /// Its total.
        retainerinvoice_total: Decimal,
        /// Its balance.
        retainerinvoice_balance: Decimal,
        /// Its date.
        retainerinvoice_date: NaiveDate,
    }
}

model! {
    /// A payment made for a retainer invoice.
    pub struct RetainerPayment {
        /// The payment's id.
        payment_id: PaymentId,
        /// Files attached to the payment.
        documents: Vec<Document>,
        /// The customer who paid.
        customer_id: ContactId,
        /// The customer's name.
        customer_name: String,
        /// The retainer invoice paid.
        retainerinvoice_id: RetainerInvoiceId,
        /// How the payment was made.
        payment_mode: PaymentMode,
        /// The day of the payment.
        date: NaiveDate,
        /// The payment's currency.
        currency_id: CurrencyId,
        /// The currency's code.
        currency_code: String,
        /// The rate from the payment's currency to the base currency.
        exchange_rate: Decimal,
        /// The amount received.
        amount: Decimal,
        /// The part not yet drawn into invoices.
        unused_amount: Decimal,
        /// Bank charges on the payment.
        bank_charges: Decimal,
        /// Whether client reviews are enabled for the organization.
        is_client_review_settings_enabled: bool,
        /// Tax withheld by the customer.
        tax_amount_withheld: Decimal,
        /// Discount granted on the payment.
        discount_amount: Decimal,
        /// A description of the payment.
        description: String,
        /// A reference of your choice.
        reference_number: String,
        /// The gateway's transaction id, for online payments.
        online_transaction_id: String,
        /// Invoices the payment was drawn into.
        invoices: Vec<PaymentInvoice>,
        /// The retainer invoice paid, summarized.
        retainerinvoice: RetainerPaymentInvoice,
        /// Refunds of the payment.
        payment_refunds: Vec<PaymentRefund>,
        /// The last four digits of the card charged.
        last_four_digits: String,
        /// The receipt rendered as HTML.
        html_string: String,
        /// The receipt's PDF template.
        template_id: TemplateId,
        /// The template's name.
        template_name: String,
        /// The page's width.
        page_width: String,
        /// The page's height.
        page_height: String,
        /// The page's orientation.
        orientation: String,
        /// The template's type.
        template_type: String,
        /// The name of the attached file.
        attachment_name: String,
        /// Whether the attachment is sent with emails.
        can_send_in_mail: bool,
        /// Whether details of the amounts drawn are required.
        is_payment_drawn_details_required: bool,
        /// The payment's custom fields.
        custom_fields: Vec<CustomField>,
    }
}
resource!(RetainerPayment, "payment", "payments");

model! {
    /// A file to attach to a retainer invoice (`POST .../attachment`; the file itself goes
    /// as multipart form data).
    pub struct RetainerInvoiceAttachment {
        /// Whether the file is sent with emails.
        can_send_in_mail: bool,
        /// The file.
        attachment: String,
    }
}

model! {
    /// A comment to add to a retainer invoice, or a comment's new text.
    pub struct RetainerInvoiceCommentInput {
        /// The comment (at most 2000 characters).
        description: String,
        /// The day payment is expected (new comments).
        payment_expected_date: NaiveDate,
        /// Whether the customer sees the comment.
        show_comment_to_clients: bool,
    }
}

string_enum! {
    /// The values of `sort_column` in a list's `RetainerInvoiceFilter` (in `zoho-invoice`).
    pub enum RetainerInvoiceSortColumn {
        /// By `customer_name`.
        CustomerName = "customer_name",
        /// By `retainerinvoice_number`.
        RetainerinvoiceNumber = "retainerinvoice_number",
        /// By `date`.
        Date = "date",
        /// By `due_date`.
        DueDate = "due_date",
        /// By `total`.
        Total = "total",
        /// By `balance`.
        Balance = "balance",
        /// By `created_time`.
        CreatedTime = "created_time",
        /// By `last_modified_time`.
        LastModifiedTime = "last_modified_time",
    }
}

/// The values of `filter_by` in a list's `RetainerInvoiceFilter` (in `zoho-invoice`): the
/// invoice list's.
pub type RetainerInvoiceFilterBy = crate::invoices::InvoiceFilterBy;
