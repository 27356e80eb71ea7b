//! Response envelopes: every answer of the API is an object with `code` (0 on success),
//! `message`, and the resource under a key of its own (`invoice`, `invoices`, ...), with
//! `page_context` on lists.
//!
//! ```
//! use zoho_invoice_models::envelope::Page;
//! use zoho_invoice_models::items::Item;
//!
//! let page: Page<Item> = serde_json::from_str(r#"{
//!     "code": 0, "message": "success",
//!     "items": [{"item_id": "903000000045027", "name": "Hard Drive", "rate": 120.00}],
//!     "page_context": {"page": 1, "per_page": 200, "has_more_page": false}
//! }"#)?;
//! assert_eq!(page.records[0].name.as_deref(), Some("Hard Drive"));
//! assert_eq!(page.has_more_page(), false);
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::lenient::{Encoded, Lenient};
use crate::macros::model;

/// A model that the API sends under a key of its own.
pub trait Resource: Lenient {
    /// The key of one record (`"invoice"`).
    const KEY: &'static str;
    /// The key of a list of records (`"invoices"`).
    const LIST_KEY: &'static str;
}

/// Declares the keys a model is sent under.
macro_rules! resource {
    ($ty:ty, $key:literal, $list_key:literal) => {
        impl $crate::envelope::Resource for $ty {
            const KEY: &'static str = $key;
            const LIST_KEY: &'static str = $list_key;
        }
    };
}
pub(crate) use resource;

model! {
    /// Where a page of a list stands: `page`, `per_page`, `has_more_page`, and the filters and
    /// sort the server applied.
    pub struct PageContext {
        /// The page number, from 1.
        page: u32,
        /// Records per page (at most 200).
        per_page: u32,
        /// Whether a further page exists.
        has_more_page: bool,
        /// The name of the report or list.
        report_name: String,
        /// The filter the server applied (`Status.All`).
        applied_filter: String,
        /// The column the list is sorted by.
        sort_column: String,
        /// The sort order: `A` (ascending) or `D` (descending).
        sort_order: String,
        /// The search criteria the server applied.
        search_criteria: Vec<Value>,
    }
}

/// The code an envelope reports when the server sent one that is not a number.
pub const UNREADABLE_CODE: i64 = -1;

/// Reads a `code` that is present: a value that is not a whole number (null included) is
/// [`UNREADABLE_CODE`], so that it never passes for a success. An absent `code` is 0.
fn decode_code<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    let value = Value::deserialize(d)?;
    Ok(i64::decode(&value)
        .ok()
        .flatten()
        .unwrap_or(UNREADABLE_CODE))
}

/// `code` of an envelope being decoded.
struct Code(i64);

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        decode_code(d).map(Code)
    }
}

/// Reads a lenient string, empty when absent or unreadable.
fn decode_message<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(<Lenient_<String>>::deserialize(d)?.0.unwrap_or_default())
}

/// An answer that carries only `code` and `message` (deletes, status changes, emails).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    /// Zoho's code: 0 on success.
    #[serde(default, deserialize_with = "decode_code")]
    pub code: i64,
    /// Zoho's message.
    #[serde(default, deserialize_with = "decode_message")]
    pub message: String,
    /// Any other field of the answer.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An answer that carries one record under [`Resource::KEY`].
#[derive(Debug, Clone, PartialEq)]
pub struct Record<T> {
    /// Zoho's code: 0 on success.
    pub code: i64,
    /// Zoho's message.
    pub message: String,
    /// The record.
    pub record: T,
    /// Any other field of the answer.
    pub extra: Map<String, Value>,
}

/// An answer that carries a page of records under [`Resource::LIST_KEY`].
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// Zoho's code: 0 on success.
    pub code: i64,
    /// Zoho's message.
    pub message: String,
    /// The records of this page.
    pub records: Vec<T>,
    /// Where this page stands in the list, when the server says.
    pub page_context: Option<PageContext>,
    /// Any other field of the answer.
    pub extra: Map<String, Value>,
}

impl Reply {
    /// Whether Zoho reported success (`code` 0).
    pub fn is_success(&self) -> bool {
        self.code == 0
    }
}

impl<T> Page<T> {
    /// Whether the server says a further page exists.
    pub fn has_more_page(&self) -> bool {
        self.page_context
            .as_ref()
            .and_then(|p| p.has_more_page)
            .unwrap_or(false)
    }
}

/// The parts shared by both envelopes while decoding.
struct Parts<B> {
    code: Option<i64>,
    message: Option<String>,
    body: Option<B>,
    page_context: Option<PageContext>,
    extra: Map<String, Value>,
}

/// Decodes an envelope whose body sits under `key`.
fn decode_envelope<'de, D, B>(d: D, key: &'static str) -> Result<Parts<B>, D::Error>
where
    D: Deserializer<'de>,
    B: Lenient,
{
    struct EnvelopeVisitor<B> {
        key: &'static str,
        body: PhantomData<B>,
    }
    impl<'de, B: Lenient> Visitor<'de> for EnvelopeVisitor<B> {
        type Value = Parts<B>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a Zoho response object carrying `{}`", self.key)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Parts<B>, A::Error> {
            let mut parts = Parts {
                code: None,
                message: None,
                body: None,
                page_context: None,
                extra: Map::new(),
            };
            while let Some(name) = map.next_key::<String>()? {
                match name.as_str() {
                    "code" => parts.code = Some(map.next_value::<Code>()?.0),
                    "message" => parts.message = map.next_value::<Lenient_<String>>()?.0,
                    "page_context" => {
                        parts.page_context = map.next_value::<Lenient_<PageContext>>()?.0
                    }
                    n if n == self.key => parts.body = map.next_value::<Lenient_<B>>()?.0,
                    _ => {
                        let value = map.next_value::<Value>()?;
                        parts.extra.insert(name, value);
                    }
                }
            }
            Ok(parts)
        }
    }
    d.deserialize_map(EnvelopeVisitor {
        key,
        body: PhantomData,
    })
}

