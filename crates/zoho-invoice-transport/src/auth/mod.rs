//! Authentication: token sources and the layer that puts the token on each attempt.

mod oauth;
mod refresh;
mod token;

use std::fmt;
use std::sync::Arc;
use std::task::{Context, Poll};

use async_trait::async_trait;
use http::StatusCode;
use tower::Service;

pub use oauth::{ClientCredentials, OAuthClient, TokenSet};
pub use refresh::RefreshingToken;
pub use token::{AccessToken, StaticToken};

use crate::BoxFuture;
use crate::error::Error;
use crate::org::ApiBase;
use crate::region::API_PATH;
use crate::request::ApiRequest;
use crate::response::ApiResponse;
use crate::shared::Shared;

/// Where access tokens come from.
#[async_trait]
pub trait TokenSource: Send + Sync + fmt::Debug {
    /// A token to send now.
    async fn token(&self) -> Result<AccessToken, Error>;

    /// The API refused `token` with 401. Drop it if it is still the current one; return
    /// `true` when asking [`token`](Self::token) again may give a better one (the request is
    /// then replayed once).
    fn invalidate(&self, token: &AccessToken) -> bool;

    /// Whether [`invalidate`](Self::invalidate) can ever return `true`. A source that says no
    /// spares the transport keeping a copy of each request for a replay.
    fn can_replay(&self) -> bool {
        true
    }
}

/// Puts `Authorization: Zoho-oauthtoken ...` on each attempt, and replays once after a 401
/// with a fresh token.
#[derive(Clone)]
pub(crate) struct AuthService {
    pub(crate) inner: Shared,
    pub(crate) source: Arc<dyn TokenSource>,
    pub(crate) honour_api_domain: bool,
}

impl fmt::Debug for AuthService {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthService")
            .field("source", &self.source)
            .finish_non_exhaustive()
    }
}

fn authorize(
    request: &mut ApiRequest,
    token: &AccessToken,
    honour_api_domain: bool,
) -> Result<(), Error> {
    request
        .headers_mut()
        .insert(http::header::AUTHORIZATION, token.header_value()?);
    if let (true, Some(domain)) = (honour_api_domain, token.api_domain()) {
        let base = format!("{}{API_PATH}", domain.trim_end_matches('/'));
        request.extensions_mut().insert(ApiBase(base.into()));
    }
    Ok(())
}

impl Service<ApiRequest> for AuthService {
    type Response = ApiResponse;
    type Error = Error;
    type Future = BoxFuture<Result<ApiResponse, Error>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: ApiRequest) -> Self::Future {
        let inner = self.inner.clone();
        let source = self.source.clone();
        let honour = self.honour_api_domain;
        Box::pin(async move {
            let token = source.token().await?;
            let replay = source.can_replay().then(|| request.clone());
            let mut first = request;
            authorize(&mut first, &token, honour)?;
            let response = inner.call(first).await?;
            let Some(replay) = replay else {
                return Ok(response);
            };
            if response.status() != StatusCode::UNAUTHORIZED || !source.invalidate(&token) {
                return Ok(response);
            }
            tracing::debug!("401: replaying once with a new token");
            let token = source.token().await?;
            let mut second = replay;
            authorize(&mut second, &token, honour)?;
            inner.call(second).await
        })
    }
}
