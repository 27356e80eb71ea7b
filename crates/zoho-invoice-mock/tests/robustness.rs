//! The bounds the fake server keeps under abuse: body size, read timeouts, the request log,
//! numbers out of range and the admin endpoint's input. Raw HTTP throughout; the timeouts are
//! tested on tokio's paused clock (it jumps to the next timer whenever the runtime is idle),
//! so no test sleeps for real.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use common::Api;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::Instant;
use zoho_invoice_mock::{DEFAULT_ACCESS_TOKEN, MockConfig, codes};

/// A request head for `path` on the API with the default token and organization, ending in
/// the blank line; `extra` holds more header lines, each ending in CRLF.
fn head(api: &Api, method: &str, path: &str, extra: &str) -> String {
    format!(
        "{method} /invoice/v3{path} HTTP/1.1\r\nHost: {}\r\nAuthorization: Zoho-oauthtoken {DEFAULT_ACCESS_TOKEN}\r\nX-com-zoho-invoice-organizationid: {}\r\n{extra}\r\n",
        api.server.api_addr(),
        api.server.organization_id()
    )
}

/// Everything the server sends until it closes the connection (a reset counts as closed).
async fn read_until_closed(stream: &mut TcpStream) -> Vec<u8> {
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return out,
            Ok(n) => out.extend_from_slice(&buf[..n]),
        }
    }
}

/// The status and JSON body of a raw response.
fn parse_response(raw: &[u8]) -> (u16, Value) {
    let text = String::from_utf8_lossy(raw);
    let (head, body) = text.split_once("\r\n\r\n").expect("a response head");
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status");
    (status, serde_json::from_str(body).expect("a JSON body"))
}

/// The server still answers, on a new connection.
async fn still_serves(api: &Api) {
    let a = api.call("GET", "/contacts", None).await;
    assert_eq!(a.status, 200, "{}", String::from_utf8_lossy(&a.body));
}

#[tokio::test]
async fn a_body_over_the_limit_is_a_zoho_413_and_is_not_logged() {
    let api = Api::start_with(MockConfig::default().with_max_body_bytes(1024)).await;
    let big = json!({"contact_name": "x".repeat(4096)});
    let a = api.call("POST", "/contacts", Some(big)).await;
    assert_eq!(a.status, 413);
    let v = a.json();
    assert_eq!(v["code"], codes::REQUEST_TOO_LARGE);
    assert!(v["message"].as_str().unwrap().contains("1024"), "{v}");
    assert_eq!(a.header("connection"), "close");
    let log = api.server.requests();
    assert_eq!(log.len(), 1);
    assert!(log[0].body.is_empty(), "the refused body is not kept");
    // A body within the limit still goes through.
    let ok = api
        .call("POST", "/contacts", Some(json!({"contact_name": "Small"})))
        .await;
    assert_eq!(ok.status, 201);
}

