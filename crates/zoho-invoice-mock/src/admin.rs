//! The admin endpoint under `/__admin` on the API port, so tests in other processes (and
//! users of the binary) can steer and inspect the server over HTTP:
//!
//! | method and path | what it does |
//! | --- | --- |
//! | `POST /__admin/faults` | arms a fault: `{"fault": "429" \| "5xx" \| "delay" \| "reset_before" \| "reset_mid_body" \| "truncated" \| "malformed" \| "html" \| "expired_token", "status": 503, "delay_ms": 100, "retry_after": 2, "times": 1, "method": "GET", "path": "/invoices"}` (`times: 0` = until cleared; `retry_after`, in seconds, gives a 429 its `Retry-After`) |
//! | `DELETE /__admin/faults` | disarms all faults |
//! | `GET /__admin/requests` | the request log (secrets redacted) and `dropped`, how many entries its bounds dropped |
//! | `DELETE /__admin/requests` | clears the log and the counters |
//! | `GET /__admin/counters` | requests per operation |
//! | `POST /__admin/clock/advance` | `{"seconds": 3600}` moves the server's clock |
//! | `POST /__admin/grant_code` | a fresh OAuth grant code |
//! | `POST /__admin/tokens/expire` | expires every issued access token |
//! | `POST /__admin/organizations` | `{"organization_id": "1", "name": "Acme"}` adds one |
//! | `PUT /__admin/limits` | `{"per_minute": 100, "daily": 1000, "concurrent": 5}` |

use std::time::Duration;

use bytes::Bytes;
use serde_json::{Value, json};

use crate::faults::{Fault, FaultRule};
use crate::limits::Limits;
use crate::shared::Shared;
use crate::wire::{self, Resp};

/// Where the admin endpoint lives.
pub const ADMIN_PREFIX: &str = "/__admin";

fn bad(message: &str) -> Resp {
    wire::json(400, &json!({"code": 4, "message": message}))
}

fn ok(extra: Value) -> Resp {
    let mut v = json!({"code": 0, "message": "success"});
    if let (Value::Object(m), Value::Object(e)) = (&mut v, extra) {
        m.extend(e);
    }
    wire::json(200, &v)
}

/// Parses a fault rule from its JSON form.
pub(crate) fn parse_rule(v: &Value) -> Result<FaultRule, String> {
    let status = v
        .get("status")
        .and_then(Value::as_u64)
        .and_then(|s| u16::try_from(s).ok());
    let fault = match v.get("fault").and_then(Value::as_str).unwrap_or("") {
        "429" | "too_many_requests" => match v.get("retry_after").and_then(Value::as_u64) {
            Some(secs) => Fault::TooManyRequestsRetryAfter(Duration::from_secs(secs)),
            None => Fault::TooManyRequests,
        },
        "5xx" | "server_error" => Fault::ServerError(status.unwrap_or(500)),
        "delay" => Fault::Delay(Duration::from_millis(
            v.get("delay_ms").and_then(Value::as_u64).unwrap_or(1000),
        )),
        "reset_before" => Fault::ResetBeforeResponse,
        "reset_mid_body" => Fault::ResetMidBody,
        "truncated" => Fault::TruncatedBody,
        "malformed" => Fault::MalformedBody,
        "html" => Fault::HtmlErrorPage(status.unwrap_or(502)),
        "expired_token" => Fault::ExpiredToken,
        other => return Err(format!("unknown fault {other:?}")),
    };
    let mut rule = FaultRule::new(fault);
    match v.get("times").and_then(Value::as_u64) {
        Some(0) => rule = rule.always(),
        Some(n) => rule = rule.times(usize::try_from(n).unwrap_or(usize::MAX)),
        None => {}
    }
    if let Some(m) = v.get("method").and_then(Value::as_str) {
        rule = rule.method(m);
    }
    if let Some(p) = v.get("path").and_then(Value::as_str) {
        rule = rule.path(p);
    }
    Ok(rule)
}

/// Answers an admin request.
pub(crate) fn handle(
    shared: &Shared,
    method: &str,
    path: &str,
    _query: &[(String, String)],
    body: &Bytes,
) -> Resp {
    let json_body: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let sub = path.strip_prefix(ADMIN_PREFIX).unwrap_or("");
    match (method, sub) {
        ("POST", "/faults") => match parse_rule(&json_body) {
            Ok(rule) => {
                shared.faults.add(rule);
                ok(json!({}))
            }
            Err(e) => bad(&e),
        },
        ("DELETE", "/faults") => {
            shared.faults.clear();
            ok(json!({}))
        }
        ("GET", "/requests") => {
            let list: Vec<Value> = shared
                .inspector
                .requests()
                .into_iter()
                .map(|r| {
                    json!({
                        "method": r.method,
                        "path": r.path,
                        "query": r.query,
                        "headers": r.headers,
                        "body": String::from_utf8_lossy(&r.body),
                        "operation": r.operation,
                        "body_truncated": r.body_truncated,
                    })
                })
                .collect();
            let dropped = shared.inspector.dropped();
            ok(json!({"requests": list, "dropped": dropped}))
        }
        ("DELETE", "/requests") => {
            shared.inspector.clear();
            ok(json!({}))
        }
        ("GET", "/counters") => ok(json!({"counters": shared.inspector.counters()})),
        ("POST", "/clock/advance") => match json_body.get("seconds").and_then(Value::as_u64) {
            Some(s) => {
                shared.clock.advance(Duration::from_secs(s));
                ok(json!({}))
            }
            None => bad("seconds is required"),
        },
        ("POST", "/grant_code") => ok(json!({"grant_code": shared.accounts.grant_code()})),
        ("POST", "/tokens/expire") => {
            shared.accounts.expire_all();
            ok(json!({}))
        }
        ("POST", "/organizations") => {
            let id = json_body.get("organization_id").and_then(Value::as_str);
            let name = json_body
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or("Organization");
            match id {
                Some(id) => {
                    shared
                        .state()
                        .orgs
                        .entry(id.to_string())
                        .or_insert_with(|| crate::state::Org::new(id, name));
                    ok(json!({}))
                }
                None => bad("organization_id is required"),
            }
        }
        ("PUT", "/limits") => {
            let n = |k: &str| {
                json_body
                    .get(k)
                    .and_then(Value::as_u64)
                    .and_then(|n| u32::try_from(n).ok())
            };
            let limits = Limits::default()
                .with_per_minute(n("per_minute"))
                .with_daily(n("daily").unwrap_or(Limits::default().daily))
                .with_concurrent(n("concurrent"));
            shared.limiter.set(limits);
            ok(json!({}))
        }
        _ => wire::json(
            404,
            &json!({"code": 5, "message": "Unknown admin endpoint"}),
        ),
    }
}
