//! [`SealingKey`]: seals the shared access token with ChaCha20-Poly1305 before it goes to
//! Redis.

use std::fmt;

use chacha20poly1305::aead::{Aead, Generate, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use secrecy::zeroize::Zeroizing;
use secrecy::{ExposeSecret, SecretBox};
use zoho_invoice_transport::Error;

use crate::failure::config;

/// The length of a nonce, stored before each sealed token.
const NONCE_LEN: usize = 12;

/// A 256-bit key the application provides to seal the access token it shares through Redis
/// (ChaCha20-Poly1305, a fresh random nonce for each write, the token's key name as
/// associated data so that a sealed token cannot be moved to another key).
///
/// Every process of the fleet must have the same key. Keep it out of Redis (an environment
/// secret, a secrets manager). Its `Debug` shows nothing of it.
pub struct SealingKey {
    key: SecretBox<[u8; 32]>,
}

impl fmt::Debug for SealingKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SealingKey([REDACTED])")
    }
}

impl Clone for SealingKey {
    fn clone(&self) -> Self {
        Self::from_bytes(*self.key.expose_secret())
    }
}

impl SealingKey {
    /// A key from its 32 bytes.
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self {
            key: SecretBox::new(Box::new(bytes)),
        }
    }

    /// A key from a slice, which must hold exactly 32 bytes (a configuration error says so
    /// otherwise, without quoting it).
    pub fn from_slice(bytes: &[u8]) -> Result<Self, Error> {
        let bytes: [u8; 32] = bytes
            .try_into()
            .map_err(|_| config("a sealing key must be exactly 32 bytes"))?;
        Ok(Self::from_bytes(bytes))
    }

    /// A new random key from the operating system's generator (to store somewhere every
    /// process of the fleet reads it from; a key made per process would not unseal the others'
    /// tokens).
    pub fn generate() -> Result<Self, Error> {
        let key = Key::try_generate()
            .map_err(|_| config("the operating system's random generator failed"))?;
        Ok(Self::from_bytes(key.into()))
    }

    fn cipher(&self) -> ChaCha20Poly1305 {
        ChaCha20Poly1305::new(&Key::from(*self.key.expose_secret()))
    }

    /// `nonce || ciphertext` of `plaintext`, bound to `aad`.
    pub(crate) fn seal(&self, plaintext: &[u8], aad: &[u8]) -> Result<Vec<u8>, Error> {
        let nonce = Nonce::try_generate()
            .map_err(|_| config("the operating system's random generator failed"))?;
        let sealed = self
            .cipher()
            .encrypt(
                &nonce,
                Payload {
                    msg: plaintext,
                    aad,
                },
            )
            .map_err(|_| config("the access token could not be sealed"))?;
        let mut out = Vec::with_capacity(NONCE_LEN + sealed.len());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    /// The plaintext of what [`seal`](Self::seal) made with this key and `aad`; `None` for
    /// anything else (another key, another key name, altered bytes).
    pub(crate) fn open(&self, sealed: &[u8], aad: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
        if sealed.len() < NONCE_LEN {
            return None;
        }
        let (nonce, ciphertext) = sealed.split_at(NONCE_LEN);
        let nonce = Nonce::try_from(nonce).ok()?;
        self.cipher()
            .decrypt(
                &nonce,
                Payload {
                    msg: ciphertext,
                    aad,
                },
            )
            .ok()
            .map(Zeroizing::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_only_with_its_key_and_name() {
        let key = SealingKey::from_bytes([7; 32]);
        let sealed = key.seal(b"1000.token", b"k1").unwrap();
        assert!(!sealed.windows(10).any(|w| w == b"1000.token"));
        assert_eq!(key.open(&sealed, b"k1").unwrap().as_slice(), b"1000.token");
        assert!(key.open(&sealed, b"k2").is_none(), "another key name");
        assert!(
            SealingKey::from_bytes([8; 32])
                .open(&sealed, b"k1")
                .is_none()
        );
        let mut altered = sealed.clone();
        *altered.last_mut().unwrap() ^= 1;
        assert!(key.open(&altered, b"k1").is_none());
        assert!(key.open(&sealed[..5], b"k1").is_none());
        let again = key.seal(b"1000.token", b"k1").unwrap();
        assert_ne!(sealed[..NONCE_LEN], again[..NONCE_LEN], "a nonce per write");
    }

    #[test]
    fn keys_of_the_wrong_size_are_refused_and_none_is_shown() {
        assert!(SealingKey::from_slice(&[1; 31]).is_err());
        assert!(SealingKey::from_slice(&[1; 33]).is_err());
        let key = SealingKey::from_slice(&[0xAB; 32]).unwrap();
        let shown = format!("{key:?}");
        assert_eq!(shown, "SealingKey([REDACTED])");
        let generated = SealingKey::generate().unwrap();
        assert_ne!(generated.key.expose_secret(), key.key.expose_secret());
    }
}
