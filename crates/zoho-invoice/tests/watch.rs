//! Watch against the fake server: every change delivered once, in order, resumable from a
//! saved cursor without missing or repeating a record.

#![cfg(feature = "items")]

mod support;

use std::time::Duration;

use zoho_invoice::items::{CreateItem, ItemFilter, ListItems, UpdateItem};
use zoho_invoice::models::items::ItemInput;
use zoho_invoice::{Cursor, Watcher};

fn item(name: &str) -> ItemInput {
    ItemInput::new(name, 10)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn watch_delivers_each_change_once_and_resumes_from_a_saved_cursor() {
    let (server, client) = support::mock().await;
    let mut ids = Vec::new();
    for name in ["a", "b", "c"] {
        let created = client
            .send(&CreateItem { item: item(name) })
            .await
            .unwrap()
            .record;
        ids.push(created.item_id);
        server.advance_clock(Duration::from_secs(1));
    }

    let list = ListItems {
        filter: ItemFilter {
            paging: zoho_invoice::query::Paging {
                page: None,
                per_page: Some(2),
            },
            ..Default::default()
        },
    };
    let mut watcher = Watcher::new(client.clone(), list.clone(), Cursor::from_start());
    let first: Vec<_> = watcher
        .poll()
        .await
        .unwrap()
        .into_iter()
        .map(|(i, _)| i.name.unwrap())
        .collect();
    assert_eq!(first, ["a", "b", "c"], "every record, oldest change first");
    assert!(
        watcher.poll().await.unwrap().is_empty(),
        "nothing changed, nothing delivered"
    );

    server.advance_clock(Duration::from_secs(10));
    client
        .send(&UpdateItem {
            item_id: ids[1].clone(),
            item: item("b2"),
        })
        .await
        .unwrap();
    let second: Vec<_> = watcher
        .poll()
        .await
        .unwrap()
        .into_iter()
        .map(|(i, _)| i.name.unwrap())
        .collect();
    assert_eq!(second, ["b2"], "only the update");

    // Stop, save the cursor, change things, start again from the saved cursor.
    let saved = serde_json::to_string(watcher.cursor()).unwrap();
    drop(watcher);
    server.advance_clock(Duration::from_secs(10));
    client
        .send(&UpdateItem {
            item_id: ids[0].clone(),
            item: item("a2"),
        })
        .await
        .unwrap();
    server.advance_clock(Duration::from_secs(1));
    client.send(&CreateItem { item: item("d") }).await.unwrap();

    let cursor: Cursor = serde_json::from_str(&saved).unwrap();
    let mut resumed = Watcher::new(client.clone(), list, cursor);
    let third: Vec<_> = resumed
        .poll()
        .await
        .unwrap()
        .into_iter()
        .map(|(i, _)| i.name.unwrap())
        .collect();
    assert_eq!(third, ["a2", "d"], "no record missed, none repeated");
    assert!(resumed.poll().await.unwrap().is_empty());

    // The requests asked the server for changes only, sorted by change time.
    let last = server
        .requests()
        .into_iter()
        .rev()
        .find(|r| r.path.ends_with("/items"))
        .unwrap();
    let has = |k: &str| last.query.iter().any(|(key, _)| key == k);
    assert!(has("last_modified_time"), "{:?}", last.query);
    assert!(
        last.query
            .contains(&("sort_column".to_owned(), "last_modified_time".to_owned())),
        "{:?}",
        last.query
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_delivered_change_comes_with_the_cursor_to_save() {
    let (server, client) = support::mock().await;
    for name in ["a", "b"] {
        client.send(&CreateItem { item: item(name) }).await.unwrap();
        server.advance_clock(Duration::from_secs(1));
    }
    let list = ListItems {
        filter: ItemFilter::default(),
    };
    let mut watcher = Watcher::new(client.clone(), list.clone(), Cursor::from_start());
    let changes = watcher.poll().await.unwrap();
    assert_eq!(changes.len(), 2);

    // Stopping after the first record and resuming from its cursor delivers the second only.
    let mut resumed = Watcher::new(client, list, changes[0].1.clone());
    let rest: Vec<_> = resumed
        .poll()
        .await
        .unwrap()
        .into_iter()
        .map(|(i, _)| i.name.unwrap())
        .collect();
    assert_eq!(rest, ["b"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_watch_of_creations_delivers_new_records_once_and_passes_over_updates() {
    let (server, client) = support::mock().await;
    let names = |changes: Vec<(zoho_invoice::models::items::Item, Cursor)>| -> Vec<String> {
        changes.into_iter().map(|(i, _)| i.name.unwrap()).collect()
    };
    let mut created = Vec::new();
    for name in ["a", "b"] {
        created.push(client.items().create(item(name)).await.unwrap().item_id);
        server.advance_clock(Duration::from_secs(1));
    }
    let mut watcher =
        Watcher::new(client.clone(), ListItems::new(), Cursor::from_start()).created_only();
    assert_eq!(names(watcher.poll().await.unwrap()), ["a", "b"]);

    server.advance_clock(Duration::from_secs(600));
    client
        .items()
        .update(&created[0], item("a2"))
        .await
        .unwrap();
    assert!(
        watcher.poll().await.unwrap().is_empty(),
        "a change to a record created before is passed over"
    );

    server.advance_clock(Duration::from_secs(10));
    client.items().create(item("c")).await.unwrap();
    server.advance_clock(Duration::from_secs(10));
    client
        .items()
        .update(&created[1], item("b2"))
        .await
        .unwrap();
    assert_eq!(
        names(watcher.poll().await.unwrap()),
        ["c"],
        "only the new one"
    );
    assert!(watcher.poll().await.unwrap().is_empty(), "and only once");
}
