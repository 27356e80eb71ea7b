//! Items: the goods and services an organization sells (`/items`).
//!
//! ```
//! use zoho_invoice_models::envelope::Record;
//! use zoho_invoice_models::items::{Item, ItemInput, ItemStatus};
//!
//! let answer: Record<Item> = serde_json::from_str(r#"{"code": 0, "message": "The item has been added.",
//!     "item": {"item_id": 903000000045027, "name": "Hard Drive", "status": "active", "rate": 120}}"#)?;
//! assert_eq!(answer.record.status, Some(ItemStatus::Active));
//!
//! let input = ItemInput::new("Hard Drive", 120);
//! assert_eq!(serde_json::to_string(&input)?, r#"{"name":"Hard Drive","rate":120}"#);
//! # Ok::<(), serde_json::Error>(())
//! ```

use rust_decimal::Decimal;

use crate::envelope::resource;
use crate::ids::{ItemId, TaxExemptionId, TaxId};
use crate::macros::{model, string_enum};
use crate::time::Timestamp;

string_enum! {
    /// Whether an item can be used in new transactions.
    pub enum ItemStatus {
        /// Available for transactions.
        Active = "active",
        /// Kept for history, not offered in new transactions.
        Inactive = "inactive",
    }
}

string_enum! {
    /// Whether an item is goods or a service.
    pub enum ProductType {
        /// Goods.
        Goods = "goods",
        /// A service.
        Service = "service",
        /// A digital service (EU VAT).
        DigitalService = "digital_service",
    }
}

model! {
    /// A tax preference of an item (India: intra- or inter-state).
    pub struct ItemTaxPreference {
        /// The tax applied.
        tax_id: TaxId,
        /// `intra` or `inter` state (India).
        tax_specification: String,
    }
}

model! {
    /// An item, as the API returns it.
    pub struct Item {
        /// The item's id.
        @id item_id: ItemId,
        /// The item's name (at most 100 characters).
        name: String,
        /// Whether the item is active.
        status: ItemStatus,
        /// The item's description (at most 2000 characters).
        description: String,
        /// The price of one unit.
        rate: Decimal,
        /// The unit it is measured in.
        unit: String,
        /// The tax associated with the item.
        tax_id: TaxId,
        /// The tax's name.
        tax_name: String,
        /// The tax's percentage, as the API formats it (`70%` or `12.5`).
        tax_percentage: String,
        /// The tax's type.
        tax_type: String,
        /// The stock keeping unit, unique across items.
        sku: String,
        /// Goods or service.
        product_type: ProductType,
        /// The HSN or SAC code (India).
        hsn_or_sac: String,
        /// Whether the item is taxable (India, US and CA editions).
        is_taxable: bool,
        /// The tax exemption applied when it is not taxable.
        tax_exemption_id: TaxExemptionId,
        /// Tax preferences (India).
        item_tax_preferences: Vec<ItemTaxPreference>,
        /// When the record was created (sent by the live service; the reference's examples omit it).
        created_time: Timestamp,
        /// When the record last changed (sent by the live service; the reference's examples omit it).
        last_modified_time: Timestamp,
    }
}
resource!(Item, "item", "items");

model! {
    /// The writable fields of an item, to create one (`name` and `rate` required) or update one.
    pub struct ItemInput {
        /// The item's name (required; at most 100 characters).
        @required name: String,
        /// The price of one unit (required).
        @required rate: Decimal,
        /// The item's description (at most 2000 characters).
        description: String,
        /// The tax associated with the item.
        tax_id: TaxId,
        /// The stock keeping unit, unique across items.
        sku: String,
        /// Goods or service.
        product_type: ProductType,
        /// Whether the item is taxable (India, US and CA editions).
        is_taxable: bool,
        /// The tax exemption applied when it is not taxable (required then).
        tax_exemption_id: TaxExemptionId,
        /// The HSN or SAC code (India).
        hsn_or_sac: String,
        /// Tax preferences (India).
        item_tax_preferences: Vec<ItemTaxPreference>,
        /// Percent of the tax (from Zoho Books' document).
        tax_percentage: rust_decimal::Decimal,
        /// ID of the account to which the item has to be associated with (from Zoho Books' document).
        account_id: crate::ids::AccountId,
        /// Type of the item (from Zoho Books' document).
        item_type: String,
        /// Custom fields for an item (from Zoho Books' document).
        custom_fields: Vec<crate::common::CustomField>,
    }
}

/// The values of `filter_by` in a list's `ItemFilter` (in `zoho-invoice`).
pub type ItemFilterBy = crate::common::ActiveFilterBy;

string_enum! {
    /// The values of `sort_column` in a list's `ItemFilter` (in `zoho-invoice`).
    pub enum ItemSortColumn {
        /// By `name`.
        Name = "name",
        /// By `rate`.
        Rate = "rate",
        /// By `tax_name`.
        TaxName = "tax_name",
        /// By `created_time`.
        CreatedTime = "created_time",
        /// By `last_modified_time`.
        LastModifiedTime = "last_modified_time",
    }
}
