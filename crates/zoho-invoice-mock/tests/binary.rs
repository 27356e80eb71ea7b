//! The binary prints its URLs and serves requests.
#![allow(clippy::unwrap_used)]

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use http::Request;
use http_body_util::Full;
use zoho_invoice_mock::{DEFAULT_ACCESS_TOKEN, DEFAULT_ORGANIZATION_ID};

/// Kills the child when the test ends, pass or fail.
struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn binary_prints_urls_and_answers() {
    let mut child = Child(
        Command::new(env!("CARGO_BIN_EXE_zoho-invoice-mock"))
            .args(["--port", "0", "--accounts-port", "0", "--seed"])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let stdout = child.0.stdout.take().unwrap();
    let lines: Vec<String> = tokio::task::spawn_blocking(move || {
        BufReader::new(stdout)
            .lines()
            .take(2)
            .map(Result::unwrap)
            .collect()
    })
    .await
    .unwrap();
    let api = lines[0].strip_prefix("api: ").unwrap().to_string();
    let accounts = lines[1].strip_prefix("accounts: ").unwrap().to_string();
    assert!(api.starts_with("http://127.0.0.1:") && api.ends_with("/invoice/v3"));
    assert!(accounts.starts_with("http://127.0.0.1:"));
    let req = Request::get(format!("{api}/invoices"))
        .header(
            "Authorization",
            format!("Zoho-oauthtoken {DEFAULT_ACCESS_TOKEN}"),
        )
        .header("X-com-zoho-invoice-organizationid", DEFAULT_ORGANIZATION_ID)
        .body(Full::default())
        .unwrap();
    let a = common::read(common::client().request(req).await.unwrap()).await;
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
