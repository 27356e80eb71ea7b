//! The refresh-token flow: a cached access token, refreshed ahead of expiry, by one request at
//! a time.

use std::collections::VecDeque;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use async_trait::async_trait;
use secrecy::SecretString;
use tokio::time::Instant;

use super::access::AccessToken;
use super::oauth::OAuthClient;
use super::source::TokenSource;
use crate::clock::instant_after;
use crate::error::{Error, ErrorKind, TokenError};

#[derive(Clone)]
struct Cached {
    token: AccessToken,
    expires_at: Instant,
}

/// What the one refreshing caller keeps between refreshes: the last failure and its back-off,
/// and when the recent token requests were sent.
#[derive(Default)]
struct RefreshState {
    until: Option<Instant>,
    error: Option<TokenError>,
    throttle_streak: u32,
    /// When the token requests of the current budget window were sent, oldest first.
    sent: VecDeque<Instant>,
}

impl RefreshState {
    /// How long until the budget allows another token request (`None`: it allows one now).
    fn budget_wait(&mut self, now: Instant, budget: u32, window: Duration) -> Option<Duration> {
        while self
            .sent
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) >= window)
        {
            self.sent.pop_front();
        }
        if self.sent.len() < budget as usize {
            return None;
        }
        let oldest = *self.sent.front()?;
        Some((oldest + window).saturating_duration_since(now))
    }
}

struct Inner {
    oauth: OAuthClient,
    refresh_token: SecretString,
    refresh_ahead: Duration,
    throttle_backoff: Duration,
    max_throttle_backoff: Duration,
    error_backoff: Duration,
    budget: u32,
    budget_window: Duration,
    cached: RwLock<Option<Cached>>,
    /// Held by the one caller that talks to the accounts server; the others wait on it and
    /// then find the new token in `cached`. This is what makes refresh single-flight.
    refresh: tokio::sync::Mutex<RefreshState>,
    generation: AtomicU64,
    observer: Option<Arc<dyn RefreshObserver>>,
}

/// Hears of each access token a [`RefreshingToken`] gets from the accounts server: the seam a
/// token store persists through (the file store of [`FileTokenStore`](crate::FileTokenStore)
/// is one).
///
/// It is awaited while the refresh is still in progress, so the callers waiting for the new
/// token wait for it too: keep it short, and never let it fail the refresh (log instead).
#[async_trait]
pub trait RefreshObserver: Send + Sync + fmt::Debug {
    /// `token` was just issued and is valid for `expires_in` from now.
    async fn refreshed(&self, token: &AccessToken, expires_in: Duration);
}

/// Access tokens from a refresh token.
///
/// - One refresh at a time: however many callers need a token, one request goes to the
///   accounts server and the others wait for its answer.
/// - Refreshed `refresh_ahead` (5 minutes by default) before expiry.
/// - At most 10 token requests in any 10 minutes (Zoho's limit per refresh token; see
///   [`with_refresh_budget`](Self::with_refresh_budget)): beyond it, no request is made and
///   callers get [`TokenError::Throttled`] at once, saying when the budget allows the next
///   one. Asking beyond Zoho's limit would lock the refresh token out, and every request made
///   while locked extends the lock.
/// - When the accounts server throttles anyway ("too many requests"), no request is made for
///   a back-off (60 s, doubling up to 15 minutes): callers get [`TokenError::Throttled`] at
///   once. Other refusals (`invalid_code`, `invalid_client`, ...)
///   are remembered for 10 s. While the old token is still valid it keeps being used.
/// - [`invalidate`](TokenSource::invalidate) (after a 401) drops the token so the next caller
///   refreshes.
///
/// Clones share the cache.
#[derive(Clone)]
pub struct RefreshingToken {
    inner: Arc<Inner>,
}

