//! Concurrency: 10,000 typed calls (`GetInvoice`) at 64 in flight through the full default
//! stack, against the fake server in the same process. Prints throughput, p50/p99 latency and
//! how many calls succeeded.
//!
//! `cargo bench -p zoho-invoice-benches --bench concurrency`
//!
//! One multi-thread runtime (a worker per core) runs the 64 callers and the server. The
//! stack keeps its defaults (tracing, timeouts, retry, auth, organization header) but for
//! its rate limiter, set to 64 in flight and a per-minute limit the run never reaches.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use futures_util::TryStreamExt;
use secrecy::SecretString;
use zoho_invoice::Client;
use zoho_invoice::invoices::{GetInvoice, ListInvoices};
use zoho_invoice::models::ids::InvoiceId;
use zoho_invoice::transport::{HttpTransport, RateLimitConfig, Region};
use zoho_invoice_mock::{DEFAULT_ACCESS_TOKEN, MockConfig, MockServer};

/// Calls measured.
const CALLS: usize = 10_000;
/// Calls in flight at once.
const IN_FLIGHT: usize = 64;
/// Calls made first, unmeasured: connections opened, caches warm.
const WARM_UP: usize = 640;
/// Invoices in the organization; the calls cycle over them.
const INVOICES: usize = 200;

type Failure = Box<dyn std::error::Error + Send + Sync>;

fn main() -> Result<(), Failure> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(run())
}

async fn run() -> Result<(), Failure> {
    let server =
        MockServer::start_with(MockConfig::default().with_synthetic_invoices(INVOICES)).await?;
    let transport = HttpTransport::builder()
        .region(Region::custom(server.api_url(), server.accounts_url()))
        .allow_http(true)
        .static_token(SecretString::from(DEFAULT_ACCESS_TOKEN))
        .organization_id(server.organization_id())
        .rate_limit(
            RateLimitConfig::default()
                .with_requests_per_minute(u32::MAX)
                .with_max_in_flight(u32::try_from(IN_FLIGHT)?),
        )
        .build()?;
    let client = Client::new(transport);
    let list = ListInvoices {
        filter: Default::default(),
    };
    let ids: Arc<Vec<InvoiceId>> = Arc::new(
        client
            .records(list)
            .map_ok(|invoice| invoice.invoice_id)
            .try_collect()
            .await?,
    );
    assert_eq!(ids.len(), INVOICES);

    calls(&client, &ids, WARM_UP).await;
    server.clear_requests();
    let started = Instant::now();
    let mut latencies = calls(&client, &ids, CALLS).await;
    let elapsed = started.elapsed();

    let succeeded = latencies.len();
    latencies.sort_unstable();
    let at = |q: f64| {
        let i = ((succeeded as f64 * q).ceil() as usize).clamp(1, succeeded.max(1)) - 1;
        latencies.get(i).copied().unwrap_or_default()
    };
    let received = server.count("GET /invoices/{invoice_id}");
    println!("concurrency: {CALLS} GetInvoice calls, {IN_FLIGHT} in flight, full stack");
    println!(
        "throughput: {:.0} calls/s ({:.2} s)",
        CALLS as f64 / elapsed.as_secs_f64(),
        elapsed.as_secs_f64()
    );
    println!(
        "latency: p50 {:?}, p99 {:?}, max {:?}",
        at(0.50),
        at(0.99),
        latencies.last().copied().unwrap_or_default()
    );
    println!("succeeded: {succeeded} of {CALLS} (requests the server saw: {received})");
    if succeeded != CALLS || received != CALLS as u64 {
        return Err(format!("{succeeded} of {CALLS} succeeded, {received} received").into());
    }
    Ok(())
}

/// Makes `n` calls, `IN_FLIGHT` at a time; the latency of each that succeeded.
async fn calls(client: &Client, ids: &Arc<Vec<InvoiceId>>, n: usize) -> Vec<Duration> {
    let next = Arc::new(AtomicUsize::new(0));
    let mut callers = tokio::task::JoinSet::new();
    for _ in 0..IN_FLIGHT {
        let (client, ids, next) = (client.clone(), Arc::clone(ids), Arc::clone(&next));
        callers.spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    return latencies;
                }
                let get = GetInvoice {
                    invoice_id: ids[i % ids.len()].clone(),
                };
                let started = Instant::now();
                match client.send(&get).await {
                    Ok(_) => latencies.push(started.elapsed()),
                    Err(e) => eprintln!("call {i} failed: {e}"),
                }
            }
        });
    }
    let mut all = Vec::with_capacity(n);
    while let Some(joined) = callers.join_next().await {
        all.extend(joined.unwrap_or_default());
    }
    all
}
