//! Time limits: connect, per attempt, and for the whole call.

use std::task::{Context, Poll};
use std::time::Duration;

use tower::Service;

use crate::BoxFuture;
use crate::error::{Error, TimeoutKind};
use crate::request::ApiRequest;
use crate::response::ApiResponse;
use crate::shared::Shared;

/// The transport's time limits; `None` means no limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// Making a TCP connection (a failure here is a connect failure: nothing was sent).
    pub connect: Option<Duration>,
    /// One attempt: connect, send, and read the whole response.
    pub attempt: Option<Duration>,
    /// The whole call, retries and their waits included.
    pub total: Option<Duration>,
}

impl Default for Timeouts {
    /// Connect 10 s, attempt 60 s, total 5 minutes.
    fn default() -> Self {
        Self {
            connect: Some(Duration::from_secs(10)),
            attempt: Some(Duration::from_secs(60)),
            total: Some(Duration::from_secs(300)),
        }
    }
}

impl Timeouts {
    /// No time limit at all.
    pub fn none() -> Self {
        Self {
            connect: None,
            attempt: None,
            total: None,
        }
    }
}

/// Wraps the inner service's call in a time limit.
#[derive(Clone)]
pub(crate) struct TimeoutService {
    pub(crate) inner: Shared,
    pub(crate) limit: Duration,
    pub(crate) kind: TimeoutKind,
}

impl Service<ApiRequest> for TimeoutService {
    type Response = ApiResponse;
    type Error = Error;
    type Future = BoxFuture<Result<ApiResponse, Error>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: ApiRequest) -> Self::Future {
        let call = self.inner.call(request);
        let (limit, kind) = (self.limit, self.kind);
        Box::pin(async move {
            match tokio::time::timeout(limit, call).await {
                Ok(result) => result,
                Err(_) => Err(Error::Timeout { kind, after: limit }),
            }
        })
    }
}
