//! The stack as a whole: user layers, mocks, regions, HTTPS-only, body cap, headers.

#![allow(clippy::unwrap_used)] // helpers outside #[test] functions unwrap too

mod common;

use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use common::{ACCESS_TOKEN, ORG, ProbeLayer, builder, credentials};
use secrecy::SecretString;
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};
use zoho_invoice_transport::{
    AccessToken, ApiRequest, ApiResponse, Error, ErrorKind, HttpTransport, Region, TokenSource,
    Transport,
};

const OK: &str = r#"{"code":0,"message":"success"}"#;

#[tokio::test(start_paused = true)]
async fn a_user_layer_sees_each_attempt() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(2)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string(OK))
        .with_priority(2)
        .mount(&server)
        .await;
    let probe = ProbeLayer::default();
    let transport = builder(&server)
        .attempt_layer(probe.clone())
        .build()
        .unwrap();
    transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap();
    assert_eq!(probe.0.attempts.load(Ordering::SeqCst), 3);
}

#[tokio::test(start_paused = true)]
async fn headers_base_url_and_organization_are_set() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/invoice/v3/invoices"))
        .and(query_param("page", "2"))
        .and(header(
            "authorization",
            format!("Zoho-oauthtoken {ACCESS_TOKEN}").as_str(),
        ))
        .and(header("x-com-zoho-invoice-organizationid", ORG))
        .respond_with(ResponseTemplate::new(200).set_body_string(OK))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/invoice/v3/items"))
        .and(header("x-com-zoho-invoice-organizationid", "999"))
        .respond_with(ResponseTemplate::new(200).set_body_string(OK))
        .mount(&server)
        .await;
    let transport = builder(&server).build().unwrap();
    transport
        .send(ApiRequest::get("/invoices?page=2").unwrap())
        .await
        .unwrap();
    transport
        .send(ApiRequest::get("/items").unwrap().with_organization("999"))
        .await
        .unwrap();
}

/// A hand-written mock of the whole transport.
struct CannedTransport {
    seen: Mutex<Vec<String>>,
}

