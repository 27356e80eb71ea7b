//! What reached the server: the request log (secrets redacted, bounded in entries and bytes,
//! oldest dropped first) and counters per operation.

use std::collections::{BTreeMap, VecDeque};
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
    /// The body is not kept whole: it was refused (too large, or too slow to arrive), or it
    /// was cut to a prefix to keep the log within [`crate::MockConfig::request_log_max_bytes`].
    pub body_truncated: bool,
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

    /// What the entry weighs in the log's byte bound: its body, method, path, operation,
    /// query and headers.
    fn size(&self) -> usize {
        let pairs =
            |p: &[(String, String)]| p.iter().map(|(k, v)| k.len() + v.len()).sum::<usize>();
        self.body.len()
            + self.method.len()
            + self.path.len()
            + self.operation.as_ref().map_or(0, String::len)
            + pairs(&self.query)
            + pairs(&self.headers)
    }

    /// Cuts the body so the entry weighs at most `max` bytes; `false` when even the rest of
    /// the entry weighs more.
    fn fit(&mut self, max: usize) -> bool {
        let size = self.size();
        if size <= max {
            return true;
        }
        let rest = size - self.body.len();
        if rest > max {
            return false;
        }
        self.body = self.body.slice(..max - rest);
        self.body_truncated = true;
        true
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

/// How much the request log keeps.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LogBounds {
    /// The most entries.
    pub(crate) max_entries: usize,
    /// The most bytes, as [`RecordedRequest::size`] counts them.
    pub(crate) max_bytes: usize,
}

/// Distinct operations counted at most: paths that route nowhere (on the accounts server,
/// any path) cannot grow the counters without end.
const MAX_COUNTED_OPERATIONS: usize = 1024;

/// The log's entries, oldest first, with their total weight and how many were dropped.
#[derive(Debug, Default)]
struct Log {
    entries: VecDeque<RecordedRequest>,
    bytes: usize,
    dropped: u64,
}

impl Log {
    /// Adds an entry, then drops the oldest until the log is within `bounds`.
    fn push(&mut self, mut req: RecordedRequest, bounds: LogBounds) {
        if !req.fit(bounds.max_bytes) {
            self.dropped += 1;
            return;
        }
        self.bytes += req.size();
        self.entries.push_back(req);
        while self.entries.len() > bounds.max_entries || self.bytes > bounds.max_bytes {
            let Some(old) = self.entries.pop_front() else {
                break;
            };
            self.bytes -= old.size();
            self.dropped += 1;
        }
    }
}

/// The log and the counters.
#[derive(Debug)]
pub(crate) struct Inspector {
    log: Mutex<Log>,
    counters: Mutex<BTreeMap<String, u64>>,
    bounds: LogBounds,
}

impl Inspector {
    pub(crate) fn new(bounds: LogBounds) -> Self {
        Self {
            log: Mutex::default(),
            counters: Mutex::default(),
            bounds,
        }
    }

    pub(crate) fn record(&self, req: RecordedRequest) {
        if let Some(op) = &req.operation {
            let mut counters = self.counters.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(n) = counters.get_mut(op) {
                *n += 1;
            } else if counters.len() < MAX_COUNTED_OPERATIONS {
                counters.insert(op.clone(), 1);
            }
        }
        self.log
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(req, self.bounds);
    }

    pub(crate) fn requests(&self) -> Vec<RecordedRequest> {
        let log = self.log.lock().unwrap_or_else(|e| e.into_inner());
        log.entries.iter().cloned().collect()
    }

    /// How many entries were dropped to keep the log within its bounds.
    pub(crate) fn dropped(&self) -> u64 {
        self.log.lock().unwrap_or_else(|e| e.into_inner()).dropped
    }

    pub(crate) fn counters(&self) -> BTreeMap<String, u64> {
        self.counters
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub(crate) fn clear(&self) {
        *self.log.lock().unwrap_or_else(|e| e.into_inner()) = Log::default();
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

    fn entry(body: &str) -> RecordedRequest {
        RecordedRequest {
            method: "POST".into(),
            path: "/p".into(),
            query: Vec::new(),
            headers: Vec::new(),
            body: Bytes::from(body.to_owned()),
            operation: None,
            body_truncated: false,
        }
    }

    #[test]
    fn the_log_drops_the_oldest_to_stay_within_its_bounds() {
        let bounds = LogBounds {
            max_entries: 3,
            max_bytes: 100,
        };
        let mut log = Log::default();
        for i in 0..5 {
            log.push(entry(&format!("{i}")), bounds);
        }
        assert_eq!(log.entries.len(), 3);
        assert_eq!(log.dropped, 2);
        assert_eq!(&log.entries[0].body[..], b"2");
        // 45-byte bodies (+ 6 for method and path): one fits, two do not.
        log.push(entry(&"a".repeat(45)), bounds);
        log.push(entry(&"b".repeat(45)), bounds);
        assert!(log.bytes <= 100);
        assert_eq!(
            log.bytes,
            log.entries.iter().map(RecordedRequest::size).sum::<usize>()
        );
        // Larger than the whole bound: a prefix is kept.
        log.push(entry(&"c".repeat(500)), bounds);
        assert_eq!(log.entries.len(), 1);
        assert!(log.entries[0].body_truncated);
        assert_eq!(log.entries[0].size(), 100);
    }
}
