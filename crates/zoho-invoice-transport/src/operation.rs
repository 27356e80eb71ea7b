//! [`Operation`]: which operation of the API a request performs.

use http::Method;

/// One operation of the API: its resource group, name, method and path template, as the
/// reference names them.
///
/// The typed client puts it in each request's extensions
/// ([`ApiRequest::operation`](crate::ApiRequest::operation)), so that layers, metrics and
/// tracing see "Invoices / Create an invoice" and the template `/invoices/{invoice_id}`
/// without guessing from the path (and without the ids in it).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Operation {
    /// The resource group, as the reference names it (`Invoices`).
    pub resource: &'static str,
    /// The operation's name, as the reference names it (`Create an invoice`).
    pub name: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path template under the API base, ids in braces (`/invoices/{invoice_id}`).
    pub path: &'static str,
}

impl Operation {
    /// An operation.
    pub const fn new(
        resource: &'static str,
        name: &'static str,
        method: Method,
        path: &'static str,
    ) -> Self {
        Self {
            resource,
            name,
            method,
            path,
        }
    }
}
