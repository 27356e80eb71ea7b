//! One GET through the transport's full default stack (tracing, timeouts, retry, rate limiter,
//! auth, organization header, hyper-util + rustls connector in plain-HTTP mode) against the
//! same GET through a bare hyper-util client, both to one loopback server, in the same run.
//! Then end to end: the SDK's typed `ListInvoices` call against what a user would write
//! instead, a reqwest GET and `serde_json::from_slice::<Value>`, on a page of 200 invoices.
//!
//! `cargo bench -p zoho-invoice-overhead-bench -- --warm-up-time 2 --measurement-time 8`
//!
//! The ratio of the two medians is the stack's cost per request. Both build the request from
//! the base URL and the path on each call; a third case, the plain client reusing one parsed
//! URL, is its floor. Clients and servers share one current-thread runtime, which keeps the
//! numbers steady on a small machine.

// criterion's macros generate public functions without docs.
#![allow(missing_docs)]
#![allow(clippy::unwrap_used)]

use std::hint::black_box;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use criterion::{Criterion, criterion_group};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use secrecy::SecretString;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use zoho_invoice::Client as SdkClient;
use zoho_invoice::invoices::ListInvoices;
use zoho_invoice_models::envelope::Page;
use zoho_invoice_models::invoices::Invoice;
use zoho_invoice_transport::{
    AccessToken, ApiRequest, ApiResponse, ClientCredentials, HttpTransport, RateLimitConfig,
    RefreshingToken, Region, Transport, TransportBuilder,
};

const BODY: &str = r#"{"code":0,"message":"success","invoices":[],"page_context":{"page":1,"per_page":200,"has_more_page":false}}"#;
const TOKEN: &str = "1000.0123456789abcdef0123456789abcdef.0123456789abcdef0123456789abcdef";
const ORG: &str = "10234695";

#[path = "../pages.rs"]
mod pages;

/// A page of 200 invoices as the list operation returns them: the reference's list example
/// row, each with its own id and number (about 240 KB).
fn page_of_200() -> String {
    let fixtures = pages::fixtures_dir_from(env!("CARGO_MANIFEST_DIR"), 2);
    let page = pages::page_from(
        &fixtures.join("invoices/list_invoices.response.json"),
        Some("invoices"),
    );
    String::from_utf8(page).expect("JSON is UTF-8")
}

/// A keep-alive HTTP/1.1 server that answers every request with `body`.
async fn serve(body: &str) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let response = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    );
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            socket.set_nodelay(true).ok();
            let response = response.clone();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 16 * 1024];
                let mut filled = 0;
                loop {
                    let Ok(n) = socket.read(&mut buf[filled..]).await else {
                        return;
                    };
                    if n == 0 {
                        return;
                    }
                    filled += n;
                    // GETs have no body: each request ends with an empty line.
                    while let Some(end) = buf[..filled].windows(4).position(|w| w == b"\r\n\r\n") {
                        if socket.write_all(response.as_bytes()).await.is_err() {
                            return;
                        }
                        buf.copy_within(end + 4..filled, 0);
                        filled -= end + 4;
                    }
                }
            });
        }
    });
    addr
}

/// The three ways to send the same GET, on one current-thread runtime with its server.
struct Get {
    runtime: tokio::runtime::Runtime,
    base: String,
    plain: Client<HttpConnector, Full<Bytes>>,
    transport: HttpTransport,
    /// The same stack with the refresh-token source (a token already at hand, as between
    /// refreshes): each attempt keeps a copy of the request for a replay after a 401.
    refreshing: HttpTransport,
    url: http::Uri,
}

impl Get {
    fn new() -> Self {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let addr = runtime.block_on(serve(BODY));
        let base = format!("http://{addr}");
        let mut connector = HttpConnector::new();
        connector.set_nodelay(true);
        let plain = Client::builder(TokioExecutor::new()).build(connector);
        let transport = runtime.block_on(async { sdk_transport(&base) });
        let refreshing = runtime.block_on(async { sdk_transport_refreshing(&base) });
        let url = format!("{base}/invoice/v3/invoices?page=1")
            .parse()
            .unwrap();
        Self {
            runtime,
            base,
            plain,
            transport,
            refreshing,
            url,
        }
    }

