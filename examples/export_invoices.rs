//! Export every invoice of the organization to a CSV file, streaming: each page of 200 is
//! written as it arrives, so memory stays flat however many invoices there are. A progress
//! line goes to stderr after each page, the summary to stdout.
//!
//! `cargo run --example export_invoices [-- FILE.csv]` (default `target/invoices.csv`)
//!
//! With nothing set, it starts the embedded fake server and first creates 250 invoices for
//! a few customers to export. Against a fake server running as its own process (for
//! instance one holding 100,000 invoices, as the memory benchmark does):
//!
//! ```text
//! cargo run -p zoho-invoice-mock -- --port 8080 --invoices 100000
//! ZOHO_API_URL=http://127.0.0.1:8080/invoice/v3 ZOHO_ORGANIZATION_ID=... \
//!   ZOHO_ACCESS_TOKEN=... cargo run --release --example export_invoices -- /tmp/invoices.csv
//! ```
//!
//! With the five `ZOHO_*` variables of `quickstart` set, it exports from the real service.

mod support;

use std::fs::File;
use std::io::{BufWriter, Write};

use futures_util::TryStreamExt;
use zoho_invoice::Client;
use zoho_invoice::models::contacts::ContactInput;
use zoho_invoice::models::invoices::{Invoice, InvoiceInput, InvoiceLineItemInput};
use zoho_invoice::models::{Decimal, NaiveDate};
use zoho_invoice::paginate::PageOf;

use support::{Connection, Failure};

/// The CSV's columns, in order.
const HEADER: [&str; 9] = [
    "invoice_id",
    "invoice_number",
    "customer_name",
    "date",
    "due_date",
    "status",
    "currency_code",
    "total",
    "balance",
];

/// How many invoices the embedded fake server gets before the export.
const DEMO_INVOICES: usize = 250;

/// The customers of those invoices; the names need quoting in CSV.
const DEMO_CUSTOMERS: [&str; 4] = [
    "Bowman and Co",
    "Smith, Jones & Partners",
    "The \"Best\" Widgets",
    "Zylker Inc",
];

#[tokio::main]
async fn main() {
    if let Err(e) = run().await {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

async fn run() -> Result<(), Failure> {
    let path = support::output_path(1, "invoices.csv")?;
    let Connection {
        client,
        today,
        server,
    } = support::connect().await?;
    if server.is_some() {
        create_demo_invoices(&client, today).await?;
    }

    let file = File::create(&path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    let mut out = BufWriter::new(file);
    write_row(&mut out, HEADER)?;

    let mut pages = client.invoices().list().pages();
    let (mut rows, mut page_count) = (0_u64, 0_u64);
    while let Some(page) = pages.try_next().await? {
        page_count += 1;
        for invoice in page.into_items() {
            write_row(&mut out, fields(&invoice))?;
            rows += 1;
        }
        out.flush()?;
        eprint!("\rexported {rows} invoices ({page_count} pages)");
    }
    out.flush()?;
    eprintln!();
    println!(
        "Exported {rows} invoices ({page_count} pages) to {}",
        path.display()
    );
    Ok(())
}

/// One invoice's CSV fields, in [`HEADER`]'s order; absent values are empty.
fn fields(invoice: &Invoice) -> [String; 9] {
    fn text<T: ToString>(value: Option<&T>) -> String {
        value.map(ToString::to_string).unwrap_or_default()
    }
    [
        invoice.invoice_id.to_string(),
        text(invoice.invoice_number.as_ref()),
        text(invoice.customer_name.as_ref()),
        text(invoice.date.as_ref()),
        text(invoice.due_date.as_ref()),
        text(invoice.status.as_ref()),
        text(invoice.currency_code.as_ref()),
        text(invoice.total.as_ref()),
        text(invoice.balance.as_ref()),
    ]
}

/// Writes one CSV record (RFC 4180), ended by CRLF.
fn write_row<S: AsRef<str>>(
    out: &mut impl Write,
    fields: impl IntoIterator<Item = S>,
) -> std::io::Result<()> {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(escape(field.as_ref()).as_bytes())?;
    }
    out.write_all(b"\r\n")
}

/// A CSV field: quoted when it holds a comma, a quote, a line break or edge spaces, with
/// its quotes doubled.
fn escape(field: &str) -> std::borrow::Cow<'_, str> {
    let needs_quotes =
        field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", field.replace('"', "\"\"")).into()
    } else {
        field.into()
    }
}

/// Fills the embedded fake server: the demo customers, and [`DEMO_INVOICES`] invoices
/// shared among them.
async fn create_demo_invoices(client: &Client, today: NaiveDate) -> Result<(), Failure> {
    let mut customers = Vec::new();
    for name in DEMO_CUSTOMERS {
        let created = client.contacts().create(ContactInput::new(name)).await?;
        customers.push(created.contact_id);
    }
    for n in 0..DEMO_INVOICES {
        let line = InvoiceLineItemInput::default()
            .name("Consulting")
            .quantity(Decimal::from(1 + n % 5))
            .rate(Decimal::new(12_550, 2));
        let invoice = InvoiceInput::new(&customers[n % customers.len()], vec![line]).date(today);
        client.invoices().create(invoice).await?;
    }
    println!(
        "Created {DEMO_INVOICES} invoices for {} customers on the embedded fake server.",
        DEMO_CUSTOMERS.len()
    );
    Ok(())
}
