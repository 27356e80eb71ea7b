//! Items and price lists: every operation's request and the decoding of the reference's
//! example answer, then a workflow against the fake server.

#![cfg(feature = "items")]

mod support;

use futures_util::TryStreamExt;
use serde_json::json;
use support::{Recorder, mock};
use zoho_invoice::items::*;
use zoho_invoice::models::ids::{ItemId, PriceListId};
use zoho_invoice::models::items::{ItemInput, ItemStatus};
use zoho_invoice::models::price_lists::{PriceListInput, PriceListType};
use zoho_invoice::query::{AmountFilter, Paging, SortOrder, TextFilter};

fn item_id() -> ItemId {
    "903000000045027".parse().unwrap()
}

fn drive() -> ItemInput {
    ItemInput::new(
        "Hard Drive",
        "120.50".parse::<zoho_invoice::models::Decimal>().unwrap(),
    )
}

#[tokio::test]
async fn create_an_item() {
    let r = Recorder::answering_fixture("items/create_an_item.response.json");
    let out = r
        .client()
        .send(&CreateItem { item: drive() })
        .await
        .unwrap();
    let sent = r.only();
    assert_eq!(
        (sent.method.as_str(), sent.path.as_str()),
        ("POST", "/items")
    );
    assert_eq!(sent.content_type.as_deref(), Some("application/json"));
    assert_eq!(sent.body, r#"{"name":"Hard Drive","rate":120.50}"#);
    assert_eq!(out.record.item_id, item_id());
    assert_eq!(out.record.status, Some(ItemStatus::Active));
}

#[tokio::test]
async fn list_items_with_filters() {
    let r = Recorder::answering_fixture("items/list_items.response.json");
    let filter = ItemFilter {
        name: Some(TextFilter::StartsWith("Hard".into())),
        rate: Some(AmountFilter::GreaterEquals(100.into())),
        filter_by: Some("Status.Active".into()),
        sort_column: Some("rate".into()),
        sort_order: Some(SortOrder::Descending),
        paging: Paging {
            page: Some(2),
            per_page: Some(50),
        },
        ..Default::default()
    };
    let page = r.client().send(&ListItems { filter }).await.unwrap();
    let sent = r.only();
    assert_eq!(
        (sent.method.as_str(), sent.path.as_str()),
        ("GET", "/items")
    );
    assert_eq!(
        sent.query,
        [
            ("name_startswith", "Hard"),
            ("rate_greater_equals", "100"),
            ("filter_by", "Status.Active"),
            ("sort_column", "rate"),
            ("sort_order", "D"),
            ("page", "2"),
            ("per_page", "50"),
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
    );
    assert!(sent.body.is_empty());
    assert_eq!(page.records[0].name.as_deref(), Some("Hard Drive"));
}

#[tokio::test]
async fn update_get_delete_and_mark_an_item() {
    let r = Recorder::answering_fixture("items/update_an_item.response.json");
    r.client()
        .send(&UpdateItem {
            item_id: item_id(),
            item: drive(),
        })
        .await
        .unwrap();
    let sent = r.only();
    assert_eq!(
        (sent.method.as_str(), sent.path.as_str()),
        ("PUT", "/items/903000000045027")
    );
    assert_eq!(sent.json(), json!({"name": "Hard Drive", "rate": 120.50}));

    let r = Recorder::answering_fixture("items/retrieve_an_item.response.json");
    let item = r
        .client()
        .send(&GetItem { item_id: item_id() })
        .await
        .unwrap()
        .record;
    assert_eq!(
        (r.only().method.as_str(), r.only().path.as_str()),
        ("GET", "/items/903000000045027")
    );
    assert_eq!(item.sku.as_deref(), Some("s12345"));

    let r = Recorder::answering_fixture("items/delete_an_item.response.json");
    let reply = r
        .client()
        .send(&DeleteItem { item_id: item_id() })
        .await
        .unwrap();
    assert_eq!(
        (r.only().method.as_str(), r.only().path.as_str()),
        ("DELETE", "/items/903000000045027")
    );
    assert!(reply.is_success());

    let r = Recorder::answering_fixture("items/mark_as_active.response.json");
    r.client()
        .send(&MarkItemActive { item_id: item_id() })
        .await
        .unwrap();
    assert_eq!(
        (r.only().method.as_str(), r.only().path.as_str()),
        ("POST", "/items/903000000045027/active")
    );

    let r = Recorder::answering_fixture("items/mark_as_inactive.response.json");
    r.client()
        .send(&MarkItemInactive { item_id: item_id() })
        .await
        .unwrap();
    assert_eq!(
        (r.only().method.as_str(), r.only().path.as_str()),
        ("POST", "/items/903000000045027/inactive")
    );
}

#[tokio::test]
async fn price_lists() {
    let id: PriceListId = "1152891000000265000".parse().unwrap();
    let input = PriceListInput::new("Wholesale", PriceListType::PerItem);

    let r = Recorder::answering_fixture("items/create_a_price_list.response.json");
    let created = r
        .client()
        .send(&CreatePriceList {
            price_list: input.clone(),
        })
        .await
        .unwrap();
    let sent = r.only();
    assert_eq!(
        (sent.method.as_str(), sent.path.as_str()),
        ("POST", "/pricebooks")
    );
    assert_eq!(
        sent.json(),
        json!({"name": "Wholesale", "pricebook_type": "per_item"})
    );
    assert_eq!(created.record.pricebook_id.as_str(), "1152891000000265000");

    let r = Recorder::answering_fixture("items/list_of_all_the_price_lists.response.json");
    let page = r
        .client()
        .send(&ListPriceLists {
            filter: Default::default(),
        })
        .await
        .unwrap();
    assert_eq!(
        (r.only().method.as_str(), r.only().path.as_str()),
        ("GET", "/pricebooks")
    );
    assert!(!page.records.is_empty());

    let r = Recorder::answering_fixture("items/update_a_price_list.response.json");
    r.client()
        .send(&UpdatePriceList {
            pricebook_id: id.clone(),
            price_list: input,
        })
        .await
        .unwrap();
    assert_eq!(
        (r.only().method.as_str(), r.only().path.as_str()),
        ("PUT", "/pricebooks/1152891000000265000")
    );

    let r = Recorder::answering_fixture("items/retrieve_a_price_list.response.json");
    let got = r
        .client()
        .send(&GetPriceList {
            pricebook_id: id.clone(),
        })
        .await
        .unwrap();
    assert_eq!(
        (r.only().method.as_str(), r.only().path.as_str()),
        ("GET", "/pricebooks/1152891000000265000")
    );
    assert!(got.record.name.is_some());

    let r = Recorder::answering_fixture("items/delete_a_price_list.response.json");
    r.client()
        .send(&DeletePriceList { pricebook_id: id })
        .await
        .unwrap();
    assert_eq!(
        (r.only().method.as_str(), r.only().path.as_str()),
        ("DELETE", "/pricebooks/1152891000000265000")
    );
}

#[tokio::test]
async fn ids_that_could_change_the_path_are_encoded_or_refused() {
    let r = Recorder::answering_fixture("items/retrieve_an_item.response.json");
    let client = r.client();
    // Ids decoded from a server are taken as sent; the path still cannot change.
    let odd: ItemId = serde_json::from_str(r#""../contacts/1?x=1#f""#).unwrap();
    client.send(&GetItem { item_id: odd }).await.unwrap();
    assert_eq!(r.only().path, "/items/%2E%2E%2Fcontacts%2F1%3Fx%3D1%23f");
    assert!(r.only().query.is_empty());

    // Ids made in code are checked when made: an unsafe one never becomes an id.
    assert!("".parse::<ItemId>().is_err());
    assert!("1/2".parse::<ItemId>().is_err());
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
