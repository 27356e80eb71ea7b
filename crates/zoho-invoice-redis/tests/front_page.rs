//! The front page's setup (its `no_run` example), run against a `redis-server` and the fake
//! server instead of Zoho.
#![allow(clippy::unwrap_used)]

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{RedisServer, credentials, mock_with_refresh_token};
use zoho_invoice_mock::MockConfig;
use zoho_invoice_redis::{
    Fleet, SealingKey, SharedRateLimitLayer, SharedTokenStore, WhenUnreachable,
};
use zoho_invoice_transport::{ApiRequest, HttpTransport, RateLimitConfig, Region, Transport};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_front_pages_setup_works() {
    let Some(redis) = RedisServer::start("the_front_pages_setup_works") else {
        return;
    };
    let (server, refresh_token) = mock_with_refresh_token(MockConfig::default()).await;
    let key = SealingKey::generate().unwrap();

    // As on the front page, with the fake server's URLs.
    let organization = server.organization_id();
    let fleet = Fleet::builder()
        .key_prefix("acme-billing")
        .when_unreachable(WhenUnreachable::FallBack)
        .connect(&redis.url())
        .unwrap();
    let builder = || {
        HttpTransport::builder()
            .region(Region::custom(server.api_url(), server.accounts_url()))
            .allow_http(true)
            .organization_id(organization)
    };
    let tokens = SharedTokenStore::builder(
        &fleet,
        builder().build_oauth_client(credentials()).unwrap(),
        refresh_token,
    )
    .sealing_key(key)
    .build();
    let limits = SharedRateLimitLayer::new(
        &fleet,
        RateLimitConfig::default().with_requests_per(100, Duration::from_secs(66)),
    )
    .with_default_organization(organization);
    let transport = builder()
        .token_source(Arc::new(tokens))
        .rate_limit_layer(limits)
        .build()
        .unwrap();
    transport
        .send(ApiRequest::get("/invoices").unwrap())
        .await
        .unwrap();

    let keys = redis.keys().await;
    assert!(
        keys.iter().all(|k| k.starts_with("acme-billing:")),
        "{keys:?}"
    );
    assert!(keys.iter().any(|k| k.ends_with(":value")), "{keys:?}");
    assert!(keys.iter().any(|k| k.ends_with(":window")), "{keys:?}");
    assert_eq!(server.count("POST /oauth/v2/token"), 1);
}
