//! The fleet on a real Redis Cluster (three primaries the test starts on loopback): the shared
//! limiter with organizations whose keys live on different nodes, one token for many stores,
//! and the whole cluster killed under fail fast. Each transport or store has a fleet of its
//! own (its own cluster connection and process id), standing for a process.
#![cfg(feature = "cluster")]
#![allow(clippy::unwrap_used)]

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::cluster::RedisCluster;
use common::{
    builder, burst, create_item, fleet_process, get_items, items_sent_once,
    mock_with_refresh_token, oauth, with_source,
};
use futures_util::future::join_all;
use secrecy::{ExposeSecret, SecretString};
use tokio::time::Instant;
use zoho_invoice_mock::{DEFAULT_ACCESS_TOKEN, Fault, FaultRule, Limits, MockConfig, MockServer};
use zoho_invoice_redis::{Fleet, SharedRateLimitLayer, SharedTokenStore, WhenUnreachable};
use zoho_invoice_transport::{HttpTransport, RateLimitConfig, TokenSource};

/// A second organization of the fake server: its hash tag's slot is served by another node
/// than the default organization's (the test checks it).
const SECOND_ORGANIZATION: &str = "20345706";

const TOKEN_REQUESTS: &str = "POST /oauth/v2/token";

/// The key of `organization`'s sliding window under `prefix`.
fn window_key(prefix: &str, organization: &str) -> String {
    format!("{prefix}:rate:{{{organization}}}:window")
}

/// A transport for `organization` with the shared limiter over `fleet` (or, without one, its
/// own in-process limiter).
fn transport(
    server: &MockServer,
    organization: &str,
    fleet: Option<&Fleet>,
    config: &RateLimitConfig,
) -> HttpTransport {
    let builder = builder(server)
        .organization_id(organization)
        .static_token(SecretString::from(DEFAULT_ACCESS_TOKEN.to_owned()));
    match fleet {
        Some(fleet) => builder.rate_limit_layer(
            SharedRateLimitLayer::new(fleet, config.clone())
                .with_default_organization(organization),
        ),
        None => builder.rate_limit(config.clone()),
    }
    .build()
    .unwrap()
}

