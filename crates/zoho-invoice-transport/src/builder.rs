//! [`TransportBuilder`]: composes the default stack.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use http::HeaderValue;
use secrecy::SecretString;
use tower::{Layer, Service};

use crate::auth::{
    AuthService, ClientCredentials, OAuthClient, RefreshingToken, StaticToken, TokenSource,
};
use crate::client::HttpTransport;
use crate::clock::{Clock, FastRandom, Random, Sleeper, SystemClock, TokioSleeper};
use crate::error::{Error, TimeoutKind};
use crate::http_client::{Bottom, HttpClient, HttpSettings, check_scheme};
use crate::org::{Base, OrgService};
use crate::rate_limit::{DefaultOrg, RateLimitConfig, RateLimitService, RateLimiter};
use crate::region::Region;
use crate::request::{ApiRequest, OrganizationId};
use crate::response::ApiResponse;
use crate::retry::layer::{RetryService, RetryShared};
use crate::retry::{RetryBudget, RetryPolicy};
use crate::shared::Shared;
use crate::timeout::{AttemptTimeout, TimeoutService, Timeouts, TotalTimeout};
use crate::tls::TlsRoots;
use crate::trace::TraceService;
use crate::transport::BoxedService;

type LayerFn = Box<dyn FnOnce(BoxedService) -> BoxedService + Send>;

enum Auth {
    None,
    Static(SecretString),
    Refresh {
        client: ClientCredentials,
        refresh_token: SecretString,
    },
    Source(Arc<dyn TokenSource>),
}

/// Builds an [`HttpTransport`]: the tower stack over hyper.
///
/// The stack, outermost first: tracing span -> total timeout -> retry -> rate limit -> auth
/// -> organization header and base URL -> your layers -> per-attempt timeout -> HTTP. Your
/// layers therefore see every attempt, with the final URL and headers.
pub struct TransportBuilder {
    region: Region,
    auth: Auth,
    organization: Option<String>,
    retry: RetryPolicy,
    budget: RetryBudget,
    rate_limit: Option<RateLimitConfig>,
    timeouts: Timeouts,
    max_body: usize,
    allow_http: bool,
    tls: TlsRoots,
    layers: Vec<LayerFn>,
    http_service: Option<BoxedService>,
    clock: Arc<dyn Clock>,
    sleeper: Arc<dyn Sleeper>,
    random: Arc<dyn Random>,
    honour_api_domain: Option<bool>,
    pool_idle_timeout: Option<Duration>,
    refresh_ahead: Option<Duration>,
    throttle_backoff: Option<Duration>,
}

impl fmt::Debug for TransportBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let auth = match &self.auth {
            Auth::None => "none",
            Auth::Static(_) => "static token [REDACTED]",
            Auth::Refresh { .. } => "refresh token [REDACTED]",
            Auth::Source(_) => "custom token source",
        };
        f.debug_struct("TransportBuilder")
            .field("region", &self.region)
            .field("auth", &auth)
            .field("organization", &self.organization)
            .field("retry", &self.retry)
            .field("rate_limit", &self.rate_limit)
            .field("timeouts", &self.timeouts)
            .field("max_body", &self.max_body)
            .field("allow_http", &self.allow_http)
            .field("layers", &self.layers.len())
            .finish_non_exhaustive()
    }
}

impl Default for TransportBuilder {
    fn default() -> Self {
        Self::new()
    }
}

/// The default cap on a response body: 32 MiB.
pub const DEFAULT_MAX_BODY: usize = 32 * 1024 * 1024;

impl TransportBuilder {
    /// A builder for the US region, with the default limits and no credentials yet.
    pub fn new() -> Self {
        Self {
            region: Region::Com,
            auth: Auth::None,
            organization: None,
            retry: RetryPolicy::default(),
            budget: RetryBudget::default(),
            rate_limit: Some(RateLimitConfig::default()),
            timeouts: Timeouts::default(),
            max_body: DEFAULT_MAX_BODY,
            allow_http: false,
            tls: TlsRoots::default(),
            layers: Vec::new(),
            http_service: None,
            clock: Arc::new(SystemClock),
            sleeper: Arc::new(TokioSleeper),
            random: Arc::new(FastRandom),
            honour_api_domain: None,
            pool_idle_timeout: Some(Duration::from_secs(90)),
            refresh_ahead: None,
            throttle_backoff: None,
        }
    }

    /// The data centre (default [`Region::Com`]).
    pub fn region(mut self, region: Region) -> Self {
        self.region = region;
        self
    }

    /// Authenticate with a fixed access token.
    pub fn static_token(mut self, token: SecretString) -> Self {
        self.auth = Auth::Static(token);
        self
    }

    /// Authenticate with a refresh token, refreshing access tokens from the region's accounts
    /// server ([`RefreshingToken`]).
    pub fn refresh_token(mut self, client: ClientCredentials, refresh_token: SecretString) -> Self {
        self.auth = Auth::Refresh {
            client,
            refresh_token,
        };
        self
    }

