//! The shared token store against a real Redis and the fake accounts server: each store has a
//! fleet of its own (its own connection and cache), standing for a process.
#![allow(clippy::unwrap_used)]

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{RedisServer, fleet, get_items, mock_with_refresh_token, oauth, with_source};
use futures_util::future::join_all;
use secrecy::{ExposeSecret, SecretString};
use tokio::time::Instant;
use zoho_invoice_mock::{DEFAULT_CLIENT_SECRET, MockConfig, MockServer};
use zoho_invoice_redis::{Fleet, SealingKey, SharedTokenStore, WhenUnreachable};
use zoho_invoice_transport::{
    AccessToken, RateLimitConfig, RefreshingToken, TokenError, TokenSource,
};

const TOKEN_REQUESTS: &str = "POST /oauth/v2/token";

fn store(redis: &RedisServer, server: &MockServer, refresh: &SecretString) -> SharedTokenStore {
    SharedTokenStore::builder(
        &fleet(redis, WhenUnreachable::FailFast),
        oauth(server),
        refresh.clone(),
    )
    .build()
}

fn secret(token: &AccessToken) -> String {
    token.secret().expose_secret().to_owned()
}

/// The key that holds the token, and its raw value.
async fn stored(redis: &RedisServer) -> (String, Vec<u8>) {
    let key = redis
        .keys()
        .await
        .into_iter()
        .find(|k| k.ends_with(":value"))
        .expect("a token is stored");
    let mut connection = redis.inspect().await;
    let value: Vec<u8> = redis::cmd("GET")
        .arg(&key)
        .query_async(&mut connection)
        .await
        .unwrap();
    (key, value)
}

