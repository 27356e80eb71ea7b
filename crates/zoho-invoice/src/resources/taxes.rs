//! Taxes (`/settings/taxes`, `/settings/taxgroups`): the taxes line items name by `tax_id`,
//! groups of them, and (US and Canada editions) tax authorities and exemptions. From Zoho
//! Books' OpenAPI document, which Zoho Invoice shares.
//!
//! ```
//! use zoho_invoice::Client;
//! use zoho_invoice::models::taxes::TaxInput;
//! use zoho_invoice_transport::{ApiRequest, ApiResponse, Transport};
//!
//! // A hand-written transport standing in for the network.
//! struct Canned;
//!
//! #[async_trait::async_trait]
//! impl Transport for Canned {
//!     async fn send(&self, request: ApiRequest) -> Result<ApiResponse, zoho_invoice_transport::Error> {
//!         assert_eq!(request.path(), "/settings/taxes");
//!         Ok(ApiResponse::json_ok(r#"{"code": 0, "message": "The tax has been added.",
//!             "tax": {"tax_id": "982000000566009", "tax_name": "VAT", "tax_percentage": 12.5}}"#))
//!     }
//! }
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let client = Client::new(Canned);
//! let vat = client.taxes().create(TaxInput::new("VAT", zoho_invoice::models::Decimal::new(125, 1))).await?;
//! assert_eq!(vat.tax_id.as_str(), "982000000566009");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # }).unwrap();
//! ```

use zoho_invoice_models::envelope::{Page, Record, Reply};
use zoho_invoice_models::ids::{TaxAuthorityId, TaxExemptionId, TaxId};
use zoho_invoice_models::taxes::{
    Tax, TaxAuthority, TaxAuthorityInput, TaxExemption, TaxExemptionInput, TaxGroup, TaxGroupInput,
    TaxInput,
};

use crate::macros::{handle, list_filter, resource, whole_list};

