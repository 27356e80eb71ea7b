//! A [`Fleet`] on a Redis Cluster (the `cluster` feature).
//!
//! Every script touches the keys of one hash tag only (see [`keys`](crate#keys)), so each runs
//! on the one node that holds the tag's slot: the cluster connection routes `EVALSHA` by its
//! first key, and after a `NOSCRIPT` loads the script on every primary before trying again.

use std::time::Duration;

use redis::cluster::{ClusterClient, ClusterConfig};
use redis::cluster_async::ClusterConnection;
use zoho_invoice_transport::Error;

use crate::connection::Connection;
use crate::failure::config;
use crate::fleet::{Fleet, FleetBuilder, in_runtime};

/// How many times the cluster connection tries a command again after an error or a
/// redirection (`MOVED`, `ASK`) before it gives up; the fleet's call timeout bounds them all.
const RETRIES: u32 = 3;
/// The shortest wait between those tries.
const MIN_RETRY_WAIT: Duration = Duration::from_millis(20);

impl FleetBuilder {
    /// A fleet over the Redis Cluster that `nodes` belong to (`redis://[:password@]host:port`
    /// each; one reachable node is enough, the others are discovered). With the `cluster`
    /// feature.
    ///
    /// Like [`connect`](Self::connect), it does not wait for the cluster: the connection is
    /// made by the first call, and a call that finds no node answering is a call to an
    /// unreachable Redis ([`WhenUnreachable`](crate::WhenUnreachable) says what it does). It
    /// must be called within a Tokio runtime. No node, a URL that does not parse, or nodes
    /// with different credentials are a configuration error (that quotes no URL).
    pub fn connect_cluster<I, S>(self, nodes: I) -> Result<Fleet, Error>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        in_runtime()?;
        let nodes: Vec<String> = nodes.into_iter().map(|n| n.as_ref().to_owned()).collect();
        if nodes.is_empty() {
            return Err(config("a Redis Cluster needs at least one node's URL"));
        }
        let timeout = self.timeout();
        let client = ClusterClient::builder(nodes)
            .retries(RETRIES)
            .min_retry_wait(millis(MIN_RETRY_WAIT))
            .max_retry_wait(millis(timeout).max(millis(MIN_RETRY_WAIT)))
            .build()
            .map_err(|e| {
                config(format!(
                    "the Redis Cluster's node URLs do not parse, or name different credentials \
                     ({:?})",
                    e.kind()
                ))
            })?;
        // Short timeouts, as for one Redis: the fleet's re-probe decides when to try again.
        let settings = ClusterConfig::new()
            .set_connection_timeout(timeout)
            .set_response_timeout(timeout);
        let connection = client.get_pending_async_connection_with_config(settings);
        self.with_cluster_connection(connection)
    }

    /// A fleet over a cluster connection you configured yourself (keep its retries few and
    /// its timeouts short: a call waits for them, up to the fleet's call timeout). Fails only
    /// on a bad key prefix. With the `cluster` feature.
    pub fn with_cluster_connection(self, connection: ClusterConnection) -> Result<Fleet, Error> {
        self.finish(Connection::Cluster(connection))
    }
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_cluster_settings_are_clear_errors_that_quote_no_url() {
        let outside = Fleet::builder()
            .connect_cluster(["redis://127.0.0.1:7000"])
            .unwrap_err();
        assert!(outside.to_string().contains("Tokio runtime"), "{outside}");
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let none = Fleet::builder()
                .connect_cluster(Vec::<String>::new())
                .unwrap_err();
            assert!(none.to_string().contains("at least one node"), "{none}");
            for nodes in [
                vec!["http://:secret@host:7000"],
                vec![
                    "redis://:secret@127.0.0.1:7000",
                    "redis://:other@127.0.0.1:7001",
                ],
            ] {
                let bad = Fleet::builder().connect_cluster(&nodes).unwrap_err();
                assert!(bad.to_string().contains("Redis Cluster"), "{bad}");
                assert!(!format!("{bad} {bad:?}").contains("secret"), "{bad:?}");
            }
            let prefix = Fleet::builder()
                .key_prefix("a b")
                .connect_cluster(["redis://127.0.0.1:7000"])
                .unwrap_err();
            assert!(prefix.to_string().contains("prefix"), "{prefix}");
            let fleet = Fleet::builder()
                .key_prefix("app")
                .connect_cluster(["redis://:secret@127.0.0.1:7000"])
                .unwrap();
            assert_eq!(fleet.key_prefix(), "app");
            assert!(!format!("{fleet:?}").contains("secret"));
        });
    }
}
