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
