//! A Redis Cluster of the test's own: three primaries on free loopback ports, no replicas,
//! killed on drop.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use zoho_invoice_redis::{Fleet, WhenUnreachable};

use super::{RedisServer, installed};

/// How many times the cluster's state is asked for before giving up, 50 ms apart.
const READY_TRIES: usize = 600;

/// Three `redis-server`s in cluster mode that share the 16384 slots.
pub struct RedisCluster {
    pub nodes: Vec<RedisServer>,
    cli: PathBuf,
    dir: PathBuf,
}

impl RedisCluster {
    /// Starts the nodes, makes them one cluster and waits until every node says it is ready;
    /// `None` (after saying so) when `redis-server` or `redis-cli` is not installed, except
    /// under CI, where that fails the test.
    pub fn start(test: &str) -> Option<Self> {
        let cli = installed("redis-cli", test)?;
        let dir = state_dir();
        let mut cluster = Self {
            nodes: Vec::new(),
            cli,
            dir,
        };
        for _ in 0..3 {
            cluster
                .nodes
                .push(RedisServer::start_cluster_node(test, &cluster.dir)?);
        }
        let created = Command::new(&cluster.cli)
            .args(["--cluster", "create"])
            .args(cluster.addresses())
            .args(["--cluster-replicas", "0", "--cluster-yes"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("redis-cli runs");
        assert!(
            created.success(),
            "{test}: redis-cli --cluster create failed"
        );
        for _ in 0..READY_TRIES {
            if cluster.nodes.iter().all(|node| cluster.ready(node.port)) {
                return Some(cluster);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("{test}: the cluster never became ready");
    }

    fn addresses(&self) -> Vec<String> {
        self.nodes
            .iter()
            .map(|node| format!("127.0.0.1:{}", node.port))
            .collect()
    }

    /// The nodes' URLs, for `connect_cluster`.
    pub fn urls(&self) -> Vec<String> {
        self.nodes.iter().map(RedisServer::url).collect()
    }

    /// Whether the node on `port` sees every slot served and every node known.
    fn ready(&self, port: u16) -> bool {
        let info = self.cli(port, &["CLUSTER", "INFO"]);
        info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:3")
    }

    /// `redis-cli -p port command...`, its output ("" when it fails).
    fn cli(&self, port: u16, command: &[&str]) -> String {
        Command::new(&self.cli)
            .args(["-h", "127.0.0.1", "-p", &port.to_string()])
            .args(command)
            .stderr(Stdio::null())
            .output()
            .map(|out| String::from_utf8_lossy(&out.stdout).into_owned())
            .unwrap_or_default()
    }

    /// Which node (index in `nodes`) serves `key`'s slot, as the cluster says.
    pub fn owner(&self, key: &str) -> usize {
        let slot: u16 = self
            .cli(self.nodes[0].port, &["CLUSTER", "KEYSLOT", key])
            .trim()
            .parse()
            .expect("a slot");
        let serves = |port: u16| {
            let nodes = self.cli(port, &["CLUSTER", "NODES"]);
            let mine = nodes
                .lines()
                .find(|line| line.contains("myself"))
                .expect("the node's own line")
                .to_owned();
            // `<id> <addr> <flags> <master> <ping> <pong> <epoch> <link> <slot ranges>...`
            mine.split_whitespace().skip(8).any(|range| {
                let (first, last) = range.split_once('-').unwrap_or((range, range));
                let first: u16 = first.parse().unwrap_or(u16::MAX);
                let last: u16 = last.parse().unwrap_or(0);
                (first..=last).contains(&slot)
            })
        };
        let owners: Vec<usize> = (0..self.nodes.len())
            .filter(|&i| serves(self.nodes[i].port))
            .collect();
        assert_eq!(owners.len(), 1, "one node serves slot {slot}");
        owners[0]
    }

    /// Which nodes hold `key` (its node's own keys, as `KEYS` lists them there).
    pub fn holders(&self, key: &str) -> Vec<usize> {
        (0..self.nodes.len())
            .filter(|&i| {
                self.cli(self.nodes[i].port, &["KEYS", "*"])
                    .lines()
                    .any(|line| line == key)
            })
            .collect()
    }

    /// Every key of every node, sorted.
    pub fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .nodes
            .iter()
            .flat_map(|node| {
                self.cli(node.port, &["KEYS", "*"])
                    .lines()
                    .filter(|line| !line.is_empty())
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .collect();
        keys.sort();
        keys
    }

    /// Makes every node forget the scripts it has loaded (`SCRIPT FLUSH`).
    pub fn flush_scripts(&self) {
        for node in &self.nodes {
            assert_eq!(self.cli(node.port, &["SCRIPT", "FLUSH"]).trim(), "OK");
        }
    }

    /// Kills every node (SIGKILL).
    pub fn kill(&mut self) {
        for node in &mut self.nodes {
            node.kill();
        }
    }

    /// A fleet over the cluster with `policy`, as one process of a fleet would make it.
    pub fn fleet(&self, policy: WhenUnreachable) -> Fleet {
        Fleet::builder()
            .when_unreachable(policy)
            .call_timeout(Duration::from_secs(2))
            .reprobe_after(Duration::from_millis(200))
            .connect_cluster(self.urls())
            .unwrap()
    }
}

impl Drop for RedisCluster {
    fn drop(&mut self) {
        self.kill();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A new directory for the nodes' cluster state files.
fn state_dir() -> PathBuf {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "zoho-invoice-redis-cluster-{}-{}",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
