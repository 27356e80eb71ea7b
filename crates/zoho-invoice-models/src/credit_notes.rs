//! Credit notes: amounts owed to a customer (`/creditnotes`), applied to invoices or
//! refunded, with their emails, addresses, templates, comments and refunds.
//!
//! ```
//! use zoho_invoice_models::envelope::Record;
//! use zoho_invoice_models::credit_notes::{CreditNote, CreditNoteRefundInput, CreditNoteStatus};
//!
//! let answer: Record<CreditNote> = serde_json::from_str(r#"{"code": 0, "message": "success",
//!     "creditnote": {"creditnote_id": "90300000072369", "creditnote_number": "CN-29", "status": "open",
//!     "taxes": [{"tax_name": "Basic Tax", "tax_amount": "2.50"}]}}"#)?;
//! let note = answer.record;
//! assert_eq!(note.status, Some(CreditNoteStatus::Open));
//! let tax = note.taxes.as_ref().and_then(|t| t[0].tax_amount);
//! assert_eq!(tax.map(|a| a.to_string()).as_deref(), Some("2.50"));
//!
//! let day: chrono::NaiveDate = "2024-03-02".parse().unwrap();
//! let refund = CreditNoteRefundInput::new(day, 450);
//! assert_eq!(serde_json::to_value(&refund)?, serde_json::json!({"date": "2024-03-02", "amount": 450}));
//! # Ok::<(), serde_json::Error>(())
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::common::GstTreatment;
use crate::common::{Address, CustomField, LineItem, TaxAmount};
use crate::envelope::resource;
use crate::ids::{
    ContactId, ContactPersonId, CreditApplicationId, CreditNoteId, CurrencyId, GenericId,
    InvoiceId, ItemId, ProjectId, RefundId, TaxAuthorityId, TaxExemptionId, TaxId, TemplateId,
};
use crate::items::ProductType;
use crate::macros::{model, string_enum};
use crate::time::Timestamp;

string_enum! {
    /// Where a credit note stands.
    pub enum CreditNoteStatus {
        /// Credits remain to be applied or refunded.
        Open = "open",
        /// Fully applied or refunded.
        Closed = "closed",
        /// Cancelled.
        Void = "void",
        /// Not issued yet.
        Draft = "draft",
        /// Submitted for approval (organizations that approve transactions).
        PendingApproval = "pending_approval",
        /// Approved, ready to send.
        Approved = "approved",
    }
}

model! {
    /// An invoice a credit note was applied to, as a credit note shows it.
    pub struct CreditNoteInvoice {
        /// The invoice.
        invoice_id: InvoiceId,
        /// The invoice's number.
        invoice_number: String,
        /// The amount credited to it.
        amount: Decimal,
    }
}

model! {
    /// A credit note, as the API returns it.
    pub struct CreditNote {
        /// The credit note's id.
        @id creditnote_id: CreditNoteId,
        /// Its number (`CN-29`; at most 100 characters).
        creditnote_number: String,
        /// The day it was raised.
        date: NaiveDate,
        /// Where it stands.
        status: CreditNoteStatus,
        /// The customer credited.
        customer_id: ContactId,
        /// The customer's name (at most 100 characters).
        customer_name: String,
        /// Goods or service.
        product_type: ProductType,
        /// Serial numbers of the goods returned.
        serial_numbers: String,
        /// Its custom fields.
        custom_fields: Vec<CustomField>,
        /// A reference of your choice (at most 100 characters).
        reference_number: String,
        /// The customer's email address.
        email: String,
        /// The credits raised.
        total: Decimal,
        /// `total` as Zoho displays it, with the currency's symbol and separators
        /// (`$1,275.25`).
        total_formatted: String,
        /// The credits not yet applied or refunded.
        balance: Decimal,
        /// `balance` as Zoho displays it, with the currency's symbol and separators
        /// (`$1,275.25`).
        balance_formatted: String,
        /// Its lines.
        line_items: Vec<LineItem>,
        /// The invoices it was applied to.
        invoices: Vec<CreditNoteInvoice>,
        /// The taxes on it.
        taxes: Vec<TaxAmount>,
        /// Its currency.
        currency_id: CurrencyId,
        /// The currency's code.
        currency_code: String,
        /// The currency's symbol.
        currency_symbol: String,
        /// The rate from its currency to the base currency.
        exchange_rate: Decimal,
        /// The customer's GST treatment (India).
        gst_treatment: GstTreatment,
        /// The customer's 15-digit GST number (India).
        gst_no: String,
        /// Where the goods or services are supplied (India).
        place_of_supply: String,
        /// The customer's VAT treatment (UK).
        vat_treatment: String,
        /// The address billed.
        billing_address: Address,
        /// The address shipped to.
        shipping_address: Address,
        /// When it was created.
        created_time: Timestamp,
        /// When it was last updated.
        updated_time: Timestamp,
        /// When it was last changed (in lists).
        last_modified_time: Timestamp,
        /// Whether it was emailed.
        is_emailed: bool,
        /// Its PDF template.
        template_id: TemplateId,
        /// The template's name.
        template_name: String,
        /// A note printed on it (at most 5000 characters).
        notes: String,
        /// Terms and conditions printed on it (at most 10000 characters).
        terms: String,
        /// Enter VAT registration number (from Zoho Books' document).
        vat_reg_no: String,
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
    }
}
resource!(CreditNote, "creditnote", "creditnotes");

