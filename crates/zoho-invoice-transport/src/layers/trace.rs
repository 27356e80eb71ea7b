//! [`TraceLayer`]: one `tracing` span per call.
//!
//! Fields: `resource` and `operation` (when the request names its [`Operation`]), `method`,
//! `path` (the operation's template, `/invoices/{invoice_id}`, never the ids), `status`,
//! `attempts`, `wait_ms`. Never a header value, an id or a body. Without an interested
//! subscriber the span is disabled and nothing is formatted.

use std::borrow::Cow;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use pin_project_lite::pin_project;
use tower::{Layer, Service};

use crate::error::Error;
use crate::operation::Operation;
use crate::request::ApiRequest;
use crate::response::ApiResponse;

/// Opens the span `zoho_invoice.call` (level DEBUG) around each call. Layers inside it (the
/// retry layer) record `attempts` and `wait_ms` on it; it records `status`.
#[derive(Debug, Clone, Copy, Default)]
pub struct TraceLayer;

impl TraceLayer {
    /// The layer.
    pub fn new() -> Self {
        Self
    }
}

impl<S> Layer<S> for TraceLayer {
    type Service = Trace<S>;

    fn layer(&self, inner: S) -> Trace<S> {
        Trace { inner }
    }
}

/// The service of [`TraceLayer`].
#[derive(Debug, Clone)]
pub struct Trace<S> {
    inner: S,
}

/// The path with every segment that holds a digit replaced by `{id}`: what a span shows of
/// a request that names no operation.
fn template_of(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            if segment.bytes().any(|b| b.is_ascii_digit()) {
                "{id}"
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

impl<S> Service<ApiRequest> for Trace<S>
where
    S: Service<ApiRequest, Response = ApiResponse, Error = Error>,
{
    type Response = ApiResponse;
    type Error = Error;
    type Future = Traced<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: ApiRequest) -> Self::Future {
        let operation = request.operation();
        let span = tracing::debug_span!(
            "zoho_invoice.call",
            resource = operation.map(|o| o.resource),
            operation = operation.map(|o| o.name),
            method = %request.method(),
            path = ?operation.map_or_else(
                || Cow::Owned(template_of(request.path())),
                |o: &Operation| Cow::Borrowed(o.path),
            ),
            status = tracing::field::Empty,
            attempts = tracing::field::Empty,
            wait_ms = tracing::field::Empty,
        );
        let inner = {
            let _entered = span.enter();
            self.inner.call(request)
        };
        Traced { inner, span }
    }
}

pin_project! {
    /// A call in its span; records the answer's status when it ends.
    pub struct Traced<F> {
        #[pin]
        inner: F,
        span: tracing::Span,
    }
}

impl<F> Future for Traced<F>
where
    F: Future<Output = Result<ApiResponse, Error>>,
{
    type Output = Result<ApiResponse, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        if this.span.is_disabled() {
            return this.inner.poll(cx);
        }
        let _entered = this.span.enter();
        let result = ready!(this.inner.poll(cx));
        match &result {
            Ok(response) => {
                this.span.record("status", response.status().as_u16());
            }
            Err(error) => {
                if let Some(status) = error.status() {
                    this.span.record("status", status.as_u16());
                }
                tracing::debug!(error = %error, "call failed");
            }
        }
        Poll::Ready(result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_hide_ids() {
        assert_eq!(
            template_of("/invoices/982000000567114/payments"),
            "/invoices/{id}/payments"
        );
        assert_eq!(template_of("/invoices"), "/invoices");
    }
}
