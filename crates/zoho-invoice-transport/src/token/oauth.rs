//! The accounts server: authorization URL, grant-code exchange, refresh and revocation.

use std::fmt;
use std::time::Duration;

use bytes::Bytes;
use http::{HeaderValue, Method, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use tower::ServiceExt;

use crate::clock::network_wait;
use crate::error::{Error, TokenError};
use crate::request::ApiRequest;
use crate::response::ApiResponse;
use crate::transport::BoxedService;

/// A client registered in Zoho's API console: its id and secret.
#[derive(Clone)]
pub struct ClientCredentials {
    client_id: String,
    client_secret: SecretString,
}

impl ClientCredentials {
    /// The client id and secret.
    pub fn new(client_id: impl Into<String>, client_secret: SecretString) -> Self {
        Self {
            client_id: client_id.into(),
            client_secret,
        }
    }

    /// The client id (not a secret).
    pub fn client_id(&self) -> &str {
        &self.client_id
    }
}

impl fmt::Debug for ClientCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientCredentials")
            .field("client_id", &self.client_id)
            .field("client_secret", &"[REDACTED]")
            .finish()
    }
}

/// What the accounts server hands out. Its `Debug` shows no token.
#[derive(Clone)]
pub struct TokenSet {
    /// The access token.
    pub access_token: SecretString,
    /// The refresh token (on the first exchange of a grant code only).
    pub refresh_token: Option<SecretString>,
    /// The API domain to use with these tokens (`https://www.zohoapis.eu`).
    pub api_domain: Option<String>,
    /// How long the access token lives.
    pub expires_in: Duration,
    /// `Bearer`.
    pub token_type: Option<String>,
}

impl fmt::Debug for TokenSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenSet")
            .field("access_token", &"[REDACTED]")
            .field(
                "refresh_token",
                &self.refresh_token.as_ref().map(|_| "[REDACTED]"),
            )
            .field("api_domain", &self.api_domain)
            .field("expires_in", &self.expires_in)
            .field("token_type", &self.token_type)
            .finish()
    }
}

#[derive(Deserialize)]
struct RawToken {
    access_token: Option<String>,
    refresh_token: Option<String>,
    api_domain: Option<String>,
    token_type: Option<String>,
    expires_in: Option<serde_json::Value>,
    expires_in_sec: Option<serde_json::Value>,
    error: Option<String>,
    error_description: Option<String>,
}

fn seconds(value: Option<&serde_json::Value>) -> Option<u64> {
    match value? {
        serde_json::Value::Number(n) => n.as_u64(),
        serde_json::Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Whether an `error` answer is the accounts server's throttle.
fn is_throttle(error: &str, description: Option<&str>) -> bool {
    let text = format!("{error} {}", description.unwrap_or("")).to_ascii_lowercase();
    text.contains("too many requests") || text.contains("access denied")
}

/// Reads a token endpoint answer. Errors often come with HTTP 200 and an `error` field.
/// A throttle's `retry_in` is left at zero for the caller to fill in.
pub(crate) fn parse_token_response(
    status: StatusCode,
    body: &[u8],
) -> Result<TokenSet, TokenError> {
    if status == StatusCode::TOO_MANY_REQUESTS {
        return Err(TokenError::Throttled {
            retry_in: Duration::ZERO,
        });
    }
    // A failing server (or one that answered success with nothing) is no verdict on the
    // credentials.
    let empty = body.iter().all(u8::is_ascii_whitespace);
    if status.is_server_error() || (status.is_success() && empty) {
        return Err(TokenError::ServerFailure { status });
    }
    let raw: RawToken = match serde_json::from_slice(body) {
        Ok(raw) => raw,
        Err(_) if !status.is_success() => {
            return Err(TokenError::Rejected {
                error: status.to_string(),
                description: None,
                status,
            });
        }
        Err(e) => return Err(TokenError::Malformed(e.to_string())),
    };
    if let Some(error) = raw.error {
        if is_throttle(&error, raw.error_description.as_deref()) {
            return Err(TokenError::Throttled {
                retry_in: Duration::ZERO,
            });
        }
        return Err(TokenError::Rejected {
            error,
            description: raw.error_description,
            status,
        });
    }
    if !status.is_success() {
        return Err(TokenError::Rejected {
            error: status.to_string(),
            description: None,
            status,
        });
    }
    let access_token = raw
        .access_token
        .ok_or_else(|| TokenError::Malformed("no access_token".into()))?;
    let expires_in = match (
        seconds(raw.expires_in_sec.as_ref()),
        seconds(raw.expires_in.as_ref()),
    ) {
        (Some(secs), _) => secs,
        // Old answers gave milliseconds in `expires_in`.
        (None, Some(value)) if value > 100_000 => value / 1000,
        (None, Some(secs)) => secs,
        (None, None) => 3600,
    };
    Ok(TokenSet {
        access_token: SecretString::from(access_token),
        refresh_token: raw.refresh_token.map(SecretString::from),
        api_domain: raw.api_domain,
        expires_in: network_wait(Duration::from_secs(expires_in)),
        token_type: raw.token_type,
    })
}

/// Talks to a region's accounts server.
///
/// Get one from [`TransportBuilder::build_oauth_client`](crate::TransportBuilder::build_oauth_client)
/// (it shares the builder's TLS and timeout settings).
#[derive(Clone)]
pub struct OAuthClient {
    accounts_url: String,
    credentials: ClientCredentials,
    http: BoxedService,
}

impl fmt::Debug for OAuthClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuthClient")
            .field("accounts_url", &self.accounts_url)
            .field("credentials", &self.credentials)
            .finish_non_exhaustive()
    }
}

