//! The request pipeline of the API and accounts servers: log, faults, auth, organization,
//! limits, routing, handler, response.

use std::collections::HashMap;
use std::sync::Arc;

use bytes::Bytes;
use http::{HeaderMap, Request, header};
use hyper::body::Incoming;
use serde_json::{Value, json};

use crate::API_PATH_PREFIX;
use crate::accounts::AccountsReply;
use crate::body::{parse_body, parse_pairs};
use crate::ctx::{Ctx, Format};
use crate::faults::Fault;
use crate::inspect::{RecordedRequest, redact_body, redact_header, redact_pairs};
use crate::read::{ReadError, read_body};
use crate::reply::{ApiError, codes};
use crate::router::{Found, find};
use crate::routes::ROUTES;
use crate::shared::Shared;
use crate::wire::{self, Resp};

/// The service error: the connection is dropped without an answer.
pub(crate) type DropConnection = Box<dyn std::error::Error + Send + Sync>;

/// The organization id header.
pub const ORGANIZATION_HEADER: &str = "x-com-zoho-invoice-organizationid";

fn header_str(h: &HeaderMap, name: impl http::header::AsHeaderName) -> &str {
    h.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
}

/// Logs a request; a `body` of `None` (refused) is logged empty and marked truncated.
fn record(shared: &Shared, seen: &Seen<'_>, body: Option<&Bytes>, operation: Option<String>) {
    let content_type = header_str(seen.headers, header::CONTENT_TYPE).to_string();
    shared.inspector.record(RecordedRequest {
        method: seen.method.to_string(),
        path: seen.path.to_string(),
        query: redact_pairs(seen.query.to_vec()),
        headers: seen
            .headers
            .iter()
            .map(|(k, v)| {
                let v = String::from_utf8_lossy(v.as_bytes());
                (k.as_str().to_string(), redact_header(k.as_str(), &v))
            })
            .collect(),
        body: body.map_or_else(Bytes::new, |b| redact_body(&content_type, b)),
        operation,
        body_truncated: body.is_none(),
    });
}

/// What a request is, as logged.
struct Seen<'a> {
    method: &'a str,
    path: &'a str,
    query: &'a [(String, String)],
    headers: &'a HeaderMap,
}

/// Reads the body within the server's bounds and logs the request (with its body when it
/// was read); a body refused is answered here, as the `Err`.
async fn read_and_record(
    shared: &Shared,
    seen: &Seen<'_>,
    body: Incoming,
    operation: Option<String>,
) -> Result<Bytes, Result<Resp, DropConnection>> {
    match read_body(body, seen.headers, shared.body_bounds).await {
        Ok(bytes) => {
            record(shared, seen, Some(&bytes), operation);
            Ok(bytes)
        }
        Err(e) => {
            record(shared, seen, None, operation);
            Err(refused(shared, e))
        }
    }
}

/// The answer to a body that was not read: a Zoho error on a connection that then closes, or
/// no answer at all when the connection broke.
fn refused(shared: &Shared, e: ReadError) -> Result<Resp, DropConnection> {
    match e.api_error(shared.body_bounds) {
        Some(err) => {
            let mut r = wire::error(&err);
            r.headers_mut()
                .insert(header::CONNECTION, http::HeaderValue::from_static("close"));
            Ok(r)
        }
        None => match e {
            ReadError::Broken(cause) => Err(Box::new(cause)),
            _ => Err("request body not read".into()),
        },
    }
}

/// Applies a fault that replaces or breaks the answer; `Ok(None)` means answer normally.
fn fault_before(fault: Option<&Fault>) -> Result<Option<Resp>, DropConnection> {
    match fault {
        Some(Fault::ResetBeforeResponse) => {
            Err("fault: connection reset before the response".into())
        }
        Some(f) => Ok(wire::fault_response(f)),
        None => Ok(None),
    }
}

fn fault_after(fault: Option<&Fault>, r: Resp) -> Resp {
    match fault {
        Some(f @ (Fault::TruncatedBody | Fault::ResetMidBody | Fault::MalformedBody)) => {
            let (r, bytes) = wire::take_bytes(r);
            wire::break_body(r, f, bytes)
        }
        _ => r,
    }
}

