//! Mocking the whole client in your own tests: a hand-written [`Transport`] that answers with
//! canned Zoho JSON and records what it was asked, given to `zoho_invoice::Client::new`.
//! Nothing goes over the network, not even to loopback.
//!
//! `cargo run --example mock_transport` shows it; `cargo test --example mock_transport` runs
//! the tests at the bottom of this file, which is how you would use it.

use std::sync::Mutex;

use futures_util::TryStreamExt;
use http::StatusCode;
use zoho_invoice::Client;
use zoho_invoice::models::ids::InvoiceId;
use zoho_invoice::transport::{ApiRequest, ApiResponse, Error, Transport};

/// What a test gets from [`CannedZoho`]: a status and a JSON body.
type Answer = (StatusCode, &'static str);

/// A fake Zoho Invoice: answers requests from a table of canned JSON bodies, keyed by method
/// and path-and-query, and records every request it is asked to send.
///
/// Anything not in the table gets Zoho's "does not exist" answer (HTTP 404, code 1002).
struct CannedZoho {
    answers: Vec<(&'static str, &'static str, Answer)>,
    sent: Mutex<Vec<String>>,
}

impl CannedZoho {
    /// A transport answering `answers`: (method, path and query, answer).
    fn new(answers: Vec<(&'static str, &'static str, Answer)>) -> Self {
        Self {
            answers,
            sent: Mutex::new(Vec::new()),
        }
    }

    /// The requests sent so far, as `METHOD path?query`.
    fn sent(&self) -> Vec<String> {
        self.sent.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

const NOT_FOUND: Answer = (
    StatusCode::NOT_FOUND,
    r#"{"code": 1002, "message": "Invoice does not exist."}"#,
);

#[async_trait::async_trait]
impl Transport for CannedZoho {
    async fn send(&self, request: ApiRequest) -> Result<ApiResponse, Error> {
        let target = request
            .uri()
            .path_and_query()
            .map_or_else(|| request.path().to_owned(), |p| p.as_str().to_owned());
        let method = request.method().as_str().to_owned();
        self.sent
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(format!("{method} {target}"));
        let (status, body) = self
            .answers
            .iter()
            .find(|(m, t, _)| *m == method && *t == target)
            .map_or(NOT_FOUND, |(_, _, answer)| *answer);
        let mut response = ApiResponse::new(status, body);
        response.headers_mut().insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("application/json"),
        );
        // As the default transport does: an error status or a non-zero `code` is an `Err`.
        response.error_for_status()
    }
}

const INVOICE: &str = r#"{
  "code": 0,
  "message": "success",
  "invoice": {
    "invoice_id": "982000000567114",
    "invoice_number": "INV-00003",
    "date": "2013-11-17",
    "status": "sent",
    "customer_id": "982000000567001",
    "customer_name": "Bowman & Co",
    "currency_code": "USD",
    "total": 1234.50,
    "balance": 1234.50,
    "last_modified_time": "2013-11-18T02:17:40-0800"
  }
}"#;

const PAGE_1: &str = r#"{
  "code": 0,
  "message": "success",
  "invoices": [
    {"invoice_id": "982000000567114", "invoice_number": "INV-00003", "total": 1234.50, "status": "sent"},
    {"invoice_id": "982000000567115", "invoice_number": "INV-00004", "total": "80.10", "status": "draft"}
  ],
  "page_context": {"page": 1, "per_page": 200, "has_more_page": true}
}"#;

const PAGE_2: &str = r#"{
  "code": 0,
  "message": "success",
  "invoices": [
    {"invoice_id": 982000000567116, "invoice_number": "INV-00005", "total": 0.10, "status": "paid"}
  ],
  "page_context": {"page": 2, "per_page": 200, "has_more_page": false}
}"#;

