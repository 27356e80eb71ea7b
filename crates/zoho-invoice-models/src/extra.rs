//! [`Extra`]: the fields of an object that a model does not name, kept as the exact JSON text
//! they came in.
//!
//! Numbers keep their digits (`0.00` stays `0.00`, a 21-digit integer keeps all 21), and so do
//! values a named field could not read or would write differently: they sit here under the
//! field's own key until the field is set.
//!
//! ```
//! use zoho_invoice_models::items::Item;
//!
//! let item: Item = serde_json::from_str(
//!     r#"{"item_id": "1", "rate": "1,250.00", "weight": 0.500, "brand": "Acme"}"#,
//! )?;
//! assert_eq!(item.rate, None); // unreadable as an amount...
//! assert_eq!(item.extra.get("rate"), Some(r#""1,250.00""#)); // ...kept as it came
//! assert_eq!(item.extra.value("brand"), Some(serde_json::json!("Acme")));
//! assert_eq!(
//!     serde_json::to_string(&item)?,
//!     r#"{"item_id":"1","rate":"1,250.00","weight":0.500,"brand":"Acme"}"#
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::raw::{RawSeed, RawText};

/// Fields kept as the exact JSON text they came in, by key, in the order they came.
#[derive(Clone, Default)]
pub struct Extra {
    /// Each field's key and JSON text (always valid JSON: it comes from a parser or an
    /// encoder). Few, so a list: no key is there twice. A named field's key is its name.
    fields: Vec<(Cow<'static, str>, Cow<'static, str>)>,
}

impl Extra {
    /// No fields.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many fields there are.
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// Whether `key` is there.
    pub fn contains_key(&self, key: &str) -> bool {
        self.position(key).is_some()
    }

    /// The field's JSON text, exactly as it came.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.position(key).map(|i| &*self.fields[i].1)
    }

    /// The field as a [`Value`] (whose numbers are binary: read [`get`](Self::get) for their
    /// exact digits).
    pub fn value(&self, key: &str) -> Option<Value> {
        self.get(key).and_then(|raw| serde_json::from_str(raw).ok())
    }

    /// Sets a field to `value`, encoded as JSON; returns the JSON text it replaces.
    pub fn insert(
        &mut self,
        key: impl Into<String>,
        value: &impl Serialize,
    ) -> Result<Option<String>, serde_json::Error> {
        let text = serde_json::to_string(value)?;
        Ok(self.put(Cow::Owned(key.into()), Cow::Owned(text)))
    }

    /// Sets a field to JSON text; returns the text it replaces.
    pub fn insert_raw(&mut self, key: impl Into<String>, raw: Box<RawValue>) -> Option<String> {
        self.put(
            Cow::Owned(key.into()),
            Cow::Owned(Box::<str>::from(raw).into()),
        )
    }

    /// Takes a field out; returns its JSON text.
    pub fn remove(&mut self, key: &str) -> Option<String> {
        let i = self.position(key)?;
        Some(self.fields.remove(i).1.into_owned())
    }

    /// The keys, in the order they came.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.fields.iter().map(|(k, _)| &**k)
    }

    /// The fields and their JSON text, in the order they came.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.fields.iter().map(|(k, v)| (&**k, &**v))
    }

    /// Keeps `raw` under `key` (text that came from a JSON parser, so valid JSON).
    pub(crate) fn keep(&mut self, key: &str, raw: &str) {
        self.put(Cow::Owned(key.to_owned()), Cow::Owned(raw.to_owned()));
    }

    /// Keeps `raw` under a named field's `key`.
    pub(crate) fn keep_named(&mut self, key: &'static str, raw: &str) {
        self.keep_named_text(key, Cow::Owned(raw.to_owned()));
    }

    /// Keeps `raw` under a named field's `key`, taking the text as it is.
    pub(crate) fn keep_named_text(&mut self, key: &'static str, raw: Cow<'static, str>) {
        self.put(Cow::Borrowed(key), raw);
    }

    fn position(&self, key: &str) -> Option<usize> {
        self.fields.iter().position(|(k, _)| &**k == key)
    }

    /// Sets `key` to `text`, in place when it is there; returns the text it replaces.
    fn put(&mut self, key: Cow<'static, str>, text: Cow<'static, str>) -> Option<String> {
        match self.position(&key) {
            Some(i) => Some(std::mem::replace(&mut self.fields[i].1, text).into_owned()),
            None => {
                if self.fields.capacity() == 0 {
                    // A record that keeps one field usually keeps several.
                    self.fields.reserve(8);
                }
                self.fields.push((key, text));
                None
            }
        }
    }
}

impl PartialEq for Extra {
    /// Equal when the keys are, in any order, and each value's text is.
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl fmt::Debug for Extra {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        /// JSON text, shown as it is.
        struct Text<'a>(&'a str);
        impl fmt::Debug for Text<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.0)
            }
        }
        f.debug_map()
            .entries(self.iter().map(|(k, v)| (k, Text(v))))
            .finish()
    }
}

impl Serialize for Extra {
    /// An object of the fields, each written as it came.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.len()))?;
        for (k, v) in self.iter() {
            map.serialize_entry(k, &RawText(v))?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Extra {
    /// An object; each field kept as its text.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ExtraVisitor;
        impl<'de> Visitor<'de> for ExtraVisitor {
            type Value = Extra;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Extra, A::Error> {
                let mut extra = Extra::new();
                while let Some(key) = map.next_key::<String>()? {
                    let raw = map.next_value_seed(RawSeed)?;
                    extra.keep(&key, &raw);
                }
                Ok(extra)
            }
        }
        d.deserialize_map(ExtraVisitor)
    }
}

/// One JSON value kept as the exact text it came in.
#[derive(Clone)]
pub struct RawJson(Box<str>);

impl RawJson {
    /// The JSON text.
    pub fn get(&self) -> &str {
        &self.0
    }

    /// The value as a [`Value`] (whose numbers are binary: read [`get`](Self::get) for their
    /// exact digits).
    pub fn value(&self) -> Option<Value> {
        serde_json::from_str(self.get()).ok()
    }
}

impl RawJson {
    /// Text that came from a JSON parser or encoder.
    pub(crate) fn from_text(text: String) -> Self {
        Self(text.into_boxed_str())
    }
}

impl From<Box<RawValue>> for RawJson {
    fn from(raw: Box<RawValue>) -> Self {
        Self(raw.into())
    }
}

impl PartialEq for RawJson {
    /// Equal when the texts are.
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl fmt::Debug for RawJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.get())
    }
}

impl Serialize for RawJson {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        RawText(&self.0).serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_keep_their_exact_text_through_a_round_trip() {
        let text = r#"{"a":0.00,"b":123456789012345678901,"c":null,"d":[1.50,{"e":-0}]}"#;
        let extra: Extra = serde_json::from_str(text).expect("an object");
        assert_eq!(serde_json::to_string(&extra).expect("encodes"), text);
        assert_eq!(extra.get("a"), Some("0.00"));
        assert_eq!(extra.value("c"), Some(Value::Null));
    }

    #[test]
    fn inserted_values_are_encoded_and_equality_compares_text() {
        let mut one = Extra::new();
        one.insert("k", &serde_json::json!({"x": 1}))
            .expect("encodes");
        let two: Extra = serde_json::from_str(r#"{"k":{"x":1}}"#).expect("an object");
        assert_eq!(one, two);
        let three: Extra = serde_json::from_str(r#"{"k":{"x":1.0}}"#).expect("an object");
        assert_ne!(one, three);
        assert_eq!(format!("{one:?}"), r#"{"k": {"x":1}}"#);
    }
}
