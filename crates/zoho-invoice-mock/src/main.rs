//! `zoho-invoice-mock`: runs the fake Zoho Invoice server until interrupted.
//!
//! ```text
//! cargo run -p zoho-invoice-mock -- --port 8080 [--accounts-port 8081] [--seed] [--invoices N]
//! ```
//!
//! `--seed` starts with a realistic organization; `--invoices N` adds N synthetic invoices to
//! it (copies of a few templates, for benchmarks such as `benches/memory.sh`).

use std::io::Write;
use std::process::ExitCode;

use zoho_invoice_mock::{MockConfig, MockServer};

fn usage() -> ExitCode {
    eprintln!("usage: zoho-invoice-mock [--port N] [--accounts-port N] [--seed] [--invoices N]");
    ExitCode::from(2)
}

#[tokio::main]
async fn main() -> ExitCode {
    let mut config = MockConfig::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let port = |v: Option<String>| v.and_then(|v| v.parse::<u16>().ok());
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
            "-h" | "--help" => {
                let _ = usage();
                return ExitCode::SUCCESS;
            }
            _ => return usage(),
        }
    }
    let server = match MockServer::start_with(config).await {
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
