//! Secrets: a whole invoicing workflow on the refresh-token flow, with a TRACE subscriber
//! capturing every log line, including a token rejected by the server (401 and replay), a
//! throttled refresh, a refused client secret and API errors. Neither the logs nor the
//! `Debug`/`Display` of any public value built along the way shows the client secret, the
//! refresh token, the grant code or any access token.

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::TryStreamExt;
use secrecy::{ExposeSecret, SecretString};
use tracing_subscriber::fmt::format::FmtSpan;
use zoho_invoice::ErrorKind;
use zoho_invoice::contacts::CreateContact;
use zoho_invoice::customer_payments::CreateCustomerPayment;
use zoho_invoice::invoices::{
    CreateInvoice, DownloadInvoice, GetInvoice, InvoiceListFilter, ListInvoices, MarkInvoiceSent,
};
use zoho_invoice::items::CreateItem;
use zoho_invoice::models::contacts::ContactInput;
use zoho_invoice::models::customer_payments::{PaymentInput, PaymentInvoiceInput, PaymentMode};
use zoho_invoice::models::ids::InvoiceId;
use zoho_invoice::models::invoices::{InvoiceInput, InvoiceLineItemInput};
use zoho_invoice::models::items::ItemInput;
use zoho_invoice::models::{Decimal, NaiveDate};
use zoho_invoice::transport::{
    AccessToken, ApiRequest, ClientCredentials, HttpTransport, StaticToken, TokenError,
};
use zoho_invoice::{Client, Endpoint};
use zoho_invoice_mock::{DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, MockConfig, MockServer};

use crate::support::{alone, builder, credentials, runtime};

/// A client secret the accounts server does not know: it must not leak either.
const WRONG_SECRET: &str = "wrong-client-secret-4f1d";

/// Log lines, as the subscriber wrote them.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Every secret the run handled, and the prefixes of every token the fake server mints (so
/// that a token the test never saw is caught too).
#[derive(Default)]
struct Secrets(Vec<String>);

impl Secrets {
    fn add(&mut self, secret: &SecretString) {
        self.0.push(secret.expose_secret().to_owned());
    }

    fn assert_absent(&self, what: &str, text: &str) {
        for secret in &self.0 {
            assert!(
                !text.contains(secret.as_str()),
                "{what} shows a secret: {text}"
            );
        }
        for prefix in ["1000.acc", "1000.ref", "1000.code"] {
            assert!(!text.contains(prefix), "{what} shows a token: {text}");
        }
    }
}

/// Debug and Display of a value.
fn shown<T: std::fmt::Debug + std::fmt::Display>(value: &T) -> String {
    format!("{value:?} {value}")
}

async fn current_token(transport: &HttpTransport) -> AccessToken {
    transport
        .token_source()
        .token()
        .await
        .expect("a current token")
}

