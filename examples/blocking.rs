//! The blocking client from plain synchronous code: create a customer and an invoice, mark it
//! sent, record a payment, and list what is still open. It runs against the embedded fake
//! server, which it starts on a thread of its own.
//!
//! `cargo run --example blocking`

use std::error::Error;

use zoho_invoice_blocking::Client;
use zoho_invoice_blocking::zoho_invoice::models::contacts::ContactInput;
use zoho_invoice_blocking::zoho_invoice::models::customer_payments::{
    PaymentInput, PaymentInvoiceInput, PaymentMode,
};
use zoho_invoice_blocking::zoho_invoice::models::invoices::{InvoiceInput, InvoiceLineItemInput};
use zoho_invoice_blocking::zoho_invoice::models::{Decimal, NaiveDate};
use zoho_invoice_mock::MockServer;

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn Error>> {
    // The fake server, on a runtime thread of its own, as a remote server would be.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let started = tokio::runtime::Runtime::new()
            .map_err(|e| e.to_string())
            .and_then(|rt| {
                let server = rt
                    .block_on(MockServer::start())
                    .map_err(|e| e.to_string())?;
                Ok((rt, server))
            });
        match started {
            Ok((rt, server)) => {
                let _ = tx.send(Ok(server));
                rt.block_on(std::future::pending::<()>());
            }
            Err(e) => {
                let _ = tx.send(Err(e));
            }
        }
    });
    let server = rx
        .recv()?
        .map_err(|e| format!("the fake server did not start: {e}"))?;
    println!(
        "Using the embedded fake Zoho Invoice server at {}",
        server.api_url()
    );

    let token = server
        .access_token()
        .ok_or("the fake server has no token")?;
    let client = Client::local(&server.api_url(), token, server.organization_id())?;

    let customer = client
        .contacts()
        .create(ContactInput::new("Bowman and Co"))
        .run()?;
    let customer = customer.contact_id;

    let line = InvoiceLineItemInput::default()
        .name("Consulting")
        .quantity(3)
        .rate("150.00".parse::<Decimal>()?);
    let invoice = InvoiceInput::new(&customer, vec![line]);
    let created = client.invoices().create(invoice).run()?;
    let invoice_id = created.invoice_id;
    client.invoices().mark_sent(&invoice_id).run()?;

    let amount: Decimal = "200.00".parse()?;
    let paid = vec![PaymentInvoiceInput::new(&invoice_id, amount)];
    let today: NaiveDate = server.today().parse()?;
    let payment = PaymentInput::new(&customer, PaymentMode::BankTransfer, amount, today, paid);
    client.customer_payments().create(payment).run()?;

    let invoice = client.invoices().get(&invoice_id).run()?;
    println!(
        "{}: total {}, balance {}, status {}",
        invoice.invoice_number.unwrap_or_default(),
        invoice.total.unwrap_or_default(),
        invoice.balance.unwrap_or_default(),
        invoice.status.map(|s| s.to_string()).unwrap_or_default(),
    );

    for invoice in client.invoices().list().customer_id(customer).records() {
        let invoice = invoice?;
        println!(
            "open: {} owes {}",
            invoice.invoice_number.unwrap_or_default(),
            invoice.balance.unwrap_or_default()
        );
    }
    Ok(())
}
