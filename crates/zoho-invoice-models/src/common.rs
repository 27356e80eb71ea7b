//! Types shared by several resources: addresses, line items, taxes, custom fields, comments,
//! templates, documents, payment options and email content.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;

use crate::envelope::resource;
use crate::ids::{
    AccountId, AddressId, CommentId, ContactId, ContactPersonId, CreditNoteId, CustomFieldId,
    DocumentId, EstimateId, ExpenseId, GenericId, InvoiceId, ItemId, LineItemId, ProjectId,
    RecurringInvoiceId, RetainerInvoiceId, TaxExemptionId, TaxId, TemplateId, TimeEntryId, UserId,
};
use crate::macros::{model, string_enum};
use crate::time::Timestamp;

model! {
    /// A postal address: a contact's billing or shipping address, or an additional one.
    pub struct Address {
        /// The address's id (additional addresses of a contact).
        address_id: AddressId,
        /// Attention line.
        attention: String,
        /// Street address.
        address: String,
        /// Second street line.
        street2: String,
        /// State code, where the edition uses one.
        state_code: String,
        /// City.
        city: String,
        /// State.
        state: String,
        /// ZIP or postal code (sent as text; the API sometimes sends a bare number).
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
    /// A custom field's value on a record.
    pub struct CustomField {
        /// The custom field's id.
        customfield_id: CustomFieldId,
        /// The field's data type (`text`, `number`, `date`, ...).
        data_type: String,
        /// The field's position.
        index: u32,
        /// The field's label.
        label: String,
        /// Whether the field is printed on PDFs.
        show_on_pdf: bool,
        /// Whether the field is printed on all PDFs.
        show_in_all_pdf: bool,
        /// The value, of the field's data type.
        value: Value,
        /// The API name of the field.
        api_name: String,
        /// The value formatted for display.
        value_formatted: String,
    }
}

model! {
    /// A tax line of a document's tax summary.
    pub struct TaxAmount {
        /// The tax's id.
        tax_id: TaxId,
        /// The tax's name.
        tax_name: String,
        /// The amount of the tax levied.
        tax_amount: Decimal,
    }
}

model! {
    /// A line of an invoice, estimate, credit note, recurring or retainer invoice.
    pub struct LineItem {
        /// The line's id.
        line_item_id: LineItemId,
        /// The item sold on this line.
        item_id: ItemId,
        /// The project billed on this line.
        project_id: ProjectId,
        /// The project's name.
        project_name: String,
        /// Time entries billed on this line.
        time_entry_ids: Vec<TimeEntryId>,
        /// The item's type (`goods`, `service`).
        item_type: String,
        /// The product type (`goods`, `service`).
        product_type: String,
        /// The expense billed on this line.
        expense_id: ExpenseId,
        /// The expense receipt's name.
        expense_receipt_name: String,
        /// The line's name.
        name: String,
        /// The item's stock keeping unit.
        sku: String,
        /// The line's type code (credit notes).
        r#type: i64,
        /// The line's description.
        description: String,
        /// The line's position.
        item_order: u32,
        /// The rate in the base currency.
        bcy_rate: Decimal,
        /// The unit price.
        rate: Decimal,
        /// The quantity.
        quantity: Decimal,
        /// The unit (`kgs`, `Nos`).
        unit: String,
        /// The discount amount on the line.
        discount_amount: Decimal,
        /// The discount: an amount, or a percentage such as `12.5%`.
        discount: crate::money::Discount,
        /// The tax applied to the line.
        tax_id: TaxId,
        /// The tax exemption applied to the line.
        tax_exemption_id: TaxExemptionId,
        /// The tax's name.
        tax_name: String,
        /// The tax's type.
        tax_type: String,
        /// The tax's percentage.
        tax_percentage: Decimal,
        /// The tax treatment code (India).
        tax_treatment_code: String,
        /// The line's total.
        item_total: Decimal,
        /// The HSN or SAC code (India).
        hsn_or_sac: String,
        /// The account the line is booked to.
        account_id: AccountId,
        /// The account's name.
        account_name: String,
        /// The line's custom fields.
        item_custom_fields: Vec<CustomField>,
        /// The line's tags.
        tags: Vec<Value>,
        /// The name of the header the line sits under.
        header_name: String,
        /// The header the line sits under.
        header_id: GenericId,
        /// The item's purchase rate (sent by the live service).
        purchase_rate: rust_decimal::Decimal,
        /// The line's cost (sent by the live service).
        cost_amount: rust_decimal::Decimal,
    }
}

model! {
    /// A payment gateway offered on a document.
    pub struct PaymentGateway {
        /// Whether the gateway is configured.
        configured: bool,
        /// Gateway-specific setting (PayPal: `standard` or `adaptive`).
        additional_field1: String,
        /// The gateway (`paypal`, `authorize_net`, `payflow_pro`, `stripe`, `2checkout`, `braintree`).
        gateway_name: String,
    }
}

model! {
    /// The payment options of a document.
    pub struct PaymentOptions {
        /// The gateways the customer may pay through.
        payment_gateways: Vec<PaymentGateway>,
    }
}

model! {
    /// A comment, or an entry of a record's history.
    pub struct Comment {
        /// The comment's id.
        comment_id: CommentId,
        /// The contact the comment belongs to.
        contact_id: ContactId,
        /// The contact's name.
        contact_name: String,
        /// The invoice the comment is about.
        invoice_id: InvoiceId,
        /// The estimate the comment is about.
        estimate_id: EstimateId,
        /// The recurring invoice the history entry is about.
        recurring_invoice_id: RecurringInvoiceId,
        /// The retainer invoice the comment is about.
        retainerinvoice_id: RetainerInvoiceId,
        /// The credit note the comment is about.
        creditnote_id: CreditNoteId,
        /// The record the comment is about, whatever its kind.
        transaction_id: GenericId,
        /// The kind of record the comment is about.
        transaction_type: String,
        /// The comment's text.
        description: String,
        /// The comment's text, as recurring invoice history sends it.
        comment_description: String,
        /// The user who wrote it.
        commented_by_id: UserId,
        /// That user's name.
        commented_by: String,
        /// `system` for history, `internal` or `client` for comments.
        comment_type: String,
        /// What the history entry records (`Added`, `Updated`).
        operation_type: String,
        /// The date.
        date: NaiveDate,
        /// The date in words (`yesterday`).
        date_description: String,
        /// The time of day, as displayed (`2:38 AM`).
        time: String,
        /// Whether the comment is shown to the customer.
        show_comment_to_clients: bool,
        /// When it was written.
        created_time: Timestamp,
    }
}
resource!(Comment, "comment", "comments", at top_level);

model! {
    /// A PDF template.
    pub struct Template {
        /// The template's id.
        template_id: TemplateId,
        /// The template's name.
        template_name: String,
        /// The template's type (`classic`, `standard`, ...).
        template_type: String,
    }
}
resource!(Template, "template", "templates");

model! {
    /// A file attached to a record.
    pub struct Document {
        /// The document's id.
        document_id: DocumentId,
        /// The file's name.
        file_name: String,
        /// The file's type (`pdf`, `png`, ...).
        file_type: String,
        /// The file's size, formatted.
        file_size_formatted: String,
        /// The file's position.
        attachment_order: u32,
        /// Whether it is sent with emails.
        can_send_in_mail: bool,
    }
}

model! {
    /// A recipient offered in an email's content.
    pub struct EmailContact {
        /// The contact person's id.
        contact_person_id: ContactPersonId,
        /// Salutation.
        salutation: String,
        /// First name.
        first_name: String,
        /// Last name.
        last_name: String,
        /// Email address.
        email: String,
        /// Phone.
        phone: String,
        /// Mobile.
        mobile: String,
        /// Whether the recipient is selected.
        selected: bool,
    }
}

model! {
    /// A sender or copy address offered in an email's content.
    pub struct EmailAddress {
        /// The user's name.
        user_name: String,
        /// The address.
        email: String,
        /// Whether the address is selected.
        selected: bool,
        /// The organization contact behind the address.
        organization_contact_id: GenericId,
        /// Whether it is the organization's address.
        is_org_email_id: bool,
    }
}

model! {
    /// An email template offered in an email's content.
    pub struct EmailTemplate {
        /// The template's id.
        email_template_id: TemplateId,
        /// The template's name.
        name: String,
        /// Whether it is selected.
        selected: bool,
    }
}

model! {
    /// The email the API proposes for a document (`GET .../email`): subject, body,
    /// recipients and templates.
    pub struct EmailContent {
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
        /// The PDF's file name without extension.
        file_name_without_extension: String,
        /// The customer.
        customer_id: ContactId,
        /// The customer's name.
        customer_name: String,
        /// The document the email is about.
        entity_id: GenericId,
        /// Whether payment gateways are configured.
        gateways_configured: bool,
        /// Whether payment gateways are associated with the document.
        gateways_associated: bool,
        /// Blind copies, as text.
        bcc_mails: String,
        /// Blind copies, as text.
        bcc_mails_str: String,
        /// Recipients, as text.
        to_mails_str: String,
        /// Copies, as text.
        cc_mails_str: String,
        /// The sender's address.
        from_email: String,
        /// The sender's address.
        from_address: String,
        /// The attachment's name.
        attachment_name: String,
        /// Documents attached.
        documents: Vec<Document>,
        /// Documents of the email template.
        emailtemplate_documents: Vec<Document>,
        /// Deprecated placeholders found in the template.
        deprecated_placeholders_used: Vec<Value>,
        /// Problems found in the content.
        error_list: Vec<Value>,
    }
}
// The reference nests the email under `data`; some answers (the fake server's, older ones)
// carry its fields at the top level.
resource!(EmailContent, "data", "data", at top_level);

model! {
    /// An email to send for a document (`POST .../email`).
    pub struct EmailRequest {
        /// Send from the organization's address.
        send_from_org_email_id: bool,
        /// Recipients.
        to_mail_ids: Vec<String>,
        /// Copies.
        cc_mail_ids: Vec<String>,
        /// Blind copies.
        bcc_mail_ids: Vec<String>,
        /// The subject.
        subject: String,
        /// The body (HTML).
        body: String,
        /// Whether to attach the customer statement.
        send_customer_statement: bool,
        /// Whether to attach the document's attachment.
        send_attachment: bool,
        /// The documents to attach.
        documents: Vec<DocumentId>,
        /// The contact persons to send to.
        contact_persons: Vec<ContactPersonId>,
    }
}

model! {
    /// A tag on a record.
    pub struct Tag {
        /// The tag's id.
        tag_id: GenericId,
        /// The tag option's id.
        tag_option_id: GenericId,
        /// The tag's name.
        tag_name: String,
        /// The tag option's name.
        tag_option_name: String,
    }
}

string_enum! {
    /// Whether a contact is GST registered (India edition).
    pub enum GstTreatment {
        /// Registered business.
        BusinessGst = "business_gst",
        /// Unregistered business.
        BusinessNone = "business_none",
        /// Overseas.
        Overseas = "overseas",
        /// Consumer.
        Consumer = "consumer",
    }
}

string_enum! {
    /// Where a customer stands for VAT (UK edition).
    pub enum VatTreatment {
        /// In the UK.
        Uk = "uk",
        /// In the EU and VAT registered.
        EuVatRegistered = "eu_vat_registered",
        /// In the EU and not VAT registered (before Brexit).
        EuVatNotRegistered = "eu_vat_not_registered",
        /// Outside the EU (before Brexit).
        NonEu = "non_eu",
        /// Outside the UK.
        Overseas = "overseas",
    }
}

string_enum! {
    /// Whether a document's discount applies to the whole document or to each line.
    pub enum DiscountType {
        /// One discount on the whole document.
        EntityLevel = "entity_level",
        /// A discount on each line.
        ItemLevel = "item_level",
    }
}

string_enum! {
    /// The unit of a recurrence (`repeat_every` of these).
    pub enum RecurrenceFrequency {
        /// Days.
        Days = "days",
        /// Weeks.
        Weeks = "weeks",
        /// Months.
        Months = "months",
        /// Years.
        Years = "years",
    }
}

string_enum! {
    /// The `filter_by` values of the lists that filter by activity (items, projects, expense
    /// categories).
    pub enum ActiveFilterBy {
        /// `Status.All`.
        All = "Status.All",
        /// `Status.Active`.
        Active = "Status.Active",
        /// `Status.Inactive`.
        Inactive = "Status.Inactive",
    }
}

string_enum! {
    /// The `filter_by` values of the recurring lists (recurring invoices and expenses).
    pub enum RecurrenceFilterBy {
        /// `Status.All`.
        All = "Status.All",
        /// `Status.Active`.
        Active = "Status.Active",
        /// `Status.Stopped`.
        Stopped = "Status.Stopped",
        /// `Status.Expired`.
        Expired = "Status.Expired",
    }
}
