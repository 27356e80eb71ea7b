//! The blocking client from plain synchronous code: create a customer and an invoice, mark it
//! sent, record a payment, and list what is still open. It runs against the embedded fake
//! server, which it starts on a thread of its own.
//!
//! `cargo run --example blocking`

use std::error::Error;

use zoho_invoice_blocking::Client;
use zoho_invoice_blocking::zoho_invoice::contacts::CreateContact;
use zoho_invoice_blocking::zoho_invoice::customer_payments::CreateCustomerPayment;
use zoho_invoice_blocking::zoho_invoice::invoices::{
    CreateInvoice, GetInvoice, InvoiceListFilter, ListInvoices, MarkInvoiceSent,
};
use zoho_invoice_blocking::zoho_invoice::models::Decimal;
use zoho_invoice_blocking::zoho_invoice::models::contacts::ContactInput;
use zoho_invoice_blocking::zoho_invoice::models::customer_payments::{
    PaymentInput, PaymentInvoiceInput, PaymentMode,
};
use zoho_invoice_blocking::zoho_invoice::models::invoices::{InvoiceInput, InvoiceLineItemInput};
use zoho_invoice_blocking::zoho_invoice::transport::{
    HttpTransport, Region, secrecy::SecretString,
};
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

    let client = Client::build(
        HttpTransport::builder()
            .region(Region::custom(server.api_url(), server.accounts_url()))
            .allow_http(true)
            .static_token(SecretString::from(zoho_invoice_mock::DEFAULT_ACCESS_TOKEN))
            .organization_id(server.organization_id()),
    )?;

    let contact = ContactInput {
        contact_name: Some("Bowman and Co".into()),
        ..Default::default()
    };
    let customer = client
        .send(CreateContact { contact })?
        .record
        .contact_id
        .ok_or("no contact id")?;

    let line = InvoiceLineItemInput {
        name: Some("Consulting".into()),
        quantity: Some(Decimal::from(3)),
        rate: Some("150.00".parse()?),
        ..Default::default()
    };
    let invoice = InvoiceInput {
        customer_id: Some(customer.clone()),
        line_items: Some(vec![line]),
        ..Default::default()
    };
    let created = client
        .send(CreateInvoice {
            invoice,
            options: Default::default(),
        })?
        .record;
    let invoice_id = created.invoice_id.ok_or("no invoice id")?;
    client.send(MarkInvoiceSent {
        invoice_id: invoice_id.clone(),
    })?;

    let payment = PaymentInput {
        customer_id: Some(customer.clone()),
        payment_mode: Some(PaymentMode::BankTransfer),
        amount: Some("200.00".parse()?),
        date: Some(server.today().parse()?),
        invoices: Some(vec![PaymentInvoiceInput {
            invoice_id: Some(invoice_id.clone()),
            amount_applied: Some("200.00".parse()?),
            ..Default::default()
        }]),
        ..Default::default()
    };
    client.send(CreateCustomerPayment { payment })?;

    let invoice = client.send(GetInvoice { invoice_id })?.record;
    println!(
        "{}: total {}, balance {}, status {}",
        invoice.invoice_number.unwrap_or_default(),
        invoice.total.unwrap_or_default(),
        invoice.balance.unwrap_or_default(),
        invoice.status.map(|s| s.to_string()).unwrap_or_default(),
    );

    let open = ListInvoices {
        filter: InvoiceListFilter {
            customer_id: Some(customer),
            ..Default::default()
        },
    };
    for invoice in client.records(open) {
        let invoice = invoice?;
        println!(
            "open: {} owes {}",
            invoice.invoice_number.unwrap_or_default(),
            invoice.balance.unwrap_or_default()
        );
    }
    Ok(())
}
