//! Client-side rate limiting, keyed by organization and shared by every clone of a transport.
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
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use futures_util::FutureExt;
use futures_util::future::Either;
use http::{HeaderMap, HeaderName, StatusCode};
use tokio::sync::{Semaphore, SemaphorePermit, TryAcquireError};
use tokio::time::Instant;

use crate::clock::Clock;
use crate::error::Error;
use crate::request::{ApiRequest, OrganizationId};
use crate::response::{ApiResponse, retry_after};
use crate::shared::{Call, Deadline, within};

/// The limits the transport keeps to, per organization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateLimitConfig {
    requests_per_window: u32,
    window: Duration,
    max_in_flight: u32,
    pause_after_429: Duration,
}

impl Default for RateLimitConfig {
    /// 100 requests per minute, 10 in flight, a 10 s pause after a 429 without `Retry-After`.
    fn default() -> Self {
        Self {
            requests_per_window: 100,
            window: Duration::from_secs(60),
            max_in_flight: 10,
            pause_after_429: Duration::from_secs(10),
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

    /// Requests allowed per window.
    pub fn requests_per_window(&self) -> u32 {
        self.requests_per_window
    }

    /// Requests allowed in flight.
    pub fn max_in_flight(&self) -> u32 {
        self.max_in_flight
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

#[derive(Debug, Default)]
struct OrgState {
    sent: VecDeque<Instant>,
    paused_until: Option<Instant>,
    quota: Option<Quota>,
}

/// One organization's limits.
#[derive(Debug)]
pub(crate) struct OrgLimiter {
    in_flight: Semaphore,
    state: Mutex<OrgState>,
}

/// The limiter: one [`OrgLimiter`] per organization, shared by clones.
#[derive(Debug)]
pub(crate) struct RateLimiter {
    config: RateLimitConfig,
    clock: Arc<dyn Clock>,
    orgs: Mutex<HashMap<String, Arc<OrgLimiter>>>,
}

impl RateLimiter {
    pub(crate) fn new(config: RateLimitConfig, clock: Arc<dyn Clock>) -> Self {
        Self {
            config,
            clock,
            orgs: Mutex::new(HashMap::new()),
        }
    }

    /// The limiter of organization `key` (created on first use).
    pub(crate) fn org(&self, key: &str) -> Arc<OrgLimiter> {
        let mut orgs = self.orgs.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(limiter) = orgs.get(key) {
            return limiter.clone();
        }
        let limiter = Arc::new(OrgLimiter {
            in_flight: Semaphore::new(self.config.max_in_flight as usize),
            state: Mutex::new(OrgState::default()),
        });
        orgs.insert(key.to_owned(), limiter.clone());
        limiter
    }

    /// The daily quota of `organization` as last reported.
    pub(crate) fn quota(&self, organization: &str) -> Option<QuotaStatus> {
        let limiter = self.org(organization);
        let state = limiter.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.quota.map(|q| q.status)
    }

    fn quota_error(&self, org: &str, quota: &Quota, now: Instant) -> Option<Error> {
        (quota.status.remaining == 0 && now < quota.resets_at).then(|| Error::QuotaExhausted {
            organization: (!org.is_empty()).then(|| org.to_owned()),
            resets_in: quota.resets_at - now,
            resets_at: quota.status.resets_at,
        })
    }

    /// A slot if one is free now: an in-flight permit and room in the window, for one
    /// compare-and-swap and one uncontended lock. `Ok(None)`: the caller must wait.
    fn try_acquire<'a>(
        &self,
        org_key: &str,
        limiter: &'a OrgLimiter,
    ) -> Result<Option<SemaphorePermit<'a>>, Error> {
        match limiter.in_flight.try_acquire() {
            Ok(permit) => match self.try_window(org_key, limiter)? {
                Ok(()) => Ok(Some(permit)),
                // The permit goes back; the caller waits for both.
                Err(_) => Ok(None),
            },
            Err(TryAcquireError::Closed) => Err(closed()),
            Err(TryAcquireError::NoPermits) => Ok(None),
        }
    }

    /// Takes room in the window (`Ok(Ok(()))`), or says until when to wait (`Ok(Err(_))`).
    fn try_window(
        &self,
        org_key: &str,
        limiter: &OrgLimiter,
    ) -> Result<Result<(), Instant>, Error> {
        let mut state = limiter.state.lock().unwrap_or_else(PoisonError::into_inner);
        let now = Instant::now();
        if let Some(error) = state.quota.and_then(|q| self.quota_error(org_key, &q, now)) {
            return Err(error);
        }
        while state
            .sent
            .front()
            .is_some_and(|t| now.duration_since(*t) >= self.config.window)
        {
            state.sent.pop_front();
        }
        let mut until = state.paused_until.filter(|p| *p > now);
        if state.sent.len() >= self.config.requests_per_window as usize {
            if let Some(oldest) = state.sent.front() {
                let free_at = *oldest + self.config.window;
                until = Some(until.map_or(free_at, |u| u.max(free_at)));
            }
        }
        match until {
            None => {
                state.sent.push_back(now);
                Ok(Ok(()))
            }
            Some(until) => Ok(Err(until)),
        }
    }

    /// Waits for a slot: an in-flight permit, then room in the window.
    async fn acquire<'a>(
        &self,
        org_key: &str,
        limiter: &'a OrgLimiter,
        deadline: Option<Deadline>,
    ) -> Result<SemaphorePermit<'a>, Error> {
        let permit = match limiter.in_flight.try_acquire() {
            Ok(permit) => permit,
            Err(TryAcquireError::Closed) => return Err(closed()),
            Err(TryAcquireError::NoPermits) => {
                // A spent quota fails at once rather than after the wait.
                self.check_quota(org_key, limiter)?;
                within(deadline, limiter.in_flight.acquire())
                    .await?
                    .map_err(|_| closed())?
            }
        };
        loop {
            let wait_until = match self.try_window(org_key, limiter)? {
                Ok(()) => return Ok(permit),
                Err(until) => until,
            };
            tracing::debug!(
                wait_ms = (wait_until - Instant::now()).as_millis() as u64,
                "rate limit: waiting"
            );
            within(deadline, tokio::time::sleep_until(wait_until)).await?;
        }
    }

