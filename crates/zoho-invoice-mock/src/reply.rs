//! What a handler answers: a JSON envelope, a file, or a Zoho error.

use bytes::Bytes;
use serde_json::{Map, Value, json};

use crate::state::Record;

/// Zoho error codes the fake server uses.
pub mod codes {
    /// Success.
    pub const SUCCESS: i64 = 0;
    /// Internal error (HTTP 500).
    pub const INTERNAL: i64 = 1000;
    /// The record does not exist (HTTP 404).
    pub const NOT_FOUND: i64 = 1002;
    /// The body is not well-formed JSON (HTTP 400).
    pub const BAD_JSON: i64 = 1038;
    /// Invalid URL (HTTP 404): no operation has this method and path.
    pub const INVALID_URL: i64 = 5;
    /// A required field is missing (HTTP 400).
    pub const MISSING_FIELD: i64 = 11;
    /// A field has an invalid value, e.g. an unknown customer (HTTP 400).
    pub const INVALID_VALUE: i64 = 4;
    /// A bulk request names more ids than the operation allows (HTTP 400).
    pub const TOO_MANY_IDS: i64 = 15;
    /// The operation is not allowed in the record's current state (HTTP 400).
    pub const INVALID_STATE: i64 = 1001;
    /// An amount exceeds what is available (HTTP 400).
    pub const AMOUNT_EXCEEDS: i64 = 1040;
    /// Not authorized: no token was sent (HTTP 401).
    pub const NOT_AUTHORIZED: i64 = 57;
    /// The OAuth token is unknown, revoked or expired (HTTP 401).
    pub const INVALID_TOKEN: i64 = 14;
    /// The organization id is missing (HTTP 400).
    pub const MISSING_ORGANIZATION: i64 = 6;
    /// The organization id is unknown (HTTP 400).
    pub const UNKNOWN_ORGANIZATION: i64 = 6041;
    /// Too many requests: a quota or the concurrency limit (HTTP 429).
    pub const RATE_LIMITED: i64 = 44;
    /// The request body is larger than [`crate::MockConfig::max_body_bytes`] (HTTP 413).
    /// The fake server's own code: Zoho's reference documents none for this.
    pub const REQUEST_TOO_LARGE: i64 = 1045;
    /// The request body did not arrive within [`crate::MockConfig::body_read_timeout`]
    /// (HTTP 408). The fake server's own code, as above.
    pub const REQUEST_TIMEOUT: i64 = 1046;
}

/// A Zoho error: HTTP status, `code` and `message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiError {
    pub(crate) status: u16,
    pub(crate) code: i64,
    pub(crate) message: String,
}

impl ApiError {
    pub(crate) fn new(status: u16, code: i64, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
        }
    }

    /// 404 / 1002 `"<Label> does not exist."`
    pub(crate) fn not_found(label: &str) -> Self {
        Self::new(
            404,
            codes::NOT_FOUND,
            format!("{} does not exist.", capitalize(label)),
        )
    }

    /// 400 with the given code.
    pub(crate) fn bad(code: i64, message: impl Into<String>) -> Self {
        Self::new(400, code, message)
    }

    pub(crate) fn missing(field: &str) -> Self {
        Self::bad(
            codes::MISSING_FIELD,
            format!("Required field {field} is missing."),
        )
    }

    pub(crate) fn invalid(field: &str) -> Self {
        Self::bad(
            codes::INVALID_VALUE,
            format!("Invalid value passed for {field}"),
        )
    }

    /// 400 / 4 for a number outside `min..=max` (or not finite, or not a number).
    pub(crate) fn out_of_range(
        field: &str,
        min: impl std::fmt::Display,
        max: impl std::fmt::Display,
    ) -> Self {
        Self::bad(
            codes::INVALID_VALUE,
            format!("Invalid value passed for {field}: a number from {min} to {max} is expected."),
        )
    }

    pub(crate) fn state(message: impl Into<String>) -> Self {
        Self::bad(codes::INVALID_STATE, message)
    }

    pub(crate) fn body(&self) -> Value {
        json!({"code": self.code, "message": self.message})
    }
}

