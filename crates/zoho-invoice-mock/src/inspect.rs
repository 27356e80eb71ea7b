//! What reached the server: the request log (secrets redacted) and counters per operation.

use std::collections::BTreeMap;
use std::sync::Mutex;

use bytes::Bytes;

use crate::body::parse_pairs;

/// One request as the server received it, with secrets redacted.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordedRequest {
    /// `GET`, `POST`, ...
    pub method: String,
    /// The path, e.g. `/invoice/v3/invoices/982000000000100001`.
    pub path: String,
    /// Decoded query parameters in order.
    pub query: Vec<(String, String)>,
    /// Headers in order, names lower-case; `Authorization` shows its scheme only.
    pub headers: Vec<(String, String)>,
    /// The body as received (form fields carrying secrets are redacted).
    pub body: Bytes,
    /// The operation, e.g. `GET /invoices/{invoice_id}`, when the path routed to one.
    pub operation: Option<String>,
}

impl RecordedRequest {
    /// A header's value by (case-insensitive) name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// A query parameter by name.
    pub fn query_param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as JSON, if it is JSON.
    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.body).ok()
    }
}

/// Replaced secret values.
pub const REDACTED: &str = "[REDACTED]";

/// Form and query fields that carry secrets.
const SECRET_FIELDS: &[&str] = &[
    "client_secret",
    "refresh_token",
    "code",
    "token",
    "access_token",
];

/// `Zoho-oauthtoken 1000.abc` -> `Zoho-oauthtoken [REDACTED]`.
pub(crate) fn redact_header(name: &str, value: &str) -> String {
    let lower = name.to_ascii_lowercase();
    if lower == "authorization" || lower == "proxy-authorization" {
        match value.split_once(' ') {
            Some((scheme, _)) => format!("{scheme} {REDACTED}"),
            None => REDACTED.into(),
        }
    } else if lower == "cookie" || lower == "set-cookie" {
        REDACTED.into()
    } else {
        value.to_string()
    }
}

/// Redacts secret query or form fields.
pub(crate) fn redact_pairs(pairs: Vec<(String, String)>) -> Vec<(String, String)> {
    pairs
        .into_iter()
        .map(|(k, v)| {
            if SECRET_FIELDS.contains(&k.as_str()) {
                (k, REDACTED.to_string())
            } else {
                (k, v)
            }
        })
        .collect()
}

/// Redacts a form body's secret fields; other bodies are kept.
pub(crate) fn redact_body(content_type: &str, body: &Bytes) -> Bytes {
    if !content_type.starts_with("application/x-www-form-urlencoded") {
        return body.clone();
    }
    let pairs = redact_pairs(parse_pairs(&String::from_utf8_lossy(body)));
    let text: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
    Bytes::from(text.join("&"))
}

/// The log and the counters.
#[derive(Debug, Default)]
pub(crate) struct Inspector {
    log: Mutex<Vec<RecordedRequest>>,
    counters: Mutex<BTreeMap<String, u64>>,
}

impl Inspector {
    pub(crate) fn record(&self, req: RecordedRequest) {
        if let Some(op) = &req.operation {
            *self
                .counters
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .entry(op.clone())
                .or_insert(0) += 1;
        }
        self.log.lock().unwrap_or_else(|e| e.into_inner()).push(req);
    }

    pub(crate) fn requests(&self) -> Vec<RecordedRequest> {
        self.log.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub(crate) fn counters(&self) -> BTreeMap<String, u64> {
        self.counters
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub(crate) fn clear(&self) {
        self.log.lock().unwrap_or_else(|e| e.into_inner()).clear();
        self.counters
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_redacted() {
        assert_eq!(
            redact_header("Authorization", "Zoho-oauthtoken 1000.secret"),
            "Zoho-oauthtoken [REDACTED]"
        );
        assert_eq!(redact_header("X-Other", "v"), "v");
        let body = redact_body(
            "application/x-www-form-urlencoded",
            &Bytes::from("grant_type=refresh_token&refresh_token=1000.r&client_secret=s"),
        );
        assert_eq!(
            &body[..],
            b"grant_type=refresh_token&refresh_token=[REDACTED]&client_secret=[REDACTED]"
        );
    }
}
