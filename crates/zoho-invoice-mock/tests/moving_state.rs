//! Workflows that move state between records, over raw HTTP: contact persons sent inside a
//! contact, estimates invoiced, time entries billed, recurring invoices generating invoices
//! on the server's clock, approvals and credit-note statuses.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Api, id};
use serde_json::json;

#[tokio::test]
async fn contact_persons_inside_a_contact_become_records() {
    let api = Api::start().await;
    let contact = api
        .create(
            "/contacts",
            "contact",
            json!({"contact_name": "Bowman and Co", "contact_persons": [
                {"first_name": "Will", "email": "will@bowman.org"},
                {"first_name": "Ann", "email": "ann@bowman.org"},
            ]}),
        )
        .await;
    let cid = id(&contact, "contact_id");
    let inline = contact["contact_persons"].as_array().unwrap();
    assert_eq!(inline.len(), 2);
    let will = id(&inline[0], "contact_person_id");
    assert_eq!(inline[0]["is_primary_contact"], true);
    assert_eq!(inline[1]["is_primary_contact"], false);
    let listed = api.get(&format!("/contacts/{cid}/contactpersons")).await;
    assert_eq!(listed["contact_persons"].as_array().unwrap().len(), 2);
    let got = api
        .get(&format!("/contacts/{cid}/contactpersons/{will}"))
        .await;
    assert_eq!(got["contact_person"]["email"], "will@bowman.org");
    let put = api
        .call(
            "PUT",
            &format!("/contacts/contactpersons/{will}"),
            Some(json!({"contact_id": cid, "first_name": "William"})),
        )
        .await;
    assert_eq!(put.status, 200);
    // A PUT of the contact updates the person its id names and adds the others.
    let updated = api
        .call(
            "PUT",
            &format!("/contacts/{cid}"),
            Some(json!({"contact_persons": [
                {"contact_person_id": will, "phone": "555-0100"},
                {"first_name": "Zoe"},
            ]})),
        )
        .await;
    assert_eq!(updated.status, 200, "{}", updated.json());
    let persons = updated.json()["contact"]["contact_persons"].clone();
    assert_eq!(persons.as_array().unwrap().len(), 3);
    assert_eq!(persons[0]["first_name"], "William");
    assert_eq!(persons[0]["phone"], "555-0100");
    let contact = api.get(&format!("/contacts/{cid}")).await;
    assert_eq!(
        contact["contact"]["contact_persons"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    // An id that is not one of the contact's persons is refused, and nothing is stored.
    let other = api.contact("Other").await;
    let refused = api
        .call(
            "PUT",
            &format!("/contacts/{other}"),
            Some(json!({"contact_persons": [{"contact_person_id": will}, {"first_name": "X"}]})),
        )
        .await;
    assert_eq!(refused.status, 400);
    let none = api.get(&format!("/contacts/{other}/contactpersons")).await;
    assert!(none["contact_persons"].as_array().unwrap().is_empty());
    // Deleting the contact deletes its persons.
    assert_eq!(
        api.call("DELETE", &format!("/contacts/{cid}"), None)
            .await
            .status,
        200
    );
    let gone = api
        .call("GET", &format!("/contacts/contactpersons/{will}"), None)
        .await;
    assert_ne!(gone.status, 200);
}
