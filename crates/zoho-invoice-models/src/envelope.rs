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
use serde::ser::{self, SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::extra::Extra;
use crate::lenient::{Encoded, Lenient};
use crate::macros::model;
use crate::raw::{RawSeed, RawText, StrSeed, kind_of};

/// A model that the API sends under a key of its own.
pub trait Resource: Lenient {
    /// The key of one record (`"invoice"`).
    const KEY: &'static str;
    /// The key of a list of records (`"invoices"`).
    const LIST_KEY: &'static str;
    /// Other spellings Zoho sends the record or the list under (`"customer_payments"` beside
    /// `"customerpayments"`); an envelope takes them when its own key is absent.
    const ALIASES: &'static [&'static str] = &[];
    /// Whether Zoho may send the record's fields beside `code` and `message` instead of under
    /// a key (the reference prints some answers so): an envelope without the key then reads
    /// them from there.
    const AT_TOP_LEVEL: bool = false;
}

/// Declares the keys a model is sent under, and the other spellings Zoho uses.
macro_rules! resource {
    ($ty:ty, $key:literal, $list_key:literal $(, aliases [$($alias:literal),* $(,)?])? $(, at $top:ident)?) => {
        impl $crate::envelope::Resource for $ty {
            const KEY: &'static str = $key;
            const LIST_KEY: &'static str = $list_key;
            $(const ALIASES: &'static [&'static str] = &[$($alias),*];)?
            $(const AT_TOP_LEVEL: bool = $crate::envelope::resource!(@top $top);)?
        }
    };
    (@top top_level) => { true };
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

/// An answer that carries only `code` and `message` (deletes, status changes, emails).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reply {
    /// Zoho's code: 0 on success.
    pub code: i64,
    /// Zoho's message.
    pub message: String,
    /// Any other field of the answer, as it came.
    pub extra: Extra,
}

impl<'de> Deserialize<'de> for Reply {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ReplyVisitor;
        impl<'de> Visitor<'de> for ReplyVisitor {
            type Value = Reply;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a Zoho response object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Reply, A::Error> {
                let mut reply = Reply::default();
                while let Some(key) = map.next_key_seed(StrSeed)? {
                    match &*key {
                        "code" => reply.code = map.next_value::<Code>()?.0,
                        "message" => {
                            reply.message =
                                map.next_value::<Lenient_<String>>()?.0.unwrap_or_default()
                        }
                        _ => {
                            let raw = map.next_value_seed(RawSeed)?;
                            reply.extra.keep(&key, &raw);
                        }
                    }
                }
                Ok(reply)
            }
        }
        d.deserialize_map(ReplyVisitor)
    }
}

impl Serialize for Reply {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("code", &self.code)?;
        map.serialize_entry("message", &self.message)?;
        for (k, v) in self.extra.iter() {
            map.serialize_entry(k, &RawText(v))?;
        }
        map.end()
    }
}

/// An answer that carries one record under [`Resource::KEY`].
///
/// Zoho's variants are taken too: the record under the list's key or another spelling
/// ([`Resource::ALIASES`]), as a list of one, or (for the answers the reference prints so) its
/// fields beside `code` and `message`. [`placement`](Record::placement) says which, and
/// encoding writes it back the same way.
#[derive(Debug, Clone, PartialEq)]
pub struct Record<T> {
    /// Zoho's code: 0 on success.
    pub code: i64,
    /// Zoho's message.
    pub message: String,
    /// The record.
    pub record: T,
    /// Any other field of the answer, as it came.
    pub extra: Extra,
    /// Where the record was in the answer.
    pub placement: Placement,
}

/// An answer that carries a page of records under [`Resource::LIST_KEY`].
///
/// Zoho's variants are taken too: the list under another spelling, one record where the list
/// belongs, `page_context` as a list of one. [`placement`](Page::placement) says where the
/// records were, and encoding writes them back the same way.
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
    /// Any other field of the answer, as it came.
    pub extra: Extra,
    /// Where the records were in the answer.
    pub placement: Placement,
}

