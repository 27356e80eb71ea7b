//! API rate limits: a quota per window (a minute, or a shorter window for tests), a daily
//! quota and a concurrency limit per organization, answered with 429, and the
//! `X-Rate-Limit-*` headers.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::reply::{ApiError, codes};

/// Rate limits of the fake API, per organization. `None` means unlimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Requests per [`window`](Self::window).
    pub per_window: Option<u32>,
    /// The window `per_window` counts in: fixed windows of this length on the server's
    /// clock, from its start (default: a minute, as Zoho counts). A shorter one lets tests of
    /// rate limiting take seconds.
    pub window: Duration,
    /// Requests per day (reported in `X-Rate-Limit-Limit`).
    pub daily: u32,
    /// Requests in flight at once.
    pub concurrent: Option<u32>,
}

impl Default for Limits {
    /// No per-minute or concurrency limit, and a daily quota of a million, so tests and
    /// benchmarks are not throttled unless they ask to be.
    fn default() -> Self {
        Self {
            per_window: None,
            window: MINUTE,
            daily: 1_000_000,
            concurrent: None,
        }
    }
}

impl Limits {
    /// Zoho's free plan: 100 per minute, 1,000 per day, 5 in flight.
    pub fn free_plan() -> Self {
        Self {
            per_window: Some(100),
            window: MINUTE,
            daily: 1_000,
            concurrent: Some(5),
        }
    }

    /// A paid plan: 100 per minute, 10,000 per day, 10 in flight.
    pub fn paid_plan() -> Self {
        Self {
            per_window: Some(100),
            window: MINUTE,
            daily: 10_000,
            concurrent: Some(10),
        }
    }

    /// At most `n` requests a minute (`None`: no such limit), as Zoho counts.
    #[must_use]
    pub fn with_per_minute(mut self, n: Option<u32>) -> Self {
        self.per_window = n;
        self.window = MINUTE;
        self
    }

    /// At most `n` requests in each `window` (fixed windows on the server's clock, counted
    /// from its start), e.g. `with_per_window(60, Duration::from_secs(3))`: Zoho's quota
    /// scaled down so that a test of it takes seconds. A window under a millisecond counts
    /// as a millisecond.
    #[must_use]
    pub fn with_per_window(mut self, n: u32, window: Duration) -> Self {
        self.per_window = Some(n);
        self.window = window.max(MIN_WINDOW);
        self
    }

    /// Sets the daily quota.
    #[must_use]
    pub fn with_daily(mut self, n: u32) -> Self {
        self.daily = n;
        self
    }

    /// Sets the concurrency limit.
    #[must_use]
    pub fn with_concurrent(mut self, n: Option<u32>) -> Self {
        self.concurrent = n;
        self
    }
}

/// The default window: a minute.
const MINUTE: Duration = Duration::from_secs(60);
/// The shortest window counted.
const MIN_WINDOW: Duration = Duration::from_millis(1);

#[derive(Debug, Default)]
struct Usage {
    /// The index of the current window (server time divided by the window).
    window: u128,
    window_count: u32,
    day: u64,
    day_count: u32,
    in_flight: u32,
}

/// Counts requests per organization.
#[derive(Debug)]
pub(crate) struct Limiter {
    limits: Mutex<Limits>,
    usage: Arc<Mutex<HashMap<String, Usage>>>,
    /// Requests answered with 429 by these limits since the start.
    refused: AtomicU64,
}

/// Held while a request is in flight.
#[derive(Debug)]
pub(crate) struct Permit {
    usage: Arc<Mutex<HashMap<String, Usage>>>,
    org: String,
}

impl Drop for Permit {
    fn drop(&mut self) {
        let mut usage = self.usage.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(u) = usage.get_mut(&self.org) {
            u.in_flight = u.in_flight.saturating_sub(1);
        }
    }
}

/// The `X-Rate-Limit-*` values of one answer.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RateHeaders {
    pub(crate) limit: u32,
    pub(crate) remaining: u32,
    pub(crate) reset: u64,
}

const DAY: u64 = 86_400;

impl Limiter {
    pub(crate) fn new(limits: Limits) -> Self {
        Self {
            limits: Mutex::new(limits),
            usage: Arc::new(Mutex::new(HashMap::new())),
            refused: AtomicU64::new(0),
        }
    }

