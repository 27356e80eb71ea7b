//! Taxes (`/settings/taxes`, `/settings/taxgroups`): the taxes line items name by `tax_id`,
//! groups of them, and (US and Canada editions) tax authorities and exemptions
//! (`/settings/taxauthorities`, `/settings/taxexemptions`). From Zoho Books' OpenAPI document,
//! which Zoho Invoice shares; the fields about bills, sales orders and purchase accounts are
//! Books' own and left to `extra`.
//!
//! ```
//! use zoho_invoice_models::envelope::Record;
//! use zoho_invoice_models::taxes::Tax;
//!
//! let answer: Record<Tax> = serde_json::from_str(r#"{"code": 0, "message": "success",
//!     "tax": {"tax_id": "982000000566009", "tax_name": "VAT", "tax_percentage": 12.5,
//!     "tax_type": "tax"}}"#)?;
//! assert_eq!(answer.record.tax_percentage.map(|p| p.to_string()).as_deref(), Some("12.5"));
//! # Ok::<(), serde_json::Error>(())
//! ```

use rust_decimal::Decimal;

use crate::envelope::resource;
use crate::ids::{TaxAuthorityId, TaxExemptionId, TaxId};
use crate::macros::model;

model! {
    /// A tax.
    pub struct Tax {
        /// The tax's id.
        @id tax_id: TaxId,
        /// Its name.
        tax_name: String,
        /// Its rate, in percent.
        tax_percentage: Decimal,
        /// `tax` (simple) or `compound_tax`.
        tax_type: String,
        /// The kind of tax factor.
        tax_factor: String,
        /// The kind of tax (India edition).
        tax_specific_type: String,
        /// The tax authority.
        tax_authority_id: TaxAuthorityId,
        /// The tax authority's name.
        tax_authority_name: String,
        /// The EU country the tax belongs to (two letters).
        country_code: String,
        /// Whether it is a value-added tax.
        is_value_added: bool,
        /// Whether it is the default tax.
        is_default_tax: bool,
        /// Whether it can be edited.
        is_editable: bool,
    }
}
resource!(Tax, "tax", "taxes");

model! {
    /// A tax to add, or a tax's new fields (`POST /settings/taxes`,
    /// `PUT /settings/taxes/{tax_id}`).
    pub struct TaxInput {
        /// Its name.
        @required tax_name: String,
        /// Its rate, in percent.
        @required tax_percentage: Decimal,
        /// `tax` (simple) or `compound_tax`.
        tax_type: String,
        /// The kind of tax factor.
        tax_factor: String,
        /// The kind of tax (India edition).
        tax_specific_type: String,
        /// The tax authority's name.
        tax_authority_name: String,
        /// The tax authority.
        tax_authority_id: TaxAuthorityId,
        /// The EU country the tax belongs to (two letters).
        country_code: String,
        /// Whether it is a value-added tax.
        is_value_added: bool,
        /// Whether to update the recurring invoices that use it.
        update_recurring_invoice: bool,
        /// Whether to update the recurring expenses that use it.
        update_recurring_expense: bool,
        /// Whether to update the draft invoices that use it.
        update_draft_invoice: bool,
        /// Whether to update the projects that use it.
        update_project: bool,
        /// Whether it can be edited.
        is_editable: bool,
    }
}

model! {
    /// A group of taxes applied together.
    pub struct TaxGroup {
        /// The group's id (line items name it as a `tax_id`).
        @id tax_group_id: TaxId,
        /// Its name.
        tax_group_name: String,
        /// The sum of its taxes' rates, in percent.
        tax_group_percentage: Decimal,
        /// Its taxes.
        taxes: Vec<Tax>,
    }
}
resource!(TaxGroup, "tax_group", "tax_groups");

model! {
    /// A tax group to add or change.
    pub struct TaxGroupInput {
        /// Its name.
        @required tax_group_name: String,
        /// Its taxes' ids, comma-separated.
        @required taxes: String,
    }
}

model! {
    /// A tax authority (US and Canada editions).
    pub struct TaxAuthority {
        /// The authority's id.
        @id tax_authority_id: TaxAuthorityId,
        /// Its name.
        tax_authority_name: String,
        /// A description.
        description: String,
        /// The organization's registration number with it.
        registration_number: String,
        /// The label of that number.
        registration_number_label: String,
    }
}
resource!(TaxAuthority, "tax_authority", "tax_authorities");

model! {
    /// A tax authority to add or change.
    pub struct TaxAuthorityInput {
        /// Its name.
        @required tax_authority_name: String,
        /// A description.
        description: String,
        /// The organization's registration number with it.
        registration_number: String,
        /// The label of that number.
        registration_number_label: String,
    }
}

model! {
    /// A reason a customer or an item is exempt from tax (US edition).
    pub struct TaxExemption {
        /// The exemption's id.
        @id tax_exemption_id: TaxExemptionId,
        /// Its code.
        tax_exemption_code: String,
        /// A description.
        description: String,
        /// `customer` or `item`.
        r#type: String,
    }
}
resource!(TaxExemption, "tax_exemption", "tax_exemptions");

model! {
    /// A tax exemption to add or change.
    pub struct TaxExemptionInput {
        /// Its code.
        @required tax_exemption_code: String,
        /// `customer` or `item`.
        @required r#type: String,
        /// A description.
        description: String,
    }
}
