//! Money: `rust_decimal::Decimal`, decoded exactly from the number's text.
//!
//! JSON numbers such as `0.1` or `1234567.89` are read from their text, never through a
//! binary float, so `0.1` stays `0.1` and the scale is kept (`120.00` encodes back as
//! `120.00`). Amounts sent as strings (`"120.00"`) are accepted; `""`, `" "` and values that are
//! not numbers mean absent.
//!
//! ```
//! use zoho_invoice_models::invoices::Invoice;
//!
//! let invoice: Invoice = serde_json::from_str(r#"{"invoice_id": "1", "total": 1234567.89, "balance": "0.10"}"#)?;
//! assert_eq!(invoice.total.unwrap().to_string(), "1234567.89");
//! assert_eq!(invoice.balance.unwrap().to_string(), "0.10");
//! assert_eq!(serde_json::to_string(&invoice)?, r#"{"invoice_id":"1","total":1234567.89,"balance":0.10}"#);
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

use crate::lenient::{Lenient, non_blank};

/// serde_json hands a value's raw text to a visitor that asks for a newtype struct of this
/// name (its `raw_value` feature), as a one-entry map keyed by the same name. Other
/// deserializers (a buffered `serde` value, for instance) fall back to the value itself.
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";
/// With serde_json's `arbitrary_precision` feature, numbers arrive as a one-entry map keyed
/// by this name whose value is the number's text.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Parses a decimal from plain text: `12`, `-0.10`, `1.5e3`; `None` for anything else.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let t = non_blank(text)?;
    let t = t.strip_prefix('+').unwrap_or(t);
    if t.contains(['e', 'E']) {
        Decimal::from_scientific(t).ok()
    } else {
        Decimal::from_str_exact(t).ok()
    }
}

/// What a JSON number (or a string holding one) is read into, from its exact text.
trait FromNumberText: Sized {
    /// From the text of a JSON number.
    fn from_number(text: &str) -> Option<Self>;
    /// From the contents of a JSON string.
    fn from_string(text: &str) -> Option<Self>;
}

impl FromNumberText for Decimal {
    fn from_number(text: &str) -> Option<Self> {
        parse_decimal(text)
    }
    fn from_string(text: &str) -> Option<Self> {
        parse_decimal(text)
    }
}

/// Reads the raw text of a JSON value: a number, or a string.
fn parse_json_text<T: FromNumberText>(raw: &str) -> Option<T> {
    let raw = raw.trim();
    match raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        Some(inner) if !inner.contains('\\') => T::from_string(inner),
        Some(_) => serde_json::from_str::<String>(raw)
            .ok()
            .as_deref()
            .and_then(T::from_string),
        None => T::from_number(raw),
    }
}

struct DecimalVisitor<T>(std::marker::PhantomData<T>);

/// Reads the text that follows a raw-value or number token.
struct TextSeed<T>(std::marker::PhantomData<T>);

impl<'de, T: FromNumberText> DeserializeSeed<'de> for TextSeed<T> {
    type Value = Option<T>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<T: FromNumberText> Visitor<'_> for TextSeed<T> {
    type Value = Option<T>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the text of a JSON value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(parse_json_text(v))
    }
}

/// Tells whether a map key is one of serde_json's private tokens.
struct TokenKey;

impl<'de> DeserializeSeed<'de> for TokenKey {
    type Value = bool;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for TokenKey {
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        Ok(v == RAW_VALUE_TOKEN || v == NUMBER_TOKEN)
    }
}

impl<'de, T: FromNumberText> Visitor<'de> for DecimalVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal number")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = None;
        if let Some(is_token) = map.next_key_seed(TokenKey)? {
            if is_token {
                out = map.next_value_seed(TextSeed(std::marker::PhantomData))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        }
        Ok(out)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(T::from_string(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(T::from_number(&v.to_string()))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(T::from_number(&v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        // Only reached from deserializers that already turned the text into a float; the
        // shortest text that reads back as the same float is the best guess at the original.
        Ok(v.is_finite()
            .then(|| T::from_number(&v.to_string()))
            .flatten())
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

impl Lenient for Decimal {
    fn decode<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Self>, D::Error> {
        d.deserialize_newtype_struct(RAW_VALUE_TOKEN, DecimalVisitor(std::marker::PhantomData))
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

impl FromNumberText for Discount {
    fn from_number(text: &str) -> Option<Self> {
        parse_decimal(text).map(Self::Amount)
    }
    fn from_string(text: &str) -> Option<Self> {
        match non_blank(text)?.strip_suffix('%') {
            Some(percent) => parse_decimal(percent).map(Self::Percent),
            None => parse_decimal(text).map(Self::Amount),
        }
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
    fn decode<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Self>, D::Error> {
        d.deserialize_newtype_struct(RAW_VALUE_TOKEN, DecimalVisitor(std::marker::PhantomData))
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
