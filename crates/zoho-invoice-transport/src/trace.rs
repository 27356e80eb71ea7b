//! The outermost layer: one `tracing` span per call.
//!
//! Fields: `method`, `path` (no query), `status`, `attempts`, `wait_ms`. Never a header value
//! or a body. Without an interested subscriber the span is disabled: nothing is formatted or
//! recorded.

use std::future::Future;

use futures_util::future::Either;
use tracing::Instrument;
use tracing::instrument::Instrumented;

use crate::error::Error;
use crate::request::ApiRequest;
use crate::response::ApiResponse;
use crate::shared::{Call, Deadline};

/// Opens the call span.
pub(crate) struct TraceService<S> {
    pub(crate) inner: S,
}

impl<S: Call> Call for TraceService<S> {
    fn call(
        &self,
        request: ApiRequest,
        deadline: Option<Deadline>,
    ) -> impl Future<Output = Result<ApiResponse, Error>> + Send + '_ {
        let span = tracing::debug_span!(
            "zoho_invoice.call",
            method = %request.method(),
            path = request.path(),
            status = tracing::field::Empty,
            attempts = tracing::field::Empty,
            wait_ms = tracing::field::Empty,
        );
        // The retry layer, which sees the outcome of the call, fills in the other fields.
        instrumented(self.inner.call(request, deadline), span)
    }
}

/// `future` in `span`, or `future` alone when the span is disabled (no subscriber wants it):
/// then its polls do not enter and leave a span that records nothing.
pub(crate) fn instrumented<F: Future>(
    future: F,
    span: tracing::Span,
) -> Either<F, Instrumented<F>> {
    if span.is_disabled() {
        Either::Left(future)
    } else {
        Either::Right(future.instrument(span))
    }
}

/// Records the outcome of the call on the call span (the current span of the retry layer).
pub(crate) fn record_outcome(result: &Result<ApiResponse, Error>) {
    let span = crate::retry::layer::call_span();
    match result {
        Ok(response) => {
            if !span.is_disabled() {
                span.record("status", response.status().as_u16());
            }
        }
        Err(error) => {
            if let (Some(status), false) = (error.status(), span.is_disabled()) {
                span.record("status", status.as_u16());
            }
            tracing::debug!(error = %error, "call failed");
        }
    }
}
