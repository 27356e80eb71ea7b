//! Headers: an update by a custom field's unique value names the field and the value in
//! `X-Unique-Identifier-Key` and `-Value` (and `X-Upsert` when asked), on every resource that
//! has one, and a value that cannot be a header is refused before sending.

use zoho_invoice::models::items::ItemInput;
use zoho_invoice::transport::ApiRequest;
use zoho_invoice::{Endpoint, Error, UniqueField};

use crate::input;

fn unique() -> UniqueField {
    UniqueField::new("cf_ref", "R-1")
}

#[test]
fn every_update_by_custom_field_sends_the_field_as_headers() {
    let requests: Vec<Result<ApiRequest, Error>> = vec![
        zoho_invoice::contacts::UpdateContactByCustomField::new(
            unique(),
            input::<zoho_invoice::models::contacts::ContactInput>(),
        )
        .request(),
        zoho_invoice::credit_notes::UpdateCreditNoteByCustomField::new(
            unique(),
            input::<zoho_invoice::models::credit_notes::CreditNoteInput>(),
        )
        .request(),
        zoho_invoice::customer_payments::UpdateCustomerPaymentByCustomField::new(
            unique(),
            input::<zoho_invoice::models::customer_payments::PaymentInput>(),
        )
        .request(),
        zoho_invoice::estimates::UpdateEstimateByCustomField::new(
            unique(),
            input::<zoho_invoice::models::estimates::EstimateInput>(),
        )
        .request(),
        zoho_invoice::expenses::UpdateExpenseByCustomField::new(
            unique(),
            input::<zoho_invoice::models::expenses::ExpenseInput>(),
        )
        .request(),
        zoho_invoice::invoices::UpdateInvoiceByCustomField::new(
            unique(),
            input::<zoho_invoice::models::invoices::InvoiceInput>(),
        )
        .request(),
        zoho_invoice::items::UpdateItemByCustomField::new(unique(), input::<ItemInput>()).request(),
        zoho_invoice::projects::UpdateProjectByCustomField::new(
            unique(),
            input::<zoho_invoice::models::projects::ProjectInput>(),
        )
        .request(),
        zoho_invoice::recurring_expenses::UpdateRecurringExpenseByCustomField::new(
            unique(),
            input::<zoho_invoice::models::recurring_expenses::RecurringExpenseInput>(),
        )
        .request(),
        zoho_invoice::recurring_invoices::UpdateRecurringInvoiceByCustomField::new(
            unique(),
            input::<zoho_invoice::models::recurring_invoices::RecurringInvoiceInput>(),
        )
        .request(),
    ];
    assert_eq!(requests.len(), 10);
    for request in requests {
        let request = request.unwrap();
        let what = request.path().to_owned();
        assert_eq!(request.method(), http::Method::PUT, "{what}");
        assert_eq!(
            request.headers()["x-unique-identifier-key"],
            "cf_ref",
            "{what}"
        );
        assert_eq!(
            request.headers()["x-unique-identifier-value"],
            "R-1",
            "{what}"
        );
        assert!(request.headers().get("x-upsert").is_none(), "{what}");
        assert_eq!(
            request.headers()[http::header::CONTENT_TYPE],
            "application/json"
        );
    }
}

#[test]
fn an_upsert_says_so_and_a_bad_value_is_refused() {
    let upsert =
        zoho_invoice::items::UpdateItemByCustomField::new(unique().upsert(), input::<ItemInput>())
            .request()
            .unwrap();
    assert_eq!(upsert.headers()["x-upsert"], "true");
    let bad = zoho_invoice::items::UpdateItemByCustomField::new(
        UniqueField::new("cf_ref", "R-1\r\nX-Injected: 1"),
        input::<ItemInput>(),
    )
    .request()
    .unwrap_err();
    assert!(bad.is_invalid_input(), "{bad}");
    assert!(
        bad.to_string()
            .contains("Update an item using a custom field"),
        "{bad}"
    );
}
