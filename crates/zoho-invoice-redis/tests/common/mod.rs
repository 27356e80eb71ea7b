//! What the tests share: a `redis-server` of their own on a free loopback port, the fake
//! server with a refresh token, and transports over both.
#![allow(dead_code, unreachable_pub, clippy::unwrap_used)]

#[cfg(feature = "cluster")]
pub mod cluster;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use secrecy::SecretString;
use zoho_invoice_mock::{
    DEFAULT_ACCESS_TOKEN, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, Limits, MockConfig, MockServer,
};
use zoho_invoice_redis::{Fleet, SharedRateLimitLayer, SharedTokenStore, WhenUnreachable};
use zoho_invoice_transport::{
    ApiRequest, ClientCredentials, Error, HttpTransport, OAuthClient, RateLimitConfig, Region,
    TokenSource, Transport, TransportBuilder,
};

/// Whether this run is CI's (`CI=true`), where a missing `redis-server` is a failure.
fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// `program` (`redis-server`, `redis-cli`) on `PATH`; `None` (after saying that `test` did
/// not run) when it is not installed, except under CI, where that fails the test.
fn installed(program: &str, test: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(program))
            .find(|candidate| candidate.is_file())
    });
    if found.is_none() {
        assert!(
            !under_ci(),
            "{test}: {program} is not on PATH, and CI must run this test"
        );
        // Past the test harness's capture.
        let _ = writeln!(
            std::io::stderr(),
            "{test}: did not run: {program} is not on PATH"
        );
    }
    found
}

/// A `redis-server` of the test's own, killed on drop.
pub struct RedisServer {
    binary: PathBuf,
    child: Option<Child>,
    pub port: u16,
    /// For a node of a cluster: the directory of its cluster state file.
    cluster_dir: Option<PathBuf>,
}

impl RedisServer {
    /// Starts one on a free loopback port; `None` (after saying so) when `redis-server` is not
    /// installed, except under CI, where that fails the test.
    pub fn start(test: &str) -> Option<Self> {
        Self::start_in(test, None)
    }

    /// Starts one with cluster mode on, its cluster state file in `dir`.
    pub fn start_cluster_node(test: &str, dir: &Path) -> Option<Self> {
        Self::start_in(test, Some(dir.to_owned()))
    }

    fn start_in(test: &str, cluster_dir: Option<PathBuf>) -> Option<Self> {
        let binary = installed("redis-server", test)?;
        for _ in 0..5 {
            let port = free_port();
            let mut server = Self {
                binary: binary.clone(),
                child: None,
                port,
                cluster_dir: cluster_dir.clone(),
            };
            if server.spawn() {
                return Some(server);
            }
        }
        panic!("{test}: redis-server did not start");
    }

