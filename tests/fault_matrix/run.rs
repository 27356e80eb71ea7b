//! Runs one cell of the matrix: a fresh fake server, the fault armed once, one call through
//! the SDK, then what reached the server and what the server holds.

use std::sync::Arc;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use zoho_invoice::invoices::{DeleteInvoice, GetInvoice, InvoiceListFilter, ListInvoices};
use zoho_invoice::invoices::{UpdateInvoice, UpdateInvoiceOptions};
use zoho_invoice::models::ids::{ContactId, InvoiceId};
use zoho_invoice::transport::{Timeouts, TokenError};
use zoho_invoice::{Client, Error};
use zoho_invoice_mock::{
    API_PATH_PREFIX, DEFAULT_ACCESS_TOKEN, DEFAULT_CLIENT_SECRET, Fault, FaultRule, MockConfig,
    MockServer,
};

use crate::cases::{ATTEMPT_LIMIT, Case, Effect, ErrorKind, HELD_BACK, Injected, Method, Outcome};
use crate::harness::{self, ClockHold, TOKEN_OPERATION, Waits};

/// The reference number of the invoice a POST cell creates.
const CELL_REFERENCE: &str = "MATRIX-CELL";
/// The notes a PUT cell writes.
const NOTES: &str = "updated by the fault matrix";
/// A refresh token the accounts server does not know.
const UNKNOWN_REFRESH_TOKEN: &str = "1000.unknown0refresh0token.0000";

/// What one cell showed.
#[derive(Debug)]
pub(crate) struct Actual {
    /// The call's outcome.
    pub(crate) outcome: Outcome,
    /// Requests that reached the API operation.
    pub(crate) api: u64,
    /// Requests that reached the token endpoint.
    pub(crate) token: u64,
    /// Requests that reached any other API operation (never expected).
    pub(crate) stray: u64,
    /// The server's state afterwards.
    pub(crate) effect: Effect,
    /// The waits the retry layer took.
    pub(crate) waits: Vec<Duration>,
    /// A secret shown by the error's `Display` or `Debug` (never expected).
    pub(crate) leaked: Option<&'static str>,
}

/// Runs the cell on a runtime of its own, with tokio's clock paused.
pub(crate) fn run(case: &Case, method: Method) -> Actual {
    harness::paused_runtime().block_on(cell(case, method))
}

async fn cell(case: &Case, method: Method) -> Actual {
    let config = match case.injected {
        // One token a window: the warm-up of another client uses it up.
        Injected::AccountsThrottle => {
            MockConfig::default().with_token_throttle(1, Duration::from_secs(600))
        }
        _ => MockConfig::default(),
    };
    let server = harness::server(config).await;
    // In the timeout row the clock moves only when the test says.
    let hold = matches!(case.injected, Injected::Timeout).then(ClockHold::new);
    let admin = harness::static_client(&server);
    let customer = harness::customer(&admin).await;
    let target = match method {
        Method::Post => None,
        _ => Some(
            admin
                .send(&harness::create(&customer, "MATRIX-TARGET"))
                .await
                .expect("the target invoice")
                .record
                .invoice_id,
        ),
    };

    let waits = Waits::default();
    let (client, refresh) = client(case, &server, &waits).await;
    server.clear_requests();
    waits.clear();

    let only_here = |fault| {
        FaultRule::new(fault)
            .times(1)
            .method(method.name())
            .path("/invoices")
    };
    match &case.injected {
        Injected::Api(fault) => server.inject(only_here(fault.clone())),
        Injected::Timeout => server.inject(only_here(Fault::Delay(HELD_BACK))),
        Injected::ExpiredToken => server.expire_tokens(),
        Injected::AccountsThrottle | Injected::InvalidCode => {}
    }

    let call = call(client.clone(), method, customer.clone(), target.clone());
    let result = match hold {
        None => call.await,
        Some(_) => {
            let task = tokio::spawn(call);
            harness::until("the request reaches the server", || {
                server.count(method.operation()) >= 1
            })
            .await;
            tokio::time::advance(ATTEMPT_LIMIT + Duration::from_millis(1)).await;
            task.await.expect("the call does not panic")
        }
    };

    let api = server.count(method.operation());
    let token = server.count(TOKEN_OPERATION);
    let all_api = server
        .requests()
        .iter()
        .filter(|r| r.path.starts_with(API_PATH_PREFIX))
        .count() as u64;
    server.clear_faults();
    let effect = effect(&admin, method, target.as_ref()).await;
    let (outcome, leaked) = match &result {
        Ok(()) => (Outcome::Ok, None),
        Err(e) => (
            Outcome::Err {
                kind: classify(e),
                unknown: e.may_have_been_processed(),
            },
            leak(e, refresh.as_ref()),
        ),
    };
    drop((client, admin));
    drop(server);
    if let Some(hold) = hold {
        hold.release().await;
    }
    Actual {
        outcome,
        api,
        token,
        stray: all_api - api,
        effect,
        waits: waits.taken(),
        leaked,
    }
}

