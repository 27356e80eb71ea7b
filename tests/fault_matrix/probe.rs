//! A user layer that logs every POST attempt the transport makes (it sits under the retry
//! layer, so it sees each one): the invoice's reference number, and whether the server refused
//! the attempt with 429.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};

use tower::{Layer, Service};
use zoho_invoice::transport::{ApiRequest, ApiResponse, BoxedService, Error};

/// Attempts per reference number: `(sent, refused with 429)`.
#[derive(Debug, Clone, Default)]
pub(crate) struct PostLog(Arc<Mutex<HashMap<String, (u64, u64)>>>);

impl PostLog {
    /// The attempts so far.
    pub(crate) fn attempts(&self) -> HashMap<String, (u64, u64)> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn record(&self, reference: String, refused: bool) {
        let mut log = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let entry = log.entry(reference).or_default();
        entry.0 += 1;
        entry.1 += u64::from(refused);
    }
}

impl Layer<BoxedService> for PostLog {
    type Service = Probe;

    fn layer(&self, inner: BoxedService) -> Probe {
        Probe {
            inner,
            log: self.clone(),
        }
    }
}

/// The service [`PostLog`] puts in the stack.
#[derive(Clone)]
pub(crate) struct Probe {
    inner: BoxedService,
    log: PostLog,
}

impl Service<ApiRequest> for Probe {
    type Response = ApiResponse;
    type Error = Error;
    type Future = Pin<Box<dyn Future<Output = Result<ApiResponse, Error>> + Send + 'static>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: ApiRequest) -> Self::Future {
        let reference = (request.method() == http::Method::POST)
            .then(|| {
                serde_json::from_slice::<serde_json::Value>(request.body())
                    .ok()?
                    .get("reference_number")?
                    .as_str()
                    .map(str::to_owned)
            })
            .flatten();
        let log = self.log.clone();
        let call = self.inner.call(request);
        Box::pin(async move {
            let result = call.await;
            if let Some(reference) = reference {
                let refused =
                    matches!(&result, Ok(r) if r.status() == http::StatusCode::TOO_MANY_REQUESTS);
                log.record(reference, refused);
            }
            result
        })
    }
}
