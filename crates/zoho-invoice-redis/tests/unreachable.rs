//! Redis killed in the middle of a run: fail fast, or fall back and resume sharing.
#![allow(clippy::unwrap_used)]

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use common::{
    RedisServer, create_item, fleet, fleet_process, items_sent_once, mock_with_refresh_token,
};
use futures_util::future::join_all;
use zoho_invoice_mock::MockConfig;
use zoho_invoice_redis::{SharedRateLimitLayer, WhenUnreachable};
use zoho_invoice_transport::{Error, HttpTransport};

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
            .map(|(i, t)| create_item(t, format!("{tag}-{round}-{i}")));
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
        .map(|_| fleet_process(&server, &fleet(&redis, WhenUnreachable::FailFast), &refresh).0)
        .collect();
    let before = rounds(&transports, "before", 0..5).await;
    assert!(before.iter().all(Result::is_ok), "{before:?}");

    // Redis dies while calls are under way.
    let ok = Arc::new(AtomicUsize::new(0));
    let running = transports.iter().enumerate().map(|(i, t)| {
        let ok = ok.clone();
        async move {
            for n in 0.. {
                match create_item(t, format!("during-{i}-{n}")).await {
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
    let (late, _) = fleet_process(&server, &fleet(&redis, WhenUnreachable::FailFast), &refresh);
    let late = create_item(&late, "late".into()).await;
    for result in after.iter().chain([&late]) {
        let error = result.as_ref().unwrap_err();
        assert!(
            error.is_connect() && !error.may_have_been_processed(),
            "{error}"
        );
    }
    let succeeded = before.len() + ok.load(Ordering::Relaxed);
    assert_eq!(
        items_sent_once(&server),
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
        .map(|_| fleet_process(&server, &fleet(&redis, WhenUnreachable::FallBack), &refresh))
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
    assert_eq!(items_sent_once(&server), succeeded);
}
