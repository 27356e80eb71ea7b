#![cfg(all(
    feature = "recurring-invoices",
    feature = "retainer-invoices",
    feature = "credit-notes"
))]

use crate::support::mock;
use futures_util::TryStreamExt;
use http::Method;
use serde_json::{Value, json};
use zoho_invoice::Client;
use zoho_invoice::credit_notes::*;
use zoho_invoice::models::Decimal;
use zoho_invoice::models::common::RecurrenceFrequency;
use zoho_invoice::models::credit_notes::{
    CreditInvoicesInput, CreditNoteCommentInput, CreditNoteInput, CreditNoteLineItemInput,
    CreditNoteRefundInput, CreditNoteStatus, CreditedInvoiceInput,
};
use zoho_invoice::models::ids::{ContactId, CreditNoteId, InvoiceId, RetainerInvoiceId};
use zoho_invoice::models::recurring_invoices::{
    RecurringInvoiceInput, RecurringInvoiceLineItemInput, RecurringInvoiceStatus,
};
use zoho_invoice::models::retainer_invoices::{
    RetainerInvoiceInput, RetainerInvoiceLineItemInput, RetainerInvoiceStatus,
};
use zoho_invoice::recurring_invoices::*;
use zoho_invoice::retainer_invoices::*;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn returned(customer: ContactId, rate: &str) -> CreditNoteInput {
    CreditNoteInput::new(
        customer,
        "2024-03-01"
            .parse::<zoho_invoice::models::NaiveDate>()
            .unwrap(),
        vec![CreditNoteLineItemInput {
            name: Some("Returned licence".into()),
            rate: Some(dec(rate)),
            quantity: Some(1.into()),
            ..Default::default()
        }],
    )
    .creditnote_number("CN-29")
}

fn refund_input(amount: &str) -> CreditNoteRefundInput {
    CreditNoteRefundInput::new(
        "2024-03-02"
            .parse::<zoho_invoice::models::NaiveDate>()
            .unwrap(),
        dec(amount),
    )
    .refund_mode("cash")
}

fn hosting(customer: ContactId) -> RecurringInvoiceInput {
    RecurringInvoiceInput::new("Hosting", customer, RecurrenceFrequency::Months)
        .repeat_every(1_u32)
        .line_items(vec![RecurringInvoiceLineItemInput {
            name: Some("Hosting".into()),
            rate: Some(dec("25.50")),
            quantity: Some(1.into()),
            ..Default::default()
        }])
}

fn advance(customer: ContactId) -> RetainerInvoiceInput {
    RetainerInvoiceInput::new(
        customer,
        vec![RetainerInvoiceLineItemInput {
            description: Some("Advance for the design work".into()),
            rate: Some(500.into()),
            ..Default::default()
        }],
    )
    .reference_number("PO-7")
}

// ---------------------------------------------------------------------------------------
// Workflows against the fake server.

/// An amount of a raw answer, sent as a number or as text.
fn amount(v: &Value) -> Decimal {
    match v {
        Value::String(s) => s.parse().unwrap(),
        Value::Number(n) => n.to_string().parse().unwrap(),
        other => panic!("not an amount: {other}"),
    }
}

