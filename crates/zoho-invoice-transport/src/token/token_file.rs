//! The token file itself: its JSON format, reading it (or why it cannot be used), writing it
//! atomically and removing it.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The version of the file format this code writes and reads.
pub(crate) const FORMAT_VERSION: u32 = 1;

/// A larger file is not a token file: it is not read.
const MAX_FILE_BYTES: u64 = 64 * 1024;

/// The file's content. No `Debug`: it holds the access token.
#[derive(Serialize, Deserialize)]
struct Record {
    version: u32,
    key: String,
    access_token: String,
    #[serde(default)]
    api_domain: Option<String>,
    /// Seconds since 1970 (UTC) when the access token expires.
    expires_at: u64,
}

/// Names the refresh token a file's access token belongs to, without revealing it: the
/// SHA-256 digest (hex) of the client id, the accounts server and the refresh token, each
/// length-prefixed so that no two triples give the same input.
pub(crate) fn record_key(
    client_id: &str,
    accounts_url: &str,
    refresh_token: &SecretString,
) -> String {
    let mut digest = Sha256::new();
    digest.update(b"zoho-invoice token file\0");
    for part in [
        client_id.as_bytes(),
        accounts_url.as_bytes(),
        refresh_token.expose_secret().as_bytes(),
    ] {
        digest.update((part.len() as u64).to_be_bytes());
        digest.update(part);
    }
    digest
        .finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// An access token read from the file.
pub(crate) struct StoredToken {
    pub(crate) access_token: SecretString,
    pub(crate) api_domain: Option<String>,
    /// How long it is still valid (more than zero).
    pub(crate) valid_for: Duration,
}

/// Why a token file cannot be used. Its `Display` names the reason and never the content.
#[derive(Debug)]
pub(crate) enum Unusable {
    /// There is no file.
    Missing,
    /// The file cannot be read.
    Unreadable(io::ErrorKind),
    /// The file is larger than any token file.
    TooLarge(u64),
    /// The file ends before its JSON does.
    Truncated,
    /// The file is not a token file of this format.
    Corrupt { line: usize, column: usize },
    /// Another version of the format.
    UnknownVersion(u32),
    /// The token belongs to another refresh token, client or accounts server.
    Foreign,
    /// The token has expired.
    Expired,
}

impl fmt::Display for Unusable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Missing => f.write_str("no file"),
            Self::Unreadable(kind) => write!(f, "unreadable ({kind})"),
            Self::TooLarge(bytes) => write!(f, "too large for a token file ({bytes} bytes)"),
            Self::Truncated => f.write_str("truncated"),
            // serde_json's own message can quote the content: only the place is told.
            Self::Corrupt { line, column } => {
                write!(f, "not a token file (at line {line}, column {column})")
            }
            Self::UnknownVersion(version) => write!(f, "format version {version} is not known"),
            Self::Foreign => f.write_str("the token belongs to another refresh token"),
            Self::Expired => f.write_str("the token has expired"),
        }
    }
}

fn read_record(path: &Path) -> Result<Record, Unusable> {
    let file = File::open(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => Unusable::Missing,
        kind => Unusable::Unreadable(kind),
    })?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Unusable::Unreadable(e.kind()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Unusable::TooLarge(bytes.len() as u64));
    }
    serde_json::from_slice(&bytes).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => Unusable::Truncated,
        _ => Unusable::Corrupt {
            line: e.line(),
            column: e.column(),
        },
    })
}

/// Seconds since 1970 at `time` (zero before 1970).
fn unix_seconds(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// The access token in the file at `path`, if it belongs to `key` and is still valid at `now`.
pub(crate) fn read(path: &Path, key: &str, now: SystemTime) -> Result<StoredToken, Unusable> {
    let record = read_record(path)?;
    if record.version != FORMAT_VERSION {
        return Err(Unusable::UnknownVersion(record.version));
    }
    if record.key != key {
        return Err(Unusable::Foreign);
    }
    let valid_for = Duration::from_secs(record.expires_at.saturating_sub(unix_seconds(now)));
    if valid_for.is_zero() {
        return Err(Unusable::Expired);
    }
    Ok(StoredToken {
        access_token: SecretString::from(record.access_token),
        api_domain: record.api_domain,
        valid_for,
    })
}

/// The file's content for `access_token`, expiring at `expires_at`.
pub(crate) fn render(
    key: &str,
    access_token: &SecretString,
    api_domain: Option<&str>,
    expires_at: SystemTime,
) -> Vec<u8> {
    let record = Record {
        version: FORMAT_VERSION,
        key: key.to_owned(),
        access_token: access_token.expose_secret().to_owned(),
        api_domain: api_domain.map(str::to_owned),
        expires_at: unix_seconds(expires_at),
    };
    let mut bytes = serde_json::to_vec_pretty(&record).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// Creates a new file only its owner can read or write (0600 on unix, set as it is created).
fn create_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// The directory `path` is in (`.` for a bare file name).
fn directory_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// A temporary file's path beside `path`, unlikely to be anyone else's.
fn temporary_beside(path: &Path) -> io::Result<PathBuf> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            "the token file path names no file",
        )
    })?;
    Ok(directory_of(path).join(format!(
        ".{}.{}-{:016x}.tmp",
        name.to_string_lossy(),
        std::process::id(),
        fastrand::u64(..)
    )))
}

