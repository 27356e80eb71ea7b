//! Faults, quotas, the concurrency limit, inspection and concurrent creates, over raw HTTP.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use common::{Api, read};
use http::Request;
use http_body_util::{BodyExt, Full};
use serde_json::json;
use tokio::time::Instant;
use zoho_invoice_mock::{Fault, FaultRule, Limits, MockConfig, REDACTED, codes};

#[tokio::test]
async fn burst_of_429_then_success() {
    let api = Api::start().await;
    api.server.fail_next(2, Fault::TooManyRequests);
    for _ in 0..2 {
        let a = api.call("GET", "/contacts", None).await;
        assert_eq!(a.status, 429);
        assert_eq!(a.json()["code"], codes::RATE_LIMITED);
        assert!(a.headers.get("retry-after").is_none());
    }
    assert_eq!(api.call("GET", "/contacts", None).await.status, 200);
}

#[tokio::test]
async fn a_429_with_retry_after_says_how_long_to_wait_and_does_not_reach_the_handler() {
    let api = Api::start().await;
    api.server.inject(
        FaultRule::new(Fault::TooManyRequestsRetryAfter(Duration::from_millis(
            1500,
        )))
        .method("POST")
        .path("/contacts"),
    );
    let a = api
        .call("POST", "/contacts", Some(json!({"contact_name": "A"})))
        .await;
    assert_eq!(
        (a.status, a.json()["code"].clone()),
        (429, json!(codes::RATE_LIMITED))
    );
    assert_eq!(a.header("retry-after"), "2", "whole seconds, rounded up");
    assert_eq!(
        api.get("/contacts").await["contacts"]
            .as_array()
            .unwrap()
            .len(),
        0,
        "the refused POST created nothing"
    );

    // The same fault armed over the admin endpoint.
    let admin = Request::post(format!(
        "{}{}/faults",
        api.server.api_domain(),
        zoho_invoice_mock::ADMIN_PREFIX
    ))
    .header("Content-Type", "application/json")
    .body(Full::from(
        json!({"fault": "429", "retry_after": 7, "path": "/items"}).to_string(),
    ))
    .unwrap();
    assert_eq!(api.send(admin).await.status, 200);
    let b = api.call("GET", "/items", None).await;
    assert_eq!((b.status, b.header("retry-after")), (429, "7"));
    let c = api.call("GET", "/items", None).await;
    assert_eq!(c.status, 200, "armed once");
    assert!(c.headers.get("retry-after").is_none());
}

