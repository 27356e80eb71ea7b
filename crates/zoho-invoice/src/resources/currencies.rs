//! Currencies (`/settings/currencies`): the organization's currencies, which invoices and
//! contacts name by `currency_id`, and their exchange rates. From Zoho Books' OpenAPI
//! document, which Zoho Invoice shares.
//!
//! ```
//! use zoho_invoice::Client;
//! use zoho_invoice::models::currencies::CurrencyFilterBy;
//! use zoho_invoice_transport::{ApiRequest, ApiResponse, Transport};
//!
//! // A hand-written transport standing in for the network.
//! struct Canned;
//!
//! #[async_trait::async_trait]
//! impl Transport for Canned {
//!     async fn send(&self, request: ApiRequest) -> Result<ApiResponse, zoho_invoice_transport::Error> {
//!         assert_eq!(request.uri().query(), Some("filter_by=Currencies.ExcludeBaseCurrency"));
//!         Ok(ApiResponse::json_ok(r#"{"code": 0, "message": "success", "currencies": [
//!             {"currency_id": "982000000004012", "currency_code": "EUR", "is_base_currency": false}]}"#))
//!     }
//! }
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let client = Client::new(Canned);
//! let page = client.currencies().list().filter_by(CurrencyFilterBy::ExcludeBaseCurrency).await?;
//! assert_eq!(page.records[0].currency_code.as_deref(), Some("EUR"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # }).unwrap();
//! ```

use zoho_invoice_models::NaiveDate;
use zoho_invoice_models::currencies::{
    Currency, CurrencyFilterBy, CurrencyInput, ExchangeRate, ExchangeRateInput,
    ExchangeRateSortColumn,
};
use zoho_invoice_models::envelope::{Page, Record, Reply};
use zoho_invoice_models::ids::{CurrencyId, ExchangeRateId};

use crate::macros::{handle, list_filter, resource, whole_list};

resource! {
handle! {
    /// The organization's currencies and their exchange rates.
    Currencies = currencies
}

list_filter! {
    /// Filters of [`ListCurrencies`].
    pub struct CurrencyFilter for ListCurrencies.filter {
        /// Leave out the base currency (`Currencies.ExcludeBaseCurrency`).
        value filter_by: CurrencyFilterBy,
    }
}

operation! {
    /// Adds a currency (`POST /settings/currencies`).
    pub struct CreateCurrency = ("Currency", "Create a Currency", POST "/settings/currencies") -> Record<Currency> as Currencies.create {
        /// The currency (`currency_code` and `currency_format` required).
        body currency: CurrencyInput,
    }
}

operation! {
    /// Lists the currencies (`GET /settings/currencies`).
    pub struct ListCurrencies = ("Currency", "List Currencies", GET "/settings/currencies") -> Page<Currency> as Currencies.list {
        /// Filters and paging.
        list filter: CurrencyFilter,
    }
}

operation! {
    /// Updates a currency (`PUT /settings/currencies/{currency_id}`).
    pub struct UpdateCurrency = ("Currency", "Update a Currency", PUT "/settings/currencies/{currency_id}") -> Record<Currency> as Currencies.update {
        /// The currency.
        path currency_id: CurrencyId,
        /// Its new fields.
        body currency: CurrencyInput,
    }
}

operation! {
    /// Gets a currency (`GET /settings/currencies/{currency_id}`).
    pub struct GetCurrency = ("Currency", "Get a Currency", GET "/settings/currencies/{currency_id}") -> Record<Currency> as Currencies.get {
        /// The currency.
        path currency_id: CurrencyId,
    }
}

operation! {
    /// Deletes a currency (`DELETE /settings/currencies/{currency_id}`).
    pub struct DeleteCurrency = ("Currency", "Delete a currency", DELETE "/settings/currencies/{currency_id}") -> Reply as Currencies.delete {
        /// The currency.
        path currency_id: CurrencyId,
    }
}

/// The query of [`ListExchangeRates`]: from which day, only today's, the sort column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExchangeRateFilter {
    /// Rates from this day on (`from_date`).
    pub from_date: Option<NaiveDate>,
    /// Only the rate of today (`is_current_date`).
    pub is_current_date: Option<bool>,
    /// The column to sort by.
    pub sort_column: Option<ExchangeRateSortColumn>,
}

impl crate::query::ToQuery for ExchangeRateFilter {
    fn to_query(&self, query: &mut crate::query::Query) -> Result<(), crate::Error> {
        query.push_some("from_date", self.from_date.as_ref());
        query.push_some("is_current_date", self.is_current_date.as_ref());
        query.push_some("sort_column", self.sort_column.as_ref());
        Ok(())
    }
}

crate::macros::setters!(@one ListExchangeRates filter
    /// Rates from this day on (`from_date`).
    from_date: NaiveDate,
    /// Only the rate of today (`is_current_date`).
    is_current_date: bool,
    /// The column to sort by.
    sort_column: ExchangeRateSortColumn,
);

operation! {
    /// Lists a currency's exchange rates (`GET /settings/currencies/{currency_id}/exchangerates`).
    pub struct ListExchangeRates = ("Currency", "List exchange rates", GET "/settings/currencies/{currency_id}/exchangerates") -> Page<ExchangeRate> as Currencies.list_exchange_rates {
        /// The currency.
        path currency_id: CurrencyId,
        /// From which day, only today's, the sort column.
        option filter: ExchangeRateFilter,
    }
}

whole_list!(ListExchangeRates);

operation! {
    /// Adds an exchange rate (`POST /settings/currencies/{currency_id}/exchangerates`).
    pub struct CreateExchangeRate = ("Currency", "Create an exchange rate", POST "/settings/currencies/{currency_id}/exchangerates") -> Record<ExchangeRate> as Currencies.create_exchange_rate {
        /// The currency.
        path currency_id: CurrencyId,
        /// The rate and the day it applies from.
        body rate: ExchangeRateInput,
    }
}

operation! {
    /// Gets an exchange rate
    /// (`GET /settings/currencies/{currency_id}/exchangerates/{exchange_rate_id}`).
    pub struct GetExchangeRate = ("Currency", "Get an exchange rate.", GET "/settings/currencies/{currency_id}/exchangerates/{exchange_rate_id}") -> Record<ExchangeRate> as Currencies.get_exchange_rate {
        /// The currency.
        path currency_id: CurrencyId,
        /// The rate.
        path exchange_rate_id: ExchangeRateId,
    }
}

operation! {
    /// Updates an exchange rate
    /// (`PUT /settings/currencies/{currency_id}/exchangerates/{exchange_rate_id}`).
    pub struct UpdateExchangeRate = ("Currency", "Update an exchange rate", PUT "/settings/currencies/{currency_id}/exchangerates/{exchange_rate_id}") -> Reply as Currencies.update_exchange_rate {
        /// The currency.
        path currency_id: CurrencyId,
        /// The rate.
        path exchange_rate_id: ExchangeRateId,
        /// The new rate and day.
        body rate: ExchangeRateInput,
    }
}

operation! {
    /// Deletes an exchange rate
    /// (`DELETE /settings/currencies/{currency_id}/exchangerates/{exchange_rate_id}`).
    pub struct DeleteExchangeRate = ("Currency", "Delete an exchage rate", DELETE "/settings/currencies/{currency_id}/exchangerates/{exchange_rate_id}") -> Reply as Currencies.delete_exchange_rate {
        /// The currency.
        path currency_id: CurrencyId,
        /// The rate.
        path exchange_rate_id: ExchangeRateId,
    }
}
}
