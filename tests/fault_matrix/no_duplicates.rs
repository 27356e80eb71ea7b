//! No duplicates, nothing missing: a thousand invoice creations, sixteen at a time, with
//! seeded random faults on a third of them, including faults after the server created the
//! invoice (the connection reset in the middle of the answer, a truncated or malformed body).
//! The app does what a user should: when a create fails with an outcome that may have been
//! processed, it looks the reference number up and creates again only if the invoice is
//! absent. Afterwards the server holds exactly the invoices the app holds, each reference
//! once, and every POST the SDK sent more than once per app-level create was refused with
//! 429 first.

use std::collections::{BTreeMap, HashMap, HashSet};

use futures_util::{StreamExt, TryStreamExt, stream};
use secrecy::SecretString;
use zoho_invoice::Client;
use zoho_invoice::invoices::{InvoiceListFilter, ListInvoices};
use zoho_invoice::models::ids::{ContactId, InvoiceId};
use zoho_invoice::query::Paging;
use zoho_invoice_mock::{DEFAULT_ACCESS_TOKEN, Fault, FaultRule, MockConfig, MockServer};

use crate::harness;
use crate::probe::PostLog;

/// Invoices to create.
const CREATES: usize = 1000;
/// Creates in flight at once.
const CONCURRENCY: usize = 16;
/// The seed of the fault plan.
const SEED: u64 = 0x5eed_0ffa_1700;
/// Percent of creates that get a fault armed just before them.
const FAULT_PERCENT: u64 = 33;
/// App-level tries of one create before the test gives up.
const MAX_TRIES: usize = 10;

/// The faults drawn from: refusals (429), failures before the server acts (5xx, an HTML
/// page, a reset before the answer) and failures after it created the invoice.
fn faults() -> Vec<Fault> {
    vec![
        Fault::TooManyRequests,
        Fault::TooManyRequestsRetryAfter(std::time::Duration::from_secs(1)),
        Fault::ServerError(500),
        Fault::ServerError(502),
        Fault::ServerError(503),
        Fault::ServerError(504),
        Fault::HtmlErrorPage(502),
        Fault::ResetBeforeResponse,
        Fault::ResetMidBody,
        Fault::TruncatedBody,
        Fault::MalformedBody,
    ]
}

/// A tiny linear congruential generator (Knuth's MMIX constants): the same plan every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

/// For each create, the fault armed just before it, if any.
fn plan() -> Vec<Option<Fault>> {
    let faults = faults();
    let mut rng = Lcg(SEED);
    (0..CREATES)
        .map(|_| {
            let roll = rng.next() % 100;
            let pick = rng.next() as usize % faults.len();
            (roll < FAULT_PERCENT).then(|| faults[pick].clone())
        })
        .collect()
}

/// How one create ended.
#[derive(Debug)]
struct Created {
    reference: String,
    id: InvoiceId,
    /// `CreateInvoice` calls the app made for it.
    sends: u64,
    /// Lookups that found it after an outcome-unknown failure.
    found: u64,
    /// Lookups that did not find it, so the app created it again.
    absent: u64,
}

/// Creates the invoice `reference`, reconciling failures the way an app should.
async fn create(
    server: &MockServer,
    client: &Client,
    customer: &ContactId,
    reference: String,
    fault: Option<Fault>,
) -> Created {
    if let Some(fault) = fault {
        server.inject(FaultRule::new(fault).method("POST").path("/invoices"));
    }
    let (mut sends, mut absent) = (0, 0);
    for _ in 0..MAX_TRIES {
        sends += 1;
        let error = match client.send(&harness::create(customer, &reference)).await {
            Ok(created) => {
                let id = created.record.invoice_id;
                return Created {
                    reference,
                    id,
                    sends,
                    found: 0,
                    absent,
                };
            }
            Err(error) => error,
        };
        if !error.may_have_been_processed() {
            // Refused unprocessed (429 after the SDK's own retries): simply try again.
            assert!(error.is_rate_limited(), "{reference}: unexpected {error}");
            continue;
        }
        let found = harness::find_by_reference(client, &reference)
            .await
            .expect("the lookup succeeds");
        match found.as_slice() {
            [] => absent += 1,
            [invoice] => {
                return Created {
                    reference,
                    id: invoice.invoice_id.clone(),
                    sends,
                    found: 1,
                    absent,
                };
            }
            more => panic!("{reference} is on the server {} times", more.len()),
        }
    }
    panic!("{reference}: not created after {MAX_TRIES} tries")
}