#[tokio::test]
async fn server_errors_match_method_and_path_and_do_not_reach_the_handler() {
    let api = Api::start().await;
    api.server.inject(
        FaultRule::new(Fault::ServerError(503))
            .method("POST")
            .path("/contacts"),
    );
    assert_eq!(
        api.call("GET", "/contacts", None).await.status,
        200,
        "other methods pass"
    );
    let a = api
        .call("POST", "/contacts", Some(json!({"contact_name": "A"})))
        .await;
    assert_eq!(
        (a.status, a.json()["code"].clone()),
        (503, json!(codes::INTERNAL))
    );
    assert_eq!(
        api.get("/contacts").await["contacts"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    assert_eq!(
        api.call("POST", "/contacts", Some(json!({"contact_name": "A"})))
            .await
            .status,
        201
    );
}

#[tokio::test]
async fn connection_reset_before_the_response() {
    let api = Api::start().await;
    api.server.fail_next(1, Fault::ResetBeforeResponse);
    let req = api
        .builder("GET", "/contacts")
        .body(Full::default())
        .unwrap();
    assert!(api.client.request(req).await.is_err());
    assert_eq!(api.call("GET", "/contacts", None).await.status, 200);
}

#[tokio::test]
async fn connection_reset_in_the_middle_of_the_body_after_the_side_effect() {
    let api = Api::start().await;
    api.server.fail_next(1, Fault::ResetMidBody);
    let req = api
        .builder("POST", "/contacts")
        .header("Content-Type", "application/json")
        .body(Full::from(r#"{"contact_name": "Half"}"#))
        .unwrap();
    let resp = api.client.request(req).await.unwrap();
    assert_eq!(resp.status(), 201);
    assert!(
        resp.into_body().collect().await.is_err(),
        "the body must break"
    );
    // The server did create the contact: a client must not blindly retry a POST.
    assert_eq!(
        api.get("/contacts").await["contacts"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn truncated_and_malformed_bodies_and_html_pages() {
    let api = Api::start().await;
    api.contact("Bowman").await;
    let whole = api.call("GET", "/contacts", None).await.body;
    api.server.fail_next(1, Fault::TruncatedBody);
    let t = api.call("GET", "/contacts", None).await;
    assert_eq!(t.status, 200);
    assert!(!t.body.is_empty() && t.body.len() < whole.len());
    assert!(whole.starts_with(&t.body), "a prefix of the real answer");
    assert!(serde_json::from_slice::<serde_json::Value>(&t.body).is_err());
    api.server.fail_next(1, Fault::MalformedBody);
    let m = api.call("GET", "/contacts", None).await;
    assert_eq!(m.status, 200);
    assert!(serde_json::from_slice::<serde_json::Value>(&m.body).is_err());
    api.server.fail_next(1, Fault::HtmlErrorPage(502));
    let h = api.call("GET", "/contacts", None).await;
    assert_eq!(h.status, 502);
    assert!(h.header("content-type").starts_with("text/html"));
    assert!(String::from_utf8_lossy(&h.body).contains("<html>"));
}

#[tokio::test]
async fn expired_token_fault() {
    let api = Api::start().await;
    api.server.fail_next(1, Fault::ExpiredToken);
    let a = api.call("GET", "/contacts", None).await;
    assert_eq!(
        (a.status, a.json()["code"].clone()),
        (401, json!(codes::INVALID_TOKEN))
    );
    assert_eq!(api.call("GET", "/contacts", None).await.status, 200);
}

#[tokio::test]
async fn issued_tokens_expire_on_demand() {
    let api = Api::start().await;
    let token = api.server.issue_access_token();
    let call = |t: String| {
        Request::get(format!("{}/contacts", api.server.api_url()))
            .header("Authorization", format!("Zoho-oauthtoken {t}"))
            .header(
                "X-com-zoho-invoice-organizationid",
                api.server.organization_id(),
            )
            .body(Full::default())
            .unwrap()
    };
    assert_eq!(api.send(call(token.clone())).await.status, 200);
    api.server.expire_tokens();
    assert_eq!(api.send(call(token)).await.status, 401);
}

#[tokio::test(start_paused = true)]
async fn delay_and_concurrency_limit() {
    let api = Arc::new(
        Api::start_with(
            MockConfig::default().with_limits(Limits::default().with_concurrent(Some(1))),
        )
        .await,
    );
    api.server
        .inject(FaultRule::new(Fault::Delay(Duration::from_secs(30))).path("/items"));
    let started = Instant::now();
    let slow = {
        let api = Arc::clone(&api);
        tokio::spawn(async move { api.call("GET", "/items", None).await.status })
    };
    while api.server.requests().is_empty() {
        tokio::task::yield_now().await;
    }
    let refused = api.call("GET", "/contacts", None).await;
    assert_eq!(
        (refused.status, refused.json()["code"].clone()),
        (429, json!(codes::RATE_LIMITED))
    );
    assert!(
        refused.json()["message"]
            .as_str()
            .unwrap()
            .contains("concurrent")
    );
    assert_eq!(slow.await.unwrap(), 200);
    assert!(
        started.elapsed() >= Duration::from_secs(30),
        "the delay is on tokio's clock"
    );
    assert_eq!(
        api.call("GET", "/contacts", None).await.status,
        200,
        "the slot is free again"
    );
}

#[tokio::test]
async fn per_minute_and_daily_quotas() {
    let api = Api::start_with(
        MockConfig::default().with_limits(Limits::default().with_per_minute(Some(3)).with_daily(5)),
    )
    .await;
    for _ in 0..3 {
        assert_eq!(api.call("GET", "/contacts", None).await.status, 200);
    }
    let a = api.call("GET", "/contacts", None).await;
    assert_eq!(a.status, 429);
    assert!(a.json()["message"].as_str().unwrap().contains("minute"));
    api.server.advance_clock(Duration::from_secs(60));
    for _ in 0..2 {
        assert_eq!(api.call("GET", "/contacts", None).await.status, 200);
    }
    let d = api.call("GET", "/contacts", None).await;
    assert_eq!(d.status, 429);
    assert_eq!(d.header("x-rate-limit-remaining"), "0");
    assert!(d.json()["message"].as_str().unwrap().contains("per day"));
    api.server.advance_clock(Duration::from_secs(86_400));
    assert_eq!(api.call("GET", "/contacts", None).await.status, 200);
}

#[tokio::test]
async fn request_log_and_counters() {
    let api = Api::start().await;
    api.call(
        "POST",
        "/contacts?ignore=1",
        Some(json!({"contact_name": "Logged"})),
    )
    .await;
    api.call("GET", "/contacts", None).await;
    api.call("GET", "/contacts", None).await;
    let log = api.server.requests();
    assert_eq!(log.len(), 3);
    let first = &log[0];
    assert_eq!(first.method, "POST");
    assert_eq!(first.path, "/invoice/v3/contacts");
    assert_eq!(first.query_param("ignore"), Some("1"));
    assert_eq!(
        first.header("authorization"),
        Some(format!("Zoho-oauthtoken {REDACTED}").as_str())
    );
    assert_eq!(
        first.header("x-com-zoho-invoice-organizationid"),
        Some(api.server.organization_id())
    );
    assert_eq!(first.json(), Some(json!({"contact_name": "Logged"})));
    assert_eq!(first.operation.as_deref(), Some("POST /contacts"));
    assert_eq!(api.server.count("POST /contacts"), 1);
    assert_eq!(api.server.count("GET /contacts"), 2);
    assert!(!format!("{log:?}").contains(zoho_invoice_mock::DEFAULT_ACCESS_TOKEN));
}

#[tokio::test]
async fn admin_endpoint_steers_and_inspects() {
    let api = Api::start().await;
    let admin = |method: &str, path: &str, body: serde_json::Value| {
        Request::builder()
            .method(method)
            .uri(format!(
                "{}{}{path}",
                api.server.api_domain(),
                zoho_invoice_mock::ADMIN_PREFIX
            ))
            .header("Content-Type", "application/json")
            .body(Full::from(body.to_string()))
            .unwrap()
    };
    let a = read(
        api.client
            .request(admin(
                "POST",
                "/faults",
                json!({"fault": "5xx", "status": 500, "times": 1, "path": "/contacts"}),
            ))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(a.status, 200);
    assert_eq!(api.call("GET", "/contacts", None).await.status, 500);
    assert_eq!(api.call("GET", "/contacts", None).await.status, 200);
    let c = read(
        api.client
            .request(admin("GET", "/counters", json!({})))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(c.json()["counters"]["GET /contacts"], 2);
    let r = read(
        api.client
            .request(admin("GET", "/requests", json!({})))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r.json()["requests"].as_array().unwrap().len(), 2);
    let g = read(
        api.client
            .request(admin("POST", "/grant_code", json!({})))
            .await
            .unwrap(),
    )
    .await;
    assert!(
        g.json()["grant_code"]
            .as_str()
            .unwrap()
            .starts_with("1000.")
    );
    let bad = read(
        api.client
            .request(admin("POST", "/faults", json!({"fault": "nope"})))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(bad.status, 400);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_concurrent_creates_get_distinct_ids_and_numbers() {
    let api = Arc::new(Api::start().await);
    let cid = api.contact("Bowman").await;
    // At most 200 connections in flight, 1,000 tasks racing.
    let gate = Arc::new(tokio::sync::Semaphore::new(200));
    let mut tasks = Vec::new();
    for i in 0..1000 {
        let (api, cid, gate) = (Arc::clone(&api), cid.clone(), Arc::clone(&gate));
        tasks.push(tokio::spawn(async move {
            let _permit = gate.acquire().await.unwrap();
            let inv = api.invoice(&cid, f64::from(i) + 1.0, 1.0).await;
            (
                inv["invoice_id"].as_str().unwrap().to_string(),
                inv["invoice_number"].as_str().unwrap().to_string(),
            )
        }));
    }
    let mut ids = HashSet::new();
    let mut numbers = HashSet::new();
    for t in tasks {
        let (id, number) = t.await.unwrap();
        ids.insert(id);
        numbers.insert(number);
    }
    assert_eq!(ids.len(), 1000);
    assert_eq!(numbers.len(), 1000);
    let expected: HashSet<String> = (1..=1000).map(|n| format!("INV-{n:06}")).collect();
    assert_eq!(numbers, expected);
    let listed = api.get("/invoices?per_page=200&page=5").await;
    assert_eq!(listed["invoices"].as_array().unwrap().len(), 200);
    assert_eq!(listed["page_context"]["has_more_page"], false);
}
