//! Times invoice list pages of an organization of 100,000 synthetic invoices: the server's
//! own time per page (its `Server-Timing` header: routing, handler and the serialized
//! answer) and the round trip on loopback, for the first, a middle and the last page, in
//! the default order, filtered by status, and sorted by other columns (the first sorted
//! request, which makes the table keep that order, is timed apart).
//!
//! ```text
//! cargo run --release -p zoho-invoice-mock --example list_at_scale [-- INVOICES RUNS]
//! ```

use std::error::Error;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use zoho_invoice_mock::{DEFAULT_ACCESS_TOKEN, MockConfig, MockServer};

type Result<T> = std::result::Result<T, Box<dyn Error>>;
type HttpClient = Client<HttpConnector, Full<Bytes>>;

/// Invoices in the organization, unless given.
const INVOICES: usize = 100_000;
/// Requests per case, unless given.
const RUNS: usize = 50;
/// The page size (Zoho's largest).
const PER_PAGE: usize = 200;

/// One timed answer.
struct Timed {
    server: Duration,
    round_trip: Duration,
    more: bool,
}

/// The figures of one case.
struct Figures {
    server: Vec<Duration>,
    round_trip: Vec<Duration>,
}

/// A GET of an invoice list page, timed.
async fn get(client: &HttpClient, server: &MockServer, query: &str) -> Result<Timed> {
    let request = http::Request::get(format!("{}/invoices?{query}", server.api_url()))
        .header(
            "Authorization",
            format!("Zoho-oauthtoken {DEFAULT_ACCESS_TOKEN}"),
        )
        .header(
            zoho_invoice_mock::ORGANIZATION_HEADER,
            server.organization_id(),
        )
        .body(Full::default())?;
    let started = Instant::now();
    let response = client.request(request).await?;
    let status = response.status();
    let timing = response
        .headers()
        .get("server-timing")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("app;dur="))
        .and_then(|ms| ms.parse::<f64>().ok())
        .ok_or("no Server-Timing header")?;
    let body = response.into_body().collect().await?.to_bytes();
    let round_trip = started.elapsed();
    if status != 200 {
        return Err(format!("{query}: HTTP {status}").into());
    }
    let json: serde_json::Value = serde_json::from_slice(&body)?;
    Ok(Timed {
        server: Duration::from_secs_f64(timing / 1_000.0),
        round_trip,
        more: json["page_context"]["has_more_page"] == true,
    })
}

/// The last page of a list (binary search on `has_more_page`).
async fn last_page(client: &HttpClient, server: &MockServer, filter: &str) -> Result<usize> {
    let (mut low, mut high) = (1, 1);
    while get(client, server, &page_query(filter, high)).await?.more {
        low = high;
        high *= 2;
    }
    while low < high {
        let mid = (low + high) / 2;
        if get(client, server, &page_query(filter, mid)).await?.more {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    Ok(low)
}

fn page_query(filter: &str, page: usize) -> String {
    format!("per_page={PER_PAGE}&page={page}{filter}")
}

async fn measure(
    client: &HttpClient,
    server: &MockServer,
    query: &str,
    runs: usize,
) -> Result<Figures> {
    let mut figures = Figures {
        server: Vec::with_capacity(runs),
        round_trip: Vec::with_capacity(runs),
    };
    get(client, server, query).await?;
    for _ in 0..runs {
        let t = get(client, server, query).await?;
        figures.server.push(t.server);
        figures.round_trip.push(t.round_trip);
    }
    Ok(figures)
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1_000.0)
}

/// Median and max of some durations.
fn stats(mut v: Vec<Duration>) -> (Duration, Duration) {
    v.sort();
    let median = v.get(v.len() / 2).copied().unwrap_or_default();
    (median, v.last().copied().unwrap_or_default())
}

fn arg(n: usize, default: usize) -> Result<usize> {
    std::env::args()
        .nth(n)
        .map_or(Ok(default), |a| a.parse().map_err(Into::into))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<()> {
    let (invoices, runs) = (arg(1, INVOICES)?, arg(2, RUNS)?);
    let started = Instant::now();
    let server =
        MockServer::start_with(MockConfig::default().with_synthetic_invoices(invoices)).await?;
    println!(
        "{invoices} invoices seeded and the server started in {} ms; {runs} requests per case, {PER_PAGE} a page",
        ms(started.elapsed())
    );
    let client = Client::builder(TokioExecutor::new()).build_http();
    println!("| list | page | server median (ms) | server max (ms) | round trip median (ms) |");
    println!("| --- | --- | --- | --- | --- |");
    let mut first_sorted = Vec::new();
    for (name, filter) in [
        ("default order", ""),
        ("filter_by=Status.Overdue", "&filter_by=Status.Overdue"),
        ("sort_column=total", "&sort_column=total"),
        ("sort_column=date", "&sort_column=date"),
        (
            "sort_column=customer_name, descending",
            "&sort_column=customer_name&sort_order=D",
        ),
        (
            "sort_column=last_modified_time",
            "&sort_column=last_modified_time",
        ),
    ] {
        if filter.contains("sort_column") {
            let first = get(&client, &server, &page_query(filter, 1)).await?;
            first_sorted.push((name, first.server));
        }
        let last = last_page(&client, &server, filter).await?;
        for page in [1, last.div_ceil(2), last] {
            let figures = measure(&client, &server, &page_query(filter, page), runs).await?;
            let (median, max) = stats(figures.server);
            let (trip, _) = stats(figures.round_trip);
            println!(
                "| {name} | {page} of {last} | {} | {} | {} |",
                ms(median),
                ms(max),
                ms(trip)
            );
        }
    }
    println!();
    println!("| first request of an order (the table keeps it from then on) | server (ms) |");
    println!("| --- | --- |");
    for (name, server) in first_sorted {
        println!("| {name} | {} |", ms(server));
    }
    Ok(())
}
