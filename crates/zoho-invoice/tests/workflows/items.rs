#![cfg(feature = "items")]

use crate::support::mock;
use futures_util::TryStreamExt;
use zoho_invoice::items::*;
use zoho_invoice::models::items::{ItemInput, ItemStatus};
use zoho_invoice::query::Paging;

fn drive() -> ItemInput {
    ItemInput::new(
        "Hard Drive",
        "120.50".parse::<zoho_invoice::models::Decimal>().unwrap(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_item_lives_and_dies_on_the_fake_server() {
    let (server, client) = mock().await;
    let created = client
        .send(&CreateItem { item: drive() })
        .await
        .unwrap()
        .record;
    let id = created.item_id.clone();
    assert_eq!(created.rate, Some("120.50".parse().unwrap()));

    let renamed = ItemInput::new("SSD", 99);
    let updated = client
        .send(&UpdateItem {
            item_id: id.clone(),
            item: renamed,
        })
        .await
        .unwrap()
        .record;
    assert_eq!(updated.name.as_deref(), Some("SSD"));

    client
        .send(&MarkItemInactive {
            item_id: id.clone(),
        })
        .await
        .unwrap();
    let got = client
        .send(&GetItem {
            item_id: id.clone(),
        })
        .await
        .unwrap()
        .record;
    assert_eq!(got.status, Some(ItemStatus::Inactive));

    for n in 0..5 {
        let item = ItemInput::new(format!("Cable {n}"), n);
        client.send(&CreateItem { item }).await.unwrap();
    }
    let all: Vec<_> = client
        .records(ListItems {
            filter: ItemFilter {
                filter_by: Some("Status.All".into()),
                paging: Paging {
                    page: None,
                    per_page: Some(2),
                },
                ..Default::default()
            },
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 6, "every page walked");
    assert_eq!(server.count("GET /items"), 3, "three pages of two");

    client
        .send(&DeleteItem {
            item_id: id.clone(),
        })
        .await
        .unwrap();
    let gone = client.send(&GetItem { item_id: id }).await.unwrap_err();
    assert!(gone.is_not_found(), "{gone}");
}
