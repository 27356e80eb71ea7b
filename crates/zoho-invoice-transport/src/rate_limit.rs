//! Client-side rate limiting, keyed by organization: [`RateLimiter`], shared by every clone of
//! a transport. The layer that applies it is [`RateLimitLayer`](crate::RateLimitLayer).
//!
//! Zoho counts requests per organization: 100 per minute, 10 in flight (5 on the free plan),
//! and a daily quota reported in `X-Rate-Limit-Limit`, `X-Rate-Limit-Remaining` and
//! `X-Rate-Limit-Reset` (seconds until it resets).
//!
//! # Why not `governor`
//!
//! `governor` implements GCRA, a leaky bucket: with a burst of 100 it lets 100 requests through
//! at once and then one every 600 ms, so 250 requests take 90 s and any 60-second window can
//! see up to 200 of them, which Zoho refuses with 429. Zoho's rule is "at most N in any
//! minute", which is a sliding-window log: remember when the last N requests left, and let the
//! next one go when the oldest is a minute old. That is a `VecDeque` of at most N instants;
//! together with a semaphore for the in-flight cap and the quota headers, it is short enough
//! that a dependency (and its own clock, which tokio's paused clock does not drive) would cost
//! more than it saves.

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use http::{HeaderMap, HeaderName, StatusCode};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, TryAcquireError};
use tokio::time::Instant;

use crate::clock::{Clock, SystemClock, instant_after, network_wait, system_after};
use crate::error::{Error, ErrorKind};
use crate::response::{ApiResponse, retry_after};

/// The limits the transport keeps to, per organization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateLimitConfig {
    requests_per_window: u32,
    window: Duration,
    max_in_flight: u32,
    pause_after_429: Duration,
    max_pause: Duration,
}

impl Default for RateLimitConfig {
    /// 100 requests per minute, 10 in flight, a 10 s pause after a 429 without `Retry-After`,
    /// and pauses the server asks for accepted up to 5 minutes.
    fn default() -> Self {
        Self {
            requests_per_window: 100,
            window: Duration::from_secs(60),
            max_in_flight: 10,
            pause_after_429: Duration::from_secs(10),
            max_pause: Duration::from_secs(300),
        }
    }
}

impl RateLimitConfig {
    /// The free plan's limits: 100 per minute, 5 in flight.
    pub fn free_plan() -> Self {
        Self::default().with_max_in_flight(5)
    }

    /// At most `requests` per `window` (a sliding window).
    pub fn with_requests_per(mut self, requests: u32, window: Duration) -> Self {
        self.requests_per_window = requests.max(1);
        self.window = window;
        self
    }

    /// At most `requests` per minute.
    pub fn with_requests_per_minute(self, requests: u32) -> Self {
        self.with_requests_per(requests, Duration::from_secs(60))
    }

    /// At most this many requests in flight per organization.
    pub fn with_max_in_flight(mut self, in_flight: u32) -> Self {
        self.max_in_flight = in_flight.max(1);
        self
    }

    /// How long to hold back an organization's requests after a 429 that had no
    /// `Retry-After`.
    pub fn with_pause_after_429(mut self, pause: Duration) -> Self {
        self.pause_after_429 = pause;
        self
    }

    /// The longest pause after a 429 that calls wait out (default 5 minutes). When the server
    /// asks for a longer one, calls of that organization fail at once with
    /// [`ErrorKind::Throttled`], saying when the wait is over, instead of waiting.
    pub fn with_max_pause(mut self, pause: Duration) -> Self {
        self.max_pause = pause;
        self
    }

    /// Requests allowed per window.
    pub fn requests_per_window(&self) -> u32 {
        self.requests_per_window
    }

    /// Requests allowed in flight.
    pub fn max_in_flight(&self) -> u32 {
        self.max_in_flight
    }

    /// The sliding window [`requests_per_window`](Self::requests_per_window) counts in.
    pub fn window(&self) -> Duration {
        self.window
    }

