//! Faults on demand: the next N requests, or those matching a method and path, get a 429
//! (with or without `Retry-After`), a 5xx, a delay, a dropped connection, a broken body, an HTML page or an expired token.

use std::sync::Mutex;
use std::time::Duration;

/// A misbehaviour of the server.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// HTTP 429 with a Zoho `{code, message}` body and no `Retry-After`.
    TooManyRequests,
    /// HTTP 429 with a Zoho `{code, message}` body and `Retry-After` set to this wait, in
    /// whole seconds (rounded up).
    TooManyRequestsRetryAfter(Duration),
    /// An HTTP error status (e.g. 500, 502, 503, 504) with a `{code: 1000}` body.
    ServerError(u16),
    /// Wait this long (on tokio's clock), then answer normally.
    Delay(Duration),
    /// Close the connection without answering.
    ResetBeforeResponse,
    /// Send the status, headers and half the body, then close the connection.
    ResetMidBody,
    /// Send half the body with a matching `Content-Length`: valid HTTP, broken JSON.
    TruncatedBody,
    /// Answer 200 with a body that is not JSON.
    MalformedBody,
    /// Answer with this status and an HTML error page, as a proxy in front of Zoho does.
    HtmlErrorPage(u16),
    /// Answer 401 with Zoho's invalid-token error, as if the token had expired.
    ExpiredToken,
}

/// When a fault applies: how many times, and to which requests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultRule {
    /// The fault.
    pub fault: Fault,
    /// How many more requests get it (`None`: all of them until cleared).
    pub times: Option<usize>,
    /// Only requests with this method.
    pub method: Option<String>,
    /// Only requests whose path (with or without `/invoice/v3`) starts with this.
    pub path: Option<String>,
}

impl FaultRule {
    /// The fault for the next request, whatever it is.
    pub fn new(fault: Fault) -> Self {
        Self {
            fault,
            times: Some(1),
            method: None,
            path: None,
        }
    }

    /// Applies to the next `n` matching requests.
    #[must_use]
    pub fn times(mut self, n: usize) -> Self {
        self.times = Some(n);
        self
    }

    /// Applies to every matching request until cleared.
    #[must_use]
    pub fn always(mut self) -> Self {
        self.times = None;
        self
    }

    /// Only for this method.
    #[must_use]
    pub fn method(mut self, method: impl Into<String>) -> Self {
        self.method = Some(method.into().to_ascii_uppercase());
        self
    }

    /// Only for paths starting with `path` (`/invoices` or `/invoice/v3/invoices`).
    #[must_use]
    pub fn path(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    fn matches(&self, method: &str, path: &str) -> bool {
        if self
            .method
            .as_deref()
            .is_some_and(|m| !m.eq_ignore_ascii_case(method))
        {
            return false;
        }
        match &self.path {
            None => true,
            Some(p) => {
                let short = path.strip_prefix(crate::API_PATH_PREFIX).unwrap_or(path);
                path.starts_with(p.as_str()) || short.starts_with(p.as_str())
            }
        }
    }
}

/// The armed faults, first match wins.
#[derive(Debug, Default)]
pub(crate) struct Faults(Mutex<Vec<FaultRule>>);

impl Faults {
    pub(crate) fn add(&self, rule: FaultRule) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(rule);
    }

    pub(crate) fn clear(&self) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    /// The fault for this request, if any; uses up one of its times.
    pub(crate) fn take(&self, method: &str, path: &str) -> Option<Fault> {
        let mut rules = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let i = rules.iter().position(|r| r.matches(method, path))?;
        let fault = rules[i].fault.clone();
        if let Some(n) = rules[i].times.as_mut() {
            *n = n.saturating_sub(1);
            if *n == 0 {
                rules.remove(i);
            }
        }
        Some(fault)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_match_and_count_down() {
        let f = Faults::default();
        f.add(
            FaultRule::new(Fault::TooManyRequests)
                .times(2)
                .method("get")
                .path("/invoices"),
        );
        assert_eq!(f.take("POST", "/invoice/v3/invoices"), None);
        assert_eq!(f.take("GET", "/invoice/v3/contacts"), None);
        assert_eq!(
            f.take("GET", "/invoice/v3/invoices/1"),
            Some(Fault::TooManyRequests)
        );
        assert_eq!(
            f.take("GET", "/invoice/v3/invoices"),
            Some(Fault::TooManyRequests)
        );
        assert_eq!(f.take("GET", "/invoice/v3/invoices"), None);
    }
}
