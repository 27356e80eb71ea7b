//! [`RetryLayer`]: sends an attempt again when its [`Policy`] says so.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use pin_project_lite::pin_project;
use tower::{Layer, Service};

use crate::clock::{Clock, FastRandom, Random, Sleeper, SystemClock, TokioSleeper};
use crate::error::{Error, ErrorKind, TimeoutKind};
use crate::outcome::Outcome;
use crate::request::{ApiRequest, Deadline};
use crate::response::ApiResponse;
use crate::retry::{Decision, Policy, RetryBudget, RetryPolicy};

/// Retries attempts as its [`Policy`] decides ([`RetryPolicy`] by default), paying for each
/// retry from a [`RetryBudget`]. It sits outside auth (each attempt reads the token again) and
/// outside the rate limiter (retries are throttled too).
///
/// A request that carries a [`RetryPolicy`] in its extensions is decided by that one instead.
///
/// ```
/// use std::time::Duration;
/// use zoho_invoice_transport::{RetryLayer, RetryPolicy};
///
/// let layer = RetryLayer::new(RetryPolicy::default().with_max_attempts(2))
///     .with_budget(zoho_invoice_transport::RetryBudget::unlimited());
/// # let _ = layer;
/// ```
#[derive(Clone)]
pub struct RetryLayer<P = RetryPolicy> {
    shared: Arc<Settings<P>>,
}

/// What the retry layer and its services share: the policy, the budget, time and chance.
struct Settings<P> {
    policy: P,
    budget: RetryBudget,
    clock: Arc<dyn Clock>,
    sleeper: Arc<dyn Sleeper>,
    random: Arc<dyn Random>,
}

impl<P: fmt::Debug> fmt::Debug for RetryLayer<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RetryLayer")
            .field("policy", &self.shared.policy)
            .field("budget", &self.shared.budget)
            .finish_non_exhaustive()
    }
}

impl<P: Policy> RetryLayer<P> {
    /// Retries as `policy` decides, with the default budget, the system clock, tokio's sleep
    /// and `fastrand` jitter.
    pub fn new(policy: P) -> Self {
        Self {
            shared: Arc::new(Settings {
                policy,
                budget: RetryBudget::default(),
                clock: Arc::new(SystemClock),
                sleeper: Arc::new(TokioSleeper),
                random: Arc::new(FastRandom),
            }),
        }
    }

    fn map(self, f: impl FnOnce(&mut Settings<P>)) -> Self
    where
        P: Clone,
    {
        let mut shared = Settings {
            policy: self.shared.policy.clone(),
            budget: self.shared.budget.clone(),
            clock: self.shared.clock.clone(),
            sleeper: self.shared.sleeper.clone(),
            random: self.shared.random.clone(),
        };
        f(&mut shared);
        Self {
            shared: Arc::new(shared),
        }
    }

    /// The same layer deciding with `policy`.
    pub fn with_policy<Q: Policy>(self, policy: Q) -> RetryLayer<Q> {
        let shared = &self.shared;
        RetryLayer {
            shared: Arc::new(Settings {
                policy,
                budget: shared.budget.clone(),
                clock: shared.clock.clone(),
                sleeper: shared.sleeper.clone(),
                random: shared.random.clone(),
            }),
        }
    }

    /// The budget retries are paid from (clones share it).
    pub fn with_budget(self, budget: RetryBudget) -> Self
    where
        P: Clone,
    {
        self.map(|s| s.budget = budget)
    }

    /// The wall clock (read for `Retry-After` dates).
    pub fn with_clock(self, clock: Arc<dyn Clock>) -> Self
    where
        P: Clone,
    {
        self.map(|s| s.clock = clock)
    }

    /// What waits between attempts.
    pub fn with_sleeper(self, sleeper: Arc<dyn Sleeper>) -> Self
    where
        P: Clone,
    {
        self.map(|s| s.sleeper = sleeper)
    }

    /// The randomness for jitter.
    pub fn with_random(self, random: Arc<dyn Random>) -> Self
    where
        P: Clone,
    {
        self.map(|s| s.random = random)
    }
}

impl<S, P> Layer<S> for RetryLayer<P> {
    type Service = Retry<S, P>;

    fn layer(&self, inner: S) -> Retry<S, P> {
        Retry {
            inner,
            shared: self.shared.clone(),
        }
    }
}

/// The service of [`RetryLayer`].
pub struct Retry<S, P = RetryPolicy> {
    inner: S,
    shared: Arc<Settings<P>>,
}

impl<S: Clone, P> Clone for Retry<S, P> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
            shared: self.shared.clone(),
        }
    }
}

impl<S, P> fmt::Debug for Retry<S, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Retry").finish_non_exhaustive()
    }
}

impl<S, P> Service<ApiRequest> for Retry<S, P>
where
    S: Service<ApiRequest, Response = ApiResponse, Error = Error> + Clone,
    P: Policy,
{
    type Response = ApiResponse;
    type Error = Error;
    type Future = Retrying<S, P>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: ApiRequest) -> Self::Future {
        let max_attempts = match request.extensions().get::<RetryPolicy>() {
            Some(policy) => policy.max_attempts(),
            None => self.shared.policy.max_attempts(),
        };
        // A copy for the next attempt, unless there will be none.
        let copy = (max_attempts > 1).then(|| request.clone());
        // The service made ready goes into the future; a clone stays here.
        let ready = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, ready);
        let attempt = inner.call(request);
        Retrying {
            state: State::Attempt { future: attempt },
            inner,
            shared: self.shared.clone(),
            copy,
            attempt: 1,
            waited: Duration::ZERO,
        }
    }
}