/// One kind of limit the fleet keeps to together.
struct LimitCase {
    name: &'static str,
    /// The fake server's limits, per organization.
    limits: Limits,
    /// The fleet's limits.
    config: RateLimitConfig,
    /// How long each request takes on the server.
    delay: Option<Duration>,
    per_transport: usize,
    /// The least time the shared burst can take.
    at_least: Duration,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn processes_on_a_cluster_keep_to_each_organizations_limits_together() {
    let Some(cluster) =
        RedisCluster::start("processes_on_a_cluster_keep_to_each_organizations_limits_together")
    else {
        return;
    };
    let server = MockServer::start_with(
        MockConfig::default().with_organization(SECOND_ORGANIZATION, "Second Inc"),
    )
    .await
    .unwrap();
    let organizations = [
        server.organization_id().to_owned(),
        SECOND_ORGANIZATION.to_owned(),
    ];
    let owners: Vec<usize> = organizations
        .iter()
        .map(|org| cluster.owner(&window_key("any", org)))
        .collect();
    assert_ne!(
        owners[0], owners[1],
        "the organizations' slots are on different nodes"
    );

    let cases = [
        LimitCase {
            name: "window",
            // 6 requests a second; the fleet takes 6 per 1.5 s, a margin for the time between
            // admission and arrival.
            limits: Limits::default().with_per_window(6, Duration::from_secs(1)),
            config: RateLimitConfig::default().with_requests_per(6, Duration::from_millis(1500)),
            delay: None,
            per_transport: 6,
            // 18 requests an organization at 6 per 1.5 s: the last 6 wait two windows.
            at_least: Duration::from_millis(2900),
        },
        LimitCase {
            name: "in flight",
            limits: Limits::default().with_concurrent(Some(2)),
            config: RateLimitConfig::default().with_max_in_flight(2),
            // So that requests overlap.
            delay: Some(Duration::from_millis(150)),
            per_transport: 3,
            // 9 requests an organization, 2 at a time, 150 ms each.
            at_least: Duration::from_millis(600),
        },
    ];
    for case in cases {
        let name = case.name;
        // The control's processes pause only briefly after the 429s they get.
        let config = case.config.with_pause_after_429(Duration::from_millis(100));
        let prefix = format!("cluster-{}", name.replace(' ', "-"));
        // Each node learns the scripts from the fleet's first call there (`NOSCRIPT`, then
        // `SCRIPT LOAD`): the nodes start without them, and forget them between the cases.
        cluster.flush_scripts();
        server.clear_faults();
        server.set_limits(case.limits);
        server.reset_quotas();
        if let Some(delay) = case.delay {
            server.inject(FaultRule::new(Fault::Delay(delay)).always());
        }

        // Without Redis, three processes per organization overrun the server's limits.
        let alone: Vec<HttpTransport> = organizations
            .iter()
            .flat_map(|org| (0..3).map(|_| transport(&server, org, None, &config)))
            .collect();
        let refused_before = server.rate_limited();
        let results = burst(&alone, case.per_transport).await;
        assert!(
            server.rate_limited() > refused_before,
            "{name}: the control overran"
        );
        assert!(results.iter().any(Result::is_err), "{name}");

        server.reset_quotas();
        let refused_before = server.rate_limited();
        let shared: Vec<HttpTransport> = organizations
            .iter()
            .flat_map(|org| {
                (0..3).map(|_| {
                    let fleet = Fleet::builder()
                        .key_prefix(prefix.clone())
                        .call_timeout(Duration::from_secs(2))
                        .reprobe_after(Duration::from_millis(200))
                        .connect_cluster(cluster.urls())
                        .unwrap();
                    transport(&server, org, Some(&fleet), &config)
                })
            })
            .collect();
        let started = Instant::now();
        let results = burst(&shared, case.per_transport).await;
        let elapsed = started.elapsed();
        assert!(results.iter().all(Result::is_ok), "{name}: {results:?}");
        assert_eq!(server.rate_limited(), refused_before, "{name}: no 429");
        assert!(elapsed >= case.at_least, "{name}: {elapsed:?}");

        if case.delay.is_some() {
            // The windows (a minute long here) live on the nodes that serve their slots.
            for (org, owner) in organizations.iter().zip(&owners) {
                let key = window_key(&prefix, org);
                assert_eq!(cluster.holders(&key), vec![*owner], "{name}: {key}");
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_stores_on_a_cluster_make_one_token_request() {
    let Some(cluster) = RedisCluster::start("many_stores_on_a_cluster_make_one_token_request")
    else {
        return;
    };
    let (server, refresh) = mock_with_refresh_token(MockConfig::default()).await;
    let stores: Vec<SharedTokenStore> = (0..8)
        .map(|_| {
            SharedTokenStore::builder(
                &cluster.fleet(WhenUnreachable::FailFast),
                oauth(&server),
                refresh.clone(),
            )
            .build()
        })
        .collect();
    let calls = stores.iter().flat_map(|s| (0..4).map(move |_| s.token()));
    let tokens: Vec<String> = join_all(calls)
        .await
        .into_iter()
        .map(|token| token.unwrap().secret().expose_secret().to_owned())
        .collect();
    assert!(tokens.iter().all(|t| *t == tokens[0]), "one token for all");
    assert_eq!(server.count(TOKEN_REQUESTS), 1);

    // It lives on the node that serves its tag's slot, and it works.
    let value = cluster
        .keys()
        .into_iter()
        .find(|k| k.ends_with(":value"))
        .expect("the token is stored");
    assert_eq!(cluster.holders(&value), vec![cluster.owner(&value)]);
    let transport = with_source(
        &server,
        &cluster.fleet(WhenUnreachable::FailFast),
        RateLimitConfig::default(),
        Arc::new(stores[5].clone()),
    );
    get_items(&transport).await.unwrap();
    assert_eq!(server.count(TOKEN_REQUESTS), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dead_cluster_fails_every_call_fast_or_lets_it_fall_back() {
    let Some(mut cluster) =
        RedisCluster::start("a_dead_cluster_fails_every_call_fast_or_lets_it_fall_back")
    else {
        return;
    };
    let (server, refresh) = mock_with_refresh_token(MockConfig::default()).await;
    let transports: Vec<HttpTransport> = (0..2)
        .map(|_| fleet_process(&server, &cluster.fleet(WhenUnreachable::FailFast), &refresh).0)
        .collect();
    let (falling_back, layer) =
        fleet_process(&server, &cluster.fleet(WhenUnreachable::FallBack), &refresh);
    let before = join_all(
        transports
            .iter()
            .enumerate()
            .flat_map(|(i, t)| (0..3).map(move |n| create_item(t, format!("before-{i}-{n}")))),
    )
    .await;
    assert!(before.iter().all(Result::is_ok), "{before:?}");

    cluster.kill();
    // Every call fails before anything is sent, at once and again after the re-probe
    // interval (a round takes longer: the transport retries connect errors); a process
    // started now too.
    let (late, _) = fleet_process(&server, &cluster.fleet(WhenUnreachable::FailFast), &refresh);
    let all: Vec<&HttpTransport> = transports.iter().chain([&late]).collect();
    for round in 0..2 {
        let results = join_all(all.iter().enumerate().flat_map(|(i, t)| {
            (0..3).map(move |n| create_item(t, format!("after-{round}-{i}-{n}")))
        }))
        .await;
        for result in results {
            let error = result.unwrap_err();
            assert!(
                error.is_connect() && !error.may_have_been_processed(),
                "{error}"
            );
            assert!(
                error.to_string().contains("Redis is unreachable"),
                "{error}"
            );
        }
        let fleet = cluster.fleet(WhenUnreachable::FailFast);
        let ping = fleet.ping().await.unwrap_err();
        assert!(ping.to_string().contains("Redis is unreachable"), "{ping}");
    }
    assert_eq!(items_sent_once(&server), before.len(), "nothing was sent");

    // Under the other policy, a process goes on with its own limiter (and token).
    let org = server.organization_id();
    assert!(
        layer.fallback_limiter().quota(org).is_none(),
        "not used yet"
    );
    create_item(&falling_back, "fallen-back".into())
        .await
        .unwrap();
    assert!(layer.fallback_limiter().quota(org).is_some());
    assert_eq!(items_sent_once(&server), before.len() + 1);
}