/// Creates a contact through the raw call.
async fn contact(client: &Client, name: &str) -> ContactId {
    let answer = client
        .raw(
            Method::POST,
            "/contacts",
            &[],
            Some(&json!({"contact_name": name})),
        )
        .await
        .unwrap();
    answer["contact"]["contact_id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

/// Creates an invoice of one line through the raw call, and marks it sent.
async fn sent_invoice(client: &Client, customer: &ContactId, rate: u32) -> InvoiceId {
    let answer = client
        .raw(
            Method::POST,
            "/invoices",
            &[],
            Some(&json!({
                "customer_id": customer.as_str(),
                "line_items": [{"name": "Design work", "rate": rate, "quantity": 1}]
            })),
        )
        .await
        .unwrap();
    let id = answer["invoice"]["invoice_id"].as_str().unwrap().to_owned();
    client
        .raw(
            Method::POST,
            &format!("/invoices/{id}/status/sent"),
            &[],
            None,
        )
        .await
        .unwrap();
    id.parse().unwrap()
}

async fn invoice_balance(client: &Client, id: &InvoiceId) -> Decimal {
    let answer = client
        .raw(Method::GET, &format!("/invoices/{id}"), &[], None)
        .await
        .unwrap();
    amount(&answer["invoice"]["balance"])
}

async fn credit_note(
    client: &Client,
    id: &CreditNoteId,
) -> zoho_invoice::models::credit_notes::CreditNote {
    client
        .send(&GetCreditNote {
            creditnote_id: id.clone(),
        })
        .await
        .unwrap()
        .record
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_credit_note_pays_part_of_an_invoice_and_is_refunded_on_the_fake_server() {
    let (_server, client) = mock().await;
    let customer = contact(&client, "Bowman and Co").await;
    let invoice = sent_invoice(&client, &customer, 300).await;
    assert_eq!(invoice_balance(&client, &invoice).await, dec("300"));

    let mut input = returned(customer.clone(), "100");
    input.creditnote_number = None;
    let note = client
        .send(&CreateCreditNote {
            credit_note: input,
            options: Default::default(),
        })
        .await
        .unwrap()
        .record;
    let id = note.creditnote_id.clone();
    assert_eq!(note.status, Some(CreditNoteStatus::Open));
    assert_eq!(note.balance, Some(dec("100")));

    // Credit 40 to the invoice: both balances drop.
    let apply = CreditInvoicesInput {
        invoices: Some(vec![CreditedInvoiceInput {
            invoice_id: Some(invoice.clone()),
            amount_applied: Some(dec("40")),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let reply = client
        .send(&CreditInvoices {
            creditnote_id: id.clone(),
            invoices: apply,
        })
        .await
        .unwrap();
    assert!(reply.is_success());
    assert_eq!(invoice_balance(&client, &invoice).await, dec("260"));
    assert_eq!(credit_note(&client, &id).await.balance, Some(dec("60")));

    let credited = client
        .send(&ListCreditedInvoices {
            creditnote_id: id.clone(),
            filter: Default::default(),
        })
        .await
        .unwrap()
        .records;
    assert_eq!(credited.len(), 1);
    assert_eq!(credited[0].invoice_id, Some(invoice.clone()));

    // More than the credit note's balance is refused.
    let too_much = CreditInvoicesInput {
        invoices: Some(vec![CreditedInvoiceInput {
            invoice_id: Some(invoice.clone()),
            amount_applied: Some(dec("61")),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let err = client
        .send(&CreditInvoices {
            creditnote_id: id.clone(),
            invoices: too_much,
        })
        .await
        .unwrap_err();
    assert!(err.code().is_some(), "{err}");
    assert_eq!(invoice_balance(&client, &invoice).await, dec("260"));

    // Refund 25 of the remaining 60.
    let refund = client
        .send(&RefundCreditNote {
            creditnote_id: id.clone(),
            refund: refund_input("25"),
        })
        .await
        .unwrap()
        .record;
    let refund_id = refund.creditnote_refund_id.clone().expect("an id");
    assert_eq!(refund.amount, Some(dec("25")));
    assert_eq!(credit_note(&client, &id).await.balance, Some(dec("35")));

    // Changing the refund to 30 moves the balance accordingly.
    client
        .send(&UpdateCreditNoteRefund {
            creditnote_id: id.clone(),
            refund_id: refund_id.clone(),
            refund: refund_input("30"),
        })
        .await
        .unwrap();
    assert_eq!(credit_note(&client, &id).await.balance, Some(dec("30")));
    let refunds = client
        .send(&ListCreditNoteRefunds {
            creditnote_id: id.clone(),
            filter: Default::default(),
        })
        .await
        .unwrap()
        .records;
    assert_eq!(refunds.len(), 1);
    assert_eq!(refunds[0].amount, Some(dec("30")));

    // Deleting the refund and the credits gives everything back.
    client
        .send(&DeleteCreditNoteRefund {
            creditnote_id: id.clone(),
            refund_id,
        })
        .await
        .unwrap();
    let application = credited[0].creditnote_invoice_id.clone().expect("an id");
    client
        .send(&DeleteCreditedInvoice {
            creditnote_id: id.clone(),
            credit_application_id: application,
        })
        .await
        .unwrap();
    assert_eq!(credit_note(&client, &id).await.balance, Some(dec("100")));
    assert_eq!(invoice_balance(&client, &invoice).await, dec("300"));

    // The customer's credit notes, walked page by page.
    let notes: Vec<_> = client
        .records(ListCreditNotes {
            filter: CreditNoteFilter {
                customer_id: Some(customer),
                ..Default::default()
            },
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].creditnote_id, id);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_credit_note_is_voided_and_opened_again_on_the_fake_server() {
    let (_server, client) = mock().await;
    let customer = contact(&client, "Zylker").await;
    let mut input = returned(customer, "80");
    input.creditnote_number = None;
    let id = client
        .send(&CreateCreditNote {
            credit_note: input,
            options: Default::default(),
        })
        .await
        .unwrap()
        .record
        .creditnote_id;

    let reply = client
        .send(&VoidCreditNote {
            creditnote_id: id.clone(),
        })
        .await
        .unwrap();
    assert!(reply.is_success());
    assert_eq!(
        credit_note(&client, &id).await.status,
        Some(CreditNoteStatus::Void)
    );

    client
        .send(&MarkCreditNoteOpen {
            creditnote_id: id.clone(),
        })
        .await
        .unwrap();
    let note = credit_note(&client, &id).await;
    assert_eq!(note.status, Some(CreditNoteStatus::Open));
    assert_eq!(note.balance, Some(dec("80")));

    // Only a voided credit note can be opened.
    let err = client
        .send(&MarkCreditNoteOpen {
            creditnote_id: id.clone(),
        })
        .await
        .unwrap_err();
    assert!(err.code().is_some(), "{err}");

    // A comment shows in its history; its PDF downloads.
    client
        .send(&AddCreditNoteComment {
            creditnote_id: id.clone(),
            comment: CreditNoteCommentInput {
                description: Some("Goods came back damaged".into()),
                ..Default::default()
            },
        })
        .await
        .unwrap();
    let comments = client
        .send(&ListCreditNoteComments {
            creditnote_id: id.clone(),
            filter: Default::default(),
        })
        .await
        .unwrap()
        .records;
    assert!(
        comments
            .iter()
            .any(|c| c.description.as_deref() == Some("Goods came back damaged")),
        "{comments:?}"
    );
    let pdf = client
        .send(&DownloadCreditNote {
            creditnote_id: id,
            options: Default::default(),
        })
        .await
        .unwrap();
    assert!(pdf.bytes.starts_with(b"%PDF"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_recurring_invoice_is_stopped_and_resumed_on_the_fake_server() {
    let (_server, client) = mock().await;
    let customer = contact(&client, "Hosting customer").await;
    let input = hosting(customer);
    let created = client
        .send(&CreateRecurringInvoice {
            recurring_invoice: input,
        })
        .await
        .unwrap()
        .record;
    let id = created.recurring_invoice_id.clone();
    assert_eq!(created.status, Some(RecurringInvoiceStatus::Active));

    let get = GetRecurringInvoice {
        recurring_invoice_id: id.clone(),
    };
    client
        .send(&StopRecurringInvoice {
            recurring_invoice_id: id.clone(),
        })
        .await
        .unwrap();
    assert_eq!(
        client.send(&get).await.unwrap().record.status,
        Some(RecurringInvoiceStatus::Stopped)
    );
    // A stopped profile cannot be stopped again.
    assert!(
        client
            .send(&StopRecurringInvoice {
                recurring_invoice_id: id.clone(),
            })
            .await
            .is_err()
    );

    client
        .send(&ResumeRecurringInvoice {
            recurring_invoice_id: id.clone(),
        })
        .await
        .unwrap();
    assert_eq!(
        client.send(&get).await.unwrap().record.status,
        Some(RecurringInvoiceStatus::Active)
    );

    let active = client
        .send(&ListRecurringInvoices {
            filter: RecurringInvoiceFilter {
                filter_by: Some("Status.Active".into()),
                ..Default::default()
            },
        })
        .await
        .unwrap();
    assert!(
        active
            .records
            .iter()
            .any(|r| r.recurring_invoice_id == id.clone())
    );

    client
        .send(&DeleteRecurringInvoice {
            recurring_invoice_id: id.clone(),
        })
        .await
        .unwrap();
    let err = client.send(&get).await.unwrap_err();
    assert!(err.is_not_found(), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retainer_invoice_is_sent_voided_and_drafted_on_the_fake_server() {
    let (_server, client) = mock().await;
    let customer = contact(&client, "Retained customer").await;
    let created = client
        .send(&CreateRetainerInvoice {
            retainer_invoice: advance(customer),
            options: Default::default(),
        })
        .await
        .unwrap()
        .record;
    let id = created.retainerinvoice_id.clone();
    assert_eq!(created.status, Some(RetainerInvoiceStatus::Draft));
    assert_eq!(created.total, Some(500.into()));

    let status = |client: Client, id: RetainerInvoiceId| async move {
        client
            .send(&GetRetainerInvoice {
                retainerinvoice_id: id,
            })
            .await
            .unwrap()
            .record
            .status
    };

    client
        .send(&MarkRetainerInvoiceSent {
            retainerinvoice_id: id.clone(),
        })
        .await
        .unwrap();
    assert_eq!(
        status(client.clone(), id.clone()).await,
        Some(RetainerInvoiceStatus::Sent)
    );

    client
        .send(&VoidRetainerInvoice {
            retainerinvoice_id: id.clone(),
        })
        .await
        .unwrap();
    assert_eq!(
        status(client.clone(), id.clone()).await,
        Some(RetainerInvoiceStatus::Void)
    );

    client
        .send(&MarkRetainerInvoiceDraft {
            retainerinvoice_id: id.clone(),
        })
        .await
        .unwrap();
    assert_eq!(
        status(client.clone(), id.clone()).await,
        Some(RetainerInvoiceStatus::Draft)
    );

    // An attachment goes up, comes back as sent, and is removed.
    client
        .send(&AddRetainerInvoiceAttachment {
            retainerinvoice_id: id.clone(),
            options: AddRetainerInvoiceAttachmentOptions {
                can_send_in_mail: Some(true),
            },
            attachment: AddRetainerInvoiceAttachment::attachment(
                "scope.pdf",
                "application/pdf",
                &b"%PDF-1.4 the scope of work"[..],
            ),
        })
        .await
        .unwrap();
    let file = client
        .send(&GetRetainerInvoiceAttachment {
            retainerinvoice_id: id.clone(),
        })
        .await
        .unwrap();
    assert_eq!(&file.bytes[..], b"%PDF-1.4 the scope of work");
    assert_eq!(file.file_name.as_deref(), Some("scope.pdf"));
    let documents = client
        .send(&GetRetainerInvoice {
            retainerinvoice_id: id.clone(),
        })
        .await
        .unwrap()
        .record
        .documents
        .unwrap_or_default();
    assert_eq!(documents.len(), 1);
    client
        .send(&DeleteRetainerInvoiceAttachment {
            retainerinvoice_id: id.clone(),
            document_id: documents[0].document_id.clone().expect("an id"),
        })
        .await
        .unwrap();
    assert!(
        client
            .send(&GetRetainerInvoiceAttachment {
                retainerinvoice_id: id.clone(),
            })
            .await
            .is_err()
    );

    client
        .send(&DeleteRetainerInvoice {
            retainerinvoice_id: id.clone(),
        })
        .await
        .unwrap();
    let listed = client
        .send(&ListRetainerInvoices {
            filter: Default::default(),
        })
        .await
        .unwrap();
    assert!(
        listed
            .records
            .iter()
            .all(|r| r.retainerinvoice_id != id.clone())
    );
}
