//! Your own tower middleware in the transport's stack: a layer counting requests, answers by
//! status and latency per operation, plugged in twice: around the whole call
//! (`HttpTransport::builder().call_layer(...)`: it sees each call once, retries included) and
//! around each attempt (`.attempt_layer(...)`: it sees every attempt, with its final URL and
//! headers). Each request names its operation (resource, name, method, path template) in its
//! extensions, so the layer keys its table by "Invoices / Get an invoice" without guessing
//! from the path, and never sees an id there.
//!
//! `cargo run --example custom_middleware`
//!
//! Against the embedded fake server the example makes the server fail one request with a 503:
//! the call layer counts one call, the attempt layer two attempts.
//! `ZOHO_API_URL`, `ZOHO_ORGANIZATION_ID` and `ZOHO_ACCESS_TOKEN` point it at a fake server
//! started elsewhere, as in `quickstart`.

mod support;

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use tower::{Layer, Service};
use zoho_invoice::models::Decimal;
use zoho_invoice::models::contacts::ContactInput;
use zoho_invoice::models::invoices::{InvoiceInput, InvoiceLineItemInput};
use zoho_invoice::transport::{ApiRequest, ApiResponse, Error};
use zoho_invoice_mock::Fault;

use support::{Connection, Failure};

/// What the layer has seen of one operation (`Invoices / Get an invoice`).
#[derive(Debug, Default, Clone)]
struct Stats {
    /// Requests that went through the layer (calls or attempts, by where it sits).
    requests: u64,
    /// Answers by HTTP status.
    statuses: BTreeMap<u16, u64>,
    /// Requests that got no answer (connection failures, timeouts, refused input).
    failures: u64,
    /// Time spent waiting for answers.
    total: Duration,
}

/// The metrics every clone of the layer and of its services adds to.
type Table = Arc<Mutex<BTreeMap<String, Stats>>>;

/// A tower [`Layer`] recording, per operation, attempts, answers by status and latency.
#[derive(Clone, Default)]
struct MetricsLayer {
    table: Table,
}

impl MetricsLayer {
    /// A copy of what was recorded so far.
    fn snapshot(&self) -> BTreeMap<String, Stats> {
        self.table.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

impl<S> Layer<S> for MetricsLayer {
    type Service = Metrics<S>;

    fn layer(&self, inner: S) -> Metrics<S> {
        Metrics {
            inner,
            table: self.table.clone(),
        }
    }
}

/// The service [`MetricsLayer`] wraps around the rest of the stack.
#[derive(Clone)]
struct Metrics<S> {
    inner: S,
    table: Table,
}

impl<S> Service<ApiRequest> for Metrics<S>
where
    S: Service<ApiRequest, Response = ApiResponse, Error = Error> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = ApiResponse;
    type Error = Error;
    type Future = Pin<Box<dyn Future<Output = Result<ApiResponse, Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: ApiRequest) -> Self::Future {
        // The typed client names the operation; a raw call does not.
        let key = match request.operation() {
            Some(op) => format!("{} / {} ({} {})", op.resource, op.name, op.method, op.path),
            None => format!("raw {} {}", request.method(), request.path()),
        };
        let table = self.table.clone();
        // The usual tower dance: call the service that was made ready, keep a fresh clone.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        Box::pin(async move {
            let started = Instant::now();
            let result = inner.call(request).await;
            let elapsed = started.elapsed();
            let mut table = table.lock().unwrap_or_else(|e| e.into_inner());
            let stats = table.entry(key).or_default();
            stats.requests += 1;
            stats.total += elapsed;
            match &result {
                Ok(response) => {
                    *stats
                        .statuses
                        .entry(response.status().as_u16())
                        .or_default() += 1
                }
                Err(_) => stats.failures += 1,
            }
            result
        })
    }
}

#[tokio::main]
async fn main() {
    if let Err(e) = run().await {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

async fn run() -> Result<(), Failure> {
    let (calls, attempts) = (MetricsLayer::default(), MetricsLayer::default());
    let Connection {
        client,
        today,
        server,
    } = support::connect_with(|builder| {
        builder
            .call_layer(calls.clone())
            .attempt_layer(attempts.clone())
    })
    .await?;

    let customer = client
        .contacts()
        .create(ContactInput::new("Metrics Ltd"))
        .await?;
    let customer_id = customer.contact_id;
    let mut invoice_ids = Vec::new();
    for quantity in 1..=3 {
        let line = InvoiceLineItemInput::default()
            .name("Support hours")
            .quantity(quantity)
            .rate(Decimal::new(9_000, 2));
        let invoice = InvoiceInput::new(&customer_id, vec![line]).date(today);
        let created = client.invoices().create(invoice).await?;
        invoice_ids.push(created.invoice_id);
    }

    // The fake server fails the next request once: the layer sees the 503 and the retry.
    if let Some(server) = &server {
        server.fail_next(1, Fault::ServerError(503));
        println!("The fake server will answer the next request with a 503.");
    }
    for invoice_id in &invoice_ids {
        client.invoices().get(invoice_id).await?;
    }
    let listed = client.invoices().list().customer_id(customer_id).await?;
    println!(
        "Created and read {} invoices; the list shows {}.",
        invoice_ids.len(),
        listed.records.len()
    );

    println!("What the metrics layers saw (calls around the whole call, attempts each):");
    let per_call = calls.snapshot();
    for (operation, stats) in attempts.snapshot() {
        let statuses: Vec<String> = stats
            .statuses
            .iter()
            .map(|(status, n)| format!("{status} x{n}"))
            .collect();
        let called = per_call.get(&operation).map_or(0, |c| c.requests);
        let mean = stats.total.as_secs_f64() * 1000.0 / stats.requests.max(1) as f64;
        println!(
            "  {operation}: {called} calls, {} attempts ({}), {} failed, mean {mean:.1} ms",
            stats.requests,
            statuses.join(", "),
            stats.failures,
        );
    }
    Ok(())
}