/// Runs the workflow; returns what must be checked.
async fn workflow(secrets: &mut Secrets, shown_values: &mut Vec<(&'static str, String)>) {
    // At most 2 refreshes per 10 minutes, so that the run meets the throttle.
    let config = MockConfig::default()
        .with_static_token(None)
        .with_token_throttle(2, Duration::from_secs(600));
    let server = MockServer::start_with(config)
        .await
        .expect("the fake server");
    secrets.0.push(DEFAULT_CLIENT_SECRET.to_owned());
    secrets.0.push(WRONG_SECRET.to_owned());

    let oauth = builder(&server).build_oauth_client(credentials()).unwrap();
    let grant = server.grant_code();
    secrets.0.push(grant.clone());
    let tokens = oauth
        .exchange_code(&grant, "https://example.com/callback")
        .await
        .unwrap();
    secrets.add(&tokens.access_token);
    let refresh = tokens.refresh_token.clone().unwrap();
    secrets.add(&refresh);
    shown_values.push(("OAuthClient", format!("{oauth:?}")));
    shown_values.push(("TokenSet", format!("{tokens:?}")));
    shown_values.push(("ClientCredentials", format!("{:?}", credentials())));

    let make = || builder(&server).refresh_token(credentials(), refresh.clone());
    shown_values.push(("TransportBuilder", format!("{:?}", make())));
    let transport = make().build().unwrap();
    let client = Client::new(transport.clone());

    // The invoicing workflow.
    let contact = ContactInput::new("Bowman and Co");
    let create_contact = CreateContact { contact };
    shown_values.push(("CreateContact", format!("{create_contact:?}")));
    shown_values.push((
        "ApiRequest of CreateContact",
        format!("{:?}", create_contact.request().unwrap()),
    ));
    let customer = client.send(&create_contact).await.unwrap().record;
    let token = current_token(&transport).await;
    secrets.add(token.secret());
    let customer_id = customer.contact_id;
    let item = ItemInput::new("Hard Drive", Decimal::from(120));
    let item = client.send(&CreateItem { item }).await.unwrap().record;
    let invoice = InvoiceInput::new(
        customer_id.clone(),
        vec![InvoiceLineItemInput {
            item_id: Some(item.item_id),
            quantity: Some(Decimal::from(2)),
            ..Default::default()
        }],
    );
    let invoice = client
        .send(&CreateInvoice {
            invoice,
            options: Default::default(),
        })
        .await
        .unwrap()
        .record;
    let invoice_id = invoice.invoice_id;
    client
        .send(&MarkInvoiceSent {
            invoice_id: invoice_id.clone(),
        })
        .await
        .unwrap();

    // The server drops the token: 401, one refresh, the call replayed.
    server.expire_tokens();
    let total = invoice.total.unwrap();
    let payment = PaymentInput::new(
        customer_id,
        PaymentMode::Cash,
        total,
        server.today().parse::<NaiveDate>().unwrap(),
        vec![PaymentInvoiceInput::new(invoice_id.clone(), total)],
    );
    client
        .send(&CreateCustomerPayment { payment })
        .await
        .unwrap();
    let token = current_token(&transport).await;
    secrets.add(token.secret());
    let header = token.header_value().unwrap();
    assert!(header.is_sensitive());
    shown_values.push(("AccessToken", format!("{token:?}")));
    shown_values.push(("the Authorization header value", format!("{header:?}")));
    let mut request = ApiRequest::get("/invoices").unwrap();
    request.headers_mut().insert("authorization", header);
    shown_values.push(("ApiRequest with Authorization", format!("{request:?}")));

    let pdf = client
        .send(&DownloadInvoice {
            invoice_id: invoice_id.clone(),
            options: Default::default(),
        })
        .await
        .unwrap();
    assert!(pdf.bytes.starts_with(b"%PDF"));
    shown_values.push(("Download", format!("{pdf:?}")));
    let listed: Vec<_> = client
        .records(ListInvoices {
            filter: InvoiceListFilter::default(),
        })
        .try_collect()
        .await
        .unwrap();
    assert!(!listed.is_empty());

    // API errors.
    let missing: InvoiceId = "982000000000000001".parse().unwrap();
    let error = client
        .send(&GetInvoice {
            invoice_id: missing,
        })
        .await
        .unwrap_err();
    assert!(error.is_not_found());
    shown_values.push(("Error (not found)", shown(&error)));
    let invalid = "../x".parse::<InvoiceId>().unwrap_err();
    shown_values.push(("InvalidId", shown(&zoho_invoice::Error::from(invalid))));

    // Past the accounts server's allowance: the refresh is throttled.
    server.expire_tokens();
    let error = client.send(&GetInvoice { invoice_id }).await.unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::Token(TokenError::Throttled { .. })),
        "{error}"
    );
    shown_values.push(("Error (throttled)", shown(&error)));

    // A client secret the accounts server refuses.
    let wrong = ClientCredentials::new(DEFAULT_CLIENT_ID, SecretString::from(WRONG_SECRET));
    shown_values.push(("ClientCredentials (wrong)", format!("{wrong:?}")));
    let refused = Client::new(
        builder(&server)
            .refresh_token(wrong, refresh.clone())
            .build()
            .unwrap(),
    );
    let error = refused
        .send(&ListInvoices {
            filter: InvoiceListFilter::default(),
        })
        .await
        .unwrap_err();
    assert!(error.is_unauthorized(), "{error}");
    shown_values.push(("Error (refused client)", shown(&error)));
    if let ErrorKind::Token(token_error) = error.kind() {
        shown_values.push(("TokenError", shown(token_error)));
    }

    // What remains: the transport, the client, the token source, other tokens.
    shown_values.push(("HttpTransport", format!("{transport:?}")));
    shown_values.push(("token source", format!("{:?}", transport.token_source())));
    shown_values.push(("Client", format!("{client:?}")));
    let fixed = StaticToken::new(token.secret().clone());
    shown_values.push(("StaticToken", format!("{fixed:?}")));
    shown_values.push(("SecretString", format!("{:?}", token.secret())));
    let blocking = zoho_invoice_blocking::Client::builder(make()).timeout(Duration::from_secs(60));
    shown_values.push(("blocking ClientBuilder", format!("{blocking:?}")));
}

#[test]
fn no_secret_in_trace_logs_or_in_any_debug_or_display() {
    let captured = Captured::default();
    let sink = captured.clone();
    let mut secrets = Secrets::default();
    let mut values = Vec::new();
    // The subscriber exists only while no other test runs: tracing caches, per call site,
    // whether anyone listens, and a call site first reached on another thread while this
    // subscriber is the only one would be cached as unheard here too.
    alone(|| {
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_span_events(FmtSpan::NEW | FmtSpan::CLOSE)
            .with_writer(move || sink.clone())
            .with_ansi(false)
            .finish();
        tracing::subscriber::with_default(subscriber, || {
            runtime(false).block_on(workflow(&mut secrets, &mut values));
        });
    });

    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    // The capture works: the call spans, the refreshes, the replay and the throttle are there.
    for expected in [
        "zoho_invoice.call",
        r#"path="/contacts""#,
        "refreshing the access token",
        "replaying once with a new token",
        "token refresh failed",
        "status=404",
    ] {
        assert!(
            logs.contains(expected),
            "no {expected:?} in the logs:\n{logs}"
        );
    }
    println!(
        "{} log lines, {} values shown, {} secrets checked",
        logs.lines().count(),
        values.len(),
        secrets.0.len()
    );
    secrets.assert_absent("the TRACE logs", &logs);
    for (what, text) in &values {
        secrets.assert_absent(what, text);
    }
}
