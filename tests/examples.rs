//! Every example, run as its own process against the fake server, the way a user runs it:
//! each exits with success and prints what it claims to do, and a bad setup is one `error:`
//! line with exit code 1, never a panic.
//!
//! `cargo test` builds the examples before it runs integration tests; this test runs those
//! binaries (`target/<profile>/examples/<name>`). `ZOHO_*` variables are removed from their
//! environment, so they use the embedded fake server unless a test points them elsewhere.

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use secrecy::SecretString;
use zoho_invoice::Client;
use zoho_invoice::contacts::CreateContact;
use zoho_invoice::invoices::{CreateInvoice, UpdateInvoice};
use zoho_invoice::models::Decimal;
use zoho_invoice::models::contacts::ContactInput;
use zoho_invoice::models::ids::InvoiceId;
use zoho_invoice::models::invoices::{InvoiceInput, InvoiceLineItemInput};
use zoho_invoice::transport::{HttpTransport, Region};
use zoho_invoice_mock::MockServer;

/// How long an example may run before it is killed and the test fails: a guard against a
/// hang, far above what any example takes.
const HANG_GUARD: Duration = Duration::from_secs(300);

/// The built example `name`; fails with a clear message when it was not built.
fn example(name: &str) -> PathBuf {
    let path = examples_dir().join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.is_file(),
        "{} is missing: the examples are built by `cargo test` (run `cargo test -p \
         zoho-invoice-workspace`), or build them with `cargo build --examples` before \
         `cargo test --test examples`",
        path.display()
    );
    path
}

/// `target/<profile>/examples`: the parent of this test binary's `deps` directory.
fn examples_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    let deps = exe.parent().expect("the deps directory");
    deps.parent()
        .expect("the profile directory")
        .join("examples")
}

/// A directory of its own for one run's output files, removed afterwards.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!(
            "zoho-invoice-examples-{}-{name}-{n}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a temporary directory");
        Self(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What a run printed.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    /// Fails, showing the output, unless the run succeeded.
    fn success(self, name: &str) -> Self {
        assert_eq!(
            self.code,
            Some(0),
            "{name} failed\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
        self
    }

    /// Fails unless stdout has a line containing `text`; returns that line.
    fn line(&self, text: &str) -> &str {
        self.stdout
            .lines()
            .find(|l| l.contains(text))
            .unwrap_or_else(|| panic!("no line with {text:?} in\n{}", self.stdout))
    }
}

/// Runs `binary` with `args`, no `ZOHO_*` variable but those in `env`, in a directory of
/// its own.
fn run_binary(binary: &Path, args: &[&OsStr], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(binary);
    command
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("ZOHO_") {
            command.env_remove(key);
        }
    }
    command.envs(env.iter().copied());
    let child = command
        .spawn()
        .unwrap_or_else(|e| panic!("{} does not start: {e}", binary.display()));
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let output: Output = match rx.recv_timeout(HANG_GUARD) {
        Ok(output) => output.expect("the example's output"),
        Err(_) => {
            kill(pid);
            panic!(
                "{} did not finish within {HANG_GUARD:?}; killed",
                binary.display()
            );
        }
    };
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Kills a hung example.
fn kill(pid: u32) {
    #[cfg(unix)]
    let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
    #[cfg(not(unix))]
    let _ = pid;
}

/// Runs the example `name` with one argument (an output path) and `env`.
fn run(name: &str, arg: &Path, env: &[(&str, &str)]) -> Run {
    run_binary(&example(name), &[arg.as_os_str()], env)
}

#[test]
fn quickstart_runs_the_invoicing_workflow_and_saves_the_pdf() {
    let dir = TempDir::new("quickstart");
    let out = run("quickstart", dir.path(), &[]).success("quickstart");
    out.line("Using the embedded fake Zoho Invoice server at http://127.0.0.1:");
    assert!(out.line("Sent ").ends_with("status sent"), "{}", out.stdout);
    let paid: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("Paid"))
        .collect();
    assert_eq!(paid.len(), 2, "a partial and a final payment: {paid:?}");
    assert!(paid[0].ends_with("status partially_paid"), "{paid:?}");
    assert!(paid[1].ends_with("balance 0, status paid"), "{paid:?}");

    // `PDF       /tmp/.../quickstart-INV-000001.pdf (793 bytes)`
    let pdf_line = out.line("PDF ");
    let rest = pdf_line.trim_start_matches("PDF").trim_start();
    let (path, size) = rest.rsplit_once(" (").expect("path (size bytes)");
    let size: usize = size
        .trim_end_matches(" bytes)")
        .parse()
        .expect("a byte count");
    let path = Path::new(path);
    assert!(path.starts_with(dir.path()), "{}", path.display());
    let pdf = std::fs::read(path).expect("the PDF was written");
    assert!(pdf.starts_with(b"%PDF"), "not a PDF");
    assert_eq!(pdf.len(), size);
    out.line("Open      0 invoice(s) unpaid");
}

