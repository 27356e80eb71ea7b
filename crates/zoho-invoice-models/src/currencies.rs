//! Currencies (`/settings/currencies`): the organization's currencies, which invoices and
//! contacts name by `currency_id`, and their exchange rates. From Zoho Books' OpenAPI
//! document, which Zoho Invoice shares.
//!
//! ```
//! use zoho_invoice_models::currencies::Currency;
//! use zoho_invoice_models::envelope::Page;
//!
//! let page: Page<Currency> = serde_json::from_str(r#"{"code": 0, "message": "success",
//!     "currencies": [{"currency_id": "982000000004012", "currency_code": "EUR",
//!     "currency_symbol": "€", "price_precision": 2, "is_base_currency": false}]}"#)?;
//! assert_eq!(page.records[0].currency_code.as_deref(), Some("EUR"));
//! # Ok::<(), serde_json::Error>(())
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::envelope::resource;
use crate::ids::{CurrencyId, ExchangeRateId};
use crate::macros::{model, string_enum};

model! {
    /// A currency of the organization.
    pub struct Currency {
        /// The currency's id.
        @id currency_id: CurrencyId,
        /// Its code (`EUR`).
        currency_code: String,
        /// Its name (`EUR- Euro`).
        currency_name: String,
        /// Its symbol (`€`).
        currency_symbol: String,
        /// Decimal places of its amounts.
        price_precision: u32,
        /// How its amounts are formatted (`1,234,567.89`).
        currency_format: String,
        /// Whether it is the organization's base currency.
        is_base_currency: bool,
        /// The latest exchange rate to the base currency.
        exchange_rate: Decimal,
        /// The date of that rate.
        effective_date: NaiveDate,
    }
}
resource!(Currency, "currency", "currencies");

model! {
    /// A currency to add, or a currency's new fields (`POST /settings/currencies`,
    /// `PUT /settings/currencies/{currency_id}`).
    pub struct CurrencyInput {
        /// Its code (`EUR`).
        @required currency_code: String,
        /// How its amounts are formatted (`1,234,567.89`).
        @required currency_format: String,
        /// Its symbol (`€`).
        currency_symbol: String,
        /// Decimal places of its amounts.
        price_precision: u32,
    }
}

model! {
    /// An exchange rate of a currency to the base currency, from a day on.
    pub struct ExchangeRate {
        /// The rate's id.
        @id exchange_rate_id: ExchangeRateId,
        /// The currency.
        currency_id: CurrencyId,
        /// The currency's code.
        currency_code: String,
        /// The day the rate applies from.
        effective_date: NaiveDate,
        /// The rate.
        rate: Decimal,
    }
}
resource!(ExchangeRate, "exchange_rate", "exchange_rates");

model! {
    /// An exchange rate to add or change.
    pub struct ExchangeRateInput {
        /// The day the rate applies from.
        @required effective_date: NaiveDate,
        /// The rate.
        @required rate: Decimal,
    }
}

string_enum! {
    /// The `filter_by` values of the currency list.
    pub enum CurrencyFilterBy {
        /// `Currencies.ExcludeBaseCurrency`.
        ExcludeBaseCurrency = "Currencies.ExcludeBaseCurrency",
    }
}

string_enum! {
    /// The values of `sort_column` of the exchange rate list.
    pub enum ExchangeRateSortColumn {
        /// By `effective_date`.
        EffectiveDate = "effective_date",
    }
}
