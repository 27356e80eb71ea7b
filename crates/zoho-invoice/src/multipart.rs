//! `multipart/form-data` bodies: uploads, and JSON with files (an email's fields in a
//! `JSONString` part beside its `attachments`).
//!
//! The boundary is random for each body and checked against the file, so no file can end its
//! part early or smuggle a second one in; the content type is checked to be a plain MIME type
//! (`type/subtype` with optional parameters, no line breaks), so it cannot inject a header.

use bytes::{BufMut, BytesMut};
use http::HeaderValue;
use zoho_invoice_transport::{ApiRequest, ErrorKind};

use crate::Error;
use crate::endpoint::Upload;

/// Puts `upload` in `request` as a one-part multipart body, under the upload's field.
pub(crate) fn attach(request: ApiRequest, upload: &Upload) -> Result<ApiRequest, Error> {
    form(request, None, std::slice::from_ref(upload), upload.field)
}

/// Puts `json` (as the `JSONString` part, when given) and `files` (each under `file_field`)
/// in `request` as a multipart body.
pub(crate) fn form(
    request: ApiRequest,
    json: Option<&[u8]>,
    files: &[Upload],
    file_field: &str,
) -> Result<ApiRequest, Error> {
    for file in files {
        check_content_type(&file.content_type)?;
    }
    let content: Vec<&[u8]> = json
        .into_iter()
        .chain(files.iter().map(|f| &f.bytes[..]))
        .collect();
    let boundary = boundary_for(&content);
    let size: usize = content.iter().map(|c| c.len() + 256).sum();
    let mut body = BytesMut::with_capacity(size);
    if let Some(json) = json {
        body.put_slice(format!("--{boundary}\r\n").as_bytes());
        body.put_slice(b"Content-Disposition: form-data; name=\"JSONString\"\r\n");
        body.put_slice(b"Content-Type: application/json\r\n\r\n");
        body.put_slice(json);
        body.put_slice(b"\r\n");
    }
    for file in files {
        body.put_slice(format!("--{boundary}\r\n").as_bytes());
        let file_name = file
            .file_name
            .replace(|c: char| c == '"' || c == '\\' || c.is_control(), "_");
        body.put_slice(
            format!(
                "Content-Disposition: form-data; name=\"{file_field}\"; filename=\"{file_name}\"\r\nContent-Type: {}\r\n\r\n",
                file.content_type
            )
            .as_bytes(),
        );
        body.put_slice(&file.bytes);
        body.put_slice(b"\r\n");
    }
    body.put_slice(format!("--{boundary}--\r\n").as_bytes());
    let content_type =
        HeaderValue::try_from(format!("multipart/form-data; boundary={boundary}"))
            .map_err(|e| ErrorKind::InvalidRequest(format!("multipart content type: {e}")))?;
    Ok(request.with_body(body.freeze(), content_type))
}

/// A random boundary that occurs in none of `contents`.
fn boundary_for(contents: &[&[u8]]) -> String {
    loop {
        let boundary = format!(
            "zoho-invoice-rs-{:016x}{:016x}",
            fastrand::u64(..),
            fastrand::u64(..)
        );
        let needle = boundary.as_bytes();
        if !contents
            .iter()
            .any(|content| content.windows(needle.len()).any(|window| window == needle))
        {
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
        let a = boundary_for(&[b""]);
        let b = boundary_for(&[b""]);
        assert_ne!(a, b);
        let content = format!("xx{a}yy");
        assert_ne!(boundary_for(&[b"", content.as_bytes()]), a);
    }

    #[test]
    fn json_with_files_is_a_jsonstring_part_and_one_part_per_file() {
        let files = [
            Upload::new("attachments", "a.pdf", "application/pdf", &b"%PDF-a"[..]),
            Upload::new("attachments", "b.png", "image/png", &b"PNG-b"[..]),
        ];
        let request = form(
            ApiRequest::post("/invoices/1/email").unwrap(),
            Some(br#"{"to_mail_ids":["a@b.example"]}"#),
            &files,
            "attachments",
        )
        .unwrap();
        let body = String::from_utf8_lossy(request.body()).into_owned();
        assert!(body.contains("name=\"JSONString\"\r\nContent-Type: application/json\r\n\r\n{\"to_mail_ids\":[\"a@b.example\"]}\r\n"), "{body}");
        assert!(body.contains("name=\"attachments\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-a\r\n"), "{body}");
        assert!(
            body.contains("name=\"attachments\"; filename=\"b.png\""),
            "{body}"
        );
        let boundary = request.headers()[http::header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .strip_prefix("multipart/form-data; boundary=")
            .unwrap()
            .to_owned();
        assert_eq!(body.matches(&format!("--{boundary}\r\n")).count(), 3);
        assert!(body.ends_with(&format!("--{boundary}--\r\n")));
    }
}
