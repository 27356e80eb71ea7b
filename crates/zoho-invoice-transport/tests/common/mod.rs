//! Helpers shared by the integration tests.
#![allow(dead_code, unreachable_pub)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use secrecy::SecretString;
use tower::{Layer, Service};
use wiremock::MockServer;
use zoho_invoice_transport::{
    ApiRequest, ApiResponse, BoxedService, ClientCredentials, Error, FixedRandom, HttpTransport,
    Region, Timeouts, TransportBuilder,
};

pub const ACCESS_TOKEN: &str = "1000.access.SECRET-ACCESS-7f3a";
pub const REFRESH_TOKEN: &str = "1000.refresh.SECRET-REFRESH-91bc";
pub const CLIENT_SECRET: &str = "SECRET-CLIENT-55de";
pub const CLIENT_ID: &str = "1000.CLIENTID";
pub const ORG: &str = "10234695";

/// A region whose API and accounts server are both `server`.
pub fn region_of(server: &MockServer) -> Region {
    Region::custom(format!("{}/invoice/v3", server.uri()), server.uri())
}

/// A builder aimed at `server`: plain HTTP allowed, no time limits (tokio's paused clock
/// would otherwise jump to them while a loopback answer is on its way), deterministic jitter.
pub fn builder(server: &MockServer) -> TransportBuilder {
    HttpTransport::builder()
        .region(region_of(server))
        .allow_http(true)
        .timeouts(Timeouts::none())
        .pool_idle_timeout(None)
        .static_token(SecretString::from(ACCESS_TOKEN))
        .organization_id(ORG)
        .random(Arc::new(FixedRandom(0.5)))
}

pub fn credentials() -> ClientCredentials {
    ClientCredentials::new(CLIENT_ID, SecretString::from(CLIENT_SECRET))
}

/// Requests `server` received, waiting (without sleeping) for ones still on their way.
pub async fn received_at_least(server: &MockServer, n: usize) -> Vec<wiremock::Request> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let got = server.received_requests().await.unwrap_or_default();
        if got.len() >= n || std::time::Instant::now() > deadline {
            return got;
        }
        tokio::task::yield_now().await;
        std::thread::yield_now();
    }
}

/// Counts the requests that match a path prefix.
pub async fn count_path(server: &MockServer, prefix: &str) -> usize {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .filter(|r| r.url.path().starts_with(prefix))
        .count()
}

/// What the probe layer saw.
#[derive(Debug, Default)]
pub struct Probe {
    pub attempts: AtomicUsize,
    pub in_flight: AtomicUsize,
    pub max_in_flight: AtomicUsize,
    pub started: Mutex<Vec<tokio::time::Instant>>,
}

/// A user layer that counts attempts and requests in flight.
#[derive(Clone, Debug, Default)]
pub struct ProbeLayer(pub Arc<Probe>);

impl Layer<BoxedService> for ProbeLayer {
    type Service = ProbeService;
    fn layer(&self, inner: BoxedService) -> ProbeService {
        ProbeService {
            inner,
            probe: self.0.clone(),
        }
    }
}

#[derive(Clone)]
pub struct ProbeService {
    inner: BoxedService,
    probe: Arc<Probe>,
}

impl Service<ApiRequest> for ProbeService {
    type Response = ApiResponse;
    type Error = Error;
    type Future = std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<ApiResponse, Error>> + Send + 'static>,
    >;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: ApiRequest) -> Self::Future {
        let probe = self.probe.clone();
        probe.attempts.fetch_add(1, Ordering::SeqCst);
        let now = probe.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        probe.max_in_flight.fetch_max(now, Ordering::SeqCst);
        probe
            .started
            .lock()
            .expect("probe lock")
            .push(tokio::time::Instant::now());
        let call = self.inner.call(request);
        Box::pin(async move {
            let result = call.await;
            probe.in_flight.fetch_sub(1, Ordering::SeqCst);
            result
        })
    }
}
