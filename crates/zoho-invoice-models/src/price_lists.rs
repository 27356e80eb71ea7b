//! Price lists: other prices for the items an organization sells (`/pricebooks`), set item by
//! item or as a percentage up or down from every item's rate.
//!
//! ```
//! use zoho_invoice_models::envelope::Record;
//! use zoho_invoice_models::price_lists::{PriceList, PriceListInput, PriceListType, RoundingType};
//!
//! let answer: Record<PriceList> = serde_json::from_str(r#"{"code": 0, "message": "success",
//!     "pricebook": {"pricebook_id": 1152891000000265000, "name": "Wholesale", "pricebook_type": "per_item",
//!     "pricebook_items": [{"item_id": 982000000030049, "pricebook_rate": 120.50}]}}"#)?;
//! let list = answer.record;
//! assert_eq!(list.pricebook_type, Some(PriceListType::PerItem));
//! assert_eq!(list.pricebook_items.unwrap()[0].pricebook_rate.map(|r| r.to_string()).as_deref(), Some("120.50"));
//!
//! let input = PriceListInput::new("Wholesale", PriceListType::PerItem).rounding_type(RoundingType::NoRounding);
//! assert_eq!(
//!     serde_json::to_value(&input)?,
//!     serde_json::json!({"name": "Wholesale", "pricebook_type": "per_item", "rounding_type": "no_rounding"})
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```

use rust_decimal::Decimal;

use crate::envelope::resource;
use crate::ids::{CurrencyId, ItemId, PriceListId};
use crate::macros::{model, string_enum};

string_enum! {
    /// Whether a price list can be used in new transactions.
    pub enum PriceListStatus {
        /// Offered in transactions.
        Active = "active",
        /// Kept, but not offered in new transactions.
        Inactive = "inactive",
    }
}

string_enum! {
    /// How a price list sets its prices.
    pub enum PriceListType {
        /// Every item's rate is raised or lowered by the same percentage.
        FixedPercentage = "fixed_percentage",
        /// Each item gets its own rate, listed in `pricebook_items`.
        PerItem = "per_item",
    }
}

string_enum! {
    /// How the prices a percentage list computes are rounded.
    pub enum RoundingType {
        /// Prices are kept as computed.
        NoRounding = "no_rounding",
        /// To the whole unit, less one cent (x.99).
        RoundToDollarMinus01 = "round_to_dollar_minus_01",
        /// To the nearest half unit (x.50 or x.00).
        RoundToHalfDollar = "round_to_half_dollar",
        /// To the half unit, less one cent (x.49 or x.99).
        RoundToHalfDollarMinus01 = "round_to_half_dollar_minus_01",
        /// To the nearest whole unit.
        RoundToDollar = "round_to_dollar",
    }
}

model! {
    /// One item's price in a per-item price list.
    pub struct PriceListItem {
        /// The item priced.
        item_id: ItemId,
        /// The item's price in this list.
        pricebook_rate: Decimal,
    }
}

model! {
    /// A price list, as the API returns it.
    pub struct PriceList {
        /// The price list's id.
        @id pricebook_id: PriceListId,
        /// The list's name (at most 100 characters).
        name: String,
        /// What the list is for (at most 2000 characters).
        description: String,
        /// The currency the prices are in.
        currency_id: CurrencyId,
        /// That currency's code (`INR`).
        currency_code: String,
        /// The items and their prices (needed for a `per_item` list).
        pricebook_items: Vec<PriceListItem>,
        /// Whether the list is active.
        status: PriceListStatus,
        /// Whether this is the default list.
        is_default: bool,
        /// Per item, or a fixed percentage.
        pricebook_type: PriceListType,
        /// For a percentage list: `true` marks the rates up, `false` down.
        is_increase: bool,
        /// How computed prices are rounded.
        rounding_type: RoundingType,
        /// Whether the list prices sales or purchases (`sales`).
        sales_or_purchase_type: String,
    }
}
resource!(PriceList, "pricebook", "pricebooks");

model! {
    /// The writable fields of a price list, to create one or update one (`name`,
    /// `pricebook_type`, `is_increase` and `rounding_type` required).
    pub struct PriceListInput {
        /// The list's name (required; at most 100 characters).
        @required name: String,
        /// The currency the prices are in.
        currency_id: CurrencyId,
        /// Per item, or a fixed percentage (required).
        @required pricebook_type: PriceListType,
        /// For a percentage list: `true` marks the rates up, `false` down (required).
        is_increase: bool,
        /// How computed prices are rounded (required).
        rounding_type: RoundingType,
        /// The items and their prices (required for a `per_item` list).
        pricebook_items: Vec<PriceListItem>,
    }
}
