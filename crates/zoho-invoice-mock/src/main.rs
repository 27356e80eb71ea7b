//! `zoho-invoice-mock`: runs the fake Zoho Invoice server until interrupted.
//!
//! ```text
//! cargo run -p zoho-invoice-mock -- --port 8080 [--accounts-port 8081] [--seed] [--invoices N]
//!     [--per-window N] [--window-ms MS] [--daily N] [--concurrent N]
//! ```
//!
//! `--seed` starts with a realistic organization; `--invoices N` adds N synthetic invoices to
//! it (copies of a few templates, for benchmarks such as `benches/memory.sh`).
//!
//! The rate limits: `--per-window N` requests per window (a minute, or `--window-ms MS`
//! milliseconds: `--per-window 60 --window-ms 3000` is Zoho's quota scaled to seconds),
//! `--daily N` per day, `--concurrent N` in flight; unset, there is no per-window or
//! concurrency limit and the daily quota is a million.

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use zoho_invoice_mock::{MockConfig, MockServer};

fn usage() -> ExitCode {
    eprintln!(
        "usage: zoho-invoice-mock [--port N] [--accounts-port N] [--seed] [--invoices N] \
         [--per-window N] [--window-ms MS] [--daily N] [--concurrent N]"
    );
    ExitCode::from(2)
}

/// The longest window `--window-ms` accepts: a day.
const MAX_WINDOW_MS: u64 = 86_400_000;

#[tokio::main]
async fn main() -> ExitCode {
    let mut config = MockConfig::default();
    let mut limits = config.limits;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let port = |v: Option<String>| v.and_then(|v| v.parse::<u16>().ok());
        let count = |v: Option<String>| v.and_then(|v| v.parse::<u32>().ok());
        match arg.as_str() {
            "--port" => match port(args.next()) {
                Some(p) => config = config.with_api_port(p),
                None => return usage(),
            },
            "--accounts-port" => match port(args.next()) {
                Some(p) => config = config.with_accounts_port(p),
                None => return usage(),
            },
            "--seed" => config = config.with_seed(true),
            "--invoices" => match args.next().and_then(|v| v.parse::<usize>().ok()) {
                Some(n) => config = config.with_synthetic_invoices(n),
                None => return usage(),
            },
            "--per-window" => match count(args.next()) {
                Some(n) => limits = limits.with_per_minute(Some(n)),
                None => return usage(),
            },
            "--window-ms" => match args.next().and_then(|v| v.parse::<u64>().ok()) {
                Some(ms @ 1..=MAX_WINDOW_MS) => limits.window = Duration::from_millis(ms),
                _ => return usage(),
            },
            "--daily" => match count(args.next()) {
                Some(n) => limits = limits.with_daily(n),
                None => return usage(),
            },
            "--concurrent" => match count(args.next()) {
                Some(n) => limits = limits.with_concurrent(Some(n)),
                None => return usage(),
            },
            "-h" | "--help" => {
                let _ = usage();
                return ExitCode::SUCCESS;
            }
            _ => return usage(),
        }
    }
    let server = match MockServer::start_with(config.with_limits(limits)).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("zoho-invoice-mock: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Write errors (a closed pipe) must not stop the server.
    let mut banner = format!(
        "api: {}\naccounts: {}\norganization_id: {}\n",
        server.api_url(),
        server.accounts_url(),
        server.organization_id()
    );
    if let Some(token) = server.access_token() {
        banner.push_str(&format!("access_token: {token}\n"));
    }
    banner.push_str(&format!(
        "admin: {}{}\n",
        server.api_domain(),
        zoho_invoice_mock::ADMIN_PREFIX
    ));
    let mut out = std::io::stdout();
    let _ = out.write_all(banner.as_bytes()).and_then(|()| out.flush());
    std::future::pending::<()>().await;
    ExitCode::SUCCESS
}
