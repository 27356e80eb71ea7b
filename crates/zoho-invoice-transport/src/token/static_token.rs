//! [`StaticToken`]: a fixed access token.

use async_trait::async_trait;
use secrecy::SecretString;

use super::access::AccessToken;
use super::source::TokenSource;
use crate::error::Error;

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

    fn ready_token(&self) -> Option<AccessToken> {
        Some(self.token.clone())
    }

    fn invalidate(&self, _token: &AccessToken) -> bool {
        false
    }

    fn can_replay(&self) -> bool {
        false
    }
}
