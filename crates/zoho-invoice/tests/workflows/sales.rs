#![cfg(all(
    feature = "invoices",
    feature = "estimates",
    feature = "customer-payments",
    feature = "items"
))]

use std::collections::BTreeSet;

use crate::support::{mock, mock_unthrottled};
use futures_util::{StreamExt, TryStreamExt, stream};
use http::Method;
use serde_json::json;
use zoho_invoice::Client;
use zoho_invoice::customer_payments::*;
use zoho_invoice::estimates::*;
use zoho_invoice::invoices::*;
use zoho_invoice::items::CreateItem;
use zoho_invoice::models::NaiveDate;
use zoho_invoice::models::customer_payments::{
    PaymentInput, PaymentInvoiceInput, PaymentMode, PaymentRefundInput,
};
use zoho_invoice::models::estimates::{EstimateInput, EstimateStatus};
use zoho_invoice::models::ids::{ContactId, EstimateId, InvoiceId, ItemId};
use zoho_invoice::models::invoices::{
    AttachmentPreference, InvoiceCommentInput, InvoiceInput, InvoiceLineItemInput, InvoiceStatus,
};
use zoho_invoice::models::items::ItemInput;
use zoho_invoice::query::{BulkIds, DocumentFormat, DownloadOptions, Paging};

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

// ---------------------------------------------------------------------------------------
// Workflows on the fake server.

/// A customer (made with a raw call) and an item at 100.00.
async fn customer_and_item(client: &Client) -> (ContactId, ItemId) {
    let contact = client
        .raw(
            Method::POST,
            "/contacts",
            &[],
            Some(&json!({"contact_name": "Bowman & Co"})),
        )
        .await
        .unwrap();
    let customer_id = contact["contact"]["contact_id"]
        .as_str()
        .expect("a contact id")
        .parse()
        .unwrap();
    let item = ItemInput::new("Hard Drive", 100);
    let item_id = client
        .send(&CreateItem { item })
        .await
        .unwrap()
        .record
        .item_id;
    (customer_id, item_id)
}

fn invoice_of(customer_id: &ContactId, item_id: &ItemId, quantity: i64) -> InvoiceInput {
    InvoiceInput::new(
        customer_id.clone(),
        vec![InvoiceLineItemInput {
            item_id: Some(item_id.clone()),
            quantity: Some(quantity.into()),
            ..Default::default()
        }],
    )
}

async fn create_invoice(client: &Client, input: InvoiceInput) -> InvoiceId {
    client
        .send(&CreateInvoice {
            invoice: input,
            options: Default::default(),
        })
        .await
        .unwrap()
        .record
        .invoice_id
}

async fn get_invoice(client: &Client, id: &InvoiceId) -> zoho_invoice::models::invoices::Invoice {
    client
        .send(&GetInvoice {
            invoice_id: id.clone(),
        })
        .await
        .unwrap()
        .record
}