/// The client the cell calls through, and its refresh token if it has one.
async fn client(case: &Case, server: &MockServer, waits: &Waits) -> (Client, Option<SecretString>) {
    let mut builder = harness::transport(server).sleeper(Arc::new(waits.clone()));
    if matches!(case.injected, Injected::Timeout) {
        builder = builder.timeouts(Timeouts {
            connect: None,
            attempt: Some(ATTEMPT_LIMIT),
            total: None,
        });
    }
    let with_refresh = |builder: zoho_invoice::transport::TransportBuilder, refresh| {
        Client::new(
            builder
                .refresh_token(harness::credentials(), refresh)
                .build()
                .expect("a transport"),
        )
    };
    match case.injected {
        Injected::ExpiredToken => {
            let refresh = harness::refresh_token(server).await;
            let client = with_refresh(builder, refresh.clone());
            warm_up(&client).await;
            (client, Some(refresh))
        }
        Injected::AccountsThrottle => {
            let refresh = harness::refresh_token(server).await;
            warm_up(&with_refresh(harness::transport(server), refresh.clone())).await;
            (with_refresh(builder, refresh.clone()), Some(refresh))
        }
        Injected::InvalidCode => {
            let refresh = SecretString::from(UNKNOWN_REFRESH_TOKEN);
            (with_refresh(builder, refresh.clone()), Some(refresh))
        }
        Injected::Api(_) | Injected::Timeout => {
            let transport = builder
                .static_token(SecretString::from(DEFAULT_ACCESS_TOKEN))
                .build()
                .expect("a transport");
            (Client::new(transport), None)
        }
    }
}

/// A first call, so the client holds an access token.
async fn warm_up(client: &Client) {
    client
        .send(&ListInvoices {
            filter: InvoiceListFilter::default(),
        })
        .await
        .expect("the warm-up call succeeds");
}

/// The cell's call.
async fn call(
    client: Client,
    method: Method,
    customer: ContactId,
    target: Option<InvoiceId>,
) -> Result<(), Error> {
    let target = || target.clone().expect("a target invoice");
    match method {
        Method::Get => client
            .send(&GetInvoice {
                invoice_id: target(),
            })
            .await
            .map(drop),
        Method::Post => client
            .send(&harness::create(&customer, CELL_REFERENCE))
            .await
            .map(drop),
        Method::Put => client
            .send(&UpdateInvoice {
                invoice_id: target(),
                invoice: harness::invoice(&customer, CELL_REFERENCE).notes(NOTES),
                options: UpdateInvoiceOptions::default(),
            })
            .await
            .map(drop),
        Method::Delete => client
            .send(&DeleteInvoice {
                invoice_id: target(),
            })
            .await
            .map(drop),
    }
}

/// What the server holds after the call, asked by a client without faults.
async fn effect(admin: &Client, method: Method, target: Option<&InvoiceId>) -> Effect {
    let get = |id: &InvoiceId| {
        let op = GetInvoice {
            invoice_id: id.clone(),
        };
        async move { admin.send(&op).await }
    };
    let applied = |yes| {
        if yes {
            Effect::Applied
        } else {
            Effect::NotApplied
        }
    };
    match (method, target) {
        (Method::Get, _) => Effect::None,
        (Method::Post, _) => {
            let found = harness::find_by_reference(admin, CELL_REFERENCE)
                .await
                .expect("the lookup succeeds");
            match found.len() {
                0 => Effect::NotApplied,
                1 => Effect::Applied,
                n => Effect::Duplicated(n),
            }
        }
        (Method::Put, Some(id)) => {
            let invoice = get(id).await.expect("the invoice is there").record;
            applied(invoice.notes.as_deref() == Some(NOTES))
        }
        (Method::Delete, Some(id)) => match get(id).await {
            Ok(_) => Effect::NotApplied,
            Err(e) if e.is_not_found() => Effect::Applied,
            Err(e) => panic!("the check failed: {e}"),
        },
        (_, None) => unreachable!("PUT and DELETE cells have a target"),
    }
}

/// Which typed error `e` is, by the predicates a user would call.
fn classify(e: &Error) -> ErrorKind {
    use zoho_invoice::ErrorKind as Kind;
    if e.is_decode() {
        return ErrorKind::Decode;
    }
    let t = e;
    if e.is_invalid_input() {
        return ErrorKind::Other(format!("{e:?}"));
    }
    if t.is_timeout() {
        ErrorKind::Timeout
    } else if t.is_network() {
        ErrorKind::Network
    } else if t.is_rate_limited() && matches!(t.kind(), Kind::Token(TokenError::Throttled { .. })) {
        ErrorKind::Throttled
    } else if t.is_unauthorized()
        && matches!(t.kind(), Kind::Token(token) if token.error_code() == Some("invalid_code"))
    {
        ErrorKind::InvalidCode
    } else if e.is_not_found() {
        ErrorKind::NotFound
    } else if let Some(status) = t.status() {
        ErrorKind::Status(status.as_u16())
    } else {
        ErrorKind::Other(format!("{e:?}"))
    }
}

/// A secret that the error shows, if any.
fn leak(e: &Error, refresh: Option<&SecretString>) -> Option<&'static str> {
    let shown = format!("{e} {e:?}");
    if shown.contains(DEFAULT_ACCESS_TOKEN) {
        Some("the access token")
    } else if shown.contains(DEFAULT_CLIENT_SECRET) {
        Some("the client secret")
    } else if refresh.is_some_and(|r| shown.contains(r.expose_secret())) {
        Some("the refresh token")
    } else {
        None
    }
}
