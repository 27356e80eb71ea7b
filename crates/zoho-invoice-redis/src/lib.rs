//! Rate limits and access tokens shared by a fleet of processes through Redis, for the Zoho
//! Invoice SDK.
//!
//! Zoho's limits belong to the organization and to the refresh token, not to a process: 100
//! requests a minute and a daily quota per organization, 5 or 10 requests in flight, and
//! about 10 access tokens per 10 minutes per refresh token (past that the accounts server
//! locks the client out). A fleet of workers each with the transport's own limiter and token
//! cache overruns the quota together, and each mints a token of its own. With this crate
//! they share one limiter and one token through Redis:
//!
//! - [`SharedRateLimitLayer`]: the sliding window, the in-flight cap, the daily quota (as
//!   `X-Rate-Limit-*` reports it) and the pause after a 429, per organization, decided
//!   atomically in Redis by Lua scripts on Redis's own clock. A tower layer like the
//!   transport's [`RateLimitLayer`](zoho_invoice_transport::RateLimitLayer), for
//!   [`TransportBuilder::rate_limit_layer`](zoho_invoice_transport::TransportBuilder::rate_limit_layer).
//! - [`SharedTokenStore`]: one access token per refresh token for the whole fleet, refreshed
//!   by one process at a time under an expiring lock, optionally sealed with a
//!   [`SealingKey`]. A [`TokenSource`](zoho_invoice_transport::TokenSource) for
//!   [`TransportBuilder::token_source`](zoho_invoice_transport::TransportBuilder::token_source).
//! - [`Fleet`]: the connection they share (to one Redis, or to a Redis Cluster), the prefix
//!   of their keys, and what calls do while Redis is unreachable ([`WhenUnreachable`]): fail
//!   fast with the transport's connect error, or fall back to this process's own limiter and
//!   token cache and share again when Redis is back.
//!
//! Every key carries a hash tag (`{organization}`, or a digest of the refresh token), so each
//! script touches one Redis Cluster slot; the layout is in the [`keys`](crate#keys) section,
//! and a fleet on a cluster in the [Redis Cluster](crate#redis-cluster) section.
//! No token, refresh token, client secret, sealing key or Redis password appears in a
//! `Debug`, an error, a log line or a key name.
//!
//! # Example
//!
//! A process of the fleet: the transport as usual, with the shared limiter and token store in
//! the seams where the in-process ones sit. (The connection needs a Redis; the test
//! `tests/front_page.rs` runs this same setup against a `redis-server` and the fake server.)
//!
//! ```no_run
//! use std::sync::Arc;
//! use std::time::Duration;
//! use secrecy::SecretString;
//! use zoho_invoice_redis::{
//!     Fleet, SealingKey, SharedRateLimitLayer, SharedTokenStore, WhenUnreachable,
//! };
//! use zoho_invoice_transport::{
//!     ApiRequest, ClientCredentials, HttpTransport, RateLimitConfig, Region, Transport,
//! };
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let organization = "10234695";
//! // One per process; it connects on first use.
//! let fleet = Fleet::builder()
//!     .key_prefix("acme-billing")
//!     .when_unreachable(WhenUnreachable::FallBack)
//!     .connect("redis://redis.internal:6379/0")?;
//!
//! let builder = || HttpTransport::builder().region(Region::Eu).organization_id(organization);
//! let client = ClientCredentials::new(
//!     "1000.CLIENTID",
//!     SecretString::from(std::env::var("ZOHO_CLIENT_SECRET")?),
//! );
//! let tokens = SharedTokenStore::builder(
//!     &fleet,
//!     builder().build_oauth_client(client)?,
//!     SecretString::from(std::env::var("ZOHO_REFRESH_TOKEN")?),
//! )
//! .sealing_key(SealingKey::from_slice(&std::fs::read("/run/secrets/zoho-token-key")?)?)
//! .build();
//! // Zoho's 100 a minute, counted over 66 s: a margin for the time between admission and
//! // arrival.
//! let limits = SharedRateLimitLayer::new(
//!     &fleet,
//!     RateLimitConfig::default().with_requests_per(100, Duration::from_secs(66)),
//! )
//! .with_default_organization(organization);
//!
//! let transport = builder()
//!     .token_source(Arc::new(tokens))
//!     .rate_limit_layer(limits)
//!     .build()?;
//! transport.send(ApiRequest::get("/invoices")?).await?;
//! # Ok(())
//! # }
//! ```
//!
//! Without a Redis, under [`WhenUnreachable::FallBack`], calls go on with the process's own
//! limiter (here against the fake server of `zoho-invoice-mock`; nothing listens on port 1):
//!
//! ```
//! use zoho_invoice_mock::MockServer;
//! use zoho_invoice_redis::{Fleet, SharedRateLimitLayer, WhenUnreachable};
//! use zoho_invoice_transport::{ApiRequest, HttpTransport, RateLimitConfig, Transport};
//!
//! # tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap().block_on(async {
//! let server = MockServer::start().await?;
//! let fleet = Fleet::builder()
//!     .when_unreachable(WhenUnreachable::FallBack)
//!     .connect("redis://127.0.0.1:1")?;
//! let limits = SharedRateLimitLayer::new(&fleet, RateLimitConfig::default())
//!     .with_default_organization(server.organization_id());
//! let transport = HttpTransport::builder()
//!     .local(&server.api_url(), server.access_token().unwrap(), server.organization_id())
//!     .rate_limit_layer(limits.clone())
//!     .build()?;
//!
//! transport.send(ApiRequest::get("/items")?).await?;
//! assert_eq!(server.count("GET /items"), 1);
//! assert!(limits.fallback_limiter().quota(server.organization_id()).is_some());
//! // Under the default policy the same call would fail at once, naming Redis.
//! let error = fleet.ping().await.unwrap_err();
//! assert!(error.is_connect() && error.to_string().contains("Redis is unreachable"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # }).unwrap();
//! ```
//!
//! # Redis Cluster
//!
//! With the `cluster` feature (off by default: without it, none of `redis`'s cluster client is
//! compiled), a fleet runs on a Redis Cluster: `FleetBuilder::connect_cluster` takes the URLs
//! of some of its nodes (one that answers is enough; the client finds the others), and
//! `FleetBuilder::with_cluster_connection` takes a cluster connection you configured. The
//! limiter, the token store and the policy when Redis is unreachable are the same (a cluster
//! none of whose nodes answers is unreachable), and so are the keys.
//!
//! They work there because of their hash tags. A cluster spreads keys over 16384 slots by a
//! hash of the key, or only of its tag (the part between the first `{` and the next `}`) when
//! it has one, and a script may only touch keys of one slot. Each script of this crate
//! touches the keys of one organization, or of one refresh token, and those keys all carry
//! the same tag (`{10234695}`, `{t-<digest>}`): they share a slot. The cluster connection
//! sends each script (`EVALSHA`, routed by its first key) to the node that serves the slot,
//! follows the cluster's redirections when slots move, and when a node does not know a script
//! (`NOSCRIPT`) loads it on every primary and tries again. Different organizations land on
//! different nodes, so they spread the load. No prefix may contain a brace and organization
//! ids are escaped, so nothing can move a tag. (`tests/cluster.rs` runs the fleet on a
//! three-node cluster it starts.)
#![cfg_attr(
    feature = "cluster",
    doc = r#"
