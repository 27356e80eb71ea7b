#![cfg(all(feature = "contacts", feature = "organizations"))]

use crate::support::mock;
use futures_util::TryStreamExt;
use zoho_invoice::contacts::*;
use zoho_invoice::models::contact_persons::ContactPersonInput;
use zoho_invoice::models::contacts::{
    AddressInput, ContactFilterBy as StatusFilter, ContactInput, ContactPersonEntry,
    ContactSortColumn, ContactStatus,
};
use zoho_invoice::organizations::{ListOrganizations, OrganizationFilter};
use zoho_invoice::query::{Paging, SortOrder, TextFilter};

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

fn hopyard() -> AddressInput {
    AddressInput {
        attention: Some("Mr.John".into()),
        address: Some("4900 Hopyard Rd".into()),
        city: Some("Pleasanton".into()),
        zip: Some("94588".into()),
        ..Default::default()
    }
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
