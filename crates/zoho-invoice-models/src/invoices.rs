//! Invoices: bills sent to a customer, with their payments, credits, reminders, comments and
//! attachment (`/invoices`).
//!
//! ```
//! use zoho_invoice_models::envelope::Page;
//! use zoho_invoice_models::invoices::{Invoice, InvoiceStatus, InvoiceFilterBy};
//!
//! let page: Page<Invoice> = serde_json::from_str(r#"{"code": 0, "message": "success",
//!     "invoices": [{"invoice_id": "982000000567114", "status": "partially_paid",
//!                   "total": 40.60, "balance": 12.5, "due_date": "2013-12-03"}]}"#)?;
//! let invoice = &page.records[0];
//! assert_eq!(invoice.status, Some(InvoiceStatus::PartiallyPaid));
//! assert_eq!(invoice.balance.map(|b| b.to_string()).as_deref(), Some("12.5"));
//! assert_eq!(InvoiceFilterBy::Overdue.as_str(), "Status.OverDue");
//! # Ok::<(), serde_json::Error>(())
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::common::{Address, CustomField, Document, LineItem, PaymentOptions, TaxAmount};
use crate::common::{DiscountType, GstTreatment, VatTreatment};
use crate::envelope::resource;
use crate::ids::{
    ContactId, ContactPersonId, CreditApplicationId, CreditNoteId, CurrencyId, EstimateId,
    ExpenseId, GenericId, InvoiceId, InvoicePaymentId, ItemId, LineItemId, PaymentId, ProjectId,
    RecurringInvoiceId, TaxAuthorityId, TaxExemptionId, TaxId, TemplateId, TimeEntryId,
};
use crate::items::ProductType;
use crate::macros::{model, string_enum};
use crate::time::Timestamp;

string_enum! {
    /// Where an invoice stands.
    pub enum InvoiceStatus {
        /// Not sent yet.
        Draft = "draft",
        /// Sent to the customer, not yet due.
        Sent = "sent",
        /// Past its due date and not fully paid.
        Overdue = "overdue",
        /// Fully paid.
        Paid = "paid",
        /// Cancelled.
        Void = "void",
        /// Not paid at all.
        Unpaid = "unpaid",
        /// Paid in part.
        PartiallyPaid = "partially_paid",
        /// Opened by the customer.
        Viewed = "viewed",
        /// Submitted for approval (organizations that approve transactions).
        PendingApproval = "pending_approval",
        /// Approved, ready to send.
        Approved = "approved",
    }
}

string_enum! {
    /// The `filter_by` of the invoice list.
    pub enum InvoiceFilterBy {
        /// Every invoice.
        All = "Status.All",
        /// Sent invoices.
        Sent = "Status.Sent",
        /// Drafts.
        Draft = "Status.Draft",
        /// Overdue invoices.
        Overdue = "Status.OverDue",
        /// Paid invoices.
        Paid = "Status.Paid",
        /// Void invoices.
        Void = "Status.Void",
        /// Unpaid invoices.
        Unpaid = "Status.Unpaid",
        /// Partly paid invoices.
        PartiallyPaid = "Status.PartiallyPaid",
        /// Invoices the customer has opened.
        Viewed = "Status.Viewed",
        /// Invoices by expected payment date.
        PaymentExpectedDate = "Date.PaymentExpectedDate",
    }
}

string_enum! {
    /// The `sort_column` of the invoice list.
    pub enum InvoiceSortColumn {
        /// By customer name.
        CustomerName = "customer_name",
        /// By invoice number.
        InvoiceNumber = "invoice_number",
        /// By date.
        Date = "date",
        /// By due date.
        DueDate = "due_date",
        /// By total.
        Total = "total",
        /// By balance due.
        Balance = "balance",
        /// By creation time.
        CreatedTime = "created_time",
        /// By the time of the last change (what incremental sync sorts by).
        LastModifiedTime = "last_modified_time",
    }
}

