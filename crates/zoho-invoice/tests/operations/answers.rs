//! The fake server's real answers, decoded by the operations' own output types: every list
//! and lookup that needs no id (`GET /invoices`, `GET /users/me`, ...) on a seeded server
//! decodes, and none decodes hollow (a record with none of its named fields while data sits
//! in keys the model does not name).

use zoho_invoice::transport::Transport;
use zoho_invoice_mock::{MockConfig, MockServer};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_fake_servers_answers_fill_the_typed_fields() {
    let server = MockServer::start_with(MockConfig::default().with_seed(true))
        .await
        .unwrap();
    let transport = zoho_invoice::transport::HttpTransport::builder()
        .region(zoho_invoice::transport::Region::custom(
            server.api_url(),
            server.accounts_url(),
        ))
        .allow_http(true)
        .static_token(secrecy::SecretString::from(
            zoho_invoice_mock::DEFAULT_ACCESS_TOKEN,
        ))
        .organization_id(server.organization_id())
        .no_rate_limit()
        .build()
        .unwrap();
    let (mut decoded, mut problems) = (Vec::new(), Vec::new());
    for case in zoho_invoice::samples() {
        let op = case.operation;
        if op.method != http::Method::GET || op.path.contains('{') {
            continue;
        }
        let Some(Ok(request)) = case.request else {
            continue;
        };
        let answer = match transport.send(request).await {
            Ok(answer) => answer,
            // Lookups of the sample's ids (`/itemdetails?item_ids=...`) find nothing.
            Err(e) if e.is_not_found() => continue,
            Err(e) => {
                problems.push(format!("{} {}: {e}", op.method, op.path));
                continue;
            }
        };
        let body = String::from_utf8_lossy(answer.body()).into_owned();
        match (case.decode)(&body) {
            Ok(false) => decoded.push(op.path),
            Ok(true) => problems.push(format!("{} {}: hollow: {body}", op.method, op.path)),
            Err(e) => problems.push(format!("{} {}: {e}", op.method, op.path)),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    for path in [
        "/invoices",
        "/contacts",
        "/items",
        "/users",
        "/users/me",
        "/settings/taxes",
    ] {
        assert!(
            decoded.contains(&path),
            "{path} was not decoded: {decoded:?}"
        );
    }
}
