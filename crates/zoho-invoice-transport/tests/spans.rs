//! The call span: it names the operation and its path template, never the ids. (Its own test
//! binary: tracing caches, per call site, whether anyone listens, so no other test may run
//! beside it without a subscriber.)

#![allow(clippy::unwrap_used)]

use std::sync::{Arc, Mutex};

use http::{Method, StatusCode};
use secrecy::SecretString;
use zoho_invoice_transport::{
    ApiRequest, ApiResponse, Error, FixedRandom, HttpTransport, Operation, Region, Timeouts,
    Transport,
};

/// Answers 503 to the first request, then success.
fn flaky() -> impl tower::Service<
    ApiRequest,
    Response = ApiResponse,
    Error = Error,
    Future = impl Future<Output = Result<ApiResponse, Error>> + Send,
> + Clone
+ Send
+ Sync
+ 'static {
    let answered = Arc::new(Mutex::new(0));
    tower::service_fn(move |_request: ApiRequest| {
        let answered = answered.clone();
        async move {
            let mut answered = answered.lock().unwrap();
            *answered += 1;
            let status = if *answered == 1 {
                StatusCode::SERVICE_UNAVAILABLE
            } else {
                StatusCode::OK
            };
            Ok::<_, Error>(ApiResponse::new(status, r#"{"code":0}"#))
        }
    })
}

fn builder() -> zoho_invoice_transport::TransportBuilder {
    HttpTransport::builder()
        .region(Region::Eu)
        .static_token(SecretString::from("1000.token"))
        .organization_id("10234695")
        .timeouts(Timeouts::none())
        .random(Arc::new(FixedRandom(0.5)))
}

/// A log sink for a tracing subscriber.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(start_paused = true)]
async fn spans_name_the_operation_and_its_template_never_the_ids() {
    let captured = Captured::default();
    let sink = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .with_ansi(false)
        .with_writer(move || sink.clone())
        .finish();
    let _default = tracing::subscriber::set_default(subscriber);
    let transport = builder().http_service(flaky()).build().unwrap();
    let operation = Operation::new(
        "Invoices",
        "Get an invoice",
        Method::GET,
        "/invoices/{invoice_id}",
    );
    transport
        .send(
            ApiRequest::get("/invoices/982000000567114?print=true")
                .unwrap()
                .with_operation(operation),
        )
        .await
        .unwrap();
    // A request that names no operation: its path with the ids taken out.
    transport
        .send(ApiRequest::get("/contacts/460000000026049/address").unwrap())
        .await
        .unwrap();
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    for expected in [
        r#"resource="Invoices""#,
        r#"operation="Get an invoice""#,
        r#"path="/invoices/{invoice_id}""#,
        "status=200",
        "attempts=2",
        r#"path="/contacts/{id}/address""#,
    ] {
        assert!(log.contains(expected), "no {expected} in\n{log}");
    }
    assert!(!log.contains("982000000567114"), "{log}");
    assert!(!log.contains("460000000026049"), "{log}");
}
