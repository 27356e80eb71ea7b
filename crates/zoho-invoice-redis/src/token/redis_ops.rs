//! The token store's calls to Redis: read the token, take and let go of the lock, spend the
//! budget, share a new token or a refusal.

use std::time::Duration;

use zoho_invoice_transport::AccessToken;

use super::scripts::{READ_SCRIPT, REFUSED_SCRIPT, RELEASE_SCRIPT, SPEND_SCRIPT, STORE_SCRIPT};
use super::{Failure, SharedTokenStore, record};
use crate::failure::RedisFailure;

/// What Redis holds for the token.
pub(super) struct View {
    /// The token, if readable, not refused by the API, and not expired; with its time left.
    pub(super) token: Option<(AccessToken, Duration)>,
    /// A refusal of the accounts server the fleet is backing off from, and its time left.
    pub(super) refusal: Option<(String, Duration)>,
}
/// A Redis time to live (ms): `None` for a missing key, or one without expiry.
pub(super) fn ttl(ms: i64) -> Option<Duration> {
    u64::try_from(ms)
        .ok()
        .filter(|ms| *ms > 0)
        .map(Duration::from_millis)
}

pub(super) fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

impl SharedTokenStore {
    /// What Redis holds now.
    pub(super) async fn read(&self) -> Result<View, RedisFailure> {
        let keys = &self.inner.keys;
        let (value, value_ttl, refusal, refusal_ttl): (Option<Vec<u8>>, i64, Option<String>, i64) =
            self.inner
                .fleet
                .call(|mut connection| async move {
                    READ_SCRIPT
                        .key(&keys.value)
                        .key(&keys.backoff)
                        .invoke_async(&mut connection)
                        .await
                })
                .await?;
        let token = match (value, ttl(value_ttl)) {
            (Some(bytes), Some(left)) => {
                match record::decode(&bytes, self.inner.sealing.as_ref(), &keys.value) {
                    Ok(token) if self.is_rejected(&token) => None,
                    Ok(token) => Some((token, left)),
                    Err(why) => {
                        tracing::warn!(
                            ?why,
                            "the fleet's access token in Redis cannot be read here; \
                             it will be replaced"
                        );
                        None
                    }
                }
            }
            _ => None,
        };
        Ok(View {
            token,
            refusal: refusal.zip(ttl(refusal_ttl)),
        })
    }

    /// Takes the refresh lock: `Some(owner)` when this caller holds it now.
    pub(super) async fn lock(&self) -> Result<Option<String>, RedisFailure> {
        let owner = self.inner.fleet.unique_id();
        let (key, ttl) = (&self.inner.keys.lock, millis(self.inner.settings.lock_ttl));
        let taken: Option<String> = self
            .inner
            .fleet
            .call(|mut connection| {
                let owner = &owner;
                async move {
                    redis::cmd("SET")
                        .arg(key)
                        .arg(owner)
                        .arg("NX")
                        .arg("PX")
                        .arg(ttl)
                        .query_async(&mut connection)
                        .await
                }
            })
            .await?;
        Ok(taken.map(|_| owner))
    }

    /// Lets go of the lock if `owner` still holds it.
    pub(super) async fn release(&self, owner: &str) -> Result<(), RedisFailure> {
        let key = &self.inner.keys.lock;
        self.inner
            .fleet
            .call(|mut connection| async move {
                RELEASE_SCRIPT
                    .key(key)
                    .arg(owner)
                    .invoke_async::<i64>(&mut connection)
                    .await
            })
            .await
            .map(drop)
    }

    /// Takes one token request from the fleet's budget: `Some(wait)` when it is spent.
    pub(super) async fn spend(&self) -> Result<Option<Duration>, RedisFailure> {
        let (key, settings) = (&self.inner.keys.sent, self.inner.settings);
        let member = self.inner.fleet.unique_id();
        let wait: i64 = self
            .inner
            .fleet
            .call(|mut connection| {
                let member = &member;
                async move {
                    SPEND_SCRIPT
                        .key(key)
                        .arg(settings.budget)
                        .arg(millis(settings.budget_window))
                        .arg(member)
                        .invoke_async(&mut connection)
                        .await
                }
            })
            .await?;
        Ok(ttl(wait))
    }

    /// Shares a new token, and lets go of the lock if `owner` still holds it.
    pub(super) async fn store(
        &self,
        token: &AccessToken,
        lifetime: Duration,
        owner: &str,
    ) -> Result<(), Failure> {
        let keys = &self.inner.keys;
        let bytes = record::encode(token, self.inner.sealing.as_ref(), &keys.value)
            .map_err(Failure::Token)?;
        self.inner
            .fleet
            .call(|mut connection| async move {
                STORE_SCRIPT
                    .key(&keys.value)
                    .key(&keys.lock)
                    .key(&keys.backoff)
                    .key(&keys.streak)
                    .arg(bytes)
                    .arg(millis(lifetime).max(1))
                    .arg(owner)
                    .invoke_async::<i64>(&mut connection)
                    .await
            })
            .await?;
        Ok(())
    }

    /// Shares a refusal of the accounts server; returns the back-off.
    pub(super) async fn refused(
        &self,
        json: String,
        throttle: bool,
    ) -> Result<Duration, RedisFailure> {
        let (keys, settings) = (&self.inner.keys, self.inner.settings);
        let wait: i64 = self
            .inner
            .fleet
            .call(|mut connection| async move {
                REFUSED_SCRIPT
                    .key(&keys.backoff)
                    .key(&keys.streak)
                    .arg(json)
                    .arg(u8::from(throttle))
                    .arg(millis(settings.throttle_backoff))
                    .arg(millis(settings.max_throttle_backoff))
                    .arg(millis(settings.error_backoff))
                    .invoke_async(&mut connection)
                    .await
            })
            .await?;
        Ok(ttl(wait).unwrap_or(settings.error_backoff))
    }
}
