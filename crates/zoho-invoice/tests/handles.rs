//! The resource handles: each call builds the operation its method names, with the required
//! inputs as arguments and the options and filters as setters, and gives back the record
//! itself; per-call options reach the request; the envelope stays reachable.

#![cfg(all(feature = "invoices", feature = "contacts", feature = "items"))]

mod support;

use std::time::Duration;

use futures_util::TryStreamExt;
use support::{Recorder, fixture};
use zoho_invoice::invoices::{CreateInvoice, GetInvoice, ListInvoices};
use zoho_invoice::models::contacts::ContactInput;
use zoho_invoice::models::ids::{ContactId, InvoiceId, ItemId};
use zoho_invoice::models::invoices::{
    InvoiceFilterBy, InvoiceInput, InvoiceLineItemInput, InvoiceStatus,
};
use zoho_invoice::query::DocumentFormat;
use zoho_invoice::transport::{ApiRequest, ApiResponse, OrganizationId, RetryPolicy, Transport};
use zoho_invoice::{Client, Error, ErrorKind, TimeoutKind};

fn invoice_id() -> InvoiceId {
    "982000000567114".parse().unwrap()
}

#[test]
fn constructors_take_the_required_inputs_and_setters_the_rest() {
    let input = InvoiceInput::new(
        "460000000026049".parse::<ContactId>().unwrap(),
        vec![InvoiceLineItemInput::item(
            "460000000026080".parse::<ItemId>().unwrap(),
            2,
        )],
    );
    assert_eq!(input.customer_id.as_str(), "460000000026049");
    let line = &input.line_items[0];
    assert_eq!(line.quantity, Some(2.into()));
    let create = CreateInvoice::new(input).send(true);
    assert_eq!(create.options.send, Some(true));
    assert_eq!(create.options.ignore_auto_number_generation, None);
    assert_eq!(GetInvoice::new(invoice_id()).invoice_id, invoice_id());
    let list = ListInvoices::new()
        .filter_by(InvoiceFilterBy::Unpaid)
        .page(2)
        .per_page(25);
    assert_eq!(list.filter.filter_by, Some(InvoiceFilterBy::Unpaid));
    assert_eq!(
        (list.filter.paging.page, list.filter.paging.per_page),
        (Some(2), Some(25))
    );
}

#[tokio::test]
async fn a_get_gives_back_the_record_itself() {
    let r = Recorder::answering(fixture("invoices/get_an_invoice.response.json"));
    let invoice = r.client().invoices().get(invoice_id()).await.unwrap();
    assert_eq!(invoice.invoice_id, invoice_id());
    let sent = r.only();
    assert_eq!(
        (sent.method.as_str(), sent.path.as_str()),
        ("GET", "/invoices/982000000567114")
    );
}

#[tokio::test]
async fn the_envelope_stays_reachable() {
    let r = Recorder::answering(fixture("invoices/get_an_invoice.response.json"));
    let answer = r
        .client()
        .invoices()
        .get(invoice_id())
        .envelope()
        .await
        .unwrap();
    assert_eq!(answer.code, 0);
    assert_eq!(answer.message, "success");
    assert_eq!(answer.record.invoice_id, invoice_id());
}

#[tokio::test]
async fn options_are_setters_on_the_call() {
    let r = Recorder::answering(fixture("invoices/create_an_invoice.response.json"));
    let input = InvoiceInput::new(
        "460000000026049".parse::<ContactId>().unwrap(),
        vec![InvoiceLineItemInput::item(
            "460000000026080".parse::<ItemId>().unwrap(),
            1,
        )],
    )
    .discount(zoho_invoice::models::Discount::percent(10));
    let created = r
        .client()
        .invoices()
        .create(input)
        .send(true)
        .await
        .unwrap();
    assert_eq!(created.invoice_id.as_str(), "982000000567114");
    let sent = r.only();
    assert_eq!(
        (sent.method.as_str(), sent.path.as_str()),
        ("POST", "/invoices")
    );
    assert_eq!(sent.query("send"), Some("true"));
    assert_eq!(sent.json()["customer_id"], "460000000026049");
    assert_eq!(
        sent.json()["discount"],
        "10%",
        "a typed discount, as Zoho writes it"
    );
}

#[tokio::test]
async fn a_list_call_takes_filters_and_walks_its_records() {
    let r = Recorder::answering(fixture("invoices/list_invoices.response.json"));
    let invoices: Vec<_> = r
        .client()
        .invoices()
        .list()
        .status(InvoiceStatus::Overdue)
        .customer_name("Bowman")
        .per_page(50)
        .records()
        .try_collect()
        .await
        .unwrap();
    assert!(!invoices.is_empty());
    let sent = &r.sent()[0];
    assert_eq!(sent.query("status"), Some("overdue"));
    assert_eq!(sent.query("customer_name"), Some("Bowman"));
    assert_eq!(sent.query("per_page"), Some("50"));
}

