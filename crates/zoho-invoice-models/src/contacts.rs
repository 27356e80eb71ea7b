//! Contacts: the customers and vendors an organization deals with (`/contacts`), with their
//! additional addresses, statements, comments, refunds, client reviews (`/clientreviews`),
//! portal access and payment reminders.
//!
//! ```
//! use zoho_invoice_models::contacts::{Contact, ContactInput, ContactStatus, ContactType};
//! use zoho_invoice_models::envelope::Record;
//!
//! let answer: Record<Contact> = serde_json::from_str(r#"{"code": 0, "message": "success",
//!     "contact": {"contact_id": 460000000026049, "contact_name": "Bowman and Co",
//!     "contact_type": "customer", "status": "active", "outstanding_receivable_amount": 250.10,
//!     "billing_address": {"city": "Pleasanton", "zip": 94588}}}"#)?;
//! let contact = answer.record;
//! assert_eq!(contact.contact_type, Some(ContactType::Customer));
//! assert_eq!(contact.status, Some(ContactStatus::Active));
//! assert_eq!(contact.billing_address.and_then(|a| a.zip).as_deref(), Some("94588"));
//!
//! let input = ContactInput::new("Bowman and Co").payment_terms(15_u32);
//! assert_eq!(serde_json::to_string(&input)?, r#"{"contact_name":"Bowman and Co","payment_terms":15}"#);
//! # Ok::<(), serde_json::Error>(())
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::common::{Address, CustomField, EmailAddress, EmailContact};
use crate::common::{GstTreatment, VatTreatment};
use crate::contact_persons::ContactPerson;
use crate::envelope::resource;
use crate::ids::{
    CommentId, ContactId, ContactPersonId, CurrencyId, GenericId, TaxAuthorityId, TaxExemptionId,
    TaxId, TemplateId, UserId,
};
use crate::macros::{model, string_enum};
use crate::time::Timestamp;

string_enum! {
    /// Whether a contact is a customer or a vendor.
    pub enum ContactType {
        /// Someone the organization sells to.
        Customer = "customer",
        /// Someone the organization buys from.
        Vendor = "vendor",
    }
}

string_enum! {
    /// Whether a contact can be used in new transactions.
    pub enum ContactStatus {
        /// In use.
        Active = "active",
        /// Kept for history, not offered in new transactions.
        Inactive = "inactive",
    }
}

string_enum! {
    /// The language a contact (or an organization) is written to in.
    pub enum LanguageCode {
        /// German.
        De = "de",
        /// English.
        En = "en",
        /// Spanish.
        Es = "es",
        /// French.
        Fr = "fr",
        /// Italian.
        It = "it",
        /// Japanese.
        Ja = "ja",
        /// Dutch.
        Nl = "nl",
        /// Portuguese.
        Pt = "pt",
        /// Swedish.
        Sv = "sv",
        /// Chinese.
        Zh = "zh",
    }
}

string_enum! {
    /// The `filter_by` values of the contact list.
    pub enum ContactFilterBy {
        /// Every contact.
        All = "Status.All",
        /// Active contacts.
        Active = "Status.Active",
        /// Inactive contacts.
        Inactive = "Status.Inactive",
        /// Contacts flagged as duplicates.
        Duplicate = "Status.Duplicate",
        /// Contacts linked with Zoho CRM.
        Crm = "Status.Crm",
    }
}

string_enum! {
    /// The `sort_column` values of the contact list.
    pub enum ContactSortColumn {
        /// By name.
        ContactName = "contact_name",
        /// By the primary person's first name.
        FirstName = "first_name",
        /// By the primary person's last name.
        LastName = "last_name",
        /// By email address.
        Email = "email",
        /// By the amount still owed.
        OutstandingReceivableAmount = "outstanding_receivable_amount",
        /// By creation time.
        CreatedTime = "created_time",
        /// By last change.
        LastModifiedTime = "last_modified_time",
    }
}

model! {
    /// The templates a contact's documents and emails use by default.
    pub struct DefaultTemplates {
        /// The invoice PDF template.
        invoice_template_id: TemplateId,
        /// Its name.
        invoice_template_name: String,
        /// The estimate PDF template.
        estimate_template_id: TemplateId,
        /// Its name.
        estimate_template_name: String,
        /// The credit note PDF template.
        creditnote_template_id: TemplateId,
        /// Its name.
        creditnote_template_name: String,
        /// The invoice email template.
        invoice_email_template_id: TemplateId,
        /// Its name.
        invoice_email_template_name: String,
        /// The estimate email template.
        estimate_email_template_id: TemplateId,
        /// Its name.
        estimate_email_template_name: String,
        /// The credit note email template.
        creditnote_email_template_id: TemplateId,
        /// Its name.
        creditnote_email_template_name: String,
    }
}