/// Serves one API request.
pub(crate) async fn serve_api(
    shared: Arc<Shared>,
    req: Request<Incoming>,
) -> Result<Resp, DropConnection> {
    let (parts, body) = req.into_parts();
    let method = parts.method.as_str().to_string();
    let path = parts.uri.path().to_string();
    let query = parts.uri.query().map(parse_pairs).unwrap_or_default();
    if path.starts_with(crate::admin::ADMIN_PREFIX) {
        return match read_body(body, &parts.headers, shared.body_bounds).await {
            Ok(bytes) => Ok(crate::admin::handle(
                &shared, &method, &path, &query, &bytes,
            )),
            Err(e) => refused(&shared, e),
        };
    }
    let rel = path.strip_prefix(API_PATH_PREFIX).map(str::to_string);
    let found = rel.as_deref().map(|r| find(ROUTES, &method, r));
    let is_orgs = rel.as_deref().map(|r| r.trim_end_matches('/')) == Some("/organizations")
        && method == "GET";
    let operation = match &found {
        Some(Found::Matched(r, _)) => Some(format!("{} {}", r.method, r.template)),
        _ if is_orgs => Some("GET /organizations".to_string()),
        _ => None,
    };
    let seen = Seen {
        method: &method,
        path: &path,
        query: &query,
        headers: &parts.headers,
    };
    let bytes = match read_and_record(&shared, &seen, body, operation).await {
        Ok(bytes) => bytes,
        Err(answer) => return answer,
    };
    let fault = shared.faults.take(&method, &path);

    // Authentication.
    let auth = header_str(&parts.headers, header::AUTHORIZATION).trim();
    let token = auth
        .split_once(' ')
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("Zoho-oauthtoken"))
        .map(|(_, t)| t.trim());
    let auth_result = match token {
        None => Err(ApiError::new(
            401,
            codes::NOT_AUTHORIZED,
            "You are not authorized to perform this operation",
        )),
        Some(t) => shared.accounts.check(t, shared.now_secs()),
    };
    if let Err(e) = auth_result {
        if let Some(r) = fault_before(fault.as_ref())? {
            return Ok(r);
        }
        return Ok(wire::error(&e));
    }

    // Organization.
    let org_id = {
        let h = header_str(&parts.headers, ORGANIZATION_HEADER)
            .trim()
            .to_string();
        if h.is_empty() {
            query
                .iter()
                .find(|(k, _)| k == "organization_id")
                .map(|(_, v)| v.trim().to_string())
                .unwrap_or_default()
        } else {
            h
        }
    };
    if !is_orgs {
        let err = if org_id.is_empty() {
            Some(ApiError::bad(
                codes::MISSING_ORGANIZATION,
                "Organization ID is missing. Send it in the X-com-zoho-invoice-organizationid header or the organization_id parameter.",
            ))
        } else if !shared.state().orgs.contains_key(&org_id) {
            Some(ApiError::bad(
                codes::UNKNOWN_ORGANIZATION,
                format!("This user is not associated with the organization {org_id}."),
            ))
        } else {
            None
        };
        if let Some(e) = err {
            if let Some(r) = fault_before(fault.as_ref())? {
                return Ok(r);
            }
            return Ok(wire::error(&e));
        }
    }

    // Limits.
    let (permit, rate) = shared
        .limiter
        .admit(if is_orgs { "" } else { &org_id }, shared.clock.elapsed());
    let permit = match permit {
        Ok(p) => p,
        Err(e) => return Ok(wire::with_rate_headers(wire::error(&e), rate)),
    };
    if let Some(Fault::Delay(d)) = &fault {
        tokio::time::sleep(*d).await;
    }
    if let Some(r) = fault_before(fault.as_ref())? {
        drop(permit);
        return Ok(wire::with_rate_headers(r, rate));
    }

    let started = std::time::Instant::now();
    let response = match found {
        _ if is_orgs => {
            let orgs: Vec<Value> = shared
                .state()
                .orgs
                .values()
                .map(|o| Value::Object(o.info.clone()))
                .collect();
            wire::json(
                200,
                &json!({"code": 0, "message": "success", "organizations": orgs}),
            )
        }
        Some(Found::Matched(route, params)) => {
            let content_type = header_str(&parts.headers, header::CONTENT_TYPE).to_string();
            let accept = header_str(&parts.headers, header::ACCEPT).to_ascii_lowercase();
            let format = match query
                .iter()
                .find(|(k, _)| k == "accept")
                .map(|(_, v)| v.to_ascii_lowercase())
            {
                Some(v) if v == "pdf" => Format::Pdf,
                Some(v) if v == "html" => Format::Html,
                _ if accept.contains("application/pdf") => Format::Pdf,
                _ => Format::Json,
            };
            match parse_body(&content_type, &bytes) {
                Err(e) => wire::error(&e),
                Ok(mut parsed) => {
                    if parsed.json.is_none() {
                        if let Some((_, js)) = query.iter().find(|(k, _)| k == "JSONString") {
                            match serde_json::from_str(js) {
                                Ok(v) => parsed.json = Some(v),
                                Err(_) => {
                                    return Ok(wire::with_rate_headers(
                                        wire::error(&ApiError::bad(
                                            codes::BAD_JSON,
                                            "JSON is not well formed",
                                        )),
                                        rate,
                                    ));
                                }
                            }
                        }
                    }
                    if let Some(Err(e)) = parsed.json.as_ref().map(crate::numbers::check_body) {
                        return Ok(wire::with_rate_headers(wire::error(&e), rate));
                    }
                    let now = shared.clock.epoch();
                    let mut state = shared.state();
                    let (result, new_orgs) = match state.orgs.get_mut(&org_id) {
                        None => (Err(ApiError::not_found("organization")), Vec::new()),
                        Some(org) => {
                            org.catch_up(now);
                            let mut ctx = Ctx {
                                org,
                                ids: &shared.ids,
                                params,
                                query: query.clone(),
                                body: parsed,
                                now,
                                format,
                                new_orgs: Vec::new(),
                                headers: parts
                                    .headers
                                    .iter()
                                    .filter_map(|(k, v)| {
                                        Some((k.as_str().to_owned(), v.to_str().ok()?.to_owned()))
                                    })
                                    .collect(),
                            };
                            crate::resources::recurring::generate_due(&mut ctx);
                            let result = (route.handler)(&mut ctx);
                            (result, ctx.new_orgs)
                        }
                    };
                    for org in new_orgs {
                        let id =
                            crate::state::text(org.info.get("organization_id")).unwrap_or_default();
                        state.orgs.entry(id).or_insert(org);
                    }
                    drop(state);
                    match result {
                        Ok(r) => wire::reply(r),
                        Err(e) => wire::error(&e),
                    }
                }
            }
        }
        Some(Found::MethodNotAllowed) => wire::error(&ApiError::new(
            405,
            codes::INVALID_URL,
            "Method not allowed for this URL.",
        )),
        Some(Found::NoSuchPath) | None => wire::error(&ApiError::new(
            404,
            codes::INVALID_URL,
            "Invalid URL Passed",
        )),
    };
    let response = wire::with_server_timing(response, started.elapsed());
    drop(permit);
    Ok(fault_after(
        fault.as_ref(),
        wire::with_rate_headers(response, rate),
    ))
}

