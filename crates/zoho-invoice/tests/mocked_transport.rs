//! The light build: `zoho-invoice` with `default-features = false` (no hyper, no rustls)
//! works over a transport of the user's, and over the default tower stack given an HTTP
//! service of the user's. CI runs this file with
//! `--no-default-features --features invoices`.

#![cfg(feature = "invoices")]
#![allow(clippy::unwrap_used)]

use std::sync::{Arc, Mutex};

use secrecy::SecretString;
use zoho_invoice::Client;
use zoho_invoice::invoices::GetInvoice;
use zoho_invoice::transport::{ApiRequest, ApiResponse, Error, HttpTransport, Region, Transport};

const INVOICE: &str = r#"{"code":0,"message":"success","invoice":{"invoice_id":"982000000567114","invoice_number":"INV-00003","total":40.60}}"#;

/// A transport that answers from a table and writes down what it was asked.
#[derive(Default)]
struct Canned {
    seen: Mutex<Vec<(String, Option<String>)>>,
}

#[async_trait::async_trait]
impl Transport for Canned {
    async fn send(&self, request: ApiRequest) -> Result<ApiResponse, Error> {
        let operation = request.operation().map(|op| op.name.to_owned());
        self.seen
            .lock()
            .unwrap()
            .push((request.path().to_owned(), operation));
        let response = match request.path() {
            "/invoices/982000000567114" => ApiResponse::json_ok(INVOICE),
            _ => ApiResponse::new(
                http::StatusCode::NOT_FOUND,
                r#"{"code":1002,"message":"Invoice does not exist."}"#,
            ),
        };
        response.error_for_status()
    }
}

#[tokio::test]
async fn a_mocked_transport_serves_the_typed_client() {
    let transport = Arc::new(Canned::default());
    let client = Client::from_shared(transport.clone());
    let invoice = client
        .send(&GetInvoice {
            invoice_id: "982000000567114".parse().unwrap(),
        })
        .await
        .unwrap()
        .record;
    assert_eq!(invoice.invoice_number.as_deref(), Some("INV-00003"));
    let missing = client
        .send(&GetInvoice {
            invoice_id: "1".parse().unwrap(),
        })
        .await
        .unwrap_err();
    assert!(missing.is_not_found(), "{missing}");
    assert_eq!(
        missing.operation().map(|op| op.name),
        Some("Get an invoice")
    );
    assert!(
        missing
            .to_string()
            .starts_with("Invoices / Get an invoice: ")
    );
    let seen = transport.seen.lock().unwrap().clone();
    assert_eq!(
        seen,
        [
            (
                "/invoices/982000000567114".to_owned(),
                Some("Get an invoice".to_owned())
            ),
            ("/invoices/1".to_owned(), Some("Get an invoice".to_owned())),
        ]
    );
}

#[tokio::test]
async fn the_default_stack_runs_over_an_http_service_of_ones_own() {
    let service = tower::service_fn(|request: ApiRequest| async move {
        assert_eq!(
            request.uri(),
            "https://www.zohoapis.eu/invoice/v3/invoices/982000000567114"
        );
        assert_eq!(
            request.headers()["x-com-zoho-invoice-organizationid"],
            "10234695"
        );
        Ok::<_, Error>(ApiResponse::json_ok(INVOICE))
    });
    let builder = || {
        HttpTransport::builder()
            .region(Region::Eu)
            .static_token(SecretString::from("1000.abc"))
            .organization_id("10234695")
    };
    // No HTTP client is compiled in: without a service of one's own, building says so.
    #[cfg(not(feature = "client"))]
    {
        let error = builder().build().unwrap_err();
        assert!(
            matches!(error.kind(), zoho_invoice::ErrorKind::Config(_)),
            "{error}"
        );
        assert!(error.to_string().contains("`client` feature"), "{error}");
    }
    let client = Client::new(builder().http_service(service).build().unwrap());
    let invoice = client
        .send(&GetInvoice {
            invoice_id: "982000000567114".parse().unwrap(),
        })
        .await
        .unwrap()
        .record;
    assert_eq!(invoice.invoice_id.as_str(), "982000000567114");
}

/// A transport that answers every request with HTTP 200 and a fixed body, unchecked.
struct Unchecked(&'static str);

#[async_trait::async_trait]
impl Transport for Unchecked {
    async fn send(&self, _request: ApiRequest) -> Result<ApiResponse, Error> {
        Ok(ApiResponse::json_ok(self.0))
    }
}

#[tokio::test]
async fn an_error_answered_with_200_is_an_error_whatever_the_transport() {
    let cases = [
        (r#"{"error":"Access Denied"}"#, None, "Access Denied"),
        (
            r#"{"code":1002,"message":"Invoice does not exist."}"#,
            Some(1002),
            "Invoice does not exist.",
        ),
    ];
    for (body, code, message) in cases {
        let client = Client::new(Unchecked(body));
        let err = client
            .send(&GetInvoice::new(
                "982000000567114"
                    .parse::<zoho_invoice::models::ids::InvoiceId>()
                    .unwrap(),
            ))
            .await
            .unwrap_err();
        assert_eq!(err.code(), code, "{body}: {err}");
        assert_eq!(err.message(), Some(message), "{body}");
        assert!(err.to_string().contains("Get an invoice"), "{err}");
        let raw = client
            .raw(http::Method::GET, "/invoices", &[], None)
            .await
            .unwrap_err();
        assert_eq!(raw.message(), Some(message), "{body}");
    }
}

/// A transport that answers with HTTP 200 and bytes that are not UTF-8.
struct NotUtf8;

#[async_trait::async_trait]
impl Transport for NotUtf8 {
    async fn send(&self, _request: ApiRequest) -> Result<ApiResponse, Error> {
        Ok(ApiResponse::new(
            http::StatusCode::OK,
            bytes::Bytes::from_static(
                b"{\"code\":0,\"invoice\":{\"invoice_id\":\"1\",\"notes\":\"\xff\xfe\"}}",
            ),
        ))
    }
}

#[tokio::test]
async fn an_answer_that_is_not_utf8_is_a_decode_error_naming_the_operation() {
    let client = Client::new(NotUtf8);
    let err = client
        .send(&GetInvoice::new(
            "982000000567114"
                .parse::<zoho_invoice::models::ids::InvoiceId>()
                .unwrap(),
        ))
        .await
        .unwrap_err();
    assert!(
        matches!(err.kind(), zoho_invoice::ErrorKind::Decode(_)),
        "{err}"
    );
    assert!(err.to_string().contains("not UTF-8"), "{err}");
    assert!(err.to_string().contains("Get an invoice"), "{err}");
}
