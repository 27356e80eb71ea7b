//! What the examples share: connecting to Zoho Invoice (the real service, a fake server
//! running elsewhere, or an embedded one), and where their output files go.
//!
//! Which service is chosen, from the environment:
//!
//! - `ZOHO_API_URL`, `ZOHO_ORGANIZATION_ID` and `ZOHO_ACCESS_TOKEN`: a fake server started
//!   elsewhere (`cargo run -p zoho-invoice-mock -- --port 8080` prints all three), or any
//!   server taking a static token. Plain `http://` is allowed on loopback only.
//! - `ZOHO_CLIENT_ID`, `ZOHO_CLIENT_SECRET`, `ZOHO_REFRESH_TOKEN`, `ZOHO_ORGANIZATION_ID` and
//!   `ZOHO_REGION`: the real service, with the refresh-token flow.
//! - none of them: the fake server, embedded in the example's own process.
//!
//! Anything in between is an error naming what is missing.

// Each example uses the part it needs.
#![allow(dead_code)]

use std::error::Error;
use std::path::PathBuf;

use zoho_invoice::Client;
use zoho_invoice::models::NaiveDate;
use zoho_invoice::transport::{
    ClientCredentials, HttpTransport, Region, TransportBuilder, secrecy::SecretString,
};
use zoho_invoice_mock::MockServer;

/// What an example's `run` fails with; `main` prints it as one `error: ...` line.
pub(crate) type Failure = Box<dyn Error + Send + Sync>;

/// The variables of the real service.
pub(crate) const REAL_VARIABLES: [&str; 5] = [
    "ZOHO_CLIENT_ID",
    "ZOHO_CLIENT_SECRET",
    "ZOHO_REFRESH_TOKEN",
    "ZOHO_ORGANIZATION_ID",
    "ZOHO_REGION",
];

/// The variables of a fake server started elsewhere.
pub(crate) const EXTERNAL_VARIABLES: [&str; 3] =
    ["ZOHO_API_URL", "ZOHO_ORGANIZATION_ID", "ZOHO_ACCESS_TOKEN"];

/// A client, and what it is connected to.
pub(crate) struct Connection {
    /// The client.
    pub(crate) client: Client,
    /// Today, as the service sees it (the fake server's own date when it is embedded).
    pub(crate) today: NaiveDate,
    /// The embedded fake server, when there is one: it runs as long as this is kept.
    pub(crate) server: Option<MockServer>,
}

/// Connects with the default transport.
pub(crate) async fn connect() -> Result<Connection, Failure> {
    connect_with(|builder| builder).await
}

/// Connects, letting `customize` add to the transport (layers, limits) before it is built.
pub(crate) async fn connect_with(
    customize: impl FnOnce(TransportBuilder) -> TransportBuilder,
) -> Result<Connection, Failure> {
    if let Some(api_url) = var("ZOHO_API_URL") {
        return connect_external(&api_url, customize);
    }
    if var("ZOHO_ACCESS_TOKEN").is_some() {
        return Err("ZOHO_ACCESS_TOKEN is used only with ZOHO_API_URL; set it too, or unset ZOHO_ACCESS_TOKEN".into());
    }
    let values: Vec<Option<String>> = REAL_VARIABLES.iter().map(|v| var(v)).collect();
    match values.as_slice() {
        [
            Some(id),
            Some(secret),
            Some(refresh),
            Some(org),
            Some(region),
        ] => {
            let region: Region = region.parse()?;
            println!(
                "Talking to the real Zoho Invoice service at {}.",
                region.api_base()
            );
            let builder = HttpTransport::builder()
                .region(region)
                .refresh_token(
                    ClientCredentials::new(id.clone(), SecretString::from(secret.clone())),
                    SecretString::from(refresh.clone()),
                )
                .organization_id(org.clone());
            Ok(Connection {
                client: Client::new(customize(builder).build()?),
                today: utc_today(),
                server: None,
            })
        }
        _ if values.iter().all(Option::is_none) => {
            let server = MockServer::start().await?;
            println!(
                "Using the embedded fake Zoho Invoice server at {} (set {} to use the real service).",
                server.api_url(),
                REAL_VARIABLES.join(", ")
            );
            let builder = HttpTransport::builder()
                .region(Region::custom(server.api_url(), server.accounts_url()))
                .allow_http(true)
                .static_token(SecretString::from(zoho_invoice_mock::DEFAULT_ACCESS_TOKEN))
                .organization_id(server.organization_id())
                // A fake server has no quota to protect.
                .no_rate_limit();
            let today = server.today().parse()?;
            Ok(Connection {
                client: Client::new(customize(builder).build()?),
                today,
                server: Some(server),
            })
        }
        _ => Err(format!(
            "set all five ZOHO_* variables or none; missing: {}",
            missing(&REAL_VARIABLES)
        )
        .into()),
    }
}

/// A fake server started elsewhere, with a static token.
fn connect_external(
    api_url: &str,
    customize: impl FnOnce(TransportBuilder) -> TransportBuilder,
) -> Result<Connection, Failure> {
    let (Some(org), Some(token)) = (var("ZOHO_ORGANIZATION_ID"), var("ZOHO_ACCESS_TOKEN")) else {
        return Err(format!(
            "ZOHO_API_URL needs ZOHO_ORGANIZATION_ID and ZOHO_ACCESS_TOKEN too; missing: {}",
            missing(&EXTERNAL_VARIABLES)
        )
        .into());
    };
    let uri: http::Uri = api_url
        .parse()
        .map_err(|e| format!("ZOHO_API_URL is not a URL ({e})"))?;
    let loopback = matches!(
        uri.host(),
        Some("127.0.0.1" | "localhost" | "[::1]" | "::1")
    );
    println!("Using the Zoho Invoice server at {api_url} (from ZOHO_API_URL).");
    // The token is static: the accounts server is never asked, any URL will do.
    let builder = HttpTransport::builder()
        .region(Region::custom(api_url, api_url))
        .allow_http(loopback)
        .static_token(SecretString::from(token))
        .organization_id(org)
        // A fake server has no quota to protect.
        .no_rate_limit();
    Ok(Connection {
        client: Client::new(customize(builder).build()?),
        today: utc_today(),
        server: None,
    })
}

/// A variable's value, unless it is unset or blank.
fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|s| !s.trim().is_empty())
}

/// The names among `names` that are unset or blank, comma-separated.
fn missing(names: &[&str]) -> String {
    let missing: Vec<&str> = names.iter().copied().filter(|n| var(n).is_none()).collect();
    missing.join(", ")
}

/// The output file: the command-line argument at `index` (1 is the first) if given, else
/// `default_name` under the workspace's `target/` directory. Its directory is created.
pub(crate) fn output_path(index: usize, default_name: &str) -> Result<PathBuf, Failure> {
    let path = match std::env::args_os().nth(index) {
        Some(arg) => PathBuf::from(arg),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("target")
            .join(default_name),
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    Ok(path)
}

/// The output directory: the command-line argument at `index` (1 is the first) if given,
/// else the workspace's `target/` directory. It is created.
pub(crate) fn output_dir(index: usize) -> Result<PathBuf, Failure> {
    let dir = match std::env::args_os().nth(index) {
        Some(arg) => PathBuf::from(arg),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"),
    };
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(dir)
}

/// Today's date in UTC, for the real service and servers started elsewhere.
pub(crate) fn utc_today() -> NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days)))
        .unwrap_or_default()
}
