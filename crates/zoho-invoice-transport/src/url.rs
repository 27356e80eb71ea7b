//! URLs: the HTTPS-only rule, joining a path to the API base, refusing `..` segments, and
//! keeping credentials inside a URL out of error messages.

use std::sync::Arc;

use http::Uri;
use http::uri::{Authority, PathAndQuery, Scheme};

use crate::error::{Error, ErrorKind};

fn invalid(reason: impl Into<String>) -> Error {
    ErrorKind::InvalidRequest(reason.into()).into()
}

/// `url` with any `user:password@` removed, for messages.
pub(crate) fn redact(url: &str) -> String {
    let (scheme, rest) = match url.split_once("://") {
        Some((scheme, rest)) => (Some(scheme), rest),
        None => (None, url),
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let host = match authority.rsplit_once('@') {
        Some((_, host)) => format!("[REDACTED]@{host}"),
        None => authority.to_owned(),
    };
    match scheme {
        Some(scheme) => format!("{scheme}://{host}{tail}"),
        None => format!("{host}{tail}"),
    }
}

/// Checks the HTTPS-only rule for an absolute URI.
pub(crate) fn check_scheme(uri: &Uri, allow_http: bool) -> Result<(), Error> {
    match uri.scheme_str() {
        Some("https") => Ok(()),
        Some("http") if allow_http => Ok(()),
        Some("http") => Err(ErrorKind::InsecureUrl(redact(&format!(
            "http://{}",
            uri.authority().map(|a| a.as_str()).unwrap_or("")
        )))
        .into()),
        _ => Err(invalid("the URL must be absolute, with https")),
    }
}

/// Parses a configured URL (an API base, an accounts server) and checks its scheme; the
/// error never shows credentials inside it.
pub(crate) fn parse_configured(url: &str, allow_http: bool) -> Result<Uri, Error> {
    let uri: Uri = url
        .parse()
        .map_err(|e| Error::from(ErrorKind::Config(format!("bad URL {:?}: {e}", redact(url)))))?;
    check_scheme(&uri, allow_http)?;
    Ok(uri)
}

/// Refuses a path with a `.` or `..` segment, plain or percent-encoded: joined to the API
/// base, it could leave it.
pub(crate) fn refuse_dot_segments(path: &str) -> Result<(), Error> {
    // Most paths have neither a dot nor an escape: one pass over the bytes says so.
    let suspect = path.bytes().any(|b| b == b'.' || b == b'%');
    if suspect && path.split('/').any(is_dot_segment) {
        return Err(invalid(
            "the path has a `.` or `..` segment; it must stay under the API base",
        ));
    }
    Ok(())
}

/// Whether `segment` is `.` or `..`, each dot plain or as `%2e`/`%2E` (no allocation: this
/// runs for every request).
fn is_dot_segment(segment: &str) -> bool {
    let mut rest = segment.as_bytes();
    let mut dots = 0;
    while !rest.is_empty() {
        rest = match rest {
            [b'.', tail @ ..] => tail,
            [b'%', b'2', b'e' | b'E', tail @ ..] => tail,
            _ => return false,
        };
        dots += 1;
    }
    matches!(dots, 1 | 2)
}

/// Joins `base` and the request's relative URI; an absolute URI must already be under `base`
/// (so that a token never goes to another host).
pub(crate) fn absolute_uri(base: &str, uri: &Uri) -> Result<Uri, Error> {
    if uri.scheme().is_some() {
        let text = uri.to_string();
        let under = text
            .strip_prefix(base)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/') || rest.starts_with('?'));
        return if under {
            Ok(uri.clone())
        } else {
            Err(invalid("an absolute URL must be under the API base"))
        };
    }
    let path_and_query = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    let separator = if path_and_query.starts_with('/') {
        ""
    } else {
        "/"
    };
    format!("{base}{separator}{path_and_query}")
        .parse()
        .map_err(|e| invalid(format!("bad URL: {e}")))
}

/// An API base URL, split once into what a URI is made of.
#[derive(Debug, Clone)]
pub(crate) struct BaseUrl {
    text: Arc<str>,
    /// Scheme, authority and the path after them, when the base splits cleanly.
    split: Option<(Scheme, Authority, String)>,
}

impl BaseUrl {
    /// Splits `base`, an absolute URL.
    pub(crate) fn new(base: &str) -> Self {
        let split = base.parse::<Uri>().ok().and_then(|uri| {
            let parts = uri.into_parts();
            let (scheme, authority) = (parts.scheme?, parts.authority?);
            let prefix = format!("{scheme}://{authority}");
            let path = base.strip_prefix(&prefix)?;
            (!path.contains(['?', '#'])).then(|| (scheme, authority, path.to_owned()))
        });
        Self {
            text: base.into(),
            split,
        }
    }

    /// The base's scheme, when it splits cleanly.
    pub(crate) fn scheme(&self) -> Option<&Scheme> {
        self.split.as_ref().map(|(scheme, _, _)| scheme)
    }

    /// The absolute URI of `uri`, relative to this base or already absolute under it: the
    /// same as [`absolute_uri`], without parsing the base again.
    pub(crate) fn join(&self, uri: &Uri) -> Result<Uri, Error> {
        let Some((scheme, authority, base_path)) = &self.split else {
            return absolute_uri(&self.text, uri);
        };
        if uri.scheme().is_some() {
            return absolute_uri(&self.text, uri);
        }
        let relative = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
        let mut path = String::with_capacity(base_path.len() + 1 + relative.len());
        path.push_str(base_path);
        if !relative.starts_with('/') {
            path.push('/');
        }
        path.push_str(relative);
        let bad = |e: &dyn std::fmt::Display| invalid(format!("bad URL: {e}"));
        let mut parts = http::uri::Parts::default();
        parts.scheme = Some(scheme.clone());
        parts.authority = Some(authority.clone());
        parts.path_and_query = Some(PathAndQuery::try_from(path).map_err(|e| bad(&e))?);
        Uri::from_parts(parts).map_err(|e| bad(&e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_relative_paths_and_guards_absolute_ones() {
        let base = "https://www.zohoapis.eu/invoice/v3";
        let join = |p: &str| absolute_uri(base, &p.parse().unwrap()).map(|u| u.to_string());
        assert_eq!(
            join("/invoices?page=2").unwrap(),
            "https://www.zohoapis.eu/invoice/v3/invoices?page=2"
        );
        assert!(join("https://www.zohoapis.eu/invoice/v3/items").is_ok());
        assert!(join("https://evil.example/invoice/v3/items").is_err());
        assert!(join("https://www.zohoapis.eu/invoice/v30").is_err());
    }

    #[test]
    fn the_split_base_joins_like_the_text_one() {
        for base in [
            "https://www.zohoapis.eu/invoice/v3",
            "http://127.0.0.1:8080/invoice/v3",
            "https://example.test",
        ] {
            let split = BaseUrl::new(base);
            assert!(split.split.is_some(), "{base}");
            for path in [
                "/invoices?page=2",
                "invoices",
                "/",
                "/items/1?a=b&c=d",
                &format!("{base}/items"),
                "https://evil.example/invoice/v3/items",
            ] {
                let uri: Uri = path.parse().unwrap();
                let joined = split.join(&uri).map(|u| u.to_string()).ok();
                let expected = absolute_uri(base, &uri).map(|u| u.to_string()).ok();
                assert_eq!(joined, expected, "{base} + {path}");
            }
        }
    }

    #[test]
    fn credentials_in_urls_are_redacted() {
        #[rustfmt::skip]
        let table = [
            ("http://user:pa55@host:8080/invoice/v3", "http://[REDACTED]@host:8080/invoice/v3"),
            ("https://user@host/x?y=z", "https://[REDACTED]@host/x?y=z"),
            ("https://host/a@b", "https://host/a@b"),
            ("host:1", "host:1"),
        ];
        for (url, expected) in table {
            assert_eq!(redact(url), expected, "{url}");
        }
        let uri: Uri = "http://user:pa55@host/x".parse().unwrap();
        let error = check_scheme(&uri, false).unwrap_err().to_string();
        assert!(!error.contains("pa55"), "{error}");
        let error = parse_configured("http://user:pa55@host/ x", false)
            .unwrap_err()
            .to_string();
        assert!(!error.contains("pa55"), "{error}");
    }

    #[test]
    fn dot_segments_are_refused() {
        #[rustfmt::skip]
        let table = [
            ("/invoices/1", true), ("/invoices/..", false), ("/../x", false),
            ("/a/./b", false), ("/a/%2e%2E/b", false), ("/a/.%2e", false),
            ("/a/...", true), ("/a/..b", true), ("/a/%2e%2e%2e", true),
        ];
        for (path, ok) in table {
            assert_eq!(refuse_dot_segments(path).is_ok(), ok, "{path}");
        }
    }
}
