//! Operations as values: each of the API's operations is a type implementing [`Endpoint`],
//! which describes its request (method, path with encoded ids, query, body) and its answer.
//! The async [`Client`](crate::Client) and the blocking client execute the same values.

use bytes::Bytes;
use serde::Serialize;
use serde::de::DeserializeOwned;
pub use zoho_invoice_transport::Operation;
use zoho_invoice_transport::{ApiRequest, ApiResponse, ErrorKind};

use crate::Error;
use crate::query::Query;

/// A request body.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub enum Body {
    /// No body.
    #[default]
    None,
    /// A JSON document.
    Json(Bytes),
    /// A `multipart/form-data` upload of one file.
    Multipart(Upload),
    /// A JSON document with files: `multipart/form-data` with the JSON in a `JSONString` part
    /// and each file under `attachments` (an email with attachments).
    JsonWithFiles(Bytes, Vec<Upload>),
}

impl Body {
    /// Encodes a value as JSON.
    pub fn json<T: Serialize + ?Sized>(value: &T) -> Result<Self, Error> {
        serde_json::to_vec(value)
            .map(|v| Self::Json(v.into()))
            .map_err(|e| ErrorKind::Encode(e.to_string()).into())
    }

    /// Encodes a value as JSON, sent with `files` when there are any.
    pub fn json_with_files<T: Serialize + ?Sized>(
        value: &T,
        files: &[Upload],
    ) -> Result<Self, Error> {
        match Self::json(value)? {
            Self::Json(json) if !files.is_empty() => Ok(Self::JsonWithFiles(json, files.to_vec())),
            body => Ok(body),
        }
    }
}

/// A file to upload (attachments, receipts).
#[derive(Clone, PartialEq, Eq)]
pub struct Upload {
    /// The form field (`attachment`, `receipt`).
    pub field: &'static str,
    /// The file's name.
    pub file_name: String,
    /// Its content type (`application/pdf`, `image/png`).
    pub content_type: String,
    /// Its bytes.
    pub bytes: Bytes,
}

impl Upload {
    /// A file under the form field `field`.
    pub fn new(
        field: &'static str,
        file_name: impl Into<String>,
        content_type: impl Into<String>,
        bytes: impl Into<Bytes>,
    ) -> Self {
        Self {
            field,
            file_name: file_name.into(),
            content_type: content_type.into(),
            bytes: bytes.into(),
        }
    }
}

impl std::fmt::Debug for Upload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Upload")
            .field("field", &self.field)
            .field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .field("len", &self.bytes.len())
            .finish()
    }
}

/// An operation of the API, described as a value.
pub trait Endpoint: Send + Sync {
    /// What a successful answer decodes into.
    type Output: FromResponse;

    /// The operation this value performs.
    const OPERATION: Operation;

    /// The ids that fill the path template's placeholders, in order.
    fn path_ids(&self) -> Vec<&str> {
        Vec::new()
    }

    /// Adds the query pairs; an error refuses the call before anything is sent.
    fn query(&self, _query: &mut Query) -> Result<(), Error> {
        Ok(())
    }

    /// The request body.
    fn body(&self) -> Result<Body, Error> {
        Ok(Body::None)
    }

    /// Adds the headers the operation needs (the custom field that names the record of an
    /// update by unique value); an error refuses the call before anything is sent.
    fn headers(&self, _headers: &mut http::HeaderMap) -> Result<(), Error> {
        Ok(())
    }

    /// The request this value describes, ready for a transport: the path filled with encoded
    /// ids, the query, the body, and the [`Operation`] in its extensions. Every check on the
    /// input happens here, before sending; an error names the operation.
    fn request(&self) -> Result<ApiRequest, Error> {
        self.build_request()
            .map_err(|e| e.in_operation(&Self::OPERATION))
    }

    /// [`request`](Self::request), before the operation is named on its error.
    #[doc(hidden)]
    fn build_request(&self) -> Result<ApiRequest, Error> {
        let op = Self::OPERATION;
        let mut path = crate::path::fill(op.path, &self.path_ids())?;
        let mut query = Query::new();
        self.query(&mut query)?;
        if !query.is_empty() {
            path.push('?');
            path.push_str(&query.encode());
        }
        let mut request = ApiRequest::new(op.method.clone(), &path)?.with_operation(op);
        self.headers(request.headers_mut())?;
        Ok(match self.body()? {
            Body::None => request,
            Body::Json(json) => request.with_json(json),
            Body::Multipart(upload) => crate::multipart::attach(request, &upload)?,
            Body::JsonWithFiles(json, files) => {
                crate::multipart::form(request, Some(&json), &files, "attachments")?
            }
        })
    }
}

/// Decodes a successful answer.
pub trait FromResponse: Sized {
    /// Decodes `response`, answered to `operation`.
    fn from_response(operation: &Operation, response: ApiResponse) -> Result<Self, Error>;
}

impl<T: DeserializeOwned> FromResponse for T {
    fn from_response(operation: &Operation, response: ApiResponse) -> Result<Self, Error> {
        let decode_error = |e: String| Error::from(ErrorKind::Decode(e)).in_operation(operation);
        // The body's UTF-8 checked once, then read as text: the parser does not check each
        // string again (a tenth of a list page's decode). Read in one pass where the text
        // allows it (`zoho_invoice_models::from_str`).
        let text = std::str::from_utf8(response.body())
            .map_err(|e| decode_error(format!("the answer is not UTF-8: {e}")))?;
        zoho_invoice_models::from_str(text).map_err(|e| decode_error(e.to_string()))
    }
}

/// A downloaded file: a PDF, an HTML page, an attachment.
#[derive(Clone, PartialEq, Eq)]
pub struct Download {
    /// The file's bytes.
    pub bytes: Bytes,
    /// Its content type (`application/pdf`).
    pub content_type: Option<String>,
    /// Its name, from `Content-Disposition` (`INV-000001.pdf`).
    pub file_name: Option<String>,
}

impl std::fmt::Debug for Download {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Download")
            .field("len", &self.bytes.len())
            .field("content_type", &self.content_type)
            .field("file_name", &self.file_name)
            .finish()
    }
}

impl FromResponse for Download {
    fn from_response(_operation: &Operation, response: ApiResponse) -> Result<Self, Error> {
        let header = |name: http::header::HeaderName| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let content_type = header(http::header::CONTENT_TYPE);
        let file_name = header(http::header::CONTENT_DISPOSITION)
            .as_deref()
            .and_then(file_name_of);
        Ok(Self {
            bytes: response.into_body(),
            content_type,
            file_name,
        })
    }
}

/// The file name of a `Content-Disposition` value: `attachment; filename="INV-384.pdf"`.
fn file_name_of(disposition: &str) -> Option<String> {
    disposition.split(';').map(str::trim).find_map(|part| {
        let value = part.strip_prefix("filename=")?;
        let value = value.trim_matches('"');
        (!value.is_empty()).then(|| value.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_come_from_content_disposition() {
        assert_eq!(
            file_name_of(r#"attachment; filename="INV-384.pdf""#).as_deref(),
            Some("INV-384.pdf")
        );
        assert_eq!(
            file_name_of("inline; filename=a.html").as_deref(),
            Some("a.html")
        );
        assert_eq!(file_name_of("attachment"), None);
    }
}
