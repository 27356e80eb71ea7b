//! A real restart: this test binary runs itself twice as a child process (a "command-line
//! tool" that makes one API call with a token file), against the fake server the parent
//! started. The first run asks for a token; the second finds it in the file and asks for none.
//!
//! The binary has no test harness (`harness = false`): `main` is the parent, or, when
//! [`CHILD`] is set, the child.

use std::process::{Command, ExitCode};

use secrecy::{ExposeSecret, SecretString};
use zoho_invoice_mock::{DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, MockServer};
use zoho_invoice_transport::{
    ApiRequest, ClientCredentials, HttpTransport, Region, Timeouts, Transport, TransportBuilder,
};

/// Set in the child's environment: what it needs to reach the fake server.
const CHILD: &str = "ZOHO_TOKEN_FILE_TEST_CHILD";
const API_URL: &str = "ZOHO_TOKEN_FILE_TEST_API_URL";
const ACCOUNTS_URL: &str = "ZOHO_TOKEN_FILE_TEST_ACCOUNTS_URL";
const ORGANIZATION: &str = "ZOHO_TOKEN_FILE_TEST_ORGANIZATION";
const REFRESH_TOKEN: &str = "ZOHO_TOKEN_FILE_TEST_REFRESH_TOKEN";
const TOKEN_FILE: &str = "ZOHO_TOKEN_FILE_TEST_TOKEN_FILE";

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

fn credentials() -> ClientCredentials {
    ClientCredentials::new(DEFAULT_CLIENT_ID, SecretString::from(DEFAULT_CLIENT_SECRET))
}

fn builder(api_url: &str, accounts_url: &str, organization: &str) -> TransportBuilder {
    HttpTransport::builder()
        .region(Region::custom(api_url, accounts_url))
        .allow_http(true)
        .timeouts(Timeouts::none())
        .organization_id(organization)
}

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is set by the parent"))
}

/// The child: one API call, with the token file.
fn child() -> ExitCode {
    let transport = builder(&env(API_URL), &env(ACCOUNTS_URL), &env(ORGANIZATION))
        .refresh_token(credentials(), SecretString::from(env(REFRESH_TOKEN)))
        .token_file(env(TOKEN_FILE))
        .build()
        .expect("a transport");
    let sent = runtime().block_on(async {
        let request = ApiRequest::get("/contacts")?;
        transport.send(request).await
    });
    match sent {
        Ok(_) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("the child's call failed: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The parent: the fake server, and the child run twice.
fn parent() {
    runtime().block_on(async {
        let server = MockServer::start().await.expect("the fake server starts");
        let oauth = builder(&server.api_url(), &server.accounts_url(), "")
            .build_oauth_client(credentials())
            .expect("an OAuth client");
        let refresh = oauth
            .exchange_code(&server.grant_code(), "https://example.com/callback")
            .await
            .expect("the grant code is exchanged")
            .refresh_token
            .expect("a refresh token");
        let dir = tempfile::tempdir().expect("a temporary directory");
        let token_file = dir.path().join("token.json");
        let exe = std::env::current_exe().expect("this test binary");

        let mut token_requests = Vec::new();
        for run in 1..=2 {
            let before = server.count("POST /oauth/v2/token");
            let mut command = Command::new(&exe);
            command
                .env(CHILD, "1")
                .env(API_URL, server.api_url())
                .env(ACCOUNTS_URL, server.accounts_url())
                .env(ORGANIZATION, server.organization_id())
                .env(REFRESH_TOKEN, refresh.expose_secret())
                .env(TOKEN_FILE, &token_file);
            // Waited for off the runtime's thread, which keeps serving the fake server.
            let output = tokio::task::spawn_blocking(move || command.output())
                .await
                .expect("the wait")
                .expect("the child runs");
            assert!(
                output.status.success(),
                "run {run} failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            token_requests.push(server.count("POST /oauth/v2/token") - before);
        }
        assert_eq!(
            token_requests,
            [1, 0],
            "token requests per run: the restarted process reuses the file's token"
        );
        assert_eq!(
            server.count("GET /contacts"),
            2,
            "both runs made their call"
        );
    });
}

/// Whether the harness arguments select this binary's one test (printing it for `--list`).
fn selected(args: impl Iterator<Item = String>) -> bool {
    const NAME: &str = "token_file_restart";
    const TAKE_A_VALUE: [&str; 6] = [
        "--test-threads",
        "--skip",
        "--color",
        "--format",
        "--logfile",
        "-Z",
    ];
    let (mut filters, mut list, mut args) = (Vec::new(), false, args);
    while let Some(arg) = args.next() {
        if TAKE_A_VALUE.contains(&arg.as_str()) {
            args.next();
        } else if arg == "--list" {
            list = true;
        } else if !arg.starts_with('-') {
            filters.push(arg);
        }
    }
    let matches = filters.is_empty() || filters.iter().any(|f| NAME.contains(f.as_str()));
    if list {
        if matches {
            println!("{NAME}: test");
        }
        return false;
    }
    matches
}

fn main() -> ExitCode {
    if std::env::var_os(CHILD).is_some() {
        return child();
    }
    // `cargo test <filter>` passes its arguments on: a filter that names nothing of this
    // binary runs nothing, and `--list` lists, as a harness would.
    if !selected(std::env::args().skip(1)) {
        return ExitCode::SUCCESS;
    }
    parent();
    println!("test token_file_restart ... ok");
    ExitCode::SUCCESS
}
