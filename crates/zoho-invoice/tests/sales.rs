//! Invoices, estimates and customer payments: every operation's request and the decoding of
//! the reference's example answer, the bulk limits, then workflows against the fake server.

#![cfg(all(
    feature = "invoices",
    feature = "estimates",
    feature = "customer-payments",
    feature = "items"
))]

mod support;

use std::collections::BTreeSet;

use futures_util::{StreamExt, TryStreamExt, stream};
use http::Method;
use serde_json::{Value, json};
use support::{Recorder, Sent, fixture_json, mock, mock_unthrottled};
use zoho_invoice::customer_payments::*;
use zoho_invoice::estimates::{self as est, *};
use zoho_invoice::invoices::{self as inv, *};
use zoho_invoice::items::CreateItem;
use zoho_invoice::models::common::{Address, EmailRequest};
use zoho_invoice::models::customer_payments::{
    PaymentInput, PaymentInvoiceInput, PaymentMode, PaymentRefundInput,
};
use zoho_invoice::models::estimates::{CommentInput, EstimateInput, EstimateStatus};
use zoho_invoice::models::ids::{
    CommentId, ContactId, CreditApplicationId, EstimateId, ExpenseId, InvoiceId, InvoicePaymentId,
    ItemId, PaymentId, RefundId, TemplateId,
};
use zoho_invoice::models::invoices::{
    ApplyCreditsInput, AttachmentPreference, BulkEmailInput, InvoiceCommentInput, InvoiceFilterBy,
    InvoiceInput, InvoiceLineItemInput, InvoiceSortColumn, InvoiceStatus,
};
use zoho_invoice::models::items::ItemInput;
use zoho_invoice::models::{Decimal, NaiveDate};
use zoho_invoice::query::{
    AmountFilter, BulkIds, DateFilter, DocumentFormat, DownloadOptions, Paging, SortOrder,
    TextFilter,
};
use zoho_invoice::{Client, Endpoint, ErrorKind};

// ---------------------------------------------------------------------------------------
// Helpers.

fn invoice_id() -> InvoiceId {
    "982000000567114".parse().unwrap()
}

fn estimate_id() -> EstimateId {
    "982000000567011".parse().unwrap()
}

fn payment_id() -> PaymentId {
    "9030000079467".parse().unwrap()
}

