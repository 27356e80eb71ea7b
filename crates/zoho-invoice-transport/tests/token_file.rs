//! The file token store against the fake Zoho server: a restarted process reuses a valid
//! token, a bad file is ignored and replaced, writes are atomic and private, a 401 drops the
//! token from memory and file, and no secret reaches a log line or a `Debug`.

#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, UNIX_EPOCH};

use secrecy::{ExposeSecret, SecretString};
use tempfile::TempDir;
use zoho_invoice_mock::{DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, MockServer};
use zoho_invoice_transport::{
    ApiRequest, ClientCredentials, ErrorKind, FileTokenStore, FixedClock, HttpTransport,
    OAuthClient, RefreshingToken, Region, Timeouts, TokenSource, Transport, TransportBuilder,
};

/// The wall clock of the tests (the file's expiry times are read and written with it).
const NOW: Duration = Duration::from_secs(1_800_000_000);
/// The fake server's token lifetime (its default).
const LIFETIME: Duration = Duration::from_secs(3600);

fn at(offset: Duration) -> Arc<FixedClock> {
    Arc::new(FixedClock(UNIX_EPOCH + NOW + offset))
}

fn credentials() -> ClientCredentials {
    ClientCredentials::new(DEFAULT_CLIENT_ID, SecretString::from(DEFAULT_CLIENT_SECRET))
}

/// A builder aimed at `server`: plain HTTP allowed (loopback), no time limits (tokio's paused
/// clock would jump to them while a loopback answer is on its way), no idle timer.
fn builder(server: &MockServer) -> TransportBuilder {
    HttpTransport::builder()
        .region(Region::custom(server.api_url(), server.accounts_url()))
        .allow_http(true)
        .timeouts(Timeouts::none())
        .pool_idle_timeout(None)
        .organization_id(server.organization_id())
}

fn oauth(server: &MockServer) -> OAuthClient {
    builder(server).build_oauth_client(credentials()).unwrap()
}

/// A refresh token, from exchanging a grant code as a user does once after consenting.
async fn refresh_token(server: &MockServer) -> SecretString {
    oauth(server)
        .exchange_code(&server.grant_code(), "https://example.com/callback")
        .await
        .unwrap()
        .refresh_token
        .unwrap()
}

fn token_requests(server: &MockServer) -> u64 {
    server.count("POST /oauth/v2/token")
}

/// The fake server, a refresh token for it, and a private directory for the file.
struct World {
    server: MockServer,
    refresh: SecretString,
    dir: TempDir,
}

impl World {
    async fn new() -> Self {
        let server = MockServer::start().await.expect("the fake server starts");
        let refresh = refresh_token(&server).await;
        server.clear_requests();
        Self {
            server,
            refresh,
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self) -> PathBuf {
        self.dir.path().join("token.json")
    }

    /// A new store ("a process starting") on the file, its wall clock at `NOW + offset`.
    fn store(&self, offset: Duration) -> FileTokenStore {
        self.store_at(&self.path(), offset)
    }

    fn store_at(&self, path: &Path, offset: Duration) -> FileTokenStore {
        FileTokenStore::open_with_clock(
            path,
            RefreshingToken::new(oauth(&self.server), self.refresh.clone()),
            at(offset),
        )
    }

    fn file(&self) -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(self.path()).unwrap()).unwrap()
    }

    /// The names in the directory, sorted.
    fn entries(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

/// Log lines, captured.
#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<u8>>>);

impl Write for Logs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Logs {
    /// Captures this thread's log lines (the tests run on a current-thread runtime) until
    /// the guard is dropped.
    fn capture() -> (Self, tracing::subscriber::DefaultGuard) {
        let logs = Self::default();
        let sink = logs.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_writer(move || sink.clone())
            .with_ansi(false)
            .finish();
        (logs, tracing::subscriber::set_default(subscriber))
    }

    fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }
}

fn assert_hides(what: &str, text: &str, secrets: &[&str]) {
    for secret in secrets {
        assert!(!text.contains(secret), "{what} shows a secret: {text}");
    }
}

