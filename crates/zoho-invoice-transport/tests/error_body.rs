//! The error-body parser, `ApiResponse::error_for_status` (with `zoho_code`), the function
//! that turns every answer into `Ok` or `ErrorKind::Api`: arbitrary bytes and arbitrary JSON
//! under any status never make it panic and it always agrees with the body's Zoho `code`;
//! a well-formed Zoho error keeps its code, message, status and `Retry-After`.
//!
//! The same properties are fuzzed by `fuzz/fuzz_targets/error_body.rs`.

use std::time::Duration;

use bytes::Bytes;
use http::StatusCode;
use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use serde_json::{Map, Value, json};
use zoho_invoice_transport::{ApiResponse, ErrorKind};

/// Checks the answer for `body` under `status` against what `zoho_code` reads from it.
fn agrees(status: StatusCode, body: Bytes) -> Result<(), TestCaseError> {
    let response = ApiResponse::new(status, body.clone());
    let zoho = response.zoho_code();
    let error_body = error_without_code(&body);
    match response.error_for_status() {
        Ok(ok) => {
            prop_assert!(status.is_success(), "{status} accepted");
            prop_assert!(matches!(zoho, None | Some((0, _))), "{zoho:?} accepted");
            prop_assert!(!error_body, "an error body accepted");
            prop_assert_eq!(ok.body(), &body);
        }
        Err(error) => {
            let ErrorKind::Api {
                status: got,
                code,
                ref message,
                ..
            } = *error.kind()
            else {
                return Err(TestCaseError::fail(format!("not an API error: {error:?}")));
            };
            prop_assert_eq!(got, status);
            prop_assert_eq!(code, zoho.as_ref().map(|z| z.0));
            prop_assert!(!status.is_success() || code.is_some_and(|c| c != 0) || error_body);
            if let Some((_, Some(zoho_message))) = &zoho {
                prop_assert_eq!(message, zoho_message);
            }
            prop_assert!(!error.to_string().is_empty());
        }
    }
    Ok(())
}

/// Whether `body` is an object with an `error` (not `null` or `false`) and no `code`: what the
/// accounts server sends for an error, often with HTTP 200.
fn error_without_code(body: &[u8]) -> bool {
    let Ok(Value::Object(fields)) = serde_json::from_slice::<Value>(body) else {
        return false;
    };
    let error = fields
        .get("error")
        .is_some_and(|v| !matches!(v, Value::Null | Value::Bool(false)));
    error && fields.get("code").is_none_or(Value::is_null)
}

fn status() -> impl Strategy<Value = StatusCode> {
    (100u16..600).prop_map(|s| StatusCode::from_u16(s).expect("100..600 is a status"))
}

/// JSON shaped like Zoho's answers: `code` and `message` keys often, odd values always.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,16}".prop_map(Value::from),
        Just(Value::from("0")),
        Just(Value::from(" 1002 ")),
    ];
    let key = prop_oneof![
        Just("code".to_owned()),
        Just("message".to_owned()),
        Just("invoice".to_owned()),
        Just("error".to_owned()),
        ".{0,8}",
    ];
    leaf.prop_recursive(3, 32, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            proptest::collection::vec((key.clone(), inner), 0..6)
                .prop_map(|e| Value::Object(e.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

proptest! {
    // A fixed seed: the same cases on every run.
    #![proptest_config(ProptestConfig { cases: 512, rng_seed: RngSeed::Fixed(0x5eed_2026), ..ProptestConfig::default() })]

    /// Arbitrary bytes under any status: an answer, never a panic.
    #[test]
    fn arbitrary_bytes_never_panic(status in status(), body in proptest::collection::vec(any::<u8>(), 0..256)) {
        agrees(status, Bytes::from(body))?;
    }

    /// Arbitrary JSON under any status, compact or pretty: an answer that agrees with it.
    #[test]
    fn arbitrary_json_agrees_with_its_code(status in status(), value in json_value(), pretty in any::<bool>()) {
        let body = if pretty {
            serde_json::to_vec_pretty(&value)
        } else {
            serde_json::to_vec(&value)
        };
        agrees(status, Bytes::from(body.expect("JSON encodes")))?;
    }

    /// A well-formed Zoho error, with its code as a number or a string, extra fields and any
    /// status: `ErrorKind::Api` with that code, that message and that status.
    #[test]
    fn a_zoho_error_keeps_its_code_and_message(
        status in status(),
        code in any::<i64>().prop_filter("an error", |c| *c != 0),
        message in ".{0,40}",
        code_as_text in any::<bool>(),
        extra in proptest::collection::btree_map("[a-z_]{1,8}", json_value(), 0..3),
    ) {
        let mut body = Map::new();
        for (k, v) in extra {
            body.insert(k, v);
        }
        body.insert(
            "code".into(),
            if code_as_text { json!(code.to_string()) } else { json!(code) },
        );
        body.insert("message".into(), json!(message));
        let body = serde_json::to_vec(&Value::Object(body)).expect("JSON encodes");
        let error = ApiResponse::new(status, body).error_for_status().unwrap_err();
        prop_assert_eq!(error.code(), Some(code));
        prop_assert_eq!(error.message(), Some(message.as_str()));
        prop_assert_eq!(error.status(), Some(status));
        let shown = error.to_string();
        prop_assert!(shown.contains(&format!("code {code}")), "{}", shown);
    }

    /// Zoho's success envelope under a success status is `Ok`, whatever else it holds.
    #[test]
    fn a_zoho_success_is_ok(
        status in (200u16..300).prop_map(|s| StatusCode::from_u16(s).expect("a status")),
        message in ".{0,40}",
        extra in proptest::collection::btree_map("[a-z_]{1,8}", json_value(), 0..3),
    ) {
        let mut body = Map::new();
        body.insert("code".into(), json!(0));
        body.insert("message".into(), json!(message));
        for (k, v) in extra {
            body.entry(k).or_insert(v);
        }
        let body = serde_json::to_vec(&Value::Object(body)).expect("JSON encodes");
        prop_assert!(ApiResponse::new(status, body).error_for_status().is_ok());
    }

    /// `Retry-After` in seconds comes through on the error.
    #[test]
    fn retry_after_comes_through(seconds in 0u64..1_000_000, status in prop_oneof![Just(429u16), Just(503)]) {
        let response = http::Response::builder()
            .status(status)
            .header("retry-after", seconds.to_string())
            .body(Bytes::from_static(br#"{"code":44,"message":"Too many requests."}"#))
            .expect("a response");
        let error = ApiResponse::from_http(response).error_for_status().unwrap_err();
        prop_assert_eq!(error.retry_after(), Some(Duration::from_secs(seconds)));
        prop_assert_eq!(error.code(), Some(44));
    }
}
