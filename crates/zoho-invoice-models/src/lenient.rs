//! Lenient decoding of Zoho's loosely typed JSON, and the exact return of what was read.
//!
//! The live service sends `""` or `" "` where a number, date, id or array belongs, numbers and
//! booleans as strings, and now and then a value of an unexpected kind. Every field of every
//! model in this crate is decoded through [`Lenient`]: a value that fits becomes `Some`, an
//! empty or unusable one becomes `None`, and no single odd field can fail the record or the
//! page around it.
//!
//! Nothing is lost on the way: a field reads its value from the value's JSON text
//! ([`Lenient::read_json`]), and when the typed value would not write that text back (a
//! number sent as a string, `"fasle"`, `null`, a `-0000` offset) the text is kept in the
//! model's `extra` under the field's key and written back in its place, as long as the field
//! still holds what was read from it.
//!
//! Use the module in your own types with
//! `#[serde(default, skip_serializing_if = "Option::is_none", with = "zoho_invoice_models::lenient")]`
//! on an `Option<T>` field (such a field has no `extra` to keep odd values in):
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

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess,
    Visitor,
};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

use crate::direct::{DirectSeed, ReadDirect};
use crate::extra::Extra;
use crate::raw::{RawSeed, RawText, Scalar};

/// What reading one value gave: the typed value, if the value could be read, and whether
/// writing it back gives the same JSON (numbers compared by their text).
#[derive(Debug, Clone, PartialEq)]
pub struct Reading<T> {
    /// The typed value; `None` when the value is absent, blank or unreadable.
    pub value: Option<T>,
    /// Whether encoding `value` gives back the JSON it was read from.
    pub exact: bool,
}

impl<T> Reading<T> {
    /// A value that writes back as it came.
    pub fn exact(value: T) -> Self {
        Self {
            value: Some(value),
            exact: true,
        }
    }

    /// A value (or none) that does not write back as it came.
    pub fn inexact(value: Option<T>) -> Self {
        Self {
            value,
            exact: false,
        }
    }

    /// A value read exactly when `exact` holds.
    pub fn new(value: T, exact: bool) -> Self {
        Self {
            value: Some(value),
            exact,
        }
    }

    /// The reading of `f(value)`, as exact as this one.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Reading<U> {
        Reading {
            value: self.value.map(f),
            exact: self.exact,
        }
    }
}

/// A type that can be read leniently from any JSON value and encoded back canonically.
pub trait Lenient: Sized {
    /// Reads one value from its JSON text, exactly as received.
    fn read_json(raw: &str) -> Reading<Self>;

    /// Decodes one value: `Ok(None)` for an absent, empty or unusable value; `Err` only when
    /// the input is not JSON at all.
    fn decode<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Self>, D::Error> {
        let raw = RawSeed.deserialize(deserializer)?;
        Ok(Self::read_json(&raw).value)
    }

    /// Reads one value straight from a deserializer: what [`read_json`](Self::read_json)
    /// gives for its text. (Models read an object without taking its text first.)
    fn read_from<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Reading<Self>, D::Error> {
        let raw = RawSeed.deserialize(deserializer)?;
        Ok(Self::read_json(&raw))
    }

    /// Encodes the value in the form the API uses.
    fn encode<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;

    /// Whether the value is a model with none of its named fields and some unnamed ones: the
    /// sign of data sent under a key the model does not name (a list, any of its elements).
    fn is_hollow(&self) -> bool {
        false
    }
}

