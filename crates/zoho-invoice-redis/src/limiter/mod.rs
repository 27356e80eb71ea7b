//! The rate limiter a fleet shares: [`SharedRateLimitLayer`] and its service
//! [`SharedRateLimit`].

mod answer;
mod scripts;
mod service;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use zoho_invoice_transport::{
    ApiRequest, ApiResponse, Error, ErrorKind, RateLimitConfig, RateLimiter,
};

use crate::failure::unreachable;
use crate::fleet::Fleet;
use crate::health::Use;
use crate::keys::RateKeys;
use crate::policy::WhenUnreachable;
use answer::{Observation, script_count};
use scripts::{ADMIT_SCRIPT, OBSERVE_SCRIPT, RELEASE_SCRIPT};

pub use service::SharedRateLimit;

/// The default lease of an in-flight slot: 2 minutes.
const DEFAULT_SLOT_LEASE: Duration = Duration::from_secs(120);

/// Keeps each organization to its [`RateLimitConfig`] across every process of a fleet: the
/// sliding window, the in-flight cap, the daily quota and the pauses a 429 asks for, decided
/// atomically in Redis by Lua scripts on Redis's clock.
///
/// Plug it in where the transport's own limiter sits, with
/// [`TransportBuilder::rate_limit_layer`](zoho_invoice_transport::TransportBuilder::rate_limit_layer)
/// (under retry, over auth), or use it in a stack of your own: it is generic over the service
/// it wraps.
///
/// - **Window**: at most `requests_per_window` admissions per organization in any window,
///   whoever sends them. Give it a margin below the server's limit (a longer window, or fewer
///   requests) to cover the time between admission and arrival.
/// - **In flight**: each admitted request holds a slot (a member of a sorted set scored by
///   when it expires) until its answer. The slot of a process that died expires after the
///   slot lease (2 minutes by default; see [`with_slot_lease`](Self::with_slot_lease)), so no
///   crash leaks one. A request that runs longer than the lease stops counting.
/// - **Daily quota**: the lowest `X-Rate-Limit-Remaining` reported (the latest the server
///   counted, as answers arrive out of order) is shared, and a request is admitted only while
///   it exceeds the requests in flight, which may all count against it. While nothing is
///   known of the quota (a cold start, a new day), one request goes first to learn it. So a
///   fleet sharing the limiter never gets a 429 for the quota; when it is spent, every call
///   fails at once with [`ErrorKind::QuotaExhausted`], saying when it resets, and nothing is
///   sent. (Answers without the headers teach nothing: if they come lately and no quota is
///   known, requests go without waiting for one.)
/// - **429**: a 429 pauses the organization for the whole fleet (its `Retry-After`, else the
///   configured pause); a pause longer than the configured maximum makes calls fail at once
///   with [`ErrorKind::Throttled`].
///
/// Requests that name no organization count against the default one
/// ([`with_default_organization`](Self::with_default_organization)).
///
/// While Redis is unreachable the fleet's [`WhenUnreachable`] decides: calls fail at once
/// with a connect error, or go through this process's own
/// [`RateLimiter`](zoho_invoice_transport::RateLimiter) with the same limits
/// ([`fallback_limiter`](Self::fallback_limiter)). An answer received while Redis is lost is
/// still returned (never turned into an error that could make a retry send it twice).
#[derive(Debug, Clone)]
pub struct SharedRateLimitLayer {
    fleet: Fleet,
    config: RateLimitConfig,
    slot_lease: Duration,
    default_organization: String,
    fallback: RateLimiter,
}

impl SharedRateLimitLayer {
    /// A layer keeping to `config` through `fleet`'s Redis.
    pub fn new(fleet: &Fleet, config: RateLimitConfig) -> Self {
        Self {
            fleet: fleet.clone(),
            fallback: RateLimiter::new(config.clone()),
            config,
            slot_lease: DEFAULT_SLOT_LEASE,
            default_organization: String::new(),
        }
    }

    /// Requests that name no organization are for `organization` (the transport's default
    /// one): they share its limits with the requests that name it.
    pub fn with_default_organization(mut self, organization: impl Into<String>) -> Self {
        self.default_organization = organization.into();
        self
    }

