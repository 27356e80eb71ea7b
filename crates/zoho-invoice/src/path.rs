//! Paths: a template such as `/invoices/{invoice_id}/payments/{invoice_payment_id}` filled
//! with ids, each checked and percent-encoded so that no id can change the path.

use std::fmt::Write;

use zoho_invoice_models::ids::InvalidId;

use crate::Error;

/// Fills a path template's `{...}` placeholders, in order, with the given segments.
///
/// Every segment is percent-encoded (everything but ASCII letters, digits, `-`, `_` and `~`),
/// so `/`, `?`, `#`, `%` and `.` can never split a segment or end the path; an empty segment,
/// one that is only whitespace, and `.` or `..` (which a server may decode and climb with,
/// even encoded) are refused.
pub fn fill(template: &str, segments: &[&str]) -> Result<String, Error> {
    let mut out = String::with_capacity(template.len() + 24 * segments.len());
    let mut segments = segments.iter();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..]
            .find('}')
            .map(|c| open + c)
            .unwrap_or(rest.len() - 1);
        let segment = segments
            .next()
            .ok_or_else(|| Error::from(InvalidId::Empty))?;
        push_segment(&mut out, segment)?;
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn push_segment(out: &mut String, segment: &str) -> Result<(), Error> {
    if segment.trim().is_empty() {
        return Err(InvalidId::Empty.into());
    }
    if segment == "." || segment == ".." {
        return Err(InvalidId::Unsafe {
            id: segment.to_owned(),
        }
        .into());
    }
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{byte:02X}");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use zoho_invoice_transport::ErrorKind;

    #[test]
    fn fills_placeholders_in_order() {
        assert_eq!(
            fill(
                "/invoices/{invoice_id}/payments/{invoice_payment_id}",
                &["1", "2"]
            )
            .unwrap(),
            "/invoices/1/payments/2"
        );
        assert_eq!(fill("/items", &[]).unwrap(), "/items");
    }

    #[test]
    fn encodes_everything_that_could_change_the_path() {
        assert_eq!(fill("/items/{id}", &["a/b"]).unwrap(), "/items/a%2Fb");
        assert!(fill("/items/{id}", &[".."]).is_err());
        assert!(fill("/items/{id}", &["."]).is_err());
        assert_eq!(fill("/items/{id}", &["..."]).unwrap(), "/items/%2E%2E%2E");
        assert_eq!(
            fill("/items/{id}", &["1?x=2#f"]).unwrap(),
            "/items/1%3Fx%3D2%23f"
        );
        assert_eq!(fill("/items/{id}", &["%2F"]).unwrap(), "/items/%252F");
        assert_eq!(fill("/items/{id}", &["é"]).unwrap(), "/items/%C3%A9");
    }

    #[test]
    fn refuses_empty_segments() {
        for empty in ["", "  "] {
            let error = fill("/items/{id}", &[empty]).unwrap_err();
            assert!(
                matches!(error.kind(), ErrorKind::InvalidId(InvalidId::Empty)),
                "{error}"
            );
        }
        assert!(fill("/items/{id}", &[]).is_err());
    }
}