    /// How long an organization's requests are held back after a 429 without `Retry-After`.
    pub fn pause_after_429(&self) -> Duration {
        self.pause_after_429
    }

    /// The longest pause after a 429 that calls wait out.
    pub fn max_pause(&self) -> Duration {
        self.max_pause
    }
}

/// The daily quota as the last response reported it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotaStatus {
    /// `X-Rate-Limit-Limit`: requests allowed per day.
    pub limit: Option<u64>,
    /// `X-Rate-Limit-Remaining`: requests left today.
    pub remaining: u64,
    /// When the quota resets (from `X-Rate-Limit-Reset`).
    pub resets_at: SystemTime,
}

#[derive(Debug, Clone, Copy)]
struct Quota {
    status: QuotaStatus,
    resets_at: Instant,
}

/// A wait the server asked for that is longer than the limiter accepts.
#[derive(Debug, Clone, Copy)]
struct Refusal {
    until: Instant,
    until_wall: SystemTime,
}

#[derive(Debug, Default)]
struct OrgState {
    sent: VecDeque<Instant>,
    paused_until: Option<Instant>,
    refused: Option<Refusal>,
    quota: Option<Quota>,
}

/// One organization's limits.
#[derive(Debug)]
pub(crate) struct OrgLimiter {
    /// The organization's id; empty for the transport's default organization.
    key: String,
    in_flight: Arc<Semaphore>,
    state: Mutex<OrgState>,
}

/// What the limiter says about a request now.
pub(crate) enum Admission {
    /// Go: the permit is held until the answer.
    Go(OwnedSemaphorePermit),
    /// Wait and ask again.
    Wait,
}

/// The rate limiter: one sliding window, in-flight cap and daily quota per organization.
/// Clones share it.
#[derive(Clone)]
pub struct RateLimiter {
    organizations: Arc<Organizations>,
}

/// What every clone of a [`RateLimiter`] shares: the limits and each organization's state.
struct Organizations {
    config: RateLimitConfig,
    clock: Arc<dyn Clock>,
    orgs: Mutex<HashMap<String, Arc<OrgLimiter>>>,
}

impl fmt::Debug for RateLimiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RateLimiter")
            .field("config", &self.organizations.config)
            .finish_non_exhaustive()
    }
}

impl RateLimiter {
    /// A limiter keeping to `config`, reading the wall clock from the system.
    pub fn new(config: RateLimitConfig) -> Self {
        Self::with_clock(config, Arc::new(SystemClock))
    }

    /// A limiter keeping to `config`, reading the wall clock (for quota resets) from `clock`.
    pub fn with_clock(config: RateLimitConfig, clock: Arc<dyn Clock>) -> Self {
        Self {
            organizations: Arc::new(Organizations {
                config,
                clock,
                orgs: Mutex::new(HashMap::new()),
            }),
        }
    }

    /// The limits it keeps to.
    pub fn config(&self) -> &RateLimitConfig {
        &self.organizations.config
    }

    /// The limiter of organization `key` (created on first use; `""` stands for a default
    /// organization the layer was not told the id of).
    pub(crate) fn org(&self, key: &str) -> Arc<OrgLimiter> {
        let mut orgs = self
            .organizations
            .orgs
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(limiter) = orgs.get(key) {
            return limiter.clone();
        }
        let limiter = Arc::new(OrgLimiter {
            key: key.to_owned(),
            in_flight: Arc::new(Semaphore::new(
                self.organizations.config.max_in_flight as usize,
            )),
            state: Mutex::new(OrgState::default()),
        });
        orgs.insert(key.to_owned(), limiter.clone());
        limiter
    }

    /// The daily quota of `organization` as last reported.
    pub fn quota(&self, organization: &str) -> Option<QuotaStatus> {
        let limiter = self.org(organization);
        let state = limiter.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.quota.map(|q| q.status)
    }