/// Adapts a [`Lenient`] type to `Deserialize` for one value.
struct Lenient_<T>(Option<T>);

impl<'de, T: Lenient> Deserialize<'de> for Lenient_<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::decode(d).map(Lenient_)
    }
}

impl<'de, T: Resource> Deserialize<'de> for Record<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let parts = decode_envelope::<D, T>(d, T::KEY)?;
        Ok(Record {
            code: parts.code.unwrap_or(0),
            message: parts.message.unwrap_or_default(),
            record: parts.body.ok_or_else(|| de::Error::missing_field(T::KEY))?,
            extra: with_page_context(parts.extra, parts.page_context),
        })
    }
}

impl<'de, T: Resource> Deserialize<'de> for Page<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let parts = decode_envelope::<D, Vec<T>>(d, T::LIST_KEY)?;
        Ok(Page {
            code: parts.code.unwrap_or(0),
            message: parts.message.unwrap_or_default(),
            records: parts
                .body
                .ok_or_else(|| de::Error::missing_field(T::LIST_KEY))?,
            page_context: parts.page_context,
            extra: parts.extra,
        })
    }
}

/// A record's answer rarely has a page context; if it has one, it is kept with the extras.
fn with_page_context(
    mut extra: Map<String, Value>,
    page_context: Option<PageContext>,
) -> Map<String, Value> {
    if let Some(pc) = page_context.and_then(|pc| serde_json::to_value(pc).ok()) {
        extra.insert("page_context".to_owned(), pc);
    }
    extra
}

fn encode_envelope<S: Serializer, B: Lenient>(
    s: S,
    code: i64,
    message: &str,
    body: (&str, &B),
    page_context: Option<&PageContext>,
    extra: &Map<String, Value>,
) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(None)?;
    map.serialize_entry("code", &code)?;
    map.serialize_entry("message", message)?;
    map.serialize_entry(body.0, &Encoded(body.1))?;
    if let Some(pc) = page_context {
        map.serialize_entry("page_context", pc)?;
    }
    for (k, v) in extra {
        map.serialize_entry(k, v)?;
    }
    map.end()
}

impl<T: Resource> Serialize for Record<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        encode_envelope(
            s,
            self.code,
            &self.message,
            (T::KEY, &self.record),
            None,
            &self.extra,
        )
    }
}

impl<T: Resource> Serialize for Page<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        encode_envelope(
            s,
            self.code,
            &self.message,
            (T::LIST_KEY, &self.records),
            self.page_context.as_ref(),
            &self.extra,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_that_are_not_numbers_never_pass_for_success() {
        let reply = |json: &str| serde_json::from_str::<Reply>(json).expect("decodes");
        assert!(reply(r#"{"code": 0, "message": "ok"}"#).is_success());
        assert!(reply(r#"{"code": "0"}"#).is_success());
        assert!(reply(r#"{"message": "no code at all"}"#).is_success());
        assert_eq!(reply(r#"{"code": 1002}"#).code, 1002);
        for odd in [r#""x""#, "null", "1.5", "[]", "{}", r#""""#] {
            assert_eq!(
                reply(&format!(r#"{{"code": {odd}}}"#)).code,
                UNREADABLE_CODE,
                "{odd}"
            );
        }
    }

    #[test]
    fn a_record_without_its_key_is_an_error_naming_the_key() {
        let err = serde_json::from_str::<Record<crate::items::Item>>(
            r#"{"code": 0, "message": "success"}"#,
        )
        .expect_err("no item");
        assert!(err.to_string().contains("missing field `item`"), "{err}");
    }

    #[test]
    fn pages_keep_their_context_and_extra_fields() {
        let page: Page<crate::items::Item> = serde_json::from_str(
            r#"{"code": 0, "message": "success",
                "items": [{"item_id": "1", "name": "a"}, "odd", {"item_id": 2, "name": "b"}],
                "page_context": {"page": 2, "per_page": 25, "has_more_page": true}, "total": 9}"#,
        )
        .expect("decodes");
        assert_eq!(page.records.len(), 2, "the odd element is skipped");
        assert!(page.has_more_page());
        assert_eq!(page.page_context.as_ref().and_then(|p| p.page), Some(2));
        assert_eq!(page.extra["total"], 9);
        let back = serde_json::to_value(&page).expect("encodes");
        assert_eq!(back["items"][1]["name"], "b");
        assert_eq!(back["page_context"]["per_page"], 25);
    }

    #[test]
    fn a_page_with_a_record_without_its_id_is_an_error_naming_the_field() {
        let err = serde_json::from_str::<Page<crate::items::Item>>(
            r#"{"code": 0, "message": "success", "items": [{"item_id": "1"}, {"name": "b"}]}"#,
        )
        .expect_err("the second item has no id");
        assert!(err.to_string().contains("missing field `item_id`"), "{err}");
    }
}
