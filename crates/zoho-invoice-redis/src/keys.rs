//! The names of the keys the fleet keeps in Redis.
//!
//! Each name carries one hash tag (`{...}`): an organization's id for its limits, a digest of
//! the refresh token for its token. Redis Cluster puts every key with the same tag in the same
//! slot, so each script, which touches the keys of one tag only, runs on one node.
//!
//! ```text
//! {prefix}:rate:{10234695}:window   sorted set: admissions of the sliding window, by time
//! {prefix}:rate:{10234695}:slots    sorted set: requests in flight, by when their slot expires
//! {prefix}:rate:{10234695}:quota    hash: the daily quota as last reported, and its reset
//! {prefix}:rate:{10234695}:pause    string: until when a 429 holds the organization back
//! {prefix}:token:{t-<digest>}:value    the access token (sealed or not), expiring with it
//! {prefix}:token:{t-<digest>}:lock     held by the one process that refreshes
//! {prefix}:token:{t-<digest>}:sent     sorted set: recent token requests (the budget)
//! {prefix}:token:{t-<digest>}:backoff  why and until when nobody asks for a token
//! {prefix}:token:{t-<digest>}:streak   throttles in a row
//! ```

use std::fmt::Write as _;

use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};
use zoho_invoice_transport::Error;

use crate::failure::config;

/// The default prefix of every key.
pub const DEFAULT_KEY_PREFIX: &str = "zoho-invoice";

/// The longest prefix accepted.
const MAX_PREFIX: usize = 100;

/// Checks a key prefix: not empty, at most 100 bytes, printable ASCII without braces (a brace
/// would move the hash tag) or spaces.
pub(crate) fn check_prefix(prefix: &str) -> Result<(), Error> {
    let fine = |c: char| c.is_ascii_graphic() && c != '{' && c != '}';
    if prefix.is_empty() || prefix.len() > MAX_PREFIX || !prefix.chars().all(fine) {
        return Err(config(format!(
            "the Redis key prefix must be 1 to {MAX_PREFIX} printable ASCII characters \
             without braces or spaces"
        )));
    }
    Ok(())
}

/// An organization id as a hash tag's content: letters, digits, `-`, `_` and `.` kept, any
/// other byte as `%XX` (so that no id can close the tag early), and `_` for no id at all.
fn org_tag(organization: &str) -> String {
    if organization.is_empty() {
        return "_".into();
    }
    let mut tag = String::with_capacity(organization.len());
    for byte in organization.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.') {
            tag.push(char::from(byte));
        } else {
            let _ = write!(tag, "%{byte:02X}");
        }
    }
    tag
}

/// The keys of one organization's limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RateKeys {
    pub(crate) window: String,
    pub(crate) slots: String,
    pub(crate) quota: String,
    pub(crate) pause: String,
}

impl RateKeys {
    pub(crate) fn new(prefix: &str, organization: &str) -> Self {
        let base = format!("{prefix}:rate:{{{}}}", org_tag(organization));
        Self {
            window: format!("{base}:window"),
            slots: format!("{base}:slots"),
            quota: format!("{base}:quota"),
            pause: format!("{base}:pause"),
        }
    }

    /// In the order the scripts take them.
    pub(crate) fn all(&self) -> [&str; 4] {
        [&self.window, &self.slots, &self.quota, &self.pause]
    }
}

/// The keys of one refresh token's access token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TokenKeys {
    pub(crate) value: String,
    pub(crate) lock: String,
    pub(crate) sent: String,
    pub(crate) backoff: String,
    pub(crate) streak: String,
}

impl TokenKeys {
    /// The keys of the tokens `refresh_token` gets from `accounts_url`: named by a SHA-256
    /// digest of both (never the token itself).
    pub(crate) fn new(prefix: &str, accounts_url: &str, refresh_token: &SecretString) -> Self {
        let mut hasher = Sha256::new();
        hasher.update(b"zoho-invoice-redis token key v1\0");
        hasher.update(accounts_url.as_bytes());
        hasher.update(b"\0");
        hasher.update(refresh_token.expose_secret().as_bytes());
        let digest = hasher.finalize();
        let mut tag = String::with_capacity(34);
        tag.push_str("t-");
        // 128 bits name the token well enough and keep the keys short.
        for byte in &digest[..16] {
            let _ = write!(tag, "{byte:02x}");
        }
        let base = format!("{prefix}:token:{{{tag}}}");
        Self {
            value: format!("{base}:value"),
            lock: format!("{base}:lock"),
            sent: format!("{base}:sent"),
            backoff: format!("{base}:backoff"),
            streak: format!("{base}:streak"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The content of a key's hash tag, as Redis Cluster finds it.
    fn hash_tag(key: &str) -> Option<&str> {
        let open = key.find('{')?;
        let close = key[open + 1..].find('}')? + open + 1;
        (close > open + 1).then(|| &key[open + 1..close])
    }

    #[test]
    fn an_organizations_keys_share_one_tag_that_no_id_can_break() {
        for (org, tag) in [
            ("10234695", "10234695"),
            ("", "_"),
            ("a}b{c", "a%7Db%7Bc"),
            ("x y", "x%20y"),
            ("é", "%C3%A9"),
        ] {
            let keys = RateKeys::new("zi", org);
            for key in keys.all() {
                assert_eq!(hash_tag(key), Some(tag), "{key}");
                assert!(key.starts_with("zi:rate:{"), "{key}");
            }
        }
        assert_ne!(RateKeys::new("zi", "1"), RateKeys::new("zi", "2"));
    }

    #[test]
    fn token_keys_name_a_digest_never_the_token() {
        let token = SecretString::from("1000.refresh.SECRET");
        let keys = TokenKeys::new("zi", "https://accounts.zoho.com", &token);
        let all = [
            &keys.value,
            &keys.lock,
            &keys.sent,
            &keys.backoff,
            &keys.streak,
        ];
        let tag = hash_tag(&keys.value).unwrap();
        assert!(tag.starts_with("t-") && tag.len() == 34, "{tag}");
        for key in all {
            assert_eq!(hash_tag(key), Some(tag));
            assert!(!key.contains("SECRET") && !key.contains("refresh"), "{key}");
        }
        let other = TokenKeys::new("zi", "https://accounts.zoho.eu", &token);
        assert_ne!(keys.value, other.value, "the accounts server counts");
        let same = TokenKeys::new("zi", "https://accounts.zoho.com", &token);
        assert_eq!(keys, same, "every process finds the same keys");
    }

    #[test]
    fn prefixes_that_would_move_the_tag_are_refused() {
        for bad in ["", "a{b", "a}", "with space", "tab\t", &"x".repeat(101)] {
            assert!(check_prefix(bad).is_err(), "{bad:?}");
        }
        for good in ["zoho-invoice", "app:prod", "x"] {
            assert!(check_prefix(good).is_ok(), "{good:?}");
        }
    }
}
