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
//! | `PUT /__admin/limits` | `{"per_minute": 100, "daily": 1000, "concurrent": 5}`; `"window_ms": 3000` counts `per_minute` in 3-second windows instead of minutes (`per_window` is another name for `per_minute`) |
//! | `GET /__admin/limits` | the limits in force, and `rate_limited`: how many requests they answered with 429 |
//!
//! Input is checked: a body that is not JSON, a field of the wrong type, a status outside
//! 100..=599, a `retry_after` over a day, a `delay_ms` over a day, limits over `u32::MAX`, a
//! `window_ms` of 0 or over a day, both `per_minute` and `per_window`, or
//! seconds that would move the clock past 9999-12-31T23:59:59Z are a 400 with code 4 and a
//! message naming the field; nothing is changed.

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

/// The longest `retry_after` (seconds) and `delay_ms` (milliseconds) accepted: a day.
const MAX_FAULT_SECONDS: u64 = 86_400;

/// A whole-number field within `min..=max`: `None` when absent or null.
fn whole(v: &Value, key: &str, min: u64, max: u64) -> Result<Option<u64>, String> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(n) => n
            .as_u64()
            .filter(|n| (min..=max).contains(n))
            .map(Some)
            .ok_or_else(|| format!("{key} must be a whole number from {min} to {max}")),
    }
}

/// A text field: `None` when absent or null.
fn string<'a>(v: &'a Value, key: &str) -> Result<Option<&'a str>, String> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(s) => s
            .as_str()
            .map(Some)
            .ok_or_else(|| format!("{key} must be a string")),
    }
}

/// Parses a fault rule from its JSON form.
pub(crate) fn parse_rule(v: &Value) -> Result<FaultRule, String> {
    let status = whole(v, "status", 100, 599)?.and_then(|s| u16::try_from(s).ok());
    let retry_after = whole(v, "retry_after", 0, MAX_FAULT_SECONDS)?;
    let delay_ms = whole(v, "delay_ms", 0, MAX_FAULT_SECONDS * 1000)?;
    let fault = match string(v, "fault")?.unwrap_or("") {
        "429" | "too_many_requests" => match retry_after {
            Some(secs) => Fault::TooManyRequestsRetryAfter(Duration::from_secs(secs)),
            None => Fault::TooManyRequests,
        },
        "5xx" | "server_error" => Fault::ServerError(status.unwrap_or(500)),
        "delay" => Fault::Delay(Duration::from_millis(delay_ms.unwrap_or(1000))),
        "reset_before" => Fault::ResetBeforeResponse,
        "reset_mid_body" => Fault::ResetMidBody,
        "truncated" => Fault::TruncatedBody,
        "malformed" => Fault::MalformedBody,
        "html" => Fault::HtmlErrorPage(status.unwrap_or(502)),
        "expired_token" => Fault::ExpiredToken,
        other => return Err(format!("unknown fault {other:?}")),
    };
    let mut rule = FaultRule::new(fault);
    match whole(v, "times", 0, u64::MAX)? {
        Some(0) => rule = rule.always(),
        Some(n) => rule = rule.times(usize::try_from(n).unwrap_or(usize::MAX)),
        None => {}
    }
    if let Some(m) = string(v, "method")? {
        rule = rule.method(m);
    }
    if let Some(p) = string(v, "path")? {
        rule = rule.path(p);
    }
    Ok(rule)
}

/// `POST /__admin/clock/advance`: `{"seconds": N}`, refused past the clock's end.
fn advance_clock(shared: &Shared, body: &Value) -> Result<(), String> {
    let seconds = whole(body, "seconds", 0, u64::MAX)?.ok_or("seconds is required")?;
    shared
        .clock
        .try_advance(Duration::from_secs(seconds))
        .map_err(|room| {
            format!(
                "seconds would move the clock past 9999-12-31T23:59:59Z: at most {} more",
                room.as_secs()
            )
        })
}

/// `PUT /__admin/limits`: each limit a whole number up to `u32::MAX`, absent for none;
/// `window_ms` from 1 ms to a day (default a minute).
fn parse_limits(body: &Value) -> Result<Limits, String> {
    let n = |k: &str| -> Result<Option<u32>, String> {
        Ok(whole(body, k, 0, u64::from(u32::MAX))?.and_then(|n| u32::try_from(n).ok()))
    };
    let per_window = match (n("per_minute")?, n("per_window")?) {
        (Some(_), Some(_)) => return Err("give per_minute or per_window, not both".into()),
        (a, b) => a.or(b),
    };
    let mut limits = Limits::default()
        .with_per_minute(per_window)
        .with_daily(n("daily")?.unwrap_or(Limits::default().daily))
        .with_concurrent(n("concurrent")?);
    if let Some(ms) = whole(body, "window_ms", 1, MAX_FAULT_SECONDS * 1000)? {
        limits.window = Duration::from_millis(ms);
    }
    Ok(limits)
}

/// `GET /__admin/limits`: the limits in force and how many requests they refused.
fn show_limits(shared: &Shared) -> Resp {
    let limits = shared.limiter.limits();
    let window_ms = u64::try_from(limits.window.as_millis()).unwrap_or(u64::MAX);
    ok(json!({
        "limits": {
            "per_window": limits.per_window,
            "window_ms": window_ms,
            "daily": limits.daily,
            "concurrent": limits.concurrent,
        },
        "rate_limited": shared.limiter.refused(),
    }))
}

/// `POST /__admin/organizations`: `{"organization_id": "1", "name": "Acme"}`.
fn add_organization(shared: &Shared, body: &Value) -> Result<(), String> {
    let id = string(body, "organization_id")?
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .ok_or("organization_id is required")?;
    if id.len() > 64 {
        return Err("organization_id must be at most 64 characters".into());
    }
    let name = string(body, "name")?.unwrap_or("Organization");
    shared
        .state()
        .orgs
        .entry(id.to_string())
        .or_insert_with(|| crate::state::Org::new(id, name));
    Ok(())
}

/// An empty answer, or the error as a 400.
fn done(result: Result<(), String>) -> Resp {
    match result {
        Ok(()) => ok(json!({})),
        Err(e) => bad(&e),
    }
}

/// Answers an admin request.
pub(crate) fn handle(
    shared: &Shared,
    method: &str,
    path: &str,
    _query: &[(String, String)],
    body: &Bytes,
) -> Resp {
    let json_body: Value = if body.is_empty() {
        Value::Null
    } else {
        match serde_json::from_slice(body) {
            Ok(v) => v,
            Err(_) => return bad("The body is not well-formed JSON"),
        }
    };
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
        ("POST", "/clock/advance") => done(advance_clock(shared, &json_body)),
        ("POST", "/grant_code") => ok(json!({"grant_code": shared.accounts.grant_code()})),
        ("POST", "/tokens/expire") => {
            shared.accounts.expire_all();
            ok(json!({}))
        }
        ("POST", "/organizations") => done(add_organization(shared, &json_body)),
        ("PUT", "/limits") => done(parse_limits(&json_body).map(|l| shared.limiter.set(l))),
        ("GET", "/limits") => show_limits(shared),
        _ => wire::json(
            404,
            &json!({"code": 5, "message": "Unknown admin endpoint"}),
        ),
    }
}
