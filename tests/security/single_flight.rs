//! Single flight: 1,000 concurrent calls that all need a new token make one token request,
//! whether the token expired on the client's clock or the server refused it (401).

use std::time::Duration;

use futures_util::future::join_all;
use zoho_invoice::Client;
use zoho_invoice::invoices::{InvoiceListFilter, ListInvoices};
use zoho_invoice_mock::MockServer;

use crate::support::{builder, credentials, current_thread, refresh_token, token_requests};

const CALLERS: usize = 1_000;

/// A client on the refresh-token flow, no client-side rate limit (so that all the callers
/// reach the token source at once), and the server after its first token.
async fn client_with_a_token() -> (MockServer, Client) {
    let server = MockServer::start().await.expect("the fake server starts");
    let refresh = refresh_token(&server).await;
    let transport = builder(&server)
        .no_rate_limit()
        .refresh_token(credentials(), refresh)
        .build()
        .expect("a transport");
    let client = Client::new(transport);
    client.send(&list()).await.expect("the first call");
    // The grant-code exchange and the first refresh.
    assert_eq!(token_requests(&server), 2);
    server.clear_requests();
    (server, client)
}

fn list() -> ListInvoices {
    ListInvoices {
        filter: InvoiceListFilter::default(),
    }
}

/// Sends `CALLERS` calls at once; all must succeed.
async fn storm(client: &Client) {
    let calls = (0..CALLERS).map(|_| {
        let client = client.clone();
        async move { client.send(&list()).await }
    });
    for result in join_all(calls).await {
        result.expect("every call succeeds");
    }
}

#[test]
fn a_thousand_callers_with_an_expired_token_make_one_token_request() {
    current_thread(true, async {
        let (server, client) = client_with_a_token().await;
        // The token's hour passes on the paused clock (the server's clock follows it).
        tokio::time::advance(Duration::from_secs(3_601)).await;
        storm(&client).await;
        assert_eq!(token_requests(&server), 1, "one refresh for all callers");
        assert_eq!(server.count("GET /invoices"), CALLERS as u64, "no replays");
    });
}

#[test]
fn a_thousand_callers_refused_with_401_make_one_token_request() {
    current_thread(true, async {
        let (server, client) = client_with_a_token().await;
        // The server drops the token the client still believes in: every call gets a 401,
        // invalidates the token it used and is replayed once with the one new token.
        server.expire_tokens();
        storm(&client).await;
        assert_eq!(token_requests(&server), 1, "one refresh for all callers");
        assert_eq!(
            server.count("GET /invoices"),
            2 * CALLERS as u64,
            "each call: one 401, one replay"
        );
    });
}