    /// Both clients build the request from its parts on each call, as a real client must (the
    /// page changes from call to call); `black_box` keeps the compiler from folding it.
    fn plain(&self) -> Bytes {
        let page = black_box(1);
        let url = format!("{}/invoice/v3/invoices?page={page}", self.base);
        self.send_plain(url.parse().unwrap())
    }

    fn full(&self) -> ApiResponse {
        self.send_sdk(&self.transport)
    }

    fn refresh(&self) -> ApiResponse {
        self.send_sdk(&self.refreshing)
    }

    fn send_sdk(&self, transport: &HttpTransport) -> ApiResponse {
        let page = black_box(1);
        self.runtime.block_on(async {
            let request = ApiRequest::get(&format!("/invoices?page={page}")).unwrap();
            transport.send(request).await.unwrap()
        })
    }

    /// The plain client's floor: one URL parsed once and reused for every call.
    fn plain_reused_url(&self) -> Bytes {
        self.send_plain(self.url.clone())
    }

    fn send_plain(&self, url: http::Uri) -> Bytes {
        self.runtime.block_on(async {
            let request = http::Request::get(url)
                .header("authorization", format!("Zoho-oauthtoken {TOKEN}"))
                .header("x-com-zoho-invoice-organizationid", ORG)
                .body(Full::new(Bytes::new()))
                .unwrap();
            let response = self.plain.request(request).await.unwrap();
            assert!(response.status().is_success());
            response.into_body().collect().await.unwrap().to_bytes()
        })
    }
}

fn bench(c: &mut Criterion) {
    let get = Get::new();
    let mut group = c.benchmark_group("get_loopback");
    group.bench_function("plain_hyper_util", |b| b.iter(|| black_box(get.plain())));
    group.bench_function("full_stack", |b| b.iter(|| black_box(get.full())));
    group.bench_function("full_stack_refresh_token", |b| {
        b.iter(|| black_box(get.refresh()))
    });
    group.bench_function("plain_hyper_util_reused_url", |b| {
        b.iter(|| black_box(get.plain_reused_url()))
    });
    group.finish();
}

/// `OVERHEAD_CALLS=<plain|full|refresh|reused>:<n>`: sends n GETs one way and exits, for counting
/// instructions under valgrind (`benches/overhead_instructions.sh`).
fn count_calls(spec: &str) {
    let (kind, n) = spec.split_once(':').expect("OVERHEAD_CALLS=<kind>:<n>");
    let n: usize = n.parse().expect("a number of calls");
    let get = Get::new();
    for _ in 0..n {
        match kind {
            "plain" => drop(black_box(get.plain())),
            "full" => drop(black_box(get.full())),
            "refresh" => drop(black_box(get.refresh())),
            "reused" => drop(black_box(get.plain_reused_url())),
            other => panic!("unknown kind {other}"),
        }
    }
}

