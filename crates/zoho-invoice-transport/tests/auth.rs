//! OAuth: refresh, single flight, 401 replay, accounts-server errors, `api_domain`.

#![allow(clippy::unwrap_used)] // helpers outside #[test] functions unwrap too

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{ACCESS_TOKEN, REFRESH_TOKEN, builder, count_path, credentials};
use secrecy::SecretString;
use wiremock::matchers::{body_string_contains, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};
use zoho_invoice_transport::{
    AccessToken, ApiRequest, ErrorKind, RefreshingToken, TokenError, TokenSource, Transport,
    TransportBuilder,
};

const OK: &str = r#"{"code":0,"message":"success"}"#;

async fn token_endpoint(server: &MockServer, body: &str) {
    Mock::given(method("POST"))
        .and(path("/oauth/v2/token"))
        .and(body_string_contains("grant_type=refresh_token"))
        .respond_with(ResponseTemplate::new(200).set_body_string(body))
        .mount(server)
        .await;
}

async fn api_answers(server: &MockServer, token: &str, status: u16) {
    Mock::given(method("GET"))
        .and(path("/invoice/v3/invoices"))
        .and(header(
            "authorization",
            format!("Zoho-oauthtoken {token}").as_str(),
        ))
        .respond_with(
            ResponseTemplate::new(status).set_body_string(if status == 200 {
                OK
            } else {
                r#"{"code":57,"message":"You are not authorized to perform this operation"}"#
            }),
        )
        .mount(server)
        .await;
}

/// A refreshing source whose current token is `old`, valid for `valid_for`.
fn source(b: &TransportBuilder, valid_for: Duration) -> RefreshingToken {
    let oauth = b.build_oauth_client(credentials()).unwrap();
    RefreshingToken::new(oauth, SecretString::from(REFRESH_TOKEN))
        .with_access_token(AccessToken::new(SecretString::from("old")), valid_for)
}