fn refund_id() -> RefundId {
    "3000000003017".parse().unwrap()
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn pairs(query: &[(&str, &str)]) -> Vec<(String, String)> {
    query
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// Sends `op` to a recorder answering the reference's example `fixture`.
async fn call<E: Endpoint>(fixture: &str, op: &E) -> (Sent, E::Output) {
    let r = Recorder::answering_fixture(fixture);
    let out = r.client().send(op).await.unwrap();
    (r.only(), out)
}

/// Checks the method, path and query of a request sent without a body.
fn bare(sent: &Sent, method: &str, path: &str, query: &[(&str, &str)]) {
    assert_eq!(
        (sent.method.as_str(), sent.path.as_str()),
        (method, path),
        "{sent:?}"
    );
    assert_eq!(sent.query, pairs(query));
    assert!(sent.body.is_empty(), "no body expected: {sent:?}");
    assert_eq!(sent.content_type, None);
}

/// Checks the method, path, query and JSON body of a request.
fn with_json(sent: &Sent, method: &str, path: &str, query: &[(&str, &str)], body: &Value) {
    assert_eq!(
        (sent.method.as_str(), sent.path.as_str()),
        (method, path),
        "{sent:?}"
    );
    assert_eq!(sent.query, pairs(query));
    assert_eq!(sent.content_type.as_deref(), Some("application/json"));
    assert_eq!(&sent.json(), body);
}

/// The reference's example request as its model encodes it: the JSON a request built from
/// the example sends (blank placeholder ids such as `" "` are dropped, numbers kept whole).
fn reencoded<T: serde::de::DeserializeOwned + serde::Serialize>(name: &str) -> Value {
    serde_json::to_value(example::<T>(name)).unwrap()
}

/// The reference's example request, decoded into its model.
fn example<T: serde::de::DeserializeOwned>(name: &str) -> T {
    serde_json::from_value(fixture_json(name)).unwrap()
}

fn pdf_recorder(name: &str) -> Recorder {
    Recorder::answering_file(
        &[
            ("content-type", "application/pdf"),
            (
                "content-disposition",
                &format!("attachment; filename=\"{name}\""),
            ),
        ],
        &b"%PDF-1.4\n%test\n"[..],
    )
}

// ---------------------------------------------------------------------------------------
// Invoices: every operation.

#[tokio::test]
async fn create_an_invoice() {
    let input: InvoiceInput = example("invoices/create_an_invoice.request.json");
    let (sent, out) = call(
        "invoices/create_an_invoice.response.json",
        &CreateInvoice {
            invoice: input,
            options: CreateInvoiceOptions {
                send: Some(true),
                ignore_auto_number_generation: Some(false),
            },
        },
    )
    .await;
    with_json(
        &sent,
        "POST",
        "/invoices",
        &[("send", "true"), ("ignore_auto_number_generation", "false")],
        &reencoded::<InvoiceInput>("invoices/create_an_invoice.request.json"),
    );
    let example = fixture_json("invoices/create_an_invoice.request.json");
    let body = sent.json();
    for key in [
        "customer_id",
        "date",
        "payment_terms",
        "custom_fields",
        "notes",
    ] {
        assert_eq!(body[key], example[key], "{key}");
    }
    for key in ["item_id", "rate", "quantity", "tax_id"] {
        assert_eq!(
            body["line_items"][0][key], example["line_items"][0][key],
            "{key}"
        );
    }
    // Blank placeholder ids of the example are not sent.
    assert_eq!(example["invoiced_estimate_id"], " ");
    assert!(body.get("invoiced_estimate_id").is_none());
    assert_eq!(out.record.invoice_id, invoice_id());
    assert_eq!(out.record.invoice_number.as_deref(), Some("INV-00003"));
}

#[tokio::test]
async fn list_invoices_with_every_kind_of_filter() {
    let filter = InvoiceListFilter {
        invoice_number: Some(TextFilter::StartsWith("INV-".into())),
        item_name: Some(TextFilter::Contains("Drive".into())),
        item_id: Some("982000000030049".parse::<ItemId>().unwrap()),
        customer_name: Some(TextFilter::Is("Bowman & Co".into())),
        total: Some(AmountFilter::GreaterThan(Decimal::new(1050, 2))),
        balance: Some(AmountFilter::LessEquals(100.into())),
        date: Some(DateFilter::Between(date("2013-11-01"), date("2013-11-30"))),
        due_date: Some(DateFilter::Before(date("2013-12-31"))),
        status: Some(InvoiceStatus::PartiallyPaid),
        customer_id: Some("982000000567001".parse::<ContactId>().unwrap()),
        filter_by: Some(InvoiceFilterBy::Overdue),
        search_text: Some("a&b".into()),
        sort_column: Some(InvoiceSortColumn::DueDate),
        sort_order: Some(SortOrder::Descending),
        paging: Paging {
            page: Some(3),
            per_page: Some(25),
        },
        ..Default::default()
    };
    let (sent, page) = call(
        "invoices/list_invoices.response.json",
        &ListInvoices { filter },
    )
    .await;
    bare(
        &sent,
        "GET",
        "/invoices",
        &[
            ("invoice_number_startswith", "INV-"),
            ("item_name_contains", "Drive"),
            ("item_id", "982000000030049"),
            ("customer_name", "Bowman & Co"),
            ("total_greater_than", "10.50"),
            ("balance_less_equals", "100"),
            ("date_start", "2013-11-01"),
            ("date_end", "2013-11-30"),
            ("due_date_before", "2013-12-31"),
            ("status", "partially_paid"),
            ("customer_id", "982000000567001"),
            ("filter_by", "Status.OverDue"),
            ("search_text", "a&b"),
            ("sort_column", "due_date"),
            ("sort_order", "D"),
            ("page", "3"),
            ("per_page", "25"),
        ],
    );
    assert_eq!(
        page.records[0].customer_name.as_deref(),
        Some("Bowman & Co")
    );
    assert_eq!(page.records[0].status, Some(InvoiceStatus::Draft));
}

#[tokio::test]
async fn update_get_and_delete_an_invoice() {
    let input: InvoiceInput = example("invoices/update_an_invoice.request.json");
    let (sent, out) = call(
        "invoices/update_an_invoice.response.json",
        &UpdateInvoice {
            invoice_id: invoice_id(),
            invoice: input,
            options: UpdateInvoiceOptions {
                ignore_auto_number_generation: Some(true),
            },
        },
    )
    .await;
    with_json(
        &sent,
        "PUT",
        "/invoices/982000000567114",
        &[("ignore_auto_number_generation", "true")],
        &reencoded::<InvoiceInput>("invoices/update_an_invoice.request.json"),
    );
    assert_eq!(out.message, "Invoice information has been updated.");
    assert_eq!(out.record.invoice_id, invoice_id());

    let (sent, out) = call(
        "invoices/get_an_invoice.response.json",
        &GetInvoice {
            invoice_id: invoice_id(),
        },
    )
    .await;
    bare(&sent, "GET", "/invoices/982000000567114", &[]);
    assert_eq!(out.record.status, Some(InvoiceStatus::Draft));
    assert_eq!(out.record.date, Some(date("2013-11-17")));

    let (sent, out) = call(
        "invoices/delete_an_invoice.response.json",
        &DeleteInvoice {
            invoice_id: invoice_id(),
        },
    )
    .await;
    bare(&sent, "DELETE", "/invoices/982000000567114", &[]);
    assert_eq!(out.message, "The invoice has been deleted.");
}

#[tokio::test]
async fn download_an_invoice_as_pdf_or_html() {
    let r = pdf_recorder("INV-00003.pdf");
    let file = r
        .client()
        .send(&DownloadInvoice {
            invoice_id: invoice_id(),
            options: DownloadOptions {
                format: DocumentFormat::Pdf,
                print: Some(true),
            },
        })
        .await
        .unwrap();
    bare(
        &r.only(),
        "GET",
        "/invoices/982000000567114",
        &[("accept", "pdf"), ("print", "true")],
    );
    assert!(file.bytes.starts_with(b"%PDF-"));
    assert_eq!(file.content_type.as_deref(), Some("application/pdf"));
    assert_eq!(file.file_name.as_deref(), Some("INV-00003.pdf"));

    let r = Recorder::answering_file(
        &[("content-type", "text/html;charset=UTF-8")],
        "<html></html>",
    );
    let page = r
        .client()
        .send(&DownloadInvoice {
            invoice_id: invoice_id(),
            options: DocumentFormat::Html.into(),
        })
        .await
        .unwrap();
    bare(
        &r.only(),
        "GET",
        "/invoices/982000000567114",
        &[("accept", "html")],
    );
    assert_eq!(&page.bytes[..], b"<html></html>");
    assert_eq!(page.file_name, None);
}

#[tokio::test]
async fn invoice_status_changes() {
    let cases: Vec<(&str, &str, &str)> = vec![
        (
            "invoices/mark_an_invoice_as_sent.response.json",
            "/invoices/982000000567114/status/sent",
            "Invoice status has been changed to Sent.",
        ),
        (
            "invoices/void_an_invoice.response.json",
            "/invoices/982000000567114/status/void",
            "Invoice status has been changed to Void.",
        ),
        (
            "invoices/mark_as_draft.response.json",
            "/invoices/982000000567114/status/draft",
            "Status of invoice changed from void to draft",
        ),
        (
            "invoices/disable_payment_reminder.response.json",
            "/invoices/982000000567114/paymentreminder/disable",
            "Reminders stopped.",
        ),
        (
            "invoices/enable_payment_reminder.response.json",
            "/invoices/982000000567114/paymentreminder/enable",
            "Reminders enabled.",
        ),
        (
            "invoices/write_off_invoice.response.json",
            "/invoices/982000000567114/writeoff",
            "Invoice has been written off",
        ),
        (
            "invoices/cancel_write_off.response.json",
            "/invoices/982000000567114/writeoff/cancel",
            "The write off done for this invoice has been cancelled.",
        ),
    ];
    for (i, (fixture, path, message)) in cases.into_iter().enumerate() {
        let id = invoice_id();
        let (sent, reply) = match i {
            0 => call(fixture, &MarkInvoiceSent { invoice_id: id }).await,
            1 => call(fixture, &VoidInvoice { invoice_id: id }).await,
            2 => call(fixture, &MarkInvoiceDraft { invoice_id: id }).await,
            3 => call(fixture, &DisableInvoiceReminder { invoice_id: id }).await,
            4 => call(fixture, &EnableInvoiceReminder { invoice_id: id }).await,
            5 => call(fixture, &WriteOffInvoice { invoice_id: id }).await,
            _ => call(fixture, &CancelInvoiceWriteOff { invoice_id: id }).await,
        };
        bare(&sent, "POST", path, &[]);
        assert!(reply.is_success());
        assert_eq!(reply.message, message);
    }
}

#[tokio::test]
async fn email_an_invoice_and_its_content() {
    let email: EmailRequest = example("invoices/email_an_invoice.request.json");
    let (sent, reply) = call(
        "invoices/email_an_invoice.response.json",
        &EmailInvoice {
            invoice_id: invoice_id(),
            email,
            options: EmailInvoiceOptions {
                send_customer_statement: Some(false),
                send_attachment: Some(true),
            },
        },
    )
    .await;
    with_json(
        &sent,
        "POST",
        "/invoices/982000000567114/email",
        &[
            ("send_customer_statement", "false"),
            ("send_attachment", "true"),
        ],
        &reencoded::<EmailRequest>("invoices/email_an_invoice.request.json"),
    );
    assert_eq!(reply.message, "Your invoice has been sent.");

    let (sent, content) = call(
        "invoices/get_invoice_email_content.response.json",
        &GetInvoiceEmailContent {
            invoice_id: invoice_id(),
            options: inv::GetInvoiceEmailContentOptions {
                email_template_id: Some("982000000000067".parse::<TemplateId>().unwrap()),
            },
        },
    )
    .await;
    bare(
        &sent,
        "GET",
        "/invoices/982000000567114/email",
        &[("email_template_id", "982000000000067")],
    );
    assert!(
        content
            .record
            .body
            .as_deref()
            .unwrap()
            .contains("INV-00001")
    );
}

#[tokio::test]
async fn email_invoices_in_bulk() {
    let contacts: BulkEmailInput = example("invoices/email_invoices.request.json");
    let ids: BulkIds<_, { inv::MAX_BULK_EMAIL }> =
        [invoice_id(), "982000000567115".parse().unwrap()]
            .into_iter()
            .collect();
    let (sent, reply) = call(
        "invoices/email_invoices.response.json",
        &EmailInvoices {
            invoice_ids: ids,
            contacts,
        },
    )
    .await;
    with_json(
        &sent,
        "POST",
        "/invoices/email",
        &[("invoice_ids", "982000000567114,982000000567115")],
        &reencoded::<BulkEmailInput>("invoices/email_invoices.request.json"),
    );
    assert!(reply.message.starts_with("Mission accomplished"));
}

#[tokio::test]
async fn payment_reminders() {
    let email: EmailRequest = example("invoices/remind_customer.request.json");
    let (sent, reply) = call(
        "invoices/remind_customer.response.json",
        &RemindInvoiceCustomer {
            invoice_id: invoice_id(),
            email,
            options: RemindInvoiceCustomerOptions {
                send_customer_statement: Some(true),
            },
        },
    )
    .await;
    with_json(
        &sent,
        "POST",
        "/invoices/982000000567114/paymentreminder",
        &[("send_customer_statement", "true")],
        &reencoded::<EmailRequest>("invoices/remind_customer.request.json"),
    );
    assert_eq!(reply.message, "Your payment reminder has been sent.");

    let (sent, content) = call(
        "invoices/get_payment_reminder_mail_content.response.json",
        &GetInvoiceReminderContent {
            invoice_id: invoice_id(),
        },
    )
    .await;
    bare(
        &sent,
        "GET",
        "/invoices/982000000567114/paymentreminder",
        &[],
    );
    assert!(content.record.body.as_deref().unwrap().contains("overdue"));

    let ids = BulkIds::new([invoice_id()]);
    let (sent, reply) = call(
        "invoices/bulk_invoice_reminder.response.json",
        &BulkRemindInvoices { invoice_ids: ids },
    )
    .await;
    bare(
        &sent,
        "POST",
        "/invoices/paymentreminder",
        &[("invoice_ids", "982000000567114")],
    );
    let info = reply.info.unwrap();
    assert_eq!(info.email_success_info.unwrap().sent_count, Some(2));
}

#[tokio::test]
async fn bulk_export_and_print_invoices() {
    let ids = || -> Vec<InvoiceId> { vec![invoice_id(), "982000000567115".parse().unwrap()] };
    let r = pdf_recorder("invoices.pdf");
    let file = r
        .client()
        .send(&BulkExportInvoices {
            invoice_ids: BulkIds::new(ids()),
        })
        .await
        .unwrap();
    bare(
        &r.only(),
        "GET",
        "/invoices/pdf",
        &[("invoice_ids", "982000000567114,982000000567115")],
    );
    assert_eq!(file.file_name.as_deref(), Some("invoices.pdf"));

    let r = pdf_recorder("invoices.pdf");
    let file = r
        .client()
        .send(&BulkPrintInvoices {
            invoice_ids: BulkIds::new(ids()),
        })
        .await
        .unwrap();
    bare(
        &r.only(),
        "GET",
        "/invoices/print",
        &[("invoice_ids", "982000000567114,982000000567115")],
    );
    assert!(file.bytes.starts_with(b"%PDF-"));

    // The reference's example answers (JSON) are also taken as files.
    let (_, file) = call(
        "invoices/bulk_export_invoices.response.json",
        &BulkExportInvoices {
            invoice_ids: BulkIds::new(ids()),
        },
    )
    .await;
    assert_eq!(file.content_type.as_deref(), Some("application/json"));
    let (_, file) = call(
        "invoices/bulk_print_invoices.response.json",
        &BulkPrintInvoices {
            invoice_ids: BulkIds::new(ids()),
        },
    )
    .await;
    assert!(!file.bytes.is_empty());
}

#[tokio::test]
async fn invoice_addresses_and_templates() {
    let address: Address = example("invoices/update_billing_address.request.json");
    let (sent, reply) = call(
        "invoices/update_billing_address.response.json",
        &UpdateInvoiceBillingAddress {
            invoice_id: invoice_id(),
            address,
        },
    )
    .await;
    with_json(
        &sent,
        "PUT",
        "/invoices/982000000567114/address/billing",
        &[],
        &reencoded::<Address>("invoices/update_billing_address.request.json"),
    );
    assert_eq!(reply.message, "Billing address updated");

    let address: Address = example("invoices/update_shipping_address.request.json");
    let (sent, reply) = call(
        "invoices/update_shipping_address.response.json",
        &UpdateInvoiceShippingAddress {
            invoice_id: invoice_id(),
            address,
        },
    )
    .await;
    with_json(
        &sent,
        "PUT",
        "/invoices/982000000567114/address/shipping",
        &[],
        &reencoded::<Address>("invoices/update_shipping_address.request.json"),
    );
    assert_eq!(reply.message, "Shipping address updated");

    let (sent, templates) = call(
        "invoices/list_invoice_templates.response.json",
        &ListInvoiceTemplates {},
    )
    .await;
    bare(&sent, "GET", "/invoices/templates", &[]);
    assert_eq!(
        templates.records[0].template_name.as_deref(),
        Some("Service - Classic")
    );

    let (sent, reply) = call(
        "invoices/update_invoice_template.response.json",
        &UpdateInvoiceTemplate {
            invoice_id: invoice_id(),
            template_id: "982000000000143".parse().unwrap(),
        },
    )
    .await;
    bare(
        &sent,
        "PUT",
        "/invoices/982000000567114/templates/982000000000143",
        &[],
    );
    assert!(reply.is_success());
}

#[tokio::test]
async fn invoice_payments_and_credits() {
    let (sent, payments) = call(
        "invoices/list_invoice_payments.response.json",
        &ListInvoicePayments {
            invoice_id: invoice_id(),
        },
    )
    .await;
    bare(&sent, "GET", "/invoices/982000000567114/payments", &[]);
    assert_eq!(
        payments.records[0].invoice_payment_id,
        Some("982000000567192".parse().unwrap())
    );

    let (sent, credits) = call(
        "invoices/list_credits_applied.response.json",
        &ListInvoiceCreditsApplied {
            invoice_id: invoice_id(),
        },
    )
    .await;
    bare(
        &sent,
        "GET",
        "/invoices/982000000567114/creditsapplied",
        &[],
    );
    assert_eq!(
        credits.records[0].creditnotes_number.as_deref(),
        Some("CN-00001")
    );

    let credits: ApplyCreditsInput = example("invoices/apply_credits.request.json");
    let (sent, reply) = call(
        "invoices/apply_credits.response.json",
        &ApplyInvoiceCredits {
            invoice_id: invoice_id(),
            credits,
        },
    )
    .await;
    with_json(
        &sent,
        "POST",
        "/invoices/982000000567114/credits",
        &[],
        &reencoded::<ApplyCreditsInput>("invoices/apply_credits.request.json"),
    );
    assert!(reply.message.starts_with("Credits have been applied"));

    let (sent, reply) = call(
        "invoices/delete_a_payment.response.json",
        &DeleteInvoicePayment {
            invoice_id: invoice_id(),
            invoice_payment_id: "982000000567192".parse::<InvoicePaymentId>().unwrap(),
        },
    )
    .await;
    bare(
        &sent,
        "DELETE",
        "/invoices/982000000567114/payments/982000000567192",
        &[],
    );
    assert_eq!(reply.message, "The payment has been deleted.");

    let (sent, reply) = call(
        "invoices/delete_applied_credit.response.json",
        &DeleteInvoiceAppliedCredit {
            invoice_id: invoice_id(),
            credit_application_id: "982000000567172".parse::<CreditApplicationId>().unwrap(),
        },
    )
    .await;
    bare(
        &sent,
        "DELETE",
        "/invoices/982000000567114/creditsapplied/982000000567172",
        &[],
    );
    assert!(reply.is_success());
}

#[tokio::test]
async fn invoice_attachment() {
    let r = Recorder::answering_fixture("invoices/add_attachment_to_an_invoice.response.json");
    let reply = r
        .client()
        .send(&AddInvoiceAttachment {
            invoice_id: invoice_id(),
            preference: AttachmentPreference {
                can_send_in_mail: Some(true),
                ..Default::default()
            },
            attachment: AddInvoiceAttachment::file("receipt.png", "image/png", &b"\x89PNG"[..]),
        })
        .await
        .unwrap();
    let sent = r.only();
    assert_eq!(
        (sent.method.as_str(), sent.path.as_str()),
        ("POST", "/invoices/982000000567114/attachment")
    );
    assert_eq!(sent.query, pairs(&[("can_send_in_mail", "true")]));
    assert!(
        sent.content_type
            .as_deref()
            .unwrap()
            .starts_with("multipart/form-data; boundary=")
    );
    let body = String::from_utf8_lossy(&sent.body);
    assert!(
        body.contains(r#"name="attachment"; filename="receipt.png""#),
        "{body}"
    );
    assert!(body.contains("Content-Type: image/png"));
    assert!(reply.message.contains("successfully attached"));

    let (sent, reply) = call(
        "invoices/update_attachment_preference.response.json",
        &UpdateInvoiceAttachmentPreference {
            invoice_id: invoice_id(),
            preference: AttachmentPreference {
                can_send_in_mail: Some(false),
                ..Default::default()
            },
        },
    )
    .await;
    bare(
        &sent,
        "PUT",
        "/invoices/982000000567114/attachment",
        &[("can_send_in_mail", "false")],
    );
    assert!(reply.is_success());

    let r = Recorder::answering_file(
        &[
            ("content-type", "image/png"),
            (
                "content-disposition",
                "attachment; filename=\"receipt.png\"",
            ),
        ],
        &b"\x89PNG"[..],
    );
    let file = r
        .client()
        .send(&GetInvoiceAttachment {
            invoice_id: invoice_id(),
            options: GetInvoiceAttachmentOptions {
                preview: Some(true),
            },
        })
        .await
        .unwrap();
    bare(
        &r.only(),
        "GET",
        "/invoices/982000000567114/attachment",
        &[("preview", "true")],
    );
    assert_eq!(&file.bytes[..], b"\x89PNG");
    assert_eq!(file.file_name.as_deref(), Some("receipt.png"));
    let (_, file) = call(
        "invoices/get_an_invoice_attachment.response.json",
        &GetInvoiceAttachment {
            invoice_id: invoice_id(),
            options: Default::default(),
        },
    )
    .await;
    assert!(!file.bytes.is_empty());

    let (sent, reply) = call(
        "invoices/delete_an_attachment.response.json",
        &DeleteInvoiceAttachment {
            invoice_id: invoice_id(),
        },
    )
    .await;
    bare(&sent, "DELETE", "/invoices/982000000567114/attachment", &[]);
    assert!(reply.message.contains("no longer attached"));

    let (sent, reply) = call(
        "invoices/delete_the_expense_receipt.response.json",
        &DeleteInvoiceExpenseReceipt {
            expense_id: "982000000030051".parse::<ExpenseId>().unwrap(),
        },
    )
    .await;
    bare(
        &sent,
        "DELETE",
        "/invoices/expenses/982000000030051/receipt",
        &[],
    );
    assert!(reply.message.contains("expense receipt"));
}

#[tokio::test]
async fn invoice_comments() {
    let comment = InvoiceCommentInput {
        description: Some("Will pay next week".into()),
        payment_expected_date: Some(date("2013-11-25")),
        show_comment_to_clients: Some(true),
        ..Default::default()
    };
    let (sent, reply) = call(
        "invoices/add_comment.response.json",
        &AddInvoiceComment {
            invoice_id: invoice_id(),
            comment,
        },
    )
    .await;
    bare(
        &sent,
        "POST",
        "/invoices/982000000567114/comments",
        &[
            ("description", "Will pay next week"),
            ("payment_expected_date", "2013-11-25"),
            ("show_comment_to_clients", "true"),
        ],
    );
    assert_eq!(reply.message, "Comments added.");

    let (sent, comments) = call(
        "invoices/list_invoice_comments_history.response.json",
        &ListInvoiceComments {
            invoice_id: invoice_id(),
            filter: InvoiceCommentFilter {
                paging: Paging {
                    page: Some(1),
                    per_page: None,
                },
                ..Default::default()
            },
        },
    )
    .await;
    bare(
        &sent,
        "GET",
        "/invoices/982000000567114/comments",
        &[("page", "1")],
    );
    assert_eq!(
        comments.records[0].commented_by.as_deref(),
        Some("John David")
    );

    let comment_id: CommentId = "982000000567019".parse().unwrap();
    let (sent, updated) = call(
        "invoices/update_comment.response.json",
        &UpdateInvoiceComment {
            invoice_id: invoice_id(),
            comment_id: comment_id.clone(),
            comment: InvoiceCommentInput {
                description: Some("Paid by check".into()),
                ..Default::default()
            },
        },
    )
    .await;
    bare(
        &sent,
        "PUT",
        "/invoices/982000000567114/comments/982000000567019",
        &[("description", "Paid by check")],
    );
    assert_eq!(updated.comment_id, Some(comment_id.clone()));
    assert_eq!(updated.time.as_deref(), Some("2:02 AM"));

    let (sent, reply) = call(
        "invoices/delete_a_comment.response.json",
        &DeleteInvoiceComment {
            invoice_id: invoice_id(),
            comment_id,
        },
    )
    .await;
    bare(
        &sent,
        "DELETE",
        "/invoices/982000000567114/comments/982000000567019",
        &[],
    );
    assert!(reply.is_success());
}

// ---------------------------------------------------------------------------------------
// Estimates: every operation.

#[tokio::test]
async fn create_list_update_get_and_delete_estimates() {
    let input: EstimateInput = example("estimates/create_an_estimate.request.json");
    let (sent, out) = call(
        "estimates/create_an_estimate.response.json",
        &CreateEstimate {
            estimate: input,
            options: CreateEstimateOptions {
                send: Some(false),
                ignore_auto_number_generation: None,
            },
        },
    )
    .await;
    with_json(
        &sent,
        "POST",
        "/estimates",
        &[("send", "false")],
        &reencoded::<EstimateInput>("estimates/create_an_estimate.request.json"),
    );
    assert_eq!(out.record.estimate_id, estimate_id());

    let filter = EstimateFilter {
        estimate_number: Some(TextFilter::Contains("EST".into())),
        total: Some(AmountFilter::LessThan(1000.into())),
        expiry_date: Some(DateFilter::After(date("2013-11-01"))),
        status: Some(EstimateStatus::Sent),
        filter_by: Some("Status.Sent".into()),
        sort_column: Some("total".into()),
        sort_order: Some(SortOrder::Ascending),
        ..Default::default()
    };
    let (sent, page) = call(
        "estimates/list_estimates.response.json",
        &ListEstimates { filter },
    )
    .await;
    bare(
        &sent,
        "GET",
        "/estimates",
        &[
            ("estimate_number_contains", "EST"),
            ("total_less_than", "1000"),
            ("expiry_date_after", "2013-11-01"),
            ("status", "sent"),
            ("filter_by", "Status.Sent"),
            ("sort_column", "total"),
            ("sort_order", "A"),
        ],
    );
    assert_eq!(
        page.records[0].estimate_number.as_deref(),
        Some("EST-00002")
    );

    let input: EstimateInput = example("estimates/update_an_estimate.request.json");
    let (sent, out) = call(
        "estimates/update_an_estimate.response.json",
        &UpdateEstimate {
            estimate_id: estimate_id(),
            estimate: input,
            options: UpdateEstimateOptions {
                ignore_auto_number_generation: Some(true),
            },
        },
    )
    .await;
    with_json(
        &sent,
        "PUT",
        "/estimates/982000000567011",
        &[("ignore_auto_number_generation", "true")],
        &reencoded::<EstimateInput>("estimates/update_an_estimate.request.json"),
    );
    assert_eq!(out.message, "Estimate information has been updated.");

    let (sent, out) = call(
        "estimates/get_an_estimate.response.json",
        &GetEstimate {
            estimate_id: estimate_id(),
        },
    )
    .await;
    bare(&sent, "GET", "/estimates/982000000567011", &[]);
    assert_eq!(out.record.reference_number.as_deref(), Some("QRT-12346"));

    let (sent, reply) = call(
        "estimates/delete_an_estimate.response.json",
        &DeleteEstimate {
            estimate_id: estimate_id(),
        },
    )
    .await;
    bare(&sent, "DELETE", "/estimates/982000000567011", &[]);
    assert_eq!(reply.message, "The estimate has been deleted.");
}

#[tokio::test]
async fn download_an_estimate() {
    let r = pdf_recorder("EST-00002.pdf");
    let file = r
        .client()
        .send(&DownloadEstimate {
            estimate_id: estimate_id(),
            options: DownloadOptions::default(),
        })
        .await
        .unwrap();
    bare(
        &r.only(),
        "GET",
        "/estimates/982000000567011",
        &[("accept", "pdf")],
    );
    assert_eq!(file.file_name.as_deref(), Some("EST-00002.pdf"));

    let r = Recorder::answering_file(&[("content-type", "text/html")], "<html></html>");
    r.client()
        .send(&DownloadEstimate {
            estimate_id: estimate_id(),
            options: DownloadOptions {
                format: DocumentFormat::Html,
                print: Some(false),
            },
        })
        .await
        .unwrap();
    assert_eq!(
        r.only().query,
        pairs(&[("accept", "html"), ("print", "false")])
    );
}

#[tokio::test]
async fn estimate_status_changes() {
    let (sent, reply) = call(
        "estimates/mark_an_estimate_as_sent.response.json",
        &MarkEstimateSent {
            estimate_id: estimate_id(),
        },
    )
    .await;
    bare(&sent, "POST", "/estimates/982000000567011/status/sent", &[]);
    assert_eq!(reply.message, "Estimate status has been changed to Sent");

    let (sent, reply) = call(
        "estimates/mark_an_estimate_as_accepted.response.json",
        &MarkEstimateAccepted {
            estimate_id: estimate_id(),
        },
    )
    .await;
    bare(
        &sent,
        "POST",
        "/estimates/982000000567011/status/accepted",
        &[],
    );
    assert!(reply.message.ends_with("Accepted."));

    let (sent, reply) = call(
        "estimates/mark_an_estimate_as_declined.response.json",
        &MarkEstimateDeclined {
            estimate_id: estimate_id(),
        },
    )
    .await;
    bare(
        &sent,
        "POST",
        "/estimates/982000000567011/status/declined",
        &[],
    );
    assert!(reply.message.ends_with("Declined."));
}

#[tokio::test]
async fn estimate_emails() {
    let email: EmailRequest = example("estimates/email_an_estimate.request.json");
    let (sent, reply) = call(
        "estimates/email_an_estimate.response.json",
        &EmailEstimate {
            estimate_id: estimate_id(),
            email,
        },
    )
    .await;
    with_json(
        &sent,
        "POST",
        "/estimates/982000000567011/email",
        &[],
        &reencoded::<EmailRequest>("estimates/email_an_estimate.request.json"),
    );
    assert_eq!(reply.message, "Your estimate has been sent.");

    let (sent, content) = call(
        "estimates/get_estimate_email_content.response.json",
        &GetEstimateEmailContent {
            estimate_id: estimate_id(),
            options: Default::default(),
        },
    )
    .await;
    bare(&sent, "GET", "/estimates/982000000567011/email", &[]);
    assert!(content.body.as_deref().unwrap().contains("EST-000002"));

    let ids = BulkIds::new([estimate_id(), "982000000567012".parse().unwrap()]);
    let (sent, reply) = call(
        "estimates/email_multiple_estimates.response.json",
        &EmailEstimates { estimate_ids: ids },
    )
    .await;
    bare(
        &sent,
        "POST",
        "/estimates/email",
        &[("estimate_ids", "982000000567011,982000000567012")],
    );
    assert!(reply.message.contains("estimates"));
}

#[tokio::test]
async fn bulk_export_and_print_estimates() {
    let r = pdf_recorder("estimates.pdf");
    r.client()
        .send(&BulkExportEstimates {
            estimate_ids: BulkIds::new([estimate_id()]),
        })
        .await
        .unwrap();
    bare(
        &r.only(),
        "GET",
        "/estimates/pdf",
        &[("estimate_ids", "982000000567011")],
    );
    let r = pdf_recorder("estimates.pdf");
    let file = r
        .client()
        .send(&BulkPrintEstimates {
            estimate_ids: BulkIds::new([estimate_id()]),
        })
        .await
        .unwrap();
    bare(
        &r.only(),
        "GET",
        "/estimates/print",
        &[("estimate_ids", "982000000567011")],
    );
    assert_eq!(file.content_type.as_deref(), Some("application/pdf"));
    let (_, file) = call(
        "estimates/bulk_export_estimates.response.json",
        &BulkExportEstimates {
            estimate_ids: BulkIds::new([estimate_id()]),
        },
    )
    .await;
    assert!(!file.bytes.is_empty());
    let (_, file) = call(
        "estimates/bulk_print_estimates.response.json",
        &BulkPrintEstimates {
            estimate_ids: BulkIds::new([estimate_id()]),
        },
    )
    .await;
    assert!(!file.bytes.is_empty());
}

#[tokio::test]
async fn estimate_addresses_and_templates() {
    let address: Address = example("estimates/update_billing_address.request.json");
    let (sent, reply) = call(
        "estimates/update_billing_address.response.json",
        &UpdateEstimateBillingAddress {
            estimate_id: estimate_id(),
            address,
        },
    )
    .await;
    with_json(
        &sent,
        "PUT",
        "/estimates/982000000567011/address/billing",
        &[],
        &reencoded::<Address>("estimates/update_billing_address.request.json"),
    );
    assert_eq!(reply.message, "Billing address updated");

    let address: Address = example("estimates/update_shipping_address.request.json");
    let (sent, reply) = call(
        "estimates/update_shipping_address.response.json",
        &UpdateEstimateShippingAddress {
            estimate_id: estimate_id(),
            address,
        },
    )
    .await;
    with_json(
        &sent,
        "PUT",
        "/estimates/982000000567011/address/shipping",
        &[],
        &reencoded::<Address>("estimates/update_shipping_address.request.json"),
    );
    assert_eq!(reply.message, "Shipping address updated");

    let (sent, templates) = call(
        "estimates/list_estimate_templates.response.json",
        &ListEstimateTemplates {},
    )
    .await;
    bare(&sent, "GET", "/estimates/templates", &[]);
    let templates = templates.templates.unwrap();
    assert_eq!(
        templates.as_slice()[0].template_type.as_deref(),
        Some("classic")
    );

    let (sent, reply) = call(
        "estimates/update_estimate_template.response.json",
        &UpdateEstimateTemplate {
            estimate_id: estimate_id(),
            template_id: "982000000000143".parse().unwrap(),
        },
    )
    .await;
    bare(
        &sent,
        "PUT",
        "/estimates/982000000567011/templates/982000000000143",
        &[],
    );
    assert!(reply.is_success());
}

#[tokio::test]
async fn estimate_comments() {
    let comment: CommentInput = example("estimates/add_comments.request.json");
    let (sent, reply) = call(
        "estimates/add_comments.response.json",
        &AddEstimateComment {
            estimate_id: estimate_id(),
            comment,
        },
    )
    .await;
    with_json(
        &sent,
        "POST",
        "/estimates/982000000567011/comments",
        &[],
        &reencoded::<CommentInput>("estimates/add_comments.request.json"),
    );
    assert_eq!(reply.message, "Comments added");

    let (sent, comments) = call(
        "estimates/list_estimate_comments_history.response.json",
        &ListEstimateComments {
            estimate_id: estimate_id(),
            filter: Default::default(),
        },
    )
    .await;
    bare(&sent, "GET", "/estimates/982000000567011/comments", &[]);
    assert_eq!(
        comments.records[0].description.as_deref(),
        Some("Estimate created")
    );

    let comment: CommentInput = example("estimates/update_comment.request.json");
    let (sent, updated) = call(
        "estimates/update_comment.response.json",
        &UpdateEstimateComment {
            estimate_id: estimate_id(),
            comment_id: "982000000567019".parse().unwrap(),
            comment,
        },
    )
    .await;
    with_json(
        &sent,
        "PUT",
        "/estimates/982000000567011/comments/982000000567019",
        &[],
        &reencoded::<CommentInput>("estimates/update_comment.request.json"),
    );
    assert_eq!(updated.record.commented_by.as_deref(), Some("David Sujin"));

    let (sent, reply) = call(
        "estimates/delete_a_comment.response.json",
        &DeleteEstimateComment {
            estimate_id: estimate_id(),
            comment_id: "982000000567019".parse().unwrap(),
        },
    )
    .await;
    bare(
        &sent,
        "DELETE",
        "/estimates/982000000567011/comments/982000000567019",
        &[],
    );
    assert!(reply.is_success());
}

// ---------------------------------------------------------------------------------------
// Customer payments: every operation.

#[tokio::test]
async fn customer_payments() {
    let input: PaymentInput = example("customer_payments/create_a_payment.request.json");
    let (sent, out) = call(
        "customer_payments/create_a_payment.response.json",
        &CreateCustomerPayment { payment: input },
    )
    .await;
    with_json(
        &sent,
        "POST",
        "/customerpayments",
        &[],
        &reencoded::<PaymentInput>("customer_payments/create_a_payment.request.json"),
    );
    assert_eq!(
        sent.json(),
        fixture_json("customer_payments/create_a_payment.request.json"),
        "this example has no placeholder: it is sent as written"
    );
    assert_eq!(out.record.payment_id, payment_id());
    assert_eq!(out.record.payment_mode, Some(PaymentMode::Cash));

    let filter = CustomerPaymentFilter {
        customer_name: Some(TextFilter::StartsWith("Bow".into())),
        reference_number: Some(TextFilter::Is("INV-384".into())),
        date: Some(DateFilter::On(date("2016-06-05"))),
        amount: Some(AmountFilter::GreaterEquals(100.into())),
        notes: Some(TextFilter::Contains("late".into())),
        payment_mode: Some(TextFilter::StartsWith("ca".into())),
        filter_by: Some("PaymentMode.Cash".into()),
        sort_column: Some("date".into()),
        search_text: Some("INV".into()),
        ..Default::default()
    };
    let (sent, page) = call(
        "customer_payments/list_customer_payments.response.json",
        &ListCustomerPayments { filter },
    )
    .await;
    bare(
        &sent,
        "GET",
        "/customerpayments",
        &[
            ("customer_name_startswith", "Bow"),
            ("reference_number", "INV-384"),
            ("date", "2016-06-05"),
            ("amount_greater_equals", "100"),
            ("notes_contains", "late"),
            ("payment_mode_startswith", "ca"),
            ("filter_by", "PaymentMode.Cash"),
            ("sort_column", "date"),
            ("search_text", "INV"),
        ],
    );
    assert_eq!(page.records[0].invoice_number.as_deref(), Some("INV-384"));

    let input: PaymentInput = example("customer_payments/update_a_payment.request.json");
    let (sent, out) = call(
        "customer_payments/update_a_payment.response.json",
        &UpdateCustomerPayment {
            payment_id: payment_id(),
            payment: input,
        },
    )
    .await;
    with_json(
        &sent,
        "PUT",
        "/customerpayments/9030000079467",
        &[],
        &reencoded::<PaymentInput>("customer_payments/update_a_payment.request.json"),
    );
    assert_eq!(out.message, "The payment details have been updated.");

    let (sent, out) = call(
        "customer_payments/retrieve_a_payment.response.json",
        &GetCustomerPayment {
            payment_id: payment_id(),
        },
    )
    .await;
    bare(&sent, "GET", "/customerpayments/9030000079467", &[]);
    assert_eq!(
        out.record.customer_name.as_deref(),
        Some("Bowman Furniture")
    );

    let (sent, reply) = call(
        "customer_payments/delete_a_payment.response.json",
        &DeleteCustomerPayment {
            payment_id: payment_id(),
        },
    )
    .await;
    bare(&sent, "DELETE", "/customerpayments/9030000079467", &[]);
    assert_eq!(reply.message, "The payment has been deleted.");
}

#[tokio::test]
async fn customer_payment_refunds() {
    let input: PaymentRefundInput =
        example("customer_payments/refund_an_excess_customer_payment.request.json");
    let (sent, out) = call(
        "customer_payments/refund_an_excess_customer_payment.response.json",
        &RefundCustomerPayment {
            payment_id: payment_id(),
            refund: input,
        },
    )
    .await;
    with_json(
        &sent,
        "POST",
        "/customerpayments/9030000079467/refunds",
        &[],
        &reencoded::<PaymentRefundInput>(
            "customer_payments/refund_an_excess_customer_payment.request.json",
        ),
    );
    assert_eq!(out.records[0].payment_refund_id, Some(refund_id()));

    let (sent, page) = call(
        "customer_payments/list_refunds_of_a_customer_payment.response.json",
        &ListCustomerPaymentRefunds {
            payment_id: payment_id(),
            filter: CustomerPaymentRefundFilter {
                paging: Paging {
                    page: Some(2),
                    per_page: Some(10),
                },
                ..Default::default()
            },
        },
    )
    .await;
    bare(
        &sent,
        "GET",
        "/customerpayments/9030000079467/refunds",
        &[("page", "2"), ("per_page", "10")],
    );
    assert_eq!(page.records[0].amount_fcy, Some(10.into()));

    let input: PaymentRefundInput = example("customer_payments/update_a_refund.request.json");
    let (sent, out) = call(
        "customer_payments/update_a_refund.response.json",
        &UpdateCustomerPaymentRefund {
            payment_id: payment_id(),
            refund_id: refund_id(),
            refund: input,
        },
    )
    .await;
    with_json(
        &sent,
        "PUT",
        "/customerpayments/9030000079467/refunds/3000000003017",
        &[],
        &reencoded::<PaymentRefundInput>("customer_payments/update_a_refund.request.json"),
    );
    assert_eq!(out.records[0].refund_mode.as_deref(), Some("cash"));

    let (sent, out) = call(
        "customer_payments/details_of_a_refund.response.json",
        &GetCustomerPaymentRefund {
            payment_id: payment_id(),
            refund_id: refund_id(),
        },
    )
    .await;
    bare(
        &sent,
        "GET",
        "/customerpayments/9030000079467/refunds/3000000003017",
        &[],
    );
    assert_eq!(out.payment_refunds.unwrap().amount, Some(450.into()));

    let (sent, reply) = call(
        "customer_payments/delete_a_refund.response.json",
        &DeleteCustomerPaymentRefund {
            payment_id: payment_id(),
            refund_id: refund_id(),
        },
    )
    .await;
    bare(
        &sent,
        "DELETE",
        "/customerpayments/9030000079467/refunds/3000000003017",
        &[],
    );
    assert_eq!(reply.message, "The refund has been deleted.");
}

// ---------------------------------------------------------------------------------------
// Input checked before sending.

fn invoice_ids(n: u64) -> Vec<InvoiceId> {
    (1..=n)
        .map(|i| InvoiceId::from(982_000_000_000_000 + i))
        .collect()
}

fn estimate_ids(n: u64) -> Vec<EstimateId> {
    (1..=n)
        .map(|i| EstimateId::from(982_000_000_000_000 + i))
        .collect()
}

/// Sends `op` and expects `TooManyIds { limit, given }` with nothing sent.
async fn refused<E: Endpoint>(op: &E, limit: usize, given: usize)
where
    E::Output: std::fmt::Debug,
{
    let r = Recorder::answering("{}");
    let err = r.client().send(op).await.unwrap_err();
    let operation = &err.operation().expect("the error names its operation").name;
    match err.kind() {
        ErrorKind::TooManyIds { limit: l, given: g } => {
            assert_eq!((*l, *g), (limit, given));
            assert_eq!(*operation, E::OPERATION.name);
        }
        other => panic!("expected TooManyIds, got {other:?}"),
    }
    assert!(err.is_invalid_input());
    assert!(r.sent().is_empty(), "nothing may be sent");
}

#[tokio::test]
async fn bulk_calls_over_the_limit_are_refused_before_sending() {
    refused(
        &EmailInvoices {
            invoice_ids: BulkIds::new(invoice_ids(11)),
            contacts: BulkEmailInput::default(),
        },
        10,
        11,
    )
    .await;
    refused(
        &BulkRemindInvoices {
            invoice_ids: BulkIds::new(invoice_ids(11)),
        },
        10,
        11,
    )
    .await;
    refused(
        &BulkExportInvoices {
            invoice_ids: BulkIds::new(invoice_ids(26)),
        },
        25,
        26,
    )
    .await;
    refused(
        &BulkPrintInvoices {
            invoice_ids: BulkIds::new(invoice_ids(26)),
        },
        25,
        26,
    )
    .await;
    refused(
        &EmailEstimates {
            estimate_ids: BulkIds::new(estimate_ids(11)),
        },
        10,
        11,
    )
    .await;
    refused(
        &BulkExportEstimates {
            estimate_ids: BulkIds::new(estimate_ids(26)),
        },
        25,
        26,
    )
    .await;
    refused(
        &BulkPrintEstimates {
            estimate_ids: BulkIds::new(estimate_ids(26)),
        },
        25,
        26,
    )
    .await;
    assert_eq!((inv::MAX_BULK_EMAIL, inv::MAX_BULK_PDF), (10, 25));
    assert_eq!((est::MAX_BULK_EMAIL, est::MAX_BULK_PDF), (10, 25));
}

#[tokio::test]
async fn bulk_calls_at_the_limit_or_empty() {
    let r = pdf_recorder("invoices.pdf");
    r.client()
        .send(&BulkExportInvoices {
            invoice_ids: BulkIds::new(invoice_ids(25)),
        })
        .await
        .unwrap();
    let sent = r.only();
    assert_eq!(sent.query("invoice_ids").unwrap().split(',').count(), 25);

    let r = Recorder::answering_fixture("invoices/email_invoices.response.json");
    r.client()
        .send(&EmailInvoices {
            invoice_ids: BulkIds::new(invoice_ids(10)),
            contacts: BulkEmailInput::default(),
        })
        .await
        .unwrap();
    assert_eq!(
        r.only().query("invoice_ids").unwrap().split(',').count(),
        10
    );

    let r = Recorder::answering("{}");
    let err = r
        .client()
        .send(&BulkRemindInvoices {
            invoice_ids: BulkIds::new([]),
        })
        .await
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::NoIds)
            && err.operation().map(|o| o.name) == Some("Bulk invoice reminder"),
        "{err}"
    );
    assert!(r.sent().is_empty());
}

#[tokio::test]
async fn ids_are_percent_encoded_in_paths() {
    let r = Recorder::answering_fixture("invoices/delete_a_payment.response.json");
    let odd: InvoicePaymentId = serde_json::from_str(r#""1/../2?x#y""#).unwrap();
    r.client()
        .send(&DeleteInvoicePayment {
            invoice_id: invoice_id(),
            invoice_payment_id: odd,
        })
        .await
        .unwrap();
    let sent = r.only();
    assert_eq!(
        sent.path,
        "/invoices/982000000567114/payments/1%2F%2E%2E%2F2%3Fx%23y"
    );
    assert!(sent.query.is_empty());
}

#[test]
fn downloads_share_the_row_of_their_json_operation() {
    assert_eq!(
        <DownloadInvoice as Endpoint>::OPERATION,
        <GetInvoice as Endpoint>::OPERATION
    );
    assert_eq!(
        <DownloadEstimate as Endpoint>::OPERATION,
        <GetEstimate as Endpoint>::OPERATION
    );
    let all = zoho_invoice::operations();
    let count = |resource: &str| all.iter().filter(|op| op.resource == resource).count();
    // One row each defined twice: the record's get and its download.
    assert_eq!(count("Invoices"), 39);
    assert_eq!(count("Estimates"), 22);
    assert_eq!(count("Customer Payments"), 10);
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
    assert_eq!(updated.description.as_deref(), Some("Paid by check"));
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
    let refund_id = made.records[0].payment_refund_id.clone().unwrap();
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
    assert_eq!(details.payment_refunds.unwrap().amount, Some(30.into()));
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
