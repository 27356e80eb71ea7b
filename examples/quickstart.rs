//! The main job: a real invoicing workflow through the SDK.
//!
//! `cargo run --example quickstart [-- PDF_DIR]`
//!
//! It creates a contact and an item, creates and sends an invoice, records a partial and a
//! final payment, downloads the invoice as a PDF (into `PDF_DIR`, by default the workspace's
//! `target/`), and lists the open invoices.
//!
//! With no credentials it starts the embedded fake Zoho Invoice server and works against it.
//! With `ZOHO_CLIENT_ID`, `ZOHO_CLIENT_SECRET`, `ZOHO_REFRESH_TOKEN`, `ZOHO_ORGANIZATION_ID`
//! and `ZOHO_REGION` (com, eu, in, com.au, jp, ca, com.cn, sa) set, it talks to the real
//! service; with `ZOHO_API_URL`, `ZOHO_ORGANIZATION_ID` and `ZOHO_ACCESS_TOKEN`, to a fake
//! server started elsewhere (`cargo run -p zoho-invoice-mock -- --port 8080` prints them).

use futures_util::TryStreamExt;
use zoho_invoice::models::customer_payments::{PaymentInput, PaymentInvoiceInput, PaymentMode};
use zoho_invoice::models::invoices::{InvoiceFilterBy, InvoiceInput, InvoiceLineItemInput};
use zoho_invoice::models::{Decimal, contacts::ContactInput, ids::InvoiceId, items::ItemInput};
use zoho_invoice::{Client, query::DocumentFormat};

mod support;

use support::{Connection, Failure};

#[tokio::main]
async fn main() {
    if let Err(e) = run().await {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

async fn run() -> Result<(), Failure> {
    // `_server` keeps the embedded fake server running, when there is one.
    let Connection {
        client,
        today,
        server: _server,
    } = support::connect().await?;

    let customer = client
        .contacts()
        .create(ContactInput::new("Bowman and Co"))
        .await?;
    let customer_id = customer.contact_id;
    println!(
        "Contact   {} ({customer_id})",
        customer.contact_name.unwrap_or_default()
    );

    let item = client
        .items()
        .create(ItemInput::new("Hard Drive", Decimal::new(12000, 2)))
        .await?;
    let item_id = item.item_id;
    println!(
        "Item      {} at {}",
        item.name.unwrap_or_default(),
        item.rate.unwrap_or_default()
    );

    let lines = vec![InvoiceLineItemInput::item(item_id, 2)];
    let invoice = client
        .invoices()
        .create(InvoiceInput::new(&customer_id, lines))
        .await?;
    let invoice_id = invoice.invoice_id;
    client.invoices().mark_sent(&invoice_id).await?;
    show(&client, &invoice_id, "Sent").await?;

    let total = invoice.total.ok_or("the new invoice has no total")?;
    let first = (total / Decimal::from(2)).round_dp(2);
    for amount in [first, total - first] {
        let paid = vec![PaymentInvoiceInput::new(&invoice_id, amount)];
        let payment =
            PaymentInput::new(&customer_id, PaymentMode::BankTransfer, amount, today, paid);
        client.customer_payments().create(payment).await?;
        show(&client, &invoice_id, &format!("Paid {amount}")).await?;
    }

    let pdf = client
        .invoices()
        .download(&invoice_id, DocumentFormat::Pdf)
        .await?;
    let number = invoice.invoice_number.unwrap_or_default();
    let path = support::output_dir(1)?.join(format!("quickstart-{number}.pdf"));
    std::fs::write(&path, &pdf.bytes)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("PDF       {} ({} bytes)", path.display(), pdf.bytes.len());

    let unpaid = client.invoices().list().filter_by(InvoiceFilterBy::Unpaid);
    let open: Vec<_> = unpaid.records().try_collect().await?;
    let numbers: Vec<_> = open
        .iter()
        .filter_map(|i| i.invoice_number.as_deref())
        .collect();
    println!(
        "Open      {} invoice(s) unpaid in the organization: {}",
        open.len(),
        numbers.join(", ")
    );
    Ok(())
}

async fn show(client: &Client, invoice_id: &InvoiceId, step: &str) -> Result<(), Failure> {
    let invoice = client.invoices().get(invoice_id).await?;
    println!(
        "{step:<9} {}: total {}, balance {}, status {}",
        invoice.invoice_number.unwrap_or_default(),
        invoice.total.unwrap_or_default(),
        invoice.balance.unwrap_or_default(),
        invoice.status.map(|s| s.to_string()).unwrap_or_default(),
    );
    Ok(())
}
