//! Fleets of real OS processes sharing one organization through one Redis.
//!
//! Each test starts its processes by running this test binary again, filtered to the same
//! test, with `ZOHO_FLEET_ROLE` set: in a child, the test plays its part (a worker) and
//! reports on stdout, on a line starting with [`REPORT`].
#![allow(clippy::unwrap_used)]

mod common;

use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use common::{
    RedisServer, builder, credentials, items_sent_once, marked_lines, mock_with_refresh_token,
};
use futures_util::future::join_all;
use secrecy::SecretString;
use serde_json::{Value, json};
use zoho_invoice_mock::{Fault, FaultRule, Limits, MockConfig};
use zoho_invoice_redis::{Fleet, SharedRateLimitLayer, SharedTokenStore, WhenUnreachable};
use zoho_invoice_transport::{
    ApiRequest, ErrorKind, RateLimitConfig, Region, TokenSource, Transport,
};

/// What tells a child its part.
const ROLE: &str = "ZOHO_FLEET_ROLE";
/// The start of a child's report line.
const REPORT: &str = "FLEET-REPORT ";
/// The longest a child may take.
const CHILD_DEADLINE: Duration = Duration::from_secs(240);

/// What a child needs to know.
fn child_env(
    redis: &RedisServer,
    server: &zoho_invoice_mock::MockServer,
    refresh: &SecretString,
) -> Vec<(&'static str, String)> {
    use secrecy::ExposeSecret;
    vec![
        ("ZOHO_FLEET_REDIS", redis.url()),
        ("ZOHO_FLEET_API", server.api_url()),
        ("ZOHO_FLEET_ACCOUNTS", server.accounts_url()),
        ("ZOHO_FLEET_ORG", server.organization_id().to_owned()),
        ("ZOHO_FLEET_REFRESH", refresh.expose_secret().to_owned()),
    ]
}

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is set for a child"))
}

/// Runs this binary again as a child playing `role` in `test`.
fn spawn_child(test: &str, role: &str, env: &[(&'static str, String)]) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            test,
            "--exact",
            "--nocapture",
            "--test-threads=1",
            "--quiet",
        ])
        .env(ROLE, role)
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap()
}

