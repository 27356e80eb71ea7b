//! Whether Redis is thought reachable, and when to try it again after it was not.

use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use tokio::time::Instant;

use crate::policy::WhenUnreachable;

/// What a call should do about Redis now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Use {
    /// Ask Redis (it is up, or it is time to see whether it is back).
    Redis,
    /// Do not ask: it was unreachable moments ago, for this reason.
    Down(String),
}

#[derive(Debug)]
struct Outage {
    reason: String,
    /// Before this, calls do not ask Redis.
    next_probe: Instant,
}

/// The fleet's view of Redis, shared by its limiter and token stores.
///
/// Up, every call asks Redis. After a failure, calls skip Redis for `reprobe_after`; then
/// one call asks again (the next probe is pushed back as it starts, so the others keep
/// skipping), and a success brings every call back to Redis.
#[derive(Debug)]
pub(crate) struct Health {
    policy: WhenUnreachable,
    reprobe_after: Duration,
    outage: Mutex<Option<Outage>>,
}

impl Health {
    pub(crate) fn new(policy: WhenUnreachable, reprobe_after: Duration) -> Self {
        Self {
            policy,
            reprobe_after,
            outage: Mutex::new(None),
        }
    }

    /// The policy when Redis cannot be used.
    pub(crate) fn policy(&self) -> WhenUnreachable {
        self.policy
    }

    /// Whether to ask Redis now.
    pub(crate) fn check(&self) -> Use {
        let mut outage = self.outage.lock().unwrap_or_else(PoisonError::into_inner);
        match outage.as_mut() {
            None => Use::Redis,
            Some(down) => {
                let now = Instant::now();
                if now >= down.next_probe {
                    // This call probes; the others wait for the next turn.
                    down.next_probe = now + self.reprobe_after;
                    Use::Redis
                } else {
                    Use::Down(down.reason.clone())
                }
            }
        }
    }

    /// Redis answered.
    pub(crate) fn up(&self) {
        let mut outage = self.outage.lock().unwrap_or_else(PoisonError::into_inner);
        if outage.take().is_some() {
            tracing::info!(
                "the fleet's Redis is reachable again: limits and tokens are shared again"
            );
        }
    }

    /// Redis did not answer, for `reason`.
    pub(crate) fn down(&self, reason: &str) {
        let mut outage = self.outage.lock().unwrap_or_else(PoisonError::into_inner);
        let next_probe = Instant::now() + self.reprobe_after;
        match outage.as_mut() {
            Some(down) => {
                down.reason = reason.to_owned();
                down.next_probe = down.next_probe.max(next_probe);
            }
            None => {
                match self.policy {
                    WhenUnreachable::FailFast => tracing::warn!(
                        reason,
                        "the fleet's Redis is unreachable: calls fail until it is back"
                    ),
                    WhenUnreachable::FallBack => tracing::warn!(
                        reason,
                        "the fleet's Redis is unreachable: falling back to this process's own \
                         rate limiter and token cache until it is back"
                    ),
                }
                *outage = Some(Outage {
                    reason: reason.to_owned(),
                    next_probe,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn after_a_failure_one_call_probes_per_interval() {
        let health = Health::new(WhenUnreachable::FallBack, Duration::from_secs(2));
        assert_eq!(health.check(), Use::Redis);
        health.down("connection refused");
        assert_eq!(health.check(), Use::Down("connection refused".into()));
        tokio::time::advance(Duration::from_secs(2)).await;
        assert_eq!(health.check(), Use::Redis, "time to probe");
        assert!(
            matches!(health.check(), Use::Down(_)),
            "only one call probes"
        );
        health.down("timed out");
        assert_eq!(health.check(), Use::Down("timed out".into()));
        tokio::time::advance(Duration::from_secs(2)).await;
        assert_eq!(health.check(), Use::Redis);
        health.up();
        assert_eq!(health.check(), Use::Redis);
        assert_eq!(health.check(), Use::Redis, "every call asks again");
    }
}
