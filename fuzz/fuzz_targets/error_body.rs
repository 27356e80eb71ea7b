//! The transport's error-body parser, `ApiResponse::error_for_status` (with
//! `ApiResponse::zoho_code`), the function that turns every answer into `Ok` or
//! `ErrorKind::Api`: any body under any status gives an answer, never a panic, and the answer
//! agrees with the body's Zoho `code` and `message`.
//!
//! Each input is tried as the body of a success, a client error and a server error, so the
//! reference's examples and Zoho's error bodies are seeds as they are (`fuzz/seed.sh`).

#![no_main]

use http::StatusCode;
use libfuzzer_sys::fuzz_target;
use zoho_invoice_transport::{ApiResponse, ErrorKind};

const STATUSES: [u16; 8] = [200, 201, 400, 401, 404, 429, 500, 503];

fuzz_target!(|data: &[u8]| {
    for status in STATUSES {
        let status = StatusCode::from_u16(status).expect("a status");
        let response = ApiResponse::new(status, data.to_vec());
        let zoho = response.zoho_code();
        match response.error_for_status() {
            Ok(ok) => {
                assert!(status.is_success(), "{status} accepted");
                assert!(
                    matches!(zoho, None | Some((0, _))),
                    "code {zoho:?} accepted"
                );
                assert_eq!(ok.body().as_ref(), data);
            }
            Err(error) => {
                let ErrorKind::Api {
                    status: got,
                    code,
                    ref message,
                    ..
                } = *error.kind()
                else {
                    panic!("not an API error: {error:?}");
                };
                assert_eq!(got, status);
                assert_eq!(code, zoho.as_ref().map(|z| z.0));
                assert!(!status.is_success() || code.is_some_and(|c| c != 0) || error_without_code(data));
                if let Some((_, Some(zoho_message))) = &zoho {
                    assert_eq!(message, zoho_message);
                }
                assert!(!error.to_string().is_empty());
            }
        }
    }
});

/// Whether `body` is an object with an `error` (not `null` or `false`) and no `code`: what the
/// accounts server sends for an error, often with HTTP 200.
fn error_without_code(body: &[u8]) -> bool {
    let Ok(serde_json::Value::Object(fields)) = serde_json::from_slice(body) else {
        return false;
    };
    let error = fields
        .get("error")
        .is_some_and(|v| !matches!(v, serde_json::Value::Null | serde_json::Value::Bool(false)));
    error && fields.get("code").is_none_or(serde_json::Value::is_null)
}
