//! The binary prints its URLs and serves requests.
#![allow(clippy::unwrap_used)]

mod common;

use std::process::Command;

#[tokio::test]
async fn binary_prints_urls_and_answers() {
    let (_child, lines) =
        common::start_binary(&["--port", "0", "--accounts-port", "0", "--seed"], 2).await;
    let api = lines[0].strip_prefix("api: ").unwrap().to_string();
    let accounts = lines[1].strip_prefix("accounts: ").unwrap().to_string();
    assert!(api.starts_with("http://127.0.0.1:") && api.ends_with("/invoice/v3"));
    assert!(accounts.starts_with("http://127.0.0.1:"));
    let a = common::get_as_default(format!("{api}/invoices")).await;
    assert_eq!(a.status, 200);
    assert_eq!(
        a.json()["invoices"].as_array().unwrap().len(),
        6,
        "--seed was honoured"
    );
}

#[test]
fn bad_arguments_exit_with_usage() {
    let out = Command::new(env!("CARGO_BIN_EXE_zoho-invoice-mock"))
        .arg("--port")
        .arg("nope")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage"));
}