/// The canned answers the demonstration and the tests use.
fn canned() -> CannedZoho {
    CannedZoho::new(vec![
        (
            "GET",
            "/invoices/982000000567114",
            (StatusCode::OK, INVOICE),
        ),
        (
            "GET",
            "/invoices?page=1&per_page=200",
            (StatusCode::OK, PAGE_1),
        ),
        (
            "GET",
            "/invoices?page=2&per_page=200",
            (StatusCode::OK, PAGE_2),
        ),
    ])
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    match demo().await {
        Ok(lines) => {
            for line in lines {
                println!("{line}");
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}

/// What `main` shows: a typed get, a list walked across two pages, a typed "not found", and
/// the requests the client sent. Returns the lines to print.
async fn demo() -> Result<Vec<String>, zoho_invoice::Error> {
    let transport = std::sync::Arc::new(canned());
    // `Client::new` takes any `Transport`; an `Arc` lets the test keep a handle on it.
    let client = Client::new(transport.clone());
    let mut lines = Vec::new();

    let invoice = client
        .invoices()
        .get("982000000567114".parse::<InvoiceId>()?)
        .await?;
    lines.push(format!(
        "Got {} for {}: total {} {}, status {}",
        invoice.invoice_number.unwrap_or_default(),
        invoice.customer_name.unwrap_or_default(),
        invoice.currency_code.unwrap_or_default(),
        invoice.total.unwrap_or_default(),
        invoice.status.map(|s| s.to_string()).unwrap_or_default(),
    ));

    let all: Vec<_> = client.invoices().list().records().try_collect().await?;
    let numbers: Vec<_> = all
        .iter()
        .filter_map(|i| i.invoice_number.as_deref())
        .collect();
    lines.push(format!(
        "Listed {} invoices over two pages: {}",
        all.len(),
        numbers.join(", ")
    ));

    let missing = client.invoices().get("1".parse::<InvoiceId>()?).await;
    match missing {
        Err(e) if e.is_not_found() => lines.push(format!("Not found, as expected: {e}")),
        Err(e) => return Err(e),
        Ok(_) => lines.push("Invoice 1 was found, which the canned answers do not say".into()),
    }

    for request in transport.sent() {
        lines.push(format!("Sent: {request}"));
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_get_decodes_the_canned_invoice_exactly() {
        let transport = std::sync::Arc::new(canned());
        let client = Client::new(transport.clone());
        let invoice = client
            .invoices()
            .get("982000000567114".parse::<InvoiceId>().unwrap())
            .await
            .unwrap();
        assert_eq!(invoice.invoice_number.as_deref(), Some("INV-00003"));
        assert_eq!(invoice.customer_name.as_deref(), Some("Bowman & Co"));
        // Money keeps the text of the JSON number: 1234.50, not 1234.5.
        assert_eq!(
            invoice.total.map(|t| t.to_string()).as_deref(),
            Some("1234.50")
        );
        assert_eq!(
            invoice.status.map(|s| s.to_string()).as_deref(),
            Some("sent")
        );
        assert_eq!(
            invoice.date.map(|d| d.to_string()).as_deref(),
            Some("2013-11-17")
        );
        assert_eq!(transport.sent(), ["GET /invoices/982000000567114"]);
    }

    #[tokio::test]
    async fn a_list_walks_every_page_and_stops_after_the_last() {
        let transport = std::sync::Arc::new(canned());
        let client = Client::new(transport.clone());
        let invoices: Vec<_> = client
            .invoices()
            .list()
            .records()
            .try_collect()
            .await
            .unwrap();
        let ids: Vec<_> = invoices
            .iter()
            .map(|i| i.invoice_id.as_str().to_owned())
            .collect();
        // The second page sends its id as a bare number: every digit is kept.
        assert_eq!(
            ids,
            ["982000000567114", "982000000567115", "982000000567116"]
        );
        let totals: Vec<_> = invoices
            .iter()
            .map(|i| i.total.unwrap().to_string())
            .collect();
        assert_eq!(totals, ["1234.50", "80.10", "0.10"]);
        assert_eq!(
            transport.sent(),
            [
                "GET /invoices?page=1&per_page=200",
                "GET /invoices?page=2&per_page=200"
            ]
        );
    }

    #[tokio::test]
    async fn an_unknown_invoice_is_a_typed_not_found_error() {
        let client = Client::new(canned());
        let error = client
            .invoices()
            .get("1".parse::<InvoiceId>().unwrap())
            .await
            .unwrap_err();
        assert!(error.is_not_found(), "{error}");
        assert_eq!(error.code(), Some(1002));
        assert_eq!(error.status(), Some(StatusCode::NOT_FOUND));
        assert!(
            error.to_string().contains("Invoice does not exist."),
            "{error}"
        );
    }

    #[tokio::test]
    async fn a_bulk_export_over_the_limit_is_refused_before_sending() {
        let transport = std::sync::Arc::new(canned());
        let client = Client::new(transport.clone());
        let ids = (1..=26).map(|n| InvoiceId::from(982_000_000_567_000 + n));
        let error = client
            .invoices()
            .bulk_export(ids.collect::<Vec<_>>())
            .await
            .unwrap_err();
        assert!(error.is_invalid_input(), "{error}");
        assert!(error.to_string().contains("at most 25 ids"), "{error}");
        assert!(transport.sent().is_empty(), "nothing was sent");
    }

    #[tokio::test]
    async fn the_demonstration_prints_what_it_did() {
        let lines = demo().await.unwrap();
        assert_eq!(
            lines[0],
            "Got INV-00003 for Bowman & Co: total USD 1234.50, status sent"
        );
        assert_eq!(
            lines[1],
            "Listed 3 invoices over two pages: INV-00003, INV-00004, INV-00005"
        );
        assert!(
            lines[2].starts_with("Not found, as expected: "),
            "{lines:?}"
        );
        assert_eq!(lines.len(), 7, "three lines, then four requests: {lines:?}");
    }
}