/// A handler's answer.
#[derive(Debug, Clone)]
pub(crate) enum Reply {
    /// A JSON document with an HTTP status.
    Json(u16, Value),
    /// A JSON document already written, with an HTTP status (a list page written straight
    /// from the stored records, see [`Reply::list`]).
    Written(u16, Vec<u8>),
    /// A file download.
    File {
        content_type: String,
        file_name: String,
        bytes: Bytes,
    },
}

impl Reply {
    /// `{code: 0, message}` plus the given fields, HTTP 200.
    pub(crate) fn ok(message: &str, fields: Vec<(&str, Value)>) -> Self {
        Self::Json(200, envelope(message, fields))
    }

    /// A list page, HTTP 200: `{code, message, <key>: [rows], page_context}` written from
    /// the records themselves, not from copies, its keys in the order of the server's other
    /// answers (sorted).
    pub(crate) fn list(key: &str, rows: &[&Record], context: &Value) -> Result<Self, ApiError> {
        let mut fields: Vec<(&str, Vec<u8>)> = vec![
            ("code", b"0".to_vec()),
            ("message", br#""success""#.to_vec()),
            ("page_context", to_bytes(context)?),
        ];
        let mut list = vec![b'['];
        for (n, row) in rows.iter().enumerate() {
            if n > 0 {
                list.push(b',');
            }
            serde_json::to_writer(&mut list, row).map_err(unwritable)?;
        }
        list.push(b']');
        fields.push((key, list));
        fields.sort_by(|a, b| a.0.cmp(b.0));
        let mut out = vec![b'{'];
        for (n, (name, value)) in fields.iter().enumerate() {
            if n > 0 {
                out.push(b',');
            }
            serde_json::to_writer(&mut out, name).map_err(unwritable)?;
            out.push(b':');
            out.extend_from_slice(value);
        }
        out.push(b'}');
        Ok(Self::Written(200, out))
    }

    /// The same with HTTP 201.
    pub(crate) fn created(message: &str, fields: Vec<(&str, Value)>) -> Self {
        Self::Json(201, envelope(message, fields))
    }
}

fn envelope(message: &str, fields: Vec<(&str, Value)>) -> Value {
    let mut map = Map::new();
    map.insert("code".into(), json!(0));
    map.insert("message".into(), json!(message));
    for (k, v) in fields {
        map.insert(k.into(), v);
    }
    Value::Object(map)
}

/// A JSON value as bytes.
fn to_bytes(v: &Value) -> Result<Vec<u8>, ApiError> {
    serde_json::to_vec(v).map_err(unwritable)
}

/// The error of an answer that could not be written.
fn unwritable(e: serde_json::Error) -> ApiError {
    ApiError::new(
        500,
        codes::INTERNAL,
        format!("The answer could not be written: {e}"),
    )
}

/// A handler's result.
pub(crate) type HResult = Result<Reply, ApiError>;

/// `invoice` -> `Invoice`.
pub(crate) fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod list_tests {
    use super::*;

    #[test]
    fn a_written_list_is_the_bytes_of_its_json_envelope() {
        let Value::Object(rec) = json!({"invoice_id": "1", "total": 10.5, "note": "a \"b\""})
        else {
            unreachable!("a JSON object literal")
        };
        let context = json!({"page": 1, "has_more_page": false});
        for key in ["invoices", "users", "a"] {
            let Ok(Reply::Written(200, bytes)) = Reply::list(key, &[&rec, &rec], &context) else {
                panic!("a written list")
            };
            let rows = json!([rec.clone(), rec.clone()]);
            let value = envelope(
                "success",
                vec![(key, rows), ("page_context", context.clone())],
            );
            assert_eq!(bytes, serde_json::to_vec(&value).expect("JSON"));
        }
    }
}
