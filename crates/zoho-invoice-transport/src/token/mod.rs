//! Access tokens and where they come from: [`TokenSource`], a [`StaticToken`], the
//! refresh-token flow ([`RefreshingToken`]) and the accounts server ([`OAuthClient`]). The
//! layer that puts them on requests is [`AuthLayer`](crate::AuthLayer).

mod access;
mod oauth;
mod refresh;
mod source;
mod static_token;

pub use access::AccessToken;
pub use oauth::{ClientCredentials, OAuthClient, TokenSet};
pub use refresh::RefreshingToken;
pub use source::TokenSource;
pub use static_token::StaticToken;
