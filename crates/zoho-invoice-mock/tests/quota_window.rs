//! The quota window scaled down for tests (config, admin endpoint, binary flags), and the count
//! of requests the limits refused with 429.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use common::Api;
use serde_json::json;
use zoho_invoice_mock::{Limits, MockConfig};

async fn admin(api: &Api, method: &str, path: &str, body: &str) -> common::Answer {
    let req = http::Request::builder()
        .method(method)
        .uri(format!("{}/__admin{path}", api.server.api_domain()))
        .header("Content-Type", "application/json")
        .body(http_body_util::Full::from(body.to_owned()))
        .unwrap();
    api.send(req).await
}

/// Sends `n` requests and returns how many were answered with 429.
async fn refused_of(api: &Api, n: usize) -> usize {
    let mut refused = 0;
    for _ in 0..n {
        if api.call("GET", "/contacts", None).await.status == 429 {
            refused += 1;
        }
    }
    refused
}

#[tokio::test]
async fn a_scaled_window_refuses_past_its_quota_until_the_next_window() {
    let api = Api::start_with(
        MockConfig::default()
            .with_limits(Limits::default().with_per_window(3, Duration::from_secs(3600))),
    )
    .await;
    assert_eq!(refused_of(&api, 5).await, 2);
    assert_eq!(api.server.rate_limited(), 2);
    api.server.advance_clock(Duration::from_secs(3600));
    assert_eq!(refused_of(&api, 3).await, 0, "a new window");
    assert_eq!(refused_of(&api, 1).await, 1);
    assert_eq!(api.server.rate_limited(), 3);
    assert_eq!(api.server.limits().window, Duration::from_secs(3600));
}

#[tokio::test]
async fn the_admin_endpoint_sets_and_shows_the_window() {
    let api = Api::start().await;
    let set = admin(
        &api,
        "PUT",
        "/limits",
        &json!({"per_window": 2, "window_ms": 7_200_000, "daily": 50}).to_string(),
    )
    .await;
    assert_eq!(set.status, 200, "{:?}", set.json());
    assert_eq!(refused_of(&api, 3).await, 1);
    let shown = admin(&api, "GET", "/limits", "").await.json();
    assert_eq!(shown["limits"]["per_window"], 2);
    assert_eq!(shown["limits"]["window_ms"], 7_200_000);
    assert_eq!(shown["limits"]["daily"], 50);
    assert_eq!(shown["rate_limited"], 1);
    api.server.advance_clock(Duration::from_secs(7200));
    assert_eq!(refused_of(&api, 2).await, 0);
}

#[tokio::test]
async fn the_admin_endpoint_refuses_bad_windows_and_changes_nothing() {
    let api = Api::start_with(
        MockConfig::default().with_limits(Limits::default().with_per_minute(Some(1))),
    )
    .await;
    for (body, field) in [
        (json!({"per_minute": 5, "window_ms": 0}), "window_ms"),
        (
            json!({"per_minute": 5, "window_ms": 86_400_001}),
            "window_ms",
        ),
        (json!({"per_minute": 5, "window_ms": "3000"}), "window_ms"),
        (json!({"per_minute": 5, "per_window": 5}), "per_window"),
    ] {
        let a = admin(&api, "PUT", "/limits", &body.to_string()).await;
        assert_eq!(a.status, 400, "{body}");
        assert!(
            a.json()["message"].as_str().unwrap().contains(field),
            "{body}: {:?}",
            a.json()
        );
    }
    assert_eq!(api.server.limits().per_window, Some(1));
    assert_eq!(api.server.limits().window, Duration::from_secs(60));
}

#[tokio::test]
async fn the_binary_takes_the_limits_as_flags() {
    let (_child, lines) = common::start_binary(
        &[
            "--port",
            "0",
            "--accounts-port",
            "0",
            "--per-window",
            "2",
            "--window-ms",
            "3600000",
            "--daily",
            "40",
            "--concurrent",
            "3",
        ],
        1,
    )
    .await;
    let api = lines[0].strip_prefix("api: ").unwrap().to_string();
    let admin_url = api.replace("/invoice/v3", "/__admin/limits");
    let mut statuses = Vec::new();
    for _ in 0..3 {
        let a = common::get_as_default(format!("{api}/contacts")).await;
        statuses.push(a.status);
        assert_eq!(a.header("x-rate-limit-limit"), "40");
    }
    assert_eq!(statuses, [200, 200, 429]);
    let shown = common::get_as_default(admin_url).await.json();
    assert_eq!(shown["limits"]["window_ms"], 3_600_000);
    assert_eq!(shown["limits"]["concurrent"], 3);
    assert_eq!(shown["rate_limited"], 1);
}

#[test]
fn the_binary_refuses_a_bad_window() {
    for args in [
        ["--window-ms", "0"],
        ["--window-ms", "x"],
        ["--daily", "-1"],
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_zoho-invoice-mock"))
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("usage"));
    }
}
