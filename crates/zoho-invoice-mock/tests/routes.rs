//! Every operation of the project's endpoint table is routed: none answers "invalid URL".
#![allow(clippy::unwrap_used)]

mod common;

use common::Api;
use zoho_invoice_mock::codes;

/// The project's own copy of the reference's endpoint table.
const ENDPOINTS: &str = include_str!("../../../reference/endpoints.tsv");

fn concrete(template: &str) -> String {
    template
        .split('/')
        .map(|seg| {
            if seg.starts_with('{') {
                "982000000999999"
            } else {
                seg
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[tokio::test]
async fn every_row_of_the_endpoint_table_is_routed() {
    let api = Api::start().await;
    let mut rows = 0;
    let mut unrouted = Vec::new();
    for line in ENDPOINTS.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (method, template) = (cols[2], cols[3]);
        rows += 1;
        api.server.clear_requests();
        let a = api.call(method, &concrete(template), None).await;
        let code = serde_json::from_slice::<serde_json::Value>(&a.body)
            .ok()
            .and_then(|v| v["code"].as_i64());
        let routed = api
            .server
            .requests()
            .first()
            .and_then(|r| r.operation.clone());
        if code == Some(codes::INVALID_URL) || a.status == 405 || routed.is_none() {
            unrouted.push(format!("{method} {template} -> {} {:?}", a.status, code));
        }
    }
    assert_eq!(rows, 286, "the table has 286 operations");
    assert!(unrouted.is_empty(), "not routed:\n{}", unrouted.join("\n"));
}

#[tokio::test]
async fn unknown_paths_and_methods_answer_invalid_url() {
    let api = Api::start().await;
    let a = api.call("GET", "/nosuchthing", None).await;
    assert_eq!(a.status, 404);
    assert_eq!(a.json()["code"], codes::INVALID_URL);
    let a = api.call("PATCH", "/invoices", None).await;
    assert_eq!(a.status, 405);
    assert_eq!(a.json()["code"], codes::INVALID_URL);
}

#[test]
fn literal_segments_win_over_parameters() {
    let ops = zoho_invoice_mock::operations();
    assert!(ops.contains(&("GET", "/invoices/pdf")));
    assert!(ops.contains(&("GET", "/invoices/{invoice_id}")));
    assert!(ops.contains(&("GET", "/organizations")));
}
