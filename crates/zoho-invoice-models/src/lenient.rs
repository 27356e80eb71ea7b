//! Lenient decoding of Zoho's loosely typed JSON.
//!
//! The live service sends `""` or `" "` where a number, date, id or array belongs, numbers and
//! booleans as strings, and now and then a value of an unexpected kind. Every field of every
//! model in this crate is an `Option` decoded through [`Lenient`]: a value that fits becomes
//! `Some`, an empty or unusable one becomes `None`, and no single odd field can fail the record
//! or the page around it. Encoding writes each value back in its canonical form.
//!
//! Use the module in your own types with
//! `#[serde(default, skip_serializing_if = "Option::is_none", with = "zoho_invoice_models::lenient")]`
//! on an `Option<T>` field:
//!
//! ```
//! use rust_decimal::Decimal;
//! use serde::Deserialize;
//!
//! #[derive(Deserialize)]
//! struct Row {
//!     #[serde(default, with = "zoho_invoice_models::lenient")]
//!     amount: Option<Decimal>,
//!     #[serde(default, with = "zoho_invoice_models::lenient")]
//!     paid: Option<bool>,
//! }
//!
//! let row: Row = serde_json::from_str(r#"{"amount": " ", "paid": "true"}"#)?;
//! assert_eq!(row.amount, None);
//! assert_eq!(row.paid, Some(true));
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

/// A type that can be decoded leniently from any JSON value and encoded back canonically.
pub trait Lenient: Sized {
    /// Decodes one value: `Ok(None)` for an absent, empty or unusable value; `Err` only when
    /// the input is not JSON at all.
    fn decode<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Self>, D::Error>;

    /// Encodes the value in the form the API uses.
    fn encode<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;

    /// Whether the value is a model with none of its named fields and some unnamed ones: the
    /// sign of data sent under a key the model does not name (a list, any of its elements).
    fn is_hollow(&self) -> bool {
        false
    }
}

/// Whether every field `model` encodes is one of its `extra` fields, and it has some.
pub(crate) fn is_hollow<T: Serialize>(
    model: &T,
    extra: &serde_json::Map<String, serde_json::Value>,
) -> bool {
    !extra.is_empty()
        && serde_json::to_value(model)
            .ok()
            .and_then(|value| {
                value
                    .as_object()
                    .map(|fields| fields.keys().all(|k| extra.contains_key(k)))
            })
            .unwrap_or(false)
}

/// Decodes an `Option<T>` field leniently (for `#[serde(with = "...")]`).
pub fn deserialize<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Lenient,
{
    T::decode(deserializer)
}

/// For a field that must be there (a record's own id): decoded as leniently as the others, but
/// blank is an error, and so (serde's doing) is a missing field.
pub mod present {
    use serde::de::Error as _;
    use serde::{Deserializer, Serializer};

    use super::Lenient;

    /// Decodes the value; blank is an error.
    pub fn deserialize<'de, D, T>(deserializer: D) -> Result<T, D::Error>
    where
        D: Deserializer<'de>,
        T: Lenient,
    {
        T::decode(deserializer)?.ok_or_else(|| {
            D::Error::custom("a value is required here, and it is blank or unreadable")
        })
    }

    /// Encodes the value.
    pub fn serialize<S, T>(value: &T, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: Serializer,
        T: Lenient,
    {
        value.encode(serializer)
    }
}

/// Encodes an `Option<T>` field (for `#[serde(with = "...")]`); pair it with
/// `skip_serializing_if = "Option::is_none"` so absent values are left out.
pub fn serialize<S, T>(value: &Option<T>, serializer: S) -> Result<S::Ok, S::Error>
where
    S: Serializer,
    T: Lenient,
{
    match value {
        Some(v) => v.encode(serializer),
        None => serializer.serialize_none(),
    }
}

/// Wraps a reference so that `serde` encodes it through [`Lenient::encode`].
pub(crate) struct Encoded<'a, T>(pub(crate) &'a T);

impl<T: Lenient> Serialize for Encoded<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.encode(serializer)
    }
}

