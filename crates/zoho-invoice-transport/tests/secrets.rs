//! No secret in any `Debug`, `Display`, error or log line.

#![allow(clippy::unwrap_used)] // helpers outside #[test] functions unwrap too

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{ACCESS_TOKEN, CLIENT_SECRET, REFRESH_TOKEN, builder, credentials};
use secrecy::SecretString;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};
use zoho_invoice_transport::{
    AccessToken, ApiRequest, Error, ErrorKind, HttpTransport, RefreshingToken, StaticToken,
    TokenError, TokenSource, Transport,
};

const SECRETS: [&str; 3] = [ACCESS_TOKEN, REFRESH_TOKEN, CLIENT_SECRET];

fn assert_clean(what: &str, text: &str) {
    for secret in SECRETS {
        assert!(!text.contains(secret), "{what} shows a secret: {text}");
    }
    assert!(!text.contains("SECRET-"), "{what} shows a secret: {text}");
}

#[tokio::test(start_paused = true)]
async fn debug_of_every_config_token_and_error_hides_secrets() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/v2/token"))
        .respond_with(ResponseTemplate::new(200).set_body_string(format!(
            r#"{{"access_token":"{ACCESS_TOKEN}","refresh_token":"{REFRESH_TOKEN}","expires_in":3600}}"#
        )))
        .mount(&server)
        .await;
    let b = builder(&server).refresh_token(credentials(), SecretString::from(REFRESH_TOKEN));
    assert_clean("TransportBuilder", &format!("{b:?}"));
    let oauth = b.build_oauth_client(credentials()).unwrap();
    assert_clean("OAuthClient", &format!("{oauth:?}"));
    assert_clean("ClientCredentials", &format!("{:?}", credentials()));
    let tokens = oauth
        .exchange_code("code", "https://example.com")
        .await
        .unwrap();
    assert_clean("TokenSet", &format!("{tokens:?}"));
    let transport = b.build().unwrap();
    assert_clean("HttpTransport", &format!("{transport:?}"));

    let source = RefreshingToken::new(oauth, SecretString::from(REFRESH_TOKEN));
    let token = source.token().await.unwrap();
    assert_clean("AccessToken", &format!("{token:?}"));
    assert_clean("RefreshingToken", &format!("{source:?}"));
    let header = token.header_value().unwrap();
    assert!(header.is_sensitive());
    assert_clean("the header value", &format!("{header:?}"));
    assert_clean(
        "StaticToken",
        &format!("{:?}", StaticToken::new(SecretString::from(ACCESS_TOKEN))),
    );
    assert_clean(
        "AccessToken",
        &format!("{:?}", AccessToken::new(SecretString::from(ACCESS_TOKEN))),
    );

    let mut request = ApiRequest::post("/invoices")
        .unwrap()
        .with_json(format!(r#"{{"note":"{CLIENT_SECRET}"}}"#));
    request.headers_mut().insert("authorization", header);
    assert_clean("ApiRequest", &format!("{request:?}"));

    let errors = [
        Error::from(TokenError::Throttled {
            retry_in: Duration::from_secs(60),
        }),
        Error::from(TokenError::Rejected {
            error: "invalid_code".into(),
            description: None,
            status: http::StatusCode::OK,
        }),
        Error::from(TokenError::Unreachable(Box::new(Error::new(
            ErrorKind::Connect("refused".into()),
        )))),
    ];
    for error in errors {
        assert_clean("Error (Debug)", &format!("{error:?}"));
        assert_clean("Error (Display)", &error.to_string());
    }
}

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log lock").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(start_paused = true)]
async fn log_lines_hide_secrets() {
    let captured = Captured::default();
    let sink = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || sink.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/v2/token"))
        .respond_with(ResponseTemplate::new(200).set_body_string(format!(
            r#"{{"access_token":"{ACCESS_TOKEN}","expires_in":3600}}"#
        )))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503).set_body_string(r#"{"code":1000,"message":"x"}"#))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(401))
        .with_priority(2)
        .mount(&server)
        .await;
    let transport: HttpTransport = builder(&server)
        .refresh_token(credentials(), SecretString::from(REFRESH_TOKEN))
        .build()
        .unwrap();
    let error = transport
        .send(ApiRequest::get("/invoices?page=1").unwrap())
        .await
        .unwrap_err();
    assert!(error.is_unauthorized());

    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("zoho_invoice.call"),
        "nothing captured: {logs}"
    );
    assert!(logs.contains("attempt"), "{logs}");
    assert!(
        logs.contains("path=\"/invoices\"") || logs.contains("path=/invoices"),
        "{logs}"
    );
    assert!(!logs.contains("page=1"), "the query is not logged");
    assert_clean("the logs", &logs);
}
