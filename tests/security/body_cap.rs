//! Bodies: an answer larger than the cap is refused with a typed error, without being read
//! to its end, whether it declares its length or streams without one; the connection is
//! closed rather than reused, and the next call works.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use bytes::Bytes;
use futures_util::stream;
use http_body_util::{BodyExt, StreamBody};
use hyper::Response;
use hyper::body::Frame;
use secrecy::SecretString;
use zoho_invoice::Client;
use zoho_invoice::ErrorKind;
use zoho_invoice::invoices::GetInvoice;
use zoho_invoice::transport::{HttpTransport, Region};

use crate::loopback::{Handler, Loopback, eventually, json};
use crate::support::current_thread;

/// The client's cap.
const CAP: usize = 1024 * 1024;
/// What the server would send if it were read to the end.
const TOTAL: u64 = 1024 * 1024 * 1024;
const CHUNK: usize = 64 * 1024;
/// What the server may have produced before the client hung up: the cap plus socket and
/// library buffers, far below `TOTAL`.
const READ_AT_MOST: u64 = 64 * 1024 * 1024;

const SMALL: &str = r#"{"code":0,"message":"success","invoice":{"invoice_id":"2"}}"#;

/// Answers invoice 1 with `TOTAL` bytes made on demand (declaring the length or not), and
/// invoice 2 with a small record; counts the bytes produced.
fn endless(declare_length: bool, produced: Arc<AtomicU64>) -> Handler {
    Arc::new(move |request| {
        if request.uri().path().ends_with("/2") {
            return json(200, SMALL);
        }
        let produced = produced.clone();
        let chunks = stream::iter((0..TOTAL / CHUNK as u64).map(move |_| {
            produced.fetch_add(CHUNK as u64, Ordering::SeqCst);
            Ok(Frame::data(Bytes::from_static(&[b' '; CHUNK])))
        }));
        let mut response = Response::builder()
            .status(200)
            .header("content-type", "application/json");
        if declare_length {
            response = response.header("content-length", TOTAL);
        }
        response
            .body(StreamBody::new(chunks).boxed_unsync())
            .expect("a response")
    })
}

async fn refused_without_reading(declare_length: bool) {
    let produced = Arc::new(AtomicU64::new(0));
    let server = Loopback::start(
        "127.0.0.1",
        false,
        endless(declare_length, produced.clone()),
    )
    .await;
    let origin = server.origin();
    let transport = HttpTransport::builder()
        .region(Region::custom(format!("{origin}/invoice/v3"), origin))
        .allow_http(true)
        .static_token(SecretString::from("1000.body.token"))
        .max_response_body(CAP)
        .build()
        .expect("a transport");
    let client = Client::new(transport);

    let error = client
        .send(&GetInvoice {
            invoice_id: "1".parse().unwrap(),
        })
        .await
        .unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::BodyTooLarge { limit: CAP }),
        "{error}"
    );
    assert!(!error.is_retryable());
    // The client hung up: the server's connection ends and it stops producing.
    assert!(
        eventually(|| server.open() == 0).await,
        "the connection stays open"
    );
    let read = produced.load(Ordering::SeqCst);
    println!(
        "declared length: {declare_length}; cap {CAP} B; the server produced {read} B of {TOTAL} B"
    );
    assert!(read < READ_AT_MOST, "{read} bytes produced");
    assert_eq!(server.requests(), 1, "not retried");

    // The next call gets a fresh connection and works.
    let invoice = client
        .send(&GetInvoice {
            invoice_id: "2".parse().unwrap(),
        })
        .await
        .expect("a small answer");
    assert_eq!(invoice.record.invoice_id.as_str(), "2");
    assert_eq!(
        server.accepted(),
        2,
        "the oversized connection was not reused"
    );
}

#[test]
fn a_streamed_body_over_the_cap_is_refused_without_reading_it_all() {
    current_thread(false, refused_without_reading(false));
}

#[test]
fn a_declared_length_over_the_cap_is_refused_at_once() {
    current_thread(false, refused_without_reading(true));
}
