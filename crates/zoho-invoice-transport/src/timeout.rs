//! Time limits: connect, per attempt, and for the whole call.

use std::future::Future;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::time::Instant;
use tower::Service;

use crate::BoxFuture;
use crate::error::{Error, TimeoutKind};
use crate::http_client::{Bottom, Timer};
use crate::request::ApiRequest;
use crate::response::ApiResponse;
use crate::shared::{Call, Deadline, Shared};

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

/// Wraps the inner tower service's call in a time limit (below user layers, and in front of
/// the accounts server).
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
        let call = self.inner.start(request);
        let (limit, kind) = (self.limit, self.kind);
        Box::pin(async move {
            match tokio::time::timeout(limit, call).await {
                Ok(result) => result,
                Err(_) => Err(Error::Timeout { kind, after: limit }),
            }
        })
    }
}

/// The total time limit, outermost but for tracing.
///
/// It arms no timer of its own: it hands its deadline down. The per-attempt timeout folds it
/// into its own timer (one timer per attempt, at whichever comes first), and the layers that
/// wait in between (rate limiter, token source, retry back-off) keep to it.
pub(crate) struct TotalTimeout<S> {
    pub(crate) inner: S,
    pub(crate) limit: Option<Duration>,
}

impl<S: Call> Call for TotalTimeout<S> {
    fn call(
        &self,
        request: ApiRequest,
        deadline: Option<Deadline>,
    ) -> impl Future<Output = Result<ApiResponse, Error>> + Send + '_ {
        let deadline = self.limit.map(Deadline::after).or(deadline);
        self.inner.call(request, deadline)
    }
}

/// The per-attempt time limit, with the call's total deadline folded in: one timer per
/// attempt, at whichever comes first; the error tells which one ran out. (Under user layers
/// the per-attempt limit is a [`TimeoutService`] below them, and this one keeps the total
/// deadline alone.)
pub(crate) struct AttemptTimeout {
    pub(crate) inner: Bottom,
    pub(crate) limit: Option<Duration>,
}

impl AttemptTimeout {
    /// Sends `request` (or fails with the error the layer above had) within the earlier of
    /// the attempt's limit and the call's deadline.
    pub(crate) fn start(
        &self,
        request: Result<ApiRequest, Error>,
        deadline: Option<Deadline>,
    ) -> impl Future<Output = Result<ApiResponse, Error>> + Send + '_ {
        let attempt = self.limit.map(|limit| Timer {
            at: Instant::now() + limit,
            kind: TimeoutKind::Attempt,
            after: limit,
        });
        let timer = match (attempt, deadline) {
            (Some(attempt), Some(total)) if total.at < attempt.at => Some(total.timer()),
            (Some(attempt), _) => Some(attempt),
            (None, total) => total.map(|total| total.timer()),
        };
        self.inner.send(request, timer)
    }
}

impl Call for AttemptTimeout {
    fn call(
        &self,
        request: ApiRequest,
        deadline: Option<Deadline>,
    ) -> impl Future<Output = Result<ApiResponse, Error>> + Send + '_ {
        self.start(Ok(request), deadline)
    }
}
