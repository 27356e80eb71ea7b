//! The exact text of JSON values as they were received.
//!
//! serde_json hands a value's text to a visitor that asks for a newtype struct of a private
//! name (its `raw_value` feature). Every field of a model is read this way, so that a value
//! its type cannot read, or would write back differently, is kept to the byte. Deserializers
//! other than serde_json's give the value itself; it is then written out as JSON text (exact
//! for all but the digits of numbers, which such deserializers have already turned into
//! binary).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde_json::Value;

/// The name serde_json answers with a value's raw text.
pub(crate) const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";
/// With serde_json's `arbitrary_precision` feature, numbers arrive as a one-entry map keyed
/// by this name whose value is the number's text.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Reads one JSON value as its text, borrowed from the input where it can be.
pub(crate) struct RawSeed;

impl<'de> DeserializeSeed<'de> for RawSeed {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_newtype_struct(RAW_VALUE_TOKEN, RawVisitor)
    }
}

/// The text of any value, as JSON.
fn json_text<E: de::Error>(value: &Value) -> Result<Cow<'static, str>, E> {
    serde_json::to_string(value)
        .map(Cow::Owned)
        .map_err(E::custom)
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    /// serde_json's answer (one entry keyed by the token, whose value is the text), or a real
    /// object from another deserializer.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let first = match map.next_key_seed(FirstKey)? {
            None => return Ok(Cow::Borrowed("{}")),
            Some(None) => return map.next_value_seed(StrSeed),
            Some(Some(key)) => key,
        };
        let mut object = serde_json::Map::new();
        object.insert(first, map.next_value()?);
        while let Some((k, v)) = map.next_entry::<String, Value>()? {
            object.insert(k, v);
        }
        json_text(&Value::Object(object))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut list = Vec::new();
        while let Some(v) = seq.next_element::<Value>()? {
            list.push(v);
        }
        json_text(&Value::Array(list))
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed("null"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed("null"))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(if v { "true" } else { "false" }))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_string()))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        json_text(&Value::from(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        json_text(&Value::from(v))
    }
}

/// The first key of a map: `None` for serde_json's token (read without a copy), else the key.
struct FirstKey;

impl<'de> DeserializeSeed<'de> for FirstKey {
    type Value = Option<String>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for FirstKey {
    type Value = Option<String>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok((v != RAW_VALUE_TOKEN && v != NUMBER_TOKEN).then(|| v.to_owned()))
    }
}

/// Writes JSON text as it is (serde_json's raw value, without checking the text again: the
/// text comes from a JSON parser).
pub(crate) struct RawText<'a>(pub(crate) &'a str);

impl Serialize for RawText<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut raw = s.serialize_struct(RAW_VALUE_TOKEN, 1)?;
        raw.serialize_field(RAW_VALUE_TOKEN, self.0)?;
        raw.end()
    }
}

/// Reads a string, borrowed from the input where it can be: a key, or the text that
/// follows serde_json's token.
pub(crate) struct StrSeed;

impl<'de> DeserializeSeed<'de> for StrSeed {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for StrSeed {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the text of a JSON value")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

/// One JSON value seen as a scalar: what scalar fields are read from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Scalar<'a> {
    /// A string, unescaped.
    Text(Cow<'a, str>),
    /// A number, as its text.
    Number(&'a str),
    /// `true` or `false`.
    Bool(bool),
    /// `null`.
    Null,
    /// A list or an object.
    Container,
}

impl<'a> Scalar<'a> {
    /// Classifies the text of one JSON value.
    pub(crate) fn of(raw: &'a str) -> Self {
        let bytes = raw.as_bytes();
        // serde_json gives a value's text without the whitespace around it.
        let padded = bytes.first().is_some_and(u8::is_ascii_whitespace)
            || bytes.last().is_some_and(u8::is_ascii_whitespace);
        let raw = if padded { raw.trim_ascii() } else { raw };
        let bytes = raw.as_bytes();
        match bytes.first() {
            Some(b'"') => {
                // Text from a JSON parser: a quote inside is escaped, so no backslash means
                // nothing to unescape.
                let plain = bytes.len() >= 2
                    && bytes[bytes.len() - 1] == b'"'
                    && !bytes[1..bytes.len() - 1].contains(&b'\\');
                match raw.get(1..raw.len() - 1) {
                    Some(inner) if plain => Scalar::Text(Cow::Borrowed(inner)),
                    _ => serde_json::from_str::<String>(raw)
                        .map(|s| Scalar::Text(Cow::Owned(s)))
                        .unwrap_or(Scalar::Container),
                }
            }
            Some(b'-' | b'0'..=b'9') => Scalar::Number(raw),
            _ => match raw {
                "true" => Scalar::Bool(true),
                "false" => Scalar::Bool(false),
                "null" => Scalar::Null,
                _ => Scalar::Container,
            },
        }
    }
}

/// What kind of JSON value `raw` is (for errors that say what was found).
pub(crate) fn kind_of(raw: &str) -> &'static str {
    match raw.trim_start().as_bytes().first() {
        Some(b'"') => "a string",
        Some(b'-' | b'0'..=b'9') => "a number",
        Some(b't' | b'f') => "a boolean",
        Some(b'[') => "a list",
        Some(b'{') => "an object",
        _ => "null",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_are_classified_from_their_text() {
        for (raw, scalar) in [
            (r#""Bowman""#, Scalar::Text("Bowman".into())),
            (r#""a\"b""#, Scalar::Text("a\"b".into())),
            (r#""\u00e9""#, Scalar::Text("é".into())),
            (r#""""#, Scalar::Text("".into())),
            ("0.00", Scalar::Number("0.00")),
            ("-12", Scalar::Number("-12")),
            ("true", Scalar::Bool(true)),
            ("false", Scalar::Bool(false)),
            ("null", Scalar::Null),
            ("[1]", Scalar::Container),
            ("{}", Scalar::Container),
        ] {
            assert_eq!(Scalar::of(raw), scalar, "{raw}");
        }
    }

    #[test]
    fn the_raw_text_comes_from_serde_json_unchanged_and_from_others_as_json() {
        let mut de = serde_json::Deserializer::from_str(" 0.10 ");
        assert_eq!(RawSeed.deserialize(&mut de).expect("raw"), "0.10");
        let value = serde_json::json!({"a": [1, "x", null, true]});
        assert_eq!(
            RawSeed.deserialize(value).expect("raw"),
            r#"{"a":[1,"x",null,true]}"#
        );
    }
}
