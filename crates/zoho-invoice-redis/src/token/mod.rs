//! The access token a fleet shares: [`SharedTokenStore`].

mod builder;
mod record;
mod redis_ops;
mod refresh;
mod refusal;
mod scripts;
mod seal;

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::Duration;

use async_trait::async_trait;
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};
use tokio::time::Instant;
use zoho_invoice_transport::{AccessToken, Error, OAuthClient, RefreshingToken, TokenSource};

use crate::failure::unreachable;
use crate::fleet::Fleet;
use crate::health::Use;
use crate::keys::TokenKeys;
use crate::policy::WhenUnreachable;
use builder::Settings;
use refresh::Failure;

pub use builder::SharedTokenStoreBuilder;
pub use seal::SealingKey;

/// One access token per refresh token for a whole fleet of processes, kept in Redis: a
/// [`TokenSource`] for
/// [`TransportBuilder::token_source`](zoho_invoice_transport::TransportBuilder::token_source).
///
/// - **One refresh for the fleet**: when the token must be refreshed, the process that takes
///   the lock (`SET NX PX` with a unique owner value, let go by a compare-and-delete script)
///   asks the accounts server, through the transport's [`OAuthClient`]; the others wait
///   (polling with back-off) and read the new token. A holder that dies lets go when the lock
///   expires ([`lock_ttl`](SharedTokenStoreBuilder::lock_ttl), 30 s by default), and another
///   process refreshes. Within a process, one task at a time looks at Redis; the others wait
///   for it.
/// - **Early**: refreshed `refresh_ahead` (5 minutes by default) before it expires; while
///   another process refreshes, the old token serves.
/// - **Stored with its expiry**: the key expires with the token. Its name holds a SHA-256
///   digest of the accounts server and the refresh token, never the token.
/// - **Sealed** with ChaCha20-Poly1305 when you give a [`SealingKey`]. A token that cannot be
///   read (no key, another key, not sealed when a key is set) counts as absent and is
///   replaced by a new one, with a warning.
/// - **The accounts server's limit is the fleet's**: at most 10 token requests in any 10
///   minutes for the whole fleet
///   ([`refresh_budget`](SharedTokenStoreBuilder::refresh_budget)), counted in Redis; a
///   throttle or a refusal from the accounts server holds every process back (60 s doubling
///   up to 15 minutes for a throttle, 10 s for a refusal), and meanwhile a token that has not
///   expired still serves.
/// - **401**: [`invalidate`](TokenSource::invalidate) drops the token only if it is still
///   the current one: if another process has refreshed it meanwhile, the new one is used
///   without asking the accounts server again.
///
/// No token, refresh token or client secret appears in its `Debug`, its errors or its logs.
///
/// While Redis is unreachable the fleet's [`WhenUnreachable`] decides: calls fail at once
/// with a connect error, or this process uses its own cache (the transport's
/// [`RefreshingToken`], over the same [`OAuthClient`]).
///
/// Clones share the process's cache.
#[derive(Clone)]
pub struct SharedTokenStore {
    inner: Arc<Inner>,
}

struct Inner {
    fleet: Fleet,
    oauth: OAuthClient,
    refresh_token: SecretString,
    keys: TokenKeys,
    sealing: Option<SealingKey>,
    settings: Settings,
    cached: RwLock<Option<Cached>>,
    /// A digest of the last token the API refused (401): never taken from Redis again.
    rejected: Mutex<Option<[u8; 32]>>,
    /// One task of the process at a time looks at Redis.
    slow_path: tokio::sync::Mutex<()>,
    fallback: RefreshingToken,
}

#[derive(Clone)]
struct Cached {
    token: AccessToken,
    expires_at: Instant,
}

impl fmt::Debug for SharedTokenStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SharedTokenStore")
            .field("key", &self.inner.keys.value)
            .field("sealed", &self.inner.sealing.is_some())
            .field("refresh_token", &"[REDACTED]")
            .field("oauth", &self.inner.oauth)
            .field("refresh_ahead", &self.inner.settings.refresh_ahead)
            .field("lock_ttl", &self.inner.settings.lock_ttl)
            .finish_non_exhaustive()
    }
}

fn fingerprint(token: &AccessToken) -> [u8; 32] {
    Sha256::digest(token.secret().expose_secret().as_bytes()).into()
}
impl SharedTokenStore {
    /// A store for the tokens `refresh_token` gets through `oauth` (from
    /// [`TransportBuilder::build_oauth_client`](zoho_invoice_transport::TransportBuilder::build_oauth_client)),
    /// shared through `fleet`.
    pub fn builder(
        fleet: &Fleet,
        oauth: OAuthClient,
        refresh_token: SecretString,
    ) -> SharedTokenStoreBuilder {
        SharedTokenStoreBuilder {
            fleet: fleet.clone(),
            oauth,
            refresh_token,
            sealing: None,
            settings: Settings::default(),
        }
    }

    /// The in-process cache used while Redis is unreachable under
    /// [`WhenUnreachable::FallBack`].
    pub fn fallback(&self) -> &RefreshingToken {
        &self.inner.fallback
    }

    fn cached(&self) -> Option<Cached> {
        self.inner
            .cached
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// This process's copy if it needs no refresh yet.
    fn fresh(&self) -> Option<AccessToken> {
        let now = Instant::now();
        self.cached()
            .filter(|c| now + self.inner.settings.refresh_ahead < c.expires_at)
            .map(|c| c.token)
    }

    fn cache(&self, token: &AccessToken, left: Duration) {
        *self
            .inner
            .cached
            .write()
            .unwrap_or_else(PoisonError::into_inner) = Some(Cached {
            token: token.clone(),
            expires_at: Instant::now() + left,
        });
    }

    fn is_rejected(&self, token: &AccessToken) -> bool {
        let rejected = self
            .inner
            .rejected
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        rejected.is_some_and(|digest| digest == fingerprint(token))
    }
    /// What a call gets while Redis cannot be used.
    async fn unusable(&self, reason: &str) -> Result<AccessToken, Error> {
        match self.inner.fleet.health().policy() {
            WhenUnreachable::FailFast => Err(unreachable(reason)),
            WhenUnreachable::FallBack => self.inner.fallback.token().await,
        }
    }
}

#[async_trait]
impl TokenSource for SharedTokenStore {
    async fn token(&self) -> Result<AccessToken, Error> {
        if let Some(token) = self.fresh() {
            return Ok(token);
        }
        let health = self.inner.fleet.health();
        if let Use::Down(reason) = self.inner.fleet.check() {
            return self.unusable(&reason).await;
        }
        match self.shared().await {
            Ok(token) => {
                health.up();
                Ok(token)
            }
            Err(Failure::Token(error)) => {
                health.up();
                Err(error)
            }
            Err(Failure::Redis(failure)) => {
                let reason = failure.reason();
                health.down(&reason);
                self.unusable(&reason).await
            }
        }
    }

    fn ready_token(&self) -> Option<AccessToken> {
        self.fresh()
    }

    fn invalidate(&self, token: &AccessToken) -> bool {
        let digest = fingerprint(token);
        {
            let mut cached = self
                .inner
                .cached
                .write()
                .unwrap_or_else(PoisonError::into_inner);
            if cached
                .as_ref()
                .is_some_and(|c| fingerprint(&c.token) == digest)
            {
                *cached = None;
            }
        }
        *self
            .inner
            .rejected
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(digest);
        self.inner.fallback.invalidate(token);
        true
    }
}
