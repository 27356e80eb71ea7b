//! The outermost layer: one `tracing` span per call.
//!
//! Fields: `method`, `path` (no query), `status`, `attempts`, `wait_ms`. Never a header value
//! or a body.

use std::task::{Context, Poll};

use tower::Service;
use tracing::Instrument;

use crate::BoxFuture;
use crate::error::Error;
use crate::request::ApiRequest;
use crate::response::ApiResponse;
use crate::shared::Shared;

/// Opens the call span.
#[derive(Clone)]
pub(crate) struct TraceService {
    pub(crate) inner: Shared,
}

impl Service<ApiRequest> for TraceService {
    type Response = ApiResponse;
    type Error = Error;
    type Future = BoxFuture<Result<ApiResponse, Error>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: ApiRequest) -> Self::Future {
        let span = tracing::debug_span!(
            "zoho_invoice.call",
            method = %request.method(),
            path = request.path(),
            status = tracing::field::Empty,
            attempts = tracing::field::Empty,
            wait_ms = tracing::field::Empty,
        );
        let call = self.inner.call(request);
        let record = span.clone();
        Box::pin(
            async move {
                let result = call.await;
                match &result {
                    Ok(response) => {
                        record.record("status", response.status().as_u16());
                    }
                    Err(error) => {
                        if let Some(status) = error.status() {
                            record.record("status", status.as_u16());
                        }
                        tracing::debug!(error = %error, "call failed");
                    }
                }
                result
            }
            .instrument(span),
        )
    }
}