model! {
    /// A line of a credit note to create or update.
    pub struct CreditNoteLineItemInput {
        /// The item credited.
        item_id: ItemId,
        /// The line's description.
        description: String,
        /// The line's name.
        name: String,
        /// The line's type, a number.
        r#type: u32,
        /// The quantity.
        quantity: Decimal,
        /// The tax applied.
        tax_id: TaxId,
        /// The tax exemption applied (India, US and CA editions).
        tax_exemption_id: TaxExemptionId,
        /// The item's tax code (Avalara; at most 25 characters).
        avatax_tax_code: String,
        /// The exemption use code (Avalara; at most 25 characters).
        avatax_use_code: String,
        /// The unit price.
        rate: Decimal,
        /// The line's total.
        item_total: Decimal,
        /// Goods or service.
        product_type: ProductType,
        /// The HSN or SAC code (India).
        hsn_or_sac: String,
        /// The project the line belongs to.
        project_id: ProjectId,
    }
}

model! {
    /// The writable fields of a credit note, to create one (`customer_id`, `date`,
    /// `line_items` and `creditnote_number` required) or update one.
    pub struct CreditNoteInput {
        /// The customer credited (required).
        @required customer_id: ContactId,
        /// The contact persons it goes to.
        contact_persons: Vec<ContactPersonId>,
        /// The day it is raised (required).
        @required date: NaiveDate,
        /// The rate from the customer's currency to the base currency.
        exchange_rate: Decimal,
        /// Its lines (required).
        @required line_items: Vec<CreditNoteLineItemInput>,
        /// Its number (required unless numbers are generated; at most 100 characters).
        creditnote_number: String,
        /// The customer's GST treatment (India).
        gst_treatment: GstTreatment,
        /// The customer's 15-digit GST number (India).
        gst_no: String,
        /// Where the goods or services are supplied (India); the contact's place by default.
        place_of_supply: String,
        /// `true` to give your own number instead of the generated one.
        ignore_auto_number_generation: bool,
        /// A reference of your choice (at most 100 characters).
        reference_number: String,
        /// Custom field values, by `label` and `value`.
        custom_fields: Vec<CustomField>,
        /// A note printed on it (at most 5000 characters).
        notes: String,
        /// Terms and conditions printed on it (at most 10000 characters).
        terms: String,
        /// Its PDF template.
        template_id: TemplateId,
        /// The tax authority of the customer's location (US and CA editions).
        tax_authority_id: TaxAuthorityId,
        /// The tax exemption applied (India, US and CA editions).
        tax_exemption_id: TaxExemptionId,
        /// The customer's exemption use code (Avalara).
        avatax_use_code: String,
        /// The tax code (Avalara).
        avatax_tax_code: String,
        /// The customer's exemption certificate number (Avalara).
        avatax_exempt_no: String,
        /// The customer's VAT treatment (UK).
        vat_treatment: String,
        /// The currency (from Zoho Books' document).
        currency_id: crate::ids::CurrencyId,
        /// The contact persons the transaction is for (from Zoho Books' document).
        contact_persons_associated: Vec<serde_json::Value>,
        /// Set to true to create the credit note in draft status (from Zoho Books' document).
        is_draft: bool,
        /// The location (business branch) (from Zoho Books' document).
        location_id: crate::ids::GenericId,
        /// Tax treatment (`vat_registered`, `vat_not_registered`, ...; the values depend on the edition) (from Zoho Books' document).
        tax_treatment: String,
        /// Whether domestic reverse charge applies (VAT-registered customers) (from Zoho Books' document).
        is_reverse_charge_applied: bool,
        /// Used to specify whether the line item rates are inclusive or exclusive of tax (from Zoho Books' document).
        is_inclusive_tax: bool,
    }
}

model! {
    /// An email sent for a credit note, from its email history.
    pub struct CreditNoteEmail {
        /// The history entry's id.
        mailhistory_id: GenericId,
        /// The sender's address.
        from: String,
        /// The recipients.
        to_mail_ids: Vec<String>,
        /// The subject.
        subject: String,
        /// The day it was sent.
        date: NaiveDate,
    }
}
resource!(CreditNoteEmail, "email_history", "email_history");

