//! Money: `rust_decimal::Decimal`, decoded exactly from the number's text.
//!
//! JSON numbers such as `0.1` or `1234567.89` are read from their text, never through a
//! binary float, so `0.1` stays `0.1` and the scale is kept (`120.00` encodes back as
//! `120.00`). Amounts sent as strings (`"120.00"`) are accepted, and written back as they came
//! until the field is changed; `""`, `" "` and values that are not numbers mean absent.
//!
//! ```
//! use zoho_invoice_models::invoices::Invoice;
//!
//! let mut invoice: Invoice = serde_json::from_str(r#"{"invoice_id": "1", "total": 1234567.89, "balance": "0.10"}"#)?;
//! assert_eq!(invoice.total.unwrap().to_string(), "1234567.89");
//! assert_eq!(invoice.balance.unwrap().to_string(), "0.10");
//! assert_eq!(serde_json::to_string(&invoice)?, r#"{"invoice_id":"1","total":1234567.89,"balance":"0.10"}"#);
//! invoice.balance = Some("0.20".parse().unwrap());
//! assert_eq!(serde_json::to_string(&invoice)?, r#"{"invoice_id":"1","total":1234567.89,"balance":0.20}"#);
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::fmt;

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

use crate::lenient::{Lenient, Reading, non_blank};
use crate::raw::Scalar;

/// Parses a decimal from plain text: `12`, `-0.10`, `1.5e3`; `None` for anything else.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let t = non_blank(text)?;
    let t = t.strip_prefix('+').unwrap_or(t);
    if has_exponent(t) {
        Decimal::from_scientific(t).ok()
    } else {
        Decimal::from_str_exact(t).ok()
    }
}

/// Whether a number's text has an exponent (`1.5e3`).
fn has_exponent(text: &str) -> bool {
    text.bytes().any(|b| b == b'e' || b == b'E')
}

/// Reads the text of a JSON number; exact when the decimal writes the same digits back (not
/// so for an exponent or a negative zero).
fn read_number(text: &str) -> Reading<Decimal> {
    match parse_decimal(text) {
        Some(d) => {
            let unusual = has_exponent(text) || (d.is_zero() && text.starts_with('-'));
            Reading::new(d, !unusual || d.to_string() == text)
        }
        None => Reading::inexact(None),
    }
}

impl Lenient for Decimal {
    /// A number, read from its digits; also a number in a string (not written back so).
    fn read_json(raw: &str) -> Reading<Self> {
        match Scalar::of(raw) {
            Scalar::Number(text) => read_number(text),
            Scalar::Text(text) => Reading::inexact(parse_decimal(&text)),
            _ => Reading::inexact(None),
        }
    }

    /// Writes a JSON number with the decimal's exact digits and scale.
    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let raw = RawValue::from_string(self.to_string()).map_err(serde::ser::Error::custom)?;
        raw.serialize(s)
    }
}

/// A discount as Zoho writes it: a percentage (the string `"12.5%"`) or an amount (the
/// number `12.5`). Read leniently (a number in a string is an amount); written back the same
/// way, with the decimal's exact digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Discount {
    /// A percentage of the price: `Percent(12.5)` is `"12.5%"`.
    Percent(Decimal),
    /// An amount off the price.
    Amount(Decimal),
}

impl Discount {
    /// A percentage of the price.
    pub fn percent(value: impl Into<Decimal>) -> Self {
        Self::Percent(value.into())
    }

    /// An amount off the price.
    pub fn amount(value: impl Into<Decimal>) -> Self {
        Self::Amount(value.into())
    }
}

impl fmt::Display for Discount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Percent(p) => write!(f, "{p}%"),
            Self::Amount(a) => write!(f, "{a}"),
        }
    }
}

impl Lenient for Discount {
    /// A number is an amount; a string ending in `%` a percentage; a number in a string an
    /// amount (not written back so).
    fn read_json(raw: &str) -> Reading<Self> {
        match Scalar::of(raw) {
            Scalar::Number(text) => read_number(text).map(Self::Amount),
            Scalar::Text(text) => match non_blank(&text).and_then(|t| t.strip_suffix('%')) {
                Some(percent) => match parse_decimal(percent) {
                    Some(p) => Reading::new(Self::Percent(p), format!("{p}%") == *text),
                    None => Reading::inexact(None),
                },
                None => Reading::inexact(parse_decimal(&text).map(Self::Amount)),
            },
            _ => Reading::inexact(None),
        }
    }

