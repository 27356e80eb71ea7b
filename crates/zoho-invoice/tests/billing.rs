//! Recurring invoices, retainer invoices and credit notes: every operation's request and the
//! decoding of the reference's example answer, then workflows against the fake server.

#![cfg(all(
    feature = "recurring-invoices",
    feature = "retainer-invoices",
    feature = "credit-notes"
))]

mod support;

use futures_util::TryStreamExt;
use http::Method;
use serde_json::{Value, json};
use support::{Recorder, Sent, fixture_json, mock};
use zoho_invoice::credit_notes::*;
use zoho_invoice::models::Decimal;
use zoho_invoice::models::common::{Address, EmailRequest, RecurrenceFrequency};
use zoho_invoice::models::credit_notes::{
    CreditInvoicesInput, CreditNoteCommentInput, CreditNoteInput, CreditNoteLineItemInput,
    CreditNoteRefundInput, CreditNoteStatus, CreditedInvoiceInput,
};
use zoho_invoice::models::ids::{
    CommentId, ContactId, CreditApplicationId, CreditNoteId, DocumentId, InvoiceId, PaymentId,
    RecurringInvoiceId, RefundId, RetainerInvoiceId, TemplateId,
};
use zoho_invoice::models::recurring_invoices::{
    RecurringInvoiceInput, RecurringInvoiceLineItemInput, RecurringInvoiceStatus,
};
use zoho_invoice::models::retainer_invoices::{
    RetainerInvoiceCommentInput, RetainerInvoiceInput, RetainerInvoiceLineItemInput,
    RetainerInvoiceStatus,
};
use zoho_invoice::query::{DocumentFormat, DownloadOptions, Paging, SortOrder, TextFilter};
use zoho_invoice::recurring_invoices::*;
use zoho_invoice::retainer_invoices::*;
use zoho_invoice::{Client, Endpoint};

// ---------------------------------------------------------------------------------------
// Helpers.

/// Sends `op` to a recorder answering the reference's example `fixture`: the request sent,
/// and the answer decoded.
async fn run<E: Endpoint>(fixture: &str, op: &E) -> (Sent, E::Output) {
    let r = Recorder::answering_fixture(fixture);
    let out = r.client().send(op).await.unwrap();
    (r.only(), out)
}

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// Asserts the method, path and query of a request.
fn assert_call(sent: &Sent, method: &str, path: &str, query: &[(&str, &str)]) {
    assert_eq!(
        (sent.method.as_str(), sent.path.as_str()),
        (method, path),
        "{sent:?}"
    );
    assert_eq!(sent.query, pairs(query), "query of {method} {path}");
}

/// Asserts a request with no body.
fn assert_no_body(sent: &Sent) {
    assert!(sent.body.is_empty(), "unexpected body {:?}", sent.body);
    assert_eq!(sent.content_type, None);
}

/// Asserts a JSON body.
fn assert_json(sent: &Sent, body: Value) {
    assert_eq!(sent.content_type.as_deref(), Some("application/json"));
    assert_eq!(sent.json(), body);
}