/// Wraps a type so that `serde` decodes it through [`Lenient::decode`].
struct Decoded<T>(PhantomData<T>);

impl<'de, T: Lenient> DeserializeSeed<'de> for Decoded<T> {
    type Value = Option<T>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        T::decode(deserializer)
    }
}

/// Conversions from one JSON scalar; each returns `None` for a value it cannot use.
pub(crate) trait FromScalar: Sized {
    fn from_text(_text: &str) -> Option<Self> {
        None
    }
    fn from_u64(_value: u64) -> Option<Self> {
        None
    }
    fn from_i64(value: i64) -> Option<Self> {
        u64::try_from(value).ok().and_then(Self::from_u64)
    }
    fn from_f64(_value: f64) -> Option<Self> {
        None
    }
    fn from_bool(_value: bool) -> Option<Self> {
        None
    }
}

/// Accepts any JSON value and hands scalars to [`FromScalar`]; arrays and objects, which no
/// scalar field can use, are skipped whole.
pub(crate) struct ScalarVisitor<T>(pub(crate) PhantomData<T>);

impl<'de, T: FromScalar> Visitor<'de> for ScalarVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<T>, E> {
        Ok(T::from_text(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<T>, E> {
        Ok(T::from_u64(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Option<T>, E> {
        Ok(T::from_i64(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Option<T>, E> {
        Ok(T::from_f64(v))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Option<T>, E> {
        Ok(T::from_bool(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<T>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<T>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

/// Trims the text; `None` when nothing is left.
pub(crate) fn non_blank(text: &str) -> Option<&str> {
    let t = text.trim();
    (!t.is_empty()).then_some(t)
}

/// Implements [`Lenient`] for a type through [`FromScalar`] and its own `Serialize`.
macro_rules! lenient_scalar {
    ($($ty:ty),* $(,)?) => {$(
        impl $crate::lenient::Lenient for $ty {
            fn decode<'de, D: ::serde::Deserializer<'de>>(d: D) -> Result<Option<Self>, D::Error> {
                d.deserialize_any($crate::lenient::ScalarVisitor::<$ty>(::std::marker::PhantomData))
            }
            fn encode<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                ::serde::Serialize::serialize(self, s)
            }
        }
    )*};
}
pub(crate) use lenient_scalar;

impl FromScalar for String {
    /// Strings are kept as sent, blank ones included: `""` is a real value for a text field.
    fn from_text(text: &str) -> Option<Self> {
        Some(text.to_owned())
    }
    fn from_u64(value: u64) -> Option<Self> {
        Some(value.to_string())
    }
    fn from_i64(value: i64) -> Option<Self> {
        Some(value.to_string())
    }
    fn from_f64(value: f64) -> Option<Self> {
        Some(value.to_string())
    }
    fn from_bool(value: bool) -> Option<Self> {
        Some(value.to_string())
    }
}

impl FromScalar for bool {
    fn from_text(text: &str) -> Option<Self> {
        match non_blank(text)?.to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" => Some(true),
            "false" | "no" | "0" => Some(false),
            _ => None,
        }
    }
    fn from_u64(value: u64) -> Option<Self> {
        match value {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
    fn from_bool(value: bool) -> Option<Self> {
        Some(value)
    }
}

macro_rules! integer_from_scalar {
    ($($ty:ty),*) => {$(
        impl FromScalar for $ty {
            fn from_text(text: &str) -> Option<Self> {
                non_blank(text)?.parse().ok()
            }
            fn from_u64(value: u64) -> Option<Self> {
                <$ty>::try_from(value).ok()
            }
            fn from_i64(value: i64) -> Option<Self> {
                <$ty>::try_from(value).ok()
            }
            fn from_f64(value: f64) -> Option<Self> {
                // Only a whole number that fits is taken; 2.5 is not a count.
                let whole = value.fract() == 0.0 && value >= <$ty>::MIN as f64 && value <= <$ty>::MAX as f64;
                whole.then(|| value as $ty)
            }
        }
    )*};
}
integer_from_scalar!(i32, i64, u32, u64);

impl FromScalar for f64 {
    fn from_text(text: &str) -> Option<Self> {
        non_blank(text)?
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite())
    }
    fn from_u64(value: u64) -> Option<Self> {
        Some(value as f64)
    }
    fn from_i64(value: i64) -> Option<Self> {
        Some(value as f64)
    }
    fn from_f64(value: f64) -> Option<Self> {
        Some(value)
    }
}

lenient_scalar!(String, bool, i32, i64, u32, u64, f64);

/// Untyped values are taken as they come.
impl Lenient for serde_json::Value {
    fn decode<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Self>, D::Error> {
        Option::<serde_json::Value>::deserialize(d)
    }
    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.serialize(s)
    }
}

/// The `Visitor` methods of a container decoder that take every scalar (and null) as absent.
macro_rules! scalars_are_absent {
    () => {
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(None)
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
    };
}

/// Lists: `""` or any other non-array means absent; an element that cannot be used is
/// skipped, the rest are kept.
impl<T: Lenient> Lenient for Vec<T> {
    fn decode<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Self>, D::Error> {
        struct ListVisitor<T>(PhantomData<T>);
        impl<'de, T: Lenient> Visitor<'de> for ListVisitor<T> {
            type Value = Option<Vec<T>>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(256));
                while let Some(item) = seq.next_element_seed(Decoded::<T>(PhantomData))? {
                    out.extend(item);
                }
                Ok(Some(out))
            }
            scalars_are_absent!();
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(None)
            }
        }
        d.deserialize_any(ListVisitor(PhantomData))
    }

    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for item in self {
            seq.serialize_element(&Encoded(item))?;
        }
        seq.end()
    }

    fn is_hollow(&self) -> bool {
        self.iter().any(Lenient::is_hollow)
    }
}

/// Decodes an object into a model; any other value means absent.
pub(crate) fn decode_object<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct ObjectVisitor<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
        type Value = Option<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Some)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(None)
        }
        scalars_are_absent!();
    }
    d.deserialize_any(ObjectVisitor(PhantomData))
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};
    use serde_json::json;

    use crate::items::{Item, ItemStatus, ItemTaxPreference};

    #[derive(Debug, Default, Deserialize, Serialize)]
    struct Row {
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::lenient"
        )]
        text: Option<String>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::lenient"
        )]
        flag: Option<bool>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::lenient"
        )]
        count: Option<u32>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::lenient"
        )]
        big: Option<i64>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::lenient"
        )]
        ratio: Option<f64>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::lenient"
        )]
        list: Option<Vec<u32>>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::lenient"
        )]
        nested: Option<ItemTaxPreference>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::lenient"
        )]
        status: Option<ItemStatus>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::lenient"
        )]
        any: Option<serde_json::Value>,
    }

    fn row(v: serde_json::Value) -> Row {
        serde_json::from_value(v).expect("a lenient row always decodes")
    }

    #[test]
    fn strings_keep_blank_values_and_take_scalars_as_text() {
        assert_eq!(row(json!({"text": ""})).text.as_deref(), Some(""));
        assert_eq!(row(json!({"text": " "})).text.as_deref(), Some(" "));
        assert_eq!(row(json!({"text": 94588})).text.as_deref(), Some("94588"));
        assert_eq!(row(json!({"text": true})).text.as_deref(), Some("true"));
        assert_eq!(row(json!({"text": [1]})).text, None);
        assert_eq!(row(json!({"text": null})).text, None);
    }

    #[test]
    fn booleans_accept_strings_and_zero_or_one() {
        assert_eq!(row(json!({"flag": "true"})).flag, Some(true));
        assert_eq!(row(json!({"flag": "FALSE"})).flag, Some(false));
        assert_eq!(row(json!({"flag": 1})).flag, Some(true));
        assert_eq!(row(json!({"flag": 0})).flag, Some(false));
        assert_eq!(row(json!({"flag": ""})).flag, None);
        assert_eq!(row(json!({"flag": "maybe"})).flag, None);
        assert_eq!(row(json!({"flag": 7})).flag, None);
    }

    #[test]
    fn integers_accept_strings_and_whole_floats_only() {
        assert_eq!(row(json!({"count": "15"})).count, Some(15));
        assert_eq!(row(json!({"count": " 15 "})).count, Some(15));
        assert_eq!(row(json!({"count": 15.0})).count, Some(15));
        assert_eq!(row(json!({"count": 15.5})).count, None);
        assert_eq!(
            row(json!({"count": -1})).count,
            None,
            "out of range for u32"
        );
        assert_eq!(row(json!({"count": ""})).count, None);
        assert_eq!(row(json!({"big": -42})).big, Some(-42));
        assert_eq!(
            row(json!({"big": "9007199254740993"})).big,
            Some(9_007_199_254_740_993)
        );
        assert_eq!(row(json!({"ratio": "0.25"})).ratio, Some(0.25));
        assert_eq!(row(json!({"ratio": "NaN"})).ratio, None);
    }

    #[test]
    fn lists_treat_non_arrays_as_absent_and_skip_odd_elements() {
        assert_eq!(row(json!({"list": ""})).list, None);
        assert_eq!(row(json!({"list": " "})).list, None);
        assert_eq!(row(json!({"list": {"a": 1}})).list, None);
        assert_eq!(row(json!({"list": []})).list, Some(vec![]));
        assert_eq!(
            row(json!({"list": [1, "2", "", "x", 3]})).list,
            Some(vec![1, 2, 3])
        );
    }

    #[test]
    fn nested_objects_treat_other_values_as_absent() {
        assert!(row(json!({"nested": ""})).nested.is_none());
        assert!(row(json!({"nested": [1, 2]})).nested.is_none());
        let nested = row(json!({"nested": {"tax_specification": "intra", "tax_id": " "}})).nested;
        let nested = nested.expect("an object decodes");
        assert_eq!(nested.tax_specification.as_deref(), Some("intra"));
        assert!(nested.tax_id.is_none());
    }

    #[test]
    fn enums_keep_unknown_values_and_treat_blank_as_absent() {
        assert_eq!(
            row(json!({"status": "active"})).status,
            Some(ItemStatus::Active)
        );
        assert_eq!(
            row(json!({"status": "archived"})).status,
            Some(ItemStatus::Other("archived".into()))
        );
        assert_eq!(row(json!({"status": " "})).status, None);
        assert_eq!(ItemStatus::Other("archived".into()).to_string(), "archived");
    }

    #[test]
    fn untyped_values_are_kept_as_they_are() {
        assert_eq!(
            row(json!({"any": {"x": [1, "y"]}})).any,
            Some(json!({"x": [1, "y"]}))
        );
    }

    #[test]
    fn absent_values_are_not_encoded() {
        assert_eq!(
            serde_json::to_string(&Row::default()).expect("encodes"),
            "{}"
        );
    }

    #[test]
    fn a_record_with_odd_fields_still_decodes_and_keeps_unknown_ones() {
        let item: Item = serde_json::from_value(json!({
            "item_id": 903000000045027_u64, "name": {"odd": true}, "rate": "abc", "status": 5,
            "item_tax_preferences": "", "is_taxable": "yes", "color": "blue"
        }))
        .expect("decodes");
        assert_eq!(item.item_id.as_str(), "903000000045027");
        assert!(item.name.is_none() && item.rate.is_none());
        assert!(item.status.is_none() && item.item_tax_preferences.is_none());
        assert_eq!(item.is_taxable, Some(true));
        assert_eq!(item.extra["color"], "blue");
    }

    #[test]
    fn a_record_without_its_id_does_not_decode_and_the_error_names_the_field() {
        for (body, says) in [
            (json!({"name": "Hard Drive"}), "missing field `item_id`"),
            (
                json!({"item_id": "", "name": "Hard Drive"}),
                "blank or unreadable",
            ),
            (
                json!({"item_id": [], "name": "Hard Drive"}),
                "blank or unreadable",
            ),
        ] {
            let error = serde_json::from_value::<Item>(body.clone()).expect_err("no id");
            assert!(error.to_string().contains(says), "{body}: {error}");
        }
    }
}