model! {
    /// A contact, as the API returns it. List pages carry a shorter form, with the primary
    /// person's name, email and phones at the top level.
    pub struct Contact {
        /// The contact's id.
        @id contact_id: ContactId,
        /// The contact's name: a business or a person (at most 200 characters).
        contact_name: String,
        /// The contact's company (at most 200 characters).
        company_name: String,
        /// Whether the contact has transactions.
        has_transaction: bool,
        /// Customer or vendor.
        contact_type: ContactType,
        /// Whether the contact is taxable (India, US and CA editions).
        is_taxable: bool,
        /// The tax or tax group charged to the contact (India, US and CA editions).
        tax_id: TaxId,
        /// The tax's name (India edition).
        tax_name: String,
        /// The tax's percentage.
        tax_percentage: Decimal,
        /// The tax authority for the contact's location (US and CA editions).
        tax_authority_id: TaxAuthorityId,
        /// The tax exemption (India, US and CA editions).
        tax_exemption_id: TaxExemptionId,
        /// The tax authority's name.
        tax_authority_name: String,
        /// The tax exemption's code (US, CA, AU and India editions).
        tax_exemption_code: String,
        /// The state code that sets the place of supply (India edition).
        place_of_contact: String,
        /// The 15-digit GST number (India edition).
        gst_no: String,
        /// How VAT applies (UK edition).
        vat_treatment: VatTreatment,
        /// How GST applies (India edition).
        gst_treatment: GstTreatment,
        /// The VAT registration number (UK edition, Avalara).
        vat_reg_no: String,
        /// The two-letter country code (UK edition, Avalara).
        country_code: String,
        /// The exemption certificate number (Avalara).
        avatax_exempt_no: String,
        /// The Avalara use code grouping exempt customers.
        avatax_use_code: String,
        /// Whether the contact is linked with Zoho CRM.
        is_linked_with_zohocrm: bool,
        /// The contact's website.
        website: String,
        /// The primary contact person.
        primary_contact_id: ContactPersonId,
        /// Payment terms, in days.
        payment_terms: u32,
        /// The payment terms' label (`Net 15`).
        payment_terms_label: String,
        /// The contact's currency.
        currency_id: CurrencyId,
        /// That currency's code (`USD`).
        currency_code: String,
        /// That currency's symbol (`$`).
        currency_symbol: String,
        /// The contact's language.
        language_code: LanguageCode,
        /// The amount the contact still owes, in the contact's currency.
        outstanding_receivable_amount: Decimal,
        /// The same, in the base currency.
        outstanding_receivable_amount_bcy: Decimal,
        /// Credits of the contact not yet used, in the contact's currency.
        unused_credits_receivable_amount: Decimal,
        /// The same, in the base currency.
        unused_credits_receivable_amount_bcy: Decimal,
        /// Whether the contact is active.
        status: ContactStatus,
        /// Whether automated payment reminders are on.
        payment_reminder_enabled: bool,
        /// The contact's custom fields.
        custom_fields: Vec<CustomField>,
        /// The billing address.
        billing_address: Address,
        /// The shipping address.
        shipping_address: Address,
        /// Facebook account (at most 100 characters).
        facebook: String,
        /// Twitter account (at most 100 characters).
        twitter: String,
        /// The people who speak for the contact.
        contact_persons: Vec<ContactPerson>,
        /// The templates used by default.
        default_templates: DefaultTemplates,
        /// Notes about the contact.
        notes: String,
        /// The primary person's first name (list pages).
        first_name: String,
        /// The primary person's last name (list pages).
        last_name: String,
        /// The primary person's email address (list pages).
        email: String,
        /// The primary person's phone (list pages).
        phone: String,
        /// The primary person's mobile (list pages).
        mobile: String,
        /// When the contact was created.
        created_time: Timestamp,
        /// When the contact was last changed.
        last_modified_time: Timestamp,
        /// A further classification of the customer (from Zoho Books' document).
        customer_sub_type: String,
        /// The most credit the customer may have (from Zoho Books' document).
        credit_limit: rust_decimal::Decimal,
        /// Pricebook id which is associated with the contact (from Zoho Books' document).
        pricebook_id: crate::ids::PriceListId,
        /// Contact number associated with the contact for internal tracking and identification purposes (from Zoho Books' document).
        contact_number: String,
        /// Tax treatment (`vat_registered`, `vat_not_registered`, ...; the values depend on the edition) (from Zoho Books' document).
        tax_treatment: String,
        /// The legal name, as registered with the tax authority (from Zoho Books' document).
        legal_name: String,
        /// The user who owns the contact (from Zoho Books' document).
        owner_id: crate::ids::UserId,
        /// Opening balances (from Zoho Books' document).
        opening_balances: Vec<serde_json::Value>,
    }
}
resource!(Contact, "contact", "contacts");

