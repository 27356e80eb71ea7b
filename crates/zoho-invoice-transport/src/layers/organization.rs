//! [`OrganizationLayer`]: the organization header and the base URL.

use std::fmt;
use std::sync::Arc;
use std::task::{Context, Poll};

use futures_util::future::{Either, Ready};
use http::HeaderValue;
use tower::{Layer, Service};

use crate::error::{Error, ErrorKind};
use crate::request::{ApiBase, ApiRequest, OrganizationId};
use crate::response::ApiResponse;
use crate::url::{BaseUrl, absolute_uri, check_scheme, parse_configured, refuse_dot_segments};

/// The header that names the organization.
pub const ORGANIZATION_HEADER: &str = "x-com-zoho-invoice-organizationid";

/// [`ORGANIZATION_HEADER`] as a header name, made once at compile time.
const ORGANIZATION: http::HeaderName = http::HeaderName::from_static(ORGANIZATION_HEADER);

/// Makes each request's URI absolute under the API base (or the base its token named, see
/// [`ApiBase`]) and sets `X-com-zoho-invoice-organizationid`: the request's own organization
/// ([`ApiRequest::with_organization`]) or the default one.
///
/// A request that would leave the API base (another host, `..` segments) or go over plain
/// HTTP when that is not allowed is refused before it is sent.
#[derive(Clone)]
pub struct OrganizationLayer {
    config: Arc<Config>,
}

struct Config {
    base: BaseUrl,
    allow_http: bool,
    /// The default organization's header value, made once.
    default: Option<HeaderValue>,
}

impl fmt::Debug for OrganizationLayer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OrganizationLayer")
            .field("base", &self.config.base)
            .field("allow_http", &self.config.allow_http)
            .field("default", &self.config.default)
            .finish()
    }
}

impl OrganizationLayer {
    /// Requests go under `api_base` (`https://www.zohoapis.eu/invoice/v3`); plain `http://`
    /// is refused unless `allow_http`.
    pub fn new(api_base: &str, allow_http: bool) -> Result<Self, Error> {
        parse_configured(api_base, allow_http)?;
        Ok(Self {
            config: Arc::new(Config {
                base: BaseUrl::new(api_base.trim_end_matches('/')),
                allow_http,
                default: None,
            }),
        })
    }

    /// Requests that name no organization are for `organization`.
    pub fn with_default_organization(self, organization: &str) -> Result<Self, Error> {
        let value = HeaderValue::from_str(organization).map_err(|_| {
            Error::from(ErrorKind::Config(
                "the organization id is not a valid header value".into(),
            ))
        })?;
        let config = &self.config;
        Ok(Self {
            config: Arc::new(Config {
                base: config.base.clone(),
                allow_http: config.allow_http,
                default: Some(value),
            }),
        })
    }
}

impl<S> Layer<S> for OrganizationLayer {
    type Service = Organization<S>;

    fn layer(&self, inner: S) -> Organization<S> {
        Organization {
            inner,
            config: self.config.clone(),
        }
    }
}

/// The service of [`OrganizationLayer`].
#[derive(Clone)]
pub struct Organization<S> {
    inner: S,
    config: Arc<Config>,
}

impl<S> fmt::Debug for Organization<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Organization").finish_non_exhaustive()
    }
}

impl Config {
    fn prepare(&self, request: &mut ApiRequest) -> Result<(), Error> {
        refuse_dot_segments(request.path())?;
        let uri = match request.extensions().get::<ApiBase>() {
            Some(ApiBase(base)) => {
                let uri = absolute_uri(base, request.uri())?;
                check_scheme(&uri, self.allow_http)?;
                uri
            }
            None => {
                let uri = self.base.join(request.uri())?;
                // The default base's scheme was checked when the layer was made.
                if uri.scheme().is_none() || uri.scheme() != self.base.scheme() {
                    check_scheme(&uri, self.allow_http)?;
                }
                uri
            }
        };
        *request.as_http_mut().uri_mut() = uri;
        let value = match request.extensions().get::<OrganizationId>() {
            Some(OrganizationId(org)) => HeaderValue::from_str(org).map_err(|_| {
                Error::from(ErrorKind::InvalidRequest(
                    "the organization id is not a valid header value".into(),
                ))
            })?,
            None => match &self.default {
                Some(value) => value.clone(),
                None => return Ok(()),
            },
        };
        request.headers_mut().insert(ORGANIZATION, value);
        Ok(())
    }
}

impl<S> Service<ApiRequest> for Organization<S>
where
    S: Service<ApiRequest, Response = ApiResponse, Error = Error>,
{
    type Response = ApiResponse;
    type Error = Error;
    type Future = Either<S::Future, Ready<Result<ApiResponse, Error>>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: ApiRequest) -> Self::Future {
        match self.config.prepare(&mut request) {
            Ok(()) => Either::Left(self.inner.call(request)),
            Err(error) => Either::Right(futures_util::future::ready(Err(error))),
        }
    }
}