model! {
    /// An invoice, as the API returns it (in full from get, create and update; a summary in
    /// lists).
    pub struct Invoice {
        /// The invoice's id.
        @id invoice_id: InvoiceId,
        /// Whether an ACH payment has been started.
        ach_payment_initiated: bool,
        /// The invoice's number (`INV-00003`, at most 100 characters).
        invoice_number: String,
        /// Whether it dates from before GST (India, before 1 July 2017).
        is_pre_gst: bool,
        /// The place of supply (India).
        place_of_supply: String,
        /// The customer's GST number (India).
        gst_no: String,
        /// The customer's GST registration (India).
        gst_treatment: GstTreatment,
        /// VAT treatment (UK edition).
        vat_treatment: VatTreatment,
        /// The customer's VAT registration number.
        vat_reg_no: String,
        /// The invoice's date.
        date: NaiveDate,
        /// Where the invoice stands.
        status: InvoiceStatus,
        /// Days allowed for payment (15, 30, 60); sets the due date.
        payment_terms: i64,
        /// The label of the payment terms (`Net 15`).
        payment_terms_label: String,
        /// The date payment is due.
        due_date: NaiveDate,
        /// How far the due date is, in words (`Due in 14 day(s)`; lists).
        due_days: String,
        /// The date payment is expected.
        payment_expected_date: NaiveDate,
        /// The date of the last payment.
        last_payment_date: NaiveDate,
        /// The invoice's reference number.
        reference_number: String,
        /// The customer.
        customer_id: ContactId,
        /// The customer's name.
        customer_name: String,
        /// The contact persons of the customer on this invoice.
        contact_persons: Vec<ContactPersonId>,
        /// The currency.
        currency_id: CurrencyId,
        /// The currency's code (`USD`).
        currency_code: String,
        /// The exchange rate to the base currency.
        exchange_rate: Decimal,
        /// The discount: an amount, or a percentage such as `12.5%`.
        discount: crate::money::Discount,
        /// Whether the discount is taken before tax.
        is_discount_before_tax: bool,
        /// Whether the discount is set per line or on the whole invoice.
        discount_type: DiscountType,
        /// Whether rates include tax.
        is_inclusive_tax: bool,
        /// The recurring invoice it was made from.
        recurring_invoice_id: RecurringInvoiceId,
        /// Whether the customer has opened it.
        is_viewed_by_client: bool,
        /// Whether a file is attached.
        has_attachment: bool,
        /// When the customer opened it.
        client_viewed_time: Timestamp,
        /// When it is scheduled to be sent (lists), as sent.
        schedule_time: String,
        /// The invoice's lines.
        line_items: Vec<LineItem>,
        /// The shipping charge.
        shipping_charge: Decimal,
        /// `shipping_charge` as Zoho displays it, with the currency's symbol and separators
        /// (`$1,275.25`).
        shipping_charge_formatted: String,
        /// An adjustment added to the total (rounding, for instance).
        adjustment: Decimal,
        /// `adjustment` as Zoho displays it, with the currency's symbol and separators
        /// (`$1,275.25`).
        adjustment_formatted: String,
        /// What the adjustment is for.
        adjustment_description: String,
        /// The total of the lines before tax.
        sub_total: Decimal,
        /// `sub_total` as Zoho displays it, with the currency's symbol and separators
        /// (`$1,275.25`).
        sub_total_formatted: String,
        /// The total tax.
        tax_total: Decimal,
        /// `tax_total` as Zoho displays it, with the currency's symbol and separators
        /// (`$1,275.25`).
        tax_total_formatted: String,
        /// The amount to be paid.
        total: Decimal,
        /// `total` as Zoho displays it, with the currency's symbol and separators
        /// (`$1,275.25`).
        total_formatted: String,
        /// The tax summary.
        taxes: Vec<TaxAmount>,
        /// Whether automatic payment reminders are on.
        payment_reminder_enabled: bool,
        /// The amount paid so far.
        payment_made: Decimal,
        /// `payment_made` as Zoho displays it, with the currency's symbol and separators
        /// (`$1,275.25`).
        payment_made_formatted: String,
        /// The credits applied to it.
        credits_applied: Decimal,
        /// `credits_applied` as Zoho displays it, with the currency's symbol and separators
        /// (`$1,275.25`).
        credits_applied_formatted: String,
        /// Tax withheld by the customer.
        tax_amount_withheld: Decimal,
        /// The amount still unpaid.
        balance: Decimal,
        /// `balance` as Zoho displays it, with the currency's symbol and separators
        /// (`$1,275.25`).
        balance_formatted: String,
        /// The amount written off as not expected to be paid.
        write_off_amount: Decimal,
        /// `write_off_amount` as Zoho displays it, with the currency's symbol and separators
        /// (`$1,275.25`).
        write_off_amount_formatted: String,
        /// Whether the customer may pay in part.
        allow_partial_payments: bool,
        /// The number of decimal places of prices.
        price_precision: u32,
        /// The payment gateways offered.
        payment_options: PaymentOptions,
        /// Whether it has been emailed.
        is_emailed: bool,
        /// The number of reminders sent.
        reminders_sent: u32,
        /// The date the last reminder was sent.
        last_reminder_sent_date: NaiveDate,
        /// The customer's billing address on this invoice.
        billing_address: Address,
        /// The customer's shipping address on this invoice.
        shipping_address: Address,
        /// Notes printed for the customer.
        notes: String,
        /// Terms and conditions.
        terms: String,
        /// Custom field values.
        custom_fields: Vec<CustomField>,
        /// The PDF template.
        template_id: TemplateId,
        /// The PDF template's name.
        template_name: String,
        /// When it was created.
        created_time: Timestamp,
        /// When it was last changed.
        last_modified_time: Timestamp,
        /// The attached file's name.
        attachment_name: String,
        /// Whether the attached file is sent with emails.
        can_send_in_mail: bool,
        /// Files attached (lists).
        documents: Vec<Document>,
        /// The salesperson.
        salesperson_id: GenericId,
        /// The salesperson's name (at most 200 characters).
        salesperson_name: String,
        /// The link to the invoice in the customer portal.
        invoice_url: String,
        /// Tax treatment (`vat_registered`, `vat_not_registered`, ...; the values depend on the edition) (from Zoho Books' document).
        tax_treatment: String,
        /// Whether domestic reverse charge applies (VAT-registered customers) (from Zoho Books' document).
        is_reverse_charge_applied: bool,
        /// The contact persons the transaction is for (from Zoho Books' document).
        contact_persons_associated: Vec<serde_json::Value>,
        /// The location (business branch) (from Zoho Books' document).
        location_id: crate::ids::GenericId,
        /// The location's name (from Zoho Books' document).
        location_name: String,
        /// The shipping charge in the base currency (sent by the live service).
        bcy_shipping_charge: rust_decimal::Decimal,
        /// The adjustment in the base currency.
        bcy_adjustment: rust_decimal::Decimal,
        /// The sub-total in the base currency.
        bcy_sub_total: rust_decimal::Decimal,
        /// The discount in the base currency.
        bcy_discount_total: rust_decimal::Decimal,
        /// The taxes in the base currency.
        bcy_tax_total: rust_decimal::Decimal,
        /// The total in the base currency.
        bcy_total: rust_decimal::Decimal,
        /// The discount, as an amount (sent by the live service).
        discount_total: rust_decimal::Decimal,
        /// `discount_total` as Zoho displays it, with the currency's symbol and separators
        /// (`$1,275.25`).
        discount_total_formatted: String,
        /// The discount, as a percentage.
        discount_percent: rust_decimal::Decimal,
        /// The user who created it (sent by the live service).
        created_by_id: crate::ids::UserId,
        /// The contact persons it goes to, with their names and addresses (sent by the live service).
        contact_persons_details: Vec<serde_json::Value>,
        /// The estimate it was made from (sent by the live service).
        estimate_id: crate::ids::EstimateId,
    }
}
resource!(Invoice, "invoice", "invoices");

