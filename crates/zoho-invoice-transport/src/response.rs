//! [`ApiResponse`]: the answer to one call, built on `http::Response`.

use std::fmt;
use std::time::{Duration, SystemTime};

use bytes::Bytes;
use http::{HeaderMap, Response, StatusCode};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::clock::network_wait;
use crate::error::{Error, ErrorKind};

/// The answer to an [`ApiRequest`](crate::ApiRequest): status, headers and the whole body.
///
/// Its `Debug` shows the status, header names and body length, never the body.
#[derive(Clone)]
pub struct ApiResponse {
    inner: Response<Bytes>,
}

/// The part of Zoho's envelope every body shares: `{"code": 0, "message": "success", ...}`.
/// The accounts server (and some proxies) answer `{"error": ...}` instead, often with HTTP 200.
#[derive(Deserialize)]
struct Envelope {
    #[serde(default)]
    code: Option<serde_json::Value>,
    #[serde(default)]
    message: Option<serde_json::Value>,
    #[serde(default)]
    error: Option<serde_json::Value>,
    #[serde(default)]
    error_description: Option<serde_json::Value>,
}

/// The text of a JSON string.
fn text(value: Option<&serde_json::Value>) -> Option<String> {
    value?.as_str().map(str::to_owned)
}

impl Envelope {
    /// The `code`, as a number (Zoho sometimes sends it as a string).
    fn code(&self) -> Option<i64> {
        match self.code.as_ref()? {
            serde_json::Value::Number(n) => n.as_i64(),
            serde_json::Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// The message of an `{"error": ...}` body without a `code` (`null` and `false` are no
    /// error).
    fn error_message(&self) -> Option<String> {
        if self.code.is_some() {
            return None;
        }
        let error = match self.error.as_ref()? {
            serde_json::Value::Null | serde_json::Value::Bool(false) => return None,
            serde_json::Value::String(text) => text.clone(),
            serde_json::Value::Object(fields) => match fields.get("message") {
                Some(serde_json::Value::String(text)) => text.clone(),
                _ => serde_json::Value::Object(fields.clone()).to_string(),
            },
            other => other.to_string(),
        };
        Some(match text(self.error_description.as_ref()) {
            Some(description) => format!("{error} ({description})"),
            None => error,
        })
    }
}

impl ApiResponse {
    /// A response with `status` and `body` and no headers (handy in mocks).
    pub fn new(status: StatusCode, body: impl Into<Bytes>) -> Self {
        let mut inner = Response::new(body.into());
        *inner.status_mut() = status;
        Self { inner }
    }

    /// A `200 OK` response with a JSON body (handy in mocks).
    pub fn json_ok(body: impl Into<Bytes>) -> Self {
        let mut response = Self::new(StatusCode::OK, body);
        response.inner.headers_mut().insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("application/json"),
        );
        response
    }

    /// Wraps an `http::Response`.
    pub fn from_http(response: Response<Bytes>) -> Self {
        Self { inner: response }
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.inner.status()
    }

    /// The headers.
    pub fn headers(&self) -> &HeaderMap {
        self.inner.headers()
    }

    /// The headers, to change.
    pub fn headers_mut(&mut self) -> &mut HeaderMap {
        self.inner.headers_mut()
    }

    /// The body.
    pub fn body(&self) -> &Bytes {
        self.inner.body()
    }

    /// Unwraps the body.
    pub fn into_body(self) -> Bytes {
        self.inner.into_body()
    }

    /// Unwraps the `http::Response`.
    pub fn into_http(self) -> Response<Bytes> {
        self.inner
    }

    /// Decodes the body as JSON.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, Error> {
        serde_json::from_slice(self.inner.body())
            .map_err(|e| Error::from(ErrorKind::Decode(e.to_string())))
    }

    /// Zoho's `code` and `message` from a JSON body, when it has them.
    pub fn zoho_code(&self) -> Option<(i64, Option<String>)> {
        let envelope = self.envelope()?;
        let code = envelope.code()?;
        Some((code, text(envelope.message.as_ref())))
    }

    fn envelope(&self) -> Option<Envelope> {
        let body = self.inner.body();
        let first = body.iter().find(|b| !b.is_ascii_whitespace())?;
        if *first != b'{' {
            return None;
        }
        serde_json::from_slice(body).ok()
    }