#[test]
fn a_bad_setup_is_one_error_line_and_exit_code_1() {
    let dir = TempDir::new("bad-setup");
    let cases: [(&[(&str, &str)], &str); 3] = [
        (
            &[
                ("ZOHO_CLIENT_ID", "1000.X"),
                ("ZOHO_CLIENT_SECRET", "s3cret-value"),
            ],
            "missing: ZOHO_REFRESH_TOKEN, ZOHO_ORGANIZATION_ID, ZOHO_REGION",
        ),
        (
            &[("ZOHO_API_URL", "http://127.0.0.1:9/invoice/v3")],
            "missing: ZOHO_ORGANIZATION_ID, ZOHO_ACCESS_TOKEN",
        ),
        (
            &[("ZOHO_ACCESS_TOKEN", "s3cret-value")],
            "ZOHO_ACCESS_TOKEN is used only with ZOHO_API_URL",
        ),
    ];
    for (env, expected) in cases {
        let out = run("quickstart", dir.path(), env);
        assert_eq!(out.code, Some(1), "{env:?}: {}", out.stderr);
        let lines: Vec<&str> = out.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "one line: {lines:?}");
        assert!(lines[0].starts_with("error: "), "{lines:?}");
        assert!(lines[0].contains(expected), "{env:?}: {lines:?}");
        assert!(!out.stderr.contains("s3cret-value"), "a secret was printed");
        assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
        assert!(out.stdout.is_empty(), "nothing done: {}", out.stdout);
    }
}

#[test]
fn blocking_records_a_payment_from_synchronous_code() {
    let out = run_binary(&example("blocking"), &[], &[]).success("blocking");
    out.line("Using the embedded fake Zoho Invoice server");
    out.line("total 450, balance 250, status partially_paid");
    out.line("open: INV-000001 owes 250");
}

#[test]
fn custom_middleware_sees_every_attempt_including_retries() {
    let out = run_binary(&example("custom_middleware"), &[], &[]).success("custom_middleware");
    // One 503 answered by the fake server, then the retry: three calls, four attempts.
    out.line(
        "Invoices / Get an invoice (GET /invoices/{invoice_id}): 3 calls, 4 attempts (200 x3, 503 x1), 0 failed",
    );
    out.line(
        "Invoices / Create an invoice (POST /invoices): 3 calls, 3 attempts (201 x3), 0 failed",
    );
    out.line(
        "Contacts / Create a Contact (POST /contacts): 1 calls, 1 attempts (201 x1), 0 failed",
    );
    out.line("Invoices / List invoices (GET /invoices): 1 calls, 1 attempts (200 x1), 0 failed");
    out.line("Created and read 3 invoices; the list shows 3.");
}

#[test]
fn mock_transport_runs_without_a_network() {
    // `test = true` makes `cargo test` build this example as a test harness (its unit tests)
    // instead of a plain binary; run whichever is newest.
    let dir = examples_dir();
    let plain = dir.join(format!("mock_transport{}", std::env::consts::EXE_SUFFIX));
    let harness = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|p| {
            let name = p.file_name().and_then(OsStr::to_str).unwrap_or("");
            let stem = name.trim_end_matches(std::env::consts::EXE_SUFFIX);
            stem.strip_prefix("mock_transport-")
                .is_some_and(|hash| hash.bytes().all(|b| b.is_ascii_hexdigit()))
                && (std::env::consts::EXE_SUFFIX.is_empty() || name != stem)
        });
    let modified = |p: &Path| p.metadata().and_then(|m| m.modified()).ok();
    let newest = harness
        .chain(plain.is_file().then(|| plain.clone()))
        .max_by_key(|p| modified(p))
        .unwrap_or_else(|| example("mock_transport"));

    let out = run_binary(&newest, &[], &[]).success("mock_transport");
    if newest == plain {
        out.line("Got INV-00003 for Bowman & Co: total USD 1234.50, status sent");
        out.line("Listed 3 invoices over two pages");
        out.line("Not found, as expected");
        out.line("Sent: GET /invoices?page=2&per_page=200");
    } else {
        let result = out.line("test result: ok.");
        assert!(result.contains(" 0 failed"), "{result}");
        out.line("the_demonstration_prints_what_it_did ... ok");
    }
}

