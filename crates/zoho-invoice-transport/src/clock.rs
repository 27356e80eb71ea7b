//! Injectable time and randomness, so that retries are deterministic in tests.
//!
//! Monotonic time (token expiry, rate-limit windows, timeouts) is `tokio::time::Instant`, which
//! tokio's paused clock controls in tests. Wall-clock time (HTTP dates in `Retry-After`, quota
//! reset times) comes from a [`Clock`]; waits between retries go through a [`Sleeper`]; jitter
//! draws from a [`Random`].

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::time::{Duration, SystemTime};

/// The longest wait any number from the network is taken to mean (`Retry-After`,
/// `X-Rate-Limit-Reset`, a token's `expires_in`): one year. Larger numbers are capped to it,
/// so that no answer can overflow a clock.
pub const MAX_NETWORK_WAIT: Duration = Duration::from_secs(366 * 24 * 3600);

/// `wait`, capped at [`MAX_NETWORK_WAIT`].
pub(crate) fn network_wait(wait: Duration) -> Duration {
    wait.min(MAX_NETWORK_WAIT)
}

/// `now + wait`, with `wait` capped at [`MAX_NETWORK_WAIT`]: never panics.
pub(crate) fn instant_after(now: tokio::time::Instant, wait: Duration) -> tokio::time::Instant {
    let wait = network_wait(wait);
    now.checked_add(wait).unwrap_or(now)
}

/// `now + wait` on the wall clock, with `wait` capped at [`MAX_NETWORK_WAIT`].
pub(crate) fn system_after(now: SystemTime, wait: Duration) -> SystemTime {
    now.checked_add(network_wait(wait)).unwrap_or(now)
}

/// A source of wall-clock time.
pub trait Clock: Send + Sync + fmt::Debug + 'static {
    /// The current wall-clock time.
    fn now(&self) -> SystemTime;
}

/// The system's wall clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }
}

/// A fixed wall clock, for tests.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub SystemTime);

impl Clock for FixedClock {
    fn now(&self) -> SystemTime {
        self.0
    }
}

/// Something that waits.
pub trait Sleeper: Send + Sync + fmt::Debug + 'static {
    /// A future that completes after `duration`.
    fn sleep(&self, duration: Duration) -> Pin<Box<dyn Future<Output = ()> + Send + 'static>>;
}

/// Waits with `tokio::time::sleep` (so tokio's paused clock controls it).
#[derive(Debug, Clone, Copy, Default)]
pub struct TokioSleeper;

impl Sleeper for TokioSleeper {
    fn sleep(&self, duration: Duration) -> Pin<Box<dyn Future<Output = ()> + Send + 'static>> {
        Box::pin(tokio::time::sleep(duration))
    }
}

/// A source of uniformly distributed numbers in `[0, 1)`, used for jitter.
pub trait Random: Send + Sync + fmt::Debug + 'static {
    /// The next number in `[0, 1)`.
    fn next_unit(&self) -> f64;
}

/// Randomness from `fastrand` (a small, fast, non-cryptographic generator; jitter needs no
/// more).
#[derive(Debug, Clone, Copy, Default)]
pub struct FastRandom;

impl Random for FastRandom {
    fn next_unit(&self) -> f64 {
        fastrand::f64()
    }
}

/// Always the same number, for tests (clamped into `[0, 1)`).
#[derive(Debug, Clone, Copy)]
pub struct FixedRandom(pub f64);

impl Random for FixedRandom {
    fn next_unit(&self) -> f64 {
        self.0.clamp(0.0, 0.999_999_999)
    }
}
