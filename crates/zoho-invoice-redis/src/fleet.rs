//! [`Fleet`]: the connection to the Redis (or Redis Cluster) a fleet of processes shares, with
//! its key prefix and its policy for when Redis is unreachable.

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use zoho_invoice_transport::Error;

use crate::connection::Connection;
use crate::failure::{RedisFailure, config, unreachable};
use crate::health::{Health, Use};
use crate::keys::{DEFAULT_KEY_PREFIX, check_prefix};
use crate::policy::WhenUnreachable;

/// The default time a Redis call may take: 2 s.
const DEFAULT_CALL_TIMEOUT: Duration = Duration::from_secs(2);
/// The default wait before Redis is tried again after it failed: 1 s.
const DEFAULT_REPROBE_AFTER: Duration = Duration::from_secs(1);

/// The Redis a fleet of processes shares: one per process, cloned into every
/// [`SharedRateLimitLayer`](crate::SharedRateLimitLayer) and
/// [`SharedTokenStore`](crate::SharedTokenStore) of the process (clones share the connection
/// and the view of whether Redis is up).
///
/// It holds a [`redis::aio::ConnectionManager`]: one multiplexed connection that reconnects
/// by itself; or, on a Redis Cluster (the `cluster` feature, `FleetBuilder::connect_cluster`),
/// a cluster connection that sends each script to the node that holds its keys. Every call is
/// bounded by the call timeout (2 s by default); a call that fails or times out marks Redis
/// unreachable for the re-probe interval (1 s by default), during which calls do what
/// [`WhenUnreachable`] says without asking Redis.
///
/// Its `Debug` shows neither the Redis URL nor its password.
#[derive(Clone)]
pub struct Fleet {
    inner: Arc<Inner>,
}

struct Inner {
    connection: Connection,
    prefix: String,
    call_timeout: Duration,
    health: Health,
    /// Names this process in slot ids and lock owners.
    process: String,
    counter: AtomicU64,
}

impl fmt::Debug for Fleet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fleet")
            .field("prefix", &self.inner.prefix)
            .field("when_unreachable", &self.inner.health.policy())
            .field("call_timeout", &self.inner.call_timeout)
            .finish_non_exhaustive()
    }
}

/// Settings of a [`Fleet`]: start from [`Fleet::builder`].
#[derive(Debug, Clone)]
pub struct FleetBuilder {
    prefix: String,
    policy: WhenUnreachable,
    call_timeout: Duration,
    reprobe_after: Duration,
}

impl Default for FleetBuilder {
    fn default() -> Self {
        Self {
            prefix: DEFAULT_KEY_PREFIX.into(),
            policy: WhenUnreachable::default(),
            call_timeout: DEFAULT_CALL_TIMEOUT,
            reprobe_after: DEFAULT_REPROBE_AFTER,
        }
    }
}

impl FleetBuilder {
    /// The prefix of every key (default `zoho-invoice`): give each application sharing a
    /// Redis its own. 1 to 100 printable ASCII characters, without braces or spaces.
    pub fn key_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    /// What calls do while Redis is unreachable (default [`WhenUnreachable::FailFast`]).
    pub fn when_unreachable(mut self, policy: WhenUnreachable) -> Self {
        self.policy = policy;
        self
    }

    /// The longest a Redis call may take before Redis counts as unreachable (default 2 s).
    pub fn call_timeout(mut self, timeout: Duration) -> Self {
        self.call_timeout = timeout;
        self
    }

    /// How long after a failure Redis is tried again (default 1 s): meanwhile, calls do
    /// what [`WhenUnreachable`] says without asking it.
    pub fn reprobe_after(mut self, wait: Duration) -> Self {
        self.reprobe_after = wait;
        self
    }

