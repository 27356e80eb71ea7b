//! [`FileTokenStore`]: the refresh-token flow with its access token kept in a file, so that a
//! process that restarts (a command-line tool, a cron job) reuses a token still valid.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;

use super::access::AccessToken;
use super::refresh::{RefreshObserver, RefreshingToken};
use super::source::TokenSource;
use super::token_file::{self, Unusable};
use crate::clock::{Clock, SystemClock, system_after};
use crate::error::Error;

/// The refresh-token flow ([`RefreshingToken`]) with its access token kept in a file, so that
/// the next run of a command-line tool or a cron job reuses a token that is still valid
/// instead of asking the accounts server for another (Zoho allows about ten per refresh
/// token in ten minutes).
///
/// - When opened, it reads the file. A token there that belongs to this refresh token
///   (the same refresh token, client id and accounts server) and has not expired is used as
///   it is, without any token request. Anything else, a missing, unreadable, truncated or
///   corrupt file, another refresh token's or an expired token, is ignored (and logged at
///   `debug`, without its content); the next refresh replaces it.
/// - Each new token is written with its expiry and API domain, atomically: to a temporary
///   file in the same directory, flushed to disk, then renamed over the file. Readers see the
///   old file or the new one, never a mix. On unix the file is created with mode `0600`
///   (read and write for its owner only) from the start.
/// - A file that cannot be written is logged as a warning; the token still serves from
///   memory.
/// - Refresh is [`RefreshingToken`]'s: single-flight, ahead of expiry, within the token
///   request budget, with back-off on the accounts server's throttle.
/// - [`invalidate`](TokenSource::invalidate) (after a 401) drops the token from memory and
///   removes the file if it still holds that token (a newer token written since stays).
///
/// # The file
///
/// JSON, with a `version` of the format:
///
/// ```json
/// {
///   "version": 1,
///   "key": "5c0f…e9 (64 hex digits)",
///   "access_token": "1000.8d6f…",
///   "api_domain": "https://www.zohoapis.eu",
///   "expires_at": 1767225600
/// }
/// ```
///
/// - `key`: the SHA-256 digest of the client id, the accounts server's URL and the refresh
///   token. It tells which refresh token the access token belongs to; the refresh token and
///   the client secret are never written.
/// - `access_token`: the access token as it is, not encrypted. **The file's permissions are
///   its only protection**: keep it in a directory only its user can reach. (On systems other
///   than unix, the file gets the directory's default permissions.)
/// - `api_domain`: the API domain the accounts server named with the token (may be absent).
/// - `expires_at`: when the token expires, in seconds since 1970 (UTC, wall clock), so that
///   the next process knows how long it has left.
///
/// Processes run one after another (a cron job, a command-line tool) find each other's
/// tokens. Processes running at the same time may share the file too: each writes only whole
/// files, and a process that starts while another's token is valid uses it; but a running
/// process reads the file only when opened, so two of them refresh on their own (each token
/// they get is valid; the last written stays). For a fleet that shares one token, use a
/// shared store (the Redis one of `zoho-invoice-redis`).
///
/// The file is read when the store is opened, written once per refresh (on tokio's
/// blocking pool when there is a runtime), and read and perhaps removed on
/// [`invalidate`](TokenSource::invalidate): small, blocking calls.
///
/// # Example
///
/// Two runs of a tool; the second finds the first's token in the file and asks for none.
/// A hand-written service stands in for Zoho.
///
/// ```
/// use std::sync::Arc;
/// use std::sync::atomic::{AtomicUsize, Ordering};
/// use secrecy::SecretString;
/// use zoho_invoice_transport::{
///     ApiRequest, ApiResponse, ClientCredentials, Error, HttpTransport, Transport,
/// };
///
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let token_requests = Arc::new(AtomicUsize::new(0));
/// let counter = token_requests.clone();
/// let fake_zoho = tower::service_fn(move |request: ApiRequest| {
///     let counter = counter.clone();
///     async move {
///         if request.uri().path() == "/oauth/v2/token" {
///             counter.fetch_add(1, Ordering::SeqCst);
///             return Ok::<_, Error>(ApiResponse::json_ok(
///                 r#"{"access_token":"1000.abc","expires_in":3600}"#,
///             ));
///         }
///         Ok(ApiResponse::json_ok(r#"{"code":0,"message":"success","items":[]}"#))
///     }
/// });
/// let file = std::env::temp_dir().join(format!("zoho-doc-{}.json", std::process::id()));
/// # let _ = std::fs::remove_file(&file);
/// for _run in 0..2 {
///     let transport = HttpTransport::builder()
///         .refresh_token(
///             ClientCredentials::new("1000.CLIENT", SecretString::from("client-secret")),
///             SecretString::from("1000.refresh"),
///         )
///         .token_file(&file)
///         .organization_id("10234695")
///         .http_service(fake_zoho.clone())
///         .build()?;
///     transport.send(ApiRequest::get("/items")?).await?;
/// }
/// assert_eq!(token_requests.load(Ordering::SeqCst), 1);
/// # std::fs::remove_file(&file).unwrap();
/// # Ok::<(), Error>(())
/// # }).unwrap();
/// ```
#[derive(Clone)]
pub struct FileTokenStore {
    source: RefreshingToken,
    file: Arc<TokenFile>,
}

