//! Zoho's data centres: where the API and the accounts (OAuth) server live.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, ErrorKind};

/// The path of the Invoice API under an API domain.
pub const API_PATH: &str = "/invoice/v3";

/// A Zoho data centre, or a custom pair of API base URL and accounts server.
///
/// ```
/// use zoho_invoice_transport::Region;
/// let ca: Region = "ca".parse().unwrap();
/// assert_eq!(ca.api_base(), "https://www.zohoapis.ca/invoice/v3");
/// assert_eq!(ca.accounts_url(), "https://accounts.zohocloud.ca");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Region {
    /// United States: `zohoapis.com`, `accounts.zoho.com`.
    #[default]
    Com,
    /// Europe: `zohoapis.eu`.
    Eu,
    /// India: `zohoapis.in`.
    In,
    /// Australia: `zohoapis.com.au`.
    ComAu,
    /// Japan: `zohoapis.jp`.
    Jp,
    /// Canada: `zohoapis.ca`, accounts server `accounts.zohocloud.ca` (not `.ca`).
    Ca,
    /// China: `zohoapis.com.cn`.
    ComCn,
    /// Saudi Arabia: `zohoapis.sa`.
    Sa,
    /// Any other pair: a full API base URL (with `/invoice/v3` or whatever path the server
    /// uses) and an accounts server URL. Used for newer regions and for test servers.
    Custom {
        /// The API base URL, e.g. `https://www.zohoapis.uk/invoice/v3`.
        api_base: String,
        /// The accounts server, e.g. `https://accounts.zoho.uk`.
        accounts_url: String,
    },
}

impl Region {
    /// Every built-in region.
    pub const ALL: [Region; 8] = [
        Region::Com,
        Region::Eu,
        Region::In,
        Region::ComAu,
        Region::Jp,
        Region::Ca,
        Region::ComCn,
        Region::Sa,
    ];

    /// A custom region (trailing slashes are removed).
    pub fn custom(api_base: impl Into<String>, accounts_url: impl Into<String>) -> Self {
        Self::Custom {
            api_base: api_base.into().trim_end_matches('/').to_owned(),
            accounts_url: accounts_url.into().trim_end_matches('/').to_owned(),
        }
    }

    /// The top-level domain of a built-in region (`com`, `eu`, `com.au`, ...).
    pub fn domain_suffix(&self) -> Option<&'static str> {
        Some(match self {
            Self::Com => "com",
            Self::Eu => "eu",
            Self::In => "in",
            Self::ComAu => "com.au",
            Self::Jp => "jp",
            Self::Ca => "ca",
            Self::ComCn => "com.cn",
            Self::Sa => "sa",
            Self::Custom { .. } => return None,
        })
    }

    /// The API domain, without the API path: `https://www.zohoapis.eu`. For a custom region,
    /// the API base as given.
    pub fn api_domain(&self) -> String {
        match (self, self.domain_suffix()) {
            (Self::Custom { api_base, .. }, _) => api_base.clone(),
            (_, Some(suffix)) => format!("https://www.zohoapis.{suffix}"),
            (_, None) => unreachable!("built-in regions have a suffix"),
        }
    }

    /// The API base URL: `https://www.zohoapis.eu/invoice/v3`.
    pub fn api_base(&self) -> String {
        match self {
            Self::Custom { api_base, .. } => api_base.clone(),
            _ => format!("{}{API_PATH}", self.api_domain()),
        }
    }

    /// The accounts (OAuth) server: `https://accounts.zoho.eu`; Canada's is
    /// `https://accounts.zohocloud.ca`.
    pub fn accounts_url(&self) -> String {
        match self {
            Self::Custom { accounts_url, .. } => accounts_url.clone(),
            Self::Ca => "https://accounts.zohocloud.ca".to_owned(),
            _ => format!(
                "https://accounts.zoho.{}",
                self.domain_suffix().unwrap_or("com")
            ),
        }
    }

    /// The built-in region whose accounts server is `accounts_server` (the `accounts-server`
    /// parameter of the authorization redirect), if any.
    pub fn from_accounts_server(accounts_server: &str) -> Option<Self> {
        let wanted = accounts_server.trim_end_matches('/');
        Self::ALL.into_iter().find(|r| r.accounts_url() == wanted)
    }

    /// Whether this is a [`Region::Custom`].
    pub fn is_custom(&self) -> bool {
        matches!(self, Self::Custom { .. })
    }
}

impl fmt::Debug for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Custom {
                api_base,
                accounts_url,
            } => f
                .debug_struct("Custom")
                .field("api_base", api_base)
                .field("accounts_url", accounts_url)
                .finish(),
            other => f.write_str(other.domain_suffix().unwrap_or("custom")),
        }
    }
}

impl FromStr for Region {
    type Err = Error;

    /// Parses a domain suffix: `com`, `us`, `eu`, `in`, `com.au`, `au`, `jp`, `ca`, `com.cn`,
    /// `cn`, `sa`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(
            match s
                .trim()
                .trim_start_matches('.')
                .to_ascii_lowercase()
                .as_str()
            {
                "com" | "us" => Self::Com,
                "eu" => Self::Eu,
                "in" => Self::In,
                "com.au" | "au" => Self::ComAu,
                "jp" => Self::Jp,
                "ca" => Self::Ca,
                "com.cn" | "cn" => Self::ComCn,
                "sa" => Self::Sa,
                other => return Err(ErrorKind::Config(format!("unknown region {other:?}")).into()),
            },
        )
    }
}