    /// Whether `org` may send now: a spent quota or a refused wait fails at once.
    pub(crate) fn try_admit(&self, org: &OrgLimiter) -> Result<Admission, Error> {
        let permit = match org.in_flight.clone().try_acquire_owned() {
            Ok(permit) => permit,
            Err(TryAcquireError::NoPermits) => {
                // A spent quota fails at once rather than after the wait.
                let state = org.state.lock().unwrap_or_else(PoisonError::into_inner);
                self.refusal(org, &state, Instant::now())?;
                return Ok(Admission::Wait);
            }
            Err(TryAcquireError::Closed) => return Err(closed()),
        };
        match self.try_window(org)? {
            None => Ok(Admission::Go(permit)),
            // The permit goes back; the caller waits for both.
            Some(_) => Ok(Admission::Wait),
        }
    }

    /// The error that refuses `org`'s requests now, if any: a spent quota, or a wait the
    /// server asked for that is longer than accepted.
    fn refusal(&self, org: &OrgLimiter, state: &OrgState, now: Instant) -> Result<(), Error> {
        let organization = (!org.key.is_empty()).then(|| org.key.clone());
        if let Some(quota) = state.quota {
            if quota.status.remaining == 0 && now < quota.resets_at {
                return Err(ErrorKind::QuotaExhausted {
                    organization,
                    resets_in: quota.resets_at - now,
                    resets_at: quota.status.resets_at,
                }
                .into());
            }
        }
        if let Some(refusal) = state.refused {
            if now < refusal.until {
                return Err(ErrorKind::Throttled {
                    organization,
                    retry_in: refusal.until - now,
                    retry_at: refusal.until_wall,
                }
                .into());
            }
        }
        Ok(())
    }

    /// Takes room in the window (`None`), or says until when to wait.
    fn try_window(&self, org: &OrgLimiter) -> Result<Option<Instant>, Error> {
        let config = &self.organizations.config;
        let mut state = org.state.lock().unwrap_or_else(PoisonError::into_inner);
        let now = Instant::now();
        self.refusal(org, &state, now)?;
        while state
            .sent
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) >= config.window)
        {
            state.sent.pop_front();
        }
        let mut until = state.paused_until.filter(|p| *p > now);
        if state.sent.len() >= config.requests_per_window as usize {
            if let Some(oldest) = state.sent.front() {
                let free_at = instant_after(*oldest, config.window);
                until = Some(until.map_or(free_at, |u| u.max(free_at)));
            }
        }
        if until.is_none() {
            state.sent.push_back(now);
        }
        Ok(until)
    }

    /// Waits for a slot of `org`: an in-flight permit, then room in the window.
    pub(crate) async fn admit(&self, org: &OrgLimiter) -> Result<OwnedSemaphorePermit, Error> {
        let permit = match org.in_flight.clone().try_acquire_owned() {
            Ok(permit) => permit,
            Err(TryAcquireError::Closed) => return Err(closed()),
            Err(TryAcquireError::NoPermits) => org
                .in_flight
                .clone()
                .acquire_owned()
                .await
                .map_err(|_| closed())?,
        };
        while let Some(until) = self.try_window(org)? {
            tracing::debug!(
                wait_ms = until.saturating_duration_since(Instant::now()).as_millis() as u64,
                "rate limit: waiting"
            );
            tokio::time::sleep_until(until).await;
        }
        Ok(permit)
    }

    /// Learns from an answer: the quota headers, and a 429. Returns the error the answer
    /// means for the caller (a spent quota), if any.
    pub(crate) fn observe(&self, org: &OrgLimiter, response: &ApiResponse) -> Option<Error> {
        let headers = response.headers();
        let throttled = response.status() == StatusCode::TOO_MANY_REQUESTS;
        if !throttled && !headers.contains_key(REMAINING) {
            return None;
        }
        let config = &self.organizations.config;
        let now = Instant::now();
        let wall = self.organizations.clock.now();
        let mut state = org.state.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(status) = quota_from_headers(headers, wall) {
            let resets_in = status.resets_at.duration_since(wall).unwrap_or_default();
            state.quota = Some(Quota {
                status,
                resets_at: instant_after(now, resets_in),
            });
        }
        if !throttled {
            return None;
        }
        if let Err(error) = self.refusal(org, &state, now) {
            if error.is_quota_exhausted() {
                return Some(error);
            }
        }
        let pause = retry_after(headers, wall).unwrap_or(config.pause_after_429);
        if pause > config.max_pause {
            tracing::debug!(
                pause_s = pause.as_secs(),
                "429: the server asks for a longer wait than accepted; failing fast until then"
            );
            state.refused = Some(Refusal {
                until: instant_after(now, pause),
                until_wall: system_after(wall, pause),
            });
            return None;
        }
        let until = instant_after(now, pause);
        state.paused_until = Some(state.paused_until.map_or(until, |p| p.max(until)));
        tracing::debug!(pause_ms = pause.as_millis() as u64, "429: slowing down");
        None
    }
}

