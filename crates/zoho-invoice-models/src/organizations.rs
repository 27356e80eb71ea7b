//! Organizations: the businesses a Zoho account runs (`/organizations`). Every other call
//! names one with its `organization_id`.
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
    }
}
resource!(Organization, "organization", "organizations");
