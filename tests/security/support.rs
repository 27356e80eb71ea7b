//! Shared set-up: runtimes, a transport aimed at the fake server, the refresh-token flow.

use std::future::Future;
use std::sync::Mutex;

use secrecy::SecretString;
use zoho_invoice::transport::{
    ClientCredentials, HttpTransport, Region, Timeouts, TransportBuilder,
};
use zoho_invoice_mock::{DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, MockServer};

/// Held by every test of this binary while it runs: the load test measures the process'
/// memory, and the others open hundreds of connections or stream large bodies, so they run
/// one at a time (together they take a few seconds).
static ALONE: Mutex<()> = Mutex::new(());

/// Runs `test` while no other test of this binary runs.
pub(crate) fn alone<T>(test: impl FnOnce() -> T) -> T {
    let _alone = ALONE.lock().unwrap_or_else(|e| e.into_inner());
    test()
}

/// Runs `test` alone on `runtime`.
pub(crate) fn on<F: Future>(runtime: tokio::runtime::Runtime, test: F) -> F::Output {
    alone(|| runtime.block_on(test))
}

/// A current-thread runtime; with `paused`, on tokio's paused clock.
pub(crate) fn runtime(paused: bool) -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .start_paused(paused)
        .build()
        .expect("a runtime")
}

/// Runs `test` alone on a current-thread runtime; with `paused`, on tokio's paused clock.
pub(crate) fn current_thread<F: Future>(paused: bool, test: F) -> F::Output {
    on(runtime(paused), test)
}

/// The OAuth client the fake accounts server knows.
pub(crate) fn credentials() -> ClientCredentials {
    ClientCredentials::new(DEFAULT_CLIENT_ID, SecretString::from(DEFAULT_CLIENT_SECRET))
}

/// A builder aimed at `server`: plain HTTP allowed (loopback), no time limits (tokio's
/// paused clock would jump to them while a loopback answer is on its way), no idle timer.
pub(crate) fn builder(server: &MockServer) -> TransportBuilder {
    HttpTransport::builder()
        .region(Region::custom(server.api_url(), server.accounts_url()))
        .allow_http(true)
        .timeouts(Timeouts::none())
        .pool_idle_timeout(None)
        .organization_id(server.organization_id())
}

/// A refresh token, from exchanging a grant code as a user does once after consenting.
pub(crate) async fn refresh_token(server: &MockServer) -> SecretString {
    let oauth = builder(server)
        .build_oauth_client(credentials())
        .expect("an OAuth client");
    oauth
        .exchange_code(&server.grant_code(), "https://example.com/callback")
        .await
        .expect("the grant code is exchanged")
        .refresh_token
        .expect("the first exchange gives a refresh token")
}

/// Token requests the accounts server received so far.
pub(crate) fn token_requests(server: &MockServer) -> u64 {
    server.count("POST /oauth/v2/token")
}
