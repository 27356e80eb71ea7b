//! Contacts, contact persons, addresses, statements, client reviews and organizations: every
//! operation's request and the decoding of the reference's example answer, then workflows
//! against the fake server.

#![cfg(all(feature = "contacts", feature = "organizations"))]

mod support;

use futures_util::TryStreamExt;
use serde_json::json;
use support::{Recorder, Sent, mock};
use zoho_invoice::Endpoint;
use zoho_invoice::contacts::*;
use zoho_invoice::models::NaiveDate;
use zoho_invoice::models::contact_persons::ContactPersonInput;
use zoho_invoice::models::contacts::{
    AddressInput, ContactEmail, ContactFilterBy as StatusFilter, ContactInput, ContactPersonEntry,
    ContactSortColumn, ContactStatus, ContactType, EnablePortalAccess, PortalContactPerson,
    ReviewReply, StatementEmail,
};
use zoho_invoice::models::ids::{AddressId, CommentId, ContactId, ContactPersonId};
use zoho_invoice::organizations::{ListOrganizations, OrganizationFilter};
use zoho_invoice::query::{Paging, SortOrder, TextFilter};

const CONTACT: &str = "460000000026049";
const PERSON: &str = "460000000026051";
const ADDRESS: &str = "1053791000000186000";
const REVIEW: &str = "460000000053131";

fn contact_id() -> ContactId {
    CONTACT.parse().unwrap()
}

fn person_id() -> ContactPersonId {
    PERSON.parse().unwrap()
}

fn address_id() -> AddressId {
    ADDRESS.parse().unwrap()
}

fn review_id() -> CommentId {
    REVIEW.parse().unwrap()
}

