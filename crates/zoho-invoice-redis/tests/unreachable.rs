//! Redis killed in the middle of a run: fail fast, or fall back and resume sharing.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use common::{RedisServer, credentials, fleet, mock_with_refresh_token};
use futures_util::future::join_all;
use secrecy::SecretString;
use zoho_invoice_mock::{MockConfig, MockServer};
use zoho_invoice_redis::{Fleet, SharedRateLimitLayer, SharedTokenStore, WhenUnreachable};
use zoho_invoice_transport::{
    ApiRequest, Error, HttpTransport, RateLimitConfig, Region, Transport, TransportBuilder,
};

/// A transport as a process of the fleet makes it: shared limiter, shared token store, and
/// the default retry policy (retries must not send anything twice either).
fn process(
    server: &MockServer,
    fleet: &Fleet,
    refresh: &SecretString,
) -> (HttpTransport, SharedRateLimitLayer) {
    let builder = || {
        TransportBuilder::new()
            .region(Region::custom(server.api_url(), server.accounts_url()))
            .allow_http(true)
            .organization_id(server.organization_id())
    };
    let oauth = builder().build_oauth_client(credentials()).unwrap();
    let store = SharedTokenStore::builder(fleet, oauth, refresh.clone()).build();
    let layer = SharedRateLimitLayer::new(fleet, RateLimitConfig::default())
        .with_default_organization(server.organization_id());
    let transport = builder()
        .token_source(Arc::new(store))
        .rate_limit_layer(layer.clone())
        .build()
        .unwrap();
    (transport, layer)
}

/// Creates an item with a name no other call uses.
async fn create(transport: &HttpTransport, name: String) -> Result<(), Error> {
    let body = format!(r#"{{"name":"{name}","rate":10}}"#);
    transport
        .send(ApiRequest::post("/items").unwrap().with_json(body))
        .await
        .map(drop)
}

/// The names of the items the server was sent, each once at most.
fn sent_once(server: &MockServer) -> usize {
    let posts: Vec<String> = server
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST" && r.path.ends_with("/items"))
        .map(|r| String::from_utf8_lossy(&r.body).into_owned())
        .collect();
    let distinct: HashSet<&String> = posts.iter().collect();
    assert_eq!(distinct.len(), posts.len(), "a POST was sent twice");
    posts.len()
}

/// `rounds` rounds of one create on each transport, named `{tag}-{round}-{transport}`.
async fn rounds(
    transports: &[HttpTransport],
    tag: &str,
    rounds: std::ops::Range<usize>,
) -> Vec<Result<(), Error>> {
    let mut results = Vec::new();
    for round in rounds {
        let calls = transports
            .iter()
            .enumerate()
            .map(|(i, t)| create(t, format!("{tag}-{round}-{i}")));
        results.extend(join_all(calls).await);
    }
    results
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failing_fast_every_call_gets_the_typed_error_and_nothing_is_sent_twice() {
    let Some(mut redis) = RedisServer::start(
        "failing_fast_every_call_gets_the_typed_error_and_nothing_is_sent_twice",
    ) else {
        return;
    };
    let (server, refresh) = mock_with_refresh_token(MockConfig::default()).await;
    let transports: Vec<HttpTransport> = (0..2)
        .map(|_| process(&server, &fleet(&redis, WhenUnreachable::FailFast), &refresh).0)
        .collect();
    let before = rounds(&transports, "before", 0..5).await;
    assert!(before.iter().all(Result::is_ok), "{before:?}");

    // Redis dies while calls are under way.
    let ok = Arc::new(AtomicUsize::new(0));
    let running = transports.iter().enumerate().map(|(i, t)| {
        let ok = ok.clone();
        async move {
            for n in 0.. {
                match create(t, format!("during-{i}-{n}")).await {
                    Ok(()) => ok.fetch_add(1, Ordering::Relaxed),
                    Err(error) => return error,
                };
            }
            unreachable!()
        }
    });
    let killer = async {
        while ok.load(Ordering::Relaxed) < 10 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        redis.kill();
    };
    let (errors, ()) = tokio::join!(join_all(running), killer);
    for error in &errors {
        assert!(error.is_connect(), "{error}");
        assert!(
            error.to_string().contains("Redis is unreachable"),
            "{error}"
        );
    }
    // Every call from now on fails, before anything is sent; a new process too.
    let after = rounds(&transports, "after", 0..3).await;
    let (late, _) = process(&server, &fleet(&redis, WhenUnreachable::FailFast), &refresh);
    let late = create(&late, "late".into()).await;
    for result in after.iter().chain([&late]) {
        let error = result.as_ref().unwrap_err();
        assert!(
            error.is_connect() && !error.may_have_been_processed(),
            "{error}"
        );
    }
    let succeeded = before.len() + ok.load(Ordering::Relaxed);
    assert_eq!(
        sent_once(&server),
        succeeded,
        "every POST that reached the server succeeded, once"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn falling_back_the_processes_go_on_and_share_again_when_redis_returns() {
    let Some(mut redis) =
        RedisServer::start("falling_back_the_processes_go_on_and_share_again_when_redis_returns")
    else {
        return;
    };
    let (server, refresh) = mock_with_refresh_token(MockConfig::default()).await;
    let processes: Vec<(HttpTransport, SharedRateLimitLayer)> = (0..2)
        .map(|_| process(&server, &fleet(&redis, WhenUnreachable::FallBack), &refresh))
        .collect();
    let transports: Vec<HttpTransport> = processes.iter().map(|(t, _)| t.clone()).collect();
    let org = server.organization_id().to_owned();
    let before = rounds(&transports, "before", 0..3).await;
    assert!(before.iter().all(Result::is_ok), "{before:?}");
    for (_, layer) in &processes {
        assert!(
            layer.fallback_limiter().quota(&org).is_none(),
            "not used yet"
        );
    }

    redis.kill();
    let during = rounds(&transports, "during", 0..5).await;
    assert!(during.iter().all(Result::is_ok), "{during:?}");
    for (_, layer) in &processes {
        assert!(
            layer.fallback_limiter().quota(&org).is_some(),
            "the in-process limiter took over"
        );
    }

    redis.restart();
    assert!(redis.keys().await.is_empty(), "a new, empty Redis");
    // Calls go on, and once the fleet has probed Redis again they are counted there.
    let window = format!("{}:rate:{{{org}}}:window", common::PREFIX);
    let mut round = 0;
    loop {
        let after = rounds(&transports, "after", round..round + 1).await;
        assert!(after.iter().all(Result::is_ok), "{after:?}");
        round += 1;
        if redis.keys().await.contains(&window) {
            break;
        }
        assert!(round < 200, "sharing never resumed");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut connection = redis.inspect().await;
    let counted: u64 = redis::cmd("ZCARD")
        .arg(&window)
        .query_async(&mut connection)
        .await
        .unwrap();
    assert!(counted >= 1);
    let succeeded = before.len() + during.len() + round * 2;
    assert_eq!(sent_once(&server), succeeded);
}
