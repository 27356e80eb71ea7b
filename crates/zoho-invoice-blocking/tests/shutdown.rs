//! Dropping the last handle stops the runtime thread: none is left behind. (Its own test
//! binary, so no other test's client is running.)

mod support;

use std::sync::Mutex;
use std::sync::mpsc;
use std::time::Duration;

use zoho_invoice_blocking::zoho_invoice::transport::{ApiRequest, ApiResponse, Error, Transport};
use zoho_invoice_blocking::zoho_invoice::{ErrorKind, TimeoutKind};
use zoho_invoice_blocking::{ClientBuilder, THREAD_NAME};

/// The runtime threads alive in this process (Linux names threads after their first 15 bytes).
fn runtime_threads() -> usize {
    let prefix = &THREAD_NAME[..15];
    std::fs::read_dir("/proc/self/task")
        .unwrap()
        .filter_map(|t| std::fs::read_to_string(t.unwrap().path().join("comm")).ok())
        .filter(|name| name.trim_end().starts_with(prefix))
        .count()
}

/// A transport that never answers, and says when a call it holds is dropped.
struct Silent {
    dropped: Mutex<mpsc::Sender<()>>,
}

/// Sends on drop.
struct Tell(mpsc::Sender<()>);

impl Drop for Tell {
    fn drop(&mut self) {
        let _ = self.0.send(());
    }
}

#[async_trait::async_trait]
impl Transport for Silent {
    async fn send(&self, _request: ApiRequest) -> Result<ApiResponse, Error> {
        let _tell = Tell(self.dropped.lock().unwrap().clone());
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

    // A call that gets no answer in time is a typed error, and the call is cancelled on the
    // runtime thread at once, while the client lives on.
    let (dropped, told) = mpsc::channel();
    let silent = ClientBuilder::with_transport(Silent {
        dropped: Mutex::new(dropped),
    })
    .timeout(Duration::from_millis(20))
    .build()
    .unwrap();
    let err = silent
        .raw(http::Method::GET, "/items", &[], None)
        .unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::Timeout {
                kind: TimeoutKind::Caller,
                ..
            }
        ),
        "{err}"
    );
    told.recv_timeout(Duration::from_secs(30))
        .expect("the abandoned call is dropped on the runtime thread");
    assert_eq!(runtime_threads(), 1, "the client is still alive");
    drop(silent);
    assert_eq!(runtime_threads(), 0);
}
