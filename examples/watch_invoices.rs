//! Watch invoices for changes and resume from a saved cursor: `zoho_invoice::Watcher` lists
//! what was created or updated since a `Cursor`, which is plain data saved to a file after
//! each pass, so the next run delivers only what changed since.
//!
//! `cargo run --example watch_invoices [-- CURSOR_FILE]` (default
//! `target/watch_invoices.cursor`)
//!
//! Against the embedded fake server (nothing set), one run shows the whole story: a first
//! pass sees the new invoices, the cursor is saved, an invoice is updated, and a new watcher
//! resumed from the saved file sees only that change. Against a server that keeps its data
//! (`ZOHO_API_URL`, `ZOHO_ORGANIZATION_ID`, `ZOHO_ACCESS_TOKEN` for a fake server started
//! elsewhere, or the five variables of `quickstart` for the real service), each run makes one
//! pass from the saved cursor and saves it again.

mod support;

use std::path::Path;
use std::time::Duration;

use zoho_invoice::invoices::ListInvoices;
use zoho_invoice::models::contacts::ContactInput;
use zoho_invoice::models::ids::InvoiceId;
use zoho_invoice::models::invoices::{InvoiceInput, InvoiceLineItemInput};
use zoho_invoice::models::{Decimal, NaiveDate};
use zoho_invoice::{Client, Cursor, Watcher};
use zoho_invoice_mock::MockServer;

use support::{Connection, Failure};

/// The most changes printed one by one in a pass.
const SHOWN: usize = 20;

#[tokio::main]
async fn main() {
    if let Err(e) = run().await {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

async fn run() -> Result<(), Failure> {
    let path = support::output_path(1, "watch_invoices.cursor")?;
    let Connection {
        client,
        today,
        server,
    } = support::connect().await?;
    match server {
        Some(server) => demonstrate(&client, &server, today, &path).await,
        None => pass(&client, &path).await.map(drop),
    }
}

/// One pass: the changes since the cursor saved in `path` (from the start when there is
/// none), then the cursor saved. Returns how many changes it saw.
async fn pass(client: &Client, path: &Path) -> Result<usize, Failure> {
    let cursor = match load(path)? {
        Some(cursor) => {
            println!("Resuming from the cursor saved in {}", path.display());
            cursor
        }
        None => {
            println!(
                "No cursor saved in {}: watching from the start",
                path.display()
            );
            Cursor::from_start()
        }
    };
    let list = ListInvoices::new();
    let mut watcher = Watcher::new(client.clone(), list, cursor);
    let changes = watcher.poll().await?;
    println!("{} change(s) since the cursor", changes.len());
    // Each change comes with the cursor to save once it is processed; saving after the
    // whole pass, as here, means a crash mid-pass delivers the pass again (at least once).
    for (invoice, _cursor) in changes.iter().take(SHOWN) {
        println!(
            "  {}  {}  status {}, total {}, reference {:?}",
            invoice.invoice_number.as_deref().unwrap_or("?"),
            invoice
                .last_modified_time
                .map(|t| t.to_rfc3339())
                .unwrap_or_default(),
            invoice
                .status
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            invoice.total.unwrap_or_default(),
            invoice.reference_number.as_deref().unwrap_or(""),
        );
    }
    if changes.len() > SHOWN {
        println!("  ... and {} more", changes.len() - SHOWN);
    }
    save(path, watcher.cursor())?;
    println!("Saved the cursor to {}", path.display());
    Ok(changes.len())
}

/// The whole story on the embedded fake server, whose data lives only as long as this run.
async fn demonstrate(
    client: &Client,
    server: &MockServer,
    today: NaiveDate,
    path: &Path,
) -> Result<(), Failure> {
    // A cursor saved by an earlier run points into an earlier server's data.
    if path.exists() {
        std::fs::remove_file(path).map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
    }
    let mut ids = Vec::new();
    for n in 1..=3 {
        ids.push(create_invoice(client, today, n).await?);
        // The server's clock, moved by hand: no waiting.
        server.advance_clock(Duration::from_secs(1));
    }
    println!("Created 3 invoices on the embedded fake server.");

    pass(client, path).await?;

    server.advance_clock(Duration::from_secs(60));
    let (id, invoice) = &ids[1];
    let change = invoice.clone().reference_number("PO-2026-42");
    let updated = client.invoices().update(id, change).await?;
    println!(
        "Updated {} (reference number PO-2026-42); a new watcher resumes from the file.",
        updated.invoice_number.unwrap_or_default()
    );

    pass(client, path).await?;
    Ok(())
}

/// Creates an invoice for a new customer; returns its id and what it was made of (an update
/// sends the whole invoice again).
async fn create_invoice(
    client: &Client,
    today: NaiveDate,
    n: u32,
) -> Result<(InvoiceId, InvoiceInput), Failure> {
    let name = format!("Watched Customer {n}");
    let customer = client.contacts().create(ContactInput::new(name)).await?;
    let customer_id = customer.contact_id;
    let line = InvoiceLineItemInput::default()
        .name("Subscription")
        .quantity(n)
        .rate(Decimal::new(4_900, 2));
    let invoice = InvoiceInput::new(customer_id, vec![line]).date(today);
    let created = client.invoices().create(invoice.clone()).await?;
    Ok((created.invoice_id, invoice))
}

/// The cursor saved in `path`, if there is one.
fn load(path: &Path) -> Result<Option<Cursor>, Failure> {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            let cursor = serde_json::from_str(&text)
                .map_err(|e| format!("{} does not hold a cursor: {e}", path.display()))?;
            Ok(Some(cursor))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("cannot read {}: {e}", path.display()).into()),
    }
}

/// Saves `cursor` to `path`, atomically: a crash leaves the old cursor or the new one.
fn save(path: &Path, cursor: &Cursor) -> Result<(), Failure> {
    let text = serde_json::to_string(cursor)?;
    let temporary = path.with_extension("cursor.tmp");
    std::fs::write(&temporary, text)
        .and_then(|()| std::fs::rename(&temporary, path))
        .map_err(|e| format!("cannot save the cursor to {}: {e}", path.display()))?;
    Ok(())
}