#[tokio::test]
async fn a_fresh_store_asks_once_and_writes_a_private_file() {
    let world = World::new().await;
    let store = world.store(Duration::ZERO);
    assert!(store.ready_token().is_none());
    let token = store.token().await.unwrap();
    assert_eq!(token_requests(&world.server), 1);

    let file = world.file();
    assert_eq!(file["version"], 1);
    assert_eq!(file["access_token"], token.secret().expose_secret());
    assert_eq!(file["api_domain"], world.server.api_domain());
    assert_eq!(file["expires_at"], (NOW + LIFETIME).as_secs());
    let key = file["key"].as_str().unwrap();
    assert_eq!(key.len(), 64);
    assert!(key.bytes().all(|b| b.is_ascii_hexdigit()));
    let text = std::fs::read_to_string(world.path()).unwrap();
    assert_hides(
        "the file",
        &text,
        &[world.refresh.expose_secret(), DEFAULT_CLIENT_SECRET],
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(world.path())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "mode {mode:o}");
    }
    // No temporary file left behind.
    assert_eq!(world.entries(), ["token.json"]);

    // The token serves from memory: no second request, no second write needed.
    let again = store.token().await.unwrap();
    assert_eq!(
        again.secret().expose_secret(),
        token.secret().expose_secret()
    );
    assert_eq!(token_requests(&world.server), 1);
}

#[tokio::test]
async fn a_restarted_process_reuses_a_valid_token_and_refreshes_an_expired_one() {
    let world = World::new().await;
    let first = world.store(Duration::ZERO).token().await.unwrap();
    assert_eq!(token_requests(&world.server), 1);

    // Restarted a little later: the token is there at once, with its API domain.
    let restarted = world.store(Duration::from_secs(600));
    let ready = restarted.ready_token().expect("the stored token is used");
    assert_eq!(
        ready.secret().expose_secret(),
        first.secret().expose_secret()
    );
    assert_eq!(ready.api_domain(), Some(world.server.api_domain().as_str()));
    restarted.token().await.unwrap();
    assert_eq!(token_requests(&world.server), 1);

    // Restarted after it expired: one request, and the file holds the new token.
    let late = world.store(LIFETIME + Duration::from_secs(1));
    assert!(late.ready_token().is_none());
    let fresh = late.token().await.unwrap();
    assert_eq!(token_requests(&world.server), 2);
    assert_ne!(
        fresh.secret().expose_secret(),
        first.secret().expose_secret()
    );
    assert_eq!(world.file()["access_token"], fresh.secret().expose_secret());
    assert_eq!(
        world.file()["expires_at"],
        (NOW + LIFETIME + Duration::from_secs(1) + LIFETIME).as_secs()
    );
}

#[tokio::test]
async fn transports_built_with_a_token_file_share_the_token_across_restarts() {
    let world = World::new().await;
    let transport = |clock| {
        builder(&world.server)
            .refresh_token(credentials(), world.refresh.clone())
            .token_file(world.path())
            .clock(clock)
            .build()
            .unwrap()
    };
    transport(at(Duration::ZERO))
        .send(ApiRequest::get("/contacts").unwrap())
        .await
        .unwrap();
    assert_eq!(token_requests(&world.server), 1);
    // The second transport's request is accepted by the server with the stored token.
    transport(at(Duration::from_secs(60)))
        .send(ApiRequest::get("/contacts").unwrap())
        .await
        .unwrap();
    assert_eq!(token_requests(&world.server), 1);
    assert_eq!(world.server.count("GET /contacts"), 2);
}

/// What a bad file holds, and the reason the store logs for ignoring it.
struct BadFile {
    name: &'static str,
    content: Vec<u8>,
    /// The wall clock of the store that finds it.
    offset: Duration,
    reason: &'static str,
}

