//! Estimates: quotes sent to a customer before a sale (`/estimates`).
//!
//! ```
//! use zoho_invoice_models::envelope::Record;
//! use zoho_invoice_models::estimates::{Estimate, EstimateInput, EstimateStatus};
//!
//! let answer: Record<Estimate> = serde_json::from_str(r#"{"code": 0, "message": "success",
//!     "estimate": {"estimate_id": 982000000567011, "status": "accepted", "total": 40.60}}"#)?;
//! assert_eq!(answer.record.status, Some(EstimateStatus::Accepted));
//! assert_eq!(answer.record.total.map(|t| t.to_string()).as_deref(), Some("40.60"));
//!
//! let customer: zoho_invoice_models::ids::ContactId = "982000000567001".parse().unwrap();
//! let input = EstimateInput::new(customer, vec![]);
//! assert_eq!(serde_json::to_value(&input)?, serde_json::json!({"customer_id": "982000000567001", "line_items": []}));
//! # Ok::<(), serde_json::Error>(())
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::common::{
    Address, CustomField, EmailAddress, EmailContact, EmailTemplate, LineItem, TaxAmount, Template,
};
use crate::common::{DiscountType, GstTreatment, VatTreatment};
use crate::envelope::resource;
use crate::ids::{
    ContactId, ContactPersonId, CurrencyId, EstimateId, GenericId, ItemId, LineItemId, ProjectId,
    TaxAuthorityId, TaxExemptionId, TaxId, TemplateId,
};
use crate::items::ProductType;
use crate::lenient::{Encoded, Lenient, Reading};
use crate::macros::{model, string_enum};
use crate::time::Timestamp;

string_enum! {
    /// Where an estimate stands.
    pub enum EstimateStatus {
        /// Not sent yet.
        Draft = "draft",
        /// Sent to the customer.
        Sent = "sent",
        /// Turned into an invoice.
        Invoiced = "invoiced",
        /// The customer agreed to it.
        Accepted = "accepted",
        /// The customer turned it down.
        Declined = "declined",
        /// Its expiry date has passed.
        Expired = "expired",
        /// Submitted for approval (organizations that approve transactions).
        PendingApproval = "pending_approval",
        /// Approved, ready to send.
        Approved = "approved",
    }
}

model! {
    /// The project an estimate is linked to.
    pub struct EstimateProject {
        /// The project's id.
        project_id: ProjectId,
        /// The project's name.
        project_name: String,
    }
}

model! {
    /// An estimate, as the API returns it (in full from get, create and update; a summary in
    /// lists).
    pub struct Estimate {
        /// The estimate's id.
        @id estimate_id: EstimateId,
        /// The estimate's number (`EST-00002`).
        estimate_number: String,
        /// The estimate's date.
        date: NaiveDate,
        /// A reference number of the deal.
        reference_number: String,
        /// Whether it dates from before GST (India, before 1 July 2017).
        is_pre_gst: bool,
        /// The place of supply (India).
        place_of_supply: String,
        /// The customer's GST number (India).
        gst_no: String,
        /// The customer's GST registration (India).
        gst_treatment: GstTreatment,
        /// Where the estimate stands.
        status: EstimateStatus,
        /// The customer.
        customer_id: ContactId,
        /// The customer's name.
        customer_name: String,
        /// The contact persons the estimate is sent to.
        contact_persons: Vec<ContactPersonId>,
        /// The currency.
        currency_id: CurrencyId,
        /// The currency's code (`USD`).
        currency_code: String,
        /// The exchange rate to the base currency.
        exchange_rate: Decimal,
        /// The date the estimate expires.
        expiry_date: NaiveDate,
        /// The date the customer accepted it (lists).
        accepted_date: NaiveDate,
        /// The date the customer declined it (lists).
        declined_date: NaiveDate,
        /// The discount: an amount, or a percentage such as `12.5%`.
        discount: crate::money::Discount,
        /// Whether the discount is taken before tax.
        is_discount_before_tax: bool,
        /// Whether the discount is set per line or on the whole estimate.
        discount_type: DiscountType,
        /// Whether rates include tax (not in the US edition).
        is_inclusive_tax: bool,
        /// Whether the customer has opened it.
        is_viewed_by_client: bool,
        /// When the customer opened it.
        client_viewed_time: Timestamp,
        /// Whether a file is attached.
        has_attachment: bool,
        /// The estimate's lines.
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
        /// The estimate's total.
        total: Decimal,
        /// `total` as Zoho displays it, with the currency's symbol and separators
        /// (`$1,275.25`).
        total_formatted: String,
        /// The total tax.
        tax_total: Decimal,
        /// `tax_total` as Zoho displays it, with the currency's symbol and separators
        /// (`$1,275.25`).
        tax_total_formatted: String,
        /// The number of decimal places of prices.
        price_precision: u32,
        /// The tax summary.
        taxes: Vec<TaxAmount>,
        /// The customer's billing address on this estimate.
        billing_address: Address,
        /// The customer's shipping address on this estimate.
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
        /// The salesperson.
        salesperson_id: GenericId,
        /// The salesperson's name.
        salesperson_name: String,
        /// The project it is linked to.
        project: EstimateProject,
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
    }
}
resource!(Estimate, "estimate", "estimates");

