//! Bytes on the wire: the response body type (which can break on purpose) and the
//! building of responses from replies and faults.

use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use http::{HeaderValue, Response, StatusCode, header};
use http_body::{Body, Frame, SizeHint};
use serde_json::Value;

use crate::faults::Fault;
use crate::limits::RateHeaders;
use crate::reply::{ApiError, Reply, codes};

/// A response body: all at once, or a part followed by a broken connection.
#[derive(Debug)]
pub(crate) struct MockBody {
    data: Option<Bytes>,
    /// 0: no error; 1: yield once (so the part is flushed), then fail; 2: fail now.
    break_after: u8,
}

impl MockBody {
    pub(crate) fn full(bytes: impl Into<Bytes>) -> Self {
        Self {
            data: Some(bytes.into()),
            break_after: 0,
        }
    }

    pub(crate) fn broken(part: Bytes) -> Self {
        Self {
            data: Some(part),
            break_after: 1,
        }
    }
}

impl Body for MockBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        if let Some(d) = self.data.take() {
            if !d.is_empty() {
                return Poll::Ready(Some(Ok(Frame::data(d))));
            }
        }
        match self.break_after {
            1 => {
                self.break_after = 2;
                cx.waker().wake_by_ref();
                Poll::Pending
            }
            2 => {
                self.break_after = 0;
                Poll::Ready(Some(Err(std::io::Error::new(
                    std::io::ErrorKind::ConnectionReset,
                    "fault: connection reset in the middle of the body",
                ))))
            }
            _ => Poll::Ready(None),
        }
    }

    fn is_end_stream(&self) -> bool {
        self.data.is_none() && self.break_after == 0
    }

    fn size_hint(&self) -> SizeHint {
        match (&self.data, self.break_after) {
            (Some(d), 0) => SizeHint::with_exact(d.len() as u64),
            (None, 0) => SizeHint::with_exact(0),
            _ => SizeHint::default(),
        }
    }
}

/// The HTTP response type of the server.
pub(crate) type Resp = Response<MockBody>;

/// A JSON response.
pub(crate) fn json(status: u16, v: &Value) -> Resp {
    json_bytes(status, serde_json::to_vec(v).unwrap_or_default())
}

/// A JSON response from its bytes.
fn json_bytes(status: u16, bytes: Vec<u8>) -> Resp {
    let mut r = Response::new(MockBody::full(bytes));
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json;charset=UTF-8"),
    );
    r
}

/// A Zoho error response.
pub(crate) fn error(e: &ApiError) -> Resp {
    json(e.status, &e.body())
}

/// A reply as a response.
pub(crate) fn reply(reply: Reply) -> Resp {
    match reply {
        Reply::Json(status, v) => json(status, &v),
        Reply::Written(status, bytes) => json_bytes(status, bytes),
        Reply::File {
            content_type,
            file_name,
            bytes,
        } => {
            let mut r = Response::new(MockBody::full(bytes));
            let headers = r.headers_mut();
            if let Ok(v) = HeaderValue::from_str(&content_type) {
                headers.insert(header::CONTENT_TYPE, v);
            }
            let safe: String = file_name
                .chars()
                .filter(|c| *c != '"' && !c.is_control())
                .collect();
            if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{safe}\"")) {
                headers.insert(header::CONTENT_DISPOSITION, v);
            }
            r
        }
    }
}

/// Adds the `X-Rate-Limit-*` headers.
pub(crate) fn with_rate_headers(mut r: Resp, h: RateHeaders) -> Resp {
    let headers = r.headers_mut();
    headers.insert("x-rate-limit-limit", HeaderValue::from(h.limit));
    headers.insert("x-rate-limit-remaining", HeaderValue::from(h.remaining));
    headers.insert("x-rate-limit-reset", HeaderValue::from(h.reset));
    r
}

/// The name of the [`SERVER_TIMING`] metric: the request's handling.
const TIMING_METRIC: &str = "app";

/// The header that says how long the server took over a request.
pub(crate) const SERVER_TIMING: &str = "server-timing";

/// Adds `Server-Timing: app;dur=<milliseconds>`: how long the server took over the request,
/// from routing to the serialized answer.
pub(crate) fn with_server_timing(mut r: Resp, took: std::time::Duration) -> Resp {
    let ms = took.as_secs_f64() * 1_000.0;
    if let Ok(v) = HeaderValue::from_str(&format!("{TIMING_METRIC};dur={ms:.3}")) {
        r.headers_mut().insert(SERVER_TIMING, v);
    }
    r
}

/// The response a fault answers with instead of the real one, if it replaces it.
pub(crate) fn fault_response(fault: &Fault) -> Option<Resp> {
    match fault {
        Fault::TooManyRequests => Some(error(&ApiError::new(
            429,
            codes::RATE_LIMITED,
            "You have made too many requests. Please try again after some time.",
        ))),
        Fault::TooManyRequestsRetryAfter(wait) => {
            let mut r = error(&ApiError::new(
                429,
                codes::RATE_LIMITED,
                "You have made too many requests. Please try again after some time.",
            ));
            let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
            Some(r)
        }
        Fault::ServerError(s) => Some(error(&ApiError::new(*s, codes::INTERNAL, "Internal error"))),
        Fault::ExpiredToken => Some(error(&ApiError::new(
            401,
            codes::INVALID_TOKEN,
            "Invalid OAuth token.",
        ))),
        Fault::HtmlErrorPage(s) => {
            let page = format!(
                "<!DOCTYPE html><html><head><title>{s} Error</title></head><body><h1>{s}</h1><p>The server encountered a temporary error.</p></body></html>"
            );
            let mut r = Response::new(MockBody::full(page));
            *r.status_mut() = StatusCode::from_u16(*s).unwrap_or(StatusCode::BAD_GATEWAY);
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html;charset=UTF-8"),
            );
            Some(r)
        }
        _ => None,
    }
}

/// Breaks the body of a real response as the fault says.
pub(crate) fn break_body(r: Resp, fault: &Fault, full: Bytes) -> Resp {
    let (mut parts, _) = r.into_parts();
    let half = full.slice(..full.len() / 2);
    match fault {
        Fault::TruncatedBody => {
            parts
                .headers
                .insert(header::CONTENT_LENGTH, HeaderValue::from(half.len()));
            Response::from_parts(parts, MockBody::full(half))
        }
        Fault::ResetMidBody => {
            parts
                .headers
                .insert(header::CONTENT_LENGTH, HeaderValue::from(full.len()));
            Response::from_parts(parts, MockBody::broken(half))
        }
        Fault::MalformedBody => {
            let bad = Bytes::from_static(b"{\"code\":0,\"message\":\"success\",<<not json>>");
            parts.status = StatusCode::OK;
            parts
                .headers
                .insert(header::CONTENT_LENGTH, HeaderValue::from(bad.len()));
            Response::from_parts(parts, MockBody::full(bad))
        }
        _ => Response::from_parts(parts, MockBody::full(full)),
    }
}

/// The bytes of a response built by this module (always a full body).
pub(crate) fn take_bytes(r: Resp) -> (Resp, Bytes) {
    let (parts, mut body) = r.into_parts();
    let bytes = body.data.take().unwrap_or_default();
    (
        Response::from_parts(parts, MockBody::full(bytes.clone())),
        bytes,
    )
}
