//! Request bodies and query strings: JSON, the legacy `JSONString` form field, and multipart
//! uploads.

use bytes::Bytes;
use serde_json::Value;

use crate::reply::{ApiError, codes};

/// An uploaded file from a multipart body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upload {
    /// The form field name (`attachment`, `receipt`).
    pub field: String,
    /// The file name the client gave.
    pub file_name: String,
    /// The part's content type.
    pub content_type: String,
    /// The file's bytes.
    pub bytes: Bytes,
}

/// A parsed request body.
#[derive(Debug, Clone, Default)]
pub(crate) struct ParsedBody {
    /// The JSON document, from a JSON body or a `JSONString` field.
    pub(crate) json: Option<Value>,
    /// Other form fields.
    pub(crate) fields: Vec<(String, String)>,
    /// Uploaded files.
    pub(crate) files: Vec<Upload>,
}

/// Decodes `%XX` and `+` of a URL-encoded component.
pub(crate) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Splits `a=1&b=2` into decoded pairs.
pub(crate) fn parse_pairs(s: &str) -> Vec<(String, String)> {
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (percent_decode(k), percent_decode(v)),
            None => (percent_decode(p), String::new()),
        })
        .collect()
}

fn parse_json(text: &[u8]) -> Result<Value, ApiError> {
    serde_json::from_slice(text)
        .map_err(|_| ApiError::bad(codes::BAD_JSON, "JSON is not well formed"))
}

/// Parses a body by its content type.
pub(crate) fn parse_body(content_type: &str, body: &Bytes) -> Result<ParsedBody, ApiError> {
    let mut parsed = ParsedBody::default();
    let ct = content_type.to_ascii_lowercase();
    if body.is_empty() {
        return Ok(parsed);
    }
    if ct.starts_with("multipart/form-data") {
        let boundary = content_type
            .split(';')
            .filter_map(|p| p.trim().strip_prefix("boundary="))
            .next()
            .map(|b| b.trim_matches('"').to_string())
            .ok_or_else(|| ApiError::bad(codes::INVALID_VALUE, "Missing multipart boundary"))?;
        for part in multipart_parts(body, &boundary) {
            if part.file_name.is_some() {
                parsed.files.push(Upload {
                    field: part.name,
                    file_name: part.file_name.unwrap_or_default(),
                    content_type: part
                        .content_type
                        .unwrap_or_else(|| "application/octet-stream".into()),
                    bytes: part.bytes,
                });
            } else if part.name == "JSONString" {
                parsed.json = Some(parse_json(&part.bytes)?);
            } else {
                parsed
                    .fields
                    .push((part.name, String::from_utf8_lossy(&part.bytes).into_owned()));
            }
        }
    } else if ct.starts_with("application/x-www-form-urlencoded") {
        let text = String::from_utf8_lossy(body);
        for (k, v) in parse_pairs(&text) {
            if k == "JSONString" {
                parsed.json = Some(parse_json(v.as_bytes())?);
            } else {
                parsed.fields.push((k, v));
            }
        }
    } else {
        parsed.json = Some(parse_json(body)?);
    }
    Ok(parsed)
}

struct Part {
    name: String,
    file_name: Option<String>,
    content_type: Option<String>,
    bytes: Bytes,
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| &hay[i..i + needle.len()] == needle)
}

fn multipart_parts(body: &Bytes, boundary: &str) -> Vec<Part> {
    let delim = format!("--{boundary}");
    let delim = delim.as_bytes();
    let mut parts = Vec::new();
    let Some(mut pos) = find(body, delim, 0) else {
        return parts;
    };
    loop {
        let start = pos + delim.len();
        if body.get(start..start + 2) == Some(b"--") {
            break;
        }
        let Some(next) = find(body, delim, start) else {
            break;
        };
        // The part runs from after the delimiter's CRLF to before the next CRLF--boundary.
        let raw = &body[start..next];
        let raw = raw.strip_prefix(b"\r\n").unwrap_or(raw);
        let raw = raw.strip_suffix(b"\r\n").unwrap_or(raw);
        if let Some(split) = find(raw, b"\r\n\r\n", 0) {
            let head = String::from_utf8_lossy(&raw[..split]);
            let content = body.slice_ref(&raw[split + 4..]);
            let mut part = Part {
                name: String::new(),
                file_name: None,
                content_type: None,
                bytes: content,
            };
            for line in head.split("\r\n") {
                let Some((k, v)) = line.split_once(':') else {
                    continue;
                };
                let k = k.trim().to_ascii_lowercase();
                if k == "content-disposition" {
                    for p in v.split(';').map(str::trim) {
                        if let Some(n) = p.strip_prefix("name=") {
                            part.name = n.trim_matches('"').to_string();
                        } else if let Some(f) = p.strip_prefix("filename=") {
                            part.file_name = Some(f.trim_matches('"').to_string());
                        }
                    }
                } else if k == "content-type" {
                    part.content_type = Some(v.trim().to_string());
                }
            }
            parts.push(part);
        }
        pos = next;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_queries() {
        let pairs = parse_pairs("search_text=Bowman+%26+Co&page=2&flag");
        assert_eq!(pairs[0], ("search_text".into(), "Bowman & Co".into()));
        assert_eq!(pairs[1], ("page".into(), "2".into()));
        assert_eq!(pairs[2], ("flag".into(), String::new()));
        assert_eq!(percent_decode("100%"), "100%");
    }

    #[test]
    fn parses_form_json_string() {
        let body = Bytes::from("JSONString=%7B%22name%22%3A%22a%22%7D&x=1");
        let p = parse_body("application/x-www-form-urlencoded", &body).expect("parses");
        assert_eq!(p.json, Some(serde_json::json!({"name": "a"})));
        assert_eq!(p.fields, vec![("x".into(), "1".into())]);
    }

    #[test]
    fn parses_multipart() {
        let body = Bytes::from(
            "--XyZ\r\nContent-Disposition: form-data; name=\"JSONString\"\r\n\r\n{\"a\":1}\r\n\
             --XyZ\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"r.png\"\r\n\
             Content-Type: image/png\r\n\r\n\x01\x02\r\n--XyZ--\r\n",
        );
        let p = parse_body("multipart/form-data; boundary=XyZ", &body).expect("parses");
        assert_eq!(p.json, Some(serde_json::json!({"a": 1})));
        assert_eq!(p.files.len(), 1);
        assert_eq!(p.files[0].field, "attachment");
        assert_eq!(p.files[0].file_name, "r.png");
        assert_eq!(p.files[0].content_type, "image/png");
        assert_eq!(&p.files[0].bytes[..], b"\x01\x02");
    }

    #[test]
    fn bad_json_is_1038() {
        let err = parse_body("application/json", &Bytes::from("{nope")).expect_err("fails");
        assert_eq!(err.code, codes::BAD_JSON);
    }
}
