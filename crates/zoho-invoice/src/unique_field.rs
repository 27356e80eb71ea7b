//! The custom field whose unique value names a record, for the calls that update a record by
//! that value instead of its id (`PUT /invoices` with `X-Unique-Identifier-Key` and
//! `X-Unique-Identifier-Value`; from Zoho Books' OpenAPI documents, which Zoho Invoice
//! shares).

use http::{HeaderMap, HeaderName, HeaderValue};
use zoho_invoice_transport::ErrorKind;

use crate::Error;

/// A record named by the value of one of its unique custom fields: the field's API name
/// (`cf_order_ref`) and the value. With [`upsert`](UniqueField::upsert), a record is created
/// when none has the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UniqueField {
    /// The custom field's API name (`cf_order_ref`).
    pub key: String,
    /// The value that names the record.
    pub value: String,
    /// Create the record when none has the value (`X-Upsert: true`).
    pub upsert: bool,
}

impl UniqueField {
    /// The record whose custom field `key` (its API name) holds `value`.
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            value: value.into(),
            upsert: false,
        }
    }

    /// Create the record when none has the value.
    pub fn upsert(mut self) -> Self {
        self.upsert = true;
        self
    }

    /// Adds `X-Unique-Identifier-Key`, `X-Unique-Identifier-Value` and (when set)
    /// `X-Upsert`; a key or value that cannot be a header (blank, or with a line break) is
    /// refused.
    pub fn to_headers(&self, headers: &mut HeaderMap) -> Result<(), Error> {
        let value = |what: &str, text: &str| {
            (!text.trim().is_empty())
                .then(|| HeaderValue::from_str(text).ok())
                .flatten()
                .ok_or_else(|| {
                    Error::from(ErrorKind::InvalidRequest(format!(
                        "the custom field's {what} must be a non-blank header value"
                    )))
                })
        };
        headers.insert(
            HeaderName::from_static("x-unique-identifier-key"),
            value("key", &self.key)?,
        );
        headers.insert(
            HeaderName::from_static("x-unique-identifier-value"),
            value("value", &self.value)?,
        );
        if self.upsert {
            headers.insert(
                HeaderName::from_static("x-upsert"),
                HeaderValue::from_static("true"),
            );
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_field_travels_as_headers_and_bad_values_are_refused() {
        let mut headers = HeaderMap::new();
        UniqueField::new("cf_order_ref", "PO-7")
            .upsert()
            .to_headers(&mut headers)
            .unwrap();
        assert_eq!(headers["x-unique-identifier-key"], "cf_order_ref");
        assert_eq!(headers["x-unique-identifier-value"], "PO-7");
        assert_eq!(headers["x-upsert"], "true");

        let mut headers = HeaderMap::new();
        UniqueField::new("cf_order_ref", "PO-7")
            .to_headers(&mut headers)
            .unwrap();
        assert!(headers.get("x-upsert").is_none());

        for (key, value) in [("", "x"), ("cf_a", " "), ("cf_a", "a\r\nX-Evil: 1")] {
            let err = UniqueField::new(key, value)
                .to_headers(&mut HeaderMap::new())
                .unwrap_err();
            assert!(err.is_invalid_input(), "{key:?} {value:?}: {err}");
        }
    }
}