#[tokio::test]
async fn a_corrupt_truncated_foreign_or_expired_file_is_ignored_and_replaced() {
    let (logs, _guard) = Logs::capture();
    let world = World::new().await;
    // A good file of ours, and one of another refresh token (same client and server).
    world.store(Duration::ZERO).token().await.unwrap();
    let ours = std::fs::read(world.path()).unwrap();
    let other_refresh = refresh_token(&world.server).await;
    let foreign_path = world.dir.path().join("foreign.json");
    FileTokenStore::open_with_clock(
        &foreign_path,
        RefreshingToken::new(oauth(&world.server), other_refresh.clone()),
        at(Duration::ZERO),
    )
    .token()
    .await
    .unwrap();
    let foreign = std::fs::read(&foreign_path).unwrap();
    std::fs::remove_file(&foreign_path).unwrap();
    let ours_json: serde_json::Value = serde_json::from_slice(&ours).unwrap();
    let later_version = {
        let mut json = ours_json.clone();
        json["version"] = 2.into();
        serde_json::to_vec(&json).unwrap()
    };
    let wrong_type = {
        let mut json = ours_json.clone();
        json["expires_at"] = "SECRET-IN-A-FIELD".into();
        serde_json::to_vec(&json).unwrap()
    };

    let cases = [
        BadFile {
            name: "not JSON",
            content: b"SECRET-GARBAGE \x00\xff".to_vec(),
            offset: Duration::ZERO,
            reason: "not a token file",
        },
        BadFile {
            name: "empty",
            content: Vec::new(),
            offset: Duration::ZERO,
            reason: "truncated",
        },
        BadFile {
            name: "truncated",
            content: ours[..ours.len() / 2].to_vec(),
            offset: Duration::ZERO,
            reason: "truncated",
        },
        BadFile {
            name: "a field of the wrong type",
            content: wrong_type,
            offset: Duration::ZERO,
            reason: "not a token file",
        },
        BadFile {
            name: "another version",
            content: later_version,
            offset: Duration::ZERO,
            reason: "format version 2",
        },
        BadFile {
            name: "another refresh token's",
            content: foreign.clone(),
            offset: Duration::ZERO,
            reason: "another refresh token",
        },
        BadFile {
            name: "expired",
            content: ours.clone(),
            offset: LIFETIME,
            reason: "expired",
        },
    ];
    let mut issued = vec![ours_json["access_token"].as_str().unwrap().to_owned()];
    for case in cases {
        std::fs::write(world.path(), &case.content).unwrap();
        let before = token_requests(&world.server);
        let store = world.store(case.offset);
        assert!(store.ready_token().is_none(), "{}", case.name);
        let token = store.token().await.unwrap();
        assert_eq!(token_requests(&world.server), before + 1, "{}", case.name);
        // Replaced by a good file of ours, which the next process uses.
        assert_eq!(
            world.file()["access_token"],
            token.secret().expose_secret(),
            "{}",
            case.name
        );
        assert_eq!(world.file()["key"], ours_json["key"], "{}", case.name);
        assert!(
            world.store(case.offset).ready_token().is_some(),
            "{}",
            case.name
        );
        assert!(
            logs.text().contains(case.reason),
            "{}: {}",
            case.name,
            logs.text()
        );
        issued.push(token.secret().expose_secret().to_owned());
    }
    assert_eq!(world.entries(), ["token.json"]);

    let text = logs.text();
    assert!(text.contains("token file ignored"), "{text}");
    let foreign_json: serde_json::Value = serde_json::from_slice(&foreign).unwrap();
    let mut secrets: Vec<&str> = issued.iter().map(String::as_str).collect();
    secrets.extend([
        "SECRET",
        world.refresh.expose_secret(),
        other_refresh.expose_secret(),
        foreign_json["access_token"].as_str().unwrap(),
        DEFAULT_CLIENT_SECRET,
    ]);
    assert_hides("the logs", &text, &secrets);
}

#[tokio::test]
async fn a_file_that_cannot_be_written_is_a_warning_and_the_token_still_serves() {
    let (logs, _guard) = Logs::capture();
    let world = World::new().await;
    // No such directory: the temporary file cannot even be created.
    let missing = world
        .dir
        .path()
        .join("no-such-directory")
        .join("token.json");
    let store = world.store_at(&missing, Duration::ZERO);
    let token = store.token().await.unwrap();
    assert_eq!(token_requests(&world.server), 1);
    assert!(!missing.exists());
    store.token().await.unwrap();
    assert_eq!(
        token_requests(&world.server),
        1,
        "the token serves from memory"
    );

    // The path is a directory: the rename fails. What was there stays, and no temporary
    // file is left behind.
    let occupied = world.path();
    std::fs::create_dir(&occupied).unwrap();
    std::fs::write(occupied.join("keep"), b"kept").unwrap();
    let store = world.store_at(&occupied, Duration::ZERO);
    store.token().await.unwrap();
    assert_eq!(token_requests(&world.server), 2);
    assert_eq!(std::fs::read(occupied.join("keep")).unwrap(), b"kept");
    assert_eq!(world.entries(), ["token.json"]);

    let text = logs.text();
    assert_eq!(
        text.matches("WARN").count(),
        2,
        "one warning per failed write: {text}"
    );
    assert!(text.contains("cannot write the token file"), "{text}");
    assert_hides(
        "the logs",
        &text,
        &[
            token.secret().expose_secret(),
            world.refresh.expose_secret(),
            DEFAULT_CLIENT_SECRET,
        ],
    );
}