    /// The limits in force.
    pub(crate) fn limits(&self) -> Limits {
        *self.limits.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// How many requests these limits answered with 429 since the server started.
    pub(crate) fn refused(&self) -> u64 {
        self.refused.load(Ordering::Relaxed)
    }

    /// Replaces the limits.
    pub(crate) fn set(&self, limits: Limits) {
        *self.limits.lock().unwrap_or_else(|e| e.into_inner()) = limits;
    }

    /// Forgets all usage (the count of refusals stays).
    pub(crate) fn reset(&self) {
        self.usage.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    /// Admits one request of `org` at server time `elapsed`, or refuses it with 429.
    pub(crate) fn admit(
        &self,
        org: &str,
        elapsed: Duration,
    ) -> (Result<Permit, ApiError>, RateHeaders) {
        let limits = *self.limits.lock().unwrap_or_else(|e| e.into_inner());
        let secs = elapsed.as_secs();
        let mut usage = self.usage.lock().unwrap_or_else(|e| e.into_inner());
        let u = usage.entry(org.to_string()).or_default();
        let window = elapsed.as_millis() / limits.window.max(MIN_WINDOW).as_millis();
        if u.window != window {
            u.window = window;
            u.window_count = 0;
        }
        if u.day != secs / DAY {
            u.day = secs / DAY;
            u.day_count = 0;
        }
        let headers = |u: &Usage| RateHeaders {
            limit: limits.daily,
            remaining: limits.daily.saturating_sub(u.day_count),
            reset: DAY - secs % DAY,
        };
        let refuse = |message: &'static str, u: &Usage| {
            self.refused.fetch_add(1, Ordering::Relaxed);
            (
                Err(ApiError::new(429, codes::RATE_LIMITED, message)),
                headers(u),
            )
        };
        if u.day_count >= limits.daily {
            return refuse(
                "You have reached the maximum number of API calls allowed per day.",
                u,
            );
        }
        if limits.per_window.is_some_and(|n| u.window_count >= n) {
            return refuse(
                "You have made too many requests in a minute. Please try again after some time.",
                u,
            );
        }
        if limits.concurrent.is_some_and(|n| u.in_flight >= n) {
            return refuse(
                "You have made too many concurrent requests. Please try again after some time.",
                u,
            );
        }
        u.window_count += 1;
        u.day_count += 1;
        u.in_flight += 1;
        let h = headers(u);
        (
            Ok(Permit {
                usage: Arc::clone(&self.usage),
                org: org.to_string(),
            }),
            h,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_minute_quota_resets_next_minute() {
        let l = Limiter::new(Limits::default().with_per_minute(Some(2)));
        let t = Duration::from_secs(5);
        assert!(l.admit("o", t).0.is_ok());
        assert!(l.admit("o", t).0.is_ok());
        let (r, h) = l.admit("o", t);
        assert_eq!(r.expect_err("third is refused").status, 429);
        assert_eq!(h.remaining, 1_000_000 - 2);
        assert!(l.admit("other", t).0.is_ok(), "quotas are per organization");
        assert!(l.admit("o", Duration::from_secs(61)).0.is_ok());
    }

    #[test]
    fn a_scaled_window_counts_in_its_own_windows() {
        let l = Limiter::new(Limits::default().with_per_window(2, Duration::from_secs(3)));
        let at = Duration::from_millis;
        assert!(l.admit("o", at(100)).0.is_ok());
        assert!(l.admit("o", at(2_900)).0.is_ok());
        assert_eq!(l.admit("o", at(2_999)).0.expect_err("third").status, 429);
        assert_eq!(l.refused(), 1);
        // The next window starts at 3 s on the server's clock.
        assert!(l.admit("o", at(3_000)).0.is_ok());
        assert!(l.admit("o", at(5_999)).0.is_ok());
        assert!(l.admit("o", at(5_999)).0.is_err());
        assert_eq!(l.refused(), 2);
        assert_eq!(l.limits().window, Duration::from_secs(3));
    }

    #[test]
    fn refusals_of_every_limit_are_counted() {
        let l = Limiter::new(Limits::default().with_daily(1).with_concurrent(Some(1)));
        let t = Duration::ZERO;
        let p = l.admit("o", t).0.expect("first");
        assert!(l.admit("o", t).0.is_err(), "daily");
        drop(p);
        assert!(l.admit("o", t).0.is_err(), "daily again");
        assert_eq!(l.refused(), 2);
        l.reset();
        assert_eq!(l.refused(), 2, "forgetting usage keeps the count");
    }

    #[test]
    fn concurrency_is_released_on_drop() {
        let l = Limiter::new(Limits::default().with_concurrent(Some(1)));
        let t = Duration::ZERO;
        let p = l.admit("o", t).0.expect("first");
        assert!(l.admit("o", t).0.is_err());
        drop(p);
        assert!(l.admit("o", t).0.is_ok());
    }

    #[test]
    fn daily_quota_and_reset_header() {
        let l = Limiter::new(Limits::default().with_daily(1));
        let (r, h) = l.admit("o", Duration::from_secs(100));
        assert!(r.is_ok());
        assert_eq!((h.limit, h.remaining, h.reset), (1, 0, DAY - 100));
        assert!(l.admit("o", Duration::from_secs(200)).0.is_err());
        assert!(l.admit("o", Duration::from_secs(DAY + 1)).0.is_ok());
    }
}