#[tokio::test]
async fn a_download_takes_its_format() {
    let r = Recorder::answering_file(&[("content-type", "application/pdf")], &b"%PDF-1.4"[..]);
    let pdf = r
        .client()
        .invoices()
        .download(invoice_id(), DocumentFormat::Pdf)
        .await
        .unwrap();
    assert!(pdf.bytes.starts_with(b"%PDF"));
    assert_eq!(r.only().query("accept"), Some("pdf"));
}

/// Keeps what each request carried in its extensions, and answers a contact.
#[derive(Default)]
struct Extensions {
    seen: std::sync::Mutex<Vec<(Option<OrganizationId>, Option<RetryPolicy>)>>,
}

#[async_trait::async_trait]
impl Transport for Extensions {
    async fn send(&self, request: ApiRequest) -> Result<ApiResponse, Error> {
        self.seen.lock().unwrap().push((
            request.extensions().get::<OrganizationId>().cloned(),
            request.extensions().get::<RetryPolicy>().cloned(),
        ));
        Ok(ApiResponse::new(
            http::StatusCode::OK,
            fixture("contacts/get_a_contact.response.json"),
        ))
    }
}

#[tokio::test]
async fn per_call_options_reach_the_request() {
    let transport = std::sync::Arc::new(Extensions::default());
    let client = Client::from_shared(transport.clone());
    let policy = RetryPolicy::default().with_max_attempts(1);
    client
        .contacts()
        .get("460000000026049".parse::<ContactId>().unwrap())
        .organization("10234695")
        .retry_policy(policy.clone())
        .await
        .unwrap();
    client
        .contacts()
        .get("460000000026049".parse::<ContactId>().unwrap())
        .await
        .unwrap();
    let seen = transport.seen.lock().unwrap();
    assert_eq!(
        seen[0],
        (Some(OrganizationId("10234695".into())), Some(policy))
    );
    assert_eq!(seen[1], (None, None), "options belong to their call only");
}

/// Never answers.
struct Silent;

#[async_trait::async_trait]
impl Transport for Silent {
    async fn send(&self, _request: ApiRequest) -> Result<ApiResponse, Error> {
        std::future::pending().await
    }
}

#[tokio::test(start_paused = true)]
async fn a_call_timeout_gives_up_with_a_caller_timeout_naming_the_operation() {
    let client = Client::new(Silent);
    let error = client
        .contacts()
        .create(ContactInput::new("Bowman and Co"))
        .timeout(Duration::from_secs(5))
        .await
        .unwrap_err();
    assert!(
        matches!(
            error.kind(),
            ErrorKind::Timeout { kind: TimeoutKind::Caller, after } if *after == Duration::from_secs(5)
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains("Create a Contact"), "{error}");
}

#[tokio::test]
async fn ranges_send_both_bounds_and_filters_are_typed() {
    use zoho_invoice::models::Decimal;
    use zoho_invoice::models::NaiveDate;
    use zoho_invoice::models::invoices::InvoiceSortColumn;
    use zoho_invoice::query::{AmountFilter, DateFilter};

    let r = Recorder::answering(fixture("invoices/list_invoices.response.json"));
    let day = |d: &str| d.parse::<NaiveDate>().unwrap();
    r.client()
        .invoices()
        .list()
        .total(AmountFilter::Between(
            Decimal::from(100),
            Decimal::from(500),
        ))
        .date(DateFilter::Inside(day("2026-01-01"), day("2026-02-01")))
        .created_date(DateFilter::Between(day("2025-12-01"), day("2025-12-31")))
        .sort_column(InvoiceSortColumn::LastModifiedTime)
        .await
        .unwrap();
    let sent = r.only();
    for (key, value) in [
        ("total_greater_equals", "100"),
        ("total_less_equals", "500"),
        ("date_after", "2026-01-01"),
        ("date_before", "2026-02-01"),
        ("created_date_start", "2025-12-01"),
        ("created_date_end", "2025-12-31"),
        ("sort_column", "last_modified_time"),
    ] {
        assert_eq!(sent.query(key), Some(value), "{key}");
    }
}

#[tokio::test]
async fn creating_a_contact_person_gives_back_the_persons_or_says_they_are_missing() {
    use zoho_invoice::models::contact_persons::ContactPersonInput;

    let input = || ContactPersonInput::new("460000000026049".parse::<ContactId>().unwrap(), "Will");
    let r = Recorder::answering(fixture("contacts/create_a_contact_person.response.json"));
    let persons = r.client().contacts().create_person(input()).await.unwrap();
    assert_eq!(persons[0].first_name.as_deref(), Some("Will"));

    let r = Recorder::answering(r#"{"code":0,"message":"success"}"#);
    let error = r
        .client()
        .contacts()
        .create_person(input())
        .await
        .unwrap_err();
    assert!(error.is_decode(), "{error:?}");
    assert!(
        error.to_string().contains("Create a contact person"),
        "{error}"
    );
    assert!(error.to_string().contains("contact_person"), "{error}");
}