/// Waits for `child` (killing it past the deadline) and returns its report.
fn report_of(mut child: Child) -> Value {
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || marked_lines(stdout, REPORT));
    let deadline = Instant::now() + CHILD_DEADLINE;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("a child took longer than {CHILD_DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "a child failed: {status}");
    let lines = reader.join().unwrap();
    assert_eq!(lines.len(), 1, "one report: {lines:?}");
    serde_json::from_str(&lines[0]).unwrap()
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// The limits the fleet keeps: the fake server's 60 requests per 3 s, over a 4 s window (a
/// margin for the time between admission and arrival on a loaded machine), 10 in flight.
fn fleet_limits() -> RateLimitConfig {
    RateLimitConfig::default()
        .with_requests_per(60, Duration::from_secs(4))
        .with_max_in_flight(10)
}

/// Tasks per process.
const TASKS: usize = 8;

/// A worker process: `TASKS` tasks sending `GET /items` until the daily quota is spent.
fn quota_worker() {
    runtime().block_on(async {
        let api = env("ZOHO_FLEET_API");
        let accounts = env("ZOHO_FLEET_ACCOUNTS");
        let org = env("ZOHO_FLEET_ORG");
        let fleet = Fleet::builder()
            .when_unreachable(WhenUnreachable::FailFast)
            .connect(&env("ZOHO_FLEET_REDIS"))
            .unwrap();
        let builder = || {
            zoho_invoice_transport::HttpTransport::builder()
                .region(Region::custom(&api, &accounts))
                .allow_http(true)
                .organization_id(&org)
                .no_retry()
        };
        let oauth = builder().build_oauth_client(credentials()).unwrap();
        let refresh = SecretString::from(env("ZOHO_FLEET_REFRESH"));
        let store = SharedTokenStore::builder(&fleet, oauth, refresh).build();
        let transport = builder()
            .token_source(Arc::new(store))
            .rate_limit_layer(
                SharedRateLimitLayer::new(&fleet, fleet_limits()).with_default_organization(&org),
            )
            .build()
            .unwrap();
        let tasks = (0..TASKS).map(|_| {
            let transport = transport.clone();
            async move {
                let (mut ok, mut refused, mut other) = (0u64, 0u64, Vec::new());
                loop {
                    match transport.send(ApiRequest::get("/items").unwrap()).await {
                        Ok(_) => ok += 1,
                        Err(error) if error.is_quota_exhausted() => {
                            let ErrorKind::QuotaExhausted {
                                resets_in,
                                resets_at,
                                ..
                            } = error.kind()
                            else {
                                unreachable!()
                            };
                            let at = resets_at.duration_since(UNIX_EPOCH).unwrap().as_secs();
                            return (ok, refused, other, Some((resets_in.as_secs(), at)));
                        }
                        Err(error) if error.status().is_some_and(|s| s.as_u16() == 429) => {
                            refused += 1;
                        }
                        Err(error) => {
                            other.push(error.to_string());
                            if other.len() > 20 {
                                return (ok, refused, other, None);
                            }
                        }
                    }
                }
            }
        });
        let ended = tokio::time::timeout(CHILD_DEADLINE, join_all(tasks))
            .await
            .expect("the tasks end");
        let exhausted: Vec<(u64, u64)> = ended.iter().filter_map(|t| t.3).collect();
        let report = json!({
            "ok": ended.iter().map(|t| t.0).sum::<u64>(),
            "refused_429": ended.iter().map(|t| t.1).sum::<u64>(),
            "other_errors": ended.iter().flat_map(|t| t.2.clone()).collect::<Vec<_>>(),
            "quota_exhausted": exhausted.len(),
            "resets_in_s": exhausted.iter().map(|e| e.0).min(),
            "resets_at": exhausted.iter().map(|e| e.1).max(),
        });
        println!("{REPORT}{report}");
    });
}

#[test]
fn four_processes_share_the_daily_quota_and_one_token_from_a_cold_start() {
    const TEST: &str = "four_processes_share_the_daily_quota_and_one_token_from_a_cold_start";
    if std::env::var(ROLE).is_ok() {
        return quota_worker();
    }
    let Some(redis) = RedisServer::start(TEST) else {
        return;
    };
    let rt = runtime();
    let limits = Limits::default()
        .with_per_window(60, Duration::from_secs(3))
        .with_daily(300)
        .with_concurrent(Some(10));
    let (server, refresh) = rt.block_on(mock_with_refresh_token(
        MockConfig::default().with_limits(limits),
    ));
    assert!(redis_is_empty(&rt, &redis), "a cold start");
    let env = child_env(&redis, &server, &refresh);
    let started = SystemTime::now();
    let children: Vec<Child> = (0..4).map(|_| spawn_child(TEST, "quota", &env)).collect();
    let reports: Vec<Value> = children.into_iter().map(report_of).collect();

    let ok: u64 = reports.iter().map(|r| r["ok"].as_u64().unwrap()).sum();
    let refused: u64 = reports
        .iter()
        .map(|r| r["refused_429"].as_u64().unwrap())
        .sum();
    eprintln!(
        "fleet: {ok} of 300 requests used, {refused} refused with 429, {} token requests; reports: {reports:?}",
        server.count("POST /oauth/v2/token")
    );
    for report in &reports {
        assert_eq!(report["other_errors"], json!([]), "{report}");
        // Every task of every process ended on the spent quota, told when it resets.
        assert_eq!(report["quota_exhausted"], TASKS, "{report}");
        assert!(report["resets_in_s"].as_u64().unwrap() > 0, "{report}");
        let resets_at = UNIX_EPOCH + Duration::from_secs(report["resets_at"].as_u64().unwrap());
        assert!(resets_at > started, "{report}");
    }
    assert_eq!(refused, 0);
    assert_eq!(server.rate_limited(), 0, "the server refused nothing");
    assert!(ok >= 285, "at least 95% of the daily quota: {ok}");
    assert_eq!(
        server.count("GET /items"),
        ok,
        "nothing past the quota reached the server"
    );
    assert_eq!(
        server.count("POST /oauth/v2/token"),
        1,
        "one token for the fleet"
    );
}

fn redis_is_empty(rt: &tokio::runtime::Runtime, redis: &RedisServer) -> bool {
    rt.block_on(redis.keys()).is_empty()
}

/// A process that takes the refresh lock and waits on the accounts server until it is
/// killed.
fn refreshing_worker() {
    runtime().block_on(async {
        let api = env("ZOHO_FLEET_API");
        let accounts = env("ZOHO_FLEET_ACCOUNTS");
        let fleet = Fleet::connect(&env("ZOHO_FLEET_REDIS")).unwrap();
        let oauth = zoho_invoice_transport::HttpTransport::builder()
            .region(Region::custom(api, accounts))
            .allow_http(true)
            .build_oauth_client(credentials())
            .unwrap();
        let store =
            SharedTokenStore::builder(&fleet, oauth, SecretString::from(env("ZOHO_FLEET_REFRESH")))
                .lock_ttl(Duration::from_secs(2))
                .build();
        let result = store.token().await;
        println!("{REPORT}{}", json!({"finished": result.is_ok()}));
    });
}

#[test]
fn a_process_killed_while_refreshing_lets_another_refresh_once_its_lock_expires() {
    const TEST: &str =
        "a_process_killed_while_refreshing_lets_another_refresh_once_its_lock_expires";
    if std::env::var(ROLE).is_ok() {
        return refreshing_worker();
    }
    let Some(redis) = RedisServer::start(TEST) else {
        return;
    };
    let rt = runtime();
    let (server, refresh) = rt.block_on(mock_with_refresh_token(MockConfig::default()));
    // The first token request hangs: its process holds the lock meanwhile.
    server.inject(
        FaultRule::new(Fault::Delay(Duration::from_secs(120)))
            .path("/oauth/v2/token")
            .times(1),
    );
    let mut child = spawn_child(TEST, "refresh", &child_env(&redis, &server, &refresh));
    let lock = rt.block_on(async {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let keys = redis.keys().await;
            if let Some(lock) = keys.into_iter().find(|k| k.ends_with(":lock")) {
                break lock;
            }
            assert!(Instant::now() < deadline, "the child never took the lock");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    });
    let wait_for_request = Instant::now() + Duration::from_secs(60);
    while server.count("POST /oauth/v2/token") == 0 {
        assert!(Instant::now() < wait_for_request, "the child never asked");
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    // Another process finds the lock held, waits for it to expire, and refreshes.
    let token = rt.block_on(async {
        let fleet = Fleet::connect(&redis.url()).unwrap();
        let store = SharedTokenStore::builder(&fleet, common::oauth(&server), refresh.clone())
            .lock_ttl(Duration::from_secs(2))
            .build();
        let mut connection = redis.inspect().await;
        let holder: Option<String> = redis::cmd("GET")
            .arg(&lock)
            .query_async(&mut connection)
            .await
            .unwrap();
        assert!(holder.is_some(), "the dead process's lock is still there");
        tokio::time::timeout(Duration::from_secs(60), store.token())
            .await
            .expect("the lock expires")
            .unwrap()
    });
    assert_eq!(server.count("POST /oauth/v2/token"), 2);
    let transport = builder(&server)
        .token_source(Arc::new(zoho_invoice_transport::StaticToken::new(
            token.secret().clone(),
        )))
        .build()
        .unwrap();
    rt.block_on(common::get_items(&transport)).unwrap();
}

/// Tasks per process of the outage tests.
const OUTAGE_TASKS: usize = 2;

/// A process of the outage tests: `OUTAGE_TASKS` tasks creating items, each with a name no
/// other call uses, under the policy `ZOHO_FLEET_POLICY` names, with the default retries;
/// until the file `ZOHO_FLEET_STOP` exists, or (failing fast) until Redis is unreachable.
fn outage_worker() {
    runtime().block_on(async {
        let policy = match env("ZOHO_FLEET_POLICY").as_str() {
            "fail-fast" => WhenUnreachable::FailFast,
            _ => WhenUnreachable::FallBack,
        };
        let fleet = Fleet::builder()
            .when_unreachable(policy)
            .call_timeout(Duration::from_secs(2))
            .reprobe_after(Duration::from_millis(200))
            .connect(&env("ZOHO_FLEET_REDIS"))
            .unwrap();
        let (api, accounts, org) = (
            env("ZOHO_FLEET_API"),
            env("ZOHO_FLEET_ACCOUNTS"),
            env("ZOHO_FLEET_ORG"),
        );
        let builder = || {
            zoho_invoice_transport::HttpTransport::builder()
                .region(Region::custom(&api, &accounts))
                .allow_http(true)
                .organization_id(&org)
        };
        let oauth = builder().build_oauth_client(credentials()).unwrap();
        let refresh = SecretString::from(env("ZOHO_FLEET_REFRESH"));
        let store = SharedTokenStore::builder(&fleet, oauth, refresh).build();
        let transport = builder()
            .token_source(Arc::new(store))
            // A window wide enough that the run is never held back by it: what is tested
            // is Redis going away and coming back.
            .rate_limit_layer(
                SharedRateLimitLayer::new(
                    &fleet,
                    RateLimitConfig::default().with_requests_per_minute(100_000),
                )
                .with_default_organization(&org),
            )
            .build()
            .unwrap();
        let stop = std::path::PathBuf::from(env("ZOHO_FLEET_STOP"));
        let tasks = (0..OUTAGE_TASKS).map(|task| {
            let (transport, stop) = (transport.clone(), stop.clone());
            async move {
                let (mut ok, mut unreachable, mut other) = (0u64, 0u64, Vec::new());
                for n in 0u64.. {
                    if stop.exists() || other.len() > 20 {
                        break;
                    }
                    let name = format!("{}-{task}-{n}", std::process::id());
                    let body = format!(r#"{{"name":"{name}","rate":10}}"#);
                    let request = ApiRequest::post("/items").unwrap().with_json(body);
                    match transport.send(request).await {
                        Ok(_) => ok += 1,
                        Err(error)
                            if error.is_connect()
                                && !error.may_have_been_processed()
                                && error.to_string().contains("Redis is unreachable") =>
                        {
                            unreachable += 1;
                            if matches!(policy, WhenUnreachable::FailFast) {
                                break;
                            }
                        }
                        Err(error) => other.push(error.to_string()),
                    }
                }
                (ok, unreachable, other)
            }
        });
        let ended = tokio::time::timeout(CHILD_DEADLINE, join_all(tasks))
            .await
            .expect("the tasks end");
        let report = json!({
            "ok": ended.iter().map(|t| t.0).sum::<u64>(),
            "unreachable": ended.iter().map(|t| t.1).collect::<Vec<_>>(),
            "other_errors": ended.iter().flat_map(|t| t.2.clone()).collect::<Vec<_>>(),
        });
        println!("{REPORT}{report}");
    });
}

/// Waits (bounded) until `done` holds.
fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Two processes creating items while Redis is killed, under `policy` (`fail-fast` or
/// `fall-back`: then Redis is started again, and the run goes on until the processes share
/// it again); answers their reports and the server. `None` when there is no redis-server.
fn outage_run(test: &str, policy: &str) -> Option<(Vec<Value>, zoho_invoice_mock::MockServer)> {
    let mut redis = RedisServer::start(test)?;
    let rt = runtime();
    let (server, refresh) = rt.block_on(mock_with_refresh_token(MockConfig::default()));
    let stop =
        std::env::temp_dir().join(format!("zoho-fleet-stop-{}-{policy}", std::process::id()));
    let _ = std::fs::remove_file(&stop);
    let mut env = child_env(&redis, &server, &refresh);
    env.push(("ZOHO_FLEET_POLICY", policy.to_owned()));
    env.push(("ZOHO_FLEET_STOP", stop.display().to_string()));
    let children: Vec<Child> = (0..2).map(|_| spawn_child(test, "outage", &env)).collect();

    wait_until("the fleet is under way", || {
        server.count("POST /items") >= 10
    });
    redis.kill();
    if policy == "fall-back" {
        // The processes go on without Redis...
        let at_kill = server.count("POST /items");
        wait_until("calls go on without Redis", || {
            server.count("POST /items") >= at_kill + 10
        });
        // ...and share again once it is back: their admissions reach the new Redis.
        redis.restart();
        let window = format!(
            "{}:rate:{{{}}}:window",
            common::PREFIX,
            server.organization_id()
        );
        wait_until("sharing resumes", || {
            rt.block_on(redis.keys()).contains(&window)
        });
    }
    // Failing fast, the processes end by themselves; falling back, they are told to.
    if policy == "fall-back" {
        std::fs::write(&stop, b"").unwrap();
    }
    let reports: Vec<Value> = children.into_iter().map(report_of).collect();
    let _ = std::fs::remove_file(&stop);
    Some((reports, server))
}

#[test]
fn processes_failing_fast_get_the_typed_error_when_redis_dies_and_send_nothing_twice() {
    const TEST: &str =
        "processes_failing_fast_get_the_typed_error_when_redis_dies_and_send_nothing_twice";
    if std::env::var(ROLE).is_ok() {
        return outage_worker();
    }
    let Some((reports, server)) = outage_run(TEST, "fail-fast") else {
        return;
    };
    // Every task of every process ended on the typed error, none on another one.
    assert_outage(&reports, &server, json!([1, 1]));
}

#[test]
fn processes_falling_back_go_on_when_redis_dies_and_share_again_when_it_returns() {
    const TEST: &str =
        "processes_falling_back_go_on_when_redis_dies_and_share_again_when_it_returns";
    if std::env::var(ROLE).is_ok() {
        return outage_worker();
    }
    let Some((reports, server)) = outage_run(TEST, "fall-back") else {
        return;
    };
    // No call failed: the processes went on without Redis.
    assert_outage(&reports, &server, json!([0, 0]));
}

/// What both outage tests assert: no error but the typed one, `unreachable` of those per task
/// in every process, and every item that reached the server created by a call that
/// succeeded, once.
fn assert_outage(reports: &[Value], server: &zoho_invoice_mock::MockServer, unreachable: Value) {
    for report in reports {
        assert_eq!(report["other_errors"], json!([]), "{report}");
        assert_eq!(report["unreachable"], unreachable, "{report}");
    }
    let ok: u64 = reports.iter().map(|r| r["ok"].as_u64().unwrap()).sum();
    assert_eq!(
        u64::try_from(items_sent_once(server)).unwrap(),
        ok,
        "what reached the server succeeded, once"
    );
}