model! {
    /// A contact person sent inside a contact's create or update request. On update, persons
    /// left out of the list are deleted; keep `contact_person_id` on those you keep.
    pub struct ContactPersonEntry {
        /// The existing person this entry updates.
        contact_person_id: ContactPersonId,
        /// Salutation.
        salutation: String,
        /// First name (at most 100 characters).
        first_name: String,
        /// Last name (at most 100 characters).
        last_name: String,
        /// Email address.
        email: String,
        /// Phone number.
        phone: String,
        /// Mobile number.
        mobile: String,
        /// Marks the person as primary (only `true` is accepted).
        is_primary_contact: bool,
    }
}

model! {
    /// An address as sent in a request: a contact's billing or shipping address, or an
    /// additional address (`POST`/`PUT /contacts/{contact_id}/address`).
    pub struct AddressInput {
        /// Attention line.
        attention: String,
        /// Street address (at most 500 characters).
        address: String,
        /// Second street line.
        street2: String,
        /// State code (billing and shipping addresses).
        state_code: String,
        /// City.
        city: String,
        /// State.
        state: String,
        /// ZIP or postal code.
        zip: String,
        /// Country.
        country: String,
        /// Fax number.
        fax: String,
        /// Phone number.
        phone: String,
    }
}

model! {
    /// The writable fields of a contact, to create one or update one (`contact_name`
    /// required).
    pub struct ContactInput {
        /// The contact's name (required; at most 200 characters).
        @required contact_name: String,
        /// The contact's company (at most 200 characters).
        company_name: String,
        /// Payment terms, in days.
        payment_terms: u32,
        /// The contact's currency.
        currency_id: CurrencyId,
        /// The contact's website.
        website: String,
        /// Custom field values (`index` and `value`; `label` on update).
        custom_fields: Vec<CustomField>,
        /// The billing address.
        billing_address: AddressInput,
        /// The shipping address.
        shipping_address: AddressInput,
        /// The people who speak for the contact.
        contact_persons: Vec<ContactPersonEntry>,
        /// The templates used by default.
        default_templates: DefaultTemplates,
        /// The contact's language.
        language_code: LanguageCode,
        /// Notes about the contact.
        notes: String,
        /// The VAT registration number, 2 to 12 characters (UK edition, Avalara).
        vat_reg_no: String,
        /// The two-letter country code (UK edition, Avalara).
        country_code: String,
        /// How VAT applies (UK edition).
        vat_treatment: VatTreatment,
        /// The state code that sets the place of supply (India edition).
        place_of_contact: String,
        /// The 15-digit GST number (India edition).
        gst_no: String,
        /// How GST applies (India edition).
        gst_treatment: GstTreatment,
        /// The tax authority's name.
        tax_authority_name: String,
        /// The tax exemption's code (US, CA, AU and India editions).
        tax_exemption_code: String,
        /// The exemption certificate number (Avalara).
        avatax_exempt_no: String,
        /// The Avalara use code grouping exempt customers.
        avatax_use_code: String,
        /// The tax exemption (India, US and CA editions).
        tax_exemption_id: TaxExemptionId,
        /// The tax authority (US and CA editions).
        tax_authority_id: TaxAuthorityId,
        /// The tax or tax group charged; only when `is_taxable` (India, US and CA editions).
        tax_id: TaxId,
        /// Whether the contact is taxable (India, US and CA editions).
        is_taxable: bool,
        /// Facebook account (at most 100 characters).
        facebook: String,
        /// Twitter account (at most 100 characters).
        twitter: String,
        /// Determines how the contact is treated in the system (from Zoho Books' document).
        contact_type: crate::contacts::ContactType,
        /// A further classification of the customer (from Zoho Books' document).
        customer_sub_type: String,
        /// The most credit the customer may have (from Zoho Books' document).
        credit_limit: rust_decimal::Decimal,
        /// Pricebook id which is associated with the contact (from Zoho Books' document).
        pricebook_id: crate::ids::PriceListId,
        /// Contact number associated with the contact for internal tracking and identification purposes (from Zoho Books' document).
        contact_number: String,
        /// Filter all your reports based on the tag (from Zoho Books' document).
        tags: Vec<serde_json::Value>,
        /// Indicates whether portal access is enabled for the primary contact person (from Zoho Books' document).
        is_portal_enabled: bool,
        /// Human-readable label of payment terms displayed on invoices and other transactions (from Zoho Books' document).
        payment_terms_label: String,
        /// Opening balances (from Zoho Books' document).
        opening_balances: Vec<serde_json::Value>,
        /// The user who owns the contact (from Zoho Books' document).
        owner_id: crate::ids::UserId,
        /// Tax registration number (GCC, Mexico, Kenya and South Africa editions) (from Zoho Books' document).
        tax_reg_no: String,
        /// Tax Exemption Certificate number is issued by the Kenya Revenue Authority (KRA) to organizations or ... (from Zoho Books' document).
        tax_exemption_certificate_number: String,
        /// Tax treatment (`vat_registered`, `vat_not_registered`, ...; the values depend on the edition) (from Zoho Books' document).
        tax_treatment: String,
        /// The legal name, as registered with the tax authority (from Zoho Books' document).
        legal_name: String,
        /// The kind of tax id (`SSN`, `ATIN`, `ITIN`, `EIN`) (from Zoho Books' document).
        tax_id_type: String,
        /// The tax id (from Zoho Books' document).
        tax_id_value: String,
    }
}

