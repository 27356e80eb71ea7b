//! Authentication: token sources and the layer that puts the token on each attempt.

mod oauth;
mod refresh;
mod token;

use std::fmt;
use std::sync::Arc;

use std::future::Future;

use async_trait::async_trait;
use futures_util::future::Either;
use http::StatusCode;

pub use oauth::{ClientCredentials, OAuthClient, TokenSet};
pub use refresh::RefreshingToken;
pub use token::{AccessToken, StaticToken};

use crate::error::Error;
use crate::org::ApiBase;
use crate::region::API_PATH;
use crate::request::ApiRequest;
use crate::response::ApiResponse;
use crate::shared::{Call, Deadline, within};

/// Where access tokens come from.
#[async_trait]
pub trait TokenSource: Send + Sync + fmt::Debug {
    /// A token to send now.
    async fn token(&self) -> Result<AccessToken, Error>;

    /// A token that can be had at once, without waiting, if there is one: the transport's
    /// fast path, tried before [`token`](Self::token). The default has none, so that every
    /// request goes through `token`.
    fn ready_token(&self) -> Option<AccessToken> {
        None
    }

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
pub(crate) struct AuthService<S> {
    pub(crate) inner: S,
    pub(crate) source: Arc<dyn TokenSource>,
    pub(crate) honour_api_domain: bool,
}

impl<S> fmt::Debug for AuthService<S> {
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

impl<S: Call> AuthService<S> {
    /// A token: at once when the source has one ready, else within the call's deadline.
    async fn token(&self, deadline: Option<Deadline>) -> Result<AccessToken, Error> {
        match self.source.ready_token() {
            Some(token) => Ok(token),
            None => within(deadline, self.source.token()).await?,
        }
    }

    /// The general case: waits for a token, and replays once after a 401 if the source can
    /// give a better token.
    async fn call_replaying(
        &self,
        request: ApiRequest,
        deadline: Option<Deadline>,
    ) -> Result<ApiResponse, Error> {
        let source = &self.source;
        let honour = self.honour_api_domain;
        let token = self.token(deadline).await?;
        let replay = source.can_replay().then(|| request.clone());
        let mut first = request;
        authorize(&mut first, &token, honour)?;
        let response = self.inner.call(first, deadline).await?;
        let Some(replay) = replay else {
            return Ok(response);
        };
        if response.status() != StatusCode::UNAUTHORIZED || !source.invalidate(&token) {
            return Ok(response);
        }
        tracing::debug!("401: replaying once with a new token");
        let token = self.token(deadline).await?;
        let mut second = replay;
        authorize(&mut second, &token, honour)?;
        self.inner.call(second, deadline).await
    }
}

impl<S: Call> Call for AuthService<S> {
    fn call(
        &self,
        mut request: ApiRequest,
        deadline: Option<Deadline>,
    ) -> impl Future<Output = Result<ApiResponse, Error>> + Send + '_ {
        // The usual case needs no waiting and no copy: a token that is ready, from a source
        // that cannot do better after a 401. The token goes on the request now, so the
        // future is the inner one, not one that also holds the request.
        let ready = match self.source.can_replay() {
            false => self.source.ready_token(),
            true => None,
        };
        let Some(token) = ready else {
            // Boxed: the rarer path keeps the usual one's future small.
            return Either::Right(Box::pin(self.call_replaying(request, deadline)));
        };
        match authorize(&mut request, &token, self.honour_api_domain) {
            Ok(()) => Either::Left(Either::Left(self.inner.call(request, deadline))),
            Err(error) => Either::Left(Either::Right(std::future::ready(Err(error)))),
        }
    }
}