#[test]
fn a_thousand_creates_under_faults_leave_each_invoice_exactly_once() {
    harness::paused_runtime().block_on(thousand_creates());
}

async fn thousand_creates() {
    let server = harness::server(MockConfig::default()).await;
    let admin = harness::static_client(&server);
    let customer = harness::customer(&admin).await;
    let log = PostLog::default();
    let client = Client::new(
        harness::transport(&server)
            .static_token(SecretString::from(DEFAULT_ACCESS_TOKEN))
            .attempt_layer(log.clone())
            .build()
            .expect("a transport"),
    );
    server.clear_requests();

    let plan = plan();
    let armed: HashSet<String> = plan.iter().flatten().map(|f| format!("{f:?}")).collect();
    assert_eq!(
        armed.len(),
        faults().len(),
        "the seed arms every kind of fault"
    );
    let created: Vec<Created> = stream::iter(plan.into_iter().enumerate())
        .map(|(i, fault)| create(&server, &client, &customer, format!("ND-{i:04}"), fault))
        .buffer_unordered(CONCURRENCY)
        .collect()
        .await;
    server.clear_faults();

    // The server holds exactly the app's invoices, each reference once.
    let listed: Vec<_> = admin
        .records(ListInvoices {
            filter: InvoiceListFilter {
                paging: Paging {
                    page: None,
                    per_page: Some(200),
                },
                ..Default::default()
            },
        })
        .try_collect()
        .await
        .expect("the list");
    let on_server: HashMap<InvoiceId, String> = listed
        .iter()
        .map(|i| {
            (
                i.invoice_id.clone(),
                i.reference_number.clone().expect("a reference"),
            )
        })
        .collect();
    assert_eq!(on_server.len(), listed.len(), "ids are unique");
    let mut per_reference: BTreeMap<&str, usize> = BTreeMap::new();
    for reference in on_server.values() {
        *per_reference.entry(reference).or_default() += 1;
    }
    let twice: Vec<_> = per_reference.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "created more than once: {twice:?}");
    assert_eq!(listed.len(), CREATES, "none missing, none extra");
    let app: HashMap<InvoiceId, String> = created
        .iter()
        .map(|c| (c.id.clone(), c.reference.clone()))
        .collect();
    assert_eq!(app, on_server, "the app's invoices are the server's");

    // No POST was sent twice by the SDK unless the server refused it with 429: per
    // reference, the attempts the transport made all reached the server, and those beyond
    // the app's own calls were refused.
    let mut posts: HashMap<String, u64> = HashMap::new();
    for request in server.requests() {
        if request.operation.as_deref() == Some("POST /invoices") {
            let body = request.json().expect("a JSON body");
            let reference = body["reference_number"].as_str().expect("a reference");
            *posts.entry(reference.to_owned()).or_default() += 1;
        }
    }
    let attempts = log.attempts();
    for c in &created {
        let (sent, refused) = attempts.get(&c.reference).copied().unwrap_or_default();
        assert_eq!(
            posts.get(&c.reference).copied().unwrap_or_default(),
            sent,
            "{}: every attempt reached the server, and nothing else did",
            c.reference
        );
        assert_eq!(
            sent - refused,
            c.sends,
            "{}: the SDK sent a POST again that was not refused",
            c.reference
        );
    }
    assert_eq!(posts.len(), CREATES);
    assert_eq!(posts.values().sum::<u64>(), server.count("POST /invoices"));

    // The faults did their work: some creates were found after an unknown outcome, some
    // were absent and created again, and the SDK re-sent some refused POSTs itself.
    let found: u64 = created.iter().map(|c| c.found).sum();
    let absent: u64 = created.iter().map(|c| c.absent).sum();
    let refused: u64 = attempts.values().map(|(_, r)| r).sum();
    assert!(found > 0, "no create was found after an unknown outcome");
    assert!(absent > 0, "no create was absent after an unknown outcome");
    assert!(refused > 0, "no POST was refused with 429");
    println!(
        "{CREATES} creates: {} POSTs reached the server; {refused} refused with 429 and \
         re-sent by the SDK; {found} found by reference after an unknown outcome; {absent} \
         absent and created again",
        server.count("POST /invoices")
    );
}
