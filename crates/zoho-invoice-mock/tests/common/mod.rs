//! Raw HTTP helpers shared by the integration tests (no SDK crate involved).
#![allow(dead_code, unreachable_pub, clippy::unwrap_used)]

use bytes::Bytes;
use http::{Request, Response};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use serde_json::{Value, json};
use zoho_invoice_mock::{DEFAULT_ACCESS_TOKEN, MockConfig, MockServer};

pub type HttpClient = Client<HttpConnector, Full<Bytes>>;

pub fn client() -> HttpClient {
    Client::builder(TokioExecutor::new()).build_http()
}

/// A server and a client that speaks to it with the default token and organization.
pub struct Api {
    pub server: MockServer,
    pub client: HttpClient,
}

/// A decoded answer.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: http::HeaderMap,
    pub body: Bytes,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

pub async fn read(resp: Response<hyper::body::Incoming>) -> Answer {
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let body = resp.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        headers,
        body,
    }
}

impl Api {
    pub async fn start() -> Self {
        Self::start_with(MockConfig::default()).await
    }

    /// Starts the server; unless the test chose a start time, the clock starts at a fixed
    /// instant (2024-01-15T10:00:00Z) so dates never straddle midnight.
    pub async fn start_with(mut config: MockConfig) -> Self {
        if config.start_time.is_none() {
            config.start_time = Some(1_705_312_800);
        }
        Self {
            server: MockServer::start_with(config).await.unwrap(),
            client: client(),
        }
    }

    /// A request builder with auth and organization headers.
    pub fn builder(&self, method: &str, path: &str) -> http::request::Builder {
        Request::builder()
            .method(method)
            .uri(format!("{}{}", self.server.api_url(), path))
            .header(
                "Authorization",
                format!("Zoho-oauthtoken {DEFAULT_ACCESS_TOKEN}"),
            )
            .header(
                "X-com-zoho-invoice-organizationid",
                self.server.organization_id(),
            )
    }

    pub async fn send(&self, req: Request<Full<Bytes>>) -> Answer {
        read(self.client.request(req).await.unwrap()).await
    }

    /// A JSON call; `body` is sent as `application/json`.
    pub async fn call(&self, method: &str, path: &str, body: Option<Value>) -> Answer {
        let b = self.builder(method, path);
        let req = match body {
            Some(v) => b
                .header("Content-Type", "application/json")
                .body(Full::from(serde_json::to_vec(&v).unwrap()))
                .unwrap(),
            None => b.body(Full::default()).unwrap(),
        };
        self.send(req).await
    }

    pub async fn get(&self, path: &str) -> Value {
        let a = self.call("GET", path, None).await;
        assert_eq!(
            a.status,
            200,
            "GET {path}: {}",
            String::from_utf8_lossy(&a.body)
        );
        a.json()
    }

    /// Creates and returns the record under `key`.
    pub async fn create(&self, path: &str, key: &str, body: Value) -> Value {
        let a = self.call("POST", path, Some(body)).await;
        assert_eq!(
            a.status,
            201,
            "POST {path}: {}",
            String::from_utf8_lossy(&a.body)
        );
        let v = a.json();
        assert_eq!(v["code"], 0);
        v[key].clone()
    }

    pub async fn post_ok(&self, path: &str, body: Option<Value>) -> Value {
        let a = self.call("POST", path, body).await;
        assert!(
            a.status == 200 || a.status == 201,
            "POST {path}: {} {}",
            a.status,
            String::from_utf8_lossy(&a.body)
        );
        a.json()
    }

    pub async fn contact(&self, name: &str) -> String {
        let c = self
            .create("/contacts", "contact", json!({"contact_name": name}))
            .await;
        c["contact_id"].as_str().unwrap().to_string()
    }

    /// An invoice of `rate` x `quantity` for `customer`, returned whole.
    pub async fn invoice(&self, customer: &str, rate: f64, quantity: f64) -> Value {
        self.create(
            "/invoices",
            "invoice",
            json!({"customer_id": customer, "line_items": [{"name": "Hard Drive", "rate": rate, "quantity": quantity}]}),
        )
        .await
    }
}

/// The id field of a record as a string.
pub fn id(v: &Value, field: &str) -> String {
    v[field]
        .as_str()
        .unwrap_or_else(|| panic!("{field} missing in {v}"))
        .to_string()
}

/// The fake server's binary, killed when dropped (pass or fail).
pub struct Binary(std::process::Child);

impl Drop for Binary {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the binary with `args` and reads the first `lines` lines it prints.
pub async fn start_binary(args: &[&str], lines: usize) -> (Binary, Vec<String>) {
    use std::io::{BufRead, BufReader};
    let mut child = Binary(
        std::process::Command::new(env!("CARGO_BIN_EXE_zoho-invoice-mock"))
            .args(args)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let stdout = child.0.stdout.take().unwrap();
    let printed = tokio::task::spawn_blocking(move || {
        BufReader::new(stdout)
            .lines()
            .take(lines)
            .map(Result::unwrap)
            .collect()
    })
    .await
    .unwrap();
    (child, printed)
}

/// `GET url` with the default token and organization.
pub async fn get_as_default(url: String) -> Answer {
    let req = Request::get(url)
        .header(
            "Authorization",
            format!("Zoho-oauthtoken {DEFAULT_ACCESS_TOKEN}"),
        )
        .header(
            "X-com-zoho-invoice-organizationid",
            zoho_invoice_mock::DEFAULT_ORGANIZATION_ID,
        )
        .body(Full::default())
        .unwrap();
    read(client().request(req).await.unwrap()).await
}

/// One request the server must refuse: method, path, body, and the answer's status, code and
/// message (the tables of `validation.rs` and `operation_bodies.rs`).
pub struct Refused {
    pub method: &'static str,
    pub path: String,
    pub body: Value,
    pub status: u16,
    pub code: i64,
    pub message: &'static str,
}

/// A request refused with a 400 and Zoho's `code` and `message`.
pub fn refused(
    method: &'static str,
    path: impl Into<String>,
    body: Value,
    code: i64,
    message: &'static str,
) -> Refused {
    Refused {
        method,
        path: path.into(),
        body,
        status: 400,
        code,
        message,
    }
}

impl Refused {
    /// Sends the request and asserts the refusal; answers the case's description (for the
    /// caller's own assertions).
    pub async fn assert_refused_by(&self, api: &Api) -> String {
        let a = api
            .call(self.method, &self.path, Some(self.body.clone()))
            .await;
        let what = format!("{} {} {}", self.method, self.path, self.body);
        assert_eq!(a.status, self.status, "{what}: {}", a.json());
        assert_eq!(a.json()["code"], self.code, "{what}");
        assert_eq!(a.json()["message"], self.message, "{what}");
        what
    }
}
