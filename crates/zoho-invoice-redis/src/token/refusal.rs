//! A refusal of the accounts server as the fleet shares it: what it was, so that every
//! process can answer with it until the back-off ends.

use std::time::Duration;

use http::StatusCode;
use serde_json::{Value, json};
use zoho_invoice_transport::TokenError;

/// The JSON to share for `error`, and whether it is a throttle; `None` for failures that
/// say nothing about the credentials or the limit (a failing or unreachable accounts
/// server), which are not shared.
pub(crate) fn encode(error: &TokenError) -> Option<(String, bool)> {
    let (value, throttle) = match error {
        TokenError::Throttled { .. } => (json!({"kind": "throttled"}), true),
        TokenError::Rejected {
            error,
            description,
            status,
        } => (
            json!({
                "kind": "rejected",
                "error": error,
                "description": description,
                "status": status.as_u16(),
            }),
            false,
        ),
        TokenError::Malformed(reason) => (json!({"kind": "malformed", "reason": reason}), false),
        _ => return None,
    };
    Some((value.to_string(), throttle))
}

/// The error a shared refusal stands for, `retry_in` before it ends. Anything unexpected
/// reads as a throttle: asking the accounts server meanwhile is what must not happen.
pub(crate) fn decode(json: &str, retry_in: Duration) -> TokenError {
    let value: Value = serde_json::from_str(json).unwrap_or(Value::Null);
    let text = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_owned);
    match value.get("kind").and_then(Value::as_str) {
        Some("rejected") => TokenError::Rejected {
            error: text("error").unwrap_or_else(|| "rejected".into()),
            description: text("description"),
            status: value
                .get("status")
                .and_then(Value::as_u64)
                .and_then(|s| u16::try_from(s).ok())
                .and_then(|s| StatusCode::from_u16(s).ok())
                .unwrap_or(StatusCode::BAD_REQUEST),
        },
        Some("malformed") => {
            TokenError::Malformed(text("reason").unwrap_or_else(|| "malformed".into()))
        }
        _ => TokenError::Throttled { retry_in },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_round_trip_and_failures_are_not_shared() {
        let wait = Duration::from_secs(42);
        let rejected = TokenError::Rejected {
            error: "invalid_code".into(),
            description: Some("bad".into()),
            status: StatusCode::OK,
        };
        let (json, throttle) = encode(&rejected).unwrap();
        assert!(!throttle);
        assert!(matches!(
            decode(&json, wait),
            TokenError::Rejected { error, description, status }
                if error == "invalid_code" && description.as_deref() == Some("bad") && status == StatusCode::OK
        ));
        let (json, throttle) = encode(&TokenError::Throttled {
            retry_in: Duration::ZERO,
        })
        .unwrap();
        assert!(throttle);
        assert!(
            matches!(decode(&json, wait), TokenError::Throttled { retry_in } if retry_in == wait)
        );
        let (json, _) = encode(&TokenError::Malformed("no access_token".into())).unwrap();
        assert!(matches!(decode(&json, wait), TokenError::Malformed(r) if r == "no access_token"));
        assert!(
            encode(&TokenError::ServerFailure {
                status: StatusCode::BAD_GATEWAY
            })
            .is_none()
        );
        for odd in ["", "{", "{\"kind\":\"new\"}", "[]"] {
            assert!(
                matches!(decode(odd, wait), TokenError::Throttled { .. }),
                "{odd}"
            );
        }
    }
}