    /// `Ok(self)` when the status is a success and the body's Zoho `code` (if any) is 0;
    /// otherwise an [`ErrorKind::Api`] error with the status, code and message. A non-zero
    /// `code` is an error whatever the status, and so is an `{"error": ...}` body without a
    /// `code` (what the accounts server sends, often with HTTP 200).
    ///
    /// ```
    /// use zoho_invoice_transport::ApiResponse;
    /// let ok = ApiResponse::json_ok(r#"{"code":0,"message":"success"}"#);
    /// assert!(ok.error_for_status().is_ok());
    /// let err = ApiResponse::json_ok(r#"{"code":1002,"message":"Invoice does not exist."}"#)
    ///     .error_for_status()
    ///     .unwrap_err();
    /// assert!(err.is_not_found());
    /// ```
    pub fn error_for_status(self) -> Result<Self, Error> {
        let status = self.status();
        // Zoho's usual success, `{"code":0,...`, needs no parsing: whatever follows (even a
        // second `code`, which makes the envelope unreadable), the answer is a success.
        if status.is_success() && starts_with_code_zero(self.inner.body()) {
            return Ok(self);
        }
        let envelope = self.envelope();
        let zoho = envelope.as_ref().and_then(Envelope::code);
        let error_body = envelope.as_ref().and_then(Envelope::error_message);
        let code_failed = matches!(zoho, Some(code) if code != 0);
        if status.is_success() && !code_failed && error_body.is_none() {
            return Ok(self);
        }
        let code = zoho;
        let message = envelope
            .and_then(|e| code.and(text(e.message.as_ref())))
            .or(error_body)
            .unwrap_or_else(|| {
                status
                    .canonical_reason()
                    .unwrap_or("unknown status")
                    .to_owned()
            });
        Err(ErrorKind::Api {
            status,
            code,
            message,
            retry_after: retry_after(self.headers(), SystemTime::now()),
        }
        .into())
    }
}

/// Whether `body` starts with a `code` of 0: `{"code":0,` or is exactly `{"code":0}`.
fn starts_with_code_zero(body: &[u8]) -> bool {
    body.starts_with(br#"{"code":0,"#) || body == br#"{"code":0}"#
}

/// Parses `Retry-After` (delta seconds or an HTTP date) into a wait from `now`, capped at
/// [`MAX_NETWORK_WAIT`](crate::clock::MAX_NETWORK_WAIT) (no number from the network can
/// overflow a clock).
pub(crate) fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers
        .get(http::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(network_wait(Duration::from_secs(seconds)));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(network_wait(
        at.duration_since(now).unwrap_or(Duration::ZERO),
    ))
}

impl From<Response<Bytes>> for ApiResponse {
    fn from(response: Response<Bytes>) -> Self {
        Self::from_http(response)
    }
}

impl fmt::Debug for ApiResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiResponse")
            .field("status", &self.inner.status())
            .field(
                "headers",
                &self
                    .inner
                    .headers()
                    .keys()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>(),
            )
            .field("body_len", &self.inner.body().len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `error_for_status` says without its fast path.
    fn parsed_ok(response: &ApiResponse) -> bool {
        let envelope = response.envelope();
        response.status().is_success()
            && !matches!(response.zoho_code(), Some((c, _)) if c != 0)
            && envelope.and_then(|e| e.error_message()).is_none()
    }

    #[test]
    fn an_error_body_without_a_code_is_an_error() {
        #[rustfmt::skip]
        let table = [
            (r#"{"error":"invalid_code"}"#, Some("invalid_code")),
            (r#"{"error":"Access Denied","error_description":"too many"}"#, Some("Access Denied (too many)")),
            (r#"{"error":{"message":"broken"}}"#, Some("broken")),
            (r#"{"error":null,"invoices":[]}"#, None),
            (r#"{"code":0,"error":"ignored"}"#, None),
            (r#"{"invoices":[]}"#, None),
        ];
        for (body, message) in table {
            let result = ApiResponse::json_ok(body).error_for_status();
            match message {
                Some(message) => {
                    let error = result.unwrap_err();
                    assert_eq!(error.message(), Some(message), "{body}");
                    assert_eq!(error.status(), Some(StatusCode::OK));
                }
                None => assert!(result.is_ok(), "{body}"),
            }
        }
    }

    #[test]
    fn absurd_retry_after_values_are_capped() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        for value in [
            "18446744073709551615",
            "999999999999",
            "Fri, 31 Dec 9999 23:59:59 GMT",
        ] {
            let mut headers = HeaderMap::new();
            headers.insert(http::header::RETRY_AFTER, value.parse().unwrap());
            assert_eq!(
                retry_after(&headers, now),
                Some(crate::clock::MAX_NETWORK_WAIT),
                "{value}"
            );
        }
    }

    #[test]
    fn the_fast_path_agrees_with_parsing() {
        for body in [
            r#"{"code":0,"message":"success","invoices":[]}"#,
            r#"{"code":0}"#,
            r#"{"code":0,"code":5}"#,
            r#"{"code":0,"message":"truncat"#,
            r#"{"code":0, "message":"success"}"#,
            r#"{"code":5,"message":"no"}"#,
            r#"{"code":0.5,"message":"no"}"#,
            r#"{"code":"0","message":"success"}"#,
            r#" {"code":0,"message":"success"}"#,
            r#"{"code":1002,"message":"Invoice does not exist."}"#,
        ] {
            for status in [StatusCode::OK, StatusCode::CREATED, StatusCode::NOT_FOUND] {
                let response = ApiResponse::new(status, body);
                let expected = parsed_ok(&response);
                assert_eq!(
                    response.error_for_status().is_ok(),
                    expected,
                    "{status} {body}"
                );
            }
        }
    }
}