/// Replaces the file at `path` with `content` all at once: a temporary file in the same
/// directory is written, flushed to disk and renamed over it. Readers see the old content or
/// the new, never part of either; on failure the old file is left as it was and the
/// temporary file is removed.
pub(crate) fn write_atomically(path: &Path, content: &[u8]) -> io::Result<()> {
    let temporary = temporary_beside(path)?;
    let written = create_private(&temporary).and_then(|mut file| {
        file.write_all(content)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temporary, path)
    });
    if let Err(error) = written {
        // Nothing is left behind (the temporary file may not even exist).
        let _ = fs::remove_file(&temporary);
        return Err(error);
    }
    sync_directory(directory_of(path));
    Ok(())
}

/// Makes the rename itself durable. Best effort: not every system can open a directory.
fn sync_directory(dir: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Removes the file at `path` if it holds `access_token` (and nothing else: a newer token
/// written since, by this process or another, stays). `Ok(true)` when it was removed.
pub(crate) fn remove_if_holds(path: &Path, access_token: &SecretString) -> io::Result<bool> {
    let holds =
        read_record(path).is_ok_and(|record| record.access_token == access_token.expose_secret());
    if !holds {
        return Ok(false);
    }
    match fs::remove_file(path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn secret(s: &str) -> SecretString {
        SecretString::from(s.to_owned())
    }

    #[test]
    fn the_key_depends_on_each_part_and_hides_the_refresh_token() {
        let key = record_key("id", "https://accounts.zoho.com", &secret("1000.refresh"));
        assert_eq!(key.len(), 64);
        assert!(key.bytes().all(|b| b.is_ascii_hexdigit()));
        assert!(!key.contains("refresh"));
        let others = [
            record_key("id2", "https://accounts.zoho.com", &secret("1000.refresh")),
            record_key("id", "https://accounts.zoho.eu", &secret("1000.refresh")),
            record_key("id", "https://accounts.zoho.com", &secret("1000.refresh2")),
            // The same bytes split differently.
            record_key("i", "dhttps://accounts.zoho.com", &secret("1000.refresh")),
        ];
        for other in others {
            assert_ne!(key, other);
        }
        assert_eq!(
            key,
            record_key("id", "https://accounts.zoho.com", &secret("1000.refresh"))
        );
    }

    #[test]
    fn what_is_written_reads_back_until_it_expires() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("token.json");
        let now = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let content = render(
            "k",
            &secret("1000.access"),
            Some("https://www.zohoapis.eu"),
            now + Duration::from_secs(3600),
        );
        write_atomically(&path, &content).unwrap();
        let stored = read(&path, "k", now).unwrap();
        assert_eq!(stored.access_token.expose_secret(), "1000.access");
        assert_eq!(
            stored.api_domain.as_deref(),
            Some("https://www.zohoapis.eu")
        );
        assert_eq!(stored.valid_for, Duration::from_secs(3600));
        let json: serde_json::Value = serde_json::from_slice(&content).unwrap();
        assert_eq!(json["version"], 1);
        assert_eq!(json["expires_at"], 1_700_003_600);
        assert!(matches!(
            read(&path, "k", now + Duration::from_secs(3600)),
            Err(Unusable::Expired)
        ));
        assert!(matches!(read(&path, "other", now), Err(Unusable::Foreign)));
    }

    #[test]
    fn reasons_never_quote_the_content() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("token.json");
        let now = SystemTime::now();
        for content in [
            r#"{"version":1,"key":"k","access_token":"SECRET-A","expires_at":"SECRET-B"}"#,
            r#"{"version":"SECRET-C"}"#,
            r#"SECRET-D"#,
            r#"{"version":1,"key":"k","access_token":"SECRET-E""#,
        ] {
            fs::write(&path, content).unwrap();
            let reason = read(&path, "k", now).err().unwrap();
            assert!(!reason.to_string().contains("SECRET"), "{reason}");
            assert!(!format!("{reason:?}").contains("SECRET"), "{reason:?}");
        }
    }

    #[test]
    fn a_file_too_large_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("token.json");
        fs::write(&path, vec![b' '; MAX_FILE_BYTES as usize + 1]).unwrap();
        assert!(matches!(
            read(&path, "k", SystemTime::now()),
            Err(Unusable::TooLarge(_))
        ));
    }

    #[test]
    fn a_path_that_names_no_file_is_an_error_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let error = write_atomically(&dir.path().join(".."), b"{}").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidInput);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
