//! Reading request bodies within the server's bounds: at most
//! [`crate::MockConfig::max_body_bytes`], within [`crate::MockConfig::body_read_timeout`].

use std::time::Duration;

use bytes::{Bytes, BytesMut};
use http::{HeaderMap, header};
use http_body_util::BodyExt;
use hyper::body::Incoming;

use crate::reply::{ApiError, codes};

/// The bounds a body is read within.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BodyBounds {
    /// The largest body accepted, in bytes.
    pub(crate) max_bytes: usize,
    /// How long the whole body may take to arrive.
    pub(crate) timeout: Duration,
}

/// Why a body was not read.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// It is (or announced it would be) larger than the bound.
    TooLarge,
    /// It did not arrive in time.
    TimedOut,
    /// The connection broke while it was read.
    Broken(hyper::Error),
}

impl ReadError {
    /// The Zoho error answered for it, if one is (a broken connection gets none).
    pub(crate) fn api_error(&self, bounds: BodyBounds) -> Option<ApiError> {
        match self {
            Self::TooLarge => Some(ApiError::new(
                413,
                codes::REQUEST_TOO_LARGE,
                format!(
                    "The request body exceeds the maximum size of {} bytes.",
                    bounds.max_bytes
                ),
            )),
            Self::TimedOut => Some(ApiError::new(
                408,
                codes::REQUEST_TIMEOUT,
                format!(
                    "The request body did not arrive within {} ms.",
                    bounds.timeout.as_millis()
                ),
            )),
            Self::Broken(_) => None,
        }
    }
}

/// The `Content-Length` a request announces, if it announces a valid one.
fn announced_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// Reads `body` whole, refusing it up front when `Content-Length` is over the bound and
/// stopping as soon as the bytes received go over it (a chunked body).
pub(crate) async fn read_body(
    body: Incoming,
    headers: &HeaderMap,
    bounds: BodyBounds,
) -> Result<Bytes, ReadError> {
    let max = u64::try_from(bounds.max_bytes).unwrap_or(u64::MAX);
    if announced_length(headers).is_some_and(|n| n > max) {
        return Err(ReadError::TooLarge);
    }
    tokio::time::timeout(bounds.timeout, collect_within(body, bounds.max_bytes))
        .await
        .unwrap_or(Err(ReadError::TimedOut))
}

/// Collects the data frames of `body` while they stay within `max` bytes.
async fn collect_within(mut body: Incoming, max: usize) -> Result<Bytes, ReadError> {
    let mut buf = BytesMut::new();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(ReadError::Broken)?;
        let Ok(data) = frame.into_data() else {
            continue;
        };
        if data.len() > max.saturating_sub(buf.len()) {
            return Err(ReadError::TooLarge);
        }
        buf.extend_from_slice(&data);
    }
    Ok(buf.freeze())
}
