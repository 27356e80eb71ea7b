//! Amounts as the records carry them: in the record's currency (`currency_symbol`,
//! `price_precision`), each with its `*_formatted` twin written as Zoho writes it
//! (`$1,234.50`, `¥1,126`), kept in step by writing both through [`put`].

use serde_json::{Value, json};

use crate::money::{self, Currency};
use crate::resources::defs::CURRENCIES;
use crate::state::{Org, Record, money as json_money, text};

/// The amount fields of invoices, estimates, credit notes, retainer invoices and payments
/// that have a `*_formatted` twin.
pub(crate) const FORMATTED: &[&str] = &[
    "sub_total",
    "tax_total",
    "total",
    "balance",
    "discount_total",
    "shipping_charge",
    "shipping_charge_tax",
    "adjustment",
    "payment_made",
    "credits_applied",
    "write_off_amount",
    "credits_used",
    "refunded_amount",
    "amount",
    "unused_amount",
];

/// The currency of a record, as stored on it (`currency_symbol`, `price_precision`);
/// dollars with cents when it has none.
pub(crate) fn currency_of(rec: &Record) -> Currency {
    let decimals = rec
        .get("price_precision")
        .and_then(Value::as_u64)
        .and_then(|p| u32::try_from(p).ok())
        .unwrap_or(2)
        .min(2);
    Currency {
        symbol: text(rec.get("currency_symbol")).unwrap_or_else(|| "$".into()),
        decimals,
    }
}

/// Stores `cents` in `field`, and its `*_formatted` twin when the field has one.
pub(crate) fn put(rec: &mut Record, field: &str, cents: i64) {
    rec.insert(field.into(), json_money(cents));
    if FORMATTED.contains(&field) {
        let formatted = money::format(cents, &currency_of(rec));
        rec.insert(format!("{field}_formatted"), json!(formatted));
    }
}

/// The currency a record is in: the currency its `currency_id` names, else the one of its
/// `currency_code`, else the organization's own. Answers its code and how it writes amounts.
pub(crate) fn find_currency(org: &Org, rec: &Record) -> (String, Currency) {
    let info = &org.info;
    let by_id = text(rec.get("currency_id")).and_then(|id| org.get(CURRENCIES.table, &id));
    let code = by_id
        .and_then(|c| text(c.get("currency_code")))
        .or_else(|| text(rec.get("currency_code")))
        .or_else(|| text(info.get("currency_code")))
        .unwrap_or_else(|| "USD".into());
    let row = by_id.or_else(|| {
        org.rows(CURRENCIES.table)
            .find(|c| text(c.get("currency_code")).as_deref() == Some(code.as_str()))
    });
    // Currency rows and the organization's record both carry `currency_symbol` and
    // `price_precision`.
    (code, currency_of(row.unwrap_or(info)))
}

/// Stores the record's currency on it (`currency_code`, `currency_symbol`,
/// `price_precision`, the `currency_id` when the organization has it), so that its amounts
/// and their twins are written in it; answers it.
pub(crate) fn set_currency(org: &Org, rec: &mut Record) -> Currency {
    let (code, currency) = find_currency(org, rec);
    let id = org
        .rows(CURRENCIES.table)
        .find(|c| text(c.get("currency_code")).as_deref() == Some(code.as_str()))
        .and_then(|c| text(c.get("currency_id")));
    if let Some(id) = id {
        rec.insert("currency_id".into(), json!(id));
    }
    rec.insert("currency_code".into(), json!(code));
    rec.insert("currency_symbol".into(), json!(currency.symbol));
    rec.insert("price_precision".into(), json!(currency.decimals));
    currency
}
