//! Test support: a transport that records what it is asked to send and answers with the
//! reference's example for the operation, and a client on the fake server.

#![allow(dead_code, unreachable_pub, clippy::unwrap_used)]

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use secrecy::SecretString;
use serde_json::Value;
use zoho_invoice::Client;
use zoho_invoice::transport::{
    ApiRequest, ApiResponse, Error, HttpTransport, Region, Transport, TransportBuilder,
};
use zoho_invoice_mock::MockServer;

/// What a [`Recorder`] was asked to send.
#[derive(Debug, Clone)]
pub struct Sent {
    /// `GET`, `POST`, ...
    pub method: String,
    /// The path, without the query.
    pub path: String,
    /// The query pairs, decoded.
    pub query: Vec<(String, String)>,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// The body.
    pub body: bytes::Bytes,
}

impl Sent {
    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("a JSON body")
    }

    /// The value of a query pair.
    pub fn query(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// A canned answer: status, headers, body.
type Answer = (u16, Vec<(String, String)>, bytes::Bytes);

/// Records requests and answers each with a fixed body.
#[derive(Clone, Default)]
pub struct Recorder {
    sent: Arc<Mutex<Vec<Sent>>>,
    answer: Arc<Mutex<Option<Answer>>>,
}

impl Recorder {
    /// A recorder answering `body` with status 200 and JSON content.
    pub fn answering(body: impl Into<bytes::Bytes>) -> Self {
        let r = Self::default();
        *r.answer.lock().unwrap() = Some((
            200,
            vec![("content-type".into(), "application/json".into())],
            body.into(),
        ));
        r
    }

    /// A recorder answering the reference's example response `dir/file.response.json`.
    pub fn answering_fixture(name: &str) -> Self {
        Self::answering(fixture(name))
    }

    /// A recorder answering raw bytes with the given headers.
    pub fn answering_file(headers: &[(&str, &str)], body: impl Into<bytes::Bytes>) -> Self {
        let r = Self::default();
        let headers = headers
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        *r.answer.lock().unwrap() = Some((200, headers, body.into()));
        r
    }

    /// What was sent, in order.
    pub fn sent(&self) -> Vec<Sent> {
        self.sent.lock().unwrap().clone()
    }

    /// The only request sent.
    pub fn only(&self) -> Sent {
        let sent = self.sent();
        assert_eq!(sent.len(), 1, "expected exactly one request, got {sent:?}");
        sent.into_iter().next().unwrap()
    }

    /// A client over this recorder.
    pub fn client(&self) -> Client {
        Client::new(self.clone())
    }
}

#[async_trait::async_trait]
impl Transport for Recorder {
    async fn send(&self, request: ApiRequest) -> Result<ApiResponse, Error> {
        let uri = request.uri().clone();
        let query = uri
            .query()
            .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
            .unwrap_or_default();
        self.sent.lock().unwrap().push(Sent {
            method: request.method().to_string(),
            path: uri.path().to_owned(),
            query,
            content_type: request
                .headers()
                .get(http::header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned),
            body: request.body().clone(),
        });
        let (status, headers, body) = self
            .answer
            .lock()
            .unwrap()
            .clone()
            .expect("an answer is set");
        let mut response = http::Response::new(body);
        *response.status_mut() = http::StatusCode::from_u16(status).unwrap();
        for (k, v) in headers {
            response.headers_mut().insert(
                http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                http::HeaderValue::from_str(&v).unwrap(),
            );
        }
        ApiResponse::from_http(response).error_for_status()
    }
}

/// The folder of the reference's JSON examples.
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../zoho-invoice-models/tests/fixtures")
}

/// The text of one of the reference's JSON examples (`invoices/get_an_invoice.response.json`).
pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures_dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The reference's example as JSON.
pub fn fixture_json(name: &str) -> Value {
    serde_json::from_str(&fixture(name)).expect("fixture is JSON")
}

/// The fake server, and a client on it with the server's own token.
pub async fn mock() -> (MockServer, Client) {
    mock_with(MockServer::start().await.expect("the fake server starts"))
}

/// The fake server, and a client on it without the client-side rate limit (100 calls a
/// minute), so that many calls do not wait for real.
pub async fn mock_unthrottled() -> (MockServer, Client) {
    let server = MockServer::start().await.expect("the fake server starts");
    let client = Client::new(
        transport_on(&server)
            .no_rate_limit()
            .build()
            .expect("a transport"),
    );
    (server, client)
}

/// A client on a fake server started by the caller.
pub fn mock_with(server: MockServer) -> (MockServer, Client) {
    let client = Client::new(transport_on(&server).build().expect("a transport"));
    (server, client)
}

/// A transport builder on `server`, with the server's own token and organization.
fn transport_on(server: &MockServer) -> TransportBuilder {
    HttpTransport::builder()
        .region(Region::custom(server.api_url(), server.accounts_url()))
        .allow_http(true)
        .static_token(SecretString::from(zoho_invoice_mock::DEFAULT_ACCESS_TOKEN))
        .organization_id(server.organization_id())
}

/// A row of the project's copy of the API's endpoint table: (resource, name, method, path).
pub type Row = (String, String, String, String);

/// The rows of the project's copy of the API's endpoint table.
pub fn table_rows() -> Vec<Row> {
    include_str!("../../../../reference/endpoints.tsv")
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            (
                cols[0].into(),
                cols[1].into(),
                cols[2].into(),
                cols[3].into(),
            )
        })
        .collect()
}

/// Operations the crate has beyond the reference's table: the expense receipt, which the
/// reference's notes describe (a multipart `receipt` field) but its table leaves out.
pub const BEYOND_THE_TABLE: [&str; 2] = [
    "Add a receipt to an expense",
    "Get the receipt of an expense",
];
