//! Access tokens and where they come from: [`TokenSource`], a [`StaticToken`], the
//! refresh-token flow ([`RefreshingToken`]), its access token kept in a file
//! ([`FileTokenStore`]) and the accounts server ([`OAuthClient`]). The layer that puts them
//! on requests is [`AuthLayer`](crate::AuthLayer).

mod access;
mod file;
mod oauth;
mod refresh;
mod source;
mod static_token;
mod token_file;

pub use access::AccessToken;
pub use file::FileTokenStore;
pub use oauth::{ClientCredentials, OAuthClient, TokenSet};
pub use refresh::{RefreshObserver, RefreshingToken};
pub use source::TokenSource;
pub use static_token::StaticToken;
