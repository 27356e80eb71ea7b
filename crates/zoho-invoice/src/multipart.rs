//! `multipart/form-data` bodies for uploads.

use bytes::{BufMut, BytesMut};
use http::HeaderValue;
use zoho_invoice_transport::ApiRequest;

use crate::endpoint::Upload;

/// The boundary between parts; long and unlikely enough that no file is refused for it.
const BOUNDARY: &str = "zoho-invoice-rs-7d1f3c9a4b2e8f60-boundary";

/// Puts `upload` in `request` as a one-part multipart body.
pub(crate) fn attach(request: ApiRequest, upload: &Upload) -> ApiRequest {
    let mut body = BytesMut::with_capacity(upload.bytes.len() + 256);
    body.put_slice(format!("--{BOUNDARY}\r\n").as_bytes());
    let file_name = upload.file_name.replace(['"', '\r', '\n'], "_");
    body.put_slice(
        format!(
            "Content-Disposition: form-data; name=\"{}\"; filename=\"{file_name}\"\r\nContent-Type: {}\r\n\r\n",
            upload.field, upload.content_type
        )
        .as_bytes(),
    );
    body.put_slice(&upload.bytes);
    body.put_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    let content_type = HeaderValue::from_static(concat!(
        "multipart/form-data; boundary=",
        "zoho-invoice-rs-7d1f3c9a4b2e8f60-boundary"
    ));
    request.with_body(body.freeze(), content_type)
}