/// `OVERHEAD_INTERLEAVED=<rounds>`: times the plain client and the full stack (static token,
/// refresh-token source) in alternating batches of 200 calls, so that all see the same machine
/// (a shared machine drifts by more than the difference between them over the seconds a
/// criterion run takes), and prints the median time per call of each and the medians of the
/// per-round ratios.
fn interleaved(rounds: &str) {
    let rounds: usize = rounds.parse().expect("a number of rounds");
    let get = Get::new();
    let time = |f: &dyn Fn()| {
        let start = std::time::Instant::now();
        for _ in 0..200 {
            f();
        }
        start.elapsed().as_secs_f64() / 200.0
    };
    let (mut plain, mut full, mut refresh) = (Vec::new(), Vec::new(), Vec::new());
    let (mut full_ratios, mut refresh_ratios) = (Vec::new(), Vec::new());
    for round in 0..rounds + 1 {
        let p = time(&|| drop(black_box(get.plain())));
        let f = time(&|| drop(black_box(get.full())));
        let r = time(&|| drop(black_box(get.refresh())));
        // The first round warms them up.
        if round > 0 {
            plain.push(p);
            full.push(f);
            refresh.push(r);
            full_ratios.push(f / p);
            refresh_ratios.push(r / p);
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "plain {:.2} µs, full {:.2} µs, refresh {:.2} µs per call (medians of {rounds} rounds); \
         median ratios: full / plain {:.3}, refresh / plain {:.3}",
        median(&mut plain) * 1e6,
        median(&mut full) * 1e6,
        median(&mut refresh) * 1e6,
        median(&mut full_ratios),
        median(&mut refresh_ratios)
    );
}

/// The default stack's builder for the API at `base` (an origin), without credentials.
fn sdk_builder(base: &str) -> TransportBuilder {
    HttpTransport::builder()
        .region(Region::custom(
            format!("{base}/invoice/v3"),
            base.to_owned(),
        ))
        .allow_http(true)
        .organization_id(ORG)
        // The limiter runs, but never makes the benchmark wait.
        .rate_limit(RateLimitConfig::default().with_requests_per(u32::MAX, Duration::from_secs(1)))
}

/// A client of the full default stack with a static token.
fn sdk_transport(base: &str) -> HttpTransport {
    sdk_builder(base)
        .static_token(SecretString::from(TOKEN))
        .build()
        .unwrap()
}

/// A client of the full default stack with the refresh-token source, holding a token valid
/// for a day (no refresh happens while it is measured).
fn sdk_transport_refreshing(base: &str) -> HttpTransport {
    let builder = sdk_builder(base);
    let credentials = ClientCredentials::new("1000.CLIENT", SecretString::from("secret"));
    let oauth = builder.build_oauth_client(credentials).unwrap();
    let source = RefreshingToken::new(oauth, SecretString::from("1000.refresh")).with_access_token(
        AccessToken::new(SecretString::from(TOKEN)),
        Duration::from_secs(86_400),
    );
    builder.token_source(Arc::new(source)).build().unwrap()
}

/// The SDK's typed list call against a hand-written reqwest + `serde_json::Value` client, on
/// the same 200-invoice page: request, response, and decoding.
fn end_to_end(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let page = page_of_200();
    let typed: Page<Invoice> = serde_json::from_str(&page).unwrap();
    assert_eq!(typed.records.len(), 200);
    let addr = runtime.block_on(serve(&page));
    let base = format!("http://{addr}");

    let sdk = runtime.block_on(async { SdkClient::new(sdk_transport(&base)) });
    let list = ListInvoices {
        filter: Default::default(),
    };
    let http = reqwest::Client::new();
    let url = format!("{base}/invoice/v3/invoices");

    let mut group = c.benchmark_group("list_200_invoices_end_to_end");
    group.bench_function("sdk_typed_list", |b| {
        b.iter(|| {
            runtime.block_on(async {
                let page = sdk.send(&list).await.unwrap();
                black_box(page)
            })
        })
    });
    group.bench_function("reqwest_serde_json_value", |b| {
        b.iter(|| {
            runtime.block_on(async {
                let response = http
                    .get(&url)
                    .header("authorization", format!("Zoho-oauthtoken {TOKEN}"))
                    .header("x-com-zoho-invoice-organizationid", ORG)
                    .send()
                    .await
                    .unwrap()
                    .error_for_status()
                    .unwrap();
                let body = response.bytes().await.unwrap();
                let page: Value = serde_json::from_slice(&body).unwrap();
                assert_eq!(page["code"], 0);
                black_box(page)
            })
        })
    });
    group.finish();
}

criterion_group!(benches, bench, end_to_end);

fn main() {
    if let Ok(spec) = std::env::var("OVERHEAD_CALLS") {
        return count_calls(&spec);
    }
    if let Ok(rounds) = std::env::var("OVERHEAD_INTERLEAVED") {
        return interleaved(&rounds);
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