#[test]
fn export_invoices_streams_every_invoice_to_csv() {
    let dir = TempDir::new("export");
    let csv = dir.path().join("nested").join("invoices.csv");
    let out = run("export_invoices", &csv, &[]).success("export_invoices");
    out.line("Created 250 invoices for 4 customers");
    let (rows, pages) = exported(&out);
    assert_eq!((rows, pages), (250, 2), "250 invoices at 200 a page");
    // The progress line, rewritten after each page.
    assert!(
        out.stderr.contains("\rexported 200 invoices (1 pages)"),
        "{:?}",
        out.stderr
    );
    assert!(
        out.stderr.contains("\rexported 250 invoices (2 pages)"),
        "{:?}",
        out.stderr
    );

    let records = read_csv(&csv);
    assert_eq!(
        records[0],
        [
            "invoice_id",
            "invoice_number",
            "customer_name",
            "date",
            "due_date",
            "status",
            "currency_code",
            "total",
            "balance"
        ]
    );
    let body = &records[1..];
    assert_eq!(body.len(), rows, "as many rows as the summary says");
    assert!(body.iter().all(|r| r.len() == 9), "nine fields a row");
    let ids: BTreeSet<&str> = body.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids.len(), rows, "no invoice twice");
    assert!(ids.iter().all(|id| !id.is_empty()));
    // Names with a comma and with quotes come back whole.
    let customers: BTreeSet<&str> = body.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(
        customers,
        BTreeSet::from([
            "Bowman and Co",
            "Smith, Jones & Partners",
            "The \"Best\" Widgets",
            "Zylker Inc"
        ])
    );
    assert!(body.iter().all(|r| r[5] == "draft" && r[6] == "USD"));
}

#[test]
fn watch_invoices_resumes_from_the_saved_cursor() {
    let dir = TempDir::new("watch");
    let cursor = dir.path().join("invoices.cursor");
    let out = run("watch_invoices", &cursor, &[]).success("watch_invoices");
    let lines: Vec<&str> = out.stdout.lines().collect();
    let at = |text: &str| {
        lines
            .iter()
            .position(|l| l.contains(text))
            .unwrap_or_else(|| panic!("no {text:?} in\n{}", out.stdout))
    };
    let start = at("No cursor saved");
    assert_eq!(lines[start + 1], "3 change(s) since the cursor");
    let resumed = at("Resuming from the cursor saved in");
    assert!(resumed > start);
    assert_eq!(
        lines[resumed + 1],
        "1 change(s) since the cursor",
        "only the change"
    );
    assert!(lines[resumed + 2].contains("INV-000002"), "{}", out.stdout);
    assert!(
        lines[resumed + 2].contains("\"PO-2026-42\""),
        "{}",
        out.stdout
    );
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&cursor).expect("the cursor file"))
            .expect("the cursor is JSON");
    assert!(saved["since"].is_i64(), "{saved}");
}

#[test]
fn raw_call_reads_raw_json_and_shows_a_typed_error() {
    let out = run_binary(&example("raw_call"), &[], &[]).success("raw_call");
    out.line("POST /contacts -> code 0");
    out.line("contact_name \"Raw Call Ltd\"");
    out.line("-> 1 contact(s), page_context {");
    let error = out.line("GET /invoices/460000000099999 -> error");
    assert!(
        error.contains("(not found: true, code: 1002)"),
        "the error is typed: {error}"
    );
}

/// A fake server started by the test, as a separate server would be, and a client on it.
async fn separate_server() -> (MockServer, Client) {
    let server = MockServer::start().await.expect("the fake server starts");
    let transport = HttpTransport::builder()
        .region(Region::custom(server.api_url(), server.accounts_url()))
        .allow_http(true)
        .static_token(SecretString::from(zoho_invoice_mock::DEFAULT_ACCESS_TOKEN))
        .organization_id(server.organization_id())
        .no_rate_limit()
        .build()
        .expect("a transport");
    (server, Client::new(transport))
}

/// The variables pointing an example at `server`.
fn pointing_at(server: &MockServer) -> Vec<(&'static str, String)> {
    vec![
        ("ZOHO_API_URL", server.api_url()),
        ("ZOHO_ORGANIZATION_ID", server.organization_id().to_owned()),
        (
            "ZOHO_ACCESS_TOKEN",
            zoho_invoice_mock::DEFAULT_ACCESS_TOKEN.to_owned(),
        ),
    ]
}

