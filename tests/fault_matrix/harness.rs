//! The fake server, SDK clients on it, and the tools that keep the tests deterministic on
//! tokio's paused clock.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use secrecy::SecretString;
use zoho_invoice::invoices::{CreateInvoice, InvoiceListFilter, ListInvoices};
use zoho_invoice::models::ids::ContactId;
use zoho_invoice::models::invoices::{Invoice, InvoiceInput, InvoiceLineItemInput};
use zoho_invoice::query::TextFilter;
use zoho_invoice::transport::{
    ClientCredentials, FixedRandom, HttpTransport, Region, Sleeper, Timeouts, TransportBuilder,
};
use zoho_invoice::{Client, Error};
use zoho_invoice_mock::{DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, MockConfig, MockServer};

/// The fake server's clock starts here (2024-01-15T10:00:00Z), so dates are fixed.
pub(crate) const START: i64 = 1_705_312_800;
/// The counter key of the accounts server's token endpoint.
pub(crate) const TOKEN_OPERATION: &str = "POST /oauth/v2/token";

/// Starts the fake server with a fixed clock.
pub(crate) async fn server(config: MockConfig) -> MockServer {
    MockServer::start_with(config.with_start_time(START))
        .await
        .expect("the fake server starts")
}

/// The default stack aimed at `server`, with what loopback tests need: plain HTTP allowed, no
/// time limits (tokio's paused clock would jump to them while an answer is on its way), no
/// idle-connection timer, and jitter fixed at 0.5. Retry policy, retry budget and rate
/// limiter are the defaults.
pub(crate) fn transport(server: &MockServer) -> TransportBuilder {
    HttpTransport::builder()
        .region(Region::custom(server.api_url(), server.accounts_url()))
        .allow_http(true)
        .organization_id(server.organization_id())
        .timeouts(Timeouts::none())
        .pool_idle_timeout(None)
        .random(Arc::new(FixedRandom(0.5)))
}

/// A client with the server's never-expiring token and no faults of its own: for setting up
/// and for checking the server's state.
pub(crate) fn static_client(server: &MockServer) -> Client {
    Client::new(
        transport(server)
            .static_token(SecretString::from(zoho_invoice_mock::DEFAULT_ACCESS_TOKEN))
            .build()
            .expect("a transport"),
    )
}

/// The OAuth client the fake accounts server accepts.
pub(crate) fn credentials() -> ClientCredentials {
    ClientCredentials::new(DEFAULT_CLIENT_ID, SecretString::from(DEFAULT_CLIENT_SECRET))
}

/// A refresh token, from a grant code exchanged the way a user does once.
pub(crate) async fn refresh_token(server: &MockServer) -> SecretString {
    transport(server)
        .build_oauth_client(credentials())
        .expect("an OAuth client")
        .exchange_code(&server.grant_code(), "https://example.com/callback")
        .await
        .expect("the grant code is exchanged")
        .refresh_token
        .expect("a refresh token")
}

/// A customer to bill.
pub(crate) async fn customer(client: &Client) -> ContactId {
    let contact = client
        .raw(
            http::Method::POST,
            "/contacts",
            &[],
            Some(&serde_json::json!({"contact_name": "Bowman & Co"})),
        )
        .await
        .expect("a contact");
    contact["contact"]["contact_id"]
        .as_str()
        .expect("a contact id")
        .parse()
        .expect("a valid id")
}

/// A one-line invoice for `customer` with `reference` as its reference number.
pub(crate) fn invoice(customer: &ContactId, reference: &str) -> InvoiceInput {
    InvoiceInput::new(
        customer.clone(),
        vec![InvoiceLineItemInput {
            name: Some("Hard Drive".into()),
            rate: Some(120.into()),
            quantity: Some(1.into()),
            ..Default::default()
        }],
    )
    .reference_number(reference.to_owned())
}

/// Creates an invoice.
pub(crate) fn create(customer: &ContactId, reference: &str) -> CreateInvoice {
    CreateInvoice {
        invoice: invoice(customer, reference),
        options: Default::default(),
    }
}

/// The invoices whose reference number is `reference`, the way an app looks one up.
pub(crate) async fn find_by_reference(
    client: &Client,
    reference: &str,
) -> Result<Vec<Invoice>, Error> {
    let page = client
        .send(&ListInvoices {
            filter: InvoiceListFilter {
                reference_number: Some(TextFilter::Is(reference.to_owned())),
                ..Default::default()
            },
        })
        .await?;
    Ok(page.records)
}

/// A [`Sleeper`] that records each wait the retry layer asks for and returns at once: the
/// waits are asserted, not slept. (The rate limiter's own pauses still run, on tokio's paused
/// clock.)
#[derive(Debug, Clone, Default)]
pub(crate) struct Waits(Arc<Mutex<Vec<Duration>>>);

impl Waits {
    /// The waits so far.
    pub(crate) fn taken(&self) -> Vec<Duration> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Forgets the waits so far.
    pub(crate) fn clear(&self) {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }
}

impl Sleeper for Waits {
    fn sleep(&self, duration: Duration) -> Pin<Box<dyn Future<Output = ()> + Send + 'static>> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(duration);
        Box::pin(std::future::ready(()))
    }
}

/// Holds tokio's paused clock still: while a blocking task runs, a current-thread runtime
/// does not auto-advance its paused clock, so a time limit cannot fire while a loopback
/// answer is on its way. Time then moves only by `tokio::time::advance`.
pub(crate) struct ClockHold {
    release: std::sync::mpsc::Sender<()>,
    task: tokio::task::JoinHandle<()>,
}

impl ClockHold {
    /// Stops auto-advance until [`release`](Self::release).
    pub(crate) fn new() -> Self {
        let (release, wait) = std::sync::mpsc::channel::<()>();
        let task = tokio::task::spawn_blocking(move || {
            let _ = wait.recv();
        });
        Self { release, task }
    }

    /// Lets the clock auto-advance again.
    pub(crate) async fn release(self) {
        let Self { release, task } = self;
        drop(release);
        task.await.expect("the hold ends");
    }
}

/// Waits, without sleeping, until `done` holds (a safety net of 30 s of real time turns a
/// hang into a failure).
pub(crate) async fn until(what: &str, mut done: impl FnMut() -> bool) {
    let give_up = std::time::Instant::now() + Duration::from_secs(30);
    while !done() {
        assert!(
            std::time::Instant::now() < give_up,
            "never happened: {what}"
        );
        tokio::task::yield_now().await;
    }
}

/// A current-thread runtime with tokio's clock paused.
pub(crate) fn paused_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .start_paused(true)
        .build()
        .expect("a runtime")
}
