//! A whole invoicing workflow from plain synchronous code, as a `fn main` would write it, and
//! pagination over 1,000 records as an iterator.

mod support;

use zoho_invoice_blocking::Client;

use std::collections::BTreeSet;

use zoho_invoice_blocking::zoho_invoice::contacts::CreateContact;
use zoho_invoice_blocking::zoho_invoice::customer_payments::CreateCustomerPayment;
use zoho_invoice_blocking::zoho_invoice::invoices::{
    CreateInvoice, DownloadInvoice, GetInvoice, InvoiceListFilter, ListInvoices, MarkInvoiceSent,
};
use zoho_invoice_blocking::zoho_invoice::items::{CreateItem, ItemFilter, ListItems};
use zoho_invoice_blocking::zoho_invoice::models::Decimal;
use zoho_invoice_blocking::zoho_invoice::models::contacts::ContactInput;
use zoho_invoice_blocking::zoho_invoice::models::customer_payments::{
    PaymentInput, PaymentInvoiceInput, PaymentMode,
};
use zoho_invoice_blocking::zoho_invoice::models::invoices::{
    InvoiceInput, InvoiceLineItemInput, InvoiceStatus,
};
use zoho_invoice_blocking::zoho_invoice::models::items::ItemInput;
use zoho_invoice_blocking::zoho_invoice::transport::RateLimitConfig;

fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

#[test]
fn an_invoice_is_created_sent_and_paid_in_two_payments() {
    let fake = support::fake();
    let client = fake.client();

    let contact = ContactInput::new("Bowman and Co");
    let customer = client
        .send(CreateContact { contact })
        .unwrap()
        .record
        .contact_id;

    let item = ItemInput::new("Hard Drive", dec("120.00"));
    let item_id = client.send(CreateItem { item }).unwrap().record.item_id;

    let line = InvoiceLineItemInput {
        item_id: Some(item_id),
        quantity: Some(dec("2")),
        rate: Some(dec("120.00")),
        ..Default::default()
    };
    let invoice = InvoiceInput::new(customer.clone(), vec![line]);
    let created = client
        .send(CreateInvoice {
            invoice,
            options: Default::default(),
        })
        .unwrap()
        .record;
    let invoice_id = created.invoice_id;
    assert_eq!(created.total, Some(dec("240")));
    assert_eq!(created.status, Some(InvoiceStatus::Draft));

    client
        .send(MarkInvoiceSent {
            invoice_id: invoice_id.clone(),
        })
        .unwrap();

    let pay = |amount: &str| {
        PaymentInput::new(
            customer.clone(),
            PaymentMode::Cash,
            dec(amount),
            fake.server
                .today()
                .parse::<zoho_invoice_blocking::zoho_invoice::models::NaiveDate>()
                .unwrap(),
            vec![PaymentInvoiceInput::new(invoice_id.clone(), dec(amount))],
        )
    };
    client
        .send(CreateCustomerPayment {
            payment: pay("100"),
        })
        .unwrap();
    let partly = client
        .send(GetInvoice {
            invoice_id: invoice_id.clone(),
        })
        .unwrap()
        .record;
    assert_eq!(partly.status, Some(InvoiceStatus::PartiallyPaid));
    assert_eq!(partly.balance, Some(dec("140")));

    client
        .send(CreateCustomerPayment {
            payment: pay("140"),
        })
        .unwrap();
    let paid = client
        .send(GetInvoice {
            invoice_id: invoice_id.clone(),
        })
        .unwrap()
        .record;
    assert_eq!(paid.status, Some(InvoiceStatus::Paid));
    assert_eq!(paid.balance, Some(dec("0")));

    // The paid invoice as a PDF file.
    let pdf = client
        .send(DownloadInvoice {
            invoice_id: invoice_id.clone(),
            options: Default::default(),
        })
        .unwrap();
    assert!(pdf.bytes.starts_with(b"%PDF-"), "a PDF");
    assert_eq!(pdf.content_type.as_deref(), Some("application/pdf"));
    assert!(
        pdf.file_name
            .as_deref()
            .is_some_and(|n| n.ends_with(".pdf"))
    );

    let unpaid = ListInvoices {
        filter: InvoiceListFilter {
            customer_id: Some(customer),
            status: Some(InvoiceStatus::Unpaid),
            ..Default::default()
        },
    };
    assert_eq!(client.records(unpaid).count(), 0, "no open invoice left");
    assert_eq!(
        fake.server.count("POST /customerpayments"),
        2,
        "each payment sent once"
    );
}

#[test]
fn a_thousand_records_come_back_through_the_iterator() {
    let fake = support::fake();
    let client = Client::build(
        fake.builder()
            .rate_limit(RateLimitConfig::default().with_requests_per_minute(1_000_000)),
    )
    .unwrap();
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let client = client.clone();
            std::thread::spawn(move || {
                for n in 0..125 {
                    let item = ItemInput::new(format!("{t}-{n}"), 1);
                    client.send(CreateItem { item }).unwrap();
                }
            })
        })
        .collect();
    threads.into_iter().for_each(|t| t.join().unwrap());

    let pages: Vec<_> = client
        .pages(ListItems {
            filter: ItemFilter::default(),
        })
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(pages.len(), 5, "200 a page");
    let names: BTreeSet<_> = client
        .records(ListItems {
            filter: ItemFilter::default(),
        })
        .map(|i| i.unwrap().name.unwrap())
        .collect();
    assert_eq!(names.len(), 1_000);
}
