//! The slow path: the fleet's token from Redis, refreshed by this process when it is due and
//! this process takes the lock, else by another one.

use std::time::Duration;

use tokio::time::Instant;
use zoho_invoice_transport::{AccessToken, Error, ErrorKind, TimeoutKind, TokenError};

use super::{SharedTokenStore, refusal};
use crate::failure::RedisFailure;

/// Why the shared path gave no token.
pub(super) enum Failure {
    /// Redis could not be used.
    Redis(RedisFailure),
    /// No token could be had (the accounts server, the budget): the caller's error.
    Token(Error),
}

impl From<RedisFailure> for Failure {
    fn from(failure: RedisFailure) -> Self {
        Self::Redis(failure)
    }
}

impl From<TokenError> for Failure {
    fn from(error: TokenError) -> Self {
        Self::Token(error.into())
    }
}

impl SharedTokenStore {
    /// The fleet's token, refreshed by this process if it is due and this process gets the
    /// lock, else by another one.
    pub(super) async fn shared(&self) -> Result<AccessToken, Failure> {
        let _turn = self.inner.slow_path.lock().await;
        if let Some(token) = self.fresh() {
            return Ok(token);
        }
        let settings = self.inner.settings;
        let give_up = Instant::now() + settings.lock_ttl * 2 + Duration::from_secs(10);
        let mut poll = Duration::from_millis(20);
        loop {
            let view = self.read().await?;
            if let Some((token, left)) = &view.token {
                if *left > settings.refresh_ahead {
                    self.cache(token, *left);
                    return Ok(token.clone());
                }
            }
            if let Some((refusal, left)) = view.refusal {
                // The fleet is backing off: an unexpired token still serves.
                if let Some((token, left)) = view.token {
                    self.cache(&token, left);
                    return Ok(token);
                }
                return Err(refusal::decode(&refusal, left).into());
            }
            if let Some(owner) = self.lock().await? {
                let result = self.refresh_holding(&owner).await;
                if let Err(failure) = self.release(&owner).await {
                    tracing::debug!(
                        reason = failure.reason(),
                        "could not let go of the refresh lock; it expires"
                    );
                }
                return result;
            }
            // Another process refreshes: the old token serves meanwhile.
            if let Some((token, left)) = view.token {
                self.cache(&token, left);
                return Ok(token);
            }
            if Instant::now() >= give_up {
                return Err(Failure::Token(Error::new(ErrorKind::Timeout {
                    kind: TimeoutKind::Total,
                    after: settings.lock_ttl * 2 + Duration::from_secs(10),
                })));
            }
            let jitter = Duration::from_millis(fastrand::u64(0..=10));
            tokio::time::sleep(poll + jitter).await;
            poll = (poll * 2).min(Duration::from_millis(250));
        }
    }

    /// Refreshes, holding the lock.
    async fn refresh_holding(&self, owner: &str) -> Result<AccessToken, Failure> {
        let settings = self.inner.settings;
        // Someone may have refreshed between the read and the lock.
        let view = self.read().await?;
        let unexpired = view.token;
        if let Some((token, left)) = &unexpired {
            if *left > settings.refresh_ahead {
                self.cache(token, *left);
                return Ok(token.clone());
            }
        }
        let serve_unexpired = |error: Failure| match &unexpired {
            Some((token, left)) => {
                self.cache(token, *left);
                Ok(token.clone())
            }
            None => Err(error),
        };
        if let Some(wait) = self.spend().await? {
            tracing::debug!(
                retry_in_ms = wait.as_millis() as u64,
                "the fleet's token request budget is spent; not asking"
            );
            return serve_unexpired(TokenError::Throttled { retry_in: wait }.into());
        }
        tracing::debug!("refreshing the fleet's access token");
        match self.inner.oauth.refresh(&self.inner.refresh_token).await {
            Ok(set) => {
                let mut token = AccessToken::new(set.access_token);
                if let Some(domain) = set.api_domain {
                    token = token.with_api_domain(domain);
                }
                match self.store(&token, set.expires_in, owner).await {
                    Ok(()) => {}
                    Err(Failure::Redis(failure)) => {
                        // The token is good: this process keeps it.
                        let reason = failure.reason();
                        tracing::warn!(
                            reason,
                            "the new access token could not be shared; this process keeps it"
                        );
                        self.inner.fleet.health().down(&reason);
                    }
                    Err(Failure::Token(error)) => {
                        tracing::warn!(%error, "the new access token could not be shared");
                    }
                }
                self.cache(&token, set.expires_in);
                Ok(token)
            }
            Err(error) => {
                let shared = match error.kind() {
                    ErrorKind::Token(token_error) => refusal::encode(token_error),
                    _ => None,
                };
                let Some((json, throttle)) = shared else {
                    // A failing or unreachable accounts server says nothing of the
                    // credentials: no back-off, an unexpired token still serves.
                    return serve_unexpired(Failure::Token(error));
                };
                let backoff = self.refused(json.clone(), throttle).await?;
                tracing::warn!(
                    %error,
                    backoff_ms = backoff.as_millis() as u64,
                    "token refresh failed; the fleet backs off"
                );
                serve_unexpired(refusal::decode(&json, backoff).into())
            }
        }
    }
}