model! {
    /// A line of an invoice to create or update (`item_id` and `rate` required).
    pub struct InvoiceLineItemInput {
        /// The line to change, when updating an existing line (left out, the line is new).
        line_item_id: LineItemId,
        /// The item sold (required).
        item_id: ItemId,
        /// The project billed on this line.
        project_id: ProjectId,
        /// Time entries of the project billed on this line.
        time_entry_ids: Vec<TimeEntryId>,
        /// The expense billed on this line.
        expense_id: ExpenseId,
        /// The line's name (at most 100 characters).
        name: String,
        /// Goods or service.
        product_type: ProductType,
        /// The HSN or SAC code (India).
        hsn_or_sac: String,
        /// The line's description (at most 2000 characters).
        description: String,
        /// The line's position.
        item_order: u32,
        /// The unit price (required).
        rate: Decimal,
        /// The quantity.
        quantity: Decimal,
        /// The unit (`kgs`, `Nos`; at most 100 characters).
        unit: String,
        /// The discount: an amount, or a percentage such as `12.5%`.
        discount: crate::money::Discount,
        /// The tax or tax group applied to the line.
        tax_id: TaxId,
        /// The tax exemption (India, US and CA editions).
        tax_exemption_id: TaxExemptionId,
        /// Avalara use code (at most 25 characters).
        avatax_use_code: String,
        /// The customer's Avalara exemption certificate number (at most 25 characters).
        avatax_exempt_no: String,
        /// The tax's name.
        tax_name: String,
        /// The tax's type.
        tax_type: String,
        /// The tax's percentage.
        tax_percentage: Decimal,
        /// The line's total.
        item_total: Decimal,
    }
}