#[tokio::test(start_paused = true)]
async fn a_401_refreshes_once_and_replays_once() {
    let server = MockServer::start().await;
    token_endpoint(&server, r#"{"access_token":"new","expires_in":3600}"#).await;
    api_answers(&server, "old", 401).await;
    api_answers(&server, "new", 200).await;
    let b = builder(&server);
    let source = source(&b, Duration::from_secs(3600));
    let transport = b.token_source(Arc::new(source)).build().unwrap();
    let response = transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(count_path(&server, "/oauth").await, 1);
    assert_eq!(count_path(&server, "/invoice/v3").await, 2);
}

#[tokio::test(start_paused = true)]
async fn a_second_401_is_an_error() {
    let server = MockServer::start().await;
    token_endpoint(&server, r#"{"access_token":"new","expires_in":3600}"#).await;
    api_answers(&server, "old", 401).await;
    api_answers(&server, "new", 401).await;
    let b = builder(&server);
    let source = source(&b, Duration::from_secs(3600));
    let transport = b.token_source(Arc::new(source)).build().unwrap();
    let error = transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap_err();
    assert!(error.is_unauthorized());
    assert_eq!(error.code(), Some(57));
    assert_eq!(count_path(&server, "/oauth").await, 1);
    assert_eq!(count_path(&server, "/invoice/v3").await, 2);
}

#[tokio::test(start_paused = true)]
async fn a_static_token_is_not_replayed() {
    let server = MockServer::start().await;
    api_answers(&server, ACCESS_TOKEN, 401).await;
    let transport = builder(&server).build().unwrap();
    let error = transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap_err();
    assert!(error.is_unauthorized());
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_hundred_callers_with_an_expired_token_make_one_token_request() {
    let server = MockServer::start().await;
    token_endpoint(&server, r#"{"access_token":"new","expires_in":3600}"#).await;
    api_answers(&server, "new", 200).await;
    let b = builder(&server).no_rate_limit();
    let source = source(&b, Duration::from_secs(60));
    let transport = b.token_source(Arc::new(source)).build().unwrap();
    tokio::time::advance(Duration::from_secs(120)).await;
    let mut calls = tokio::task::JoinSet::new();
    for _ in 0..100 {
        let transport = transport.clone();
        calls.spawn(async move { transport.send(ApiRequest::get("/invoices").unwrap()).await });
    }
    while let Some(result) = calls.join_next().await {
        assert_eq!(result.unwrap().unwrap().status(), 200);
    }
    assert_eq!(count_path(&server, "/oauth").await, 1);
    assert_eq!(count_path(&server, "/invoice/v3").await, 100);
}

#[tokio::test(start_paused = true)]
async fn refresh_happens_ahead_of_expiry() {
    let server = MockServer::start().await;
    token_endpoint(&server, r#"{"access_token":"new","expires_in":3600}"#).await;
    api_answers(&server, "old", 200).await;
    api_answers(&server, "new", 200).await;
    let b = builder(&server).refresh_ahead(Duration::from_secs(300));
    let source = source(&b, Duration::from_secs(1000));
    let transport = b.token_source(Arc::new(source)).build().unwrap();
    transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap();
    assert_eq!(count_path(&server, "/oauth").await, 0, "still fresh");
    // 750 s later the token has 250 s left: inside the 300 s margin, so it is refreshed.
    tokio::time::advance(Duration::from_secs(750)).await;
    transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap();
    assert_eq!(count_path(&server, "/oauth").await, 1);
    let last = server.received_requests().await.unwrap().pop().unwrap();
    assert_eq!(last.headers["authorization"], "Zoho-oauthtoken new");
}

#[tokio::test(start_paused = true)]
async fn accounts_server_throttle_is_typed_and_not_hammered() {
    let server = MockServer::start().await;
    token_endpoint(
        &server,
        r#"{"error":"Access Denied","error_description":"You have made too many requests continuously. Please try again after some time."}"#,
    )
    .await;
    api_answers(&server, "new", 200).await;
    let transport = builder(&server)
        .refresh_token(credentials(), SecretString::from(REFRESH_TOKEN))
        .throttle_backoff(Duration::from_secs(60))
        .build()
        .unwrap();
    let mut calls = tokio::task::JoinSet::new();
    for _ in 0..20 {
        let transport = transport.clone();
        calls.spawn(async move { transport.send(ApiRequest::get("/invoices").unwrap()).await });
    }
    while let Some(result) = calls.join_next().await {
        let error = result.unwrap().unwrap_err();
        assert!(error.is_rate_limited(), "{error}");
        assert!(matches!(
            error.kind(),
            ErrorKind::Token(TokenError::Throttled { .. })
        ));
    }
    assert_eq!(count_path(&server, "/oauth").await, 1);
    assert_eq!(count_path(&server, "/invoice/v3").await, 0);

    // Within the back-off: no request at all, and the error says how long is left.
    tokio::time::advance(Duration::from_secs(30)).await;
    let error = transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap_err();
    assert_eq!(error.retry_after(), Some(Duration::from_secs(30)));
    assert_eq!(count_path(&server, "/oauth").await, 1);

    // After it: one more try, and the next back-off is twice as long.
    tokio::time::advance(Duration::from_secs(31)).await;
    let error = transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap_err();
    assert_eq!(error.retry_after(), Some(Duration::from_secs(120)));
    assert_eq!(count_path(&server, "/oauth").await, 2);
}

#[tokio::test(start_paused = true)]
async fn token_errors_with_http_200_are_typed() {
    let server = MockServer::start().await;
    token_endpoint(&server, r#"{"error":"invalid_client"}"#).await;
    let transport = builder(&server)
        .refresh_token(credentials(), SecretString::from(REFRESH_TOKEN))
        .build()
        .unwrap();
    for _ in 0..5 {
        let error = transport
            .send(ApiRequest::get("/invoices").unwrap())
            .await
            .unwrap_err();
        match error.kind() {
            ErrorKind::Token(token) => assert_eq!(token.error_code(), Some("invalid_client")),
            other => panic!("unexpected {other:?}"),
        }
        assert!(error.is_unauthorized());
        assert!(!error.is_retryable());
    }
    assert_eq!(
        count_path(&server, "/oauth").await,
        1,
        "refusals are remembered"
    );
}

#[tokio::test(start_paused = true)]
async fn api_domain_from_the_token_response_is_honoured() {
    let accounts = MockServer::start().await;
    let api = MockServer::start().await;
    token_endpoint(
        &accounts,
        &format!(
            r#"{{"access_token":"new","api_domain":"{}","token_type":"Bearer","expires_in":3600}}"#,
            api.uri()
        ),
    )
    .await;
    api_answers(&api, "new", 200).await;
    let transport = builder(&accounts)
        .refresh_token(credentials(), SecretString::from(REFRESH_TOKEN))
        .honour_api_domain(true)
        .build()
        .unwrap();
    transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap();
    assert_eq!(count_path(&api, "/invoice/v3/invoices").await, 1);
    assert_eq!(count_path(&accounts, "/invoice/v3").await, 0);
}

#[tokio::test(start_paused = true)]
async fn a_plain_http_accounts_server_is_refused_unless_allowed() {
    let accounts = MockServer::start().await;
    token_endpoint(
        &accounts,
        r#"{"access_token":"new","api_domain":"http://127.0.0.1:9","expires_in":3600}"#,
    )
    .await;
    let transport = builder(&accounts)
        .allow_http(true)
        .refresh_token(credentials(), SecretString::from(REFRESH_TOKEN))
        .honour_api_domain(true)
        .build()
        .unwrap();
    // Allowed here (tests use loopback), so the request is tried; with allow_http(false) the
    // builder already refuses the http:// accounts server.
    let refused = builder(&accounts)
        .allow_http(false)
        .refresh_token(credentials(), SecretString::from(REFRESH_TOKEN))
        .build()
        .unwrap_err();
    assert!(
        matches!(refused.kind(), ErrorKind::InsecureUrl(_)),
        "{refused}"
    );
    let error = transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap_err();
    assert!(error.is_connect(), "{error}");
}

#[tokio::test(start_paused = true)]
async fn grant_code_exchange_revoke_and_authorization_url() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/v2/token"))
        .and(body_string_contains("grant_type=authorization_code"))
        .and(body_string_contains("code=1000.grant"))
        .respond_with(ResponseTemplate::new(200).set_body_string(
            r#"{"access_token":"a1","refresh_token":"r1","api_domain":"https://www.zohoapis.eu","token_type":"Bearer","expires_in":3600}"#,
        ))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/oauth/v2/token"))
        .and(body_string_contains("code=bad"))
        .respond_with(ResponseTemplate::new(200).set_body_string(r#"{"error":"invalid_code"}"#))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/oauth/v2/token/revoke"))
        .and(body_string_contains("token=r1"))
        .respond_with(ResponseTemplate::new(200).set_body_string(r#"{"status":"success"}"#))
        .mount(&server)
        .await;
    let oauth = builder(&server).build_oauth_client(credentials()).unwrap();

    let url = oauth.authorization_url(
        &["ZohoInvoice.invoices.ALL", "ZohoInvoice.contacts.READ"],
        "https://example.com/cb",
        Some("xyz"),
    );
    assert!(url.starts_with(&format!("{}/oauth/v2/auth?", server.uri())));
    for part in [
        "scope=ZohoInvoice.invoices.ALL%2CZohoInvoice.contacts.READ",
        "client_id=1000.CLIENTID",
        "response_type=code",
        "access_type=offline",
        "prompt=consent",
        "redirect_uri=https%3A%2F%2Fexample.com%2Fcb",
        "state=xyz",
    ] {
        assert!(url.contains(part), "{url} lacks {part}");
    }
    assert!(!url.contains(common::CLIENT_SECRET));

    let tokens = oauth
        .exchange_code("1000.grant", "https://example.com/cb")
        .await
        .unwrap();
    assert_eq!(
        tokens.api_domain.as_deref(),
        Some("https://www.zohoapis.eu")
    );
    assert_eq!(tokens.expires_in, Duration::from_secs(3600));
    let refresh = tokens.refresh_token.unwrap();
    let error = oauth
        .exchange_code("bad", "https://example.com/cb")
        .await
        .unwrap_err();
    assert!(matches!(error.kind(), ErrorKind::Token(t) if t.error_code() == Some("invalid_code")));
    oauth.revoke(&refresh).await.unwrap();

    let requests = server.received_requests().await.unwrap();
    let first = String::from_utf8_lossy(&requests[0].body).into_owned();
    assert!(first.contains("client_secret=SECRET-CLIENT-55de"));
    assert_eq!(requests.len(), 3);
}

#[tokio::test(start_paused = true)]
async fn invalidate_only_drops_the_current_token() {
    let server = MockServer::start().await;
    token_endpoint(&server, r#"{"access_token":"new","expires_in":3600}"#).await;
    let b = builder(&server);
    let source = source(&b, Duration::from_secs(3600));
    let old = source.token().await.unwrap();
    assert!(source.invalidate(&old));
    let new = source.token().await.unwrap();
    assert_ne!(old.generation(), new.generation());
    // A late 401 for the old token does not throw the new one away.
    assert!(source.invalidate(&old));
    assert_eq!(source.token().await.unwrap().generation(), new.generation());
    assert_eq!(count_path(&server, "/oauth").await, 1);
}
