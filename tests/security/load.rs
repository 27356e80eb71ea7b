//! Load: 10,000 calls at 64 in flight through the whole stack (client, retry, rate limiter,
//! auth, hyper) against a loopback server that counts connections. All succeed; memory
//! stays flat after a warm-up; connections are reused, not piled up; and once the client is
//! dropped every task and connection it made is gone. Figures are printed, nothing is timed.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use secrecy::SecretString;
use zoho_invoice::Client;
use zoho_invoice::invoices::GetInvoice;
use zoho_invoice::transport::{HttpTransport, RateLimitConfig, Region};

use crate::loopback::{Loopback, eventually, json};
use crate::support::on;

const IN_FLIGHT: usize = 64;
const WARM_UP: usize = 1_000;
const REQUESTS: usize = 10_000;
/// Growth of the resident set allowed between the end of the warm-up and the end of the run.
const RSS_GROWTH: u64 = 16 * 1024 * 1024;

const INVOICE: &str = r#"{"code":0,"message":"success","invoice":{"invoice_id":"982000000567114","invoice_number":"INV-00003","status":"sent","total":40.6,"balance":40.6,"line_items":[{"line_item_id":"982000000567021","name":"Hard Drive","rate":120.0,"quantity":1}]}}"#;

/// The process' resident set, in bytes.
fn rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let kib: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS");
    kib * 1024
}

fn alive_tasks() -> usize {
    tokio::runtime::Handle::current()
        .metrics()
        .num_alive_tasks()
}

/// `n` calls, `IN_FLIGHT` at a time; returns how many succeeded.
async fn run(client: &Client, n: usize) -> usize {
    let next = Arc::new(AtomicUsize::new(0));
    let ok = Arc::new(AtomicUsize::new(0));
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..IN_FLIGHT {
        let (client, next, ok) = (client.clone(), next.clone(), ok.clone());
        workers.spawn(async move {
            let invoice = GetInvoice {
                invoice_id: "982000000567114".parse().expect("an id"),
            };
            while next.fetch_add(1, Ordering::SeqCst) < n {
                if client.send(&invoice).await.is_ok() {
                    ok.fetch_add(1, Ordering::SeqCst);
                }
            }
        });
    }
    while let Some(done) = workers.join_next().await {
        done.expect("a worker");
    }
    ok.load(Ordering::SeqCst)
}

#[test]
fn ten_thousand_calls_at_64_in_flight_leak_nothing() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    on(runtime, async {
        let server = Loopback::start("127.0.0.1", false, Arc::new(|_| json(200, INVOICE))).await;
        let origin = server.origin();
        let baseline_tasks = alive_tasks();
        let transport = HttpTransport::builder()
            .region(Region::custom(format!("{origin}/invoice/v3"), origin))
            .allow_http(true)
            .static_token(SecretString::from("1000.load.token"))
            .organization_id("10234695")
            .rate_limit(
                RateLimitConfig::default()
                    .with_requests_per(1_000_000, Duration::from_secs(60))
                    .with_max_in_flight(IN_FLIGHT as u32),
            )
            .build()
            .expect("a transport");
        let client = Client::new(transport);

        assert_eq!(run(&client, WARM_UP).await, WARM_UP);
        let (warm_rss, warm_tasks, warm_accepted) = (rss(), alive_tasks(), server.accepted());

        assert_eq!(
            run(&client, REQUESTS).await,
            REQUESTS,
            "every call succeeds"
        );
        let (rss_after, tasks_after, accepted, open) =
            (rss(), alive_tasks(), server.accepted(), server.open());
        assert_eq!(server.requests(), WARM_UP + REQUESTS);
        println!(
            "load: {REQUESTS} calls at {IN_FLIGHT} in flight; RSS {} KiB after warm-up, {} KiB \
             after (growth {} KiB); alive tasks: {baseline_tasks} before the client, {warm_tasks} \
             after warm-up, {tasks_after} after; connections accepted: {warm_accepted} in \
             warm-up, {accepted} in all; open after: {open}",
            warm_rss / 1024,
            rss_after / 1024,
            rss_after.saturating_sub(warm_rss) / 1024,
        );
        assert!(
            rss_after.saturating_sub(warm_rss) < RSS_GROWTH,
            "RSS grew from {warm_rss} to {rss_after}"
        );
        // Connections are pooled: about one per call in flight, not one per call.
        assert!(open <= 2 * IN_FLIGHT, "{open} connections open");
        assert!(
            accepted <= 2 * IN_FLIGHT,
            "{accepted} connections for 11,000 calls"
        );
        // Besides the pooled connections (a task on each side) and the pool's own few
        // (its idle timer, a connection being made), nothing is left running.
        assert!(
            tasks_after <= baseline_tasks + 2 * open + 4,
            "{tasks_after} tasks alive with {open} connections"
        );

        // Dropping the client closes its connections and ends every task it started.
        drop(client);
        assert!(
            eventually(|| server.open() == 0 && alive_tasks() <= baseline_tasks).await,
            "left behind: {} connections, {} tasks (baseline {baseline_tasks})",
            server.open(),
            alive_tasks()
        );
    });
}