model! {
    /// The writable fields of an invoice, to create one (`customer_id`, `date` and
    /// `line_items` required) or update one.
    pub struct InvoiceInput {
        /// The customer (required).
        @required customer_id: ContactId,
        /// The contact persons of the customer on this invoice.
        contact_persons: Vec<ContactPersonId>,
        /// The invoice's number (when auto numbering is off or ignored; at most 100 characters).
        invoice_number: String,
        /// The invoice's reference number.
        reference_number: String,
        /// The place of supply (India).
        place_of_supply: String,
        /// VAT treatment (UK edition).
        vat_treatment: VatTreatment,
        /// The customer's GST registration (India).
        gst_treatment: GstTreatment,
        /// The customer's GST number (India).
        gst_no: String,
        /// The PDF template.
        template_id: TemplateId,
        /// The invoice's date (required on create).
        date: NaiveDate,
        /// Days allowed for payment (15, 30, 60); sets the due date.
        payment_terms: i64,
        /// The label of the payment terms (`Net 15`).
        payment_terms_label: String,
        /// The date payment is due.
        due_date: NaiveDate,
        /// The discount: an amount, or a percentage such as `12.5%`.
        discount: crate::money::Discount,
        /// Whether the discount is taken before tax.
        is_discount_before_tax: bool,
        /// Whether the discount is set per line or on the whole invoice.
        discount_type: DiscountType,
        /// Whether rates include tax.
        is_inclusive_tax: bool,
        /// The exchange rate to the base currency.
        exchange_rate: Decimal,
        /// The recurring invoice it is made from.
        recurring_invoice_id: RecurringInvoiceId,
        /// The estimate it is made from.
        invoiced_estimate_id: EstimateId,
        /// The salesperson's name (at most 200 characters).
        salesperson_name: String,
        /// Custom field values (`label` and `value`).
        custom_fields: Vec<CustomField>,
        /// The project it bills.
        project_id: ProjectId,
        /// The lines (required).
        @required line_items: Vec<InvoiceLineItemInput>,
        /// The payment gateways offered.
        payment_options: PaymentOptions,
        /// Whether the customer may pay in part.
        allow_partial_payments: bool,
        /// The body of the email, when sending it on creation.
        custom_body: String,
        /// The subject of the email, when sending it on creation.
        custom_subject: String,
        /// Notes printed for the customer.
        notes: String,
        /// Terms and conditions.
        terms: String,
        /// The shipping charge.
        shipping_charge: Decimal,
        /// An adjustment added to the total.
        adjustment: Decimal,
        /// What the adjustment is for.
        adjustment_description: String,
        /// A note on the change (the reference calls it the attachment's description).
        reason: String,
        /// The tax authority (US and CA editions).
        tax_authority_id: TaxAuthorityId,
        /// The tax exemption (India, US and CA editions).
        tax_exemption_id: TaxExemptionId,
        /// Avalara use code (at most 25 characters).
        avatax_use_code: String,
        /// Avalara tax code (at most 25 characters).
        avatax_tax_code: String,
        /// The customer's Avalara exemption certificate number (at most 25 characters).
        avatax_exempt_no: String,
        /// The currency (from Zoho Books' document).
        currency_id: crate::ids::CurrencyId,
        /// The contact persons the transaction is for (from Zoho Books' document).
        contact_persons_associated: Vec<serde_json::Value>,
        /// Tax treatment (`vat_registered`, `vat_not_registered`, ...; the values depend on the edition) (from Zoho Books' document).
        tax_treatment: String,
        /// Whether domestic reverse charge applies (VAT-registered customers) (from Zoho Books' document).
        is_reverse_charge_applied: bool,
        /// The location (business branch) (from Zoho Books' document).
        location_id: crate::ids::GenericId,
        /// Unique identifier of the billing address to be used for this invoice (from Zoho Books' document).
        billing_address_id: crate::ids::AddressId,
        /// Unique identifier of the shipping address to be used for this invoice (from Zoho Books' document).
        shipping_address_id: crate::ids::AddressId,
    }
}

