//! Bulk calls with more ids than one call takes: sent in chunks within the limit, stopping at
//! the first error, with a report of what was done.

#![cfg(all(feature = "invoices", feature = "estimates"))]

mod support;

use std::sync::Mutex;

use support::Recorder;
use zoho_invoice::estimates::EmailEstimates;
use zoho_invoice::invoices::{BulkRemindInvoices, EmailInvoices, MAX_BULK_EMAIL};
use zoho_invoice::query::BulkIds;
use zoho_invoice::transport::{ApiRequest, ApiResponse, Transport};
use zoho_invoice::{Chunkable, Client, Error, ErrorKind};

const OK: &str = r#"{"code":0,"message":"Your payment reminder has been sent."}"#;

fn ids<K>(count: u64) -> BulkIds<K, MAX_BULK_EMAIL> {
    (0..count)
        .map(|n| (460_000_000_000_000 + n).to_string().parse().unwrap())
        .collect()
}

#[test]
fn the_limit_is_the_one_of_the_operations_ids() {
    assert_eq!(<BulkRemindInvoices as Chunkable>::LIMIT, 10);
    assert_eq!(<EmailInvoices as Chunkable>::LIMIT, 10);
    assert_eq!(<EmailEstimates as Chunkable>::LIMIT, 10);
}

#[tokio::test]
async fn twenty_three_ids_are_three_calls_of_ten_ten_and_three_in_order() {
    let r = Recorder::answering(OK);
    let remind = BulkRemindInvoices {
        invoice_ids: ids(23),
    };
    let report = r.client().send_in_chunks(&remind).await;
    assert!(report.error.is_none(), "{:?}", report.error);
    assert_eq!(
        (report.calls, report.ids_done, report.ids_total),
        (3, 23, 23)
    );
    assert_eq!(report.replies.len(), 3);
    let sent: Vec<Vec<String>> = r
        .sent()
        .iter()
        .map(|s| {
            s.query("invoice_ids")
                .unwrap()
                .split(',')
                .map(str::to_owned)
                .collect()
        })
        .collect();
    assert_eq!(sent.iter().map(Vec::len).collect::<Vec<_>>(), [10, 10, 3]);
    let all: Vec<String> = sent.concat();
    let expected: Vec<String> = remind
        .invoice_ids
        .ids()
        .iter()
        .map(|id| id.to_string())
        .collect();
    assert_eq!(all, expected, "every id once, in order");
}

/// Answers the first `ok` calls with success, every later one with a Zoho error.
struct FailsAfter {
    ok: usize,
    calls: Mutex<usize>,
}

#[async_trait::async_trait]
impl Transport for FailsAfter {
    async fn send(&self, _request: ApiRequest) -> Result<ApiResponse, Error> {
        let mut calls = self.calls.lock().unwrap();
        *calls += 1;
        let (status, body) = if *calls <= self.ok {
            (200, OK)
        } else {
            (400, r#"{"code":1000,"message":"Internal error"}"#)
        };
        let response = http::Response::builder()
            .status(status)
            .header("content-type", "application/json")
            .body(bytes::Bytes::from(body))
            .unwrap();
        ApiResponse::from_http(response).error_for_status()
    }
}

#[tokio::test]
async fn an_error_stops_the_work_and_the_report_says_how_far_it_got() {
    let transport = FailsAfter {
        ok: 1,
        calls: Mutex::new(0),
    };
    let client = Client::new(transport);
    let report = client
        .send_in_chunks(&BulkRemindInvoices {
            invoice_ids: ids(25),
        })
        .await;
    assert_eq!(report.calls, 2, "the third chunk is never sent");
    assert_eq!(report.ids_done, 10);
    assert_eq!(report.replies.len(), 1);
    let error = report.error.as_ref().expect("the second call failed");
    assert_eq!(error.code(), Some(1000));
    assert!(
        error.to_string().contains("Bulk invoice reminder"),
        "{error}"
    );
    assert!(report.into_result().is_err());
}

#[tokio::test]
async fn no_ids_sends_nothing_and_is_the_no_ids_error() {
    let r = Recorder::answering(OK);
    let report = r
        .client()
        .send_in_chunks(&EmailEstimates {
            estimate_ids: BulkIds::default(),
        })
        .await;
    assert_eq!(report.calls, 0);
    assert!(r.sent().is_empty());
    let error = report.error.expect("refused");
    assert!(matches!(error.kind(), ErrorKind::NoIds), "{error:?}");
    assert!(
        error.to_string().contains("Email multiple estimates"),
        "{error}"
    );
}