resource! {
handle! {
    /// Taxes, tax groups, tax authorities and tax exemptions.
    Taxes = taxes
}

list_filter! {
    /// Paging of [`ListTaxes`].
    pub struct TaxFilter for ListTaxes.filter {}
}

operation! {
    /// Adds a tax (`POST /settings/taxes`).
    pub struct CreateTax = ("Taxes", "Create a tax", POST "/settings/taxes") -> Record<Tax> as Taxes.create {
        /// The tax (`tax_name` and `tax_percentage` required).
        body tax: TaxInput,
    }
}

operation! {
    /// Lists the taxes, a page at a time (`GET /settings/taxes`).
    pub struct ListTaxes = ("Taxes", "List taxes", GET "/settings/taxes") -> Page<Tax> as Taxes.list {
        /// Paging.
        list filter: TaxFilter,
    }
}

operation! {
    /// Updates a tax (`PUT /settings/taxes/{tax_id}`).
    pub struct UpdateTax = ("Taxes", "Update a tax", PUT "/settings/taxes/{tax_id}") -> Record<Tax> as Taxes.update {
        /// The tax.
        path tax_id: TaxId,
        /// Its new fields.
        body tax: TaxInput,
    }
}

operation! {
    /// Gets a tax (`GET /settings/taxes/{tax_id}`).
    pub struct GetTax = ("Taxes", "Get a tax", GET "/settings/taxes/{tax_id}") -> Record<Tax> as Taxes.get {
        /// The tax.
        path tax_id: TaxId,
    }
}

operation! {
    /// Deletes a tax (`DELETE /settings/taxes/{tax_id}`).
    pub struct DeleteTax = ("Taxes", "Delete a tax", DELETE "/settings/taxes/{tax_id}") -> Reply as Taxes.delete {
        /// The tax.
        path tax_id: TaxId,
    }
}

operation! {
    /// Gets a tax group (`GET /settings/taxgroups/{tax_group_id}`).
    pub struct GetTaxGroup = ("Taxes", "Get a tax group", GET "/settings/taxgroups/{tax_group_id}") -> Record<TaxGroup> as Taxes.get_group {
        /// The group.
        path tax_group_id: TaxId,
    }
}

operation! {
    /// Updates a tax group (`PUT /settings/taxgroups/{tax_group_id}`).
    pub struct UpdateTaxGroup = ("Taxes", "Update a tax group", PUT "/settings/taxgroups/{tax_group_id}") -> Record<TaxGroup> as Taxes.update_group {
        /// The group.
        path tax_group_id: TaxId,
        /// Its new name and taxes.
        body group: TaxGroupInput,
    }
}

operation! {
    /// Deletes a tax group (`DELETE /settings/taxgroups/{tax_group_id}`).
    pub struct DeleteTaxGroup = ("Taxes", "Delete a tax group", DELETE "/settings/taxgroups/{tax_group_id}") -> Reply as Taxes.delete_group {
        /// The group.
        path tax_group_id: TaxId,
    }
}

operation! {
    /// Adds a tax group (`POST /settings/taxgroups`).
    pub struct CreateTaxGroup = ("Taxes", "Create a tax group", POST "/settings/taxgroups") -> Record<TaxGroup> as Taxes.create_group {
        /// Its name and taxes.
        body group: TaxGroupInput,
    }
}

operation! {
    /// Adds a tax authority, US and Canada editions (`POST /settings/taxauthorities`).
    pub struct CreateTaxAuthority = ("Taxes", "Create a tax authority [US and CA Edition only]", POST "/settings/taxauthorities") -> Record<TaxAuthority> as Taxes.create_authority {
        /// The authority (`tax_authority_name` required).
        body authority: TaxAuthorityInput,
    }
}

operation! {
    /// Lists the tax authorities, US edition (`GET /settings/taxauthorities`).
    pub struct ListTaxAuthorities = ("Taxes", "List tax authorities [US Edition only]", GET "/settings/taxauthorities") -> Page<TaxAuthority> as Taxes.list_authorities {
    }
}

operation! {
    /// Updates a tax authority (`PUT /settings/taxauthorities/{tax_authority_id}`).
    pub struct UpdateTaxAuthority = ("Taxes", "Update a tax authority [US and CA Edition only]", PUT "/settings/taxauthorities/{tax_authority_id}") -> Record<TaxAuthority> as Taxes.update_authority {
        /// The authority.
        path tax_authority_id: TaxAuthorityId,
        /// Its new fields.
        body authority: TaxAuthorityInput,
    }
}

operation! {
    /// Gets a tax authority (`GET /settings/taxauthorities/{tax_authority_id}`).
    pub struct GetTaxAuthority = ("Taxes", "Get a tax authority [US and CA Edition only]", GET "/settings/taxauthorities/{tax_authority_id}") -> Record<TaxAuthority> as Taxes.get_authority {
        /// The authority.
        path tax_authority_id: TaxAuthorityId,
    }
}

operation! {
    /// Deletes a tax authority (`DELETE /settings/taxauthorities/{tax_authority_id}`).
    pub struct DeleteTaxAuthority = ("Taxes", "Delete a tax authority [US and CA Edition only]", DELETE "/settings/taxauthorities/{tax_authority_id}") -> Reply as Taxes.delete_authority {
        /// The authority.
        path tax_authority_id: TaxAuthorityId,
    }
}

operation! {
    /// Adds a tax exemption, US edition (`POST /settings/taxexemptions`).
    pub struct CreateTaxExemption = ("Taxes", "Create a tax exemption [US Edition only]", POST "/settings/taxexemptions") -> Record<TaxExemption> as Taxes.create_exemption {
        /// The exemption (`tax_exemption_code` and `type` required).
        body exemption: TaxExemptionInput,
    }
}

operation! {
    /// Lists the tax exemptions, US edition (`GET /settings/taxexemptions`).
    pub struct ListTaxExemptions = ("Taxes", "List tax exemptions [US Edition only]", GET "/settings/taxexemptions") -> Page<TaxExemption> as Taxes.list_exemptions {
    }
}

operation! {
    /// Updates a tax exemption (`PUT /settings/taxexemptions/{tax_exemption_id}`).
    pub struct UpdateTaxExemption = ("Taxes", "Update a tax exemption [US Edition only]", PUT "/settings/taxexemptions/{tax_exemption_id}") -> Record<TaxExemption> as Taxes.update_exemption {
        /// The exemption.
        path tax_exemption_id: TaxExemptionId,
        /// Its new fields.
        body exemption: TaxExemptionInput,
    }
}

operation! {
    /// Gets a tax exemption (`GET /settings/taxexemptions/{tax_exemption_id}`).
    pub struct GetTaxExemption = ("Taxes", "Get a tax exemption [US Edition only]", GET "/settings/taxexemptions/{tax_exemption_id}") -> Record<TaxExemption> as Taxes.get_exemption {
        /// The exemption.
        path tax_exemption_id: TaxExemptionId,
    }
}

operation! {
    /// Deletes a tax exemption (`DELETE /settings/taxexemptions/{tax_exemption_id}`).
    pub struct DeleteTaxExemption = ("Taxes", "Delete a tax exemption [US Edition only]", DELETE "/settings/taxexemptions/{tax_exemption_id}") -> Reply as Taxes.delete_exemption {
        /// The exemption.
        path tax_exemption_id: TaxExemptionId,
    }
}

whole_list!(ListTaxAuthorities, ListTaxExemptions);
}