    /// A percentage as the string `"12.5%"`, an amount as a number with its exact digits.
    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Percent(p) => s.serialize_str(&format!("{p}%")),
            Self::Amount(a) => a.encode(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Serialize, Debug)]
    struct Amount {
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::lenient"
        )]
        v: Option<Decimal>,
    }

    fn decode(json: &str) -> Option<Decimal> {
        serde_json::from_str::<Amount>(json).expect("valid JSON").v
    }

    #[test]
    fn numbers_are_read_from_their_text() {
        assert_eq!(decode(r#"{"v": 0.1}"#).unwrap().to_string(), "0.1");
        assert_eq!(
            decode(r#"{"v": 1234567.89}"#).unwrap().to_string(),
            "1234567.89"
        );
        assert_eq!(decode(r#"{"v": 120.00}"#).unwrap().to_string(), "120.00");
        assert_eq!(decode(r#"{"v": -5}"#).unwrap().to_string(), "-5");
        // More digits than a float holds.
        assert_eq!(
            decode(r#"{"v": 12345678901234567.891}"#)
                .unwrap()
                .to_string(),
            "12345678901234567.891"
        );
        assert_eq!(decode(r#"{"v": 1.5e3}"#).unwrap(), Decimal::from(1500));
    }

    #[test]
    fn strings_holding_numbers_are_accepted_and_blank_is_absent() {
        assert_eq!(decode(r#"{"v": "120.50"}"#).unwrap().to_string(), "120.50");
        assert_eq!(decode(r#"{"v": " 7 "}"#).unwrap().to_string(), "7");
        assert_eq!(decode(r#"{"v": ""}"#), None);
        assert_eq!(decode(r#"{"v": " "}"#), None);
        assert_eq!(decode(r#"{"v": null}"#), None);
        assert_eq!(decode(r#"{}"#), None);
    }

    #[test]
    fn odd_values_are_absent_not_errors() {
        for odd in [
            r#""INV-00003""#,
            "true",
            "[1, 2]",
            r#"{"a": 1}"#,
            r#""1e999""#,
        ] {
            assert_eq!(decode(&format!(r#"{{"v": {odd}}}"#)), None, "{odd}");
        }
    }

    #[test]
    fn encodes_as_a_number_with_the_same_digits() {
        let a: Amount = serde_json::from_str(r#"{"v": 0.10}"#).unwrap();
        assert_eq!(serde_json::to_string(&a).unwrap(), r#"{"v":0.10}"#);
    }

    #[test]
    fn works_through_serde_json_value_and_buffered_content() {
        let from_value: Amount = serde_json::from_value(serde_json::json!({"v": 2.5})).unwrap();
        assert_eq!(from_value.v.unwrap().to_string(), "2.5");

        // Flattening makes serde buffer the value before this decoder sees it.
        #[derive(Deserialize)]
        struct Outer {
            #[serde(flatten)]
            inner: Amount,
        }
        let outer: Outer = serde_json::from_str(r#"{"v": 19.99}"#).unwrap();
        assert_eq!(outer.inner.v.unwrap().to_string(), "19.99");
    }

    #[derive(Deserialize, Serialize, Debug)]
    struct Line {
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::lenient"
        )]
        discount: Option<Discount>,
    }

    #[test]
    fn a_discount_is_a_percentage_or_an_amount_and_goes_back_as_it_came() {
        let dec = |t: &str| t.parse::<Decimal>().unwrap();
        for (json, read, written) in [
            (
                r#"{"discount": "12.5%"}"#,
                Some(Discount::Percent(dec("12.5"))),
                r#"{"discount":"12.5%"}"#,
            ),
            (
                r#"{"discount": 10}"#,
                Some(Discount::Amount(dec("10"))),
                r#"{"discount":10}"#,
            ),
            (
                r#"{"discount": 0.10}"#,
                Some(Discount::Amount(dec("0.10"))),
                r#"{"discount":0.10}"#,
            ),
            (
                r#"{"discount": "7.50"}"#,
                Some(Discount::Amount(dec("7.50"))),
                r#"{"discount":7.50}"#,
            ),
            (r#"{"discount": ""}"#, None, "{}"),
            (r#"{"discount": "%"}"#, None, "{}"),
        ] {
            let line: Line = serde_json::from_str(json).expect("decodes");
            assert_eq!(line.discount, read, "{json}");
            assert_eq!(serde_json::to_string(&line).unwrap(), written, "{json}");
        }
        assert_eq!(Discount::percent(15).to_string(), "15%");
        assert_eq!(Discount::amount(dec("2.5")).to_string(), "2.5");
    }
}
