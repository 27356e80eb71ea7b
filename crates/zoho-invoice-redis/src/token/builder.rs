//! [`SharedTokenStoreBuilder`]: the settings of a [`SharedTokenStore`].

use std::fmt;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use secrecy::SecretString;
use zoho_invoice_transport::{OAuthClient, RefreshingToken};

use super::{Inner, SealingKey, SharedTokenStore};
use crate::fleet::Fleet;
use crate::keys::TokenKeys;

/// The settings of a [`SharedTokenStore`].
#[derive(Debug, Clone, Copy)]
pub(super) struct Settings {
    pub(super) refresh_ahead: Duration,
    pub(super) lock_ttl: Duration,
    pub(super) budget: u32,
    pub(super) budget_window: Duration,
    pub(super) throttle_backoff: Duration,
    pub(super) max_throttle_backoff: Duration,
    pub(super) error_backoff: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            refresh_ahead: Duration::from_secs(300),
            lock_ttl: Duration::from_secs(30),
            budget: 10,
            budget_window: Duration::from_secs(600),
            throttle_backoff: Duration::from_secs(60),
            max_throttle_backoff: Duration::from_secs(900),
            error_backoff: Duration::from_secs(10),
        }
    }
}

/// Settings of a [`SharedTokenStore`]: start from [`SharedTokenStore::builder`].
pub struct SharedTokenStoreBuilder {
    pub(super) fleet: Fleet,
    pub(super) oauth: OAuthClient,
    pub(super) refresh_token: SecretString,
    pub(super) sealing: Option<SealingKey>,
    pub(super) settings: Settings,
}

impl fmt::Debug for SharedTokenStoreBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SharedTokenStoreBuilder")
            .field("refresh_token", &"[REDACTED]")
            .field("sealed", &self.sealing.is_some())
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl SharedTokenStoreBuilder {
    /// Seal the token with `key` before it goes to Redis (every process of the fleet needs
    /// the same key).
    pub fn sealing_key(mut self, key: SealingKey) -> Self {
        self.sealing = Some(key);
        self
    }

    /// Refresh this long before the token expires (default 5 minutes).
    pub fn refresh_ahead(mut self, ahead: Duration) -> Self {
        self.settings.refresh_ahead = ahead;
        self
    }

    /// How long the refresh lock lasts when its holder does not let go (it died): default
    /// 30 s, at least 1 ms. Keep it above the time a token request can take.
    pub fn lock_ttl(mut self, ttl: Duration) -> Self {
        self.settings.lock_ttl = ttl.max(Duration::from_millis(1));
        self
    }

    /// At most `requests` token requests in any `window` for the whole fleet (default 10 in
    /// 10 minutes, Zoho's limit per refresh token).
    pub fn refresh_budget(mut self, requests: u32, window: Duration) -> Self {
        self.settings.budget = requests.max(1);
        self.settings.budget_window = window.max(Duration::from_millis(1));
        self
    }

    /// The first wait after the accounts server throttles (default 60 s; it doubles with each
    /// throttle in a row, up to 15 minutes).
    pub fn throttle_backoff(mut self, backoff: Duration) -> Self {
        self.settings.throttle_backoff = backoff.max(Duration::from_millis(1));
        self
    }

    /// The store.
    pub fn build(self) -> SharedTokenStore {
        let keys = TokenKeys::new(
            self.fleet.key_prefix(),
            self.oauth.accounts_url(),
            &self.refresh_token,
        );
        let fallback = RefreshingToken::new(self.oauth.clone(), self.refresh_token.clone())
            .with_refresh_ahead(self.settings.refresh_ahead)
            .with_throttle_backoff(self.settings.throttle_backoff)
            .with_refresh_budget(self.settings.budget, self.settings.budget_window);
        SharedTokenStore {
            inner: Arc::new(Inner {
                fleet: self.fleet,
                oauth: self.oauth,
                refresh_token: self.refresh_token,
                keys,
                sealing: self.sealing,
                settings: self.settings,
                cached: RwLock::new(None),
                rejected: Mutex::new(None),
                slow_path: tokio::sync::Mutex::new(()),
                fallback,
            }),
        }
    }
}