    /// How long an in-flight slot lasts without an answer (default 2 minutes, at least
    /// 1 ms): the slot of a process that died is free again after it. Keep it above your
    /// longest request (the transport's total timeout).
    pub fn with_slot_lease(mut self, lease: Duration) -> Self {
        self.slot_lease = lease.max(Duration::from_millis(1));
        self
    }

    /// The limits it keeps to.
    pub fn config(&self) -> &RateLimitConfig {
        &self.config
    }

    /// The in-process limiter used while Redis is unreachable under
    /// [`WhenUnreachable::FallBack`] (shared by every service of this layer).
    pub fn fallback_limiter(&self) -> &RateLimiter {
        &self.fallback
    }
}

/// The state every service of a layer shares.
#[derive(Debug)]
pub(crate) struct Limiter {
    fleet: Fleet,
    config: RateLimitConfig,
    slot_lease: Duration,
    default_organization: String,
}

/// What the limiter says about a request.
#[derive(Debug)]
pub(crate) enum Admission {
    /// Go, holding this slot until the answer.
    Shared(Slot),
    /// Redis is unreachable: go through the in-process limiter.
    FallBack,
}

/// An admitted request's in-flight slot. Dropped without an answer (the call was
/// cancelled), it is freed in the background.
#[derive(Debug)]
pub(crate) struct Slot {
    fleet: Fleet,
    keys: RateKeys,
    id: String,
    freed: bool,
}

impl Drop for Slot {
    fn drop(&mut self) {
        if self.freed {
            return;
        }
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let (fleet, keys, id) = (
            self.fleet.clone(),
            self.keys.clone(),
            std::mem::take(&mut self.id),
        );
        runtime.spawn(async move {
            let freed = fleet
                .call(|mut connection| async move {
                    RELEASE_SCRIPT
                        .key(&keys.all()[..])
                        .arg(&id)
                        .invoke_async::<i64>(&mut connection)
                        .await
                })
                .await;
            if let Err(failure) = freed {
                tracing::debug!(
                    reason = failure.reason(),
                    "could not free a cancelled call's slot; it expires with its lease"
                );
            }
        });
    }
}

/// The time in Redis's milliseconds since 1970.
fn wall(ms: i64) -> SystemTime {
    UNIX_EPOCH + Duration::from_millis(u64::try_from(ms).unwrap_or(0))
}

fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

/// A Lua reply's numbers, with zeros for what is missing.
fn reply_at(reply: &[i64], index: usize) -> i64 {
    reply.get(index).copied().unwrap_or(0)
}

impl Limiter {
    pub(crate) fn new(layer: &SharedRateLimitLayer) -> Self {
        Self {
            fleet: layer.fleet.clone(),
            config: layer.config.clone(),
            slot_lease: layer.slot_lease,
            default_organization: layer.default_organization.clone(),
        }
    }

    /// The organization `request` counts against (empty: none known).
    pub(crate) fn organization<'a>(&'a self, request: &'a ApiRequest) -> &'a str {
        request.organization().unwrap_or(&self.default_organization)
    }

    /// The error of an organization's spent quota.
    fn exhausted(organization: &str, resets_in_ms: i64, resets_at_ms: i64) -> Error {
        Error::new(ErrorKind::QuotaExhausted {
            organization: (!organization.is_empty()).then(|| organization.to_owned()),
            resets_in: Duration::from_millis(u64::try_from(resets_in_ms).unwrap_or(0)),
            resets_at: wall(resets_at_ms),
        })
    }

    /// What calls do while Redis cannot be used.
    fn unusable(&self, reason: &str) -> Result<Admission, Error> {
        match self.fleet.health().policy() {
            WhenUnreachable::FailFast => Err(unreachable(reason)),
            WhenUnreachable::FallBack => Ok(Admission::FallBack),
        }
    }

