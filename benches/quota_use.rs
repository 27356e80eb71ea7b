//! Quota use: the SDK exports 10,000 invoices, a page at a time, from the fake server with a
//! per-minute quota, its rate limiter set to that same quota. Prints the requests each server
//! minute admitted as a share of the quota, and the 429s the server sent.
//!
//! `cargo bench -p zoho-invoice-benches --bench quota_use` runs on tokio's paused clock: the client, its limiter and
//! the fake server's quota windows all read that clock, which jumps ahead whenever everyone
//! waits, so four server minutes take a few seconds. `-- --wall-clock` runs the same export on
//! the real clock (about three minutes).

use std::time::Duration;

use futures_util::StreamExt;
use secrecy::SecretString;
use tokio::time::Instant;
use zoho_invoice::Client;
use zoho_invoice::invoices::{InvoiceListFilter, ListInvoices};
use zoho_invoice::query::Paging;
use zoho_invoice::transport::{HttpTransport, RateLimitConfig, Region};
use zoho_invoice_mock::{DEFAULT_ACCESS_TOKEN, Limits, MockConfig, MockServer};

/// Invoices in the organization.
const INVOICES: usize = 10_000;
/// Records per page: 400 pages, so the export spans several quota minutes.
const PER_PAGE: u32 = 25;
/// Requests per minute, on the server and in the SDK's limiter (Zoho's own quota).
const QUOTA: u32 = 100;
/// The server's quota window.
const MINUTE: Duration = Duration::from_secs(60);

type Failure = Box<dyn std::error::Error>;

fn main() -> Result<(), Failure> {
    let wall_clock = std::env::args().any(|a| a == "--wall-clock");
    let mut runtime = tokio::runtime::Builder::new_current_thread();
    runtime.enable_all().start_paused(!wall_clock);
    runtime.build()?.block_on(export(wall_clock))
}

async fn export(wall_clock: bool) -> Result<(), Failure> {
    let started = std::time::Instant::now();
    // The server's quota minutes count from its start, a moment after this.
    let t0 = Instant::now();
    let server = MockServer::start_with(
        MockConfig::default()
            .with_limits(Limits::default().with_per_minute(Some(QUOTA)))
            .with_synthetic_invoices(INVOICES),
    )
    .await?;
    let transport = HttpTransport::builder()
        .region(Region::custom(server.api_url(), server.accounts_url()))
        .allow_http(true)
        .static_token(SecretString::from(DEFAULT_ACCESS_TOKEN))
        .organization_id(server.organization_id())
        .rate_limit(RateLimitConfig::default().with_requests_per_minute(QUOTA))
        .build()?;
    let list = ListInvoices {
        filter: InvoiceListFilter {
            paging: Paging {
                page: None,
                per_page: Some(PER_PAGE),
            },
            ..Default::default()
        },
    };

    // When each page arrived, since the server started.
    let mut arrivals = Vec::new();
    let mut exported = 0;
    let mut failure = None;
    let mut pages = std::pin::pin!(Client::new(transport).pages(list));
    while let Some(page) = pages.next().await {
        match page {
            Ok(page) => exported += page.records.len(),
            Err(e) => {
                failure = Some(e);
                break;
            }
        }
        arrivals.push(t0.elapsed());
    }
    let received = server.count("GET /invoices");
    let refused = received.saturating_sub(arrivals.len() as u64);
    let end = arrivals.last().copied().unwrap_or_default();

    // Requests per server minute; the minutes the export ran from start to end are "full".
    let minutes = end.as_secs() / MINUTE.as_secs() + 1;
    let mut per_minute = vec![0u32; usize::try_from(minutes)?];
    for t in &arrivals {
        per_minute[usize::try_from(t.as_secs() / MINUTE.as_secs())?] += 1;
    }
    let full = &per_minute[..per_minute.len() - 1];
    let share = if full.is_empty() {
        f64::NAN
    } else {
        f64::from(full.iter().sum::<u32>()) / (full.len() as f64 * f64::from(QUOTA))
    };

    let clock = if wall_clock { "wall" } else { "paused tokio" };
    println!(
        "quota use ({clock} clock): {exported} invoices in {} pages of {PER_PAGE}, quota {QUOTA}/min",
        arrivals.len()
    );
    println!("requests per server minute: {per_minute:?}");
    println!(
        "full minutes: {} at {:.1}% of the quota on average",
        full.len(),
        share * 100.0
    );
    println!("429s received: {refused} (requests the server saw: {received})");
    println!(
        "export: {:.1} s on the server's clock (lower bound {} s), {:.1} s of wall time",
        end.as_secs_f64(),
        (arrivals.len() as u64)
            .div_ceil(u64::from(QUOTA))
            .saturating_sub(1)
            * MINUTE.as_secs(),
        started.elapsed().as_secs_f64()
    );
    if let Some(e) = failure {
        return Err(format!("the export stopped: {e}").into());
    }
    if exported != INVOICES || refused != 0 {
        return Err(format!("exported {exported} of {INVOICES}, {refused} refused").into());
    }
    Ok(())
}