/// Where an envelope's body was: under its usual key in its usual form, or one of Zoho's
/// variants.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Placement {
    /// Under the usual key ([`Resource::KEY`] for a record, [`Resource::LIST_KEY`] for a page),
    /// in the usual form (an object for a record, a list for a page).
    #[default]
    Usual,
    /// Under `key`, as a list (`in_a_list`) or as one object.
    Under {
        /// The key.
        key: String,
        /// Whether the value was a list.
        in_a_list: bool,
    },
    /// The record's fields beside `code` and `message`.
    TopLevel,
}

impl<T: Lenient> Record<T> {
    /// Whether the record has none of its named fields and some unnamed ones: the sign of an
    /// answer whose data sits under keys the model does not name.
    pub fn is_hollow(&self) -> bool {
        self.record.is_hollow()
    }
}

impl<T: Lenient> Page<T> {
    /// Whether a record of the page has none of its named fields and some unnamed ones.
    pub fn is_hollow(&self) -> bool {
        self.records.iter().any(Lenient::is_hollow)
    }
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

/// What an envelope holds under its key: one record, a list of them, or a value that is
/// neither (named for the error).
enum Found<T> {
    One(T),
    Many(Vec<T>),
    Neither(&'static str),
}

impl<'de, T: Lenient> Deserialize<'de> for Found<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct FoundVisitor<T>(PhantomData<T>);
        impl<'de, T: Lenient> Visitor<'de> for FoundVisitor<T> {
            type Value = Found<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a record or a list of records")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Found<T>, A::Error> {
                Ok(
                    match T::decode(de::value::MapAccessDeserializer::new(map))? {
                        Some(record) => Found::One(record),
                        None => Found::Neither("an object that is not a record"),
                    },
                )
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Found<T>, A::Error> {
                let records = <Vec<T>>::decode(de::value::SeqAccessDeserializer::new(seq))?;
                Ok(Found::Many(records.unwrap_or_default()))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Found<T>, E> {
                Ok(Found::Neither("a string"))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Found<T>, E> {
                Ok(Found::Neither("a boolean"))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Found<T>, E> {
                Ok(Found::Neither("a number"))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Found<T>, E> {
                Ok(Found::Neither("a number"))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Found<T>, E> {
                Ok(Found::Neither("a number"))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Found<T>, E> {
                Ok(Found::Neither("null"))
            }
            fn visit_none<E: de::Error>(self) -> Result<Found<T>, E> {
                Ok(Found::Neither("null"))
            }
        }
        d.deserialize_any(FoundVisitor(PhantomData))
    }
}

impl<T: Lenient> Found<T> {
    /// Whether the body is a list.
    fn is_list(&self) -> bool {
        matches!(self, Found::Many(_))
    }

    /// The one record: an object, or a list of exactly one.
    fn one<E: de::Error>(self, key: &str) -> Result<T, E> {
        match self {
            Found::One(record) => Ok(record),
            Found::Many(mut records) if records.len() == 1 => Ok(records.remove(0)),
            Found::Many(records) => Err(E::custom(format_args!(
                "`{key}` holds a list of {} records where one record belongs",
                records.len()
            ))),
            Found::Neither(what) => Err(E::custom(format_args!(
                "`{key}` is {what} where a record belongs"
            ))),
        }
    }

    /// The records: a list, or one object as a list of one.
    fn many<E: de::Error>(self, key: &str) -> Result<Vec<T>, E> {
        match self {
            Found::One(record) => Ok(vec![record]),
            Found::Many(records) => Ok(records),
            Found::Neither(what) => Err(E::custom(format_args!(
                "`{key}` is {what} where a list of records belongs"
            ))),
        }
    }

    /// Written back as it came: an object, or a list.
    fn into_raw(self) -> Option<Box<RawValue>> {
        match self {
            Found::One(record) => serde_json::value::to_raw_value(&Encoded(&record)).ok(),
            Found::Many(records) => serde_json::value::to_raw_value(&Encoded(&records)).ok(),
            Found::Neither(_) => None,
        }
    }
}

/// The parts shared by both envelopes while decoding.
struct Parts<T> {
    code: Option<i64>,
    message: Option<String>,
    /// The key the body came under, and the body.
    body: Option<(String, Found<T>)>,
    page_context: Option<PageContext>,
    extra: Extra,
}

/// Decodes an envelope whose body sits under `keys[0]`, or (when that one is absent) under one
/// of the other spellings in `keys`. `page_context` may be an object or a list of one.
fn decode_envelope<'de, D, T>(
    d: D,
    keys: [&'static str; 2],
    aliases: &'static [&'static str],
) -> Result<Parts<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Lenient,
{
    struct EnvelopeVisitor<T> {
        keys: [&'static str; 2],
        aliases: &'static [&'static str],
        body: PhantomData<T>,
    }
    impl<'de, T: Lenient> Visitor<'de> for EnvelopeVisitor<T> {
        type Value = Parts<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a Zoho response object carrying `{}`", self.keys[0])
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Parts<T>, A::Error> {
            let mut parts = Parts {
                code: None,
                message: None,
                body: None,
                page_context: None,
                extra: Extra::new(),
            };
            while let Some(name) = map.next_key::<String>()? {
                match name.as_str() {
                    "code" => parts.code = Some(map.next_value::<Code>()?.0),
                    "message" => parts.message = map.next_value::<Lenient_<String>>()?.0,
                    "page_context" => {
                        parts.page_context = match map.next_value::<Found<PageContext>>()? {
                            Found::One(context) => Some(context),
                            Found::Many(contexts) => contexts.into_iter().next(),
                            Found::Neither(_) => None,
                        }
                    }
                    n if self.keys.contains(&n) || self.aliases.contains(&n) => {
                        let found = map.next_value::<Found<T>>()?;
                        // The expected key wins over another spelling; the loser is kept.
                        let better = match &parts.body {
                            None => true,
                            Some((kept, _)) => n == self.keys[0] && kept != self.keys[0],
                        };
                        let loser = if better {
                            parts.body.replace((name, found))
                        } else {
                            Some((name, found))
                        };
                        if let Some((key, found)) = loser {
                            if let Some(raw) = found.into_raw() {
                                parts.extra.insert_raw(key, raw);
                            }
                        }
                    }
                    _ => {
                        let raw = map.next_value_seed(RawSeed)?;
                        parts.extra.keep(&name, &raw);
                    }
                }
            }
            Ok(parts)
        }
    }
    d.deserialize_map(EnvelopeVisitor {
        keys,
        aliases,
        body: PhantomData,
    })
}

/// The error of an envelope without its key: the key expected, and the keys there were.
fn missing_key<E: de::Error>(key: &str, extra: &Extra) -> E {
    let mut found: Vec<String> = vec!["`code`".into(), "`message`".into()];
    found.extend(extra.iter().map(|(k, v)| format!("`{k}` ({})", kind_of(v))));
    E::custom(format_args!(
        "missing field `{key}`: the answer has {}",
        found.join(", ")
    ))
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
        let parts = decode_envelope::<D, T>(d, [T::KEY, T::LIST_KEY], T::ALIASES)?;
        let code = parts.code.unwrap_or(0);
        let message = parts.message.unwrap_or_default();
        let Some((key, found)) = parts.body else {
            // The record's fields beside `code` and `message`: only when there are some (an
            // answer with nothing but `code` and `message` is not an empty record).
            if T::AT_TOP_LEVEL && !parts.extra.is_empty() {
                let fields = serde_json::to_string(&parts.extra).map_err(de::Error::custom)?;
                if let Some(record) = T::read_json(&fields).value {
                    return Ok(Record {
                        code,
                        message,
                        record,
                        extra: with_page_context(Extra::new(), parts.page_context),
                        placement: Placement::TopLevel,
                    });
                }
            }
            return Err(missing_key(T::KEY, &parts.extra));
        };
        let placement = placement(&key, found.is_list(), T::KEY, false);
        Ok(Record {
            code,
            message,
            record: found.one(&key)?,
            extra: with_page_context(parts.extra, parts.page_context),
            placement,
        })
    }
}

impl<'de, T: Resource> Deserialize<'de> for Page<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let parts = decode_envelope::<D, T>(d, [T::LIST_KEY, T::KEY], T::ALIASES)?;
        let (key, found) = parts
            .body
            .ok_or_else(|| missing_key(T::LIST_KEY, &parts.extra))?;
        let placement = placement(&key, found.is_list(), T::LIST_KEY, true);
        Ok(Page {
            code: parts.code.unwrap_or(0),
            message: parts.message.unwrap_or_default(),
            records: found.many(&key)?,
            page_context: parts.page_context,
            extra: parts.extra,
            placement,
        })
    }
}

/// The placement of a body found under `key`, a list or not, where `usual_key` and a list or
/// not (`usually_a_list`) are usual.
fn placement(key: &str, in_a_list: bool, usual_key: &str, usually_a_list: bool) -> Placement {
    if key == usual_key && in_a_list == usually_a_list {
        Placement::Usual
    } else {
        Placement::Under {
            key: key.to_owned(),
            in_a_list,
        }
    }
}

/// A record's answer rarely has a page context; if it has one, it is kept with the extras.
fn with_page_context(mut extra: Extra, page_context: Option<PageContext>) -> Extra {
    if let Some(pc) = page_context.and_then(|pc| serde_json::value::to_raw_value(&pc).ok()) {
        extra.insert_raw("page_context", pc);
    }
    extra
}

/// How an envelope's body is written: under a key, as one value or a list of one, or its
/// fields at the top level.
enum Written<'a, T> {
    Under(&'a str, &'a T),
    ListOfOne(&'a str, &'a T),
    List(&'a str, &'a [T]),
    One(&'a str, &'a [T]),
    TopLevel(&'a T),
}

fn encode_envelope<S: Serializer, T: Lenient>(
    s: S,
    code: i64,
    message: &str,
    body: Written<'_, T>,
    page_context: Option<&PageContext>,
    extra: &Extra,
) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(None)?;
    map.serialize_entry("code", &code)?;
    map.serialize_entry("message", message)?;
    match body {
        Written::Under(key, record) => map.serialize_entry(key, &Encoded(record))?,
        Written::ListOfOne(key, record) => map.serialize_entry(key, &[Encoded(record)])?,
        Written::List(key, records) => {
            map.serialize_entry(key, &records.iter().map(Encoded).collect::<Vec<_>>())?
        }
        Written::One(key, records) => match records {
            [record] => map.serialize_entry(key, &Encoded(record))?,
            _ => map.serialize_entry(key, &records.iter().map(Encoded).collect::<Vec<_>>())?,
        },
        Written::TopLevel(record) => {
            let text = serde_json::to_string(&Encoded(record)).map_err(ser::Error::custom)?;
            let fields: Extra = serde_json::from_str(&text).map_err(ser::Error::custom)?;
            for (k, v) in fields.iter() {
                map.serialize_entry(k, &RawText(v))?;
            }
        }
    }
    if let Some(pc) = page_context {
        map.serialize_entry("page_context", pc)?;
    }
    for (k, v) in extra.iter() {
        map.serialize_entry(k, &RawText(v))?;
    }
    map.end()
}

impl<T: Resource> Serialize for Record<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let body = match &self.placement {
            Placement::Usual => Written::Under(T::KEY, &self.record),
            Placement::Under {
                key,
                in_a_list: false,
            } => Written::Under(key, &self.record),
            Placement::Under {
                key,
                in_a_list: true,
            } => Written::ListOfOne(key, &self.record),
            Placement::TopLevel => Written::TopLevel(&self.record),
        };
        encode_envelope(s, self.code, &self.message, body, None, &self.extra)
    }
}

