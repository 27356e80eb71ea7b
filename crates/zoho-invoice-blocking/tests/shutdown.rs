//! Dropping the last handle stops the runtime thread: none is left behind. (Its own test
//! binary, so no other test's client is running.)

mod support;

use std::time::Duration;

use zoho_invoice_blocking::zoho_invoice::transport::{ApiRequest, ApiResponse, Error, Transport};
use zoho_invoice_blocking::{Client, THREAD_NAME};

/// The runtime threads alive in this process (Linux names threads after their first 15 bytes).
fn runtime_threads() -> usize {
    let prefix = &THREAD_NAME[..15];
    std::fs::read_dir("/proc/self/task")
        .unwrap()
        .filter_map(|t| std::fs::read_to_string(t.unwrap().path().join("comm")).ok())
        .filter(|name| name.trim_end().starts_with(prefix))
        .count()
}

/// A transport that never answers.
struct Silent;

#[async_trait::async_trait]
impl Transport for Silent {
    async fn send(&self, _request: ApiRequest) -> Result<ApiResponse, Error> {
        std::future::pending().await
    }
}

#[test]
fn threads_start_and_stop_with_the_client_and_timeouts_are_typed() {
    let fake = support::fake();
    assert_eq!(runtime_threads(), 0);

    let client = fake.client();
    let clones: Vec<_> = (0..4).map(|_| client.clone()).collect();
    assert_eq!(
        runtime_threads(),
        1,
        "one runtime thread however many handles"
    );
    client.raw(http::Method::GET, "/items", &[], None).unwrap();
    drop(clones);
    assert_eq!(runtime_threads(), 1, "alive while a handle is");
    drop(client);
    assert_eq!(
        runtime_threads(),
        0,
        "stopped and joined with the last handle"
    );

    // A call that gets no answer in time is a typed error; dropping the client then still
    // stops its thread, cancelling the call.
    let silent = Client::builder()
        .transport(Silent)
        .timeout(Duration::from_millis(20))
        .build()
        .unwrap();
    let err = silent
        .raw(http::Method::GET, "/items", &[], None)
        .unwrap_err();
    assert!(
        matches!(err, zoho_invoice_blocking::Error::Timeout(_)),
        "{err}"
    );
    drop(silent);
    assert_eq!(runtime_threads(), 0);
}
