//! A bulk reminder for more invoices than one call takes, from synchronous code: the same
//! chunks as the async client.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use zoho_invoice::Error;
use zoho_invoice::invoices::BulkRemindInvoices;
use zoho_invoice::transport::{ApiRequest, ApiResponse, Transport};
use zoho_invoice_blocking::Client;

/// Answers every call with success and counts the ids of each.
#[derive(Clone, Default)]
struct Counting {
    ids_per_call: Arc<std::sync::Mutex<Vec<usize>>>,
    calls: Arc<AtomicUsize>,
}

#[async_trait::async_trait]
impl Transport for Counting {
    async fn send(&self, request: ApiRequest) -> Result<ApiResponse, Error> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        let query = request.uri().query().unwrap_or_default().to_owned();
        let ids = query
            .split('&')
            .find_map(|pair| pair.strip_prefix("invoice_ids="))
            .map_or(0, |ids| ids.replace("%2C", ",").split(',').count());
        self.ids_per_call.lock().unwrap().push(ids);
        Ok(ApiResponse::new(
            http::StatusCode::OK,
            r#"{"code":0,"message":"Your payment reminder has been sent."}"#,
        ))
    }
}

#[test]
fn twelve_ids_are_two_calls() {
    let transport = Counting::default();
    let client = Client::new(transport.clone()).unwrap();
    let ids = (0..12u64)
        .map(|n| (460_000_000_000_000 + n).to_string().parse().unwrap())
        .collect();
    let report = client
        .send_in_chunks(BulkRemindInvoices { invoice_ids: ids })
        .unwrap();
    assert!(report.error.is_none());
    assert_eq!((report.calls, report.ids_done), (2, 12));
    assert_eq!(transport.calls.load(Ordering::SeqCst), 2);
    assert_eq!(*transport.ids_per_call.lock().unwrap(), [10, 2]);
}