A process of a fleet on a cluster (the nodes' addresses are examples):

```no_run
use zoho_invoice_redis::{Fleet, SharedRateLimitLayer, WhenUnreachable};
use zoho_invoice_transport::RateLimitConfig;

# async fn run() -> Result<(), Box<dyn std::error::Error>> {
let fleet = Fleet::builder()
    .key_prefix("acme-billing")
    .when_unreachable(WhenUnreachable::FallBack)
    .connect_cluster([
        "redis://redis-0.internal:6379",
        "redis://redis-1.internal:6379",
        "redis://redis-2.internal:6379",
    ])?;
// Not needed (the first call connects), but it says at once whether the cluster answers.
fleet.ping().await?;
let limits = SharedRateLimitLayer::new(&fleet, RateLimitConfig::default())
    .with_default_organization("10234695");
// ... then the transport, as above.
# let _ = limits;
# Ok(())
# }
```

See [`FleetBuilder::connect_cluster`] and [`FleetBuilder::with_cluster_connection`].
"#
)]
//!
//! # Keys
//!
//! Under the [prefix](FleetBuilder::key_prefix) (`zoho-invoice` by default):
//!
//! | key | type | what |
//! | --- | --- | --- |
//! | `{prefix}:rate:{org}:window` | sorted set | admissions of the sliding window, by Redis time |
//! | `{prefix}:rate:{org}:slots` | sorted set | requests in flight, by when their lease ends |
//! | `{prefix}:rate:{org}:quota` | hash | the lowest remaining daily quota reported, and when it resets |
//! | `{prefix}:rate:{org}:pause` | string | until when a 429 holds the organization back |
//! | `{prefix}:token:{t-digest}:value` | string | the access token (sealed or not); expires with it |
//! | `{prefix}:token:{t-digest}:lock` | string | the refresh lock: a unique owner value, with an expiry |
//! | `{prefix}:token:{t-digest}:sent` | sorted set | the fleet's recent token requests (the budget) |
//! | `{prefix}:token:{t-digest}:backoff` | string | a refusal of the accounts server the fleet backs off from |
//! | `{prefix}:token:{t-digest}:streak` | string | throttles in a row (the back-off doubles) |
//!
//! `{org}` is the organization id (bytes other than letters, digits, `-`, `_` and `.`
//! percent-encoded); `t-digest` is 128 bits of a SHA-256 of the accounts server's URL and the
//! refresh token.
//!
//! # Why the `redis` crate
//!
//! `redis` (redis-rs) is the Redis client most Rust projects use, maintained by the Redis
//! organization, with the tokio support this SDK runs on. Its
//! [`ConnectionManager`](redis::aio::ConnectionManager) is one multiplexed connection that
//! every task of a process shares and that reconnects by itself, which is all a limiter and a
//! token store need (no pool: `deadpool-redis` or `bb8` would add one for nothing), and its
//! [`Script`](redis::Script) runs Lua by `EVALSHA`, loading it once. `fred` does as much
//! with a larger dependency tree. Only the features `tokio-comp`, `connection-manager` and
//! `script` are on (and `cluster-async` with this crate's `cluster` feature); enable `redis`'s TLS features in your own build for `rediss://` URLs.
//!
//! # Time
//!
//! The limiter's scripts read the time from Redis (`TIME`), so processes whose clocks
//! disagree still agree on the window; the token's expiry is its key's time to live. A
//! process's own clock only measures waits.
#![warn(clippy::unwrap_used)]

#[cfg(feature = "cluster")]
mod cluster;
mod connection;
mod failure;
mod fleet;
mod health;
mod keys;
mod limiter;
mod policy;
mod token;

pub use fleet::{Fleet, FleetBuilder};
pub use keys::DEFAULT_KEY_PREFIX;
pub use limiter::{SharedRateLimit, SharedRateLimitLayer};
pub use policy::WhenUnreachable;
pub use token::{SealingKey, SharedTokenStore, SharedTokenStoreBuilder};
