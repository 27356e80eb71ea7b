//! Access tokens and the static token source.

use std::fmt;
use std::sync::Arc;

use async_trait::async_trait;
use secrecy::{ExposeSecret, SecretString};

use super::TokenSource;
use crate::error::Error;

/// An access token, with the API domain the accounts server named for it.
///
/// Its `Debug` never shows the token.
#[derive(Clone)]
pub struct AccessToken {
    secret: SecretString,
    api_domain: Option<Arc<str>>,
    generation: u64,
}

impl AccessToken {
    /// A token with no API domain.
    pub fn new(secret: SecretString) -> Self {
        Self {
            secret,
            api_domain: None,
            generation: 0,
        }
    }

    /// The same token, naming the API domain (`https://www.zohoapis.eu`) to send it to.
    pub fn with_api_domain(mut self, api_domain: impl Into<Arc<str>>) -> Self {
        self.api_domain = Some(api_domain.into());
        self
    }

    pub(crate) fn with_generation(mut self, generation: u64) -> Self {
        self.generation = generation;
        self
    }

    /// The token's generation: it changes whenever a source gets a new token.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The API domain the accounts server named, if any.
    pub fn api_domain(&self) -> Option<&str> {
        self.api_domain.as_deref()
    }

    /// The secret itself. Handle with care.
    pub fn secret(&self) -> &SecretString {
        &self.secret
    }

    /// The `Authorization` header value, marked sensitive (hidden from `Debug`, not indexed
    /// by HTTP/2 header compression).
    pub fn header_value(&self) -> Result<http::HeaderValue, Error> {
        let mut value =
            http::HeaderValue::try_from(format!("Zoho-oauthtoken {}", self.secret.expose_secret()))
                .map_err(|_| {
                    Error::Config("the access token is not a valid header value".into())
                })?;
        value.set_sensitive(true);
        Ok(value)
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessToken")
            .field("secret", &"[REDACTED]")
            .field("api_domain", &self.api_domain)
            .field("generation", &self.generation)
            .finish()
    }
}

/// A fixed access token (from the API console's self client, say). It cannot be refreshed: a
/// 401 is returned as it is.
#[derive(Clone, Debug)]
pub struct StaticToken {
    token: AccessToken,
}

impl StaticToken {
    /// A source that always hands out `token`.
    pub fn new(token: SecretString) -> Self {
        Self {
            token: AccessToken::new(token),
        }
    }
}

#[async_trait]
impl TokenSource for StaticToken {
    async fn token(&self) -> Result<AccessToken, Error> {
        Ok(self.token.clone())
    }

    fn invalidate(&self, _token: &AccessToken) -> bool {
        false
    }

    fn can_replay(&self) -> bool {
        false
    }
}
