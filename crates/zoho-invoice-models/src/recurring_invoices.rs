//! Recurring invoices: profiles that raise an invoice at a fixed interval
//! (`/recurringinvoices`), with stop and resume, their PDF template and their history.
//!
//! ```
//! use zoho_invoice_models::common::RecurrenceFrequency;
//! use zoho_invoice_models::envelope::Record;
//! use zoho_invoice_models::recurring_invoices::{RecurringInvoice, RecurringInvoiceInput};
//!
//! let answer: Record<RecurringInvoice> = serde_json::from_str(r#"{"code": 0, "message": "success",
//!     "recurring_invoice": {"recurring_invoice_id": "90300000072369", "recurrence_name": "MonthlyInvoice",
//!     "next_invoice_date": "2016-08-17", "payment_options": true}}"#)?;
//! assert_eq!(answer.record.recurrence_name.as_deref(), Some("MonthlyInvoice"));
//! assert_eq!(answer.record.next_invoice_date.map(|d| d.to_string()).as_deref(), Some("2016-08-17"));
//!
//! let customer: zoho_invoice_models::ids::ContactId = "903000000000099".parse().unwrap();
//! let input = RecurringInvoiceInput::new("MonthlyInvoice", customer, RecurrenceFrequency::Months);
//! assert_eq!(
//!     serde_json::to_value(&input)?,
//!     serde_json::json!({"recurrence_name": "MonthlyInvoice", "customer_id": "903000000000099",
//!         "recurrence_frequency": "months"})
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;

use crate::common::{Address, LineItem, PaymentGateway};
use crate::common::{GstTreatment, RecurrenceFrequency};
use crate::envelope::resource;
use crate::ids::{
    ContactId, ContactPersonId, CurrencyId, ItemId, ProjectId, RecurringInvoiceId, TaxAuthorityId,
    TaxExemptionId, TaxId, TemplateId,
};
use crate::items::ProductType;
use crate::macros::{model, string_enum};

string_enum! {
    /// Whether a recurring profile still raises invoices.
    pub enum RecurringInvoiceStatus {
        /// Raising invoices on schedule.
        Active = "active",
        /// Stopped by a user; it can be resumed.
        Stopped = "stopped",
        /// Past its end date.
        Expired = "expired",
    }
}

model! {
    /// A recurring invoice profile, as the API returns it.
    pub struct RecurringInvoice {
        /// The profile's id.
        @id recurring_invoice_id: RecurringInvoiceId,
        /// The profile's unique name (at most 100 characters).
        recurrence_name: String,
        /// The order number carried by the invoices it raises.
        reference_number: String,
        /// Whether the profile is active, stopped or expired.
        status: RecurringInvoiceStatus,
        /// The unit of the interval between invoices.
        recurrence_frequency: RecurrenceFrequency,
        /// How many units of `recurrence_frequency` lie between two invoices.
        repeat_every: u32,
        /// Whether its transactions predate GST, 1 July 2017 (India).
        is_pre_gst: bool,
        /// The customer's 15-digit GST number (India).
        gst_no: String,
        /// The customer's GST treatment (India).
        gst_treatment: GstTreatment,
        /// The customer's VAT treatment (UK): `uk`, `eu_vat_registered`, `overseas`, ...
        vat_treatment: String,
        /// Where the goods or services are supplied (India), as a state code.
        place_of_supply: String,
        /// The customer's name.
        customer_name: String,
        /// The customer invoiced.
        customer_id: ContactId,
        /// The customer's company.
        company_name: String,
        /// The customer's email address.
        customer_email: String,
        /// The customer's mobile number.
        customer_mobile_phone: String,
        /// The customer's phone number.
        customer_phone: String,
        /// The customer's picture.
        photo_url: String,
        /// The currency of the invoices.
        currency_id: CurrencyId,
        /// The currency's code (`USD`).
        currency_code: String,
        /// The first day of the schedule.
        start_date: NaiveDate,
        /// The day the profile expires.
        end_date: NaiveDate,
        /// When the last invoice went out.
        last_sent_date: NaiveDate,
        /// When the next invoice is due to go out.
        next_invoice_date: NaiveDate,
        /// The lines copied into each invoice.
        line_items: Vec<LineItem>,
        /// The total of the invoices already paid.
        paid_invoices_total: Decimal,
        /// The balance still due on its unpaid invoices.
        unpaid_invoices_balance: Decimal,
        /// The address billed.
        billing_address: Address,
        /// The address shipped to.
        shipping_address: Address,
        /// The gateways the customer may pay through.
        payment_gateways: Vec<PaymentGateway>,
        /// Payment options: the reference shows a bare `true` here, other documents an object
        /// of gateways, so the value is kept as sent.
        payment_options: Value,
        /// The customer's exemption certificate number (Avalara; at most 25 characters).
        avatax_exempt_no: String,
        /// The customer's exemption use code (Avalara; at most 25 characters).
        avatax_use_code: String,
        /// The contact persons the transaction is for (from Zoho Books' document).
        contact_persons_associated: Vec<serde_json::Value>,
        /// Tax treatment (`vat_registered`, `vat_not_registered`, ...; the values depend on the edition) (from Zoho Books' document).
        tax_treatment: String,
        /// Whether domestic reverse charge applies (VAT-registered customers) (from Zoho Books' document).
        is_reverse_charge_applied: bool,
        /// The location (business branch) (from Zoho Books' document).
        location_id: crate::ids::GenericId,
        /// The location's name (from Zoho Books' document).
        location_name: String,
    }
}
resource!(RecurringInvoice, "recurring_invoice", "recurring_invoices");