/// Serves one accounts-server request.
pub(crate) async fn serve_accounts(
    shared: Arc<Shared>,
    req: Request<Incoming>,
) -> Result<Resp, DropConnection> {
    let (parts, body) = req.into_parts();
    let method = parts.method.as_str().to_string();
    let path = parts.uri.path().to_string();
    let query = parts.uri.query().map(parse_pairs).unwrap_or_default();
    let op = format!("{method} {path}");
    let seen = Seen {
        method: &method,
        path: &path,
        query: &query,
        headers: &parts.headers,
    };
    let bytes = match read_and_record(&shared, &seen, body, Some(op)).await {
        Ok(bytes) => bytes,
        Err(answer) => return answer,
    };
    let fault = shared.faults.take(&method, &path);
    if let Some(Fault::Delay(d)) = &fault {
        tokio::time::sleep(*d).await;
    }
    if let Some(r) = fault_before(fault.as_ref())? {
        return Ok(r);
    }
    let mut params: HashMap<String, String> = query.into_iter().collect();
    if header_str(&parts.headers, header::CONTENT_TYPE)
        .starts_with("application/x-www-form-urlencoded")
    {
        params.extend(parse_pairs(&String::from_utf8_lossy(&bytes)));
    }
    let reply = shared.accounts.handle(
        &method,
        &path,
        &params,
        shared.now_secs(),
        &shared.api_domain,
        &shared.accounts_url,
    );
    let r = match reply {
        AccountsReply::Json(status, v) => wire::json(status, &v),
        AccountsReply::Redirect(location) => {
            let mut r = wire::json(302, &json!({}));
            if let Ok(v) = http::HeaderValue::from_str(&location) {
                r.headers_mut().insert(header::LOCATION, v);
            }
            r
        }
    };
    Ok(fault_after(fault.as_ref(), r))
}