fn closed() -> Error {
    ErrorKind::Config("the rate limiter is closed".into()).into()
}

/// `X-Rate-Limit-Remaining`.
const REMAINING: HeaderName = HeaderName::from_static("x-rate-limit-remaining");

fn header_u64(headers: &HeaderMap, name: &str) -> Option<u64> {
    headers.get(name)?.to_str().ok()?.trim().parse().ok()
}

/// Reads `X-Rate-Limit-Limit/Remaining/Reset`; a reset time is capped at
/// [`MAX_NETWORK_WAIT`](crate::clock::MAX_NETWORK_WAIT).
fn quota_from_headers(headers: &HeaderMap, now: SystemTime) -> Option<QuotaStatus> {
    let remaining = header_u64(headers, REMAINING.as_str())?;
    let reset = header_u64(headers, "x-rate-limit-reset").unwrap_or(0);
    Some(QuotaStatus {
        limit: header_u64(headers, "x-rate-limit-limit"),
        remaining,
        resets_at: system_after(now, network_wait(Duration::from_secs(reset))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quota_headers() {
        let mut headers = HeaderMap::new();
        headers.insert("x-rate-limit-limit", "7500".parse().unwrap());
        headers.insert("x-rate-limit-remaining", "6775".parse().unwrap());
        headers.insert("x-rate-limit-reset", "34881".parse().unwrap());
        let now = SystemTime::UNIX_EPOCH;
        let quota = quota_from_headers(&headers, now).unwrap();
        assert_eq!(quota.limit, Some(7500));
        assert_eq!(quota.remaining, 6775);
        assert_eq!(quota.resets_at, now + Duration::from_secs(34881));
        assert!(quota_from_headers(&HeaderMap::new(), now).is_none());
    }

    #[test]
    fn the_config_reads_back() {
        let config = RateLimitConfig::default()
            .with_requests_per(60, Duration::from_secs(3))
            .with_pause_after_429(Duration::from_secs(2))
            .with_max_pause(Duration::from_secs(9));
        assert_eq!(config.requests_per_window(), 60);
        assert_eq!(config.window(), Duration::from_secs(3));
        assert_eq!(config.pause_after_429(), Duration::from_secs(2));
        assert_eq!(config.max_pause(), Duration::from_secs(9));
    }

    #[test]
    fn an_absurd_reset_is_capped() {
        let mut headers = HeaderMap::new();
        headers.insert("x-rate-limit-remaining", "0".parse().unwrap());
        headers.insert("x-rate-limit-reset", u64::MAX.to_string().parse().unwrap());
        let now = SystemTime::UNIX_EPOCH;
        let quota = quota_from_headers(&headers, now).unwrap();
        assert_eq!(quota.resets_at, now + crate::clock::MAX_NETWORK_WAIT);
    }
}