#[async_trait]
impl Transport for CannedTransport {
    async fn send(&self, request: ApiRequest) -> Result<ApiResponse, Error> {
        self.seen.lock().unwrap().push(request.path().to_owned());
        ApiResponse::json_ok(r#"{"code":0,"message":"success","invoice":{"invoice_id":"1"}}"#)
            .error_for_status()
    }
}

#[tokio::test]
async fn a_hand_written_transport_serves_a_call() {
    let mock = Arc::new(CannedTransport {
        seen: Mutex::new(Vec::new()),
    });
    let transport: Arc<dyn Transport> = mock.clone();
    let response = transport
        .send(ApiRequest::get("/invoices/1").unwrap())
        .await
        .unwrap();
    let body: serde_json::Value = response.json().unwrap();
    assert_eq!(body["invoice"]["invoice_id"], "1");
    assert_eq!(*mock.seen.lock().unwrap(), ["/invoices/1"]);
}

#[test]
fn every_region_has_the_right_urls() {
    let expected = [
        (
            Region::Com,
            "https://www.zohoapis.com/invoice/v3",
            "https://accounts.zoho.com",
        ),
        (
            Region::Eu,
            "https://www.zohoapis.eu/invoice/v3",
            "https://accounts.zoho.eu",
        ),
        (
            Region::In,
            "https://www.zohoapis.in/invoice/v3",
            "https://accounts.zoho.in",
        ),
        (
            Region::ComAu,
            "https://www.zohoapis.com.au/invoice/v3",
            "https://accounts.zoho.com.au",
        ),
        (
            Region::Jp,
            "https://www.zohoapis.jp/invoice/v3",
            "https://accounts.zoho.jp",
        ),
        (
            Region::Ca,
            "https://www.zohoapis.ca/invoice/v3",
            "https://accounts.zohocloud.ca",
        ),
        (
            Region::ComCn,
            "https://www.zohoapis.com.cn/invoice/v3",
            "https://accounts.zoho.com.cn",
        ),
        (
            Region::Sa,
            "https://www.zohoapis.sa/invoice/v3",
            "https://accounts.zoho.sa",
        ),
        (
            Region::custom(
                "https://www.zohoapis.uk/invoice/v3/",
                "https://accounts.zoho.uk/",
            ),
            "https://www.zohoapis.uk/invoice/v3",
            "https://accounts.zoho.uk",
        ),
    ];
    assert_eq!(expected.len(), Region::ALL.len() + 1);
    for (region, api, accounts) in expected {
        assert_eq!(region.api_base(), api);
        assert_eq!(region.accounts_url(), accounts);
        if !region.is_custom() {
            assert_eq!(Region::from_accounts_server(accounts), Some(region.clone()));
            let parsed: Region = region.domain_suffix().unwrap().parse().unwrap();
            assert_eq!(parsed, region);
        }
    }
    assert!("xx".parse::<Region>().is_err());
}

#[tokio::test]
async fn every_region_sends_to_its_api_and_accounts_server() {
    for region in Region::ALL {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let record = seen.clone();
        let fake = tower::service_fn(move |request: ApiRequest| {
            record.lock().unwrap().push(request.uri().to_string());
            async { Ok::<_, Error>(ApiResponse::json_ok(OK)) }
        });
        let b = HttpTransport::builder()
            .region(region.clone())
            .static_token(SecretString::from(ACCESS_TOKEN))
            .http_service(fake);
        let oauth = b.build_oauth_client(credentials()).unwrap();
        assert_eq!(oauth.accounts_url(), region.accounts_url());
        let transport = b.build().unwrap();
        transport
            .send(ApiRequest::get("/invoices").unwrap())
            .await
            .unwrap();
        assert_eq!(
            *seen.lock().unwrap(),
            [format!("{}/invoices", region.api_base())]
        );
    }
}

#[test]
fn plain_http_is_refused_unless_allowed() {
    let region = Region::custom("http://127.0.0.1:1/invoice/v3", "http://127.0.0.1:1");
    let error = HttpTransport::builder()
        .region(region.clone())
        .static_token(SecretString::from(ACCESS_TOKEN))
        .build()
        .unwrap_err();
    assert!(matches!(error.kind(), ErrorKind::InsecureUrl(_)), "{error}");
    assert!(!error.to_string().contains(ACCESS_TOKEN));
    HttpTransport::builder()
        .region(region)
        .allow_http(true)
        .static_token(SecretString::from(ACCESS_TOKEN))
        .build()
        .unwrap();
}

#[derive(Debug)]
struct HttpDomainToken;

#[async_trait]
impl TokenSource for HttpDomainToken {
    async fn token(&self) -> Result<AccessToken, Error> {
        Ok(AccessToken::new(SecretString::from(ACCESS_TOKEN))
            .with_api_domain("http://www.zohoapis.eu"))
    }
    fn invalidate(&self, _token: &AccessToken) -> bool {
        false
    }
}

#[tokio::test]
async fn a_plain_http_api_domain_never_gets_the_token() {
    let calls = Arc::new(Mutex::new(0));
    let counter = calls.clone();
    let fake = tower::service_fn(move |_request: ApiRequest| {
        *counter.lock().unwrap() += 1;
        async { Ok::<_, Error>(ApiResponse::json_ok(OK)) }
    });
    let transport = HttpTransport::builder()
        .region(Region::Eu)
        .token_source(Arc::new(HttpDomainToken))
        .honour_api_domain(true)
        .http_service(fake)
        .build()
        .unwrap();
    let error = transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap_err();
    assert!(matches!(error.kind(), ErrorKind::InsecureUrl(_)), "{error}");
    assert_eq!(*calls.lock().unwrap(), 0);
}

#[tokio::test]
async fn an_absolute_url_to_another_host_is_refused() {
    let fake = tower::service_fn(|_request: ApiRequest| async {
        Ok::<_, Error>(ApiResponse::json_ok(OK))
    });
    let transport = HttpTransport::builder()
        .static_token(SecretString::from(ACCESS_TOKEN))
        .http_service(fake)
        .build()
        .unwrap();
    let error = transport
        .send(ApiRequest::get("https://evil.example/invoice/v3/invoices").unwrap())
        .await
        .unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::InvalidRequest(_)),
        "{error}"
    );
}

#[tokio::test(start_paused = true)]
async fn the_response_body_is_capped() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string("x".repeat(4096)))
        .mount(&server)
        .await;
    let transport = builder(&server).max_response_body(1024).build().unwrap();
    let error = transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::BodyTooLarge { limit: 1024 }),
        "{error}"
    );
    let roomy = builder(&server).max_response_body(8192).build().unwrap();
    assert_eq!(
        roomy
            .send(ApiRequest::get("/invoices").unwrap())
            .await
            .unwrap()
            .body()
            .len(),
        4096
    );
}

#[tokio::test(start_paused = true)]
async fn a_non_zero_code_is_an_error_whatever_the_status() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/invoice/v3/invoices/1"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(r#"{"code":1002,"message":"Invoice does not exist."}"#),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/invoice/v3/invoices/2"))
        .respond_with(ResponseTemplate::new(404).set_body_string("not json"))
        .mount(&server)
        .await;
    let transport = builder(&server).build().unwrap();
    let error = transport
        .send(ApiRequest::get("/invoices/1").unwrap())
        .await
        .unwrap_err();
    assert!(error.is_not_found());
    assert_eq!(error.code(), Some(1002));
    assert_eq!(error.status().map(|s| s.as_u16()), Some(200));
    assert_eq!(error.message(), Some("Invoice does not exist."));
    let error = transport
        .send(ApiRequest::get("/invoices/2").unwrap())
        .await
        .unwrap_err();
    assert!(error.is_not_found() && !error.is_retryable());
    assert_eq!(error.code(), None);
}