    /// A fleet over the Redis at `url` (`redis://[:password@]host:port[/db]`, or `rediss://`
    /// for TLS, which needs the `redis` crate's TLS feature in your build).
    ///
    /// It does not wait for Redis: the connection is made by the first call, so that a
    /// process whose policy is [`WhenUnreachable::FallBack`] starts even while Redis is
    /// down. Call [`Fleet::ping`] to check it. It must be called within a Tokio runtime (the
    /// connection manager spawns its reconnecting task on it): outside one, and for a URL
    /// that does not parse, it is a configuration error (that does not quote the URL).
    pub fn connect(self, url: &str) -> Result<Fleet, Error> {
        check_prefix(&self.prefix)?;
        in_runtime()?;
        let client = redis::Client::open(url)
            .map_err(|_| config("the Redis URL does not parse (redis://host:port/db)"))?;
        // Reconnect quickly, and let a call that finds the connection broken fail instead of
        // waiting for a long series of reconnection attempts: the fleet's own re-probe
        // decides when to try again.
        let timeout = self.call_timeout;
        let manager = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(timeout))
            .set_response_timeout(Some(timeout))
            .set_number_of_retries(1)
            .set_min_delay(Duration::from_millis(50))
            .set_max_delay(timeout);
        let connection = ConnectionManager::new_lazy_with_config(client, manager)
            .map_err(|e| config(format!("the Redis client cannot be set up ({e:?})")))?;
        self.with_connection(connection)
    }

    /// A fleet over a connection manager you configured yourself (keep its reconnection
    /// attempts few and its timeouts short: a call waits for them, up to the fleet's call
    /// timeout). Fails only on a bad key prefix.
    pub fn with_connection(self, connection: ConnectionManager) -> Result<Fleet, Error> {
        self.finish(Connection::Single(connection))
    }

    /// The longest a Redis call may take.
    #[cfg(feature = "cluster")]
    pub(crate) fn timeout(&self) -> Duration {
        self.call_timeout
    }

    /// The fleet over `connection`, once the prefix is checked.
    pub(crate) fn finish(self, connection: Connection) -> Result<Fleet, Error> {
        check_prefix(&self.prefix)?;
        Ok(Fleet {
            inner: Arc::new(Inner {
                connection,
                prefix: self.prefix,
                call_timeout: self.call_timeout,
                health: Health::new(self.policy, self.reprobe_after),
                process: format!("{:016x}", fastrand::u64(..)),
                counter: AtomicU64::new(0),
            }),
        })
    }
}

/// Refuses to set up a connection outside a Tokio runtime, where it could not live.
pub(crate) fn in_runtime() -> Result<(), Error> {
    if tokio::runtime::Handle::try_current().is_err() {
        return Err(config(
            "connect to Redis from within a Tokio runtime (the connection lives on it)",
        ));
    }
    Ok(())
}

impl Fleet {
    /// The settings, to finish with [`FleetBuilder::connect`].
    pub fn builder() -> FleetBuilder {
        FleetBuilder::default()
    }

    /// A fleet over the Redis at `url` with the default settings (fail fast when Redis is
    /// unreachable): [`FleetBuilder::connect`].
    pub fn connect(url: &str) -> Result<Self, Error> {
        Self::builder().connect(url)
    }

    /// The prefix of the fleet's keys.
    pub fn key_prefix(&self) -> &str {
        &self.inner.prefix
    }

    /// What calls do while Redis is unreachable.
    pub fn when_unreachable(&self) -> WhenUnreachable {
        self.inner.health.policy()
    }

    /// Asks Redis for a `PING`: `Ok` when it answers within the call timeout, else the
    /// connect error that calls failing fast get.
    pub async fn ping(&self) -> Result<(), Error> {
        let result = self
            .call(|mut connection| async move {
                redis::cmd("PING")
                    .query_async::<String>(&mut connection)
                    .await
            })
            .await;
        match result {
            Ok(_) => {
                self.health().up();
                Ok(())
            }
            Err(failure) => {
                let reason = failure.reason();
                self.health().down(&reason);
                Err(unreachable(&reason))
            }
        }
    }

    /// Whether calls should ask Redis now.
    pub(crate) fn check(&self) -> Use {
        self.inner.health.check()
    }

    pub(crate) fn health(&self) -> &Health {
        &self.inner.health
    }

    /// A name no other call of the fleet uses: this process's random id and a counter.
    pub(crate) fn unique_id(&self) -> String {
        let n = self.inner.counter.fetch_add(1, Ordering::Relaxed);
        format!("{}:{n}", self.inner.process)
    }

    /// Runs one Redis call within the call timeout.
    pub(crate) async fn call<T, F, Fut>(&self, f: F) -> Result<T, RedisFailure>
    where
        F: FnOnce(Connection) -> Fut,
        Fut: Future<Output = redis::RedisResult<T>>,
    {
        let timeout = self.inner.call_timeout;
        match tokio::time::timeout(timeout, f(self.inner.connection.clone())).await {
            Ok(result) => Ok(result?),
            Err(_) => Err(RedisFailure::Timeout(timeout)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connecting_outside_a_runtime_or_to_a_bad_url_is_a_clear_error() {
        let outside = Fleet::connect("redis://127.0.0.1:6379").unwrap_err();
        assert!(outside.to_string().contains("Tokio runtime"), "{outside}");
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let bad = Fleet::connect("http://:secret@host").unwrap_err();
            assert!(!bad.to_string().contains("secret"), "{bad}");
            let prefix = Fleet::builder()
                .key_prefix("a{b}")
                .connect("redis://127.0.0.1:6379")
                .unwrap_err();
            assert!(prefix.to_string().contains("prefix"), "{prefix}");
            let fleet = Fleet::builder()
                .key_prefix("app")
                .connect("redis://:secret@127.0.0.1:6379/2")
                .unwrap();
            assert_eq!(fleet.key_prefix(), "app");
            assert!(!format!("{fleet:?}").contains("secret"));
        });
    }
}