impl OAuthClient {
    pub(crate) fn new(
        accounts_url: String,
        credentials: ClientCredentials,
        http: BoxedService,
    ) -> Self {
        Self {
            accounts_url: accounts_url.trim_end_matches('/').to_owned(),
            credentials,
            http,
        }
    }

    /// The accounts server this client talks to.
    pub fn accounts_url(&self) -> &str {
        &self.accounts_url
    }

    /// The client id (not a secret).
    pub(crate) fn client_id(&self) -> &str {
        self.credentials.client_id()
    }

    /// The URL to send the user to for consent: `{accounts}/oauth/v2/auth` with
    /// `access_type=offline` and `prompt=consent` (so the code exchange yields a refresh
    /// token). Scopes look like `ZohoInvoice.invoices.ALL`.
    pub fn authorization_url(
        &self,
        scopes: &[&str],
        redirect_uri: &str,
        state: Option<&str>,
    ) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        query
            .append_pair("scope", &scopes.join(","))
            .append_pair("client_id", &self.credentials.client_id)
            .append_pair("response_type", "code")
            .append_pair("access_type", "offline")
            .append_pair("prompt", "consent")
            .append_pair("redirect_uri", redirect_uri);
        if let Some(state) = state {
            query.append_pair("state", state);
        }
        format!("{}/oauth/v2/auth?{}", self.accounts_url, query.finish())
    }

    async fn post_form(&self, path: &str, form: String) -> Result<ApiResponse, Error> {
        let mut request = ApiRequest::new(Method::POST, &format!("{}{path}", self.accounts_url))?
            .with_body(
                Bytes::from(form),
                HeaderValue::from_static("application/x-www-form-urlencoded"),
            );
        request.headers_mut().insert(
            http::header::ACCEPT,
            HeaderValue::from_static("application/json"),
        );
        self.http.clone().oneshot(request).await
    }

    async fn token_request(&self, pairs: &[(&str, &str)]) -> Result<TokenSet, Error> {
        let form = {
            let mut form = form_urlencoded::Serializer::new(String::new());
            form.append_pair("client_id", &self.credentials.client_id)
                .append_pair(
                    "client_secret",
                    self.credentials.client_secret.expose_secret(),
                );
            for (key, value) in pairs {
                form.append_pair(key, value);
            }
            form.finish()
        };
        let response = self
            .post_form("/oauth/v2/token", form)
            .await
            .map_err(|e| Error::from(TokenError::Unreachable(Box::new(e))))?;
        Ok(parse_token_response(response.status(), response.body())?)
    }

    /// Exchanges a grant code (from the redirect after consent) for tokens.
    pub async fn exchange_code(&self, code: &str, redirect_uri: &str) -> Result<TokenSet, Error> {
        self.token_request(&[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", redirect_uri),
        ])
        .await
    }

    /// Gets a new access token with a refresh token.
    pub async fn refresh(&self, refresh_token: &SecretString) -> Result<TokenSet, Error> {
        self.token_request(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token.expose_secret()),
        ])
        .await
    }

    /// Revokes a refresh token.
    pub async fn revoke(&self, refresh_token: &SecretString) -> Result<(), Error> {
        let form = form_urlencoded::Serializer::new(String::new())
            .append_pair("token", refresh_token.expose_secret())
            .finish();
        let response = self
            .post_form("/oauth/v2/token/revoke", form)
            .await
            .map_err(|e| Error::from(TokenError::Unreachable(Box::new(e))))?;
        let status = response.status();
        if let Ok(value) = serde_json::from_slice::<serde_json::Value>(response.body()) {
            if let Some(error) = value.get("error").and_then(|e| e.as_str()) {
                return Err(TokenError::Rejected {
                    error: error.to_owned(),
                    description: None,
                    status,
                }
                .into());
            }
        }
        if !status.is_success() {
            return Err(TokenError::Rejected {
                error: status.to_string(),
                description: None,
                status,
            }
            .into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_success_and_errors() {
        let ok = parse_token_response(
            StatusCode::OK,
            br#"{"access_token":"a","refresh_token":"r","api_domain":"https://www.zohoapis.eu","token_type":"Bearer","expires_in":3600}"#,
        )
        .unwrap();
        assert_eq!(ok.expires_in, Duration::from_secs(3600));
        assert_eq!(ok.api_domain.as_deref(), Some("https://www.zohoapis.eu"));
        assert!(ok.refresh_token.is_some());
        let old = parse_token_response(
            StatusCode::OK,
            br#"{"access_token":"a","expires_in":3600000,"expires_in_sec":3600}"#,
        )
        .unwrap();
        assert_eq!(old.expires_in, Duration::from_secs(3600));

        let code =
            parse_token_response(StatusCode::OK, br#"{"error":"invalid_code"}"#).unwrap_err();
        assert_eq!(code.error_code(), Some("invalid_code"));
        let throttle = parse_token_response(
            StatusCode::BAD_REQUEST,
            br#"{"error":"Access Denied","error_description":"You have made too many requests continuously. Please try again after some time."}"#,
        )
        .unwrap_err();
        assert!(matches!(throttle, TokenError::Throttled { .. }));
        let html = parse_token_response(StatusCode::BAD_GATEWAY, b"<html>").unwrap_err();
        assert!(
            matches!(html, TokenError::ServerFailure { status } if status == StatusCode::BAD_GATEWAY)
        );
        let html = parse_token_response(StatusCode::FORBIDDEN, b"<html>").unwrap_err();
        assert!(
            matches!(html, TokenError::Rejected { status, .. } if status == StatusCode::FORBIDDEN)
        );
        for status in [StatusCode::OK, StatusCode::INTERNAL_SERVER_ERROR] {
            let nothing = parse_token_response(status, b" ").unwrap_err();
            assert!(
                matches!(nothing, TokenError::ServerFailure { .. }),
                "{status}"
            );
        }
        let moved = parse_token_response(StatusCode::FOUND, b"").unwrap_err();
        assert!(matches!(moved, TokenError::Rejected { .. }));
        let absurd = parse_token_response(
            StatusCode::OK,
            br#"{"access_token":"a","expires_in_sec":18446744073709551615}"#,
        )
        .unwrap();
        assert_eq!(absurd.expires_in, crate::clock::MAX_NETWORK_WAIT);
        let empty = parse_token_response(StatusCode::OK, b"{}").unwrap_err();
        assert!(matches!(empty, TokenError::Malformed(_)));
    }
}
