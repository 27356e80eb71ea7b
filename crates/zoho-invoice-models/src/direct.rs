//! The one-pass decode: [`from_str`].
//!
//! The exact way of reading a model (see [`lenient`](crate::lenient)) takes each field's JSON
//! text first and reads the value from it, so that a value the field cannot give back is kept
//! to the byte. That costs a second look at every value, and at every nested list and object
//! once more per level. Most of what Zoho sends is what the fields expect (strings where
//! strings belong, objects where objects belong), and for those values the text is not needed:
//! [`from_str`] reads them straight from the parser in one pass.
//!
//! Where the one pass cannot tell what the text was (a float where an integer or a date
//! belongs, a string with escapes that a field cannot read, a list or an object where a scalar
//! belongs), it gives up, and the whole document is read again the exact way. Numbers bound for
//! money fields are always read from their text, so `120.00` stays `120.00`. The result is the
//! same value the exact way gives, `extra` included, whichever way it was reached.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::lenient::{FromScalar, Lenient};
use crate::raw::{RawSeed, Scalar};

thread_local! {
    /// Whether models on this thread are being read in one pass.
    static ONE_PASS: Cell<bool> = const { Cell::new(false) };
}

/// Whether the model being read is read in one pass (models ask once per object).
pub(crate) fn one_pass() -> bool {
    ONE_PASS.with(Cell::get)
}

/// Sets the mode for the life of the guard, and puts the former one back after.
struct Mode(bool);

impl Mode {
    fn set(on: bool) -> Self {
        Self(ONE_PASS.with(|mode| mode.replace(on)))
    }
}

impl Drop for Mode {
    fn drop(&mut self) {
        ONE_PASS.with(|mode| mode.set(self.0));
    }
}

/// Decodes JSON text into `T` (a model, an envelope, a page): in one pass where the text
/// allows it, else the exact way. The result is what `serde_json::from_str` gives; only the
/// work differs (about a quarter less on a page of invoices; see `BENCHMARKS.md`).
///
/// ```
/// use zoho_invoice_models::envelope::Page;
/// use zoho_invoice_models::invoices::Invoice;
///
/// let body = r#"{"code": 0, "message": "success", "invoices": [
///     {"invoice_id": "982000000567114", "total": 40.60, "due_date": "", "notes": "Thanks"}]}"#;
/// let page: Page<Invoice> = zoho_invoice_models::from_str(body)?;
/// let invoice = &page.records[0];
/// assert_eq!(invoice.total.map(|t| t.to_string()).as_deref(), Some("40.60"));
/// assert_eq!(invoice.due_date, None); // "" means absent, and is kept to be sent back
/// assert_eq!(page, serde_json::from_str(body)?);
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn from_str<'a, T: Deserialize<'a>>(text: &'a str) -> serde_json::Result<T> {
    match in_one_pass(text) {
        Ok(value) => Ok(value),
        Err(_) => {
            let _mode = Mode::set(false);
            serde_json::from_str(text)
        }
    }
}

/// Runs `read` the exact way, also inside a one-pass decode: a value read from its text is
/// read as the exact way reads it, giving up nowhere.
pub(crate) fn exactly<R>(read: impl FnOnce() -> R) -> R {
    let _mode = Mode::set(false);
    read()
}

/// The one pass alone: an error where it gives up.
fn in_one_pass<'a, T: Deserialize<'a>>(text: &'a str) -> serde_json::Result<T> {
    let _mode = Mode::set(true);
    serde_json::from_str(text)
}

/// What reading one value in one pass gave: the value, and the value's JSON text when the
/// value would not write it back (for the model's `extra`).
pub(crate) struct Direct<T> {
    pub(crate) value: Option<T>,
    pub(crate) kept: Option<Cow<'static, str>>,
}

impl<T> Direct<T> {
    fn exact(value: T) -> Self {
        Self {
            value: Some(value),
            kept: None,
        }
    }