/// Where the token is kept, and whose it is.
struct TokenFile {
    path: PathBuf,
    /// Names the refresh token (see [`token_file::record_key`]).
    key: String,
    clock: Arc<dyn Clock>,
}

impl fmt::Debug for TokenFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenFile")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for FileTokenStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FileTokenStore")
            .field("path", &self.file.path)
            .field("source", &self.source)
            .finish()
    }
}

impl FileTokenStore {
    /// Keeps `source`'s access tokens in the file at `path`, starting with the token found
    /// there if it is still valid. The directory must exist; the file need not.
    ///
    /// # Panics
    /// When `source` has been cloned (it is configured here: open the store before sharing).
    pub fn open(path: impl Into<PathBuf>, source: RefreshingToken) -> Self {
        Self::open_with_clock(path, source, Arc::new(SystemClock))
    }

    /// [`open`](Self::open), telling time by `clock` (the wall clock the file's expiry times
    /// are read and written with).
    ///
    /// # Panics
    /// When `source` has been cloned.
    pub fn open_with_clock(
        path: impl Into<PathBuf>,
        source: RefreshingToken,
        clock: Arc<dyn Clock>,
    ) -> Self {
        let (oauth, refresh_token) = source.credentials();
        let file = Arc::new(TokenFile {
            path: path.into(),
            key: token_file::record_key(oauth.client_id(), oauth.accounts_url(), refresh_token),
            clock,
        });
        let mut source = source.with_refresh_observer(file.clone());
        if let Some((token, valid_for)) = file.load() {
            source = source.with_access_token(token, valid_for);
        }
        Self { source, file }
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.file.path
    }
}

impl TokenFile {
    /// The stored token and how long it is still valid, if the file holds a usable one.
    fn load(&self) -> Option<(AccessToken, Duration)> {
        match token_file::read(&self.path, &self.key, self.clock.now()) {
            Ok(stored) => {
                tracing::debug!(
                    path = %self.path.display(),
                    valid_for_s = stored.valid_for.as_secs(),
                    "using the access token in the token file"
                );
                let mut token = AccessToken::new(stored.access_token);
                if let Some(domain) = stored.api_domain {
                    token = token.with_api_domain(domain);
                }
                Some((token, stored.valid_for))
            }
            Err(Unusable::Missing) => {
                tracing::debug!(path = %self.path.display(), "no token file yet");
                None
            }
            Err(reason) => {
                tracing::debug!(path = %self.path.display(), %reason, "token file ignored");
                None
            }
        }
    }

    /// Removes the file if it holds `token`.
    fn forget(&self, token: &AccessToken) {
        match token_file::remove_if_holds(&self.path, token.secret()) {
            Ok(true) => tracing::debug!(path = %self.path.display(), "token file removed"),
            Ok(false) => {}
            Err(error) => tracing::warn!(
                path = %self.path.display(),
                %error,
                "cannot remove the token file of a refused token"
            ),
        }
    }
}

#[async_trait]
impl RefreshObserver for TokenFile {
    async fn refreshed(&self, token: &AccessToken, expires_in: Duration) {
        let content = token_file::render(
            &self.key,
            token.secret(),
            token.api_domain(),
            system_after(self.clock.now(), expires_in),
        );
        let path = self.path.clone();
        // On the blocking pool when there is one, which finishes the write even if the
        // refreshing caller goes away; logged here, in the caller's span.
        let written = match tokio::runtime::Handle::try_current() {
            Ok(runtime) => runtime
                .spawn_blocking(move || token_file::write_atomically(&path, &content))
                .await
                .unwrap_or_else(|e| Err(io::Error::other(e.to_string()))),
            Err(_) => token_file::write_atomically(&path, &content),
        };
        match written {
            Ok(()) => tracing::debug!(path = %self.path.display(), "access token saved"),
            Err(error) => tracing::warn!(
                path = %self.path.display(),
                %error,
                "cannot write the token file; the access token is kept in memory only"
            ),
        }
    }
}

#[async_trait]
impl TokenSource for FileTokenStore {
    async fn token(&self) -> Result<AccessToken, Error> {
        self.source.token().await
    }

    fn ready_token(&self) -> Option<AccessToken> {
        self.source.ready_token()
    }

    fn invalidate(&self, token: &AccessToken) -> bool {
        let replay = self.source.invalidate(token);
        self.file.forget(token);
        replay
    }

    fn can_replay(&self) -> bool {
        self.source.can_replay()
    }
}