impl<T: Resource> Serialize for Page<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let body = match &self.placement {
            Placement::Under {
                key,
                in_a_list: false,
            } => Written::One(key, &self.records),
            Placement::Under {
                key,
                in_a_list: true,
            } => Written::List(key, &self.records),
            Placement::Usual | Placement::TopLevel => Written::List(T::LIST_KEY, &self.records),
        };
        encode_envelope(
            s,
            self.code,
            &self.message,
            body,
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
        assert_eq!(page.extra.value("total"), Some(9.into()));
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

    /// Decodes `json` as `T`, checks where the body was, and that encoding gives `json` back.
    fn variant<T>(json: Value, placement: Placement) -> T
    where
        T: serde::de::DeserializeOwned + Serialize + HasPlacement,
    {
        let decoded: T = serde_json::from_value(json.clone()).expect("decodes");
        assert_eq!(decoded.placement(), &placement, "{json}");
        assert_eq!(serde_json::to_value(&decoded).expect("encodes"), json);
        decoded
    }

    trait HasPlacement {
        fn placement(&self) -> &Placement;
    }
    impl<T> HasPlacement for Record<T> {
        fn placement(&self) -> &Placement {
            &self.placement
        }
    }
    impl<T> HasPlacement for Page<T> {
        fn placement(&self) -> &Placement {
            &self.placement
        }
    }

    fn under(key: &str, in_a_list: bool) -> Placement {
        Placement::Under {
            key: key.to_owned(),
            in_a_list,
        }
    }

    #[test]
    fn zohos_variants_of_a_record_are_read_and_written_back_as_they_came() {
        use serde_json::json;
        let refund = json!({"payment_refund_id": "3", "amount": 450});
        let r: Record<crate::customer_payments::PaymentRefund> = variant(
            json!({"code": 0, "message": "ok", "payment_refunds": [refund]}),
            under("payment_refunds", true),
        );
        assert_eq!(r.record.payment_refund_id.as_str(), "3");
        let r: Record<crate::customer_payments::PaymentRefund> = variant(
            json!({"code": 0, "message": "ok", "payment_refunds": refund}),
            under("payment_refunds", false),
        );
        assert_eq!(r.record.amount, Some(450.into()));
        let r: Record<crate::retainer_invoices::RetainerInvoice> = variant(
            json!({"code": 0, "message": "ok", "retainerinvoices": {"retainerinvoice_id": "7"}}),
            under("retainerinvoices", false),
        );
        assert_eq!(r.record.retainerinvoice_id.as_str(), "7");
        let r: Record<crate::customer_payments::Payment> = variant(
            json!({"code": 0, "message": "ok", "customer_payment": {"payment_id": "9"}}),
            under("customer_payment", false),
        );
        assert_eq!(r.record.payment_id.as_str(), "9");
        let r: Record<crate::common::Comment> = variant(
            json!({"code": 0, "message": "ok", "comment_id": "5", "description": "Paid"}),
            Placement::TopLevel,
        );
        assert_eq!(r.record.description.as_deref(), Some("Paid"));
        assert!(r.extra.is_empty(), "the fields are the record's");
        let r: Record<crate::common::Comment> = variant(
            json!({"code": 0, "message": "ok", "comment": {"comment_id": "5", "description": "Paid"}}),
            Placement::Usual,
        );
        assert_eq!(r.record.description.as_deref(), Some("Paid"));
        let r: Record<crate::contacts::StatementMailContent> = variant(
            json!({"code": 0, "message": "ok", "data": {"subject": "Statement"}}),
            Placement::Usual,
        );
        assert_eq!(r.record.subject.as_deref(), Some("Statement"));
    }

    #[test]
    fn zohos_variants_of_a_page_are_read_and_written_back_as_they_came() {
        use serde_json::json;
        let p: Page<crate::customer_payments::Payment> = variant(
            json!({"code": 0, "message": "ok", "customer_payments": [{"payment_id": "1"}, {"payment_id": "2"}]}),
            under("customer_payments", true),
        );
        assert_eq!(p.records.len(), 2);
        let p: Page<crate::items::Item> = variant(
            json!({"code": 0, "message": "ok", "items": {"item_id": "1"}}),
            under("items", false),
        );
        assert_eq!(p.records.len(), 1);
        let p: Page<crate::users::ProjectUser> = variant(
            json!({"code": 0, "message": "ok", "user": [{"user_id": "1"}]}),
            under("user", true),
        );
        assert_eq!(p.records.len(), 1);
        // A page context in a list of one still says whether more pages follow.
        let page: Page<crate::items::Item> = serde_json::from_value(json!({
            "code": 0, "message": "ok", "items": [],
            "page_context": [{"page": 1, "per_page": 200, "has_more_page": true}]
        }))
        .expect("decodes");
        assert!(page.has_more_page());
    }

    #[test]
    fn a_shape_no_variant_covers_is_an_error_naming_the_key_and_what_was_found() {
        let record = |json: &str| {
            serde_json::from_str::<Record<crate::items::Item>>(json)
                .expect_err(json)
                .to_string()
        };
        let page = |json: &str| {
            serde_json::from_str::<Page<crate::items::Item>>(json)
                .expect_err(json)
                .to_string()
        };
        let cases = [
            (
                record(r#"{"code": 0, "item": "x"}"#),
                "`item` is a string where a record belongs",
            ),
            (
                record(r#"{"code": 0, "item": null}"#),
                "`item` is null where a record belongs",
            ),
            (
                record(r#"{"code": 0, "items": [{"item_id": "1"}, {"item_id": "2"}]}"#),
                "`items` holds a list of 2 records where one record belongs",
            ),
            (
                record(r#"{"code": 0, "message": "ok", "thing": {"item_id": "1"}}"#),
                "missing field `item`: the answer has `code`, `message`, `thing` (an object)",
            ),
            (
                page(r#"{"code": 0, "items": 5}"#),
                "`items` is a number where a list of records belongs",
            ),
            (
                page(r#"{"code": 0, "error": "x"}"#),
                "missing field `items`: the answer has `code`, `message`, `error` (a string)",
            ),
        ];
        for (error, expected) in cases {
            assert!(error.contains(expected), "{error}\n  expected: {expected}");
        }
    }

    #[test]
    fn an_answer_with_only_code_and_message_is_no_record() {
        let err = serde_json::from_str::<Record<crate::common::Comment>>(
            r#"{"code": 0, "message": "The comment has been updated."}"#,
        )
        .expect_err("no comment");
        assert!(err.to_string().contains("missing field `comment`"), "{err}");
    }

    #[test]
    fn the_usual_key_wins_over_another_spelling_which_is_kept() {
        let r: Record<crate::items::Item> = serde_json::from_str(
            r#"{"code": 0, "items": [{"item_id": "2"}], "item": {"item_id": "1"}}"#,
        )
        .expect("decodes");
        assert_eq!(r.record.item_id.as_str(), "1");
        assert_eq!(r.placement, Placement::Usual);
        assert_eq!(
            r.extra.value("items").map(|v| v[0]["item_id"].clone()),
            Some("2".into())
        );
    }

    #[test]
    fn a_record_with_only_unnamed_fields_is_hollow() {
        type Content = Record<crate::contacts::StatementMailContent>;
        let decode = |json: &str| serde_json::from_str::<Content>(json).expect(json);
        let cases = [
            (r#"{"code": 0, "data": {"mail": {"subject": "x"}}}"#, true),
            (
                r#"{"code": 0, "data": {"subject": "x", "mail": {}}}"#,
                false,
            ),
            (r#"{"code": 0, "data": {}}"#, false),
        ];
        for (json, hollow) in cases {
            assert_eq!(decode(json).is_hollow(), hollow, "{json}");
        }
        let page: Page<crate::items::Item> =
            serde_json::from_str(r#"{"items": [{"item_id": "1"}]}"#).expect("decodes");
        assert!(!page.is_hollow(), "an id is a named field");
    }
}
