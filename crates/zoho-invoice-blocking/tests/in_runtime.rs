//! Called from inside a tokio runtime, current-thread or multi-thread: it works, no panic, no
//! deadlock. The fake server runs on a runtime of its own, as a remote server would.

mod support;

use zoho_invoice_blocking::zoho_invoice::items::{CreateItem, GetItem};
use zoho_invoice_blocking::zoho_invoice::models::items::ItemInput;

fn round_trip(client: &zoho_invoice_blocking::Client) {
    let item = ItemInput::new("Cable", 3);
    let id = client.send(CreateItem { item }).unwrap().record.item_id;
    let got = client.send(GetItem { item_id: id }).unwrap().record;
    assert_eq!(got.name.as_deref(), Some("Cable"));
}

#[tokio::test(flavor = "current_thread")]
async fn inside_a_current_thread_runtime() {
    let fake = support::fake();
    let client = fake.client();
    round_trip(&client);
    drop(client); // shutting down inside a runtime does not panic either
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inside_a_multi_thread_runtime() {
    let fake = support::fake();
    let client = fake.client();
    round_trip(&client);
    // And from a task of that runtime.
    let c = client.clone();
    tokio::spawn(async move { round_trip(&c) }).await.unwrap();
}
