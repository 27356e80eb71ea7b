//! HTTPS only, and no redirects: a plain `http://` API or accounts server is refused unless
//! plain HTTP is allowed, and a redirect to another host is never followed, so neither the
//! `Authorization` header nor the client secret of a token request ever reaches it.

use std::sync::Arc;

use hyper::Response;
use secrecy::SecretString;
use zoho_invoice::Client;
use zoho_invoice::ErrorKind;
use zoho_invoice::invoices::{GetInvoice, InvoiceListFilter, ListInvoices};
use zoho_invoice::transport::{HttpTransport, Region, TokenError};
use zoho_invoice_mock::{DEFAULT_ACCESS_TOKEN, MockServer};

use crate::loopback::{Loopback, full, json};
use crate::support::{credentials, current_thread};

const TOKEN: &str = "1000.redirect.token";

#[test]
fn plain_http_is_refused_unless_allowed() {
    current_thread(false, async {
        let server = MockServer::start().await.expect("the fake server");
        let http_region = Region::custom(server.api_url(), server.accounts_url());
        let https_api_http_accounts =
            Region::custom("https://www.zohoapis.com/invoice/v3", server.accounts_url());
        let refused = [
            HttpTransport::builder()
                .region(http_region.clone())
                .static_token(SecretString::from(DEFAULT_ACCESS_TOKEN))
                .build(),
            HttpTransport::builder()
                .region(http_region.clone())
                .refresh_token(credentials(), SecretString::from("1000.refresh.x"))
                .build(),
            HttpTransport::builder()
                .region(https_api_http_accounts)
                .refresh_token(credentials(), SecretString::from("1000.refresh.x"))
                .build(),
        ];
        for result in refused {
            let error = result.unwrap_err();
            assert!(matches!(error.kind(), ErrorKind::InsecureUrl(_)), "{error}");
            assert!(!error.to_string().contains(DEFAULT_ACCESS_TOKEN));
        }
        let blocking = zoho_invoice_blocking::Client::build(
            HttpTransport::builder()
                .region(http_region.clone())
                .static_token(SecretString::from(DEFAULT_ACCESS_TOKEN)),
        );
        assert!(blocking.is_err(), "the blocking client refuses it too");

        // Allowed explicitly (loopback in tests), the same settings work.
        let allowed = HttpTransport::builder()
            .region(http_region)
            .allow_http(true)
            .static_token(SecretString::from(DEFAULT_ACCESS_TOKEN))
            .organization_id(server.organization_id())
            .build()
            .expect("allowed");
        Client::new(allowed)
            .send(&ListInvoices {
                filter: InvoiceListFilter::default(),
            })
            .await
            .expect("a call over plain http when allowed");
        assert_eq!(server.count("GET /invoices"), 1);
    });
}

/// A server answering everything with `status` and a `Location` on `elsewhere`.
async fn redirecting(status: u16, elsewhere: &Loopback) -> Loopback {
    let location = format!("{}/invoice/v3/invoices/1", elsewhere.origin());
    Loopback::start(
        "127.0.0.1",
        true,
        Arc::new(move |_| {
            Response::builder()
                .status(status)
                .header("location", location.as_str())
                .body(full(""))
                .expect("a response")
        }),
    )
    .await
}

/// Another host: another loopback address (and port) that records what reaches it.
async fn elsewhere() -> Loopback {
    Loopback::start(
        "127.0.0.2",
        true,
        Arc::new(|_| {
            json(
                200,
                r#"{"code":0,"message":"success","access_token":"stolen","invoice":{}}"#,
            )
        }),
    )
    .await
}

#[test]
fn a_redirect_to_another_host_is_not_followed() {
    current_thread(false, async {
        let other = elsewhere().await;
        for status in [301, 302, 303, 307, 308] {
            let api = redirecting(status, &other).await;
            let origin = api.origin();
            let transport = HttpTransport::builder()
                .region(Region::custom(format!("{origin}/invoice/v3"), origin))
                .allow_http(true)
                .static_token(SecretString::from(TOKEN))
                .build()
                .expect("a transport");
            let error = Client::new(transport)
                .send(&GetInvoice {
                    invoice_id: "1".parse().unwrap(),
                })
                .await
                .unwrap_err();
            let transport_error = &error;
            assert_eq!(
                transport_error.status().map(|s| s.as_u16()),
                Some(status),
                "{error}"
            );
            assert!(!transport_error.is_retryable());
            let seen = api.seen();
            assert_eq!(seen.len(), 1, "sent once: {seen:?}");
            assert!(seen[0].authorization, "the API itself got the token");
        }
        assert!(other.seen().is_empty(), "{:?}", other.seen());
    });
}

#[test]
fn a_redirected_token_request_is_not_followed() {
    current_thread(false, async {
        let other = elsewhere().await;
        for status in [302, 307, 308] {
            let accounts = redirecting(status, &other).await;
            let origin = accounts.origin();
            let transport = HttpTransport::builder()
                .region(Region::custom(format!("{origin}/invoice/v3"), origin))
                .allow_http(true)
                .refresh_token(credentials(), SecretString::from("1000.refresh.y"))
                .build()
                .expect("a transport");
            let error = Client::new(transport)
                .send(&ListInvoices {
                    filter: InvoiceListFilter::default(),
                })
                .await
                .unwrap_err();
            assert!(
                matches!(error.kind(), ErrorKind::Token(TokenError::Rejected { .. })),
                "{error}"
            );
            let seen = accounts.seen();
            assert_eq!(seen.len(), 1, "{seen:?}");
            assert_eq!(seen[0].method, "POST");
            assert!(seen[0].target.starts_with("/oauth/v2/token"), "{seen:?}");
        }
        assert!(other.seen().is_empty(), "{:?}", other.seen());
    });
}
