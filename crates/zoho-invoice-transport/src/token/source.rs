//! [`TokenSource`]: where access tokens come from.

use std::fmt;

use async_trait::async_trait;

use super::access::AccessToken;
use crate::error::Error;

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
