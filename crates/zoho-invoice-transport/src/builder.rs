//! [`TransportBuilder`]: composes the default stack from the public layers.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use secrecy::SecretString;
use tower::util::Either;
use tower::{Layer, Service, ServiceBuilder};

use crate::clock::{Clock, FastRandom, Random, Sleeper, SystemClock, TokioSleeper};
use crate::error::{Error, ErrorKind};
use crate::http_transport::HttpTransport;
use crate::layers::auth::AuthLayer;
use crate::layers::organization::OrganizationLayer;
use crate::layers::rate_limit::RateLimitLayer;
use crate::layers::retry::RetryLayer;
use crate::layers::timeout::{AttemptTimeoutLayer, Timeouts, TotalTimeoutLayer};
use crate::layers::trace::TraceLayer;
use crate::rate_limit::{RateLimitConfig, RateLimiter};
use crate::region::Region;
use crate::request::ApiRequest;
use crate::response::ApiResponse;
use crate::retry::{Policy, RetryBudget, RetryPolicy};
use crate::token::{
    ClientCredentials, FileTokenStore, OAuthClient, RefreshingToken, StaticToken, TokenSource,
};
use crate::transport::{BoxedService, ServiceTransport};
use crate::url::parse_configured;

#[cfg(feature = "client")]
use crate::http_client::{DEFAULT_MAX_BODY, HttpSettings, HyperClient, TlsRoots};

/// The default cap on a response body without the `client` feature: 32 MiB.
#[cfg(not(feature = "client"))]
const DEFAULT_MAX_BODY: usize = 32 * 1024 * 1024;

/// A user's layer, kept until the stack is built.
type LayerFn = Arc<dyn Fn(BoxedService) -> BoxedService + Send + Sync>;

/// The user's layers at one place of the stack, applied in order (the first added is
/// outermost). Each costs one boxed service; the built-in layers cost none.
#[derive(Clone, Default)]
struct UserLayers(Vec<LayerFn>);

impl UserLayers {
    fn push<L>(&mut self, layer: L)
    where
        L: Layer<BoxedService> + Send + Sync + 'static,
        L::Service: Service<ApiRequest, Response = ApiResponse, Error = Error>
            + Clone
            + Send
            + Sync
            + 'static,
        <L::Service as Service<ApiRequest>>::Future: Send + 'static,
    {
        self.0
            .push(Arc::new(move |inner| BoxedService::new(layer.layer(inner))));
    }

    /// `Some` when there is at least one layer.
    fn non_empty(self) -> Option<Self> {
        (!self.0.is_empty()).then_some(self)
    }
}

impl<S> Layer<S> for UserLayers
where
    S: Service<ApiRequest, Response = ApiResponse, Error = Error> + Clone + Send + Sync + 'static,
    S::Future: Send + 'static,
{
    type Service = BoxedService;

    fn layer(&self, inner: S) -> BoxedService {
        let mut service = BoxedService::new(inner);
        for layer in self.0.iter().rev() {
            service = layer(service);
        }
        service
    }
}

/// A built-in layer's place: the built-in, the user's replacement, or nothing.
enum Slot<T> {
    BuiltIn(T),
    Replaced(UserLayers),
    Off,
}

impl<T> Slot<T> {
    fn replaced<L>(layer: L) -> Self
    where
        L: Layer<BoxedService> + Send + Sync + 'static,
        L::Service: Service<ApiRequest, Response = ApiResponse, Error = Error>
            + Clone
            + Send
            + Sync
            + 'static,
        <L::Service as Service<ApiRequest>>::Future: Send + 'static,
    {
        let mut layers = UserLayers::default();
        layers.push(layer);
        Self::Replaced(layers)
    }

    /// The layer for this place: `Some(Left(built-in))`, `Some(Right(replacement))` or
    /// `None`.
    fn into_layer<L>(self, built_in: impl FnOnce(T) -> L) -> Option<Either<L, UserLayers>> {
        match self {
            Self::BuiltIn(config) => Some(Either::Left(built_in(config))),
            Self::Replaced(layers) => Some(Either::Right(layers)),
            Self::Off => None,
        }
    }