#[tokio::test]
async fn invalidate_drops_the_current_token_from_memory_and_file() {
    let world = World::new().await;
    let store = world.store(Duration::ZERO);
    let first = store.token().await.unwrap();
    assert!(store.invalidate(&first));
    assert!(store.ready_token().is_none());
    assert!(!world.path().exists(), "the refused token is not kept");
    // A restarted process does not pick the refused token up either.
    assert!(world.store(Duration::ZERO).ready_token().is_none());

    let second = store.token().await.unwrap();
    assert_eq!(token_requests(&world.server), 2);
    assert_eq!(
        world.file()["access_token"],
        second.secret().expose_secret()
    );
    // A late 401 for the old token leaves the new one in memory and in the file.
    assert!(store.invalidate(&first));
    assert_eq!(
        store.ready_token().unwrap().secret().expose_secret(),
        second.secret().expose_secret()
    );
    assert_eq!(
        world.file()["access_token"],
        second.secret().expose_secret()
    );
}

#[tokio::test]
async fn a_401_refreshes_replays_and_rewrites_the_file() {
    let world = World::new().await;
    let transport = builder(&world.server)
        .refresh_token(credentials(), world.refresh.clone())
        .token_file(world.path())
        .clock(at(Duration::ZERO))
        .build()
        .unwrap();
    transport
        .send(ApiRequest::get("/contacts").unwrap())
        .await
        .unwrap();
    let refused = world.file()["access_token"].clone();
    world.server.expire_tokens();
    transport
        .send(ApiRequest::get("/contacts").unwrap())
        .await
        .unwrap();
    assert_eq!(token_requests(&world.server), 2);
    assert_eq!(world.server.count("GET /contacts"), 3, "one replay");
    assert_ne!(world.file()["access_token"], refused);
}

#[tokio::test]
async fn many_callers_of_a_fresh_store_make_one_request_and_one_file() {
    let world = World::new().await;
    let store = world.store(Duration::ZERO);
    let tokens = futures_util::future::join_all((0..50).map(|_| store.token())).await;
    assert_eq!(token_requests(&world.server), 1);
    let secret = world.file()["access_token"].as_str().unwrap().to_owned();
    for token in tokens {
        assert_eq!(token.unwrap().secret().expose_secret(), secret);
    }
    assert_eq!(world.entries(), ["token.json"]);
}

#[tokio::test(start_paused = true)]
async fn a_stored_token_is_refreshed_ahead_of_its_expiry_and_the_file_follows() {
    let world = World::new().await;
    let first = world.store(Duration::ZERO).token().await.unwrap();
    // A process restarted half-way through the token's life uses it until five minutes
    // before it expires.
    let half = LIFETIME / 2;
    let store = world.store(half);
    tokio::time::advance(half - Duration::from_secs(301)).await;
    let token = store.token().await.unwrap();
    assert_eq!(
        token.secret().expose_secret(),
        first.secret().expose_secret()
    );
    assert_eq!(token_requests(&world.server), 1);
    tokio::time::advance(Duration::from_secs(2)).await;
    let token = store.token().await.unwrap();
    assert_ne!(
        token.secret().expose_secret(),
        first.secret().expose_secret()
    );
    assert_eq!(token_requests(&world.server), 2);
    assert_eq!(world.file()["access_token"], token.secret().expose_secret());
}

#[tokio::test]
async fn a_token_file_needs_a_refresh_token() {
    let world = World::new().await;
    let error = builder(&world.server)
        .static_token(SecretString::from("1000.static"))
        .token_file(world.path())
        .build()
        .unwrap_err();
    assert!(matches!(error.kind(), ErrorKind::Config(_)), "{error:?}");
    assert!(error.to_string().contains("refresh_token"), "{error}");
    assert!(!world.path().exists());
}

#[tokio::test]
async fn debug_shows_the_path_and_no_secret() {
    let world = World::new().await;
    let store = world.store(Duration::ZERO);
    let token = store.token().await.unwrap();
    let secrets = [
        token.secret().expose_secret(),
        world.refresh.expose_secret(),
        DEFAULT_CLIENT_SECRET,
    ];
    let debug = format!("{store:?}");
    assert!(debug.contains("token.json"), "{debug}");
    assert_hides("FileTokenStore", &debug, &secrets);
    let builder = builder(&world.server)
        .refresh_token(credentials(), world.refresh.clone())
        .token_file(world.path());
    let debug = format!("{builder:?}");
    assert!(debug.contains("token.json"), "{debug}");
    assert_hides("TransportBuilder", &debug, &secrets);
}