    /// Waits until `organization` may send, or says why it may not.
    pub(crate) async fn admit(&self, organization: &str) -> Result<Admission, Error> {
        let keys = RateKeys::new(self.fleet.key_prefix(), organization);
        let id = self.fleet.unique_id();
        let max_pause = self.config.max_pause();
        loop {
            if let Use::Down(reason) = self.fleet.check() {
                return self.unusable(&reason);
            }
            let reply = self
                .fleet
                .call(|mut connection| {
                    let (keys, id) = (&keys, &id);
                    async move {
                        ADMIT_SCRIPT
                            .key(&keys.all()[..])
                            .arg(self.config.requests_per_window())
                            .arg(millis(self.config.window()).max(1))
                            .arg(self.config.max_in_flight())
                            .arg(millis(self.slot_lease))
                            .arg(id)
                            .arg(millis(max_pause))
                            .invoke_async::<Vec<i64>>(&mut connection)
                            .await
                    }
                })
                .await;
            let reply = match reply {
                Ok(reply) => {
                    self.fleet.health().up();
                    reply
                }
                Err(failure) => {
                    let reason = failure.reason();
                    self.fleet.health().down(&reason);
                    return self.unusable(&reason);
                }
            };
            let wait = match reply_at(&reply, 0) {
                0 => {
                    return Ok(Admission::Shared(Slot {
                        fleet: self.fleet.clone(),
                        keys,
                        id,
                        freed: false,
                    }));
                }
                2 => {
                    return Err(Self::exhausted(
                        organization,
                        reply_at(&reply, 1),
                        reply_at(&reply, 2),
                    ));
                }
                3 => {
                    return Err(Error::new(ErrorKind::Throttled {
                        organization: (!organization.is_empty()).then(|| organization.to_owned()),
                        retry_in: Duration::from_millis(
                            u64::try_from(reply_at(&reply, 1)).unwrap_or(0),
                        ),
                        retry_at: wall(reply_at(&reply, 2)),
                    }));
                }
                _ => match u64::try_from(reply_at(&reply, 1)).unwrap_or(0) {
                    // Until a slot frees or an answer reports the quota: ask again soon.
                    0 => Duration::from_millis(fastrand::u64(10..=40)),
                    // Until the window or a pause allows it, and a little more so that the
                    // waiting calls of the fleet do not all ask at the same moment.
                    ms => Duration::from_millis(ms.saturating_add(fastrand::u64(0..=20))),
                },
            };
            tracing::trace!(
                wait_ms = wait.as_millis() as u64,
                "shared rate limit: waiting"
            );
            tokio::time::sleep(wait).await;
        }
    }

    /// Learns from the answer of an admitted call and frees its slot. Returns the result, or
    /// the spent quota's error for a 429 that says so.
    pub(crate) async fn observe(
        &self,
        organization: &str,
        mut slot: Slot,
        result: Result<ApiResponse, Error>,
    ) -> Result<ApiResponse, Error> {
        let seen = Observation::of(&result, self.config.pause_after_429());
        let reply = self
            .fleet
            .call(|mut connection| {
                let slot = &slot;
                async move {
                    OBSERVE_SCRIPT
                        .key(&slot.keys.all()[..])
                        .arg(&slot.id)
                        .arg(u8::from(seen.throttled))
                        .arg(script_count(seen.remaining))
                        .arg(script_count(Some(seen.reset_secs)))
                        .arg(script_count(seen.limit))
                        .arg(millis(seen.pause))
                        .arg(u8::from(seen.answered))
                        .invoke_async::<Vec<i64>>(&mut connection)
                        .await
                }
            })
            .await;
        match reply {
            Ok(reply) => {
                slot.freed = true;
                self.fleet.health().up();
                if seen.throttled {
                    tracing::debug!(
                        pause_ms = seen.pause.as_millis() as u64,
                        "429: the organization is paused for the whole fleet"
                    );
                }
                if reply_at(&reply, 0) == 2 {
                    return Err(Self::exhausted(
                        organization,
                        reply_at(&reply, 1),
                        reply_at(&reply, 2),
                    ));
                }
            }
            Err(failure) => {
                // The answer is the caller's whatever Redis does: turning it into an error
                // could make a retry send the request again. The slot expires with its lease.
                slot.freed = true;
                self.fleet.health().down(&failure.reason());
            }
        }
        result
    }
}