impl fmt::Debug for RefreshingToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RefreshingToken")
            .field("oauth", &self.inner.oauth)
            .field("refresh_token", &"[REDACTED]")
            .field("refresh_ahead", &self.inner.refresh_ahead)
            .field("generation", &self.inner.generation.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

impl RefreshingToken {
    /// A source that refreshes with `refresh_token` through `oauth`.
    pub fn new(oauth: OAuthClient, refresh_token: SecretString) -> Self {
        Self {
            inner: Arc::new(Inner {
                oauth,
                refresh_token,
                refresh_ahead: Duration::from_secs(300),
                throttle_backoff: Duration::from_secs(60),
                max_throttle_backoff: Duration::from_secs(900),
                error_backoff: Duration::from_secs(10),
                budget: 10,
                budget_window: Duration::from_secs(600),
                cached: RwLock::new(None),
                refresh: tokio::sync::Mutex::new(RefreshState::default()),
                generation: AtomicU64::new(0),
                observer: None,
            }),
        }
    }

    fn inner_mut(&mut self) -> &mut Inner {
        Arc::get_mut(&mut self.inner).expect("configured before the first clone")
    }

    /// Refresh this long before the token expires (default 5 minutes).
    ///
    /// # Panics
    /// When called on a clone (configure before sharing).
    pub fn with_refresh_ahead(mut self, ahead: Duration) -> Self {
        self.inner_mut().refresh_ahead = ahead;
        self
    }

    /// The first wait after the accounts server throttles (default 60 s; it doubles with each
    /// throttle in a row, up to 15 minutes).
    ///
    /// # Panics
    /// When called on a clone (configure before sharing).
    pub fn with_throttle_backoff(mut self, backoff: Duration) -> Self {
        self.inner_mut().throttle_backoff = backoff;
        self
    }

    /// At most `requests` token requests in any `window` (default 10 in 10 minutes, Zoho's
    /// limit per refresh token). Share one source between transports that use the same
    /// refresh token, so that they share the budget.
    ///
    /// # Panics
    /// When called on a clone (configure before sharing).
    pub fn with_refresh_budget(mut self, requests: u32, window: Duration) -> Self {
        let inner = self.inner_mut();
        inner.budget = requests.max(1);
        inner.budget_window = window;
        self
    }

    /// Tells `observer` of every token this source gets from the accounts server (not of
    /// one given with [`with_access_token`](Self::with_access_token)), before the callers
    /// waiting for it are given it. Replaces any observer set before.
    ///
    /// # Panics
    /// When called on a clone (configure before sharing).
    pub fn with_refresh_observer(mut self, observer: Arc<dyn RefreshObserver>) -> Self {
        self.inner_mut().observer = Some(observer);
        self
    }

    /// The refresh token and the accounts server it is used with (for the stores that key
    /// their records by them).
    pub(crate) fn credentials(&self) -> (&OAuthClient, &SecretString) {
        (&self.inner.oauth, &self.inner.refresh_token)
    }

    /// Starts with an access token you already have, valid for `expires_in` from now.
    pub fn with_access_token(self, token: AccessToken, expires_in: Duration) -> Self {
        let generation = self.inner.generation.fetch_add(1, Ordering::AcqRel) + 1;
        self.store(Cached {
            token: token.with_generation(generation),
            expires_at: instant_after(Instant::now(), expires_in),
        });
        self
    }

    fn store(&self, cached: Cached) {
        *self
            .inner
            .cached
            .write()
            .unwrap_or_else(PoisonError::into_inner) = Some(cached);
    }

    fn cached(&self) -> Option<Cached> {
        self.inner
            .cached
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The cached token if it needs no refresh yet.
    fn fresh(&self, now: Instant) -> Option<AccessToken> {
        self.cached()
            .filter(|c| now + self.inner.refresh_ahead < c.expires_at)
            .map(|c| c.token)
    }

    /// The cached token if it has not expired (it may be due for refresh).
    fn unexpired(&self, now: Instant) -> Option<AccessToken> {
        self.cached()
            .filter(|c| now < c.expires_at)
            .map(|c| c.token)
    }
}

/// Whether a token request reached the accounts server: answered, or broken off after sending.
fn reached_the_server<T>(result: &Result<T, Error>) -> bool {
    match result {
        Ok(_) => true,
        Err(error) => match error.kind() {
            ErrorKind::Token(TokenError::Unreachable(cause)) => cause.is_network(),
            _ => true,
        },
    }
}

fn with_retry_in(error: TokenError, retry_in: Duration) -> TokenError {
    match error {
        TokenError::Throttled { .. } => TokenError::Throttled { retry_in },
        other => other,
    }
}

#[async_trait]
impl TokenSource for RefreshingToken {
    async fn token(&self) -> Result<AccessToken, Error> {
        if let Some(token) = self.fresh(Instant::now()) {
            return Ok(token);
        }
        let mut state = self.inner.refresh.lock().await;
        let now = Instant::now();
        if let Some(token) = self.fresh(now) {
            return Ok(token);
        }
        if let (Some(until), Some(error)) = (state.until, &state.error) {
            if now < until {
                if let Some(token) = self.unexpired(now) {
                    return Ok(token);
                }
                return Err(with_retry_in(error.clone(), until - now).into());
            }
        }
        if let Some(retry_in) = state.budget_wait(now, self.inner.budget, self.inner.budget_window)
        {
            if let Some(token) = self.unexpired(now) {
                return Ok(token);
            }
            tracing::debug!(
                retry_in_ms = retry_in.as_millis() as u64,
                "token request budget spent; not asking"
            );
            return Err(TokenError::Throttled { retry_in }.into());
        }
        tracing::debug!("refreshing the access token");
        let result = self.inner.oauth.refresh(&self.inner.refresh_token).await;
        // Only a request the accounts server answered, or that may have reached it before the
        // connection broke, counts against the budget: a server that never answers (a connect
        // failure, a timeout) issues no token.
        if reached_the_server(&result) {
            state.sent.push_back(now);
        }
        match result {
            Ok(set) => {
                let generation = self.inner.generation.fetch_add(1, Ordering::AcqRel) + 1;
                let mut token = AccessToken::new(set.access_token).with_generation(generation);
                if let Some(domain) = set.api_domain {
                    token = token.with_api_domain(domain);
                }
                self.store(Cached {
                    token: token.clone(),
                    expires_at: instant_after(Instant::now(), set.expires_in),
                });
                if let Some(observer) = &self.inner.observer {
                    observer.refreshed(&token, set.expires_in).await;
                }
                state.until = None;
                state.error = None;
                state.throttle_streak = 0;
                Ok(token)
            }
            Err(error) => {
                let error = match error.kind() {
                    ErrorKind::Token(
                        error @ (TokenError::Throttled { .. }
                        | TokenError::Rejected { .. }
                        | TokenError::Malformed(_)),
                    ) => error.clone(),
                    // The accounts server failed or could not be reached: a token that has
                    // not expired yet still serves.
                    _ => {
                        return match self.unexpired(Instant::now()) {
                            Some(token) => Ok(token),
                            None => Err(error),
                        };
                    }
                };
                let backoff = if matches!(error, TokenError::Throttled { .. }) {
                    let factor = 2u32.saturating_pow(state.throttle_streak.min(16));
                    state.throttle_streak += 1;
                    self.inner
                        .throttle_backoff
                        .saturating_mul(factor)
                        .min(self.inner.max_throttle_backoff)
                } else {
                    self.inner.error_backoff
                };
                tracing::warn!(error = %error, backoff_ms = backoff.as_millis() as u64, "token refresh failed");
                let now = Instant::now();
                state.until = Some(now + backoff);
                state.error = Some(error.clone());
                if let Some(token) = self.unexpired(now) {
                    return Ok(token);
                }
                Err(with_retry_in(error, backoff).into())
            }
        }
    }

    fn ready_token(&self) -> Option<AccessToken> {
        self.fresh(Instant::now())
    }

    fn invalidate(&self, token: &AccessToken) -> bool {
        let mut cached = self
            .inner
            .cached
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        if cached
            .as_ref()
            .is_some_and(|c| c.token.generation() == token.generation())
        {
            *cached = None;
        }
        true
    }
}