/// Sends `op` through a recorder answering the fixture, and returns what was sent and the
/// decoded answer.
async fn call<E: Endpoint>(fixture: &str, op: &E) -> (Sent, E::Output) {
    let r = Recorder::answering_fixture(fixture);
    let out = r.client().send(op).await.unwrap();
    (r.only(), out)
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// A request without query nor body.
fn assert_bare(sent: &Sent, method: &str, path: &str) {
    assert_eq!((sent.method.as_str(), sent.path.as_str()), (method, path));
    assert!(sent.query.is_empty(), "{:?}", sent.query);
    assert_eq!(sent.content_type, None);
    assert!(sent.body.is_empty());
}

/// A request with a JSON body and no query.
fn assert_json(sent: &Sent, method: &str, path: &str, body: serde_json::Value) {
    assert_eq!((sent.method.as_str(), sent.path.as_str()), (method, path));
    assert!(sent.query.is_empty(), "{:?}", sent.query);
    assert_eq!(sent.content_type.as_deref(), Some("application/json"));
    assert_eq!(sent.json(), body);
}

fn bowman() -> ContactInput {
    ContactInput::new("Bowman and Co")
        .payment_terms(15_u32)
        .contact_persons(vec![ContactPersonEntry {
            first_name: Some("Will".into()),
            last_name: Some("Smith".into()),
            email: Some("will@bowman.example".into()),
            is_primary_contact: Some(true),
            ..Default::default()
        }])
}

fn bowman_json() -> serde_json::Value {
    json!({
        "contact_name": "Bowman and Co",
        "payment_terms": 15,
        "contact_persons": [{
            "first_name": "Will",
            "last_name": "Smith",
            "email": "will@bowman.example",
            "is_primary_contact": true
        }]
    })
}

fn hopyard() -> AddressInput {
    AddressInput {
        attention: Some("Mr.John".into()),
        address: Some("4900 Hopyard Rd".into()),
        city: Some("Pleasanton".into()),
        zip: Some("94588".into()),
        ..Default::default()
    }
}

fn hopyard_json() -> serde_json::Value {
    json!({
        "attention": "Mr.John",
        "address": "4900 Hopyard Rd",
        "city": "Pleasanton",
        "zip": "94588"
    })
}

fn will() -> ContactPersonInput {
    ContactPersonInput::new(contact_id(), "Will")
        .email("will@bowman.example")
        .enable_portal(true)
}

fn will_json() -> serde_json::Value {
    json!({
        "contact_id": CONTACT,
        "first_name": "Will",
        "email": "will@bowman.example",
        "enable_portal": true
    })
}

// ---- Contacts ----------------------------------------------------------------------------

#[tokio::test]
async fn create_a_contact() {
    let (sent, out) = call(
        "contacts/create_a_contact.response.json",
        &CreateContact { contact: bowman() },
    )
    .await;
    assert_json(&sent, "POST", "/contacts", bowman_json());
    assert_eq!(out.record.contact_id, contact_id());
    assert_eq!(out.record.contact_type, Some(ContactType::Customer));
    assert_eq!(out.record.payment_terms_label.as_deref(), Some("Net 15"));
}

#[tokio::test]
async fn list_contacts_with_every_filter() {
    let filter = ContactFilter {
        contact_name: Some(TextFilter::StartsWith("Bow".into())),
        company_name: Some(TextFilter::Contains("and".into())),
        first_name: Some(TextFilter::Is("Will".into())),
        last_name: Some(TextFilter::StartsWith("Sm".into())),
        address: Some(TextFilter::Contains("Hopyard".into())),
        email: Some(TextFilter::Contains("@zylker".into())),
        phone: Some(TextFilter::StartsWith("12".into())),
        filter_by: Some(StatusFilter::Active),
        search_text: Some("check & pay".into()),
        sort_column: Some(ContactSortColumn::OutstandingReceivableAmount),
        sort_order: Some(SortOrder::Descending),
        last_modified_time: None,
        paging: Paging {
            page: Some(3),
            per_page: Some(25),
        },
    };
    let (sent, page) = call(
        "contacts/list_contacts.response.json",
        &ListContacts { filter },
    )
    .await;
    assert_eq!(
        (sent.method.as_str(), sent.path.as_str()),
        ("GET", "/contacts")
    );
    assert_eq!(
        sent.query,
        pairs(&[
            ("contact_name_startswith", "Bow"),
            ("company_name_contains", "and"),
            ("first_name", "Will"),
            ("last_name_startswith", "Sm"),
            ("address_contains", "Hopyard"),
            ("email_contains", "@zylker"),
            ("phone_startswith", "12"),
            ("filter_by", "Status.Active"),
            ("search_text", "check & pay"),
            ("sort_column", "outstanding_receivable_amount"),
            ("sort_order", "D"),
            ("page", "3"),
            ("per_page", "25"),
        ])
    );
    assert!(sent.body.is_empty());
    assert_eq!(page.records.len(), 1);
    assert_eq!(page.records[0].first_name.as_deref(), Some("Will"));
    assert_eq!(page.records[0].status, Some(ContactStatus::Active));
    assert!(page.records[0].last_modified_time.is_some());
}

#[tokio::test]
async fn update_a_contact() {
    let (sent, out) = call(
        "contacts/update_a_contact.response.json",
        &UpdateContact {
            contact_id: contact_id(),
            contact: bowman(),
        },
    )
    .await;
    assert_json(&sent, "PUT", "/contacts/460000000026049", bowman_json());
    assert_eq!(out.record.contact_name.as_deref(), Some("Bowman and Co"));
}

#[tokio::test]
async fn get_and_delete_a_contact() {
    let (sent, out) = call(
        "contacts/get_a_contact.response.json",
        &GetContact {
            contact_id: contact_id(),
        },
    )
    .await;
    assert_bare(&sent, "GET", "/contacts/460000000026049");
    assert_eq!(out.record.facebook.as_deref(), Some("zoho"));
    let persons = out.record.contact_persons.unwrap();
    assert_eq!(persons[0].first_name.as_deref(), Some("Will"));

    let (sent, reply) = call(
        "contacts/delete_a_contact.response.json",
        &DeleteContact {
            contact_id: contact_id(),
        },
    )
    .await;
    assert_bare(&sent, "DELETE", "/contacts/460000000026049");
    assert!(reply.is_success());
    assert_eq!(reply.message, "The contact has been deleted.");
}

#[tokio::test]
async fn mark_a_contact_active_and_inactive() {
    let (sent, reply) = call(
        "contacts/mark_as_active.response.json",
        &MarkContactActive {
            contact_id: contact_id(),
        },
    )
    .await;
    assert_bare(&sent, "POST", "/contacts/460000000026049/active");
    assert_eq!(reply.message, "The contact has been marked as active.");

    let (sent, reply) = call(
        "contacts/mark_as_inactive.response.json",
        &MarkContactInactive {
            contact_id: contact_id(),
        },
    )
    .await;
    assert_bare(&sent, "POST", "/contacts/460000000026049/inactive");
    assert_eq!(reply.message, "The contact has been marked as inactive.");
}

#[tokio::test]
async fn enable_portal_access() {
    let (sent, reply) = call(
        "contacts/enable_portal_access.response.json",
        &EnableContactPortalAccess {
            contact_id: contact_id(),
            access: EnablePortalAccess {
                contact_persons: Some(vec![PortalContactPerson {
                    contact_person_id: Some(person_id()),
                    ..Default::default()
                }]),
                ..Default::default()
            },
        },
    )
    .await;
    assert_json(
        &sent,
        "POST",
        "/contacts/460000000026049/portal/enable",
        json!({"contact_persons": [{"contact_person_id": PERSON}]}),
    );
    assert!(reply.is_success());
}

#[tokio::test]
async fn payment_reminders_on_and_off() {
    let (sent, reply) = call(
        "contacts/enable_payment_reminders.response.json",
        &EnableContactPaymentReminders {
            contact_id: contact_id(),
        },
    )
    .await;
    assert_bare(
        &sent,
        "POST",
        "/contacts/460000000026049/paymentreminder/enable",
    );
    assert!(reply.message.contains("enabled"));

    let (sent, reply) = call(
        "contacts/disable_payment_reminders.response.json",
        &DisableContactPaymentReminders {
            contact_id: contact_id(),
        },
    )
    .await;
    assert_bare(
        &sent,
        "POST",
        "/contacts/460000000026049/paymentreminder/disable",
    );
    assert!(reply.message.contains("stopped"));
}

// ---- Statements and emails ---------------------------------------------------------------

fn september() -> StatementPeriod {
    StatementPeriod::new(
        NaiveDate::from_ymd_opt(2013, 9, 1).unwrap(),
        NaiveDate::from_ymd_opt(2013, 9, 30).unwrap(),
    )
}

#[tokio::test]
async fn email_a_statement() {
    let email = StatementEmail {
        send_from_org_email_id: Some(true),
        to_mail_ids: Some(vec!["will@bowman.example".into()]),
        subject: Some("Statement".into()),
        body: Some("Here it is.".into()),
        ..Default::default()
    };
    let (sent, reply) = call(
        "contacts/email_statement.response.json",
        &EmailContactStatement {
            contact_id: contact_id(),
            period: september(),
            email,
        },
    )
    .await;
    assert_eq!(
        (sent.method.as_str(), sent.path.as_str()),
        ("POST", "/contacts/460000000026049/statements/email")
    );
    assert_eq!(
        sent.query,
        pairs(&[("start_date", "2013-09-01"), ("end_date", "2013-09-30")])
    );
    assert_eq!(sent.content_type.as_deref(), Some("application/json"));
    assert_eq!(
        sent.json(),
        json!({
            "send_from_org_email_id": true,
            "to_mail_ids": ["will@bowman.example"],
            "subject": "Statement",
            "body": "Here it is."
        })
    );
    assert_eq!(reply.message, "Statement has been sent to the Customer.");

    // Without a period, the current month: no query at all.
    let r = Recorder::answering_fixture("contacts/email_statement.response.json");
    r.client()
        .send(&EmailContactStatement {
            contact_id: contact_id(),
            period: StatementPeriod::default(),
            email: StatementEmail::default(),
        })
        .await
        .unwrap();
    assert!(r.only().query.is_empty());
}

#[tokio::test]
async fn get_statement_mail_content() {
    let (sent, content) = call(
        "contacts/get_statement_mail_content.response.json",
        &GetContactStatementMailContent {
            contact_id: contact_id(),
            period: StatementPeriod {
                start_date: NaiveDate::from_ymd_opt(2013, 9, 1),
                end_date: None,
            },
        },
    )
    .await;
    assert_eq!(
        (sent.method.as_str(), sent.path.as_str()),
        ("GET", "/contacts/460000000026049/statements/email")
    );
    assert_eq!(sent.query, pairs(&[("start_date", "2013-09-01")]));
    assert!(sent.body.is_empty());
    assert_eq!(
        content.file_name.as_deref(),
        Some("statement_BowmanandCo.pdf")
    );
    assert_eq!(content.contact_id, Some(contact_id()));
}

#[tokio::test]
async fn email_a_contact() {
    let email = ContactEmail {
        to_mail_ids: Some(vec!["will@bowman.example".into()]),
        subject: Some("Welcome".into()),
        body: Some("Hello".into()),
        ..Default::default()
    };
    let (sent, reply) = call(
        "contacts/email_contact.response.json",
        &EmailContact {
            contact_id: contact_id(),
            options: EmailContactOptions {
                send_customer_statement: Some(true),
            },
            email: email.clone(),
        },
    )
    .await;
    assert_eq!(
        (sent.method.as_str(), sent.path.as_str()),
        ("POST", "/contacts/460000000026049/email")
    );
    assert_eq!(sent.query, pairs(&[("send_customer_statement", "true")]));
    assert_eq!(sent.content_type.as_deref(), Some("application/json"));
    assert_eq!(
        sent.json(),
        json!({"to_mail_ids": ["will@bowman.example"], "subject": "Welcome", "body": "Hello"})
    );
    assert_eq!(reply.message, "Email has been sent.");

    let (sent, _) = call(
        "contacts/email_contact.response.json",
        &EmailContact {
            contact_id: contact_id(),
            options: EmailContactOptions::default(),
            email,
        },
    )
    .await;
    assert!(sent.query.is_empty());
}

// ---- Comments, addresses, refunds --------------------------------------------------------

#[tokio::test]
async fn list_comments() {
    let (sent, page) = call(
        "contacts/list_comments.response.json",
        &ListContactComments {
            contact_id: contact_id(),
            filter: ContactCommentFilter::default(),
        },
    )
    .await;
    assert_bare(&sent, "GET", "/contacts/460000000026049/comments");
    assert_eq!(
        page.records[0].transaction_type.as_deref(),
        Some("customer_payment")
    );
    assert_eq!(page.records[0].comment_id, Some(review_id()));
}

#[tokio::test]
async fn additional_addresses() {
    let (sent, out) = call(
        "contacts/add_additional_address.response.json",
        &AddContactAddress {
            contact_id: contact_id(),
            address: hopyard(),
        },
    )
    .await;
    assert_json(
        &sent,
        "POST",
        "/contacts/460000000026049/address",
        hopyard_json(),
    );
    assert_eq!(out.record.address_id, Some(address_id()));
    assert_eq!(out.record.zip.as_deref(), Some("94588"));

    let (sent, page) = call(
        "contacts/get_contact_addresses.response.json",
        &ListContactAddresses {
            contact_id: contact_id(),
            filter: ContactAddressFilter::default(),
        },
    )
    .await;
    assert_bare(&sent, "GET", "/contacts/460000000026049/address");
    assert_eq!(page.records[0].city.as_deref(), Some("Pleasanton"));

    let (sent, out) = call(
        "contacts/edit_additional_address.response.json",
        &UpdateContactAddress {
            contact_id: contact_id(),
            address_id: address_id(),
            address: hopyard(),
        },
    )
    .await;
    assert_json(
        &sent,
        "PUT",
        "/contacts/460000000026049/address/1053791000000186000",
        hopyard_json(),
    );
    assert_eq!(out.message, "The address has been updated.");

    let (sent, reply) = call(
        "contacts/delete_additional_address.response.json",
        &DeleteContactAddress {
            contact_id: contact_id(),
            address_id: address_id(),
        },
    )
    .await;
    assert_bare(
        &sent,
        "DELETE",
        "/contacts/460000000026049/address/1053791000000186000",
    );
    assert!(reply.is_success());
}

#[tokio::test]
async fn list_refunds() {
    let (sent, page) = call(
        "contacts/list_refunds.response.json",
        &ListContactRefunds {
            contact_id: contact_id(),
            filter: ContactRefundFilter {
                paging: Paging {
                    page: Some(2),
                    per_page: None,
                },
                ..Default::default()
            },
        },
    )
    .await;
    assert_eq!(
        (sent.method.as_str(), sent.path.as_str()),
        ("GET", "/contacts/460000000026049/refunds")
    );
    assert_eq!(sent.query, pairs(&[("page", "2")]));
    assert_eq!(
        page.records[0].creditnote_number.as_deref(),
        Some("CN-00001")
    );
    assert_eq!(page.records[0].amount_bcy, Some("57.15".parse().unwrap()));
}

// ---- Client reviews ----------------------------------------------------------------------

#[tokio::test]
async fn client_reviews() {
    let (sent, page) = call(
        "contacts/view_all_client_reviews.response.json",
        &ListClientReviews {
            filter: ClientReviewFilter {
                contact_id: Some(contact_id()),
                ..Default::default()
            },
        },
    )
    .await;
    assert_eq!(
        (sent.method.as_str(), sent.path.as_str()),
        ("GET", "/clientreviews")
    );
    assert_eq!(sent.query, pairs(&[("contact_id", CONTACT)]));
    assert_eq!(page.records[0].rating, Some(4));

    let (sent, page) = call(
        "contacts/details_of_a_particular_client_review.response.json",
        &GetClientReview {
            comment_id: review_id(),
            contact: ReviewContact {
                contact_id: Some(contact_id()),
            },
        },
    )
    .await;
    assert_eq!(
        (sent.method.as_str(), sent.path.as_str()),
        ("GET", "/clientreviews/460000000053131")
    );
    assert_eq!(sent.query, pairs(&[("contact_id", CONTACT)]));
    assert!(sent.body.is_empty());
    assert_eq!(page.records[0].is_client_review_or_comment, Some(true));

    let (sent, page) = call(
        "contacts/reply_a_client_review.response.json",
        &ReplyClientReview {
            comment_id: review_id(),
            contact: ReviewContact::default(),
            reply: ReviewReply {
                description: Some("Thank you for your feedback".into()),
                ..Default::default()
            },
        },
    )
    .await;
    assert_json(
        &sent,
        "POST",
        "/clientreviews/460000000053131/comment",
        json!({"description": "Thank you for your feedback"}),
    );
    assert_eq!(page.message, "Comment has been updated.");
    assert_eq!(page.records[0].commented_by.as_deref(), Some("David Sujin"));
}

// ---- Contact persons ---------------------------------------------------------------------

#[tokio::test]
async fn create_and_update_a_contact_person() {
    let (sent, out) = call(
        "contacts/create_a_contact_person.response.json",
        &CreateContactPerson { person: will() },
    )
    .await;
    assert_json(&sent, "POST", "/contacts/contactpersons", will_json());
    let persons = out.contact_person.unwrap();
    assert_eq!(persons[0].contact_person_id, Some(person_id()));
    assert_eq!(persons[0].phone.as_deref(), Some("1234"));

    let (sent, out) = call(
        "contacts/update_a_contact_person.response.json",
        &UpdateContactPerson {
            contact_person_id: person_id(),
            person: will(),
        },
    )
    .await;
    assert_json(
        &sent,
        "PUT",
        "/contacts/contactpersons/460000000026051",
        will_json(),
    );
    assert_eq!(
        out.contact_person.unwrap()[0].is_added_in_portal,
        Some(true)
    );
}

#[tokio::test]
async fn list_get_delete_and_mark_a_contact_person() {
    let (sent, page) = call(
        "contacts/list_contact_persons.response.json",
        &ListContactPersons {
            contact_id: contact_id(),
            filter: ContactPersonFilter::default(),
        },
    )
    .await;
    assert_bare(&sent, "GET", "/contacts/460000000026049/contactpersons");
    assert_eq!(
        page.records[0].designation.as_deref(),
        Some("Sales Engineer")
    );

    let (sent, out) = call(
        "contacts/get_a_contact_person.response.json",
        &GetContactPerson {
            contact_id: contact_id(),
            contact_person_id: person_id(),
        },
    )
    .await;
    assert_bare(
        &sent,
        "GET",
        "/contacts/460000000026049/contactpersons/460000000026051",
    );
    assert_eq!(out.record.contact_id, Some(contact_id()));
    assert_eq!(out.record.skype.as_deref(), Some("zoho"));

    let (sent, reply) = call(
        "contacts/delete_a_contact_person.response.json",
        &DeleteContactPerson {
            contact_person_id: person_id(),
        },
    )
    .await;
    assert_bare(&sent, "DELETE", "/contacts/contactpersons/460000000026051");
    assert_eq!(reply.message, "The contact person has been deleted.");

    let (sent, reply) = call(
        "contacts/mark_as_primary_contact_person.response.json",
        &MarkContactPersonPrimary {
            contact_person_id: person_id(),
        },
    )
    .await;
    assert_bare(
        &sent,
        "POST",
        "/contacts/contactpersons/460000000026051/primary",
    );
    assert!(reply.is_success());
}

// ---- Organizations -----------------------------------------------------------------------

#[tokio::test]
async fn list_organizations() {
    let (sent, page) = call(
        "organizations/list_organizations.response.json",
        &ListOrganizations {
            filter: OrganizationFilter::default(),
        },
    )
    .await;
    assert_bare(&sent, "GET", "/organizations");
    assert!(!page.records.is_empty());
    assert_eq!(page.records[0].organization_id.as_str(), "10234695");
}

// ---- Input checks ------------------------------------------------------------------------

#[tokio::test]
async fn ids_are_encoded_in_every_position() {
    let r = Recorder::answering_fixture("contacts/get_a_contact_person.response.json");
    let odd_contact: ContactId = serde_json::from_str(r#""a/b""#).unwrap();
    let odd_person: ContactPersonId = serde_json::from_str(r#""c?d#e""#).unwrap();
    r.client()
        .send(&GetContactPerson {
            contact_id: odd_contact,
            contact_person_id: odd_person,
        })
        .await
        .unwrap();
    assert_eq!(r.only().path, "/contacts/a%2Fb/contactpersons/c%3Fd%23e");
    assert!(r.only().query.is_empty());

    // A blank id can be neither made nor decoded, so it never reaches a path.
    assert!("".parse::<ContactPersonId>().is_err());
    assert!(serde_json::from_str::<ContactId>(r#"" ""#).is_err());
}

// ---- Workflows on the fake server --------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_contact_lives_and_dies_on_the_fake_server() {
    let (server, client) = mock().await;

    // Create, with a contact person.
    let created = client
        .send(&CreateContact { contact: bowman() })
        .await
        .unwrap()
        .record;
    let id = created.contact_id.clone();
    assert_eq!(created.contact_name.as_deref(), Some("Bowman and Co"));
    assert_eq!(created.status, Some(ContactStatus::Active));
    let persons = created.contact_persons.unwrap_or_default();
    assert_eq!(persons.len(), 1, "the contact person sent with the contact");
    assert_eq!(persons[0].first_name.as_deref(), Some("Will"));
    assert_eq!(persons[0].is_primary_contact, Some(true));

    // Get it.
    let got = client
        .send(&GetContact {
            contact_id: id.clone(),
        })
        .await
        .unwrap()
        .record;
    assert_eq!(got.contact_id, id.clone());
    assert_eq!(got.payment_terms, Some(15));
    // (The fake server's get lists only the persons made with `CreateContactPerson`: see
    // `contact_persons_on_the_fake_server`.)

    // Update it.
    let renamed = ContactInput::new("Bowman & Sons").website("bowman.example");
    let updated = client
        .send(&UpdateContact {
            contact_id: id.clone(),
            contact: renamed,
        })
        .await
        .unwrap()
        .record;
    assert_eq!(updated.contact_name.as_deref(), Some("Bowman & Sons"));
    let got = client
        .send(&GetContact {
            contact_id: id.clone(),
        })
        .await
        .unwrap()
        .record;
    assert_eq!(got.website.as_deref(), Some("bowman.example"));

    // Inactive, then active again.
    client
        .send(&MarkContactInactive {
            contact_id: id.clone(),
        })
        .await
        .unwrap();
    let got = client
        .send(&GetContact {
            contact_id: id.clone(),
        })
        .await
        .unwrap()
        .record;
    assert_eq!(got.status, Some(ContactStatus::Inactive));
    client
        .send(&MarkContactActive {
            contact_id: id.clone(),
        })
        .await
        .unwrap();
    let got = client
        .send(&GetContact {
            contact_id: id.clone(),
        })
        .await
        .unwrap()
        .record;
    assert_eq!(got.status, Some(ContactStatus::Active));

    // An additional address, added then edited.
    let added = client
        .send(&AddContactAddress {
            contact_id: id.clone(),
            address: hopyard(),
        })
        .await
        .unwrap()
        .record;
    let address = added.address_id.clone().expect("an address id");
    assert_eq!(added.city.as_deref(), Some("Pleasanton"));
    let edited = client
        .send(&UpdateContactAddress {
            contact_id: id.clone(),
            address_id: address.clone(),
            address: AddressInput {
                city: Some("Dublin".into()),
                ..hopyard()
            },
        })
        .await
        .unwrap()
        .record;
    assert_eq!(edited.city.as_deref(), Some("Dublin"));
    let addresses = client
        .send(&ListContactAddresses {
            contact_id: id.clone(),
            filter: Default::default(),
        })
        .await
        .unwrap()
        .records;
    let stored = addresses
        .iter()
        .find(|a| a.address_id.as_ref() == Some(&address))
        .expect("the address is listed");
    assert_eq!(stored.city.as_deref(), Some("Dublin"));
    client
        .send(&DeleteContactAddress {
            contact_id: id.clone(),
            address_id: address.clone(),
        })
        .await
        .unwrap();
    let addresses = client
        .send(&ListContactAddresses {
            contact_id: id.clone(),
            filter: Default::default(),
        })
        .await
        .unwrap()
        .records;
    assert!(
        addresses
            .iter()
            .all(|a| a.address_id.as_ref() != Some(&address))
    );

    // Delete it: gone.
    client
        .send(&DeleteContact {
            contact_id: id.clone(),
        })
        .await
        .unwrap();
    let gone = client
        .send(&GetContact { contact_id: id })
        .await
        .unwrap_err();
    assert!(gone.is_not_found(), "{gone}");
    assert_eq!(server.count("DELETE /contacts/{contact_id}"), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn contact_persons_on_the_fake_server() {
    let (_server, client) = mock().await;
    let contact = client
        .send(&CreateContact {
            contact: ContactInput::new("Zylker"),
        })
        .await
        .unwrap()
        .record
        .contact_id;

    let person = |first: &str| ContactPersonInput::new(contact.clone(), first);
    let saved = client
        .send(&CreateContactPerson {
            person: person("Will"),
        })
        .await
        .unwrap();
    let will_id = saved.contact_person.unwrap()[0]
        .contact_person_id
        .clone()
        .expect("an id");
    let saved = client
        .send(&CreateContactPerson {
            person: person("Ann"),
        })
        .await
        .unwrap();
    let ann_id = saved.contact_person.unwrap()[0]
        .contact_person_id
        .clone()
        .expect("an id");
    assert_ne!(will_id, ann_id);

    let listed = client
        .send(&ListContactPersons {
            contact_id: contact.clone(),
            filter: Default::default(),
        })
        .await
        .unwrap()
        .records;
    assert_eq!(listed.len(), 2);

    let updated = client
        .send(&UpdateContactPerson {
            contact_person_id: will_id.clone(),
            person: ContactPersonInput {
                last_name: Some("Smith".into()),
                ..person("Will")
            },
        })
        .await
        .unwrap();
    assert_eq!(
        updated.contact_person.unwrap()[0].last_name.as_deref(),
        Some("Smith")
    );
    let got = client
        .send(&GetContactPerson {
            contact_id: contact.clone(),
            contact_person_id: will_id.clone(),
        })
        .await
        .unwrap()
        .record;
    assert_eq!(got.last_name.as_deref(), Some("Smith"));

    // Ann becomes primary, then Will: only one primary at a time.
    for primary in [&ann_id, &will_id] {
        client
            .send(&MarkContactPersonPrimary {
                contact_person_id: primary.clone(),
            })
            .await
            .unwrap();
        let listed = client
            .send(&ListContactPersons {
                contact_id: contact.clone(),
                filter: Default::default(),
            })
            .await
            .unwrap()
            .records;
        let primaries: Vec<_> = listed
            .iter()
            .filter(|p| p.is_primary_contact == Some(true))
            .map(|p| p.contact_person_id.clone())
            .collect();
        assert_eq!(primaries, [Some(primary.clone())]);
    }

    // The contact shows its persons.
    let shown = client
        .send(&GetContact {
            contact_id: contact.clone(),
        })
        .await
        .unwrap()
        .record
        .contact_persons
        .unwrap_or_default();
    assert_eq!(shown.len(), 2);

    client
        .send(&DeleteContactPerson {
            contact_person_id: ann_id.clone(),
        })
        .await
        .unwrap();
    let listed = client
        .send(&ListContactPersons {
            contact_id: contact.clone(),
            filter: Default::default(),
        })
        .await
        .unwrap()
        .records;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].contact_person_id, Some(will_id));
    let gone = client
        .send(&GetContactPerson {
            contact_id: contact,
            contact_person_id: ann_id,
        })
        .await
        .unwrap_err();
    assert!(gone.is_not_found(), "{gone}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn contacts_are_filtered_and_paginated_on_the_fake_server() {
    let (server, client) = mock().await;
    let mut bows = Vec::new();
    for name in [
        "Bowman and Co",
        "Bowtie Ltd",
        "Zylker",
        "Bowling Club",
        "Acme",
        "Bower Inc",
        "Bowl & Co",
    ] {
        let contact = ContactInput::new(name);
        let id = client
            .send(&CreateContact { contact })
            .await
            .unwrap()
            .record
            .contact_id;
        if name.starts_with("Bow") {
            bows.push(id);
        }
    }
    client
        .send(&MarkContactInactive {
            contact_id: bows[0].clone(),
        })
        .await
        .unwrap();
    server.clear_requests();

    // Every "Bow..." contact, two per page.
    let list = |filter_by| ListContacts {
        filter: ContactFilter {
            contact_name: Some(TextFilter::StartsWith("Bow".into())),
            filter_by: Some(filter_by),
            sort_column: Some(ContactSortColumn::ContactName),
            sort_order: Some(SortOrder::Ascending),
            paging: Paging {
                page: None,
                per_page: Some(2),
            },
            ..Default::default()
        },
    };
    let before = server.count("GET /contacts");
    let all: Vec<_> = client
        .records(list(StatusFilter::All))
        .try_collect()
        .await
        .unwrap();
    let names: Vec<_> = all
        .iter()
        .map(|c| c.contact_name.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        names,
        [
            "Bower Inc",
            "Bowl & Co",
            "Bowling Club",
            "Bowman and Co",
            "Bowtie Ltd"
        ]
    );
    assert_eq!(
        server.count("GET /contacts") - before,
        3,
        "three pages of at most two"
    );

    // The pages one at a time.
    let pages: Vec<_> = client
        .pages(list(StatusFilter::All))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        pages.iter().map(|p| p.records.len()).collect::<Vec<_>>(),
        [2, 2, 1]
    );
    assert!(pages[0].has_more_page() && !pages[2].has_more_page());

    // Only the active ones, then only the inactive one.
    let active: Vec<_> = client
        .records(list(StatusFilter::Active))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(active.len(), 4);
    assert!(
        active
            .iter()
            .all(|c| c.status == Some(ContactStatus::Active))
    );
    let inactive: Vec<_> = client
        .records(list(StatusFilter::Inactive))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(inactive.len(), 1);
    assert_eq!(inactive[0].contact_id, bows[0].clone());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn organizations_on_the_fake_server() {
    let (server, client) = mock().await;
    let page = client
        .send(&ListOrganizations {
            filter: OrganizationFilter::default(),
        })
        .await
        .unwrap();
    let ids: Vec<_> = page
        .records
        .iter()
        .filter_map(|o| Some(&o.organization_id).map(|id| id.as_str().to_owned()))
        .collect();
    assert!(
        ids.iter().any(|id| id == server.organization_id()),
        "{ids:?}"
    );
    let all: Vec<_> = client
        .records(ListOrganizations {
            filter: OrganizationFilter::default(),
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), page.records.len());
}
