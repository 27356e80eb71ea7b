//! The operations of Zoho Books' OpenAPI documents that Zoho Invoice shares, on the fake
//! server: updates by a custom field's unique value, custom fields, approvals, payment links,
//! documents, item details, bulk deletes, histories.

#![cfg(feature = "all")]

use zoho_invoice::Client;
use zoho_invoice::UniqueField;
use zoho_invoice::customer_payments::BulkDeleteCustomerPayments;
use zoho_invoice::invoices::{AddInvoiceAttachment, PaymentLinkRequest};
use zoho_invoice::models::NaiveDate;
use zoho_invoice::models::common::CustomField;
use zoho_invoice::models::contacts::ContactInput;
use zoho_invoice::models::credit_notes::{
    CreditNoteInput, CreditNoteLineItemInput, CreditNoteStatus,
};
use zoho_invoice::models::customer_payments::{PaymentInput, PaymentInvoiceInput, PaymentMode};
use zoho_invoice::models::expenses::ExpenseInput;
use zoho_invoice::models::invoices::{
    AttachmentPreference, InvoiceInput, InvoiceLineItemInput, InvoiceStatus, PaymentLinkType,
};
use zoho_invoice::models::items::ItemInput;

use crate::support::mock;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// A customer, an item at 100, and an invoice of one of it whose custom field
/// `cf_order_ref` is `order`.
async fn invoice_with_order(
    client: &Client,
    order: &str,
) -> zoho_invoice::models::invoices::Invoice {
    let customer = client
        .contacts()
        .create(ContactInput::new("Bowman & Co"))
        .await
        .unwrap();
    let item = client
        .items()
        .create(ItemInput::new("Hard Drive", 100))
        .await
        .unwrap();
    let input = InvoiceInput::new(
        customer.contact_id,
        vec![InvoiceLineItemInput::item(item.item_id, 1)],
    )
    .custom_fields(vec![
        CustomField::default().api_name("cf_order_ref").value(order),
    ]);
    client.invoices().create(input).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invoice_is_updated_by_its_custom_field_and_created_by_an_upsert() {
    let (_server, client) = mock().await;
    let invoice = invoice_with_order(&client, "PO-7").await;
    let changed = InvoiceInput::new(
        invoice.customer_id.clone().unwrap(),
        vec![InvoiceLineItemInput::item(
            invoice.line_items.as_ref().unwrap()[0]
                .item_id
                .clone()
                .unwrap(),
            3,
        )],
    );
    let updated = client
        .invoices()
        .update_by_custom_field(UniqueField::new("cf_order_ref", "PO-7"), changed.clone())
        .await
        .unwrap();
    assert_eq!(updated.invoice_id, invoice.invoice_id, "the same invoice");
    assert_eq!(updated.total, Some(300.into()));

    let missing = client
        .invoices()
        .update_by_custom_field(UniqueField::new("cf_order_ref", "PO-8"), changed.clone())
        .await
        .unwrap_err();
    assert!(missing.is_not_found(), "{missing}");

    let created = client
        .invoices()
        .update_by_custom_field(UniqueField::new("cf_order_ref", "PO-8").upsert(), changed)
        .await
        .unwrap();
    assert_ne!(created.invoice_id, invoice.invoice_id, "a new invoice");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn custom_fields_approvals_and_a_payment_link() {
    let (_server, client) = mock().await;
    let invoice = invoice_with_order(&client, "PO-9").await;
    let id = invoice.invoice_id.clone();

    let field = CustomField::default()
        .customfield_id(
            "460000000000777"
                .parse::<zoho_invoice::models::ids::CustomFieldId>()
                .unwrap(),
        )
        .value("rush");
    client
        .invoices()
        .update_custom_fields(&id, vec![field])
        .await
        .unwrap();
    let fields = client
        .invoices()
        .get(&id)
        .await
        .unwrap()
        .custom_fields
        .unwrap();
    assert!(
        fields.iter().any(|f| f.value == Some("rush".into())),
        "{fields:?}"
    );
    assert!(
        fields.iter().any(|f| f.value == Some("PO-9".into())),
        "the other field stays"
    );

    client.invoices().submit(&id).await.unwrap();
    let submitted = client.invoices().get(&id).await.unwrap();
    assert_eq!(submitted.status, Some(InvoiceStatus::PendingApproval));
    client.invoices().approve(&id).await.unwrap();
    assert_eq!(
        client.invoices().get(&id).await.unwrap().status,
        Some(InvoiceStatus::Approved)
    );

    let link = client
        .invoices()
        .get_payment_link(PaymentLinkRequest::new(
            id.clone(),
            PaymentLinkType::Public,
            day("2030-01-31"),
        ))
        .await
        .unwrap();
    assert!(link.share_link.unwrap().contains(id.as_str()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invoice_document_is_read_and_deleted() {
    let (_server, client) = mock().await;
    let invoice = invoice_with_order(&client, "PO-10").await;
    let id = invoice.invoice_id.clone();
    client
        .invoices()
        .add_attachment(
            &id,
            AttachmentPreference::default(),
            AddInvoiceAttachment::file("scan.png", "image/png", &b"\x89PNG-scan"[..]),
        )
        .await
        .unwrap();
    let documents = client.invoices().get(&id).await.unwrap().documents.unwrap();
    let document_id = documents[0].document_id.clone().unwrap();
    let file = client
        .invoices()
        .get_document(&id, &document_id)
        .await
        .unwrap();
    assert_eq!(&file.bytes[..], b"\x89PNG-scan");
    client
        .invoices()
        .delete_document(&id, &document_id)
        .await
        .unwrap();
    let gone = client
        .invoices()
        .get_document(&id, &document_id)
        .await
        .unwrap_err();
    assert!(gone.is_not_found(), "{gone}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn item_details_and_a_bulk_delete_of_payments() {
    let (_server, client) = mock().await;
    let a = client.items().create(ItemInput::new("A", 1)).await.unwrap();
    let b = client.items().create(ItemInput::new("B", 2)).await.unwrap();
    let details = client
        .items()
        .get_details(vec![b.item_id.clone(), a.item_id.clone()])
        .await
        .unwrap();
    let names: Vec<_> = details
        .records
        .iter()
        .map(|i| i.name.clone().unwrap())
        .collect();
    assert_eq!(names, ["B", "A"]);

    let invoice = invoice_with_order(&client, "PO-11").await;
    let customer = invoice.customer_id.clone().unwrap();
    let mut payments = Vec::new();
    for amount in [10, 20] {
        let payment = PaymentInput::new(
            customer.clone(),
            PaymentMode::Cash,
            amount,
            day("2024-03-01"),
            vec![PaymentInvoiceInput::new(invoice.invoice_id.clone(), amount)],
        );
        payments.push(
            client
                .customer_payments()
                .create(payment)
                .await
                .unwrap()
                .payment_id,
        );
    }
    client
        .customer_payments()
        .bulk_delete(payments.clone())
        .await
        .unwrap();
    for id in &payments {
        let gone = client.customer_payments().get(id).await.unwrap_err();
        assert!(gone.is_not_found(), "{gone}");
    }
    let none = client
        .send(&BulkDeleteCustomerPayments::new(Vec::new()))
        .await
        .unwrap_err();
    assert!(none.is_invalid_input(), "an empty list is refused: {none}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expenses_history_and_a_credit_notes_draft_and_email() {
    let (_server, client) = mock().await;
    // Rent: an expense account every organization of the fake server has.
    let account = "982000000561057"
        .parse::<zoho_invoice::models::ids::AccountId>()
        .unwrap();
    let expense = client
        .expenses()
        .create(ExpenseInput::new(account, day("2024-03-01"), 25))
        .await
        .unwrap();
    let history = client
        .expenses()
        .list_comments(&expense.expense_id)
        .await
        .unwrap();
    assert!(
        history
            .records
            .iter()
            .any(|c| c.description.as_deref() == Some("Expense created")),
        "{history:?}"
    );

    let invoice = invoice_with_order(&client, "PO-12").await;
    let line = CreditNoteLineItemInput::default()
        .description("Returned")
        .rate(10)
        .quantity(1);
    let note = client
        .credit_notes()
        .create(CreditNoteInput::new(
            invoice.customer_id.clone().unwrap(),
            day("2024-03-02"),
            vec![line],
        ))
        .await
        .unwrap();
    client
        .credit_notes()
        .void(&note.creditnote_id)
        .await
        .unwrap();
    client
        .credit_notes()
        .mark_draft(&note.creditnote_id)
        .await
        .unwrap();
    let drafted = client
        .credit_notes()
        .get(&note.creditnote_id)
        .await
        .unwrap();
    assert_eq!(drafted.status, Some(CreditNoteStatus::Draft));
    let email = client
        .credit_notes()
        .get_email_content(&note.creditnote_id)
        .await
        .unwrap();
    assert!(email.subject.is_some_and(|s| !s.is_empty()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invoice_is_emailed_with_an_attachment() {
    let (_server, client) = mock().await;
    let invoice = invoice_with_order(&client, "PO-13").await;
    let email = zoho_invoice::models::common::EmailRequest::default()
        .to_mail_ids(vec!["will@bowman.example".to_owned()])
        .subject("Your invoice");
    let reply = client
        .invoices()
        .email(&invoice.invoice_id, email)
        .attach("terms.pdf", "application/pdf", &b"%PDF-1.4 terms"[..])
        .await
        .unwrap();
    assert!(reply.message.contains("terms.pdf"), "{}", reply.message);
    let sent = client.invoices().get(&invoice.invoice_id).await.unwrap();
    assert_eq!(sent.status, Some(InvoiceStatus::Sent));
}
