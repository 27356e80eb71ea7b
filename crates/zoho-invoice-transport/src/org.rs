//! The organization header and the base URL.

use std::future::Future;
use std::sync::Arc;

use http::HeaderValue;
use http::uri::{Authority, PathAndQuery, Scheme};

use crate::error::Error;
use crate::http_client::check_scheme;
use crate::request::{ApiRequest, OrganizationId};
use crate::response::ApiResponse;
use crate::shared::{Call, Deadline};
use crate::timeout::AttemptTimeout;

/// The header that names the organization.
pub const ORGANIZATION_HEADER: &str = "x-com-zoho-invoice-organizationid";

/// [`ORGANIZATION_HEADER`] as a header name, made once at compile time.
const ORGANIZATION: http::HeaderName = http::HeaderName::from_static(ORGANIZATION_HEADER);

/// The API base a request goes to, when the token named one (`api_domain`); put on the
/// request by the auth layer.
#[derive(Debug, Clone)]
pub(crate) struct ApiBase(pub(crate) Arc<str>);

/// Sets `X-com-zoho-invoice-organizationid` and makes the URI absolute.
pub(crate) struct OrgService {
    pub(crate) inner: AttemptTimeout,
    pub(crate) default_base: Base,
    pub(crate) allow_http: bool,
    /// The default organization and its header value, made once (`None` when the id is not
    /// a valid header value: each request without an organization then fails).
    pub(crate) default_org: Option<(Option<HeaderValue>, OrganizationId)>,
    /// Whether what lies below can look at the request (user layers, a replacement HTTP
    /// service): the default organization is then also put in the request's extensions.
    pub(crate) observed: bool,
}

/// The default API base, split once into what a URI is made of.
pub(crate) struct Base {
    text: Arc<str>,
    /// Scheme, authority and the text after them, when the base splits cleanly.
    split: Option<(Scheme, Authority, String)>,
}

impl Base {
    /// Splits `base`, an absolute URL.
    pub(crate) fn new(base: &str) -> Self {
        let split = base.parse::<http::Uri>().ok().and_then(|uri| {
            let parts = uri.into_parts();
            let (scheme, authority) = (parts.scheme?, parts.authority?);
            let prefix = format!("{scheme}://{authority}");
            let path = base.strip_prefix(&prefix)?;
            (!path.contains(['?', '#'])).then(|| (scheme, authority, path.to_owned()))
        });
        Self {
            text: base.into(),
            split,
        }
    }

    /// The base's scheme, when it splits cleanly.
    fn scheme(&self) -> Option<&Scheme> {
        self.split.as_ref().map(|(scheme, _, _)| scheme)
    }

    /// The absolute URI of `uri`, relative to this base or already absolute under it: the
    /// same as [`absolute_uri`], without parsing the base again.
    fn join(&self, uri: &http::Uri) -> Result<http::Uri, Error> {
        let Some((scheme, authority, base_path)) = &self.split else {
            return absolute_uri(&self.text, uri);
        };
        if uri.scheme().is_some() {
            return absolute_uri(&self.text, uri);
        }
        let relative = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
        let mut path = String::with_capacity(base_path.len() + 1 + relative.len());
        path.push_str(base_path);
        if !relative.starts_with('/') {
            path.push('/');
        }
        path.push_str(relative);
        let bad = |e: &dyn std::fmt::Display| Error::InvalidRequest(format!("bad URL: {e}"));
        let mut parts = http::uri::Parts::default();
        parts.scheme = Some(scheme.clone());
        parts.authority = Some(authority.clone());
        parts.path_and_query = Some(PathAndQuery::try_from(path).map_err(|e| bad(&e))?);
        http::Uri::from_parts(parts).map_err(|e| bad(&e))
    }
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

impl OrgService {
    fn prepare(&self, request: &mut ApiRequest) -> Result<(), Error> {
        let uri = match request.extensions().get::<ApiBase>() {
            Some(ApiBase(base)) => {
                let uri = absolute_uri(base, request.uri())?;
                check_scheme(&uri, self.allow_http)?;
                uri
            }
            None => {
                let uri = self.default_base.join(request.uri())?;
                // The default base's scheme was checked when the transport was built.
                if uri.scheme().is_none() || uri.scheme() != self.default_base.scheme() {
                    check_scheme(&uri, self.allow_http)?;
                }
                uri
            }
        };
        *request.as_http_mut().uri_mut() = uri;
        let invalid =
            || Error::InvalidRequest("the organization id is not a valid header value".into());
        let value = match request.extensions().get::<OrganizationId>() {
            Some(OrganizationId(org)) => HeaderValue::from_str(org).map_err(|_| invalid())?,
            None => match &self.default_org {
                Some((value, org)) => {
                    if self.observed {
                        request.extensions_mut().insert(org.clone());
                    }
                    value.clone().ok_or_else(invalid)?
                }
                None => return Ok(()),
            },
        };
        request.headers_mut().insert(ORGANIZATION, value);
        Ok(())
    }
}

impl Call for OrgService {
    fn call(
        &self,
        mut request: ApiRequest,
        deadline: Option<Deadline>,
    ) -> impl Future<Output = Result<ApiResponse, Error>> + Send + '_ {
        // No future of its own: the bottom's fails at once if the request could not be
        // prepared.
        let prepared = self.prepare(&mut request).map(|()| request);
        self.inner.start(prepared, deadline)
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

    #[test]
    fn the_split_base_joins_like_the_text_one() {
        for base in [
            "https://www.zohoapis.eu/invoice/v3",
            "http://127.0.0.1:8080/invoice/v3",
            "https://example.test",
        ] {
            let split = Base::new(base);
            assert!(split.split.is_some(), "{base}");
            for path in [
                "/invoices?page=2",
                "invoices",
                "/",
                "/items/1?a=b&c=d",
                &format!("{base}/items"),
                "https://evil.example/invoice/v3/items",
            ] {
                let uri: http::Uri = path.parse().unwrap();
                let joined = split.join(&uri).map(|u| u.to_string()).ok();
                let expected = absolute_uri(base, &uri).map(|u| u.to_string()).ok();
                assert_eq!(joined, expected, "{base} + {path}");
            }
        }
    }
}