/// Runs an example off the runtime, so the test's fake server keeps answering.
async fn run_against(name: &'static str, arg: PathBuf, env: Vec<(&'static str, String)>) -> Run {
    tokio::task::spawn_blocking(move || {
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        run(name, &arg, &env)
    })
    .await
    .expect("the example ran")
}

/// Creates `n` invoices on the test's server; returns their ids and what they were made of.
async fn create_invoices(client: &Client, n: u32) -> Vec<(InvoiceId, InvoiceInput)> {
    let contact = ContactInput::new("Separate Server Ltd");
    let customer = client
        .send(&CreateContact { contact })
        .await
        .expect("a contact")
        .record
        .contact_id;
    let mut ids = Vec::new();
    for quantity in 1..=n {
        let invoice = InvoiceInput::new(
            customer.clone(),
            vec![InvoiceLineItemInput {
                name: Some("Hosting".into()),
                quantity: Some(Decimal::from(quantity)),
                rate: Some(Decimal::from(10)),
                ..Default::default()
            }],
        );
        let created = client
            .send(&CreateInvoice {
                invoice: invoice.clone(),
                options: Default::default(),
            })
            .await
            .expect("an invoice")
            .record;
        ids.push((created.invoice_id, invoice));
    }
    ids
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn watch_invoices_resumes_across_runs_against_a_separate_server() {
    let (server, client) = separate_server().await;
    let ids = create_invoices(&client, 2).await;
    let dir = TempDir::new("watch-separate");
    let cursor = dir.path().join("watch.cursor");

    let first = run_against("watch_invoices", cursor.clone(), pointing_at(&server))
        .await
        .success("watch_invoices, first run");
    first.line("Using the Zoho Invoice server at http://127.0.0.1:");
    first.line("No cursor saved in");
    first.line("2 change(s) since the cursor");
    assert_eq!(
        server.count("POST /invoices"),
        2,
        "it created nothing itself"
    );

    server.advance_clock(Duration::from_secs(60));
    let updated = client
        .send(&UpdateInvoice {
            invoice_id: ids[0].0.clone(),
            invoice: ids[0].1.clone().reference_number("CHANGED-1"),
            options: Default::default(),
        })
        .await
        .expect("the update")
        .record;

    let second = run_against("watch_invoices", cursor.clone(), pointing_at(&server))
        .await
        .success("watch_invoices, second run");
    second.line("Resuming from the cursor saved in");
    second.line("1 change(s) since the cursor");
    let change = second.line("\"CHANGED-1\"");
    assert!(
        change.contains(updated.invoice_number.as_deref().expect("a number")),
        "{change}"
    );

    let third = run_against("watch_invoices", cursor, pointing_at(&server))
        .await
        .success("watch_invoices, third run");
    third.line("Resuming from the cursor saved in");
    third.line("0 change(s) since the cursor");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_invoices_reads_a_separate_server_without_adding_to_it() {
    let (server, client) = separate_server().await;
    create_invoices(&client, 3).await;
    let dir = TempDir::new("export-separate");
    let csv = dir.path().join("invoices.csv");

    let out = run_against("export_invoices", csv.clone(), pointing_at(&server))
        .await
        .success("export_invoices");
    assert!(!out.stdout.contains("Created"), "{}", out.stdout);
    assert_eq!(exported(&out), (3, 1));
    let records = read_csv(&csv);
    assert_eq!(records.len(), 4, "the header and three invoices");
    assert!(records[1..].iter().all(|r| r[2] == "Separate Server Ltd"));
    assert_eq!(
        server.count("POST /invoices"),
        3,
        "it created nothing itself"
    );
}

/// The figures of `Exported N invoices (P pages) to ...`.
fn exported(out: &Run) -> (usize, usize) {
    let line = out.line("Exported ");
    let words: Vec<&str> = line.split_whitespace().collect();
    let rows = words[1].parse().expect("a count of invoices");
    let pages = words[3]
        .trim_start_matches('(')
        .parse()
        .expect("a count of pages");
    (rows, pages)
}

/// Reads a CSV file (RFC 4180: quoted fields, doubled quotes, CRLF) into records.
fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).expect("the CSV file");
    let mut records = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        !quoted && field.is_empty() && record.is_empty(),
        "the file ends with a complete record"
    );
    records
}