type Sleep = Pin<Box<dyn Future<Output = ()> + Send + 'static>>;

pin_project! {
    #[project = StateProjection]
    enum State<F> {
        Attempt { #[pin] future: F },
        // `deadline`: the wait ends at the call's deadline, which then fails the call.
        Waiting { sleep: Sleep, deadline: Option<Deadline> },
        Ready,
    }
}

pin_project! {
    /// A call under the retry layer: its attempts and the waits between them.
    pub struct Retrying<S, P>
    where
        S: Service<ApiRequest>,
    {
        #[pin]
        state: State<S::Future>,
        inner: S,
        shared: Arc<Settings<P>>,
        copy: Option<ApiRequest>,
        attempt: u32,
        waited: Duration,
    }
}

/// The call's deadline ran out (the attempt's timer was the call's): nothing more may be
/// tried.
fn past_deadline(result: &Result<ApiResponse, Error>) -> bool {
    matches!(result, Err(e) if matches!(e.kind(), ErrorKind::Timeout { kind: TimeoutKind::Total, .. }))
}

/// The call's span (current while the layers under tracing run), or a disabled one when no
/// subscriber takes debug spans: then nothing is looked up.
fn call_span() -> tracing::Span {
    if tracing::level_enabled!(tracing::Level::DEBUG) {
        tracing::Span::current()
    } else {
        tracing::Span::none()
    }
}

impl<S, P> Future for Retrying<S, P>
where
    S: Service<ApiRequest, Response = ApiResponse, Error = Error>,
    P: Policy,
{
    type Output = Result<ApiResponse, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        loop {
            match this.state.as_mut().project() {
                StateProjection::Attempt { future } => {
                    let result = ready!(future.poll(cx));
                    // The last attempt kept no copy: nothing more can be tried. Nor can anything
                    // after the call's deadline (which the attempt's timer kept).
                    let Some(copy) = this.copy.as_ref().filter(|_| !past_deadline(&result)) else {
                        return Poll::Ready(result);
                    };
                    let shared = &**this.shared;
                    let outcome = Outcome::of(&result, || shared.clock.now());
                    let random = shared.random.next_unit();
                    // A policy on the request decides for it (the copy keeps the extensions).
                    let decision = match copy.extensions().get::<RetryPolicy>() {
                        Some(policy) => policy.decide(copy, *this.attempt, outcome, random),
                        None => shared.policy.decide(copy, *this.attempt, outcome, random),
                    };
                    let span = call_span();
                    if !span.is_disabled() {
                        span.record("attempts", *this.attempt);
                    }
                    match decision {
                        Decision::Retry { after } if shared.budget.try_withdraw() => {
                            *this.waited += after;
                            tracing::debug!(
                                attempt = *this.attempt,
                                wait_ms = after.as_millis() as u64,
                                "attempt failed; retrying"
                            );
                            if !span.is_disabled() {
                                span.record("wait_ms", this.waited.as_millis() as u64);
                            }
                            // A wait past the call's deadline ends at the deadline.
                            let now = tokio::time::Instant::now();
                            let (after, deadline) = match copy.deadline() {
                                Some(d) if now + after >= d.at => (d.at - now, Some(d)),
                                _ => (after, None),
                            };
                            let sleep = shared.sleeper.sleep(after);
                            this.state.set(State::Waiting { sleep, deadline });
                        }
                        Decision::Retry { .. } => {
                            tracing::debug!(attempt = *this.attempt, "retry budget spent");
                            return Poll::Ready(result);
                        }
                        Decision::Stop(_) => {
                            if matches!(&result, Ok(r) if r.status().is_success()) {
                                shared.budget.deposit();
                            }
                            return Poll::Ready(result);
                        }
                    }
                }
                StateProjection::Waiting { sleep, deadline } => {
                    ready!(sleep.as_mut().poll(cx));
                    if let Some(deadline) = deadline {
                        return Poll::Ready(Err(deadline.error()));
                    }
                    *this.attempt += 1;
                    this.state.set(State::Ready);
                }
                StateProjection::Ready => {
                    ready!(this.inner.poll_ready(cx))?;
                    let max_attempts = match this
                        .copy
                        .as_ref()
                        .and_then(|c| c.extensions().get::<RetryPolicy>())
                    {
                        Some(policy) => policy.max_attempts(),
                        None => this.shared.policy.max_attempts(),
                    };
                    // The last attempt gets the copy itself.
                    let request = if *this.attempt >= max_attempts {
                        this.copy.take()
                    } else {
                        this.copy.clone()
                    };
                    let Some(request) = request else {
                        return Poll::Ready(Err(ErrorKind::InvalidRequest(
                            "the request is gone after its last attempt".into(),
                        )
                        .into()));
                    };
                    let future = this.inner.call(request);
                    this.state.set(State::Attempt { future });
                }
            }
        }
    }
}
