//! The fake server on a thread and runtime of its own (as a remote server would be), and
//! blocking clients on it.

#![allow(dead_code, unreachable_pub, clippy::unwrap_used)]

use std::sync::mpsc;
use std::thread::JoinHandle;

use zoho_invoice_blocking::Client;
use zoho_invoice_blocking::zoho_invoice::transport::{
    HttpTransport, Region, TransportBuilder, secrecy::SecretString,
};
use zoho_invoice_mock::{MockConfig, MockServer};

/// The fake server; dropping it stops its thread.
pub struct Fake {
    pub server: MockServer,
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

/// Starts the fake server.
pub fn fake() -> Fake {
    fake_with(MockConfig::default())
}

/// Starts the fake server with a configuration.
pub fn fake_with(config: MockConfig) -> Fake {
    let (started, server) = mpsc::channel();
    let (stop, stopped) = mpsc::channel::<()>();
    let thread = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let server = runtime.block_on(MockServer::start_with(config)).unwrap();
        started.send(server).unwrap();
        let _ = stopped.recv();
    });
    Fake {
        server: server.recv().unwrap(),
        stop: Some(stop),
        thread: Some(thread),
    }
}

impl Drop for Fake {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Fake {
    /// A blocking client on this server, as built by a user.
    pub fn client(&self) -> Client {
        Client::build(self.builder()).unwrap()
    }

    /// A transport builder already pointed at this server.
    pub fn builder(&self) -> TransportBuilder {
        HttpTransport::builder()
            .region(Region::custom(
                self.server.api_url(),
                self.server.accounts_url(),
            ))
            .allow_http(true)
            .static_token(SecretString::from(zoho_invoice_mock::DEFAULT_ACCESS_TOKEN))
            .organization_id(self.server.organization_id())
    }
}