    /// A reading, with the text to keep when it is not exact.
    fn of(reading: crate::lenient::Reading<T>, text: impl FnOnce() -> Cow<'static, str>) -> Self {
        Self {
            kept: (!reading.exact).then(text),
            value: reading.value,
        }
    }

    /// Nothing read, and `text` kept.
    fn kept(text: Cow<'static, str>) -> Self {
        Self {
            value: None,
            kept: Some(text),
        }
    }
}

/// The error that sends the document back to be read the exact way.
fn gives_up<E: de::Error>() -> E {
    E::custom("the one-pass decode cannot keep this value's text")
}

/// A type a model's field can be read into in one pass. The default reads the value's text
/// first, as the exact way does (money, whose digits only the text has).
pub(crate) trait ReadDirect: Lenient {
    fn read_direct<'de, D: Deserializer<'de>>(d: D) -> Result<Direct<Self>, D::Error> {
        let raw = RawSeed.deserialize(d)?;
        let reading = exactly(|| Self::read_json(&raw));
        Ok(Direct::of(reading, || Cow::Owned(raw.into_owned())))
    }
}

/// Reads a value through [`ReadDirect`].
pub(crate) struct DirectSeed<T>(pub(crate) PhantomData<T>);

impl<'de, T: ReadDirect> DeserializeSeed<'de> for DirectSeed<T> {
    type Value = Direct<T>;
    #[inline(always)]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Direct<T>, D::Error> {
        T::read_direct(d)
    }
}

/// The `Visitor` methods for the values a type does not expect: their text is kept when it
/// is known exactly (an unescaped string, a boolean, an integer, null), else the one pass
/// gives up (the defaults of the methods not written here fail too).
macro_rules! keep_unexpected {
    () => {
        fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(Direct::kept(quoted(v)))
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Err(gives_up())
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok(Direct::kept(boolean(v)))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Direct::kept(Cow::Owned(
                itoa::Buffer::new().format(v).to_owned(),
            )))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Direct::kept(Cow::Owned(
                itoa::Buffer::new().format(v).to_owned(),
            )))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Direct::kept(Cow::Borrowed("null")))
        }
    };
}

/// The JSON text of a string that had no escapes (Zoho's blanks without a copy).
fn quoted(text: &str) -> Cow<'static, str> {
    match text {
        "" => return Cow::Borrowed(r#""""#),
        " " => return Cow::Borrowed(r#"" ""#),
        _ => {}
    }
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    out.push_str(text);
    out.push('"');
    Cow::Owned(out)
}

/// The JSON text of a boolean.
fn boolean(v: bool) -> Cow<'static, str> {
    Cow::Borrowed(if v { "true" } else { "false" })
}

// ---------------------------------------------------------------------------------------
// Scalars: strings, booleans, integers, dates, timestamps, ids, statuses.

/// Reads a scalar through [`FromScalar`] in one pass.
pub(crate) fn read_scalar<'de, T: FromScalar, D: Deserializer<'de>>(
    d: D,
) -> Result<Direct<T>, D::Error> {
    d.deserialize_any(ScalarVisitor(PhantomData))
}

struct ScalarVisitor<T>(PhantomData<T>);

