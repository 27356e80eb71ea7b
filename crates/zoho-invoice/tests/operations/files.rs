//! Files: uploads go out as multipart under the field Zoho reads, downloads come back as the
//! bytes with their type and name, and a download shares the row of the JSON call it is a
//! format of.

use zoho_invoice::credit_notes::{DownloadCreditNote, GetCreditNote};
use zoho_invoice::estimates::{BulkExportEstimates, DownloadEstimate, GetEstimate};
use zoho_invoice::expenses::{AddExpenseReceipt, GetExpenseReceipt};
use zoho_invoice::invoices::{
    AddInvoiceAttachment, BulkPrintInvoices, DownloadInvoice, GetInvoice, GetInvoiceAttachment,
};
use zoho_invoice::models::invoices::AttachmentPreference;
use zoho_invoice::query::DocumentFormat;
use zoho_invoice::retainer_invoices::{AddRetainerInvoiceAttachment, GetRetainerInvoiceAttachment};
use zoho_invoice::transport::ApiRequest;
use zoho_invoice::{Download, Endpoint, Error};

use crate::support::Recorder;

use crate::ID;

#[test]
fn uploads_are_multipart_under_the_field_zoho_reads() {
    let cases: [(Result<ApiRequest, Error>, &str); 3] = [
        (
            AddInvoiceAttachment::new(
                ID,
                AttachmentPreference::default().can_send_in_mail(true),
                AddInvoiceAttachment::file("receipt.png", "image/png", &b"\x89PNG"[..]),
            )
            .request(),
            "attachment",
        ),
        (
            AddRetainerInvoiceAttachment::new(
                ID,
                AddRetainerInvoiceAttachment::attachment(
                    "receipt.png",
                    "image/png",
                    &b"\x89PNG"[..],
                ),
            )
            .request(),
            "attachment",
        ),
        (
            AddExpenseReceipt::new(
                ID,
                AddExpenseReceipt::receipt("receipt.png", "image/png", &b"\x89PNG"[..]),
            )
            .request(),
            "receipt",
        ),
    ];
    for (request, field) in cases {
        let request = request.unwrap();
        let what = request.path().to_owned();
        let content_type = request.headers()[http::header::CONTENT_TYPE]
            .to_str()
            .unwrap();
        let boundary = content_type
            .strip_prefix("multipart/form-data; boundary=")
            .unwrap_or_else(|| panic!("{what}: {content_type}"));
        let body = String::from_utf8_lossy(request.body());
        assert!(
            body.starts_with(&format!("--{boundary}\r\n")),
            "{what}: {body}"
        );
        assert!(
            body.contains(&format!(r#"name="{field}"; filename="receipt.png""#)),
            "{what}: {body}"
        );
        assert!(
            body.contains("Content-Type: image/png\r\n\r\n\u{fffd}PNG\r\n"),
            "{what}: {body}"
        );
        assert!(
            body.ends_with(&format!("--{boundary}--\r\n")),
            "{what}: {body}"
        );
    }
}

fn file_answer() -> Recorder {
    Recorder::answering_file(
        &[
            ("content-type", "application/pdf"),
            (
                "content-disposition",
                "attachment; filename=\"INV-000001.pdf\"",
            ),
        ],
        &b"%PDF-1.4\n"[..],
    )
}

async fn download<E: Endpoint<Output = Download>>(operation: E) -> (Download, String) {
    let recorder = file_answer();
    let file = recorder.client().send(&operation).await.unwrap();
    let sent = recorder.only();
    let query = sent
        .query
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&");
    (file, format!("{} {}?{query}", sent.method, sent.path))
}

#[tokio::test]
async fn downloads_give_back_the_bytes_their_type_and_name() {
    let cases = [
        (
            download(DownloadInvoice::new(ID, DocumentFormat::Pdf)).await,
            "GET /invoices/460000000000001?accept=pdf",
        ),
        (
            download(DownloadEstimate::new(ID, DocumentFormat::Html)).await,
            "GET /estimates/460000000000001?accept=html",
        ),
        (
            download(DownloadCreditNote::new(ID, DocumentFormat::Pdf)).await,
            "GET /creditnotes/460000000000001?accept=pdf",
        ),
        (
            download(BulkPrintInvoices::new(vec![ID.into()])).await,
            "GET /invoices/print?invoice_ids=460000000000001",
        ),
        (
            download(BulkExportEstimates::new(vec![ID.into()])).await,
            "GET /estimates/pdf?estimate_ids=460000000000001",
        ),
        (
            download(GetInvoiceAttachment::new(ID)).await,
            "GET /invoices/460000000000001/attachment?",
        ),
        (
            download(GetRetainerInvoiceAttachment::new(ID)).await,
            "GET /retainerinvoices/460000000000001/attachment?",
        ),
        (
            download(GetExpenseReceipt::new(ID)).await,
            "GET /expenses/460000000000001/receipt?",
        ),
    ];
    for ((file, sent), expected) in cases {
        assert_eq!(sent, expected);
        assert_eq!(&file.bytes[..], b"%PDF-1.4\n", "{expected}");
        assert_eq!(file.content_type.as_deref(), Some("application/pdf"));
        assert_eq!(file.file_name.as_deref(), Some("INV-000001.pdf"));
    }
}

#[test]
fn a_download_shares_the_row_of_its_json_call() {
    assert_eq!(DownloadInvoice::OPERATION, GetInvoice::OPERATION);
    assert_eq!(DownloadEstimate::OPERATION, GetEstimate::OPERATION);
    assert_eq!(DownloadCreditNote::OPERATION, GetCreditNote::OPERATION);
}

#[test]
fn an_email_with_attachments_is_its_json_and_the_files() {
    let email = zoho_invoice::models::common::EmailRequest::default()
        .to_mail_ids(vec!["will@bowman.example".to_owned()]);
    let plain = zoho_invoice::invoices::EmailInvoice::new(ID, email.clone())
        .request()
        .unwrap();
    assert_eq!(
        plain.headers()[http::header::CONTENT_TYPE],
        "application/json"
    );

    let requests = [
        zoho_invoice::invoices::EmailInvoice::new(ID, email.clone())
            .attach("terms.pdf", "application/pdf", &b"%PDF-terms"[..])
            .request(),
        zoho_invoice::estimates::EmailEstimate::new(ID, email.clone())
            .attach("terms.pdf", "application/pdf", &b"%PDF-terms"[..])
            .request(),
        zoho_invoice::retainer_invoices::EmailRetainerInvoice::new(ID, email)
            .attach("terms.pdf", "application/pdf", &b"%PDF-terms"[..])
            .request(),
        zoho_invoice::contacts::EmailContact::new(
            ID,
            zoho_invoice::models::contacts::ContactEmail::default()
                .to_mail_ids(vec!["will@bowman.example".to_owned()]),
        )
        .attach("terms.pdf", "application/pdf", &b"%PDF-terms"[..])
        .request(),
    ];
    for request in requests {
        let request = request.unwrap();
        let what = request.path().to_owned();
        let content_type = request.headers()[http::header::CONTENT_TYPE]
            .to_str()
            .unwrap();
        assert!(
            content_type.starts_with("multipart/form-data; boundary="),
            "{what}"
        );
        let body = String::from_utf8_lossy(request.body()).into_owned();
        assert!(
            body.contains("name=\"JSONString\"") && body.contains("will@bowman.example"),
            "{what}: {body}"
        );
        assert!(
            body.contains("name=\"attachments\"; filename=\"terms.pdf\"")
                && body.contains("%PDF-terms"),
            "{what}: {body}"
        );
    }
}