#[tokio::test]
async fn a_huge_content_length_is_refused_before_any_body_is_sent() {
    let api = Api::start().await;
    let mut stream = TcpStream::connect(api.server.api_addr()).await.unwrap();
    // 200 MB announced, not one byte of it sent: the answer cannot wait for the body.
    let request = head(
        &api,
        "POST",
        "/contacts",
        "Content-Type: application/json\r\nContent-Length: 209715200\r\n",
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let (status, v) = parse_response(&read_until_closed(&mut stream).await);
    assert_eq!(
        (status, v["code"].clone()),
        (413, json!(codes::REQUEST_TOO_LARGE))
    );
    still_serves(&api).await;
}

#[tokio::test(start_paused = true)]
async fn a_chunked_body_is_cut_off_once_it_passes_the_limit() {
    let api = Api::start_with(MockConfig::default().with_max_body_bytes(4096)).await;
    let mut stream = TcpStream::connect(api.server.api_addr()).await.unwrap();
    let request = head(
        &api,
        "POST",
        "/contacts",
        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n",
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    // 8 KiB in 1 KiB chunks and no last chunk: a server waiting for the end would time out
    // (a 408 on the paused clock) instead of answering 413.
    let chunk = format!("400\r\n{}\r\n", "x".repeat(1024));
    for _ in 0..8 {
        stream.write_all(chunk.as_bytes()).await.unwrap();
    }
    let (status, v) = parse_response(&read_until_closed(&mut stream).await);
    assert_eq!(
        (status, v["code"].clone()),
        (413, json!(codes::REQUEST_TOO_LARGE))
    );
    still_serves(&api).await;
}

#[tokio::test(start_paused = true)]
async fn a_half_sent_head_is_closed_after_the_header_read_timeout() {
    let timeout = Duration::from_secs(5);
    let api = Api::start_with(MockConfig::default().with_header_read_timeout(timeout)).await;
    let mut stream = TcpStream::connect(api.server.api_addr()).await.unwrap();
    let started = Instant::now();
    stream
        .write_all(b"GET /invoice/v3/contacts HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let answer = read_until_closed(&mut stream).await;
    assert!(answer.is_empty(), "closed without an answer");
    assert!(started.elapsed() >= timeout, "{:?}", started.elapsed());
    still_serves(&api).await;
}

#[tokio::test(start_paused = true)]
async fn idle_connections_are_closed_after_the_header_read_timeout() {
    let timeout = Duration::from_secs(5);
    let api = Api::start_with(MockConfig::default().with_header_read_timeout(timeout)).await;
    // A connection that never sends anything.
    let mut silent = TcpStream::connect(api.server.api_addr()).await.unwrap();
    let started = Instant::now();
    assert!(read_until_closed(&mut silent).await.is_empty());
    assert!(started.elapsed() >= timeout);
    // A keep-alive connection idle after its first request: answered, then closed.
    let mut kept = TcpStream::connect(api.server.api_addr()).await.unwrap();
    kept.write_all(head(&api, "GET", "/contacts", "").as_bytes())
        .await
        .unwrap();
    let started = Instant::now();
    let answer = read_until_closed(&mut kept).await;
    assert!(started.elapsed() >= timeout);
    assert_eq!(parse_response(&answer).0, 200);
}

#[tokio::test(start_paused = true)]
async fn a_half_sent_body_gets_a_408_after_the_body_read_timeout() {
    let timeout = Duration::from_secs(7);
    let config = MockConfig::default()
        .with_body_read_timeout(timeout)
        .with_header_read_timeout(Duration::from_secs(3600));
    let api = Api::start_with(config).await;
    let mut stream = TcpStream::connect(api.server.api_addr()).await.unwrap();
    let request = head(
        &api,
        "POST",
        "/contacts",
        "Content-Type: application/json\r\nContent-Length: 100\r\n",
    );
    let started = Instant::now();
    stream.write_all(request.as_bytes()).await.unwrap();
    stream.write_all(b"{\"contact_").await.unwrap();
    let (status, v) = parse_response(&read_until_closed(&mut stream).await);
    assert_eq!(
        (status, v["code"].clone()),
        (408, json!(codes::REQUEST_TIMEOUT))
    );
    let waited = started.elapsed();
    assert!(
        waited >= timeout && waited < Duration::from_secs(3600),
        "{waited:?}"
    );
    still_serves(&api).await;
}

#[tokio::test]
async fn the_request_log_keeps_within_its_bounds_and_counts_what_it_dropped() {
    let max_bytes = 10_000;
    let api = Api::start_with(MockConfig::default().with_request_log_limits(5, max_bytes)).await;
    // 20 creates of about 3 KB each: at most three fit in 10,000 bytes.
    for i in 0..20 {
        let name = format!("{i:02}{}", "x".repeat(3000));
        api.call("POST", "/contacts", Some(json!({"contact_name": name})))
            .await;
    }
    let log = api.server.requests();
    let weight: usize = log
        .iter()
        .map(|r| {
            let pairs =
                |p: &[(String, String)]| p.iter().map(|(k, v)| k.len() + v.len()).sum::<usize>();
            r.body.len()
                + r.method.len()
                + r.path.len()
                + r.operation.as_ref().map_or(0, String::len)
                + pairs(&r.query)
                + pairs(&r.headers)
        })
        .sum();
    assert!(weight <= max_bytes, "{weight}");
    assert!(!log.is_empty() && log.len() <= 3, "{}", log.len());
    assert_eq!(api.server.dropped_requests(), 20 - log.len() as u64);
    // The newest are kept, in order.
    let last = log.last().unwrap().json().unwrap();
    assert!(last["contact_name"].as_str().unwrap().starts_with("19"));
    // Counters still count every request.
    assert_eq!(api.server.count("POST /contacts"), 20);

    // Small requests: the entry bound applies.
    api.server.clear_requests();
    assert_eq!(api.server.dropped_requests(), 0);
    for _ in 0..12 {
        api.call("GET", "/contacts", None).await;
    }
    assert_eq!(api.server.requests().len(), 5);
    assert_eq!(api.server.dropped_requests(), 7);
    let admin = api
        .send(
            http::Request::get(format!("{}/__admin/requests", api.server.api_domain()))
                .body(Default::default())
                .unwrap(),
        )
        .await
        .json();
    assert_eq!(admin["dropped"], 7);
    assert_eq!(admin["requests"].as_array().unwrap().len(), 5);
}

#[tokio::test]
async fn an_entry_larger_than_the_log_keeps_a_prefix_of_its_body() {
    let api = Api::start_with(MockConfig::default().with_request_log_limits(10, 2_000)).await;
    let name = "y".repeat(5_000);
    let a = api
        .call("POST", "/contacts", Some(json!({"contact_name": name})))
        .await;
    assert_eq!(a.status, 201);
    let log = api.server.requests();
    assert_eq!(log.len(), 1);
    assert!(log[0].body_truncated);
    assert!(!log[0].body.is_empty() && log[0].body.len() < 2_000);
    assert!(log[0].body.starts_with(b"{\"contact_name\":\"yyy"));
}

/// Asserts a 400 with Zoho's invalid-value code naming `field`, then that the server still
/// answers on a new connection.
async fn refused_as_invalid(api: &Api, method: &str, path: &str, body: Value, field: &str) {
    let a = api.call(method, path, Some(body.clone())).await;
    assert_eq!(
        a.status,
        400,
        "{body}: {}",
        String::from_utf8_lossy(&a.body)
    );
    let v = a.json();
    assert_eq!(v["code"], codes::INVALID_VALUE, "{v}");
    assert!(v["message"].as_str().unwrap().contains(field), "{v}");
    still_serves(api).await;
}

#[tokio::test]
async fn amounts_and_quantities_out_of_range_are_a_400_not_a_panic() {
    let api = Api::start().await;
    let customer = api.contact("Overflow Ltd").await;
    let line = |li: Value| json!({"customer_id": customer, "line_items": [li]});
    for (li, field) in [
        (json!({"name": "a", "rate": 1e300}), "rate"),
        (json!({"name": "a", "rate": "1e400"}), "rate"),
        (json!({"name": "a", "rate": "NaN"}), "rate"),
        (
            json!({"name": "a", "rate": 10, "quantity": 1e300}),
            "quantity",
        ),
        (
            json!({"name": "a", "rate": 10, "quantity": "-inf"}),
            "quantity",
        ),
        // Each within range, their product not.
        (
            json!({"name": "a", "rate": 1e12, "quantity": 1e9}),
            "item_total",
        ),
    ] {
        refused_as_invalid(&api, "POST", "/invoices", line(li), field).await;
    }
    // Two lines within range whose sum is not.
    let two = json!({"customer_id": customer, "line_items": [
        {"name": "a", "rate": 1e12}, {"name": "b", "rate": 1e12}
    ]});
    refused_as_invalid(&api, "POST", "/invoices", two, "sub_total").await;
    let shipping = json!({"customer_id": customer, "shipping_charge": -1e300});
    refused_as_invalid(&api, "POST", "/invoices", shipping, "shipping_charge").await;
    // Nothing was stored.
    assert_eq!(api.get("/invoices").await["invoices"], json!([]));
    // A large amount within range still works.
    let inv = api.invoice(&customer, 1e11, 10.0).await;
    assert_eq!(inv["total"], json!(1_000_000_000_000_i64));
}

#[tokio::test]
async fn payment_terms_beyond_a_century_are_a_400_not_a_panic() {
    let api = Api::start().await;
    let max = json!(9_223_372_036_854_775_807_i64);
    refused_as_invalid(
        &api,
        "POST",
        "/contacts",
        json!({"contact_name": "Terms", "payment_terms": max}),
        "payment_terms",
    )
    .await;
    let customer = api.contact("Terms").await;
    for terms in [max.clone(), json!("9223372036854775807"), json!(-1)] {
        let body = json!({"customer_id": customer, "payment_terms": terms,
            "line_items": [{"name": "a", "rate": 10}]});
        refused_as_invalid(&api, "POST", "/invoices", body, "payment_terms").await;
    }
    let inv = api
        .create(
            "/invoices",
            "invoice",
            json!({"customer_id": customer, "date": "2024-01-15", "payment_terms": 30,
                "line_items": [{"name": "a", "rate": 10}]}),
        )
        .await;
    assert_eq!(inv["due_date"], "2024-02-14");
}

#[tokio::test]
async fn payment_amounts_out_of_range_are_a_400_not_a_panic() {
    let api = Api::start().await;
    let customer = api.contact("Payer").await;
    let inv = api.invoice(&customer, 100.0, 1.0).await;
    let invoice_id = common::id(&inv, "invoice_id");
    api.post_ok(&format!("/invoices/{invoice_id}/status/sent"), None)
        .await;
    for (body, field) in [
        (
            json!({"customer_id": customer, "amount": 1e300, "payment_mode": "cash", "date": "2024-01-15"}),
            "amount",
        ),
        (
            json!({"customer_id": customer, "amount": 50, "payment_mode": "cash", "date": "2024-01-15",
                "invoices": [{"invoice_id": invoice_id, "amount_applied": "1e19"}]}),
            "amount_applied",
        ),
    ] {
        refused_as_invalid(&api, "POST", "/customerpayments", body, field).await;
    }
    // Many applications within range whose sum is not.
    let apps: Vec<Value> = (0..200)
        .map(|_| json!({"invoice_id": invoice_id, "amount_applied": 1e12}))
        .collect();
    let body = json!({"customer_id": customer, "amount": 1e12, "payment_mode": "cash",
        "date": "2024-01-15", "invoices": apps});
    refused_as_invalid(&api, "POST", "/customerpayments", body, "amount_applied").await;
    assert_eq!(
        api.get(&format!("/invoices/{invoice_id}")).await["invoice"]["balance"],
        100
    );
}

#[tokio::test]
async fn paging_and_logged_time_out_of_range() {
    let api = Api::start().await;
    let a = api
        .call("GET", "/invoices?per_page=99999999999999999999999999", None)
        .await;
    assert_eq!(
        (a.status, a.json()["code"].clone()),
        (400, json!(codes::INVALID_VALUE))
    );
    // Within usize: the page is clamped, a page far past the end is empty.
    let far = api
        .get("/invoices?per_page=18446744073709551615&page=18446744073709551615")
        .await;
    assert_eq!(far["page_context"]["per_page"], 200);
    assert_eq!(far["invoices"], json!([]));
    let customer = api.contact("Hours").await;
    let project = api
        .create(
            "/projects",
            "project",
            json!({"project_name": "P", "customer_id": customer, "billing_type": "based_on_task_hours", "user_id": "982000000554041"}),
        )
        .await;
    let project_id = common::id(&project, "project_id");
    let task = api
        .create(
            &format!("/projects/{project_id}/tasks"),
            "task",
            json!({"task_name": "T"}),
        )
        .await;
    let body = json!({"project_id": project_id, "task_id": common::id(&task, "task_id"),
        "user_id": "982000000554041", "log_date": "2024-01-15", "log_time": "9223372036854775807:00"});
    refused_as_invalid(&api, "POST", "/projects/timeentries", body, "log_time").await;
}

/// An admin call with a raw body.
async fn admin(api: &Api, method: &str, path: &str, body: &str) -> common::Answer {
    let req = http::Request::builder()
        .method(method)
        .uri(format!("{}/__admin{path}", api.server.api_domain()))
        .header("Content-Type", "application/json")
        .body(http_body_util::Full::from(body.to_owned()))
        .unwrap();
    api.send(req).await
}

#[tokio::test]
async fn the_admin_clock_refuses_to_overflow_and_the_server_keeps_working() {
    let api = Api::start().await;
    let today = api.server.today();
    for body in [
        json!({"seconds": u64::MAX}),
        json!({"seconds": 9_000_000_000_000_u64}),
        json!({"seconds": -1}),
        json!({"seconds": 1.5}),
        json!({"seconds": "3600"}),
        json!({}),
    ] {
        let a = admin(&api, "POST", "/clock/advance", &body.to_string()).await;
        assert_eq!(a.status, 400, "{body}");
        assert_eq!(a.json()["code"], codes::INVALID_VALUE);
        assert!(a.json()["message"].as_str().unwrap().contains("seconds"));
    }
    assert_eq!(api.server.today(), today, "nothing moved");
    let too_far = admin(
        &api,
        "POST",
        "/clock/advance",
        &json!({"seconds": u64::MAX}).to_string(),
    )
    .await;
    assert!(
        too_far.json()["message"]
            .as_str()
            .unwrap()
            .contains("9999-12-31")
    );
    // Later requests still work, on the clock's own time.
    let customer = api.contact("After").await;
    api.invoice(&customer, 10.0, 1.0).await;
    still_serves(&api).await;
    // Within range it moves.
    let a = admin(&api, "POST", "/clock/advance", r#"{"seconds": 86400}"#).await;
    assert_eq!(a.status, 200);
    assert_ne!(api.server.today(), today);
}

#[tokio::test]
async fn advancing_the_clock_from_code_stops_at_the_end_of_year_9999() {
    let api = Api::start().await;
    api.server.advance_clock(Duration::MAX);
    api.server.advance_clock(Duration::from_secs(u64::MAX));
    assert_eq!(api.server.today(), "9999-12-31");
    let customer = api.contact("Late").await;
    let inv = api.invoice(&customer, 10.0, 1.0).await;
    assert_eq!(inv["date"], "9999-12-31");
    still_serves(&api).await;
}

#[tokio::test]
async fn the_admin_endpoint_validates_its_input() {
    let api = Api::start().await;
    for (method, path, body, field) in [
        (
            "POST",
            "/faults",
            r#"{"fault": "5xx", "status": 70000}"#,
            "status",
        ),
        (
            "POST",
            "/faults",
            r#"{"fault": "html", "status": 42}"#,
            "status",
        ),
        (
            "POST",
            "/faults",
            r#"{"fault": "delay", "delay_ms": 18446744073709551615}"#,
            "delay_ms",
        ),
        (
            "POST",
            "/faults",
            r#"{"fault": "429", "retry_after": 18446744073709551615}"#,
            "retry_after",
        ),
        (
            "POST",
            "/faults",
            r#"{"fault": "429", "times": -3}"#,
            "times",
        ),
        ("POST", "/faults", r#"{"fault": "429", "path": 7}"#, "path"),
        ("POST", "/faults", r#"{"fault": "#, "JSON"),
        (
            "PUT",
            "/limits",
            r#"{"per_minute": 4294967296}"#,
            "per_minute",
        ),
        ("PUT", "/limits", r#"{"daily": "many"}"#, "daily"),
        (
            "POST",
            "/organizations",
            r#"{"organization_id": 5}"#,
            "organization_id",
        ),
        (
            "POST",
            "/organizations",
            r#"{"organization_id": ""}"#,
            "organization_id",
        ),
    ] {
        let a = admin(&api, method, path, body).await;
        assert_eq!(a.status, 400, "{path} {body}");
        let v = a.json();
        assert_eq!(v["code"], codes::INVALID_VALUE);
        assert!(v["message"].as_str().unwrap().contains(field), "{v}");
    }
    // Nothing was armed or limited: requests go through.
    for _ in 0..3 {
        still_serves(&api).await;
    }
    let a = admin(&api, "PUT", "/limits", r#"{"per_minute": 4294967295}"#).await;
    assert_eq!(a.status, 200);
    let a = admin(
        &api,
        "POST",
        "/faults",
        r#"{"fault": "5xx", "status": 503}"#,
    )
    .await;
    assert_eq!(a.status, 200);
    assert_eq!(api.call("GET", "/contacts", None).await.status, 503);
}

#[tokio::test]
async fn token_lifetimes_at_the_end_of_time_do_not_overflow() {
    let api = Api::start_with(MockConfig::default().with_token_lifetime(Duration::MAX)).await;
    api.server.advance_clock(Duration::MAX);
    let token = api.server.issue_access_token();
    let req = http::Request::get(format!("{}/contacts", api.server.api_url()))
        .header("Authorization", format!("Zoho-oauthtoken {token}"))
        .header(
            "X-com-zoho-invoice-organizationid",
            api.server.organization_id(),
        )
        .body(http_body_util::Full::default())
        .unwrap();
    assert_eq!(api.send(req).await.status, 200);
}