model! {
    /// A line of an estimate to create or update (`item_id`, `rate` and `quantity` required).
    pub struct EstimateLineItemInput {
        /// The line to change, when updating an existing line (left out, the line is new).
        line_item_id: LineItemId,
        /// The item sold (required).
        item_id: ItemId,
        /// The line's name.
        name: String,
        /// The line's description.
        description: String,
        /// The line's position.
        item_order: u32,
        /// The unit price (required).
        rate: Decimal,
        /// Goods or service.
        product_type: ProductType,
        /// The HSN or SAC code (India).
        hsn_or_sac: String,
        /// The quantity (required).
        quantity: Decimal,
        /// The unit (`kgs`, `Nos`).
        unit: String,
        /// The discount amount on the line.
        discount_amount: Decimal,
        /// The discount: an amount, or a percentage such as `12.5%`.
        discount: crate::money::Discount,
        /// The tax or tax group applied to the line.
        tax_id: TaxId,
        /// The tax exemption (India, US and CA editions).
        tax_exemption_id: TaxExemptionId,
        /// Avalara tax code (at most 25 characters).
        avatax_tax_code: String,
        /// Avalara use code.
        avatax_use_code: String,
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
    /// The writable fields of an estimate, to create one (`customer_id` and `line_items`
    /// required) or update one.
    pub struct EstimateInput {
        /// The customer (required).
        @required customer_id: ContactId,
        /// The contact persons to send it to.
        contact_persons: Vec<ContactPersonId>,
        /// The PDF template.
        template_id: TemplateId,
        /// The place of supply (India).
        place_of_supply: String,
        /// The customer's GST registration (India).
        gst_treatment: GstTreatment,
        /// The customer's GST number (India).
        gst_no: String,
        /// The estimate's number (when auto numbering is off or ignored).
        estimate_number: String,
        /// A reference number of the deal.
        reference_number: String,
        /// The estimate's date.
        date: NaiveDate,
        /// The date it expires.
        expiry_date: NaiveDate,
        /// The exchange rate to the base currency.
        exchange_rate: Decimal,
        /// The discount: an amount, or a percentage such as `12.5%`.
        discount: crate::money::Discount,
        /// Whether the discount is taken before tax.
        is_discount_before_tax: bool,
        /// Whether the discount is set per line or on the whole estimate.
        discount_type: DiscountType,
        /// Whether rates include tax (not in the US edition).
        is_inclusive_tax: bool,
        /// The body of the email, when sending it on creation.
        custom_body: String,
        /// The subject of the email, when sending it on creation.
        custom_subject: String,
        /// The salesperson's name.
        salesperson_name: String,
        /// Custom field values (`label` and `value`).
        custom_fields: Vec<CustomField>,
        /// The lines (required).
        @required line_items: Vec<EstimateLineItemInput>,
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
        /// The tax or tax group applied to the estimate.
        tax_id: TaxId,
        /// The tax exemption (India, US and CA editions).
        tax_exemption_id: TaxExemptionId,
        /// The tax authority (US and CA editions).
        tax_authority_id: TaxAuthorityId,
        /// Avalara use code.
        avatax_use_code: String,
        /// Avalara tax code (at most 25 characters).
        avatax_tax_code: String,
        /// The customer's Avalara exemption certificate number.
        avatax_exempt_no: String,
        /// VAT treatment (UK edition).
        vat_treatment: VatTreatment,
        /// The project it is linked to.
        project_id: ProjectId,
        /// The currency (from Zoho Books' document).
        currency_id: crate::ids::CurrencyId,
        /// The contact persons the transaction is for (from Zoho Books' document).
        contact_persons_associated: Vec<serde_json::Value>,
        /// The location (business branch) (from Zoho Books' document).
        location_id: crate::ids::GenericId,
        /// Tax treatment (`vat_registered`, `vat_not_registered`, ...; the values depend on the edition) (from Zoho Books' document).
        tax_treatment: String,
        /// Whether domestic reverse charge applies (VAT-registered customers) (from Zoho Books' document).
        is_reverse_charge_applied: bool,
        /// Boolean flag indicating whether a retainer invoice should be automatically created if the customer ... (from Zoho Books' document).
        accept_retainer: bool,
        /// Percentage of the estimate amount to be collected as a retainer (upfront payment) when the estimate ... (from Zoho Books' document).
        retainer_percentage: rust_decimal::Decimal,
    }
}

model! {
    /// A comment to add to an estimate, or the new text of one.
    pub struct CommentInput {
        /// The comment's text.
        description: String,
        /// Whether the customer sees it in the portal.
        show_comment_to_clients: bool,
    }
}

model! {
    /// The answer to `GET /estimates/{id}/email`: the proposed email, at the top level of the
    /// answer next to `code` and `message` (invoices send it under `data` instead).
    pub struct EstimateEmailContent {
        /// Zoho's code: 0 on success.
        code: i64,
        /// Zoho's message.
        message: String,
        /// The recipients offered.
        to_contacts: Vec<EmailContact>,
        /// The senders offered.
        from_emails: Vec<EmailAddress>,
        /// Addresses in copy.
        cc_mails_list: Vec<EmailAddress>,
        /// Email templates.
        emailtemplates: Vec<EmailTemplate>,
        /// The subject.
        subject: String,
        /// The body (HTML).
        body: String,
        /// Whether the PDF is attached.
        attach_pdf: bool,
        /// The PDF's file name.
        file_name: String,
        /// The customer.
        customer_id: ContactId,
        /// The customer's name.
        customer_name: String,
        /// Problems found in the content.
        error_list: Vec<Value>,
    }
}

/// The `templates` of the estimate templates answer: the API documents a list, but its example
/// sends one bare object. Both are kept as sent.
#[derive(Debug, Clone, PartialEq)]
pub enum EstimateTemplateList {
    /// A single template sent as an object.
    One(Template),
    /// A list of templates.
    Many(Vec<Template>),
}

impl EstimateTemplateList {
    /// The templates, however they were sent.
    pub fn as_slice(&self) -> &[Template] {
        match self {
            Self::One(t) => std::slice::from_ref(t),
            Self::Many(list) => list,
        }
    }

    /// The templates as a list.
    pub fn into_vec(self) -> Vec<Template> {
        match self {
            Self::One(t) => vec![t],
            Self::Many(list) => list,
        }
    }
}

impl Default for EstimateTemplateList {
    fn default() -> Self {
        Self::Many(Vec::new())
    }
}

impl crate::direct::ReadDirect for EstimateTemplateList {}

impl Lenient for EstimateTemplateList {
    fn read_json(raw: &str) -> Reading<Self> {
        if raw.trim_start().starts_with('[') {
            <Vec<Template>>::read_json(raw).map(Self::Many)
        } else {
            Template::read_json(raw).map(Self::One)
        }
    }

    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::One(t) => Encoded(t).serialize(s),
            Self::Many(list) => Encoded(list).serialize(s),
        }
    }
}