/// Decodes an `Option<T>` field leniently (for `#[serde(with = "...")]`).
pub fn deserialize<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Lenient,
{
    T::decode(deserializer)
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

/// Wraps a type so that `serde` reads it through [`Lenient::read_from`].
struct ReadSeed<T>(PhantomData<T>);

impl<'de, T: Lenient> DeserializeSeed<'de> for ReadSeed<T> {
    type Value = Reading<T>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Reading<T>, D::Error> {
        T::read_from(deserializer)
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

// ---------------------------------------------------------------------------------------
// The fields of a model (what `model!` expands to calls these).

/// A field's key: its name without a raw identifier's `r#`.
pub(crate) const fn field_key(name: &'static str) -> &'static str {
    match name.as_bytes() {
        [b'r', b'#', rest @ ..] => match std::str::from_utf8(rest) {
            Ok(key) => key,
            Err(_) => name,
        },
        _ => name,
    }
}

/// Reads a named field's value; its text goes to `extra` when the typed value would not give
/// it back. With `one_pass`, the value is read straight from the parser where its type allows
/// ([`crate::direct`]); else from its text.
#[inline(always)]
pub(crate) fn read_field<'de, A: MapAccess<'de>, T: ReadDirect>(
    map: &mut A,
    key: &'static str,
    extra: &mut Extra,
    one_pass: bool,
) -> Result<Option<T>, A::Error> {
    if one_pass {
        let direct = map.next_value_seed(DirectSeed::<T>(PhantomData))?;
        if let Some(raw) = direct.kept {
            extra.keep_named_text(key, raw);
        }
        return Ok(direct.value);
    }
    let raw = map.next_value_seed(RawSeed)?;
    let reading = T::read_json(&raw);
    if !reading.exact {
        extra.keep_named(key, &raw);
    }
    Ok(reading.value)
}

/// Keeps the value of a key the model does not name.
pub(crate) fn read_unknown<'de, A: MapAccess<'de>>(
    map: &mut A,
    key: &str,
    extra: &mut Extra,
) -> Result<(), A::Error> {
    let raw = map.next_value_seed(RawSeed)?;
    extra.keep(key, &raw);
    Ok(())
}

/// A field that must be there (a record's own id, an input's required field): decoded as
/// leniently as the others, but missing or blank is an error naming it.
pub(crate) fn required<T, E: de::Error>(
    slot: Option<Option<T>>,
    key: &'static str,
) -> Result<T, E> {
    match slot {
        None => Err(E::missing_field(key)),
        Some(None) => Err(E::custom(format_args!(
            "`{key}` is required, and it is blank or unreadable"
        ))),
        Some(Some(value)) => Ok(value),
    }
}

/// Writes a named field: the text it came as when it still holds what was read from it,
/// else its value; nothing when it has neither.
pub(crate) fn write_field<M: SerializeMap, T: Lenient + PartialEq>(
    map: &mut M,
    key: &str,
    value: Option<&T>,
    extra: &Extra,
) -> Result<(), M::Error> {
    match (value, extra.get(key)) {
        (Some(v), Some(raw)) if T::read_json(raw).value.as_ref() == Some(v) => {
            map.serialize_entry(key, &RawText(raw))
        }
        (Some(v), _) => map.serialize_entry(key, &Encoded(v)),
        (None, Some(raw)) => map.serialize_entry(key, &RawText(raw)),
        (None, None) => Ok(()),
    }
}

/// Reads an object into a model from its text; anything else is kept as unreadable.
pub(crate) fn read_object<T: DeserializeOwned>(raw: &str) -> Reading<T> {
    if !raw.trim_start().starts_with('{') {
        return Reading::inexact(None);
    }
    match crate::direct::exactly(|| serde_json::from_str(raw)) {
        Ok(model) => Reading::exact(model),
        Err(_) => Reading::inexact(None),
    }
}

/// Reads an object into a model straight from a deserializer: exact, or (for any other value)
/// absent and inexact.
pub(crate) fn read_object_from<'de, D, T>(d: D) -> Result<Reading<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(match decode_object(d)? {
        Some(model) => Reading::exact(model),
        None => Reading::inexact(None),
    })
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

// ---------------------------------------------------------------------------------------
// Scalars.

/// Reading from one JSON scalar (a list or an object reads as [`Scalar::Container`]).
pub(crate) trait FromScalar: Sized {
    fn read_scalar(scalar: Scalar<'_>) -> Reading<Self>;
}

/// Trims the text; `None` when nothing is left.
pub(crate) fn non_blank(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_graphic)
        && bytes.last().is_some_and(u8::is_ascii_graphic)
    {
        return Some(text);
    }
    let t = text.trim();
    (!t.is_empty()).then_some(t)
}

/// Implements [`Lenient`] for a type through [`FromScalar`] and its own `Serialize`.
macro_rules! lenient_scalar {
    ($($ty:ty),* $(,)?) => {$(
        impl $crate::lenient::Lenient for $ty {
            fn read_json(raw: &str) -> $crate::lenient::Reading<Self> {
                <$ty as $crate::lenient::FromScalar>::read_scalar($crate::raw::Scalar::of(raw))
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
    /// Numbers and booleans are taken as their text.
    fn read_scalar(scalar: Scalar<'_>) -> Reading<Self> {
        match scalar {
            Scalar::Text(text) => Reading::exact(text.into_owned()),
            Scalar::Number(text) => Reading::inexact(Some(text.to_owned())),
            Scalar::Bool(b) => Reading::inexact(Some(b.to_string())),
            Scalar::Null | Scalar::Container => Reading::inexact(None),
        }
    }
}

impl FromScalar for bool {
    /// `true`/`false`, also as text (`"true"`, `"yes"`, `"1"`) or as the numbers 0 and 1.
    fn read_scalar(scalar: Scalar<'_>) -> Reading<Self> {
        match scalar {
            Scalar::Bool(b) => Reading::exact(b),
            Scalar::Text(text) => Reading::inexact(
                match non_blank(&text).map(str::to_ascii_lowercase).as_deref() {
                    Some("true" | "yes" | "1") => Some(true),
                    Some("false" | "no" | "0") => Some(false),
                    _ => None,
                },
            ),
            Scalar::Number("0") => Reading::inexact(Some(false)),
            Scalar::Number("1") => Reading::inexact(Some(true)),
            _ => Reading::inexact(None),
        }
    }
}

/// Whether a number's text is a plain integer as an integer type writes it (no sign on zero,
/// no fraction, no exponent).
pub(crate) fn is_plain_integer(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && text != "-0"
}

macro_rules! integer_from_scalar {
    ($($ty:ty),*) => {$(
        impl FromScalar for $ty {
            /// An integer that fits, also as text or as a whole number with a fraction
            /// (`15.0`); `2.5` is not a count.
            fn read_scalar(scalar: Scalar<'_>) -> Reading<Self> {
                match scalar {
                    Scalar::Number(text) if is_plain_integer(text) => match text.parse() {
                        Ok(n) => Reading::exact(n),
                        Err(_) => Reading::inexact(None),
                    },
                    Scalar::Number(text) => Reading::inexact(whole(text)),
                    Scalar::Text(text) => Reading::inexact(
                        non_blank(&text).and_then(|t| t.parse().ok().or_else(|| whole(t))),
                    ),
                    _ => Reading::inexact(None),
                }
            }
        }
    )*};
}

/// A whole number written with a fraction or an exponent (`15.0`, `1e2`), when it fits.
fn whole<T: TryFrom<i128>>(text: &str) -> Option<T> {
    let value: f64 = text.parse().ok()?;
    let fits = value.fract() == 0.0 && value.abs() < 1e18;
    fits.then(|| T::try_from(value as i128).ok()).flatten()
}

integer_from_scalar!(i32, i64, u32, u64);

impl FromScalar for f64 {
    /// A finite number, also as text.
    fn read_scalar(scalar: Scalar<'_>) -> Reading<Self> {
        let finite = |text: &str| text.trim().parse::<f64>().ok().filter(|v| v.is_finite());
        match scalar {
            Scalar::Number(text) => match finite(text) {
                Some(v) => Reading::new(
                    v,
                    serde_json::Number::from_f64(v).is_some_and(|n| n.to_string() == text),
                ),
                None => Reading::inexact(None),
            },
            Scalar::Text(text) => Reading::inexact(finite(&text)),
            _ => Reading::inexact(None),
        }
    }
}

lenient_scalar!(String, bool, i32, i64, u32, u64, f64);

/// Untyped values are taken as they come.
impl Lenient for serde_json::Value {
    fn read_json(raw: &str) -> Reading<Self> {
        match serde_json::from_str::<serde_json::Value>(raw) {
            Ok(value) => {
                let exact = serde_json::to_string(&value).is_ok_and(|text| text == raw);
                Reading::new(value, exact)
            }
            Err(_) => Reading::inexact(None),
        }
    }
    fn decode<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Self>, D::Error> {
        Option::<serde_json::Value>::deserialize(d)
    }
    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.serialize(s)
    }
}

// ---------------------------------------------------------------------------------------
// Containers.

/// Lists: `""` or any other non-array means absent; an element that cannot be used is
/// skipped, the rest are kept (and the list's text with them, to write back).
impl<T: Lenient> Lenient for Vec<T> {
    fn read_json(raw: &str) -> Reading<Self> {
        struct ElementsVisitor<T>(PhantomData<T>);
        impl<'de, T: Lenient> Visitor<'de> for ElementsVisitor<T> {
            type Value = Reading<Vec<T>>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(256));
                let mut exact = true;
                while let Some(reading) = seq.next_element_seed(ReadSeed::<T>(PhantomData))? {
                    exact &= reading.exact;
                    out.extend(reading.value);
                }
                Ok(Reading::new(out, exact))
            }
        }
        if !raw.trim_start().starts_with('[') {
            return Reading::inexact(None);
        }
        let mut de = serde_json::Deserializer::from_str(raw);
        crate::direct::exactly(|| de.deserialize_seq(ElementsVisitor(PhantomData)))
            .unwrap_or_else(|_| Reading::inexact(None))
    }

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

    /// The holes the "nothing lost" promise had, each now closed: the value comes back as it
    /// came, and the typed field reports it absent (or reads it, when it can).
    #[test]
    fn what_a_field_cannot_give_back_is_kept_as_it_came() {
        use crate::invoices::Invoice;
        type Check = fn(&Invoice) -> bool;
        let cases: [(&str, &str, Check); 12] = [
            ("unnamed number with its zeros", r#""weight":0.00"#, |_| {
                true
            }),
            (
                "unnamed 21-digit integer",
                r#""serial":123456789012345678901"#,
                |_| true,
            ),
            ("unnamed null", r#""legacy":null"#, |_| true),
            ("boolean misspelled", r#""is_emailed":"fasle""#, |i| {
                i.is_emailed.is_none()
            }),
            ("amount with a separator", r#""total":"1,250.00""#, |i| {
                i.total.is_none()
            }),
            ("impossible date", r#""date":"2026-02-29""#, |i| {
                i.date.is_none()
            }),
            ("a list where text belongs", r#""notes":[]"#, |i| {
                i.notes.is_none()
            }),
            (
                "null for a named field",
                r#""reference_number":null"#,
                |i| i.reference_number.is_none(),
            ),
            (
                "offset -0000",
                r#""created_time":"2016-06-11T17:38:06-0000""#,
                |i| {
                    i.created_time
                        .is_some_and(|t| t.offset().local_minus_utc() == 0)
                },
            ),
            ("amount in a string", r#""balance":"0.10""#, |i| {
                i.balance.is_some_and(|b| b.to_string() == "0.10")
            }),
            ("flag as a number", r#""is_emailed":1"#, |i| {
                i.is_emailed == Some(true)
            }),
            (
                "id above u64",
                r#""customer_id":123456789012345678901234"#,
                |i| {
                    i.customer_id.as_ref().map(|id| id.as_str()) == Some("123456789012345678901234")
                },
            ),
        ];
        for (case, field, typed) in cases {
            let text = format!(r#"{{"invoice_id":"1",{field}}}"#);
            let invoice: Invoice = serde_json::from_str(&text).expect(case);
            assert_eq!(serde_json::to_string(&invoice).expect(case), text, "{case}");
            assert!(typed(&invoice), "{case}: the typed field says {invoice:?}");
        }
        // A field set in code replaces what was kept.
        let mut invoice: Invoice =
            serde_json::from_str(r#"{"invoice_id":"1","total":"1,250.00"}"#).expect("decodes");
        assert_eq!(invoice.total, None);
        invoice.total = Some("1250.00".parse().expect("a decimal"));
        assert_eq!(
            serde_json::to_string(&invoice).expect("encodes"),
            r#"{"invoice_id":"1","total":1250.00}"#
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
        assert_eq!(item.extra.value("color"), Some(json!("blue")));
        // What the fields could not read, or would write differently, is kept as it came.
        let mut kept: Vec<&str> = item.extra.keys().collect();
        kept.sort_unstable();
        assert_eq!(
            kept,
            [
                "color",
                "is_taxable",
                "item_tax_preferences",
                "name",
                "rate",
                "status"
            ]
        );
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
