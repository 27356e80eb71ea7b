//! Organizations: the businesses a Zoho account runs (`/organizations`). Every other call
//! names one with its `organization_id`. Getting, creating and updating one come from Zoho
//! Books' OpenAPI document, which Zoho Invoice shares.
//!
//! ```
//! use zoho_invoice_models::envelope::Page;
//! use zoho_invoice_models::organizations::Organization;
//!
//! let page: Page<Organization> = serde_json::from_str(r#"{"code": 0, "message": "success",
//!     "organizations": [{"organization_id": "10234695", "name": "Zillum", "is_default_org": true,
//!     "currency_code": "USD", "price_precision": 2}]}"#)?;
//! let org = &page.records[0];
//! assert_eq!(org.organization_id.as_str(), "10234695");
//! assert_eq!(org.price_precision, Some(2));
//! # Ok::<(), serde_json::Error>(())
//! ```

use chrono::NaiveDate;

use crate::common::CustomField;
use crate::contacts::LanguageCode;
use crate::envelope::resource;
use crate::ids::{CurrencyId, OrganizationId};
use crate::macros::model;

model! {
    /// An organization the signed-in user belongs to.
    pub struct Organization {
        /// The organization's id, sent with every other request.
        @id organization_id: OrganizationId,
        /// The business's name.
        name: String,
        /// The name of the organization's contact.
        contact_name: String,
        /// The organization's email address.
        email: String,
        /// Whether it is the user's default organization.
        is_default_org: bool,
        /// The organization's language.
        language_code: LanguageCode,
        /// The month the fiscal year starts in (0 for January).
        fiscal_year_start_month: u32,
        /// When the account was created.
        account_created_date: NaiveDate,
        /// `account_created_date` as Zoho displays it (`15 Feb 2012`).
        account_created_date_formatted: String,
        /// The organization's time zone (`PST`).
        time_zone: String,
        /// Whether the organization is active.
        is_org_active: bool,
        /// The base currency.
        currency_id: CurrencyId,
        /// The base currency's code (`USD`).
        currency_code: String,
        /// The base currency's symbol (`$`).
        currency_symbol: String,
        /// How amounts are formatted (`###,##0.00`).
        currency_format: String,
        /// Decimal places kept in prices.
        price_precision: u32,
        /// How dates are written (`dd MMM yyyy`).
        date_format: String,
        /// The separator of dates (`.`, `/`, `-`).
        field_separator: String,
        /// The business's industry.
        industry_type: String,
        /// The business's size.
        industry_size: String,
        /// The label of the company id (`Company ID`).
        company_id_label: String,
        /// The company id.
        company_id_value: String,
        /// The label of the tax id (`VAT Reg No.`).
        tax_id_label: String,
        /// The tax id.
        tax_id_value: String,
        /// The organization's address as one text.
        org_address: String,
        /// The address payments are sent to.
        remit_to_address: String,
        /// The organization's address.
        address: OrganizationAddress,
        /// The phone number.
        phone: String,
        /// The fax number.
        fax: String,
        /// The website.
        website: String,
        /// The organization's custom fields.
        custom_fields: Vec<CustomField>,
    }
}
resource!(Organization, "organization", "organizations");

model! {
    /// The address of an organization.
    pub struct OrganizationAddress {
        /// The street.
        street_address1: String,
        /// The street, continued.
        street_address2: String,
        /// The city.
        city: String,
        /// The state.
        state: String,
        /// The country.
        country: String,
        /// The postal code.
        zip: String,
    }
}

model! {
    /// A new organization (`POST /organizations`).
    pub struct NewOrganization {
        /// The business's name.
        @required name: String,
        /// The base currency's code (`USD`).
        @required currency_code: String,
        /// The time zone (`PST`).
        @required time_zone: String,
        /// The name of the organization's customer portal.
        @required portal_name: String,
        /// The month the fiscal year starts in.
        fiscal_year_start_month: String,
        /// How dates are written (`dd MMM yyyy`).
        date_format: String,
        /// The separator of dates.
        field_separator: String,
        /// The organization's language.
        language_code: LanguageCode,
        /// The business's industry.
        industry_type: String,
        /// The business's size.
        industry_size: String,
        /// The organization's address as one text.
        org_address: String,
        /// The address payments are sent to.
        remit_to_address: String,
        /// The organization's address.
        address: OrganizationAddress,
    }
}

model! {
    /// An organization's new fields (`PUT /organizations/{organization_id}`); the fields left
    /// out do not change.
    pub struct OrganizationInput {
        /// The business's name.
        name: String,
        /// The month the fiscal year starts in.
        fiscal_year_start_month: String,
        /// Whether a logo is uploaded.
        is_logo_uploaded: bool,
        /// The time zone.
        time_zone: String,
        /// How dates are written.
        date_format: String,
        /// The separator of dates.
        field_separator: String,
        /// The organization's language.
        language_code: LanguageCode,
        /// The organization's address as one text.
        org_address: String,
        /// The address payments are sent to.
        remit_to_address: String,
        /// The organization's address.
        address: OrganizationAddress,
        /// The name of the organization's contact.
        contact_name: String,
        /// The phone number.
        phone: String,
        /// The fax number.
        fax: String,
        /// The website.
        website: String,
        /// The organization's email address.
        email: String,
        /// The base currency.
        currency_id: CurrencyId,
        /// The label of the company id (the document spells it `companyid_label`).
        companyid_label: String,
        /// The company id.
        companyid_value: String,
        /// The label of the tax id.
        taxid_label: String,
        /// The tax id.
        taxid_value: String,
        /// The organization's custom fields.
        custom_fields: Vec<CustomField>,
    }
}