model! {
    /// An invoice to apply credits to, and how much.
    pub struct CreditedInvoiceInput {
        /// The invoice.
        invoice_id: InvoiceId,
        /// The amount of the credit note applied to it.
        amount_applied: Decimal,
    }
}

model! {
    /// The body of a request that applies a credit note to invoices (`POST .../invoices`).
    pub struct CreditInvoicesInput {
        /// The invoices and the amounts applied.
        invoices: Vec<CreditedInvoiceInput>,
    }
}

model! {
    /// Credits of a credit note applied to one invoice.
    pub struct InvoiceCredited {
        /// The credit note.
        creditnote_id: CreditNoteId,
        /// Its number.
        creditnote_number: String,
        /// The invoice credited.
        invoice_id: InvoiceId,
        /// The invoice's number.
        invoice_number: String,
        /// This application of credits (used to remove it).
        creditnote_invoice_id: CreditApplicationId,
        /// The day the credits were applied.
        date: NaiveDate,
        /// The amount applied.
        credited_amount: Decimal,
    }
}
resource!(InvoiceCredited, "invoice_credited", "invoices_credited");

model! {
    /// A comment to add to a credit note.
    pub struct CreditNoteCommentInput {
        /// The comment.
        description: String,
    }
}

model! {
    /// A refund of a credit note's credits.
    pub struct CreditNoteRefund {
        /// The refund's id.
        creditnote_refund_id: RefundId,
        /// The credit note refunded.
        creditnote_id: CreditNoteId,
        /// Its number.
        creditnote_number: String,
        /// The day of the refund.
        date: NaiveDate,
        /// How the money went back.
        refund_mode: String,
        /// A reference of your choice (at most 100 characters).
        reference_number: String,
        /// The amount refunded.
        amount: Decimal,
        /// The rate from the credit note's currency to the base currency.
        exchange_rate: Decimal,
        /// The customer's name.
        customer_name: String,
        /// A description of the refund.
        description: String,
        /// The amount in the base currency.
        amount_bcy: Decimal,
        /// The amount in the credit note's currency.
        amount_fcy: Decimal,
    }
}
resource!(CreditNoteRefund, "creditnote_refund", "creditnote_refunds");

model! {
    /// The writable fields of a credit note refund, to refund credits or update a refund.
    pub struct CreditNoteRefundInput {
        /// The day of the refund.
        @required date: NaiveDate,
        /// How the money goes back.
        refund_mode: String,
        /// A reference of your choice (at most 100 characters).
        reference_number: String,
        /// The amount refunded.
        @required amount: Decimal,
        /// The rate from the credit note's currency to the base currency.
        exchange_rate: Decimal,
        /// A description of the refund.
        description: String,
    }
}

crate::macros::item_line!(CreditNoteLineItemInput);

string_enum! {
    /// The values of `filter_by` in a list's `CreditNoteFilter` (in `zoho-invoice`).
    pub enum CreditNoteFilterBy {
        /// `Status.All`.
        All = "Status.All",
        /// `Status.Open`.
        Open = "Status.Open",
        /// `Status.Draft`.
        Draft = "Status.Draft",
        /// `Status.Closed`.
        Closed = "Status.Closed",
        /// `Status.Void`.
        Void = "Status.Void",
    }
}

string_enum! {
    /// The values of `sort_column` in a list's `CreditNoteFilter` (in `zoho-invoice`).
    pub enum CreditNoteSortColumn {
        /// By `customer_name`.
        CustomerName = "customer_name",
        /// By `creditnote_number`.
        CreditnoteNumber = "creditnote_number",
        /// By `balance`.
        Balance = "balance",
        /// By `total`.
        Total = "total",
        /// By `date`.
        Date = "date",
        /// By `created_time`.
        CreatedTime = "created_time",
        /// By `last_modified_time`.
        LastModifiedTime = "last_modified_time",
    }
}

string_enum! {
    /// The values of `sort_column` in a list's `CreditNoteRefundFilter` (in `zoho-invoice`).
    pub enum CreditNoteRefundSortColumn {
        /// By `refund_mode`.
        RefundMode = "refund_mode",
        /// By `reference_number`.
        ReferenceNumber = "reference_number",
        /// By `date`.
        Date = "date",
        /// By `creditnote_number`.
        CreditnoteNumber = "creditnote_number",
        /// By `customer_name`.
        CustomerName = "customer_name",
        /// By `amount_bcy`.
        AmountBcy = "amount_bcy",
        /// By `amount_fcy`.
        AmountFcy = "amount_fcy",
    }
}