impl<'de, T: FromScalar> Visitor<'de> for ScalarVisitor<T> {
    type Value = Direct<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value whose text is known")
    }
    /// A string without escapes: its text is the string in quotes.
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Direct<T>, E> {
        Ok(Direct::of(
            T::read_scalar(Scalar::Text(Cow::Borrowed(v))),
            || quoted(v),
        ))
    }
    /// A string with escapes: fine when it reads exactly, else its text is not at hand.
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Direct<T>, E> {
        let reading = T::read_scalar(Scalar::Text(Cow::Borrowed(v)));
        match reading.value {
            Some(value) if reading.exact => Ok(Direct::exact(value)),
            _ => Err(gives_up()),
        }
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Direct<T>, E> {
        Ok(Direct::of(T::read_scalar(Scalar::Bool(v)), || boolean(v)))
    }
    /// An integer: JSON writes one only one way, so its text is known.
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Direct<T>, E> {
        let mut digits = itoa::Buffer::new();
        let text = digits.format(v);
        Ok(Direct::of(T::read_scalar(Scalar::Number(text)), || {
            Cow::Owned(text.to_owned())
        }))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Direct<T>, E> {
        let mut digits = itoa::Buffer::new();
        let text = digits.format(v);
        Ok(Direct::of(T::read_scalar(Scalar::Number(text)), || {
            Cow::Owned(text.to_owned())
        }))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Direct<T>, E> {
        Ok(Direct::of(T::read_scalar(Scalar::Null), || {
            Cow::Borrowed("null")
        }))
    }
}

/// Implements [`ReadDirect`] through [`read_scalar`].
macro_rules! direct_scalar {
    ($($ty:ty),* $(,)?) => {$(
        impl $crate::direct::ReadDirect for $ty {
            fn read_direct<'de, D: ::serde::Deserializer<'de>>(
                d: D,
            ) -> Result<$crate::direct::Direct<Self>, D::Error> {
                $crate::direct::read_scalar(d)
            }
        }
    )*};
}
pub(crate) use direct_scalar;

direct_scalar!(bool, i32, i64, u32, u64, chrono::NaiveDate);

/// Text, the commonest field: a string is taken at once; anything else as other scalars are.
impl ReadDirect for String {
    fn read_direct<'de, D: Deserializer<'de>>(d: D) -> Result<Direct<Self>, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Direct<String>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Direct<String>, E> {
                Ok(Direct::exact(v.to_owned()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Direct<String>, E> {
                ScalarVisitor(PhantomData).visit_bool(v)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Direct<String>, E> {
                ScalarVisitor(PhantomData).visit_u64(v)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Direct<String>, E> {
                ScalarVisitor(PhantomData).visit_i64(v)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Direct<String>, E> {
                ScalarVisitor(PhantomData).visit_unit()
            }
        }
        d.deserialize_any(TextVisitor)
    }
}

// Read from their text, as the exact way does: money (its digits), floats, untyped values.
impl ReadDirect for f64 {}
impl ReadDirect for serde_json::Value {}
impl ReadDirect for rust_decimal::Decimal {}
impl ReadDirect for crate::money::Discount {}

// ---------------------------------------------------------------------------------------
// Objects and lists.

/// Reads a model in one pass: an object is the model; a scalar is kept as text.
pub(crate) fn read_object<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
    d: D,
) -> Result<Direct<T>, D::Error> {
    struct ObjectVisitor<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
        type Value = Direct<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Direct<T>, A::Error> {
            T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Direct::exact)
        }
        keep_unexpected!();
    }
    d.deserialize_any(ObjectVisitor(PhantomData))
}

/// Lists: each element in one pass. A list whose elements would not all write back as they
/// came is kept whole as text the exact way, so the one pass gives up on it.
impl<T: ReadDirect> ReadDirect for Vec<T> {
    fn read_direct<'de, D: Deserializer<'de>>(d: D) -> Result<Direct<Self>, D::Error> {
        struct ListVisitor<T>(PhantomData<T>);
        impl<'de, T: ReadDirect> Visitor<'de> for ListVisitor<T> {
            type Value = Direct<Vec<T>>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(256));
                while let Some(element) = seq.next_element_seed(DirectSeed::<T>(PhantomData))? {
                    match element {
                        Direct {
                            value: Some(value),
                            kept: None,
                        } => out.push(value),
                        _ => return Err(gives_up()),
                    }
                }
                Ok(Direct::exact(out))
            }
            keep_unexpected!();
        }
        d.deserialize_any(ListVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::envelope::{Page, Record};
    use crate::invoices::Invoice;

    fn fixture(name: &str) -> String {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        std::fs::read_to_string(path).expect("fixture")
    }

    #[test]
    fn the_reference_examples_are_read_in_one_pass_as_the_exact_way_reads_them() {
        let invoice = fixture("resources/invoice.example.json");
        let one: Invoice = in_one_pass(&invoice).expect("one pass");
        let exact: Invoice = serde_json::from_str(&invoice).expect("exact");
        assert_eq!(one, exact);
        assert!(!one.extra.is_empty(), "the example's blanks are kept");

        let list = fixture("invoices/list_invoices.response.json");
        let one: Page<Invoice> = in_one_pass(&list).expect("one pass");
        assert_eq!(
            one,
            serde_json::from_str::<Page<Invoice>>(&list).expect("exact")
        );
    }

    /// Odd values in fields of each kind: the same result either way, and whether the one pass
    /// could keep the value's text or had to give up.
    #[test]
    fn odd_values_give_what_the_exact_way_gives() {
        for (field, value, one_pass) in [
            ("notes", r#""Thanks""#, true),
            ("notes", r#""a\"b \u00e9""#, true),
            ("notes", "12.50", false),
            ("notes", "12", true),
            ("notes", "true", true),
            ("notes", "null", true),
            ("notes", "[]", false),
            ("due_date", r#""""#, true),
            ("due_date", r#"" ""#, true),
            ("due_date", r#""17/09/2013""#, true),
            ("due_date", r#""2013-09-\u00317""#, true),
            ("due_date", r#""\u0020""#, false),
            ("due_date", "20130917", true),
            ("due_date", "{}", false),
            ("created_time", r#""2016-06-11T17:38:06-0000""#, true),
            ("customer_id", "982000000567001", true),
            ("customer_id", "-0", false),
            ("customer_id", "123456789012345678901234567890", false),
            ("customer_id", r#""""#, true),
            ("payment_terms", "15", true),
            ("payment_terms", "15.0", false),
            ("payment_terms", r#""15""#, true),
            ("payment_terms", "-1", true),
            ("payment_terms", "99999999999", true),
            ("is_emailed", r#""true""#, true),
            ("is_emailed", "1", true),
            ("total", "40.60", true),
            ("total", r#""40.60""#, true),
            ("total", r#""1,250.00""#, true),
            ("status", r#""sent""#, true),
            ("status", r#"" ""#, true),
            ("line_items", r#""""#, true),
            ("line_items", "null", true),
            ("line_items", "{}", false),
            ("line_items", r#"[{"name": "a"}, 3]"#, false),
            ("line_items", r#"[{"name": "a", "rate": "x"}]"#, true),
            ("billing_address", r#""""#, true),
            ("billing_address", "[]", false),
            ("custom_field_hash", r#"{"cf_a": 1.50}"#, true),
            ("contact_persons_details", r#"[{"a":"b"}]"#, true),
            ("contact_persons_details", r#"[{"a": "b"}]"#, false),
            ("contact_persons_details", r#"[{"a": 1.50}]"#, false),
        ] {
            let text = format!(r#"{{"invoice_id": "1", "{field}": {value}}}"#);
            let exact: Invoice = serde_json::from_str(&text).expect("exact");
            assert_eq!(
                from_str::<Invoice>(&text).expect("decodes"),
                exact,
                "{text}"
            );
            let one = in_one_pass::<Invoice>(&text);
            assert_eq!(one.is_ok(), one_pass, "{text}: {one:?}");
            if let Ok(one) = one {
                assert_eq!(one, exact, "{text}");
            }
        }
    }

    #[test]
    fn the_mode_is_put_back_after_a_decode_and_errors_are_the_exact_ways() {
        let text = r#"{"code": 0, "message": "success", "invoice": {"invoice_id": "1"}}"#;
        let _: Record<Invoice> = from_str(text).expect("decodes");
        assert!(!one_pass());
        let broken = r#"{"code": 0, "invoice": {"invoice_id": "1""#;
        let error = from_str::<Record<Invoice>>(broken).expect_err("not JSON");
        let exact = serde_json::from_str::<Record<Invoice>>(broken).expect_err("not JSON");
        assert_eq!(error.to_string(), exact.to_string());
        assert!(!one_pass());
    }
}
