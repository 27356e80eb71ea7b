//! The transport against the fake server, end to end over loopback: the grant-code exchange,
//! the refresh-token flow, typed decoding of real answers, a token that expires on the server,
//! and nothing secret in what reached the server's log.

use secrecy::SecretString;
use zoho_invoice_mock::{DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, MockServer, REDACTED};
use zoho_invoice_models::contacts::Contact;
use zoho_invoice_models::envelope::{Page, Record};
use zoho_invoice_transport::{
    ApiRequest, ClientCredentials, HttpTransport, Region, Transport, TransportBuilder,
};

fn builder(server: &MockServer) -> TransportBuilder {
    HttpTransport::builder()
        .region(Region::custom(server.api_url(), server.accounts_url()))
        .allow_http(true)
        .organization_id(server.organization_id())
}

fn credentials() -> ClientCredentials {
    ClientCredentials::new(DEFAULT_CLIENT_ID, SecretString::from(DEFAULT_CLIENT_SECRET))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refresh_token_flow_drives_a_real_workflow() {
    let server = MockServer::start().await.expect("the fake server starts");

    // The grant code a user pastes after consenting, exchanged for a refresh token.
    let oauth = builder(&server)
        .build_oauth_client(credentials())
        .expect("an OAuth client");
    let tokens = oauth
        .exchange_code(&server.grant_code(), "https://example.com/callback")
        .await
        .expect("the grant code is exchanged");
    let refresh_token = tokens
        .refresh_token
        .expect("the first exchange gives a refresh token");

    let transport = builder(&server)
        .refresh_token(credentials(), refresh_token)
        .build()
        .expect("a transport");

    let created = transport
        .send(
            ApiRequest::post("/contacts")
                .expect("a path")
                .with_json(r#"{"contact_name": "Bowman and Co"}"#),
        )
        .await
        .expect("the contact is created");
    assert_eq!(created.status(), 201);
    let contact: Record<Contact> = created.json().expect("a typed contact");
    let id = contact.record.contact_id;
    assert_eq!(
        contact.record.contact_name.as_deref(),
        Some("Bowman and Co")
    );

    let listed: Page<Contact> = transport
        .send(ApiRequest::get("/contacts?per_page=10").expect("a path"))
        .await
        .expect("the list answers")
        .json()
        .expect("a typed page");
    assert!(listed.records.iter().any(|c| c.contact_id == id));
    assert_eq!(listed.page_context.and_then(|p| p.per_page), Some(10));

    // One exchange of the grant code, one refresh for the first call, none since.
    assert_eq!(server.count("POST /oauth/v2/token"), 2);

    // The access token expires on the server: the next call gets a 401, refreshes once and
    // is replayed once.
    server.expire_tokens();
    let again: Record<Contact> = transport
        .send(ApiRequest::get(&format!("/contacts/{id}")).expect("a path"))
        .await
        .expect("the call succeeds after one refresh")
        .json()
        .expect("a typed contact");
    assert_eq!(again.record.contact_id, id);
    assert_eq!(server.count("POST /oauth/v2/token"), 3);
    assert_eq!(server.count("POST /contacts"), 1, "the POST was sent once");

    // What reached the server carried secrets, and its log shows none of them.
    for request in server.requests() {
        let text = format!("{request:?}");
        assert!(!text.contains(DEFAULT_CLIENT_SECRET), "{text}");
        if let Some(auth) = request
            .headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("authorization"))
        {
            assert!(auth.1.contains(REDACTED), "{text}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn errors_of_the_fake_server_arrive_typed() {
    let server = MockServer::start().await.expect("the fake server starts");
    let transport = builder(&server)
        .static_token(SecretString::from(zoho_invoice_mock::DEFAULT_ACCESS_TOKEN))
        .build()
        .expect("a transport");

    let missing = transport
        .send(ApiRequest::get("/invoices/982000000567114").expect("a path"))
        .await
        .expect_err("no such invoice");
    assert!(missing.is_not_found(), "{missing}");
    assert_eq!(missing.code(), Some(1002));

    let invalid = transport
        .send(
            ApiRequest::post("/contacts")
                .expect("a path")
                .with_json("{}"),
        )
        .await
        .expect_err("a contact needs a name");
    assert_eq!(invalid.status().map(|s| s.as_u16()), Some(400));
    assert_eq!(
        server.count("POST /contacts"),
        1,
        "a refused POST is not retried"
    );
}