/// The message of the reference's example answer.
fn message_of(fixture: &str) -> String {
    fixture_json(fixture)["message"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// An operation without query nor body whose answer is a bare reply.
async fn reply_case<E>(fixture: &str, op: &E, method: &str, path: &str)
where
    E: Endpoint<Output = zoho_invoice::models::envelope::Reply>,
{
    let (sent, reply) = run(fixture, op).await;
    assert_call(&sent, method, path, &[]);
    assert_no_body(&sent);
    assert!(reply.is_success());
    assert_eq!(reply.message, message_of(fixture));
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn recurring_id() -> RecurringInvoiceId {
    "90300000072369".parse().unwrap()
}

fn retainer_id() -> RetainerInvoiceId {
    "982000000567114".parse().unwrap()
}

fn credit_note_id() -> CreditNoteId {
    "90300000072369".parse().unwrap()
}

fn template_id() -> TemplateId {
    "90300043563547".parse().unwrap()
}

fn customer_id() -> ContactId {
    "903000000000099".parse().unwrap()
}

fn address() -> Address {
    Address {
        address: Some("4900 Hopyard Rd".into()),
        city: Some("Pleasanton".into()),
        zip: Some("94588".into()),
        ..Default::default()
    }
}

fn address_json() -> Value {
    json!({"address": "4900 Hopyard Rd", "city": "Pleasanton", "zip": "94588"})
}

fn email() -> EmailRequest {
    EmailRequest {
        to_mail_ids: Some(vec!["will@bowman.example".into()]),
        subject: Some("Your statement".into()),
        body: Some("Please find it attached.".into()),
        ..Default::default()
    }
}

fn email_json() -> Value {
    json!({
        "to_mail_ids": ["will@bowman.example"],
        "subject": "Your statement",
        "body": "Please find it attached."
    })
}

// ---------------------------------------------------------------------------------------
// Recurring invoices.

fn hosting() -> RecurringInvoiceInput {
    RecurringInvoiceInput::new("Hosting", customer_id(), RecurrenceFrequency::Months)
        .repeat_every(1_u32)
        .line_items(vec![RecurringInvoiceLineItemInput {
            name: Some("Hosting".into()),
            rate: Some(dec("25.50")),
            quantity: Some(1.into()),
            ..Default::default()
        }])
}

fn hosting_json() -> Value {
    json!({
        "recurrence_name": "Hosting",
        "customer_id": "903000000000099",
        "recurrence_frequency": "months",
        "repeat_every": 1,
        "line_items": [{"name": "Hosting", "rate": 25.50, "quantity": 1}]
    })
}

#[tokio::test]
async fn create_a_recurring_invoice() {
    let op = CreateRecurringInvoice {
        recurring_invoice: hosting(),
    };
    let (sent, out) = run(
        "recurring_invoices/create_a_recurring_invoice.response.json",
        &op,
    )
    .await;
    assert_call(&sent, "POST", "/recurringinvoices", &[]);
    assert_json(&sent, hosting_json());
    assert_eq!(out.record.recurring_invoice_id, recurring_id());
    assert_eq!(
        out.record.recurrence_name.as_deref(),
        Some("MonthlyInvoice")
    );
}

#[tokio::test]
async fn the_reference_request_of_a_recurring_invoice_is_sent_as_given() {
    let example = fixture_json("recurring_invoices/create_a_recurring_invoice.request.json");
    let input: RecurringInvoiceInput = serde_json::from_value(example.clone()).unwrap();
    let (sent, _) = run(
        "recurring_invoices/create_a_recurring_invoice.response.json",
        &CreateRecurringInvoice {
            recurring_invoice: input,
        },
    )
    .await;
    let body = sent.json();
    assert_eq!(body["recurrence_frequency"], "weeks");
    assert_eq!(body["customer_id"], example["customer_id"]);
    assert_eq!(
        body["line_items"][0]["item_id"],
        example["line_items"][0]["item_id"]
    );
}

#[tokio::test]
async fn list_recurring_invoices_with_filters() {
    let op = ListRecurringInvoices {
        filter: RecurringInvoiceFilter {
            filter_by: Some("Status.Stopped".into()),
            search_text: Some("Hosting & more".into()),
            sort_column: Some("created_time".into()),
            sort_order: Some(SortOrder::Descending),
            paging: Paging {
                page: Some(2),
                per_page: Some(25),
            },
            ..Default::default()
        },
    };
    let (sent, page) = run(
        "recurring_invoices/list_recurring_invoice.response.json",
        &op,
    )
    .await;
    assert_call(
        &sent,
        "GET",
        "/recurringinvoices",
        &[
            ("filter_by", "Status.Stopped"),
            ("search_text", "Hosting & more"),
            ("sort_column", "created_time"),
            ("sort_order", "D"),
            ("page", "2"),
            ("per_page", "25"),
        ],
    );
    assert_no_body(&sent);
    assert_eq!(
        page.records[0].customer_name.as_deref(),
        Some("David Sujin")
    );
}

#[tokio::test]
async fn update_get_and_delete_a_recurring_invoice() {
    let (sent, out) = run(
        "recurring_invoices/update_recurring_invoice.response.json",
        &UpdateRecurringInvoice {
            recurring_invoice_id: recurring_id(),
            recurring_invoice: hosting(),
        },
    )
    .await;
    assert_call(&sent, "PUT", "/recurringinvoices/90300000072369", &[]);
    assert_json(&sent, hosting_json());
    assert_eq!(out.record.place_of_supply.as_deref(), Some("TN"));

    let (sent, out) = run(
        "recurring_invoices/get_a_recurring_invoice.response.json",
        &GetRecurringInvoice {
            recurring_invoice_id: recurring_id(),
        },
    )
    .await;
    assert_call(&sent, "GET", "/recurringinvoices/90300000072369", &[]);
    assert_no_body(&sent);
    assert_eq!(out.record.customer_id, Some(customer_id()));

    reply_case(
        "recurring_invoices/delete_a_recurring_invoice.response.json",
        &DeleteRecurringInvoice {
            recurring_invoice_id: recurring_id(),
        },
        "DELETE",
        "/recurringinvoices/90300000072369",
    )
    .await;
}

#[tokio::test]
async fn stop_resume_and_template_of_a_recurring_invoice() {
    reply_case(
        "recurring_invoices/stop_a_recurring_invoice.response.json",
        &StopRecurringInvoice {
            recurring_invoice_id: recurring_id(),
        },
        "POST",
        "/recurringinvoices/90300000072369/status/stop",
    )
    .await;
    reply_case(
        "recurring_invoices/resume_a_recurring_invoice.response.json",
        &ResumeRecurringInvoice {
            recurring_invoice_id: recurring_id(),
        },
        "POST",
        "/recurringinvoices/90300000072369/status/resume",
    )
    .await;
    reply_case(
        "recurring_invoices/update_recurring_invoice_template.response.json",
        &UpdateRecurringInvoiceTemplate {
            recurring_invoice_id: recurring_id(),
            template_id: template_id(),
        },
        "PUT",
        "/recurringinvoices/90300000072369/templates/90300043563547",
    )
    .await;
}

#[tokio::test]
async fn list_recurring_invoice_history() {
    let (sent, page) = run(
        "recurring_invoices/list_recurring_invoice_history.response.json",
        &ListRecurringInvoiceHistory {
            recurring_invoice_id: recurring_id(),
            filter: Default::default(),
        },
    )
    .await;
    assert_call(
        &sent,
        "GET",
        "/recurringinvoices/90300000072369/comments",
        &[],
    );
    assert_no_body(&sent);
    assert_eq!(
        page.records[0].comment_description.as_deref(),
        Some("Recurring Invoice created")
    );
}

// ---------------------------------------------------------------------------------------
// Retainer invoices.

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

fn advance_json() -> Value {
    json!({
        "customer_id": "903000000000099",
        "reference_number": "PO-7",
        "line_items": [{"description": "Advance for the design work", "rate": 500}]
    })
}

#[tokio::test]
async fn create_a_retainer_invoice() {
    let op = CreateRetainerInvoice {
        retainer_invoice: advance(customer_id()),
        options: CreateRetainerInvoiceOptions {
            ignore_auto_number_generation: Some(true),
        },
    };
    let (sent, out) = run(
        "retainer_invoices/create_a_retainer_invoice.response.json",
        &op,
    )
    .await;
    assert_call(
        &sent,
        "POST",
        "/retainerinvoices",
        &[("ignore_auto_number_generation", "true")],
    );
    assert_json(&sent, advance_json());
    let saved = out.retainerinvoices.unwrap();
    assert_eq!(saved.retainerinvoice_id, retainer_id());
    assert_eq!(saved.status, Some(RetainerInvoiceStatus::Draft));

    // Without options, no query at all.
    let (sent, _) = run(
        "retainer_invoices/create_a_retainer_invoice.response.json",
        &CreateRetainerInvoice {
            retainer_invoice: advance(customer_id()),
            options: Default::default(),
        },
    )
    .await;
    assert!(sent.query.is_empty());
}

#[tokio::test]
async fn list_retainer_invoices_with_filters() {
    let op = ListRetainerInvoices {
        filter: RetainerInvoiceFilter {
            print: Some(false),
            sort_column: Some("date".into()),
            filter_by: Some("Status.Draft".into()),
            sort_order: Some(SortOrder::Ascending),
            paging: Paging {
                page: Some(3),
                per_page: None,
            },
            ..Default::default()
        },
    };
    let (sent, page) = run(
        "retainer_invoices/list_retainer_invoices.response.json",
        &op,
    )
    .await;
    assert_call(
        &sent,
        "GET",
        "/retainerinvoices",
        &[
            ("print", "false"),
            ("sort_column", "date"),
            ("filter_by", "Status.Draft"),
            ("sort_order", "A"),
            ("page", "3"),
        ],
    );
    assert_no_body(&sent);
    assert_eq!(
        page.records[0].customer_name.as_deref(),
        Some("Bowman & Co")
    );
}

#[tokio::test]
async fn update_get_and_delete_a_retainer_invoice() {
    let (sent, out) = run(
        "retainer_invoices/update_a_retainer_invoice.response.json",
        &UpdateRetainerInvoice {
            retainerinvoice_id: retainer_id(),
            retainer_invoice: advance(customer_id()),
        },
    )
    .await;
    assert_call(&sent, "PUT", "/retainerinvoices/982000000567114", &[]);
    assert_json(&sent, advance_json());
    assert_eq!(
        out.retainerinvoices
            .unwrap()
            .retainerinvoice_number
            .as_deref(),
        Some("RET-00003")
    );

    let (sent, out) = run(
        "retainer_invoices/get_a_retainer_invoice.response.json",
        &GetRetainerInvoice {
            retainerinvoice_id: retainer_id(),
        },
    )
    .await;
    assert_call(&sent, "GET", "/retainerinvoices/982000000567114", &[]);
    assert_no_body(&sent);
    assert_eq!(out.record.place_of_supply.as_deref(), Some("TN"));

    reply_case(
        "retainer_invoices/delete_a_retainer_invoice.response.json",
        &DeleteRetainerInvoice {
            retainerinvoice_id: retainer_id(),
        },
        "DELETE",
        "/retainerinvoices/982000000567114",
    )
    .await;
}

#[tokio::test]
async fn status_changes_and_template_of_a_retainer_invoice() {
    reply_case(
        "retainer_invoices/mark_a_retainer_invoice_as_sent.response.json",
        &MarkRetainerInvoiceSent {
            retainerinvoice_id: retainer_id(),
        },
        "POST",
        "/retainerinvoices/982000000567114/status/sent",
    )
    .await;
    reply_case(
        "retainer_invoices/void_a_retainer_invoice.response.json",
        &VoidRetainerInvoice {
            retainerinvoice_id: retainer_id(),
        },
        "POST",
        "/retainerinvoices/982000000567114/status/void",
    )
    .await;
    reply_case(
        "retainer_invoices/mark_as_draft.response.json",
        &MarkRetainerInvoiceDraft {
            retainerinvoice_id: retainer_id(),
        },
        "POST",
        "/retainerinvoices/982000000567114/status/draft",
    )
    .await;
    reply_case(
        "retainer_invoices/update_retainer_invoice_template.response.json",
        &UpdateRetainerInvoiceTemplate {
            retainerinvoice_id: retainer_id(),
            template_id: template_id(),
        },
        "PUT",
        "/retainerinvoices/982000000567114/templates/90300043563547",
    )
    .await;
}

#[tokio::test]
async fn email_a_retainer_invoice() {
    let op = EmailRetainerInvoice {
        retainerinvoice_id: retainer_id(),
        options: EmailRetainerInvoiceOptions {
            send_customer_statement: Some(false),
            send_attachment: Some(true),
        },
        email: email(),
    };
    let (sent, reply) = run(
        "retainer_invoices/email_a_retainer_invoice.response.json",
        &op,
    )
    .await;
    assert_call(
        &sent,
        "POST",
        "/retainerinvoices/982000000567114/email",
        &[
            ("send_customer_statement", "false"),
            ("send_attachment", "true"),
        ],
    );
    assert_json(&sent, email_json());
    assert_eq!(reply.message, "Your retainer invoice has been sent.");

    // The default email is an empty object: the API sends its default content.
    let (sent, _) = run(
        "retainer_invoices/email_a_retainer_invoice.response.json",
        &EmailRetainerInvoice {
            retainerinvoice_id: retainer_id(),
            options: Default::default(),
            email: Default::default(),
        },
    )
    .await;
    assert!(sent.query.is_empty());
    assert_json(&sent, json!({}));

    let (sent, content) = run(
        "retainer_invoices/get_retainer_invoice_email_content.response.json",
        &GetRetainerInvoiceEmailContent {
            retainerinvoice_id: retainer_id(),
        },
    )
    .await;
    assert_call(&sent, "GET", "/retainerinvoices/982000000567114/email", &[]);
    assert_no_body(&sent);
    assert_eq!(content.gateways_configured, Some(true));
    assert!(content.subject.unwrap().contains("RET-00001"));
}

#[tokio::test]
async fn billing_address_and_templates_of_retainer_invoices() {
    let (sent, reply) = run(
        "retainer_invoices/update_billing_address.response.json",
        &UpdateRetainerInvoiceBillingAddress {
            retainerinvoice_id: retainer_id(),
            address: address(),
        },
    )
    .await;
    assert_call(
        &sent,
        "PUT",
        "/retainerinvoices/982000000567114/address/billing",
        &[],
    );
    assert_json(&sent, address_json());
    assert_eq!(reply.message, "Billing address updated");

    let (sent, page) = run(
        "retainer_invoices/list_retainer_invoice_templates.response.json",
        &ListRetainerInvoiceTemplates {
            filter: Default::default(),
        },
    )
    .await;
    assert_call(&sent, "GET", "/retainerinvoices/templates", &[]);
    assert_no_body(&sent);
    assert_eq!(
        page.records[0].template_name.as_deref(),
        Some("Service - Classic")
    );
}

#[tokio::test]
async fn retainer_payments() {
    let (sent, page) = run(
        "retainer_invoices/list_retainer_payments.response.json",
        &ListRetainerPayments {
            retainerinvoice_id: retainer_id(),
            filter: Default::default(),
        },
    )
    .await;
    assert_call(&sent, "GET", "/customerpayments/982000000567114", &[]);
    assert_no_body(&sent);
    let payment_id: PaymentId = "982000000567190".parse().unwrap();
    assert_eq!(page.records[0].payment_id, Some(payment_id.clone()));
    assert_eq!(page.records[0].retainerinvoice_id, Some(retainer_id()));

    reply_case(
        "retainer_invoices/delete_a_retainer_payment.response.json",
        &DeleteRetainerPayment { payment_id },
        "DELETE",
        "/customerpayments/982000000567190",
    )
    .await;
}

#[tokio::test]
async fn attachments_of_a_retainer_invoice() {
    let op = AddRetainerInvoiceAttachment {
        retainerinvoice_id: retainer_id(),
        options: AddRetainerInvoiceAttachmentOptions {
            can_send_in_mail: Some(true),
        },
        attachment: AddRetainerInvoiceAttachment::attachment(
            "scope.pdf",
            "application/pdf",
            &b"%PDF-1.4 scope"[..],
        ),
    };
    let (sent, reply) = run(
        "retainer_invoices/add_attachment_to_a_retainer_invoice.response.json",
        &op,
    )
    .await;
    assert_call(
        &sent,
        "POST",
        "/retainerinvoices/982000000567114/attachment",
        &[("can_send_in_mail", "true")],
    );
    let content_type = sent.content_type.clone().unwrap();
    assert!(
        content_type.starts_with("multipart/form-data; boundary="),
        "{content_type}"
    );
    let body = String::from_utf8_lossy(&sent.body);
    assert!(
        body.contains(r#"Content-Disposition: form-data; name="attachment"; filename="scope.pdf""#),
        "{body}"
    );
    assert!(body.contains("Content-Type: application/pdf"));
    assert!(body.contains("%PDF-1.4 scope"));
    assert_eq!(reply.message, "Your file has been attached.");

    let r = Recorder::answering_file(
        &[
            ("content-type", "application/pdf"),
            ("content-disposition", r#"attachment; filename="scope.pdf""#),
        ],
        &b"%PDF-1.4 scope"[..],
    );
    let file = r
        .client()
        .send(&GetRetainerInvoiceAttachment {
            retainerinvoice_id: retainer_id(),
        })
        .await
        .unwrap();
    let sent = r.only();
    assert_call(
        &sent,
        "GET",
        "/retainerinvoices/982000000567114/attachment",
        &[],
    );
    assert_no_body(&sent);
    assert_eq!(&file.bytes[..], b"%PDF-1.4 scope");
    assert_eq!(file.content_type.as_deref(), Some("application/pdf"));
    assert_eq!(file.file_name.as_deref(), Some("scope.pdf"));

    let document_id: DocumentId = "982000000567174".parse().unwrap();
    reply_case(
        "retainer_invoices/delete_an_attachment.response.json",
        &DeleteRetainerInvoiceAttachment {
            retainerinvoice_id: retainer_id(),
            document_id,
        },
        "DELETE",
        "/retainerinvoices/982000000567114/documents/982000000567174",
    )
    .await;
}

#[tokio::test]
async fn comments_of_a_retainer_invoice() {
    let comment_id: CommentId = "982000000567019".parse().unwrap();
    let (sent, page) = run(
        "retainer_invoices/list_retainer_invoice_comments_history.response.json",
        &ListRetainerInvoiceComments {
            retainerinvoice_id: retainer_id(),
            filter: Default::default(),
        },
    )
    .await;
    assert_call(
        &sent,
        "GET",
        "/retainerinvoices/982000000567114/comments",
        &[],
    );
    assert_no_body(&sent);
    assert_eq!(page.records[0].comment_id, Some(comment_id.clone()));

    let comment = RetainerInvoiceCommentInput {
        description: Some("Waiting for the purchase order".into()),
        show_comment_to_clients: Some(true),
        ..Default::default()
    };
    let comment_json = json!({
        "description": "Waiting for the purchase order",
        "show_comment_to_clients": true
    });
    let (sent, reply) = run(
        "retainer_invoices/add_comment.response.json",
        &AddRetainerInvoiceComment {
            retainerinvoice_id: retainer_id(),
            comment: comment.clone(),
        },
    )
    .await;
    assert_call(
        &sent,
        "POST",
        "/retainerinvoices/982000000567114/comments",
        &[],
    );
    assert_json(&sent, comment_json.clone());
    assert_eq!(reply.message, "Comments added.");

    let (sent, updated) = run(
        "retainer_invoices/update_comment.response.json",
        &UpdateRetainerInvoiceComment {
            retainerinvoice_id: retainer_id(),
            comment_id: comment_id.clone(),
            comment,
        },
    )
    .await;
    assert_call(
        &sent,
        "PUT",
        "/retainerinvoices/982000000567114/comments/982000000567019",
        &[],
    );
    assert_json(&sent, comment_json);
    assert_eq!(updated.comment_id, Some(comment_id.clone()));
    assert_eq!(updated.commented_by.as_deref(), Some("John David"));

    reply_case(
        "retainer_invoices/delete_a_comment.response.json",
        &DeleteRetainerInvoiceComment {
            retainerinvoice_id: retainer_id(),
            comment_id,
        },
        "DELETE",
        "/retainerinvoices/982000000567114/comments/982000000567019",
    )
    .await;
}

// ---------------------------------------------------------------------------------------
// Credit notes.

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

fn returned_json() -> Value {
    json!({
        "customer_id": "903000000000099",
        "date": "2024-03-01",
        "creditnote_number": "CN-29",
        "line_items": [{"name": "Returned licence", "rate": 100, "quantity": 1}]
    })
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

fn refund_id() -> RefundId {
    "982000000567158".parse().unwrap()
}

#[tokio::test]
async fn create_a_credit_note() {
    let op = CreateCreditNote {
        credit_note: returned(customer_id(), "100"),
        options: CreateCreditNoteOptions {
            invoice_id: Some("90300000079426".parse().unwrap()),
            ignore_auto_number_generation: Some(true),
        },
    };
    let (sent, out) = run("credit_notes/create_a_credit_note.response.json", &op).await;
    assert_call(
        &sent,
        "POST",
        "/creditnotes",
        &[
            ("invoice_id", "90300000079426"),
            ("ignore_auto_number_generation", "true"),
        ],
    );
    assert_json(&sent, returned_json());
    assert_eq!(out.record.creditnote_number.as_deref(), Some("CN-29"));
    assert_eq!(out.record.status, Some(CreditNoteStatus::Open));
}

#[tokio::test]
async fn list_credit_notes_with_every_filter() {
    let op = ListCreditNotes {
        filter: CreditNoteFilter {
            creditnote_number: Some("CN-29".into()),
            date: Some("2024-03-01".parse().unwrap()),
            status: Some(CreditNoteStatus::Open),
            total: Some(dec("100.00")),
            reference_number: Some("INV-384".into()),
            customer_name: Some("Bowman".into()),
            item_name: Some("Licence".into()),
            customer_id: Some(customer_id()),
            item_description: Some(TextFilter::Contains("returned".into())),
            item_id: Some("90300000081501".parse().unwrap()),
            filter_by: Some("Status.Open".into()),
            search_text: Some("CN".into()),
            sort_column: Some("balance".into()),
            sort_order: Some(SortOrder::Descending),
            last_modified_time: None,
            paging: Paging {
                page: Some(1),
                per_page: Some(10),
            },
        },
    };
    let (sent, page) = run("credit_notes/list_credit_notes.response.json", &op).await;
    assert_call(
        &sent,
        "GET",
        "/creditnotes",
        &[
            ("creditnote_number", "CN-29"),
            ("date", "2024-03-01"),
            ("status", "open"),
            ("total", "100.00"),
            ("reference_number", "INV-384"),
            ("customer_name", "Bowman"),
            ("item_name", "Licence"),
            ("customer_id", "903000000000099"),
            ("item_description_contains", "returned"),
            ("item_id", "90300000081501"),
            ("filter_by", "Status.Open"),
            ("search_text", "CN"),
            ("sort_column", "balance"),
            ("sort_order", "D"),
            ("page", "1"),
            ("per_page", "10"),
        ],
    );
    assert_no_body(&sent);
    assert_eq!(page.records[0].balance, Some(10.into()));
    assert_eq!(page.records[0].total, Some(450.into()));
}

#[tokio::test]
async fn update_get_download_and_delete_a_credit_note() {
    let (sent, out) = run(
        "credit_notes/update_a_credit_note.response.json",
        &UpdateCreditNote {
            creditnote_id: credit_note_id(),
            options: UpdateCreditNoteOptions {
                ignore_auto_number_generation: Some(true),
            },
            credit_note: returned(customer_id(), "100"),
        },
    )
    .await;
    assert_call(
        &sent,
        "PUT",
        "/creditnotes/90300000072369",
        &[("ignore_auto_number_generation", "true")],
    );
    assert_json(&sent, returned_json());
    assert_eq!(out.record.creditnote_id, credit_note_id());

    let (sent, out) = run(
        "credit_notes/get_a_credit_note.response.json",
        &GetCreditNote {
            creditnote_id: credit_note_id(),
        },
    )
    .await;
    assert_call(&sent, "GET", "/creditnotes/90300000072369", &[]);
    assert_no_body(&sent);
    assert_eq!(out.record.customer_id, Some(customer_id()));

    let r = Recorder::answering_file(
        &[
            ("content-type", "application/pdf"),
            ("content-disposition", r#"attachment; filename="CN-29.pdf""#),
        ],
        &b"%PDF-1.4 credit"[..],
    );
    let pdf = r
        .client()
        .send(&DownloadCreditNote {
            creditnote_id: credit_note_id(),
            options: DownloadOptions {
                format: DocumentFormat::Pdf,
                print: Some(true),
            },
        })
        .await
        .unwrap();
    let sent = r.only();
    assert_call(
        &sent,
        "GET",
        "/creditnotes/90300000072369",
        &[("accept", "pdf"), ("print", "true")],
    );
    assert_no_body(&sent);
    assert_eq!(pdf.file_name.as_deref(), Some("CN-29.pdf"));
    assert_eq!(&pdf.bytes[..], b"%PDF-1.4 credit");

    let r = Recorder::answering_file(&[("content-type", "text/html")], &b"<html></html>"[..]);
    let html = r
        .client()
        .send(&DownloadCreditNote {
            creditnote_id: credit_note_id(),
            options: DownloadOptions {
                format: DocumentFormat::Html,
                print: None,
            },
        })
        .await
        .unwrap();
    assert_eq!(r.only().query, pairs(&[("accept", "html")]));
    assert_eq!(html.content_type.as_deref(), Some("text/html"));

    reply_case(
        "credit_notes/delete_a_credit_note.response.json",
        &DeleteCreditNote {
            creditnote_id: credit_note_id(),
        },
        "DELETE",
        "/creditnotes/90300000072369",
    )
    .await;
}

#[tokio::test]
async fn email_a_credit_note_and_its_history() {
    let (sent, reply) = run(
        "credit_notes/email_a_credit_note.response.json",
        &EmailCreditNote {
            creditnote_id: credit_note_id(),
            options: EmailCreditNoteOptions {
                customer_id: Some(customer_id()),
            },
            email: email(),
        },
    )
    .await;
    assert_call(
        &sent,
        "POST",
        "/creditnotes/90300000072369/email",
        &[("customer_id", "903000000000099")],
    );
    assert_json(&sent, email_json());
    assert_eq!(reply.message, "Your creditnote has been sent.");

    let (sent, page) = run(
        "credit_notes/email_history.response.json",
        &ListCreditNoteEmailHistory {
            creditnote_id: credit_note_id(),
            filter: Default::default(),
        },
    )
    .await;
    assert_call(
        &sent,
        "GET",
        "/creditnotes/90300000072369/emailhistory",
        &[],
    );
    assert_no_body(&sent);
    assert_eq!(page.records[0].from.as_deref(), Some("gator@zillum.com"));
}

#[tokio::test]
async fn void_and_open_a_credit_note() {
    reply_case(
        "credit_notes/void_a_credit_note.response.json",
        &VoidCreditNote {
            creditnote_id: credit_note_id(),
        },
        "POST",
        "/creditnotes/90300000072369/void",
    )
    .await;
    reply_case(
        "credit_notes/open_a_voided_credit_note.response.json",
        &MarkCreditNoteOpen {
            creditnote_id: credit_note_id(),
        },
        "POST",
        "/creditnotes/90300000072369/converttoopen",
    )
    .await;
}

#[tokio::test]
async fn addresses_and_templates_of_credit_notes() {
    let (sent, reply) = run(
        "credit_notes/update_billing_address.response.json",
        &UpdateCreditNoteBillingAddress {
            creditnote_id: credit_note_id(),
            address: address(),
        },
    )
    .await;
    assert_call(
        &sent,
        "PUT",
        "/creditnotes/90300000072369/address/billing",
        &[],
    );
    assert_json(&sent, address_json());
    assert_eq!(reply.message, "Billing address updated");

    let (sent, reply) = run(
        "credit_notes/update_shipping_address.response.json",
        &UpdateCreditNoteShippingAddress {
            creditnote_id: credit_note_id(),
            address: address(),
        },
    )
    .await;
    assert_call(
        &sent,
        "PUT",
        "/creditnotes/90300000072369/address/shipping",
        &[],
    );
    assert_json(&sent, address_json());
    assert_eq!(reply.message, "Shipping address updated");

    let (sent, page) = run(
        "credit_notes/list_credit_note_templates.response.json",
        &ListCreditNoteTemplates {
            filter: Default::default(),
        },
    )
    .await;
    assert_call(&sent, "GET", "/creditnotes/templates", &[]);
    assert_no_body(&sent);
    assert_eq!(
        page.records[0].template_name.as_deref(),
        Some("Standard Template")
    );

    reply_case(
        "credit_notes/update_a_credit_note_template.response.json",
        &UpdateCreditNoteTemplate {
            creditnote_id: credit_note_id(),
            template_id: template_id(),
        },
        "PUT",
        "/creditnotes/90300000072369/templates/90300043563547",
    )
    .await;
}

#[tokio::test]
async fn credit_invoices_list_and_delete_the_credits() {
    let input = CreditInvoicesInput {
        invoices: Some(vec![CreditedInvoiceInput {
            invoice_id: Some("90300000079426".parse().unwrap()),
            amount_applied: Some(dec("41.82")),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let (sent, reply) = run(
        "credit_notes/credit_to_an_invoice.response.json",
        &CreditInvoices {
            creditnote_id: credit_note_id(),
            invoices: input,
        },
    )
    .await;
    assert_call(&sent, "POST", "/creditnotes/90300000072369/invoices", &[]);
    // The reference's own example body, exactly.
    assert_json(
        &sent,
        fixture_json("credit_notes/credit_to_an_invoice.request.json"),
    );
    assert_eq!(
        reply.message,
        "Credits have been applied to the invoice(s)."
    );

    let (sent, page) = run(
        "credit_notes/list_invoices_credited.response.json",
        &ListCreditedInvoices {
            creditnote_id: credit_note_id(),
            filter: Default::default(),
        },
    )
    .await;
    assert_call(&sent, "GET", "/creditnotes/90300000072369/invoices", &[]);
    assert_no_body(&sent);
    let credited = &page.records[0];
    assert_eq!(credited.credited_amount, Some(dec("12.02")));
    let application: CreditApplicationId = "982000000567172".parse().unwrap();
    assert_eq!(credited.creditnote_invoice_id, Some(application.clone()));

    reply_case(
        "credit_notes/delete_invoices_credited.response.json",
        &DeleteCreditedInvoice {
            creditnote_id: credit_note_id(),
            credit_application_id: application,
        },
        "DELETE",
        "/creditnotes/90300000072369/invoices/982000000567172",
    )
    .await;
}

#[tokio::test]
async fn comments_of_a_credit_note() {
    let (sent, reply) = run(
        "credit_notes/add_a_comment.response.json",
        &AddCreditNoteComment {
            creditnote_id: credit_note_id(),
            comment: CreditNoteCommentInput {
                description: Some("Credits applied to invoice INV-00004".into()),
                ..Default::default()
            },
        },
    )
    .await;
    assert_call(&sent, "POST", "/creditnotes/90300000072369/comments", &[]);
    assert_json(
        &sent,
        fixture_json("credit_notes/add_a_comment.request.json"),
    );
    assert_eq!(reply.message, "Comments added.");

    let (sent, page) = run(
        "credit_notes/list_credit_note_comments_history.response.json",
        &ListCreditNoteComments {
            creditnote_id: credit_note_id(),
            filter: Default::default(),
        },
    )
    .await;
    assert_call(&sent, "GET", "/creditnotes/90300000072369/comments", &[]);
    assert_no_body(&sent);
    assert_eq!(page.records[0].commented_by.as_deref(), Some("David Sujin"));

    reply_case(
        "credit_notes/delete_a_comment.response.json",
        &DeleteCreditNoteComment {
            creditnote_id: credit_note_id(),
            comment_id: "982000000570001".parse().unwrap(),
        },
        "DELETE",
        "/creditnotes/90300000072369/comments/982000000570001",
    )
    .await;
}

#[tokio::test]
async fn refunds_of_credit_notes() {
    let (sent, page) = run(
        "credit_notes/list_credit_note_refunds.response.json",
        &ListAllCreditNoteRefunds {
            filter: CreditNoteRefundFilter {
                customer_id: Some(customer_id()),
                sort_column: Some("amount_bcy".into()),
                ..Default::default()
            },
        },
    )
    .await;
    assert_call(
        &sent,
        "GET",
        "/creditnotes/refunds",
        &[
            ("customer_id", "903000000000099"),
            ("sort_column", "amount_bcy"),
        ],
    );
    assert_no_body(&sent);
    assert_eq!(page.records[0].creditnote_number.as_deref(), Some("CN-29"));

    let (sent, out) = run(
        "credit_notes/refund_credit_note.response.json",
        &RefundCreditNote {
            creditnote_id: credit_note_id(),
            refund: refund_input("450"),
        },
    )
    .await;
    assert_call(&sent, "POST", "/creditnotes/90300000072369/refunds", &[]);
    assert_json(
        &sent,
        json!({"date": "2024-03-02", "refund_mode": "cash", "amount": 450}),
    );
    assert_eq!(out.record.creditnote_refund_id, Some(refund_id()));
    assert_eq!(out.record.amount, Some(450.into()));

    let (sent, page) = run(
        "credit_notes/list_refunds_of_a_credit_note.response.json",
        &ListCreditNoteRefunds {
            creditnote_id: credit_note_id(),
            filter: Default::default(),
        },
    )
    .await;
    assert_call(&sent, "GET", "/creditnotes/90300000072369/refunds", &[]);
    assert_no_body(&sent);
    assert_eq!(page.records[0].creditnote_id, Some(credit_note_id()));

    let (sent, out) = run(
        "credit_notes/update_credit_note_refund.response.json",
        &UpdateCreditNoteRefund {
            creditnote_id: credit_note_id(),
            refund_id: refund_id(),
            refund: refund_input("12.5"),
        },
    )
    .await;
    assert_call(
        &sent,
        "PUT",
        "/creditnotes/90300000072369/refunds/982000000567158",
        &[],
    );
    assert_json(
        &sent,
        json!({"date": "2024-03-02", "refund_mode": "cash", "amount": 12.5}),
    );
    assert_eq!(out.record.refund_mode.as_deref(), Some("cash"));

    let (sent, out) = run(
        "credit_notes/get_credit_note_refund.response.json",
        &GetCreditNoteRefund {
            creditnote_id: credit_note_id(),
            refund_id: refund_id(),
        },
    )
    .await;
    assert_call(
        &sent,
        "GET",
        "/creditnotes/90300000072369/refunds/982000000567158",
        &[],
    );
    assert_no_body(&sent);
    assert_eq!(
        out.record.customer_name.as_deref(),
        Some("Bowman Furniture")
    );

    reply_case(
        "credit_notes/delete_credit_note_refund.response.json",
        &DeleteCreditNoteRefund {
            creditnote_id: credit_note_id(),
            refund_id: refund_id(),
        },
        "DELETE",
        "/creditnotes/90300000072369/refunds/982000000567158",
    )
    .await;
}

#[tokio::test]
async fn ids_that_could_change_the_path_are_encoded_or_refused() {
    let r = Recorder::answering_fixture("credit_notes/get_a_credit_note.response.json");
    let odd: CreditNoteId = serde_json::from_str(r#""../invoices/1?x=1#f""#).unwrap();
    r.client()
        .send(&GetCreditNote { creditnote_id: odd })
        .await
        .unwrap();
    assert_eq!(
        r.only().path,
        "/creditnotes/%2E%2E%2Finvoices%2F1%3Fx%3D1%23f"
    );
    assert!(r.only().query.is_empty());

    // The second id of a path is encoded too.
    let r = Recorder::answering_fixture("credit_notes/get_credit_note_refund.response.json");
    let odd: RefundId = serde_json::from_str(r#""1/../2""#).unwrap();
    r.client()
        .send(&GetCreditNoteRefund {
            creditnote_id: credit_note_id(),
            refund_id: odd,
        })
        .await
        .unwrap();
    assert_eq!(
        r.only().path,
        "/creditnotes/90300000072369/refunds/1%2F%2E%2E%2F2"
    );

    // Ids made in code are checked when made.
    assert!("".parse::<CreditNoteId>().is_err());
    assert!("1/2".parse::<RecurringInvoiceId>().is_err());
}

#[test]
fn downloads_share_the_row_of_get_a_credit_note() {
    assert_eq!(
        <DownloadCreditNote as Endpoint>::OPERATION,
        <GetCreditNote as Endpoint>::OPERATION
    );
    let ops = zoho_invoice::operations();
    let count = |resource: &str| ops.iter().filter(|o| o.resource == resource).count();
    assert_eq!(count("Recurring Invoices"), 9);
    assert_eq!(count("Retainer Invoices"), 22);
    assert_eq!(
        count("Credit Notes"),
        26,
        "25 rows, one of them twice: get and download"
    );
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
    let mut input = hosting();
    input.customer_id = customer;
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
        .retainerinvoices
        .expect("the retainer invoice");
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