    /// Authenticate with your own token source.
    pub fn token_source(mut self, source: Arc<dyn TokenSource>) -> Self {
        self.auth = Auth::Source(source);
        self
    }

    /// The organization of requests that do not name one.
    pub fn organization_id(mut self, organization: impl Into<String>) -> Self {
        self.organization = Some(organization.into());
        self
    }

    /// The retry policy (a request can override it).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// The retry budget.
    pub fn retry_budget(mut self, budget: RetryBudget) -> Self {
        self.budget = budget;
        self
    }

    /// The client-side rate limits (default: 100 per minute, 10 in flight).
    pub fn rate_limit(mut self, config: RateLimitConfig) -> Self {
        self.rate_limit = Some(config);
        self
    }

    /// No client-side rate limiting.
    pub fn no_rate_limit(mut self) -> Self {
        self.rate_limit = None;
        self
    }

    /// The time limits.
    pub fn timeouts(mut self, timeouts: Timeouts) -> Self {
        self.timeouts = timeouts;
        self
    }

    /// How long an idle pooled connection is kept (default 90 s; `None`: no limit).
    pub fn pool_idle_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.pool_idle_timeout = timeout;
        self
    }

    /// The cap on a response body, in bytes (default [`DEFAULT_MAX_BODY`]).
    pub fn max_response_body(mut self, bytes: usize) -> Self {
        self.max_body = bytes;
        self
    }

    /// Allows plain `http://` URLs (for test servers on loopback). Off by default: the
    /// transport refuses to send a token in the clear.
    pub fn allow_http(mut self, allow: bool) -> Self {
        self.allow_http = allow;
        self
    }

    /// The certificates to trust (default: the built-in roots).
    pub fn tls_roots(mut self, roots: TlsRoots) -> Self {
        self.tls = roots;
        self
    }

    /// Whether to send requests to the `api_domain` the accounts server names with a token.
    /// Default: yes for built-in regions, no for a custom one.
    pub fn honour_api_domain(mut self, honour: bool) -> Self {
        self.honour_api_domain = Some(honour);
        self
    }

    /// Refresh access tokens this long before they expire (default 5 minutes).
    pub fn refresh_ahead(mut self, ahead: Duration) -> Self {
        self.refresh_ahead = Some(ahead);
        self
    }

    /// The first back-off after the accounts server throttles (default 60 s, doubling).
    pub fn throttle_backoff(mut self, backoff: Duration) -> Self {
        self.throttle_backoff = Some(backoff);
        self
    }

    /// The wall clock (for `Retry-After` dates and quota resets).
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// What waits between retries.
    pub fn sleeper(mut self, sleeper: Arc<dyn Sleeper>) -> Self {
        self.sleeper = sleeper;
        self
    }

    /// The randomness for jitter.
    pub fn random(mut self, random: Arc<dyn Random>) -> Self {
        self.random = random;
        self
    }

    /// Adds a tower layer between the organization layer and the per-attempt timeout: it sees
    /// every attempt with its final URL and headers. Layers added first are outermost.
    pub fn layer<L>(mut self, layer: L) -> Self
    where
        L: Layer<BoxedService> + Send + 'static,
        L::Service: Service<ApiRequest, Response = ApiResponse, Error = Error>
            + Clone
            + Send
            + Sync
            + 'static,
        <L::Service as Service<ApiRequest>>::Future: Send + 'static,
    {
        self.layers
            .push(Box::new(move |inner| BoxedService::new(layer.layer(inner))));
        self
    }

    /// Replaces the HTTP client at the bottom of the stack with any service (a test double,
    /// another client). It receives requests with absolute URLs.
    pub fn http_service<S>(mut self, service: S) -> Self
    where
        S: Service<ApiRequest, Response = ApiResponse, Error = Error>
            + Clone
            + Send
            + Sync
            + 'static,
        S::Future: Send + 'static,
    {
        self.http_service = Some(BoxedService::new(service));
        self
    }

    fn honour(&self) -> bool {
        self.honour_api_domain.unwrap_or(!self.region.is_custom())
    }

    fn check_urls(&self) -> Result<(), Error> {
        for url in [self.region.api_base(), self.region.accounts_url()] {
            let uri: http::Uri = url
                .parse()
                .map_err(|e| Error::Config(format!("bad URL {url:?}: {e}")))?;
            check_scheme(&uri, self.allow_http)?;
        }
        Ok(())
    }

    /// The HTTP client at the bottom of the stack.
    fn http(&self) -> Result<Http, Error> {
        Ok(match &self.http_service {
            Some(service) => Http::Service(service.clone()),
            None => Http::Client(HttpClient::new(&HttpSettings {
                connect_timeout: self.timeouts.connect,
                pool_idle_timeout: self.pool_idle_timeout,
                max_body: self.max_body,
                allow_http: self.allow_http,
                tls: self.tls.clone(),
            })?),
        })
    }

    /// The bottom of the stack as a tower service: HTTP with the per-attempt timeout.
    fn raw_service(&self) -> Result<BoxedService, Error> {
        Ok(self.with_attempt_timeout(self.http()?.boxed()))
    }

    fn with_attempt_timeout(&self, service: BoxedService) -> BoxedService {
        match self.timeouts.attempt {
            Some(limit) => BoxedService::new(TimeoutService {
                inner: Shared::new(service),
                limit,
                kind: TimeoutKind::Attempt,
            }),
            None => service,
        }
    }

    /// A client for the region's accounts server (grant-code exchange, revocation, the
    /// authorization URL), with this builder's TLS and timeout settings.
    pub fn build_oauth_client(&self, client: ClientCredentials) -> Result<OAuthClient, Error> {
        self.check_urls()?;
        Ok(OAuthClient::new(
            self.region.accounts_url(),
            client,
            self.raw_service()?,
        ))
    }

    /// Builds the transport. Fails without credentials, on a plain-HTTP URL (unless allowed),
    /// or when the TLS roots are unusable.
    pub fn build(mut self) -> Result<HttpTransport, Error> {
        self.check_urls()?;
        let http = self.http()?;
        let raw = self.with_attempt_timeout(http.boxed());
        let source: Arc<dyn TokenSource> = match std::mem::replace(&mut self.auth, Auth::None) {
            Auth::None => return Err(Error::Config("no credentials: set a token".into())),
            Auth::Static(token) => Arc::new(StaticToken::new(token)),
            Auth::Source(source) => source,
            Auth::Refresh {
                client,
                refresh_token,
            } => {
                let oauth = OAuthClient::new(self.region.accounts_url(), client, raw.clone());
                let mut source = RefreshingToken::new(oauth, refresh_token);
                if let Some(ahead) = self.refresh_ahead {
                    source = source.with_refresh_ahead(ahead);
                }
                if let Some(backoff) = self.throttle_backoff {
                    source = source.with_throttle_backoff(backoff);
                }
                Arc::new(source)
            }
        };

        let layered = !self.layers.is_empty();
        let observed = layered || self.http_service.is_some();
        let bottom = if layered {
            // User layers see every attempt: they sit above a per-attempt timeout of their
            // own, and the timeout below the organization layer keeps the total deadline
            // alone, since they may wait.
            let mut stack = Shared::new(raw);
            for layer in self.layers.drain(..).rev() {
                stack = Shared::new(layer(BoxedService::new(stack)));
            }
            AttemptTimeout {
                inner: Bottom::Service(stack),
                limit: None,
            }
        } else {
            let inner = match http {
                Http::Client(client) => Bottom::Http(client),
                Http::Service(service) => Bottom::Service(Shared::new(service)),
            };
            AttemptTimeout {
                inner,
                limit: self.timeouts.attempt,
            }
        };
        let organization = self.organization.take().map(OrganizationId);
        let org = OrgService {
            inner: bottom,
            default_base: Base::new(&self.region.api_base()),
            allow_http: self.allow_http,
            default_org: organization
                .clone()
                .map(|org| (HeaderValue::from_str(&org.0).ok(), org)),
            observed,
        };
        let auth = AuthService {
            inner: org,
            source: source.clone(),
            honour_api_domain: self.honour(),
        };
        let limiter = self
            .rate_limit
            .clone()
            .map(|config| Arc::new(RateLimiter::new(config, self.clock.clone())));
        let rate_limit = RateLimitService {
            inner: auth,
            limiter: limiter.clone().map(|limiter| {
                let key = organization
                    .as_ref()
                    .map(|o| o.0.clone())
                    .unwrap_or_default();
                let org = limiter.org(&key);
                (limiter, DefaultOrg { key, limiter: org })
            }),
        };
        let retry = RetryService {
            inner: rate_limit,
            shared: RetryShared {
                policy: self.retry.clone(),
                budget: self.budget.clone(),
                clock: self.clock.clone(),
                sleeper: self.sleeper.clone(),
                random: self.random.clone(),
            },
        };
        let total = TotalTimeout {
            inner: retry,
            limit: self.timeouts.total,
        };
        let stack = TraceService { inner: total };
        Ok(HttpTransport::new(
            Arc::new(stack),
            organization,
            limiter,
            self.region,
            source,
        ))
    }
}

/// The HTTP client at the bottom of the stack: the built-in one or the user's service.
#[allow(clippy::large_enum_variant)] // short-lived, while building
enum Http {
    Client(HttpClient),
    Service(BoxedService),
}

impl Http {
    fn boxed(&self) -> BoxedService {
        match self {
            Self::Client(client) => BoxedService::new(client.clone()),
            Self::Service(service) => service.clone(),
        }
    }
}
