//! [`AuthLayer`]: puts `Authorization: Zoho-oauthtoken ...` on each attempt, and replays an
//! attempt once after a 401 with a fresh token.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};

use futures_util::future::{Either, Ready};
use http::StatusCode;
use pin_project_lite::pin_project;
use tower::{Layer, Service, ServiceExt};

use crate::error::Error;
use crate::region::API_PATH;
use crate::request::{ApiBase, ApiRequest, within};
use crate::response::ApiResponse;
use crate::token::{AccessToken, TokenSource};

/// Authenticates each attempt with a token from a [`TokenSource`].
///
/// - A token that is ready goes on the request at once; otherwise the source is asked (and
///   may refresh, once for all callers).
/// - After a 401, if the source can give a better token, the attempt is replayed once with it.
/// - When the token names an API domain (`api_domain` from the accounts server) and the layer
///   honours it, the request goes there (see [`ApiBase`]).
#[derive(Clone)]
pub struct AuthLayer {
    source: Arc<dyn TokenSource>,
    honour_api_domain: bool,
}

impl fmt::Debug for AuthLayer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthLayer")
            .field("source", &self.source)
            .field("honour_api_domain", &self.honour_api_domain)
            .finish()
    }
}

impl AuthLayer {
    /// Tokens from `source`; the API domain a token names is honoured.
    pub fn new(source: Arc<dyn TokenSource>) -> Self {
        Self {
            source,
            honour_api_domain: true,
        }
    }

    /// Whether to send requests to the API domain a token names (default: yes).
    pub fn honour_api_domain(mut self, honour: bool) -> Self {
        self.honour_api_domain = honour;
        self
    }
}

impl<S> Layer<S> for AuthLayer {
    type Service = Auth<S>;

    fn layer(&self, inner: S) -> Auth<S> {
        Auth {
            inner,
            source: self.source.clone(),
            honour_api_domain: self.honour_api_domain,
        }
    }
}

/// The service of [`AuthLayer`].
#[derive(Clone)]
pub struct Auth<S> {
    inner: S,
    source: Arc<dyn TokenSource>,
    honour_api_domain: bool,
}

impl<S> fmt::Debug for Auth<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Auth")
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

type BoxFuture = Pin<Box<dyn Future<Output = Result<ApiResponse, Error>> + Send + 'static>>;

/// What a replay needs: the request as it was before the token went on, the token the 401
/// refused, and a service to send it again.
struct Replay<S> {
    request: ApiRequest,
    token: AccessToken,
    inner: S,
    source: Arc<dyn TokenSource>,
    honour_api_domain: bool,
}

impl<S> Replay<S>
where
    S: Service<ApiRequest, Response = ApiResponse, Error = Error> + Send + 'static,
    S::Future: Send + 'static,
{
    /// The response, or the copy sent again with a new token if it is a 401 and the source
    /// may give a better one.
    fn after(self, response: ApiResponse) -> Result<ApiResponse, BoxFuture> {
        if response.status() != StatusCode::UNAUTHORIZED || !self.source.invalidate(&self.token) {
            return Ok(response);
        }
        tracing::debug!("401: replaying once with a new token");
        Err(Box::pin(async move {
            let token = within(self.request.deadline(), self.source.token()).await??;
            let mut request = self.request;
            authorize(&mut request, &token, self.honour_api_domain)?;
            self.inner.oneshot(request).await
        }))
    }
}

impl<S> Service<ApiRequest> for Auth<S>
where
    S: Service<ApiRequest, Response = ApiResponse, Error = Error> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = ApiResponse;
    type Error = Error;
    type Future = Either<
        Either<S::Future, Ready<Result<ApiResponse, Error>>>,
        Either<Replayable<S>, BoxFuture>,
    >;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: ApiRequest) -> Self::Future {
        let honour = self.honour_api_domain;
        let Some(token) = self.source.ready_token() else {
            // No token at hand: ask the source (it may refresh). Boxed: this is rare.
            let ready = self.inner.clone();
            let inner = std::mem::replace(&mut self.inner, ready);
            let source = self.source.clone();
            return Either::Right(Either::Right(Box::pin(async move {
                let token = within(request.deadline(), source.token()).await??;
                let replay = source.can_replay().then(|| request.clone());
                authorize(&mut request, &token, honour)?;
                let mut inner = inner;
                let response = inner.ready().await?.call(request).await?;
                match replay {
                    Some(request) => {
                        let replay = Replay {
                            request,
                            token,
                            inner,
                            source,
                            honour_api_domain: honour,
                        };
                        match replay.after(response) {
                            Ok(response) => Ok(response),
                            Err(replaying) => replaying.await,
                        }
                    }
                    None => Ok(response),
                }
            })));
        };
        if !self.source.can_replay() {
            // A token that cannot be bettered: no copy, no waiting.
            return Either::Left(match authorize(&mut request, &token, honour) {
                Ok(()) => Either::Left(self.inner.call(request)),
                Err(error) => Either::Right(futures_util::future::ready(Err(error))),
            });
        }
        // The request is kept in a box (to keep this future no larger than a static token's)
        // and a copy is sent. The service made ready sends now and is kept for the replay; a
        // clone stays here.
        let ready = self.inner.clone();
        let mut replay = Box::new(Replay {
            request,
            token,
            inner: std::mem::replace(&mut self.inner, ready),
            source: self.source.clone(),
            honour_api_domain: honour,
        });
        let mut attempt = replay.request.clone();
        if let Err(error) = authorize(&mut attempt, &replay.token, honour) {
            return Either::Left(Either::Right(futures_util::future::ready(Err(error))));
        }
        Either::Right(Either::Left(Replayable {
            first: replay.inner.call(attempt),
            replay: Some(replay),
            second: None,
        }))
    }
}

pin_project! {
    /// An attempt that is sent again once if it is answered 401 and the token source can do
    /// better.
    pub struct Replayable<S>
    where
        S: Service<ApiRequest>,
    {
        #[pin]
        first: S::Future,
        replay: Option<Box<Replay<S>>>,
        second: Option<BoxFuture>,
    }
}

impl<S> Future for Replayable<S>
where
    S: Service<ApiRequest, Response = ApiResponse, Error = Error> + Send + 'static,
    S::Future: Send + 'static,
{
    type Output = Result<ApiResponse, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        if let Some(second) = this.second {
            return second.as_mut().poll(cx);
        }
        let response = ready!(this.first.poll(cx))?;
        // Most answers are not 401s: those leave the copy where it is, to be dropped with
        // this future.
        if response.status() != StatusCode::UNAUTHORIZED {
            return Poll::Ready(Ok(response));
        }
        let Some(replay) = this.replay.take() else {
            return Poll::Ready(Ok(response));
        };
        match replay.after(response) {
            Ok(response) => Poll::Ready(Ok(response)),
            Err(replaying) => this.second.insert(replaying).as_mut().poll(cx),
        }
    }
}