model! {
    /// A line of a recurring invoice to create or update.
    pub struct RecurringInvoiceLineItemInput {
        /// The item sold.
        item_id: ItemId,
        /// The line's name (at most 100 characters).
        name: String,
        /// The line's description (at most 2000 characters).
        description: String,
        /// The unit price.
        rate: Decimal,
        /// The quantity.
        quantity: Decimal,
        /// The discount: an amount, or a percentage such as `12.5%`.
        discount: crate::money::Discount,
        /// The tax applied.
        tax_id: TaxId,
        /// The tax exemption applied (India, US and CA editions).
        tax_exemption_id: TaxExemptionId,
        /// The item's tax code (Avalara; at most 25 characters).
        avatax_tax_code: String,
        /// The exemption use code (Avalara; at most 25 characters).
        avatax_use_code: String,
        /// The line's total.
        item_total: Decimal,
        /// Goods or service.
        product_type: ProductType,
        /// The HSN or SAC code (India).
        hsn_or_sac: String,
        /// The project billed.
        project_id: ProjectId,
    }
}

model! {
    /// The writable fields of a recurring invoice, to create one (`recurrence_name`,
    /// `customer_id` and `recurrence_frequency` required) or update one.
    pub struct RecurringInvoiceInput {
        /// The profile's unique name (required; at most 100 characters).
        @required recurrence_name: String,
        /// The order number carried by the invoices.
        reference_number: String,
        /// The customer invoiced (required).
        @required customer_id: ContactId,
        /// The contact persons the invoices go to.
        contact_persons: Vec<ContactPersonId>,
        /// The first day of the schedule.
        start_date: NaiveDate,
        /// The day the profile expires.
        end_date: NaiveDate,
        /// Where the goods or services are supplied (India); the contact's place by default.
        place_of_supply: String,
        /// The customer's VAT treatment (UK).
        vat_treatment: String,
        /// The customer's GST treatment (India).
        gst_treatment: GstTreatment,
        /// The customer's 15-digit GST number (India).
        gst_no: String,
        /// The unit of the interval between invoices (required).
        @required recurrence_frequency: RecurrenceFrequency,
        /// How many units lie between two invoices.
        repeat_every: u32,
        /// The lines of each invoice.
        line_items: Vec<RecurringInvoiceLineItemInput>,
        /// The tax applied to the invoices.
        tax_id: TaxId,
        /// The customer's email address.
        email: String,
        /// The gateways the customer may pay through.
        payment_gateways: Vec<PaymentGateway>,
        /// The tax authority of the customer's location (US and CA editions).
        tax_authority_id: TaxAuthorityId,
        /// The tax exemption applied (India, US and CA editions).
        tax_exemption_id: TaxExemptionId,
        /// The customer's exemption use code (Avalara).
        avatax_use_code: String,
        /// The customer's exemption certificate number (Avalara).
        avatax_exempt_no: String,
        /// The currency (from Zoho Books' document).
        currency_id: crate::ids::CurrencyId,
        /// The contact persons the transaction is for (from Zoho Books' document).
        contact_persons_associated: Vec<serde_json::Value>,
        /// Tax treatment (`vat_registered`, `vat_not_registered`, ...; the values depend on the edition) (from Zoho Books' document).
        tax_treatment: String,
        /// Whether domestic reverse charge applies (VAT-registered customers) (from Zoho Books' document).
        is_reverse_charge_applied: bool,
        /// Choose `false` for PPU-Single Payments and `true` for PPD-Installment Payments (from Zoho Books' document).
        allow_partial_payments: bool,
        /// The location (business branch) (from Zoho Books' document).
        location_id: crate::ids::GenericId,
        /// Custom fields (from Zoho Books' document).
        custom_fields: Vec<crate::common::CustomField>,
        /// Billing address (from Zoho Books' document).
        billing_address: crate::common::Address,
        /// Shipping address (from Zoho Books' document).
        shipping_address: crate::common::Address,
        /// Unique ID of the recurring invoice template (from Zoho Books' document).
        template_id: crate::ids::TemplateId,
        /// Payment terms in days (from Zoho Books' document).
        payment_terms: u32,
        /// Used to overridethe default payment terms label (from Zoho Books' document).
        payment_terms_label: String,
        /// Exchange rate for the currency associated with the customer (from Zoho Books' document).
        exchange_rate: rust_decimal::Decimal,
        /// Payment options (from Zoho Books' document).
        payment_options: serde_json::Value,
        /// Discount applied to the invoice (from Zoho Books' document).
        discount: String,
        /// Used to specify how the discount has to applied (from Zoho Books' document).
        is_discount_before_tax: bool,
        /// How the discount is specified (from Zoho Books' document).
        discount_type: String,
        /// Used to specify whether the line item rates are inclusive or exclusive of tax (from Zoho Books' document).
        is_inclusive_tax: bool,
        /// Name of the sales person (from Zoho Books' document).
        salesperson_name: String,
        /// Shipping charges applied to the invoice (from Zoho Books' document).
        shipping_charge: rust_decimal::Decimal,
        /// Adjustments made to the invoice (from Zoho Books' document).
        adjustment: rust_decimal::Decimal,
        /// Customize the adjustment description (from Zoho Books' document).
        adjustment_description: String,
    }
}

model! {
    /// The body of a stop or resume request (`POST .../status/stop`, `.../status/resume`).
    pub struct RecurringInvoiceStatusChange {
        /// The profile to stop or resume.
        recurring_invoice_id: RecurringInvoiceId,
    }
}

model! {
    /// The body of a request that changes a profile's PDF template
    /// (`PUT .../templates/{template_id}`).
    pub struct RecurringInvoiceTemplateChange {
        /// The profile.
        recurring_invoice_id: RecurringInvoiceId,
        /// The template to use from now on.
        template_id: TemplateId,
    }
}

crate::macros::item_line!(RecurringInvoiceLineItemInput);

/// The values of `filter_by` in a list's `RecurringInvoiceFilter` (in `zoho-invoice`).
pub type RecurringInvoiceFilterBy = crate::common::RecurrenceFilterBy;

string_enum! {
    /// The values of `sort_column` in a list's `RecurringInvoiceFilter` (in `zoho-invoice`).
    pub enum RecurringInvoiceSortColumn {
        /// By `created_time`.
        CreatedTime = "created_time",
        /// By `last_modified_time`.
        LastModifiedTime = "last_modified_time",
    }
}