model! {
    /// A comment to add to an invoice, or the new text of one (the reference sends these as
    /// query parameters).
    pub struct InvoiceCommentInput {
        /// The comment's text.
        description: String,
        /// The date payment is now expected (adding a comment only).
        payment_expected_date: NaiveDate,
        /// Whether the customer sees it in the portal.
        show_comment_to_clients: bool,
    }
}

model! {
    /// A customer to send invoices to with `POST /invoices/email`, by email or post.
    pub struct BulkEmailContact {
        /// The customer.
        contact_id: ContactId,
        /// Whether to send by email.
        email: bool,
        /// Whether to send by post.
        snail_mail: bool,
    }
}

model! {
    /// The body of `POST /invoices/email` (the invoices go in the `invoice_ids` query
    /// parameter, see [`BulkInvoiceIds`]).
    pub struct BulkEmailInput {
        /// The customers to send to (required).
        contacts: Vec<BulkEmailContact>,
    }
}

/// The invoices a bulk operation works on (email, reminders, export, print): encodes as the
/// `invoice_ids` query parameter, comma separated.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BulkInvoiceIds {
    /// The invoices (at most 10 to email or remind, 25 to export or print).
    pub invoice_ids: Vec<InvoiceId>,
}

impl Serialize for BulkInvoiceIds {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let joined: Vec<String> = self.invoice_ids.iter().map(ToString::to_string).collect();
        let mut st = s.serialize_struct("BulkInvoiceIds", 1)?;
        st.serialize_field("invoice_ids", &joined.join(","))?;
        st.end()
    }
}

model! {
    /// How many reminders a bulk reminder sent.
    pub struct ReminderSuccessInfo {
        /// What the server says.
        message: String,
        /// The number of reminders sent.
        sent_count: u32,
    }
}

model! {
    /// Reminders a bulk reminder could not send.
    pub struct ReminderErrorInfo {
        /// Why.
        message: String,
        /// The invoices concerned, as sent (comma separated ids).
        ids: String,
    }
}

model! {
    /// The outcome of a bulk reminder.
    pub struct BulkReminderInfo {
        /// What was sent.
        email_success_info: ReminderSuccessInfo,
        /// What failed.
        email_errors_info: Vec<ReminderErrorInfo>,
        /// Zoho's code for the outcome.
        code: i64,
    }
}

model! {
    /// The answer to `POST /invoices/paymentreminder`.
    pub struct BulkReminderReply {
        /// Zoho's code: 0 on success.
        code: i64,
        /// Zoho's message.
        message: String,
        /// What was sent and what failed.
        info: BulkReminderInfo,
    }
}

model! {
    /// A payment made to an invoice (`GET /invoices/{id}/payments`).
    pub struct InvoicePayment {
        /// The customer payment.
        payment_id: PaymentId,
        /// The payment's number.
        payment_number: String,
        /// The invoice paid.
        invoice_id: InvoiceId,
        /// This payment's share of the invoice (to delete it).
        invoice_payment_id: InvoicePaymentId,
        /// How it was paid (`cash`, `check`, ...).
        payment_mode: String,
        /// A description.
        description: String,
        /// The payment's date.
        date: NaiveDate,
        /// The payment's reference number.
        reference_number: String,
        /// The exchange rate to the base currency.
        exchange_rate: Decimal,
        /// The amount paid.
        amount: Decimal,
        /// Tax withheld by the customer.
        tax_amount_withheld: Decimal,
        /// The gateway's transaction id, for online payments.
        online_transaction_id: String,
        /// Whether the payment is for this invoice only.
        is_single_invoice_payment: bool,
    }
}
resource!(InvoicePayment, "payment", "payments");

