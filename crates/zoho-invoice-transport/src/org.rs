//! The organization header and the base URL.

use std::sync::Arc;
use std::task::{Context, Poll};

use http::HeaderValue;
use tower::Service;

use crate::BoxFuture;
use crate::error::Error;
use crate::http_client::check_scheme;
use crate::request::{ApiRequest, OrganizationId};
use crate::response::ApiResponse;
use crate::shared::Shared;

/// The header that names the organization.
pub const ORGANIZATION_HEADER: &str = "x-com-zoho-invoice-organizationid";

/// The API base a request goes to, when the token named one (`api_domain`); put on the
/// request by the auth layer.
#[derive(Debug, Clone)]
pub(crate) struct ApiBase(pub(crate) Arc<str>);

/// Sets `X-com-zoho-invoice-organizationid` and makes the URI absolute.
#[derive(Clone)]
pub(crate) struct OrgService {
    pub(crate) inner: Shared,
    pub(crate) default_base: Arc<str>,
    pub(crate) allow_http: bool,
}

/// Joins `base` and the request's relative URI; an absolute URI must already be under `base`
/// (so that a token never goes to another host).
pub(crate) fn absolute_uri(base: &str, uri: &http::Uri) -> Result<http::Uri, Error> {
    if uri.scheme().is_some() {
        let text = uri.to_string();
        let under = text
            .strip_prefix(base)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/') || rest.starts_with('?'));
        return if under {
            Ok(uri.clone())
        } else {
            Err(Error::InvalidRequest(
                "an absolute URL must be under the API base".into(),
            ))
        };
    }
    let path_and_query = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    let separator = if path_and_query.starts_with('/') {
        ""
    } else {
        "/"
    };
    format!("{base}{separator}{path_and_query}")
        .parse()
        .map_err(|e| Error::InvalidRequest(format!("bad URL: {e}")))
}

impl Service<ApiRequest> for OrgService {
    type Response = ApiResponse;
    type Error = Error;
    type Future = BoxFuture<Result<ApiResponse, Error>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, mut request: ApiRequest) -> Self::Future {
        let prepared = (|| {
            let base = request
                .extensions()
                .get::<ApiBase>()
                .map(|b| b.0.clone())
                .unwrap_or_else(|| self.default_base.clone());
            let uri = absolute_uri(&base, request.uri())?;
            check_scheme(&uri, self.allow_http)?;
            *request.as_http_mut().uri_mut() = uri;
            if let Some(OrganizationId(org)) = request.extensions().get::<OrganizationId>() {
                let value = HeaderValue::from_str(org).map_err(|_| {
                    Error::InvalidRequest("the organization id is not a valid header value".into())
                })?;
                request.headers_mut().insert(ORGANIZATION_HEADER, value);
            }
            Ok::<_, Error>(())
        })();
        match prepared {
            Ok(()) => self.inner.call(request),
            Err(e) => Box::pin(async move { Err(e) }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_relative_paths_and_guards_absolute_ones() {
        let base = "https://www.zohoapis.eu/invoice/v3";
        let join = |p: &str| absolute_uri(base, &p.parse().unwrap()).map(|u| u.to_string());
        assert_eq!(
            join("/invoices?page=2").unwrap(),
            "https://www.zohoapis.eu/invoice/v3/invoices?page=2"
        );
        assert!(join("https://www.zohoapis.eu/invoice/v3/items").is_ok());
        assert!(join("https://evil.example/invoice/v3/items").is_err());
        assert!(join("https://www.zohoapis.eu/invoice/v30").is_err());
    }
}
