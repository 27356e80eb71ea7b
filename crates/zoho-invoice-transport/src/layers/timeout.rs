//! Time limits: [`TotalTimeoutLayer`] around the whole call, [`AttemptTimeoutLayer`] around
//! each attempt, and the [`Timeouts`] the builder takes.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use pin_project_lite::pin_project;
use tokio::time::Sleep;
use tower::{Layer, Service};

use crate::error::{Error, ErrorKind, TimeoutKind};
use crate::request::ApiRequest;
use crate::response::ApiResponse;

/// The transport's time limits; `None` means no limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// Making a TCP connection (a failure here is a connect failure: nothing was sent).
    pub connect: Option<Duration>,
    /// One attempt: connect, send, and read the whole response.
    pub attempt: Option<Duration>,
    /// The whole call, retries, rate-limit and token waits included.
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

/// Bounds the whole call, retries and every wait included: outermost but for tracing. When it
/// runs out, the call fails with [`TimeoutKind::Total`] and whatever was under way is dropped.
#[derive(Debug, Clone, Copy)]
pub struct TotalTimeoutLayer {
    limit: Option<Duration>,
}

impl TotalTimeoutLayer {
    /// A limit of `limit` on each call (`None`: none).
    pub fn new(limit: Option<Duration>) -> Self {
        Self { limit }
    }
}

impl<S> Layer<S> for TotalTimeoutLayer {
    type Service = TimeLimit<S>;

    fn layer(&self, inner: S) -> TimeLimit<S> {
        TimeLimit {
            inner,
            limit: self.limit,
            kind: TimeoutKind::Total,
        }
    }
}

/// Bounds each attempt: connecting, sending and reading the whole answer. When it runs out,
/// the attempt fails with [`TimeoutKind::Attempt`] (which the retry layer may retry).
#[derive(Debug, Clone, Copy)]
pub struct AttemptTimeoutLayer {
    limit: Option<Duration>,
}

impl AttemptTimeoutLayer {
    /// A limit of `limit` on each attempt (`None`: none).
    pub fn new(limit: Option<Duration>) -> Self {
        Self { limit }
    }
}

impl<S> Layer<S> for AttemptTimeoutLayer {
    type Service = TimeLimit<S>;

    fn layer(&self, inner: S) -> TimeLimit<S> {
        TimeLimit {
            inner,
            limit: self.limit,
            kind: TimeoutKind::Attempt,
        }
    }
}

/// The service of [`TotalTimeoutLayer`] and [`AttemptTimeoutLayer`].
#[derive(Debug, Clone)]
pub struct TimeLimit<S> {
    inner: S,
    limit: Option<Duration>,
    kind: TimeoutKind,
}

impl<S> Service<ApiRequest> for TimeLimit<S>
where
    S: Service<ApiRequest, Response = ApiResponse, Error = Error>,
{
    type Response = ApiResponse;
    type Error = Error;
    type Future = TimeLimited<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: ApiRequest) -> Self::Future {
        TimeLimited {
            inner: self.inner.call(request),
            sleep: None,
            limit: self.limit,
            kind: self.kind,
        }
    }
}

pin_project! {
    /// A future with a time limit. The timer is armed the first time the future has to wait,
    /// so an answer that is ready at once costs none.
    pub struct TimeLimited<F> {
        #[pin]
        inner: F,
        #[pin]
        sleep: Option<Sleep>,
        limit: Option<Duration>,
        kind: TimeoutKind,
    }
}

impl<F> Future for TimeLimited<F>
where
    F: Future<Output = Result<ApiResponse, Error>>,
{
    type Output = Result<ApiResponse, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        if let Poll::Ready(output) = this.inner.poll(cx) {
            return Poll::Ready(output);
        }
        let Some(limit) = *this.limit else {
            return Poll::Pending;
        };
        if this.sleep.is_none() {
            this.sleep.set(Some(tokio::time::sleep(limit)));
        }
        if let Some(sleep) = this.sleep.as_pin_mut() {
            ready!(sleep.poll(cx));
        }
        Poll::Ready(Err(ErrorKind::Timeout {
            kind: *this.kind,
            after: limit,
        }
        .into()))
    }
}