async fn redis_do(redis: &RedisServer, command: &[&str]) {
    let mut connection = redis.inspect().await;
    let mut cmd = redis::cmd(command[0]);
    for arg in &command[1..] {
        cmd.arg(*arg);
    }
    let _: redis::Value = cmd.query_async(&mut connection).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_processes_from_a_cold_start_make_one_token_request() {
    let Some(redis) = RedisServer::start("many_processes_from_a_cold_start_make_one_token_request")
    else {
        return;
    };
    let (server, refresh) = mock_with_refresh_token(MockConfig::default()).await;

    // Without Redis, each process's cache asks for a token of its own.
    let alone: Vec<RefreshingToken> = (0..8)
        .map(|_| RefreshingToken::new(oauth(&server), refresh.clone()))
        .collect();
    join_all(alone.iter().map(|s| s.token())).await;
    assert_eq!(server.count(TOKEN_REQUESTS), 8, "the control");
    server.clear_requests();

    let stores: Vec<SharedTokenStore> = (0..8).map(|_| store(&redis, &server, &refresh)).collect();
    let calls = stores.iter().flat_map(|s| (0..4).map(move |_| s.token()));
    let tokens = join_all(calls).await;
    let first = secret(tokens[0].as_ref().unwrap());
    for token in &tokens {
        assert_eq!(secret(token.as_ref().unwrap()), first);
    }
    assert_eq!(server.count(TOKEN_REQUESTS), 1);
    // And the token works.
    let transport = with_source(
        &server,
        &fleet(&redis, WhenUnreachable::FailFast),
        RateLimitConfig::default(),
        Arc::new(stores[3].clone()),
    );
    get_items(&transport).await.unwrap();
    assert_eq!(server.count(TOKEN_REQUESTS), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sealed_token_is_unreadable_without_its_key() {
    let Some(redis) = RedisServer::start("a_sealed_token_is_unreadable_without_its_key") else {
        return;
    };
    let (server, refresh) = mock_with_refresh_token(MockConfig::default()).await;
    let key = SealingKey::generate().unwrap();
    let sealed_store = |key: SealingKey| {
        SharedTokenStore::builder(
            &fleet(&redis, WhenUnreachable::FailFast),
            oauth(&server),
            refresh.clone(),
        )
        .sealing_key(key)
        .build()
    };
    let token = secret(&sealed_store(key.clone()).token().await.unwrap());
    let (name, raw) = stored(&redis).await;
    assert!(raw.starts_with(b"zt1s"));
    assert!(!String::from_utf8_lossy(&raw).contains(&token), "sealed");
    assert_eq!(server.count(TOKEN_REQUESTS), 1);

    // Another process with the same key reads it.
    let same = secret(&sealed_store(key.clone()).token().await.unwrap());
    assert_eq!(same, token);
    assert_eq!(server.count(TOKEN_REQUESTS), 1);

    // Without the key, or with another, it is absent: a new token replaces it.
    let cases: [(Option<SealingKey>, &[u8]); 2] = [
        (None, b"zt1p"),
        (Some(SealingKey::from_bytes([9; 32])), b"zt1s"),
    ];
    let mut seen = vec![token];
    for (n, (other, stored_as)) in cases.into_iter().enumerate() {
        let store = match other {
            Some(other) => sealed_store(other),
            None => store(&redis, &server, &refresh),
        };
        let token = secret(&store.token().await.unwrap());
        assert!(!seen.contains(&token), "a new token");
        assert_eq!(server.count(TOKEN_REQUESTS), 2 + n as u64);
        let (same_name, raw) = stored(&redis).await;
        assert_eq!(same_name, name);
        assert!(raw.starts_with(stored_as));
        seen.push(token);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_secret_shows_in_debug_errors_or_key_names() {
    let Some(redis) = RedisServer::start("no_secret_shows_in_debug_errors_or_key_names") else {
        return;
    };
    let (server, refresh) = mock_with_refresh_token(MockConfig::default()).await;
    let shared = store(&redis, &server, &refresh);
    let token = secret(&shared.token().await.unwrap());
    let secrets = [
        refresh.expose_secret().to_owned(),
        token.clone(),
        DEFAULT_CLIENT_SECRET.to_owned(),
    ];
    let mut shown = vec![
        format!("{shared:?}"),
        format!("{:?}", shared.token().await.unwrap()),
        format!(
            "{:?}",
            SharedTokenStore::builder(
                &fleet(&redis, WhenUnreachable::FailFast),
                oauth(&server),
                refresh.clone()
            )
        ),
    ];
    shown.extend(redis.keys().await);

    // The accounts server refuses a revoked refresh token: the error names no secret.
    oauth(&server).revoke(&refresh).await.unwrap();
    redis_do(&redis, &["FLUSHALL"]).await;
    let refused = store(&redis, &server, &refresh).token().await.unwrap_err();
    assert!(refused.is_unauthorized(), "{refused}");
    shown.push(refused.to_string());
    shown.push(format!("{refused:?}"));

    // A Redis URL's password shows nowhere either.
    let dead = Fleet::builder()
        .connect("redis://:hunter2-password@127.0.0.1:1")
        .unwrap();
    let unreachable = dead.ping().await.unwrap_err();
    assert!(unreachable.is_connect());
    shown.push(unreachable.to_string());
    shown.push(format!("{dead:?}"));
    let bad_url = Fleet::connect("redis://:hunter2-password@[::1").unwrap_err();
    shown.push(bad_url.to_string());

    for text in &shown {
        for secret in secrets.iter().map(String::as_str).chain(["hunter2"]) {
            assert!(!text.contains(secret), "{text:?} shows a secret");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_lock_of_a_dead_holder_expires_and_another_process_refreshes() {
    let Some(redis) =
        RedisServer::start("the_lock_of_a_dead_holder_expires_and_another_process_refreshes")
    else {
        return;
    };
    let (server, refresh) = mock_with_refresh_token(MockConfig::default()).await;
    let first = store(&redis, &server, &refresh);
    first.token().await.unwrap();
    let (value_key, _) = stored(&redis).await;
    let lock_key = value_key.replace(":value", ":lock");
    // The token is gone, and a process that took the lock died: it expires in 1.5 s.
    redis_do(&redis, &["DEL", &value_key]).await;
    redis_do(&redis, &["SET", &lock_key, "dead-owner", "PX", "1500"]).await;

    let started = Instant::now();
    let token = tokio::time::timeout(
        Duration::from_secs(30),
        store(&redis, &server, &refresh).token(),
    )
    .await
    .expect("the lock expires")
    .unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(1000),
        "it waited for the lock"
    );
    assert_eq!(server.count(TOKEN_REQUESTS), 2);
    assert_eq!(
        secret(&token),
        secret(&stored_token(&redis, &server, &refresh).await)
    );
}

/// What a fresh process reads from Redis.
async fn stored_token(
    redis: &RedisServer,
    server: &MockServer,
    refresh: &SecretString,
) -> AccessToken {
    store(redis, server, refresh).token().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_401_drops_the_token_only_if_it_is_still_the_current_one() {
    let Some(redis) =
        RedisServer::start("a_401_drops_the_token_only_if_it_is_still_the_current_one")
    else {
        return;
    };
    let (server, refresh) = mock_with_refresh_token(MockConfig::default()).await;
    let transports: Vec<_> = (0..2)
        .map(|_| {
            with_source(
                &server,
                &fleet(&redis, WhenUnreachable::FailFast),
                RateLimitConfig::default(),
                Arc::new(store(&redis, &server, &refresh)),
            )
        })
        .collect();
    for transport in &transports {
        get_items(transport).await.unwrap();
    }
    assert_eq!(server.count(TOKEN_REQUESTS), 1);
    // The server stops accepting the token: the first process refreshes after its 401, the
    // second finds the new token after its own 401 and does not ask again.
    server.expire_tokens();
    for transport in &transports {
        get_items(transport).await.unwrap();
    }
    assert_eq!(server.count(TOKEN_REQUESTS), 2);
    assert_eq!(server.count("GET /items"), 4 + 2, "two replays after 401");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_near_its_expiry_is_refreshed_early_and_serves_while_another_refreshes() {
    let Some(redis) = RedisServer::start(
        "a_token_near_its_expiry_is_refreshed_early_and_serves_while_another_refreshes",
    ) else {
        return;
    };
    let (server, refresh) = mock_with_refresh_token(MockConfig::default()).await;
    let old = secret(&store(&redis, &server, &refresh).token().await.unwrap());
    let (value_key, _) = stored(&redis).await;
    let lock_key = value_key.replace(":value", ":lock");

    // A minute left, less than the 5 minutes ahead: due. While another process holds the
    // lock, the old token serves at once.
    redis_do(&redis, &["PEXPIRE", &value_key, "60000"]).await;
    redis_do(&redis, &["SET", &lock_key, "someone", "PX", "30000"]).await;
    let started = Instant::now();
    let served = secret(&store(&redis, &server, &refresh).token().await.unwrap());
    assert_eq!(served, old);
    assert!(started.elapsed() < Duration::from_secs(20), "no wait");
    assert_eq!(server.count(TOKEN_REQUESTS), 1);

    // With the lock free, the next process refreshes before the old one expires.
    redis_do(&redis, &["DEL", &lock_key]).await;
    let new = secret(&store(&redis, &server, &refresh).token().await.unwrap());
    assert_ne!(new, old);
    assert_eq!(server.count(TOKEN_REQUESTS), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_throttle_and_the_budget_hold_the_whole_fleet_back() {
    let Some(redis) = RedisServer::start("a_throttle_and_the_budget_hold_the_whole_fleet_back")
    else {
        return;
    };
    // The accounts server gives one token per 10 minutes for this refresh token.
    let (server, refresh) = mock_with_refresh_token(
        MockConfig::default().with_token_throttle(1, Duration::from_secs(600)),
    )
    .await;
    store(&redis, &server, &refresh).token().await.unwrap();
    let (value_key, _) = stored(&redis).await;
    redis_do(&redis, &["DEL", &value_key]).await;
    let throttled = store(&redis, &server, &refresh).token().await.unwrap_err();
    assert!(throttled.is_rate_limited(), "{throttled}");
    assert_eq!(server.count(TOKEN_REQUESTS), 2);
    // Every other process backs off without asking.
    for _ in 0..3 {
        let error = store(&redis, &server, &refresh).token().await.unwrap_err();
        assert!(
            matches!(error.kind(), zoho_invoice_transport::ErrorKind::Token(TokenError::Throttled { retry_in }) if *retry_in > Duration::from_secs(30)),
            "{error}"
        );
    }
    assert_eq!(server.count(TOKEN_REQUESTS), 2);

    // The fleet's budget: two token requests per 10 minutes, whoever asks.
    redis_do(&redis, &["FLUSHALL"]).await;
    let (server, refresh) = mock_with_refresh_token(MockConfig::default()).await;
    let budgeted = || {
        SharedTokenStore::builder(
            &fleet(&redis, WhenUnreachable::FailFast),
            oauth(&server),
            refresh.clone(),
        )
        .refresh_budget(2, Duration::from_secs(600))
        .build()
    };
    for _ in 0..2 {
        budgeted().token().await.unwrap();
        let (value_key, _) = stored(&redis).await;
        redis_do(&redis, &["DEL", &value_key]).await;
    }
    let spent = budgeted().token().await.unwrap_err();
    assert!(spent.is_rate_limited(), "{spent}");
    assert_eq!(server.count(TOKEN_REQUESTS), 2, "the third was not asked");
}
