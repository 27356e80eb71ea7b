//! Access tokens and the static token source.

use std::fmt;
use std::sync::Arc;

use secrecy::{ExposeSecret, SecretString};

use crate::error::{Error, ErrorKind};

/// An access token, with the API domain the accounts server named for it.
///
/// Cheap to clone (one reference count). Its `Debug` never shows the token.
#[derive(Clone)]
pub struct AccessToken {
    inner: Arc<TokenInner>,
}

#[derive(Clone)]
struct TokenInner {
    secret: SecretString,
    /// `Zoho-oauthtoken {secret}`, marked sensitive; `None` when the token cannot be a header
    /// value. Built once per token rather than once per request.
    header: Option<http::HeaderValue>,
    api_domain: Option<Arc<str>>,
    generation: u64,
}

impl AccessToken {
    /// A token with no API domain.
    pub fn new(secret: SecretString) -> Self {
        let header =
            http::HeaderValue::try_from(format!("Zoho-oauthtoken {}", secret.expose_secret()))
                .ok()
                .map(|mut value| {
                    value.set_sensitive(true);
                    value
                });
        Self {
            inner: Arc::new(TokenInner {
                secret,
                header,
                api_domain: None,
                generation: 0,
            }),
        }
    }

    /// The same token, naming the API domain (`https://www.zohoapis.eu`) to send it to.
    pub fn with_api_domain(mut self, api_domain: impl Into<Arc<str>>) -> Self {
        Arc::make_mut(&mut self.inner).api_domain = Some(api_domain.into());
        self
    }

    pub(crate) fn with_generation(mut self, generation: u64) -> Self {
        Arc::make_mut(&mut self.inner).generation = generation;
        self
    }

    /// The token's generation: it changes whenever a source gets a new token.
    pub fn generation(&self) -> u64 {
        self.inner.generation
    }

    /// The API domain the accounts server named, if any.
    pub fn api_domain(&self) -> Option<&str> {
        self.inner.api_domain.as_deref()
    }

    /// The secret itself. Handle with care.
    pub fn secret(&self) -> &SecretString {
        &self.inner.secret
    }

    /// The `Authorization` header value, marked sensitive (hidden from `Debug`, not indexed
    /// by HTTP/2 header compression).
    pub fn header_value(&self) -> Result<http::HeaderValue, Error> {
        self.inner.header.clone().ok_or_else(|| {
            ErrorKind::Config("the access token is not a valid header value".into()).into()
        })
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessToken")
            .field("secret", &"[REDACTED]")
            .field("api_domain", &self.inner.api_domain)
            .field("generation", &self.inner.generation)
            .finish()
    }
}