    fn check_quota(&self, org_key: &str, limiter: &OrgLimiter) -> Result<(), Error> {
        let state = limiter.state.lock().unwrap_or_else(PoisonError::into_inner);
        match state
            .quota
            .and_then(|q| self.quota_error(org_key, &q, Instant::now()))
        {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    /// Learns from a response: the quota headers, and a 429.
    fn observe(
        &self,
        org_key: &str,
        limiter: &OrgLimiter,
        response: &ApiResponse,
    ) -> Option<Error> {
        let headers = response.headers();
        let throttled = response.status() == StatusCode::TOO_MANY_REQUESTS;
        if !throttled && !headers.contains_key(REMAINING) {
            return None;
        }
        let now = Instant::now();
        let wall = self.clock.now();
        let mut state = limiter.state.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(status) = quota_from_headers(response.headers(), wall) {
            let resets_at = now
                + status
                    .resets_at
                    .duration_since(wall)
                    .unwrap_or(Duration::ZERO);
            state.quota = Some(Quota { status, resets_at });
        }
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            if let Some(error) = state.quota.and_then(|q| self.quota_error(org_key, &q, now)) {
                return Some(error);
            }
            let pause =
                retry_after(response.headers(), wall).unwrap_or(self.config.pause_after_429);
            let until = now + pause;
            state.paused_until = Some(state.paused_until.map_or(until, |p| p.max(until)));
            tracing::debug!(pause_ms = pause.as_millis() as u64, "429: slowing down");
        }
        None
    }
}

fn closed() -> Error {
    Error::Config("the rate limiter is closed".into())
}

/// `X-Rate-Limit-Remaining`.
const REMAINING: HeaderName = HeaderName::from_static("x-rate-limit-remaining");

fn header_u64(headers: &HeaderMap, name: &str) -> Option<u64> {
    headers.get(name)?.to_str().ok()?.trim().parse().ok()
}

/// Reads `X-Rate-Limit-Limit/Remaining/Reset`.
fn quota_from_headers(headers: &HeaderMap, now: SystemTime) -> Option<QuotaStatus> {
    let remaining = header_u64(headers, REMAINING.as_str())?;
    let reset = header_u64(headers, "x-rate-limit-reset").unwrap_or(0);
    Some(QuotaStatus {
        limit: header_u64(headers, "x-rate-limit-limit"),
        remaining,
        resets_at: now + Duration::from_secs(reset),
    })
}

/// The default organization's limiter, found once when the transport is built.
pub(crate) struct DefaultOrg {
    pub(crate) key: String,
    pub(crate) limiter: Arc<OrgLimiter>,
}

/// The layer: waits for a slot of the request's organization, and learns from the answer.
pub(crate) struct RateLimitService<S> {
    pub(crate) inner: S,
    /// `None`: no rate limiting.
    pub(crate) limiter: Option<(Arc<RateLimiter>, DefaultOrg)>,
}

impl<S: Call> RateLimitService<S> {
    /// Waits for a slot of `org`, sends, and learns from the answer.
    async fn call_in(
        &self,
        limiter: &RateLimiter,
        key: &str,
        org: &OrgLimiter,
        request: ApiRequest,
        deadline: Option<Deadline>,
    ) -> Result<ApiResponse, Error> {
        let permit = match limiter.try_acquire(key, org)? {
            Some(permit) => permit,
            None => limiter.acquire(key, org, deadline).await?,
        };
        let result = self.inner.call(request, deadline).await;
        drop(permit);
        observed(limiter, key, org, result)
    }
}

/// The call's result, or the error the answer means for the rate limiter (a spent quota).
fn observed(
    limiter: &RateLimiter,
    key: &str,
    org: &OrgLimiter,
    result: Result<ApiResponse, Error>,
) -> Result<ApiResponse, Error> {
    if let Ok(response) = &result {
        if let Some(error) = limiter.observe(key, org, response) {
            return Err(error);
        }
    }
    result
}

impl<S: Call> Call for RateLimitService<S> {
    fn call(
        &self,
        request: ApiRequest,
        deadline: Option<Deadline>,
    ) -> impl Future<Output = Result<ApiResponse, Error>> + Send + '_ {
        let Some((limiter, default)) = &self.limiter else {
            return Either::Left(Either::Left(self.inner.call(request, deadline)));
        };
        // The usual case: the default organization, with a slot free now. The attempt then
        // starts now, and the future holds the inner one and the permit, not the request.
        if request.extensions().get::<OrganizationId>().is_none() {
            match limiter.try_acquire(&default.key, &default.limiter) {
                Ok(Some(permit)) => {
                    // `map`, not an async block: the inner future is stored once, not
                    // twice (as a captured value and as the value being awaited).
                    let call = self.inner.call(request, deadline).map(move |result| {
                        drop(permit);
                        observed(limiter, &default.key, &default.limiter, result)
                    });
                    return Either::Right(Either::Left(call));
                }
                Ok(None) => {}
                Err(error) => return Either::Left(Either::Right(std::future::ready(Err(error)))),
            }
        }
        // Boxed: waiting, and other organizations, are rarer, and keep the usual future small.
        Either::Right(Either::Right(Box::pin(async move {
            match request.extensions().get::<OrganizationId>() {
                Some(OrganizationId(key)) => {
                    let (key, org) = (key.clone(), limiter.org(key));
                    self.call_in(limiter, &key, &org, request, deadline).await
                }
                None => {
                    self.call_in(limiter, &default.key, &default.limiter, request, deadline)
                        .await
                }
            }
        })))
    }
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
}
