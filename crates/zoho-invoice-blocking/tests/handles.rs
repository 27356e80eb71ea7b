//! The resource handles from synchronous code: the same calls as the async client's, run with
//! `run()`, lists as iterators.

mod support;

use zoho_invoice_blocking::zoho_invoice::models::contacts::ContactInput;
use zoho_invoice_blocking::zoho_invoice::models::items::ItemInput;

#[test]
fn handles_create_get_and_list_records() {
    let fake = support::fake();
    let client = fake.client();

    let contact = client
        .contacts()
        .create(ContactInput::new("Bowman and Co").company_name("Bowman and Co Ltd"))
        .run()
        .unwrap();
    let contact_id = contact.contact_id;
    let again = client.contacts().get(&contact_id).run().unwrap();
    assert_eq!(again.contact_name.as_deref(), Some("Bowman and Co"));
    let answer = client
        .contacts()
        .get(&contact_id)
        .run_for_envelope()
        .unwrap();
    assert_eq!(answer.code, 0);

    for name in ["Hard Drive", "Monitor", "Cable"] {
        client
            .items()
            .create(ItemInput::new(name, 10))
            .run()
            .unwrap();
    }
    let names: Vec<String> = client
        .items()
        .list()
        .per_page(2)
        .records()
        .map(|item| item.unwrap().name.unwrap_or_default())
        .collect();
    assert_eq!(names.len(), 3, "two pages of two and one: {names:?}");
    for name in ["Hard Drive", "Monitor", "Cable"] {
        assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
    }
}