    /// Starts the process on `self.port`; false when it did not come up.
    fn spawn(&mut self) -> bool {
        let mut command = Command::new(&self.binary);
        command
            .args(["--port", &self.port.to_string()])
            .args(["--bind", "127.0.0.1"])
            .args(["--save", ""])
            .args(["--appendonly", "no"]);
        if let Some(dir) = &self.cluster_dir {
            // The cluster bus on a free port of its own (not port + 10000, which may be taken
            // or past 65535).
            command
                .args(["--cluster-enabled", "yes"])
                .args(["--cluster-port", &free_port().to_string()])
                .arg("--cluster-config-file")
                .arg(dir.join(format!("nodes-{}.conf", self.port)));
        }
        let child = command
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("redis-server starts");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if ping(self.port) {
                return true;
            }
            if let Some(child) = self.child.as_mut() {
                if child.try_wait().ok().flatten().is_some() {
                    // It exited: the port was taken after all.
                    self.child = None;
                    return false;
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.kill();
        false
    }

    /// `redis://127.0.0.1:{port}`.
    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }

    /// Kills the server (SIGKILL) and waits for it to be gone.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts it again, empty, on the same port.
    pub fn restart(&mut self) {
        self.kill();
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if self.spawn() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("redis-server did not start again on port {}", self.port);
    }

    /// A client for looking at what the fleet keeps.
    pub async fn inspect(&self) -> redis::aio::MultiplexedConnection {
        redis::Client::open(self.url())
            .unwrap()
            .get_multiplexed_async_connection()
            .await
            .unwrap()
    }

    /// Every key, sorted.
    pub async fn keys(&self) -> Vec<String> {
        let mut connection = self.inspect().await;
        let mut keys: Vec<String> = redis::cmd("KEYS")
            .arg("*")
            .query_async(&mut connection)
            .await
            .unwrap();
        keys.sort();
        keys
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.kill();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Whether a Redis answers `PING` on `port`.
pub fn ping(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    if stream.write_all(b"PING\r\n").is_err() {
        return false;
    }
    let mut answer = [0u8; 7];
    stream.read_exact(&mut answer).is_ok() && &answer == b"+PONG\r\n"
}

/// The key prefix of the tests' fleets.
pub const PREFIX: &str = "zoho-invoice";

/// A fleet over `redis` with `policy`, as one process of a fleet would make it.
pub fn fleet(redis: &RedisServer, policy: WhenUnreachable) -> Fleet {
    Fleet::builder()
        .when_unreachable(policy)
        .call_timeout(Duration::from_secs(2))
        .reprobe_after(Duration::from_millis(200))
        .connect(&redis.url())
        .unwrap()
}

/// A fake server with `limits` that accepts only tokens it issued, and a refresh token
/// for it (the grant-code exchange that made it is not counted).
pub async fn mock_with_refresh_token(config: MockConfig) -> (MockServer, SecretString) {
    let server = MockServer::start_with(config.with_static_token(None))
        .await
        .unwrap();
    let set = oauth(&server)
        .exchange_code(&server.grant_code(), "http://localhost/callback")
        .await
        .unwrap();
    server.clear_requests();
    (server, set.refresh_token.unwrap())
}

/// A fake server with `limits` that accepts its default static token.
pub async fn mock(limits: Limits) -> MockServer {
    MockServer::start_with(MockConfig::default().with_limits(limits))
        .await
        .unwrap()
}

pub fn credentials() -> ClientCredentials {
    ClientCredentials::new(
        DEFAULT_CLIENT_ID,
        SecretString::from(DEFAULT_CLIENT_SECRET.to_owned()),
    )
}

/// The builder every transport of the tests starts from: the fake server, plain HTTP, its
/// organization, no retries (so that a 429 shows).
pub fn builder(server: &MockServer) -> TransportBuilder {
    HttpTransport::builder()
        .region(Region::custom(server.api_url(), server.accounts_url()))
        .allow_http(true)
        .organization_id(server.organization_id())
        .no_retry()
}

/// The fake server's accounts server.
pub fn oauth(server: &MockServer) -> OAuthClient {
    builder(server).build_oauth_client(credentials()).unwrap()
}

/// A transport with the shared limiter and the fake server's static token.
pub fn limited(server: &MockServer, fleet: &Fleet, config: RateLimitConfig) -> HttpTransport {
    builder(server)
        .static_token(SecretString::from(DEFAULT_ACCESS_TOKEN.to_owned()))
        .rate_limit_layer(
            SharedRateLimitLayer::new(fleet, config)
                .with_default_organization(server.organization_id()),
        )
        .build()
        .unwrap()
}

/// A transport with the shared limiter and a token source.
pub fn with_source(
    server: &MockServer,
    fleet: &Fleet,
    config: RateLimitConfig,
    source: Arc<dyn TokenSource>,
) -> HttpTransport {
    builder(server)
        .token_source(source)
        .rate_limit_layer(
            SharedRateLimitLayer::new(fleet, config)
                .with_default_organization(server.organization_id()),
        )
        .build()
        .unwrap()
}

/// `GET /items`.
pub async fn get_items(transport: &impl Transport) -> Result<(), Error> {
    transport
        .send(ApiRequest::get("/items").unwrap())
        .await
        .map(drop)
}

/// Reads lines of `reader` that start with `marker`, without it.
pub fn marked_lines(reader: impl Read, marker: &str) -> Vec<String> {
    BufReader::new(reader)
        .lines()
        .map_while(Result::ok)
        .filter_map(|line| line.strip_prefix(marker).map(str::to_owned))
        .collect()
}

/// A transport as a process of a fleet makes it: the shared limiter and token store over
/// `fleet`, and the default retry policy (retries must not send anything twice either).
pub fn fleet_process(
    server: &MockServer,
    fleet: &Fleet,
    refresh: &SecretString,
) -> (HttpTransport, SharedRateLimitLayer) {
    let builder = || {
        TransportBuilder::new()
            .region(Region::custom(server.api_url(), server.accounts_url()))
            .allow_http(true)
            .organization_id(server.organization_id())
    };
    let oauth = builder().build_oauth_client(credentials()).unwrap();
    let store = SharedTokenStore::builder(fleet, oauth, refresh.clone()).build();
    let layer = SharedRateLimitLayer::new(fleet, RateLimitConfig::default())
        .with_default_organization(server.organization_id());
    let transport = builder()
        .token_source(Arc::new(store))
        .rate_limit_layer(layer.clone())
        .build()
        .unwrap();
    (transport, layer)
}

/// Creates an item named `name` (a name no other call uses).
pub async fn create_item(transport: &HttpTransport, name: String) -> Result<(), Error> {
    let body = format!(r#"{{"name":"{name}","rate":10}}"#);
    transport
        .send(ApiRequest::post("/items").unwrap().with_json(body))
        .await
        .map(drop)
}

/// How many items the server was sent, checking that none was sent twice.
pub fn items_sent_once(server: &MockServer) -> usize {
    let posts: Vec<String> = server
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST" && r.path.ends_with("/items"))
        .map(|r| String::from_utf8_lossy(&r.body).into_owned())
        .collect();
    let distinct: std::collections::HashSet<&String> = posts.iter().collect();
    assert_eq!(distinct.len(), posts.len(), "a POST was sent twice");
    posts.len()
}

/// `per_transport` concurrent `GET /items` on each transport, all at once.
pub async fn burst(transports: &[HttpTransport], per_transport: usize) -> Vec<Result<(), Error>> {
    let calls = transports
        .iter()
        .flat_map(|t| (0..per_transport).map(move |_| get_items(t)));
    tokio::time::timeout(
        Duration::from_secs(120),
        futures_util::future::join_all(calls),
    )
    .await
    .expect("the burst ends")
}