    fn describe(&self) -> &'static str {
        match self {
            Self::BuiltIn(_) => "built-in",
            Self::Replaced(_) => "replaced",
            Self::Off => "off",
        }
    }
}

enum Auth {
    None,
    Static(SecretString),
    Refresh {
        client: ClientCredentials,
        refresh_token: SecretString,
    },
    Source(Arc<dyn TokenSource>),
}

/// Where the rate limiter's state comes from.
enum Limits {
    Config(RateLimitConfig),
    Shared(RateLimiter),
}

/// Builds an [`HttpTransport`]: the built-in tower layers over an HTTP client.
///
/// The stack, outermost first:
///
/// ```text
/// tracing span -> your call layers -> total timeout -> retry -> rate limit -> auth
///   -> organization header and base URL -> your attempt layers -> per-attempt timeout -> HTTP
/// ```
///
/// - [`call_layer`](Self::call_layer): around the whole call; it sees one call, retries
///   included (per-call metrics, caching).
/// - [`attempt_layer`](Self::attempt_layer): around each attempt, with its final URL and
///   headers (per-attempt logging, a proxy).
/// - Replace a built-in: [`retry_policy`](Self::retry_policy) (your [`Policy`]),
///   [`retry_layer`](Self::retry_layer), [`rate_limit_layer`](Self::rate_limit_layer)
///   (your limiter), [`no_retry`](Self::no_retry), [`no_rate_limit`](Self::no_rate_limit),
///   [`token_source`](Self::token_source), [`http_service`](Self::http_service).
///
/// The stack is one static type (each built-in layer is generic over what it wraps); it costs
/// one boxed future per call and one per attempt, plus one boxed service per layer of yours.
/// To assemble a stack entirely by hand, compose the public layers yourself and wrap the
/// result in a [`ServiceTransport`].
pub struct TransportBuilder {
    region: Region,
    auth: Auth,
    organization: Option<String>,
    retry: Slot<Arc<dyn Policy>>,
    budget: RetryBudget,
    rate_limit: Slot<Limits>,
    timeouts: Timeouts,
    max_body: usize,
    allow_http: bool,
    #[cfg(feature = "client")]
    tls: TlsRoots,
    call_layers: UserLayers,
    attempt_layers: UserLayers,
    http_service: Option<BoxedService>,
    clock: Arc<dyn Clock>,
    sleeper: Arc<dyn Sleeper>,
    random: Arc<dyn Random>,
    honour_api_domain: Option<bool>,
    pool_idle_timeout: Option<Duration>,
    refresh_ahead: Option<Duration>,
    throttle_backoff: Option<Duration>,
    token_file: Option<PathBuf>,
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
            .field("retry", &self.retry.describe())
            .field("rate_limit", &self.rate_limit.describe())
            .field("timeouts", &self.timeouts)
            .field("max_body", &self.max_body)
            .field("allow_http", &self.allow_http)
            .field("call_layers", &self.call_layers.0.len())
            .field("attempt_layers", &self.attempt_layers.0.len())
            .field("token_file", &self.token_file)
            .finish_non_exhaustive()
    }
}

impl HttpTransport {
    /// A [`TransportBuilder`].
    pub fn builder() -> TransportBuilder {
        TransportBuilder::new()
    }
}

