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
use zoho_invoice::Client;
use zoho_invoice::contacts::CreateContact;
use zoho_invoice::customer_payments::CreateCustomerPayment;
use zoho_invoice::invoices::{
    CreateInvoice, DownloadInvoice, GetInvoice, InvoiceListFilter, ListInvoices, MarkInvoiceSent,
};
use zoho_invoice::items::CreateItem;
use zoho_invoice::models::contacts::ContactInput;
use zoho_invoice::models::customer_payments::{PaymentInput, PaymentInvoiceInput, PaymentMode};
use zoho_invoice::models::ids::{ContactId, InvoiceId};
use zoho_invoice::models::invoices::{InvoiceFilter, InvoiceInput, InvoiceLineItemInput};
use zoho_invoice::models::items::ItemInput;
use zoho_invoice::models::{Decimal, NaiveDate};

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

    let contact = ContactInput {
        contact_name: Some("Bowman and Co".into()),
        ..Default::default()
    };
    let customer = client.send(&CreateContact { contact }).await?.record;
    let customer_id = customer.contact_id.ok_or("the new contact has no id")?;
    println!(
        "Contact   {} ({customer_id})",
        customer.contact_name.unwrap_or_default()
    );

    let item = ItemInput {
        name: Some("Hard Drive".into()),
        rate: Some(money("120.00")?),
        ..Default::default()
    };
    let item = client.send(&CreateItem { item }).await?.record;
    println!(
        "Item      {} at {}",
        item.name.unwrap_or_default(),
        item.rate.unwrap_or_default()
    );

    let line = InvoiceLineItemInput {
        item_id: item.item_id,
        quantity: Some(Decimal::from(2)),
        ..Default::default()
    };
    let invoice = InvoiceInput {
        customer_id: Some(customer_id.clone()),
        line_items: Some(vec![line]),
        ..Default::default()
    };
    let invoice = client
        .send(&CreateInvoice {
            invoice,
            options: Default::default(),
        })
        .await?
        .record;
    let invoice_id = invoice.invoice_id.ok_or("the new invoice has no id")?;
    let number = invoice.invoice_number.unwrap_or_default();
    client
        .send(&MarkInvoiceSent {
            invoice_id: invoice_id.clone(),
        })
        .await?;
    show(&client, &invoice_id, "Sent").await?;

    let total = invoice.total.ok_or("the new invoice has no total")?;
    let first = (total / Decimal::from(2)).round_dp(2);
    pay(&client, &customer_id, &invoice_id, first, today).await?;
    show(&client, &invoice_id, &format!("Paid {first}")).await?;
    pay(&client, &customer_id, &invoice_id, total - first, today).await?;
    show(&client, &invoice_id, &format!("Paid {}", total - first)).await?;

    let pdf = client
        .send(&DownloadInvoice {
            invoice_id,
            options: Default::default(),
        })
        .await?;
    let path = support::output_dir(1)?.join(format!("quickstart-{number}.pdf"));
    std::fs::write(&path, &pdf.bytes)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("PDF       {} ({} bytes)", path.display(), pdf.bytes.len());

    let open = ListInvoices {
        filter: InvoiceListFilter {
            filter_by: Some(InvoiceFilter::Unpaid),
            ..Default::default()
        },
    };
    let open: Vec<_> = client.items(open).try_collect().await?;
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

async fn pay(
    client: &Client,
    customer: &ContactId,
    invoice: &InvoiceId,
    amount: Decimal,
    date: NaiveDate,
) -> Result<(), Failure> {
    let payment = PaymentInput {
        customer_id: Some(customer.clone()),
        payment_mode: Some(PaymentMode::BankTransfer),
        amount: Some(amount),
        date: Some(date),
        invoices: Some(vec![PaymentInvoiceInput {
            invoice_id: Some(invoice.clone()),
            amount_applied: Some(amount),
            ..Default::default()
        }]),
        ..Default::default()
    };
    client.send(&CreateCustomerPayment { payment }).await?;
    Ok(())
}

async fn show(client: &Client, invoice_id: &InvoiceId, step: &str) -> Result<(), Failure> {
    let invoice = client
        .send(&GetInvoice {
            invoice_id: invoice_id.clone(),
        })
        .await?
        .record;
    println!(
        "{step:<9} {}: total {}, balance {}, status {}",
        invoice.invoice_number.unwrap_or_default(),
        invoice.total.unwrap_or_default(),
        invoice.balance.unwrap_or_default(),
        invoice.status.map(|s| s.to_string()).unwrap_or_default(),
    );
    Ok(())
}

fn money(text: &str) -> Result<Decimal, Failure> {
    Ok(text.parse()?)
}
