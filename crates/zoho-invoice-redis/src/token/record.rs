//! The shared access token as stored in Redis: `zt1p` and JSON, or `zt1s` and the JSON
//! sealed. Its expiry is the key's, not in the value.

use secrecy::zeroize::Zeroizing;
use secrecy::{ExposeSecret, SecretString};
use serde_json::{Value, json};
use zoho_invoice_transport::{AccessToken, Error};

use super::seal::SealingKey;

const PLAIN: &[u8] = b"zt1p";
const SEALED: &[u8] = b"zt1s";

/// The bytes to store for `token`: sealed with `key` when there is one. `name` (the key's
/// name) binds a sealed token to its key.
pub(crate) fn encode(
    token: &AccessToken,
    key: Option<&SealingKey>,
    name: &str,
) -> Result<Vec<u8>, Error> {
    let json = Zeroizing::new(
        json!({
            "access_token": token.secret().expose_secret(),
            "api_domain": token.api_domain(),
        })
        .to_string()
        .into_bytes(),
    );
    Ok(match key {
        None => [PLAIN, &json].concat(),
        Some(key) => [SEALED, &key.seal(&json, name.as_bytes())?].concat(),
    })
}

/// Why a stored value cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unreadable {
    /// Sealed, and this process has no key or another one.
    Sealed,
    /// Not sealed, and this process requires sealed tokens.
    NotSealed,
    /// Not a token this crate wrote.
    Malformed,
}

/// The token in `bytes`, as [`encode`] wrote it for `name`.
pub(crate) fn decode(
    bytes: &[u8],
    key: Option<&SealingKey>,
    name: &str,
) -> Result<AccessToken, Unreadable> {
    let json = if let Some(plain) = bytes.strip_prefix(PLAIN) {
        if key.is_some() {
            return Err(Unreadable::NotSealed);
        }
        Zeroizing::new(plain.to_vec())
    } else if let Some(sealed) = bytes.strip_prefix(SEALED) {
        key.and_then(|key| key.open(sealed, name.as_bytes()))
            .ok_or(Unreadable::Sealed)?
    } else {
        return Err(Unreadable::Malformed);
    };
    let value: Value = serde_json::from_slice(&json).map_err(|_| Unreadable::Malformed)?;
    let secret = value
        .get("access_token")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .ok_or(Unreadable::Malformed)?;
    let mut token = AccessToken::new(SecretString::from(secret.to_owned()));
    if let Some(domain) = value.get("api_domain").and_then(Value::as_str) {
        token = token.with_api_domain(domain);
    }
    Ok(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token() -> AccessToken {
        AccessToken::new(SecretString::from("1000.abc.def".to_owned()))
            .with_api_domain("https://www.zohoapis.eu")
    }

    fn same(a: &AccessToken, b: &AccessToken) -> bool {
        a.secret().expose_secret() == b.secret().expose_secret() && a.api_domain() == b.api_domain()
    }

    #[test]
    fn round_trips_plain_and_sealed() {
        let plain = encode(&token(), None, "k").unwrap();
        assert!(plain.starts_with(b"zt1p"));
        assert!(same(&decode(&plain, None, "k").unwrap(), &token()));

        let key = SealingKey::from_bytes([3; 32]);
        let sealed = encode(&token(), Some(&key), "k").unwrap();
        assert!(sealed.starts_with(b"zt1s"));
        assert!(!String::from_utf8_lossy(&sealed).contains("1000.abc.def"));
        assert!(same(&decode(&sealed, Some(&key), "k").unwrap(), &token()));
    }

    #[test]
    fn what_cannot_be_read_says_why() {
        let key = SealingKey::from_bytes([3; 32]);
        let other = SealingKey::from_bytes([4; 32]);
        let sealed = encode(&token(), Some(&key), "k").unwrap();
        let plain = encode(&token(), None, "k").unwrap();
        let cases: [(&[u8], Option<&SealingKey>, &str, Unreadable); 7] = [
            (&sealed, None, "k", Unreadable::Sealed),
            (&sealed, Some(&other), "k", Unreadable::Sealed),
            (&sealed, Some(&key), "moved", Unreadable::Sealed),
            (&plain, Some(&key), "k", Unreadable::NotSealed),
            (b"garbage", None, "k", Unreadable::Malformed),
            (b"zt1p{not json", None, "k", Unreadable::Malformed),
            (
                b"zt1p{\"access_token\":\"\"}",
                None,
                "k",
                Unreadable::Malformed,
            ),
        ];
        for (bytes, key, name, why) in cases {
            assert_eq!(decode(bytes, key, name).err(), Some(why));
        }
    }
}