model! {
    /// The answer to `GET /estimates/templates`.
    pub struct EstimateTemplates {
        /// Zoho's code: 0 on success.
        code: i64,
        /// Zoho's message.
        message: String,
        /// The PDF templates for estimates.
        templates: EstimateTemplateList,
    }
}

/// The estimates a bulk operation works on (email, export, print): encodes as the
/// `estimate_ids` query parameter, comma separated.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BulkEstimateIds {
    /// The estimates (at most 10 to email, 25 to export or print).
    pub estimate_ids: Vec<EstimateId>,
}

impl Serialize for BulkEstimateIds {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let joined: Vec<String> = self.estimate_ids.iter().map(ToString::to_string).collect();
        let mut st = s.serialize_struct("BulkEstimateIds", 1)?;
        st.serialize_field("estimate_ids", &joined.join(","))?;
        st.end()
    }
}

crate::macros::item_line!(EstimateLineItemInput);

string_enum! {
    /// The values of `filter_by` in a list's `EstimateFilter` (in `zoho-invoice`).
    pub enum EstimateFilterBy {
        /// `Status.All`.
        All = "Status.All",
        /// `Status.Sent`.
        Sent = "Status.Sent",
        /// `Status.Draft`.
        Draft = "Status.Draft",
        /// `Status.Invoiced`.
        Invoiced = "Status.Invoiced",
        /// `Status.Accepted`.
        Accepted = "Status.Accepted",
        /// `Status.Declined`.
        Declined = "Status.Declined",
        /// `Status.Expired`.
        Expired = "Status.Expired",
    }
}

string_enum! {
    /// The values of `sort_column` in a list's `EstimateFilter` (in `zoho-invoice`).
    pub enum EstimateSortColumn {
        /// By `customer_name`.
        CustomerName = "customer_name",
        /// By `estimate_number`.
        EstimateNumber = "estimate_number",
        /// By `date`.
        Date = "date",
        /// By `total`.
        Total = "total",
        /// By `created_time`.
        CreatedTime = "created_time",
        /// By `last_modified_time`.
        LastModifiedTime = "last_modified_time",
    }
}