// The API sends an additional address under `address_info`, and a contact's addresses under
// `addresses`.
resource!(Address, "address_info", "addresses");

model! {
    /// A contact person named in a portal access request.
    pub struct PortalContactPerson {
        /// The person to give access to.
        contact_person_id: ContactPersonId,
    }
}

model! {
    /// The body of `POST /contacts/{contact_id}/portal/enable`.
    pub struct EnablePortalAccess {
        /// The persons to give client portal access to (required).
        contact_persons: Vec<PortalContactPerson>,
    }
}

model! {
    /// A review a client left, or a reply to one (`/clientreviews`).
    pub struct ClientReview {
        /// The review's id.
        comment_id: CommentId,
        /// Who wrote it.
        commented_by: String,
        /// The contact who left it.
        contact_id: ContactId,
        /// When it was written.
        date: NaiveDate,
        /// The review's text.
        description: String,
        /// Whether the entry is a client's review or comment.
        is_client_review_or_comment: bool,
        /// The rating given.
        rating: u32,
    }
}
resource!(ClientReview, "review", "reviews");

model! {
    /// The body of `POST /clientreviews/{comment_id}/comment`.
    pub struct ReviewReply {
        /// The reply's text.
        description: String,
    }
}

model! {
    /// The body of `POST /contacts/{contact_id}/email`.
    pub struct ContactEmail {
        /// Recipients (required).
        to_mail_ids: Vec<String>,
        /// The subject (required; at most 1000 characters).
        subject: String,
        /// The body (required; at most 5000 characters).
        body: String,
        /// Files to attach; files are sent as multipart form data.
        attachments: String,
    }
}

model! {
    /// The body of `POST /contacts/{contact_id}/statements/email`.
    pub struct StatementEmail {
        /// Send from the organization's address.
        send_from_org_email_id: bool,
        /// Recipients (required).
        to_mail_ids: Vec<String>,
        /// Copies.
        cc_mail_ids: Vec<String>,
        /// The subject (required; at most 1000 characters).
        subject: String,
        /// The body (required; at most 5000 characters).
        body: String,
    }
}

model! {
    /// The answer of `GET /contacts/{contact_id}/statements/email`: the email the API proposes
    /// for a statement: its fields at the top level of the answer, as the reference prints it,
    /// or under `data`, as the live service sends it.
    pub struct StatementMailContent {
        /// The body (HTML).
        body: String,
        /// The subject.
        subject: String,
        /// The recipients offered.
        to_contacts: Vec<EmailContact>,
        /// The statement PDF's file name.
        file_name: String,
        /// The senders offered.
        from_emails: Vec<EmailAddress>,
        /// The contact the statement is for.
        contact_id: ContactId,
    }
}
resource!(StatementMailContent, "data", "data", at top_level);

model! {
    /// An entry of a contact's recent activity (`GET /contacts/{contact_id}/comments`).
    pub struct ContactComment {
        /// The entry's id.
        comment_id: CommentId,
        /// The contact.
        contact_id: ContactId,
        /// The contact's name.
        contact_name: String,
        /// What happened.
        description: String,
        /// The user who did it.
        commented_by_id: UserId,
        /// That user's name.
        commented_by: String,
        /// The date.
        date: NaiveDate,
        /// The date in words (`4 days ago`).
        date_description: String,
        /// The time of day, as displayed (`6:03 PM`).
        time: String,
        /// The record the entry is about.
        transaction_id: GenericId,
        /// The kind of record (`customer_payment`).
        transaction_type: String,
        /// Whether that record has been deleted.
        is_entity_deleted: bool,
        /// What was done (`added`).
        operation_type: String,
    }
}
resource!(ContactComment, "contact_comment", "contact_comments");
