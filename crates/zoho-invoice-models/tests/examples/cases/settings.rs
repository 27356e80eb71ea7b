//! The operations from Zoho Books' OpenAPI documents: users, organizations, currencies,
//! taxes (their examples are built by `tools/oas_examples.py`).

use zoho_invoice_models::currencies::{Currency, ExchangeRate};
use zoho_invoice_models::envelope::{Page, Record, Reply};
use zoho_invoice_models::organizations::Organization;
use zoho_invoice_models::taxes::{Tax, TaxAuthority, TaxExemption, TaxGroup};
use zoho_invoice_models::users::User;

use super::{Case, case};

pub(crate) fn cases() -> Vec<Case> {
    vec![
        case!("users/create_a_user.response.json", Reply),
        case!("users/delete_a_user.response.json", Reply),
        case!("users/get_an_user_details.response.json", Record<User>),
        case!("users/get_current_user.response.json", Record<User>),
        case!("users/invite_a_user.response.json", Reply),
        case!("users/list_users.response.json", Page<User>),
        case!("users/mark_user_as_active.response.json", Reply),
        case!("users/mark_user_as_inactive.response.json", Reply),
        case!("users/update_a_user.response.json", Reply),
        case!(
            "organizations/create_an_organization.response.json",
            Record<Organization>
        ),
        case!(
            "organizations/get_an_organization.response.json",
            Record<Organization>
        ),
        case!(
            "organizations/update_an_organization.response.json",
            Record<Organization>
        ),
        case!("currency/create_a_currency.response.json", Record<Currency>),
        case!(
            "currency/create_an_exchange_rate.response.json",
            Record<ExchangeRate>
        ),
        case!("currency/delete_a_currency.response.json", Reply),
        case!("currency/delete_an_exchage_rate.response.json", Reply),
        case!("currency/get_a_currency.response.json", Record<Currency>),
        case!(
            "currency/get_an_exchange_rate.response.json",
            Record<ExchangeRate>
        ),
        case!("currency/list_currencies.response.json", Page<Currency>),
        case!(
            "currency/list_exchange_rates.response.json",
            Page<ExchangeRate>
        ),
        case!("currency/update_a_currency.response.json", Record<Currency>),
        case!("currency/update_an_exchange_rate.response.json", Reply),
        case!("taxes/create_a_tax.response.json", Record<Tax>),
        case!(
            "taxes/create_a_tax_authority_us_and_ca_edition_only.response.json",
            Record<TaxAuthority>
        ),
        case!(
            "taxes/create_a_tax_exemption_us_edition_only.response.json",
            Record<TaxExemption>
        ),
        case!("taxes/create_a_tax_group.response.json", Record<TaxGroup>),
        case!("taxes/delete_a_tax.response.json", Reply),
        case!(
            "taxes/delete_a_tax_authority_us_and_ca_edition_only.response.json",
            Reply
        ),
        case!(
            "taxes/delete_a_tax_exemption_us_edition_only.response.json",
            Reply
        ),
        case!("taxes/delete_a_tax_group.response.json", Reply),
        case!("taxes/get_a_tax.response.json", Record<Tax>),
        case!(
            "taxes/get_a_tax_authority_us_and_ca_edition_only.response.json",
            Record<TaxAuthority>
        ),
        case!(
            "taxes/get_a_tax_exemption_us_edition_only.response.json",
            Record<TaxExemption>
        ),
        case!("taxes/get_a_tax_group.response.json", Record<TaxGroup>),
        case!(
            "taxes/list_tax_authorities_us_edition_only.response.json",
            Page<TaxAuthority>
        ),
        case!(
            "taxes/list_tax_exemptions_us_edition_only.response.json",
            Page<TaxExemption>
        ),
        case!("taxes/list_taxes.response.json", Page<Tax>),
        case!("taxes/update_a_tax.response.json", Record<Tax>),
        case!(
            "taxes/update_a_tax_authority_us_and_ca_edition_only.response.json",
            Record<TaxAuthority>
        ),
        case!(
            "taxes/update_a_tax_exemption_us_edition_only.response.json",
            Record<TaxExemption>
        ),
        case!("taxes/update_a_tax_group.response.json", Record<TaxGroup>),
    ]
}
