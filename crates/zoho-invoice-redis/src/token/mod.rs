//! The access token a fleet shares: [`SharedTokenStore`].

mod record;
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
use zoho_invoice_transport::{
    AccessToken, Error, ErrorKind, OAuthClient, RefreshingToken, TimeoutKind, TokenError,
    TokenSource,
};

use crate::failure::{RedisFailure, unreachable};
use crate::fleet::Fleet;
use crate::health::Use;
use crate::keys::TokenKeys;
use crate::policy::WhenUnreachable;
use scripts::{READ_SCRIPT, REFUSED_SCRIPT, RELEASE_SCRIPT, SPEND_SCRIPT, STORE_SCRIPT};

pub use seal::SealingKey;

/// The settings of a [`SharedTokenStore`].
#[derive(Debug, Clone, Copy)]
struct Settings {
    refresh_ahead: Duration,
    lock_ttl: Duration,
    budget: u32,
    budget_window: Duration,
    throttle_backoff: Duration,
    max_throttle_backoff: Duration,
    error_backoff: Duration,
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

/// Settings of a [`SharedTokenStore`]: start from [`SharedTokenStore::builder`].
pub struct SharedTokenStoreBuilder {
    fleet: Fleet,
    oauth: OAuthClient,
    refresh_token: SecretString,
    sealing: Option<SealingKey>,
    settings: Settings,
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

/// Why the shared path gave no token.
enum Failure {
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

/// What Redis holds for the token.
struct View {
    /// The token, if readable, not refused by the API, and not expired; with its time left.
    token: Option<(AccessToken, Duration)>,
    /// A refusal of the accounts server the fleet is backing off from, and its time left.
    refusal: Option<(String, Duration)>,
}

fn fingerprint(token: &AccessToken) -> [u8; 32] {
    Sha256::digest(token.secret().expose_secret().as_bytes()).into()
}

/// A Redis time to live (ms): `None` for a missing key, or one without expiry.
fn ttl(ms: i64) -> Option<Duration> {
    u64::try_from(ms)
        .ok()
        .filter(|ms| *ms > 0)
        .map(Duration::from_millis)
}

fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
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

    /// What Redis holds now.
    async fn read(&self) -> Result<View, RedisFailure> {
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
    async fn lock(&self) -> Result<Option<String>, RedisFailure> {
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
    async fn release(&self, owner: &str) -> Result<(), RedisFailure> {
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
    async fn spend(&self) -> Result<Option<Duration>, RedisFailure> {
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
    async fn store(
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
    async fn refused(&self, json: String, throttle: bool) -> Result<Duration, RedisFailure> {
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

    /// The fleet's token, refreshed by this process if it is due and this process gets the
    /// lock, else by another one.
    async fn shared(&self) -> Result<AccessToken, Failure> {
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