impl Default for TransportBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl TransportBuilder {
    /// A builder for the US region, with the default limits and no credentials yet.
    pub fn new() -> Self {
        Self {
            region: Region::Com,
            auth: Auth::None,
            organization: None,
            retry: Slot::BuiltIn(Arc::new(RetryPolicy::default())),
            budget: RetryBudget::default(),
            rate_limit: Slot::BuiltIn(Limits::Config(RateLimitConfig::default())),
            timeouts: Timeouts::default(),
            max_body: DEFAULT_MAX_BODY,
            allow_http: false,
            #[cfg(feature = "client")]
            tls: TlsRoots::default(),
            call_layers: UserLayers::default(),
            attempt_layers: UserLayers::default(),
            http_service: None,
            clock: Arc::new(SystemClock),
            sleeper: Arc::new(TokioSleeper),
            random: Arc::new(FastRandom),
            honour_api_domain: None,
            pool_idle_timeout: Some(Duration::from_secs(90)),
            refresh_ahead: None,
            throttle_backoff: None,
            token_file: None,
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

    /// Keeps the access token of [`refresh_token`](Self::refresh_token) in the file at `path`
    /// ([`FileTokenStore`]), so that the next process (the next run of a command-line tool or
    /// a cron job) reuses it while it is valid instead of asking for a new one. The file is
    /// read when the transport is built and written (atomically, mode `0600` on unix) with
    /// each new token; its directory must exist. The access token is stored as it is: the
    /// file's permissions are its protection.
    ///
    /// Only with [`refresh_token`](Self::refresh_token): with any other credentials,
    /// [`build`](Self::build) fails with a configuration error.
    pub fn token_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.token_file = Some(path.into());
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

    /// The retry policy: [`RetryPolicy`] (the built-in's settings) or your own [`Policy`].
    /// A request can still carry its own [`RetryPolicy`].
    pub fn retry_policy(mut self, policy: impl Policy) -> Self {
        self.retry = Slot::BuiltIn(Arc::new(policy));
        self
    }

    /// Replaces the built-in retry layer with yours (it wraps the rate limiter and what lies
    /// below, as the built-in does).
    pub fn retry_layer<L>(mut self, layer: L) -> Self
    where
        L: Layer<BoxedService> + Send + Sync + 'static,
        L::Service: Service<ApiRequest, Response = ApiResponse, Error = Error>
            + Clone
            + Send
            + Sync
            + 'static,
        <L::Service as Service<ApiRequest>>::Future: Send + 'static,
    {
        self.retry = Slot::replaced(layer);
        self
    }

    /// No retries at all.
    pub fn no_retry(mut self) -> Self {
        self.retry = Slot::Off;
        self
    }

    /// The retry budget of the built-in retry layer.
    pub fn retry_budget(mut self, budget: RetryBudget) -> Self {
        self.budget = budget;
        self
    }

    /// The client-side rate limits (default: 100 per minute, 10 in flight).
    pub fn rate_limit(mut self, config: RateLimitConfig) -> Self {
        self.rate_limit = Slot::BuiltIn(Limits::Config(config));
        self
    }

    /// Shares `limiter` with whoever else holds it (several transports of one organization).
    pub fn rate_limiter(mut self, limiter: RateLimiter) -> Self {
        self.rate_limit = Slot::BuiltIn(Limits::Shared(limiter));
        self
    }

    /// Replaces the built-in rate limiter with your layer (sitting where it does: under
    /// retry, over auth).
    pub fn rate_limit_layer<L>(mut self, layer: L) -> Self
    where
        L: Layer<BoxedService> + Send + Sync + 'static,
        L::Service: Service<ApiRequest, Response = ApiResponse, Error = Error>
            + Clone
            + Send
            + Sync
            + 'static,
        <L::Service as Service<ApiRequest>>::Future: Send + 'static,
    {
        self.rate_limit = Slot::replaced(layer);
        self
    }

    /// No client-side rate limiting.
    pub fn no_rate_limit(mut self) -> Self {
        self.rate_limit = Slot::Off;
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

    /// The cap on a response body, in bytes (default 32 MiB).
    pub fn max_response_body(mut self, bytes: usize) -> Self {
        self.max_body = bytes;
        self
    }

    /// Settings for a server of your own that speaks the Zoho Invoice API (the fake server of
    /// `zoho-invoice-mock`, a recording proxy): requests go to `api_url` (the API base, such as
    /// `http://127.0.0.1:8080/invoice/v3`) with the fixed `access_token`, for `organization`;
    /// plain `http://` is allowed when the host is loopback, and no rate limit is kept (the
    /// server has no quota to protect). Other settings can follow.
    pub fn local(
        self,
        api_url: &str,
        access_token: impl Into<String>,
        organization: impl Into<String>,
    ) -> Self {
        let loopback = api_url
            .parse::<http::Uri>()
            .ok()
            .and_then(|uri| uri.host().map(str::to_owned))
            .is_some_and(|host| {
                matches!(host.as_str(), "localhost" | "[::1]" | "::1")
                    || host
                        .parse::<std::net::Ipv4Addr>()
                        .is_ok_and(|ip| ip.is_loopback())
            });
        // The token is fixed: the accounts server is never asked.
        self.region(Region::custom(api_url, api_url))
            .allow_http(loopback)
            .static_token(SecretString::from(access_token.into()))
            .organization_id(organization)
            .no_rate_limit()
    }

    /// Allows plain `http://` URLs (for test servers on loopback). Off by default: the
    /// transport refuses to send a token in the clear.
    pub fn allow_http(mut self, allow: bool) -> Self {
        self.allow_http = allow;
        self
    }

    /// The certificates to trust (default: the built-in roots).
    #[cfg(feature = "client")]
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

    /// Adds a tower layer around the whole call, outside retry and the total timeout: it sees
    /// each call once, however many attempts it takes. Layers added first are outermost.
    pub fn call_layer<L>(mut self, layer: L) -> Self
    where
        L: Layer<BoxedService> + Send + Sync + 'static,
        L::Service: Service<ApiRequest, Response = ApiResponse, Error = Error>
            + Clone
            + Send
            + Sync
            + 'static,
        <L::Service as Service<ApiRequest>>::Future: Send + 'static,
    {
        self.call_layers.push(layer);
        self
    }

    /// Adds a tower layer around each attempt, between the organization layer and the
    /// per-attempt timeout: it sees every attempt with its final URL and headers. Layers
    /// added first are outermost.
    pub fn attempt_layer<L>(mut self, layer: L) -> Self
    where
        L: Layer<BoxedService> + Send + Sync + 'static,
        L::Service: Service<ApiRequest, Response = ApiResponse, Error = Error>
            + Clone
            + Send
            + Sync
            + 'static,
        <L::Service as Service<ApiRequest>>::Future: Send + 'static,
    {
        self.attempt_layers.push(layer);
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
        parse_configured(&self.region.api_base(), self.allow_http)?;
        parse_configured(&self.region.accounts_url(), self.allow_http)?;
        Ok(())
    }

    /// The HTTP client at the bottom of the stack.
    #[cfg(feature = "client")]
    fn http(&self) -> Result<Either<HyperClient, BoxedService>, Error> {
        Ok(match &self.http_service {
            Some(service) => Either::Right(service.clone()),
            None => Either::Left(HyperClient::new(
                &HttpSettings::default()
                    .connect_timeout(self.timeouts.connect)
                    .pool_idle_timeout(self.pool_idle_timeout)
                    .max_body(self.max_body)
                    .allow_http(self.allow_http)
                    .tls(self.tls.clone()),
            )?),
        })
    }

    /// The HTTP client at the bottom of the stack.
    #[cfg(not(feature = "client"))]
    fn http(&self) -> Result<BoxedService, Error> {
        self.http_service.clone().ok_or_else(|| {
            ErrorKind::Config(
                "no HTTP client: enable the `client` feature or give one with `http_service`"
                    .into(),
            )
            .into()
        })
    }

    /// HTTP under the per-attempt timeout: what the accounts server is reached through.
    fn raw_service(&self) -> Result<BoxedService, Error> {
        Ok(BoxedService::new(
            AttemptTimeoutLayer::new(self.timeouts.attempt).layer(self.http()?),
        ))
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

    fn take_token_source(&mut self) -> Result<Arc<dyn TokenSource>, Error> {
        let auth = std::mem::replace(&mut self.auth, Auth::None);
        if self.token_file.is_some() && !matches!(auth, Auth::Refresh { .. } | Auth::None) {
            return Err(ErrorKind::Config(
                "a token file keeps the tokens of a refresh token: set `refresh_token`".into(),
            )
            .into());
        }
        Ok(match auth {
            Auth::None => {
                return Err(ErrorKind::Config("no credentials: set a token".into()).into());
            }
            Auth::Static(token) => Arc::new(StaticToken::new(token)),
            Auth::Source(source) => source,
            Auth::Refresh {
                client,
                refresh_token,
            } => {
                let oauth =
                    OAuthClient::new(self.region.accounts_url(), client, self.raw_service()?);
                let mut source = RefreshingToken::new(oauth, refresh_token);
                if let Some(ahead) = self.refresh_ahead {
                    source = source.with_refresh_ahead(ahead);
                }
                if let Some(backoff) = self.throttle_backoff {
                    source = source.with_throttle_backoff(backoff);
                }
                match self.token_file.take() {
                    Some(path) => Arc::new(FileTokenStore::open_with_clock(
                        path,
                        source,
                        self.clock.clone(),
                    )),
                    None => Arc::new(source),
                }
            }
        })
    }

    /// Builds the transport. Fails without credentials, on a plain-HTTP URL (unless allowed),
    /// on an organization id that cannot be a header, or when the TLS roots are unusable.
    pub fn build(mut self) -> Result<HttpTransport, Error> {
        self.check_urls()?;
        let source = self.take_token_source()?;
        let mut organization = OrganizationLayer::new(&self.region.api_base(), self.allow_http)?;
        if let Some(org) = &self.organization {
            organization = organization.with_default_organization(org)?;
        }
        let auth = AuthLayer::new(source.clone()).honour_api_domain(self.honour());
        // The total timeout needs no timer of its own when everything under it that waits is
        // built in (and keeps to the deadline) and the attempt timeout arms one for both.
        let all_built_in = self.attempt_layers.0.is_empty()
            && !matches!(self.retry, Slot::Replaced(_))
            && !matches!(self.rate_limit, Slot::Replaced(_));
        let total = if all_built_in {
            TotalTimeoutLayer::deadline_only(self.timeouts.total)
        } else {
            TotalTimeoutLayer::new(self.timeouts.total)
        };
        let mut limiter = None;
        let clock = self.clock.clone();
        let default_organization = self.organization.clone().unwrap_or_default();
        let rate_limit = std::mem::replace(&mut self.rate_limit, Slot::Off).into_layer(|limits| {
            let shared = match limits {
                Limits::Config(config) => RateLimiter::with_clock(config, clock),
                Limits::Shared(shared) => shared,
            };
            limiter = Some(shared.clone());
            RateLimitLayer::from_limiter(shared).with_default_organization(default_organization)
        });
        let (budget, sleeper, random) = (
            self.budget.clone(),
            self.sleeper.clone(),
            self.random.clone(),
        );
        let clock = self.clock.clone();
        let retry = std::mem::replace(&mut self.retry, Slot::Off).into_layer(|policy| {
            RetryLayer::new(policy)
                .with_budget(budget)
                .with_clock(clock)
                .with_sleeper(sleeper)
                .with_random(random)
        });
        let stack = ServiceBuilder::new()
            .layer(TraceLayer::new())
            .option_layer(std::mem::take(&mut self.call_layers).non_empty())
            .layer(total)
            .option_layer(retry)
            .option_layer(rate_limit)
            .layer(auth)
            .layer(organization)
            .option_layer(std::mem::take(&mut self.attempt_layers).non_empty())
            .layer(AttemptTimeoutLayer::new(self.timeouts.attempt))
            .service(self.http()?);
        Ok(HttpTransport::new(
            Arc::new(ServiceTransport::new(stack)),
            self.organization,
            limiter,
            self.region,
            source,
        ))
    }
}
