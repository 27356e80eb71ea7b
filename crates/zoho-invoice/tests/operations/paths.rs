//! Ids in paths: an id decoded from a server is taken as sent, yet it cannot change the path
//! (every reserved character is percent-encoded, in every position); an id made in code is
//! checked when made.

use zoho_invoice::Endpoint;
use zoho_invoice::contacts::GetContactPerson;
use zoho_invoice::invoices::DeleteInvoicePayment;
use zoho_invoice::items::GetItem;
use zoho_invoice::models::ids::{ContactId, ContactPersonId, InvoicePaymentId, ItemId, TaskId};
use zoho_invoice::projects::GetProjectTask;

/// An id as a server could send it.
fn decoded<T: serde::de::DeserializeOwned>(text: &str) -> T {
    serde_json::from_value(serde_json::Value::String(text.into())).unwrap()
}

#[test]
fn reserved_characters_of_ids_are_encoded_in_every_position() {
    let cases = [
        (
            GetItem::new(decoded::<ItemId>("../contacts/1?x=1#f")).request(),
            "/items/%2E%2E%2Fcontacts%2F1%3Fx%3D1%23f",
        ),
        (
            GetContactPerson::new(
                decoded::<ContactId>("a/b"),
                decoded::<ContactPersonId>("c?d#e"),
            )
            .request(),
            "/contacts/a%2Fb/contactpersons/c%3Fd%23e",
        ),
        (
            DeleteInvoicePayment::new(
                460_000_000_000_001,
                decoded::<InvoicePaymentId>("1/../2?x#y"),
            )
            .request(),
            "/invoices/460000000000001/payments/1%2F%2E%2E%2F2%3Fx%23y",
        ),
        (
            GetProjectTask::new(460_000_000_000_001, decoded::<TaskId>("../../contacts")).request(),
            "/projects/460000000000001/tasks/%2E%2E%2F%2E%2E%2Fcontacts",
        ),
    ];
    for (request, path) in cases {
        let request = request.unwrap();
        assert_eq!(request.path(), path);
        assert_eq!(request.uri().query(), None, "{path}");
    }
}

#[test]
fn an_unsafe_or_blank_id_is_refused_when_made() {
    for text in ["", " ", "1/2", "a?b", "a#b"] {
        assert!(text.parse::<ItemId>().is_err(), "{text:?} parsed");
    }
    assert!(serde_json::from_str::<ContactId>(r#"" ""#).is_err());
}