model! {
    /// Credits of a credit note applied to an invoice (`GET /invoices/{id}/creditsapplied`).
    pub struct AppliedCredit {
        /// The credit note.
        creditnote_id: CreditNoteId,
        /// This application of credits (to delete it).
        creditnotes_invoice_id: CreditApplicationId,
        /// The credit note's number.
        creditnotes_number: String,
        /// The date the credits were applied.
        credited_date: NaiveDate,
        /// The amount applied.
        amount_applied: Decimal,
    }
}
resource!(AppliedCredit, "credit", "credits");

model! {
    /// Excess of a customer payment to apply to an invoice.
    pub struct PaymentCreditInput {
        /// The customer payment.
        payment_id: PaymentId,
        /// The amount to apply.
        amount_applied: Decimal,
    }
}

model! {
    /// Credits of a credit note to apply to an invoice.
    pub struct CreditNoteCreditInput {
        /// The credit note.
        creditnote_id: CreditNoteId,
        /// The amount to apply.
        amount_applied: Decimal,
    }
}

model! {
    /// The body of `POST /invoices/{id}/credits`: customer credits to apply, from payments and
    /// credit notes.
    pub struct ApplyCreditsInput {
        /// Excess payments to apply.
        invoice_payments: Vec<PaymentCreditInput>,
        /// Credit notes to apply.
        apply_creditnotes: Vec<CreditNoteCreditInput>,
    }
}

model! {
    /// Whether an invoice's attached file goes with its emails (`can_send_in_mail`, a query
    /// parameter of the attachment calls).
    pub struct AttachmentPreference {
        /// Whether to send the file with the invoice's emails.
        can_send_in_mail: bool,
    }
}

crate::macros::item_line!(InvoiceLineItemInput);

model! {
    /// A link a customer pays an invoice through (`GET /share/paymentlink`; from Zoho Books'
    /// OpenAPI document, which Zoho Invoice shares).
    pub struct PaymentLink {
        /// The link.
        share_link: String,
    }
}
resource!(PaymentLink, "data", "data");

string_enum! {
    /// Who can open a payment link.
    pub enum PaymentLinkType {
        /// Only the invoice's contacts, after signing in.
        Private = "private",
        /// Anyone with the link.
        Public = "public",
    }
}

#[cfg(test)]
mod tests {
    use super::Invoice;

    #[test]
    fn the_formatted_twins_zoho_sends_are_named() {
        let invoice: Invoice = serde_json::from_str(
            r#"{"invoice_id": "1", "sub_total": 1000, "sub_total_formatted": "$1,000.00",
                "tax_total": 125, "tax_total_formatted": "$125.00", "total": 1125,
                "total_formatted": "$1,125.00", "balance": 1125, "balance_formatted": "$1,125.00",
                "discount_total": 0, "discount_total_formatted": "$0.00",
                "shipping_charge": 10, "shipping_charge_formatted": "$10.00",
                "adjustment": -1, "adjustment_formatted": "-$1.00",
                "payment_made": 0, "payment_made_formatted": "$0.00",
                "credits_applied": 0, "credits_applied_formatted": "$0.00",
                "write_off_amount": 0, "write_off_amount_formatted": "$0.00"}"#,
        )
        .expect("decodes");
        assert!(invoice.extra.is_empty(), "unnamed: {:?}", invoice.extra);
        assert_eq!(invoice.total_formatted.as_deref(), Some("$1,125.00"));
        assert_eq!(invoice.balance_formatted.as_deref(), Some("$1,125.00"));
        assert_eq!(invoice.shipping_charge_formatted.as_deref(), Some("$10.00"));
        assert_eq!(invoice.adjustment_formatted.as_deref(), Some("-$1.00"));
    }
}
