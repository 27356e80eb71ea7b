//! A small HTTP/1 server on loopback for what the fake server cannot do (endless bodies,
//! redirects, connection counting): the test gives the answer, the server counts
//! connections and records each request's method, path and `Authorization` header.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use http_body_util::combinators::UnsyncBoxBody;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

/// A response body the server can stream.
pub(crate) type Body = UnsyncBoxBody<Bytes, Infallible>;

/// Makes the answer to one request.
pub(crate) type Handler = Arc<dyn Fn(&Request<Incoming>) -> Response<Body> + Send + Sync>;

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub(crate) struct Seen {
    /// `GET`, `POST`, ...
    pub(crate) method: String,
    /// The path and query.
    pub(crate) target: String,
    /// Whether an `Authorization` header came with it.
    pub(crate) authorization: bool,
}

/// What the server counted.
#[derive(Debug, Default)]
pub(crate) struct Stats {
    /// Connections accepted so far.
    pub(crate) accepted: AtomicUsize,
    /// Connections open now.
    pub(crate) open: AtomicUsize,
    /// Requests received so far.
    pub(crate) requests: AtomicUsize,
    /// The requests, in order (only when recording).
    pub(crate) seen: Mutex<Vec<Seen>>,
}

/// A running server; dropping it stops accepting (open connections end with their client).
pub(crate) struct Loopback {
    /// Where it listens.
    pub(crate) addr: SocketAddr,
    /// What it counted.
    pub(crate) stats: Arc<Stats>,
    accept: JoinHandle<()>,
}

/// Decrements the open-connection count when a connection's task ends, however it ends.
struct OpenGuard(Arc<Stats>);

impl Drop for OpenGuard {
    fn drop(&mut self) {
        self.0.open.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Loopback {
    /// Starts a server on `ip` (a free port) answering with `handler`; with `record`, every
    /// request is kept in [`Stats::seen`].
    pub(crate) async fn start(ip: &str, record: bool, handler: Handler) -> Self {
        let listener = TcpListener::bind((ip, 0)).await.expect("a loopback port");
        let addr = listener.local_addr().expect("an address");
        let stats = Arc::new(Stats::default());
        let counted = stats.clone();
        let accept = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                counted.accepted.fetch_add(1, Ordering::SeqCst);
                counted.open.fetch_add(1, Ordering::SeqCst);
                let guard = OpenGuard(counted.clone());
                let stats = counted.clone();
                let handler = handler.clone();
                tokio::spawn(async move {
                    let _guard = guard;
                    let service = service_fn(move |request: Request<Incoming>| {
                        stats.requests.fetch_add(1, Ordering::SeqCst);
                        if record {
                            stats.seen.lock().unwrap().push(Seen {
                                method: request.method().to_string(),
                                target: request.uri().to_string(),
                                authorization: request.headers().contains_key("authorization"),
                            });
                        }
                        let response = handler(&request);
                        async move { Ok::<_, Infallible>(response) }
                    });
                    let _ = http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        Self {
            addr,
            stats,
            accept,
        }
    }

    /// `http://<addr>`.
    pub(crate) fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// What the server saw.
    pub(crate) fn seen(&self) -> Vec<Seen> {
        self.stats.seen.lock().unwrap().clone()
    }

    /// Connections open now.
    pub(crate) fn open(&self) -> usize {
        self.stats.open.load(Ordering::SeqCst)
    }

    /// Connections accepted so far.
    pub(crate) fn accepted(&self) -> usize {
        self.stats.accepted.load(Ordering::SeqCst)
    }

    /// Requests received so far.
    pub(crate) fn requests(&self) -> usize {
        self.stats.requests.load(Ordering::SeqCst)
    }
}

impl Drop for Loopback {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

/// A whole body.
pub(crate) fn full(body: impl Into<Bytes>) -> Body {
    use http_body_util::BodyExt;
    http_body_util::Full::new(body.into()).boxed_unsync()
}

/// A JSON answer.
pub(crate) fn json(status: u16, body: &'static str) -> Response<Body> {
    Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(full(body))
        .expect("a response")
}

/// Waits, without sleeping, until `done` holds or about 20 s of wall time have passed;
/// returns whether it holds.
pub(crate) async fn eventually(mut done: impl FnMut() -> bool) -> bool {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !done() {
        if std::time::Instant::now() > deadline {
            return false;
        }
        tokio::task::yield_now().await;
        std::thread::yield_now();
    }
    true
}
