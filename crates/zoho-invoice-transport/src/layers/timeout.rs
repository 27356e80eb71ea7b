//! Time limits: [`TotalTimeoutLayer`] around the whole call, [`AttemptTimeoutLayer`] around
//! each attempt, and the [`Timeouts`] the builder takes. The call's [`Deadline`] travels on
//! the request, so an attempt needs one timer, not two.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use pin_project_lite::pin_project;
use tokio::time::{Instant, Sleep};
use tower::{Layer, Service};

use crate::error::{Error, ErrorKind, TimeoutKind};
use crate::request::{ApiRequest, Deadline};
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
///
/// It puts its [`Deadline`] on the request, for the layers under it that wait and for the
/// per-attempt timeout (which then arms one timer for whichever comes first).
#[derive(Debug, Clone, Copy)]
pub struct TotalTimeoutLayer {
    limit: Option<Duration>,
    own_timer: bool,
}

impl TotalTimeoutLayer {
    /// A limit of `limit` on each call (`None`: none), with a timer of its own.
    pub fn new(limit: Option<Duration>) -> Self {
        Self {
            limit,
            own_timer: true,
        }
    }

    /// A limit of `limit` on each call that arms no timer of its own: it only puts the
    /// [`Deadline`] on the request. Use it only where every layer below that may wait keeps
    /// to [`ApiRequest::deadline`] (the built-in ones do) and an [`AttemptTimeoutLayer`] sits
    /// at the bottom: the default stack, which saves a timer per call this way.
    pub fn deadline_only(limit: Option<Duration>) -> Self {
        Self {
            limit,
            own_timer: false,
        }
    }
}

impl<S> Layer<S> for TotalTimeoutLayer {
    type Service = TotalTimeout<S>;

    fn layer(&self, inner: S) -> TotalTimeout<S> {
        TotalTimeout {
            inner,
            limit: self.limit,
            own_timer: self.own_timer,
        }
    }
}

/// The service of [`TotalTimeoutLayer`].
#[derive(Debug, Clone)]
pub struct TotalTimeout<S> {
    inner: S,
    limit: Option<Duration>,
    own_timer: bool,
}

impl<S> Service<ApiRequest> for TotalTimeout<S>
where
    S: Service<ApiRequest, Response = ApiResponse, Error = Error>,
{
    type Response = ApiResponse;
    type Error = Error;
    type Future = TimeLimited<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: ApiRequest) -> Self::Future {
        let timer = self.limit.map(|limit| {
            let deadline = Deadline {
                at: Instant::now() + limit,
                limit,
            };
            request.set_deadline(deadline);
            Timer {
                at: deadline.at,
                kind: TimeoutKind::Total,
                after: limit,
            }
        });
        TimeLimited {
            inner: self.inner.call(request),
            sleep: None,
            timer: timer.filter(|_| self.own_timer),
        }
    }
}

/// Bounds each attempt: connecting, sending and reading the whole answer. When it runs out,
/// the attempt fails with [`TimeoutKind::Attempt`] (which the retry layer may retry). When
/// the request's [`Deadline`] comes first, its one timer is set to that instead, and the
/// attempt fails with [`TimeoutKind::Total`].
#[derive(Debug, Clone, Copy)]
pub struct AttemptTimeoutLayer {
    limit: Option<Duration>,
}

impl AttemptTimeoutLayer {
    /// A limit of `limit` on each attempt (`None`: none but the call's deadline).
    pub fn new(limit: Option<Duration>) -> Self {
        Self { limit }
    }
}

impl<S> Layer<S> for AttemptTimeoutLayer {
    type Service = AttemptTimeout<S>;

    fn layer(&self, inner: S) -> AttemptTimeout<S> {
        AttemptTimeout {
            inner,
            limit: self.limit,
        }
    }
}

/// The service of [`AttemptTimeoutLayer`].
#[derive(Debug, Clone)]
pub struct AttemptTimeout<S> {
    inner: S,
    limit: Option<Duration>,
}

impl<S> Service<ApiRequest> for AttemptTimeout<S>
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
        let call = request.deadline().map(|deadline| Timer {
            at: deadline.at,
            kind: TimeoutKind::Total,
            after: deadline.limit,
        });
        let attempt = self.limit.map(|limit| Timer {
            at: Instant::now() + limit,
            kind: TimeoutKind::Attempt,
            after: limit,
        });
        let timer = match (attempt, call) {
            (Some(attempt), Some(call)) if call.at < attempt.at => Some(call),
            (Some(attempt), _) => Some(attempt),
            (None, call) => call,
        };
        TimeLimited {
            inner: self.inner.call(request),
            sleep: None,
            timer,
        }
    }
}

/// A time limit: when it runs out, and the error it makes.
#[derive(Debug, Clone, Copy)]
struct Timer {
    at: Instant,
    kind: TimeoutKind,
    after: Duration,
}

pin_project! {
    /// A future with a time limit. The timer is armed the first time the future has to wait,
    /// so an answer that is ready at once costs none.
    pub struct TimeLimited<F> {
        #[pin]
        inner: F,
        #[pin]
        sleep: Option<Sleep>,
        timer: Option<Timer>,
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
        let Some(timer) = *this.timer else {
            return Poll::Pending;
        };
        if this.sleep.is_none() {
            this.sleep.set(Some(tokio::time::sleep_until(timer.at)));
        }
        if let Some(sleep) = this.sleep.as_pin_mut() {
            ready!(sleep.poll(cx));
        }
        Poll::Ready(Err(ErrorKind::Timeout {
            kind: timer.kind,
            after: timer.after,
        }
        .into()))
    }
}