fn payment(customer_id: &ContactId, invoice_id: &InvoiceId, amount: i64) -> PaymentInput {
    PaymentInput::new(
        customer_id.clone(),
        PaymentMode::BankTransfer,
        amount,
        date("2024-03-01"),
        vec![PaymentInvoiceInput::new(invoice_id.clone(), amount)],
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invoice_is_sent_paid_in_two_parts_and_downloaded() {
    let (_server, client) = mock().await;
    let (customer_id, item_id) = customer_and_item(&client).await;

    let id = create_invoice(&client, invoice_of(&customer_id, &item_id, 2)).await;
    let draft = get_invoice(&client, &id).await;
    assert_eq!(draft.status, Some(InvoiceStatus::Draft));
    assert_eq!(draft.total, Some(200.into()));

    client
        .send(&MarkInvoiceSent {
            invoice_id: id.clone(),
        })
        .await
        .unwrap();
    let sent = get_invoice(&client, &id).await;
    assert_eq!(sent.status, Some(InvoiceStatus::Sent));
    assert_eq!(sent.balance, Some(200.into()));

    // A partial payment.
    let first = client
        .send(&CreateCustomerPayment {
            payment: payment(&customer_id, &id, 80),
        })
        .await
        .unwrap()
        .record;
    assert_eq!(first.amount, Some(80.into()));
    let partly = get_invoice(&client, &id).await;
    assert_eq!(partly.status, Some(InvoiceStatus::PartiallyPaid));
    assert_eq!(partly.balance, Some(120.into()));
    assert_eq!(partly.payment_made, Some(80.into()));
    // Every display twin the server sends is a named field, in step with its amount.
    assert_eq!(partly.payment_made_formatted.as_deref(), Some("$80.00"));
    assert_eq!(partly.balance_formatted.as_deref(), Some("$120.00"));
    assert_eq!(first.amount_formatted.as_deref(), Some("$80.00"));
    let unnamed = |extra: &zoho_invoice::models::Extra| {
        extra
            .keys()
            .filter(|k| k.ends_with("_formatted"))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(unnamed(&partly.extra), Vec::<String>::new());
    assert_eq!(unnamed(&first.extra), Vec::<String>::new());

    // The final payment.
    let second = client
        .send(&CreateCustomerPayment {
            payment: payment(&customer_id, &id, 120),
        })
        .await
        .unwrap()
        .record;
    let paid = get_invoice(&client, &id).await;
    assert_eq!(paid.status, Some(InvoiceStatus::Paid));
    assert_eq!(paid.balance, Some(0.into()));

    let payments = client
        .send(&ListInvoicePayments {
            invoice_id: id.clone(),
        })
        .await
        .unwrap();
    assert_eq!(payments.records.len(), 2);
    let amounts: BTreeSet<_> = payments
        .records
        .iter()
        .map(|p| p.amount.unwrap().to_string())
        .collect();
    assert!(amounts.iter().any(|a| a.starts_with("80")), "{amounts:?}");

    // Deleting the last payment reopens the invoice.
    client
        .send(&DeleteCustomerPayment {
            payment_id: second.payment_id.clone(),
        })
        .await
        .unwrap();
    let reopened = get_invoice(&client, &id).await;
    assert_eq!(reopened.status, Some(InvoiceStatus::PartiallyPaid));
    assert_eq!(reopened.balance, Some(120.into()));
    let got = client
        .send(&GetCustomerPayment {
            payment_id: first.payment_id.clone(),
        })
        .await
        .unwrap()
        .record;
    assert_eq!(got.customer_id, Some(customer_id.clone()));

    // The invoice as a PDF and as HTML.
    let pdf = client
        .send(&DownloadInvoice {
            invoice_id: id.clone(),
            options: DownloadOptions::default(),
        })
        .await
        .unwrap();
    assert!(pdf.bytes.starts_with(b"%PDF-"), "{pdf:?}");
    assert_eq!(pdf.content_type.as_deref(), Some("application/pdf"));
    let number = paid.invoice_number.clone().unwrap();
    assert_eq!(pdf.file_name, Some(format!("{number}.pdf")));

    let html = client
        .send(&DownloadInvoice {
            invoice_id: id.clone(),
            options: DocumentFormat::Html.into(),
        })
        .await
        .unwrap();
    assert!(
        html.content_type
            .as_deref()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(String::from_utf8_lossy(&html.bytes).contains(&number));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invoice_comment_reaches_the_server_and_changes() {
    let (_server, client) = mock().await;
    let (customer_id, item_id) = customer_and_item(&client).await;
    let id = create_invoice(&client, invoice_of(&customer_id, &item_id, 1)).await;
    let comments = || ListInvoiceComments {
        invoice_id: id.clone(),
        filter: InvoiceCommentFilter::default(),
    };
    let with_text = |page: &zoho_invoice::models::envelope::Page<_>, text: &str| {
        page.records
            .iter()
            .find(|c: &&zoho_invoice::models::common::Comment| {
                c.description.as_deref() == Some(text)
            })
            .cloned()
    };

    // The comment travels in the query; the server keeps its description.
    let reply = client
        .send(&AddInvoiceComment {
            invoice_id: id.clone(),
            comment: InvoiceCommentInput {
                description: Some("Will pay next week".into()),
                show_comment_to_clients: Some(true),
                ..Default::default()
            },
        })
        .await
        .unwrap();
    assert!(reply.is_success());
    let page = client.send(&comments()).await.unwrap();
    let added = with_text(&page, "Will pay next week").expect("the comment, with its text");
    let comment_id = added.comment_id.expect("an id");

    let updated = client
        .send(&UpdateInvoiceComment {
            invoice_id: id.clone(),
            comment_id: comment_id.clone(),
            comment: InvoiceCommentInput {
                description: Some("Paid by check".into()),
                ..Default::default()
            },
        })
        .await
        .unwrap();
    assert_eq!(updated.record.description.as_deref(), Some("Paid by check"));
    assert!(
        !updated.is_hollow(),
        "the fake server's answer fills the comment's fields"
    );
    let page = client.send(&comments()).await.unwrap();
    assert!(with_text(&page, "Will pay next week").is_none());
    let changed = with_text(&page, "Paid by check").expect("the changed comment");
    assert_eq!(changed.comment_id, Some(comment_id));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_excess_payment_is_refunded() {
    let (_server, client) = mock().await;
    let (customer_id, item_id) = customer_and_item(&client).await;
    let id = create_invoice(&client, invoice_of(&customer_id, &item_id, 1)).await;
    client
        .send(&MarkInvoiceSent {
            invoice_id: id.clone(),
        })
        .await
        .unwrap();

    let mut input = payment(&customer_id, &id, 100);
    input.amount = 130.into();
    let paid = client
        .send(&CreateCustomerPayment { payment: input })
        .await
        .unwrap()
        .record;
    let payment_id = paid.payment_id;
    assert_eq!(
        get_invoice(&client, &id).await.status,
        Some(InvoiceStatus::Paid)
    );

    let refund = PaymentRefundInput::new(date("2024-03-02"), 30).refund_mode("cash");
    let made = client
        .send(&RefundCustomerPayment {
            payment_id: payment_id.clone(),
            refund,
        })
        .await
        .unwrap();
    let refund_id = made.records[0].payment_refund_id.clone();
    let listed = client
        .send(&ListCustomerPaymentRefunds {
            payment_id: payment_id.clone(),
            filter: Default::default(),
        })
        .await
        .unwrap();
    assert_eq!(listed.records.len(), 1);
    let details = client
        .send(&GetCustomerPaymentRefund {
            payment_id: payment_id.clone(),
            refund_id: refund_id.clone(),
        })
        .await
        .unwrap();
    assert_eq!(details.record.amount, Some(30.into()));
    assert!(!details.is_hollow());
    client
        .send(&DeleteCustomerPaymentRefund {
            payment_id: payment_id.clone(),
            refund_id,
        })
        .await
        .unwrap();
    let listed = client
        .send(&ListCustomerPaymentRefunds {
            payment_id,
            filter: Default::default(),
        })
        .await
        .unwrap();
    assert!(listed.records.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_invoices_export_as_one_pdf() {
    let (_server, client) = mock().await;
    let (customer_id, item_id) = customer_and_item(&client).await;
    let a = create_invoice(&client, invoice_of(&customer_id, &item_id, 1)).await;
    let b = create_invoice(&client, invoice_of(&customer_id, &item_id, 3)).await;
    let numbers = [
        get_invoice(&client, &a).await.invoice_number.unwrap(),
        get_invoice(&client, &b).await.invoice_number.unwrap(),
    ];

    let pdf = client
        .send(&BulkExportInvoices {
            invoice_ids: [a.clone(), b.clone()].into_iter().collect(),
        })
        .await
        .unwrap();
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    assert_eq!(pdf.content_type.as_deref(), Some("application/pdf"));
    assert_eq!(pdf.file_name.as_deref(), Some("invoices.pdf"));
    let text = String::from_utf8_lossy(&pdf.bytes);
    for number in &numbers {
        assert!(text.contains(number.as_str()), "{number} in the PDF");
    }

    let printed = client
        .send(&BulkPrintInvoices {
            invoice_ids: BulkIds::new([a, b]),
        })
        .await
        .unwrap();
    assert!(printed.bytes.starts_with(b"%PDF-"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_attachment_is_uploaded_downloaded_and_removed() {
    let (_server, client) = mock().await;
    let (customer_id, item_id) = customer_and_item(&client).await;
    let id = create_invoice(&client, invoice_of(&customer_id, &item_id, 1)).await;

    let bytes: Vec<u8> = (0..=255u8).cycle().take(3000).collect();
    client
        .send(&AddInvoiceAttachment {
            invoice_id: id.clone(),
            preference: AttachmentPreference {
                can_send_in_mail: Some(true),
                ..Default::default()
            },
            attachment: AddInvoiceAttachment::file("scan.png", "image/png", bytes.clone()),
        })
        .await
        .unwrap();
    let with_file = get_invoice(&client, &id).await;
    assert_eq!(with_file.has_attachment, Some(true));

    let file = client
        .send(&GetInvoiceAttachment {
            invoice_id: id.clone(),
            options: Default::default(),
        })
        .await
        .unwrap();
    assert_eq!(&file.bytes[..], &bytes[..], "the same bytes come back");
    assert_eq!(file.content_type.as_deref(), Some("image/png"));
    assert_eq!(file.file_name.as_deref(), Some("scan.png"));

    client
        .send(&UpdateInvoiceAttachmentPreference {
            invoice_id: id.clone(),
            preference: AttachmentPreference {
                can_send_in_mail: Some(false),
                ..Default::default()
            },
        })
        .await
        .unwrap();
    client
        .send(&DeleteInvoiceAttachment {
            invoice_id: id.clone(),
        })
        .await
        .unwrap();
    assert_eq!(get_invoice(&client, &id).await.has_attachment, Some(false));
    let gone = client
        .send(&GetInvoiceAttachment {
            invoice_id: id,
            options: Default::default(),
        })
        .await
        .unwrap_err();
    assert!(gone.is_not_found(), "{gone}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_thousand_invoices_paginate_in_five_requests() {
    let (server, client) = mock_unthrottled().await;
    let (customer_id, item_id) = customer_and_item(&client).await;

    let created: Vec<InvoiceId> = stream::iter(0..1000)
        .map(|_| create_invoice(&client, invoice_of(&customer_id, &item_id, 1)))
        .buffer_unordered(16)
        .collect()
        .await;
    assert_eq!(created.len(), 1000);

    server.clear_requests();
    let before = server.count("GET /invoices");
    let listed: Vec<_> = client
        .records(ListInvoices {
            filter: InvoiceListFilter {
                paging: Paging {
                    page: None,
                    per_page: Some(200),
                },
                ..Default::default()
            },
        })
        .try_collect()
        .await
        .unwrap();
    let ids: BTreeSet<InvoiceId> = listed.iter().map(|i| i.invoice_id.clone()).collect();
    assert_eq!(listed.len(), 1000);
    assert_eq!(ids.len(), 1000, "every invoice once");
    assert_eq!(ids, created.into_iter().collect::<BTreeSet<_>>());
    assert_eq!(
        server.count("GET /invoices") - before,
        5,
        "five pages of 200"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_estimate_is_sent_then_accepted() {
    let (_server, client) = mock().await;
    let (customer_id, item_id) = customer_and_item(&client).await;
    let input = EstimateInput::new(
        customer_id,
        vec![zoho_invoice::models::estimates::EstimateLineItemInput {
            item_id: Some(item_id),
            quantity: Some(4.into()),
            ..Default::default()
        }],
    );
    let created = client
        .send(&CreateEstimate {
            estimate: input,
            options: Default::default(),
        })
        .await
        .unwrap()
        .record;
    let id = created.estimate_id.clone();
    assert_eq!(created.status, Some(EstimateStatus::Draft));
    assert_eq!(created.total, Some(400.into()));
    assert!(
        created.extra.keys().all(|k| !k.ends_with("_formatted")),
        "{:?}",
        created.extra
    );

    let get = |id: EstimateId| {
        let client = client.clone();
        async move {
            client
                .send(&GetEstimate { estimate_id: id })
                .await
                .unwrap()
                .record
        }
    };
    client
        .send(&MarkEstimateSent {
            estimate_id: id.clone(),
        })
        .await
        .unwrap();
    assert_eq!(get(id.clone()).await.status, Some(EstimateStatus::Sent));
    client
        .send(&MarkEstimateAccepted {
            estimate_id: id.clone(),
        })
        .await
        .unwrap();
    assert_eq!(get(id.clone()).await.status, Some(EstimateStatus::Accepted));

    let accepted = client
        .send(&ListEstimates {
            filter: EstimateFilter {
                filter_by: Some("Status.Accepted".into()),
                ..Default::default()
            },
        })
        .await
        .unwrap();
    assert!(accepted.records.iter().any(|e| e.estimate_id == id));

    let pdf = client
        .send(&DownloadEstimate {
            estimate_id: id,
            options: DownloadOptions::default(),
        })
        .await
        .unwrap();
    assert!(pdf.bytes.starts_with(b"%PDF-"));
}
