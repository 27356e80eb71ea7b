//! `multipart/form-data` bodies for uploads.
//!
//! The boundary is random for each body and checked against the file, so no file can end its
//! part early or smuggle a second one in; the content type is checked to be a plain MIME type
//! (`type/subtype` with optional parameters, no line breaks), so it cannot inject a header.

use bytes::{BufMut, BytesMut};
use http::HeaderValue;
use zoho_invoice_transport::{ApiRequest, ErrorKind};

use crate::Error;
use crate::endpoint::Upload;

/// Puts `upload` in `request` as a one-part multipart body.
pub(crate) fn attach(request: ApiRequest, upload: &Upload) -> Result<ApiRequest, Error> {
    check_content_type(&upload.content_type)?;
    let boundary = boundary_for(&upload.bytes);
    let mut body = BytesMut::with_capacity(upload.bytes.len() + 256);
    body.put_slice(format!("--{boundary}\r\n").as_bytes());
    let file_name = upload
        .file_name
        .replace(|c: char| c == '"' || c == '\\' || c.is_control(), "_");
    body.put_slice(
        format!(
            "Content-Disposition: form-data; name=\"{}\"; filename=\"{file_name}\"\r\nContent-Type: {}\r\n\r\n",
            upload.field, upload.content_type
        )
        .as_bytes(),
    );
    body.put_slice(&upload.bytes);
    body.put_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let content_type =
        HeaderValue::try_from(format!("multipart/form-data; boundary={boundary}"))
            .map_err(|e| ErrorKind::InvalidRequest(format!("multipart content type: {e}")))?;
    Ok(request.with_body(body.freeze(), content_type))
}

/// A random boundary that does not occur in `content`.
fn boundary_for(content: &[u8]) -> String {
    loop {
        let boundary = format!(
            "zoho-invoice-rs-{:016x}{:016x}",
            fastrand::u64(..),
            fastrand::u64(..)
        );
        let needle = boundary.as_bytes();
        if !content.windows(needle.len()).any(|window| window == needle) {
            return boundary;
        }
    }
}

/// Refuses a content type that is not `type/subtype` (RFC 2045 tokens) with optional
/// `; name=value` parameters and nothing that could end the header line.
fn check_content_type(content_type: &str) -> Result<(), Error> {
    let refuse = || {
        Error::from(ErrorKind::InvalidRequest(format!(
            "the upload's content type {content_type:?} is not a MIME type"
        )))
    };
    let is_token = |text: &str| {
        !text.is_empty()
            && text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
    };
    if content_type.bytes().any(|b| b.is_ascii_control()) {
        return Err(refuse());
    }
    let mut parts = content_type.split(';');
    let essence = parts.next().unwrap_or_default().trim();
    let Some((kind, subtype)) = essence.split_once('/') else {
        return Err(refuse());
    };
    if !is_token(kind) || !is_token(subtype) {
        return Err(refuse());
    }
    for parameter in parts {
        let Some((name, value)) = parameter.trim().split_once('=') else {
            return Err(refuse());
        };
        let quoted = value.len() >= 2 && value.starts_with('"') && value.ends_with('"');
        let inner_ok = quoted && !value[1..value.len() - 1].contains(['"', '\\']);
        if !is_token(name.trim()) || !(is_token(value) || inner_ok) {
            return Err(refuse());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upload(content_type: &str, bytes: &[u8]) -> Upload {
        Upload::new("attachment", "a.pdf", content_type, bytes.to_vec())
    }

    #[test]
    fn content_types_are_checked() {
        #[rustfmt::skip]
        let table = [
            ("application/pdf", true), ("image/png", true),
            ("text/plain; charset=utf-8", true), ("text/plain; charset=\"utf-8\"", true),
            ("application/vnd.ms-excel", true),
            ("application/pdf\r\nX-Injected: 1", false), ("text/plain\n", false),
            ("pdf", false), ("/pdf", false), ("application/", false),
            ("a b/c", false), ("text/plain; charset", false), ("text/plain; a=\"b\\\"", false),
            ("", false),
        ];
        for (content_type, ok) in table {
            let request = ApiRequest::post("/invoices/1/attachment").unwrap();
            let result = attach(request, &upload(content_type, b"x"));
            assert_eq!(result.is_ok(), ok, "{content_type:?}");
            if let Err(error) = result {
                assert!(error.is_invalid_input(), "{error}");
            }
        }
    }

    #[test]
    fn a_file_holding_a_boundary_cannot_end_its_part() {
        // A file that holds a boundary-looking line and a forged second part.
        let hostile = b"start\r\n--zoho-invoice-rs-7d1f3c9a4b2e8f60-boundary\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nsmuggled\r\n--zoho-invoice-rs-7d1f3c9a4b2e8f60-boundary--\r\n";
        let request = ApiRequest::post("/invoices/1/attachment").unwrap();
        let request = attach(request, &upload("application/pdf", hostile)).unwrap();
        let header = request.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_owned();
        let boundary = header.split("boundary=").nth(1).unwrap();
        let delimiter = format!("--{boundary}");
        let body = request.body();
        let count = body
            .windows(delimiter.len())
            .filter(|w| *w == delimiter.as_bytes())
            .count();
        assert_eq!(count, 2, "one opening and one closing delimiter");
        assert!(body.windows(hostile.len()).any(|w| w == hostile));
    }

    #[test]
    fn boundaries_differ_and_avoid_the_content() {
        let a = boundary_for(b"");
        let b = boundary_for(b"");
        assert_ne!(a, b);
        let content = format!("xx{a}yy");
        assert_ne!(boundary_for(content.as_bytes()), a);
    }
}
