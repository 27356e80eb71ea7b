//! Many threads, one client: one pool, one token, one rate limiter; nothing lost.

mod support;

use zoho_invoice_blocking::Client;

use std::collections::BTreeSet;

use zoho_invoice_blocking::zoho_invoice::items::{CreateItem, ItemFilter, ListItems};
use zoho_invoice_blocking::zoho_invoice::models::items::ItemInput;
use zoho_invoice_blocking::zoho_invoice::query::Paging;
use zoho_invoice_blocking::zoho_invoice::transport::RateLimitConfig;
use zoho_invoice_mock::{Limits, MockConfig};

#[test]
fn eight_threads_share_one_client_under_the_rate_limiter_and_lose_nothing() {
    // The server refuses a fifth request in flight with a 429; the client's limiter allows 4.
    let mut limits = Limits::default();
    limits.concurrent = Some(4);
    let mut config = MockConfig::default();
    config.limits = limits;
    let fake = support::fake_with(config);
    let client = Client::build(
        fake.builder().rate_limit(
            RateLimitConfig::default()
                .with_max_in_flight(4)
                .with_requests_per(100_000, std::time::Duration::from_secs(60)),
        ),
    )
    .unwrap();

    let handles: Vec<_> = (0..8)
        .map(|t| {
            let client = client.clone();
            std::thread::spawn(move || {
                (0..50)
                    .map(|n| {
                        let item = ItemInput::new(format!("t{t}-n{n}"), n);
                        client.send(CreateItem { item }).unwrap().record.item_id
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let ids: BTreeSet<_> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    assert_eq!(ids.len(), 400, "every call answered with its own record");
    // Every arrival is counted, refused ones too: 400 means no create was refused with a 429
    // (the limiter kept the client under the server's limit) and none was sent twice.
    assert_eq!(fake.server.count("POST /items"), 400);

    // Pagination over everything, as an iterator.
    let list = ListItems {
        filter: ItemFilter {
            paging: Paging {
                page: None,
                per_page: Some(200),
            },
            ..Default::default()
        },
    };
    let listed: BTreeSet<_> = client
        .records(list)
        .map(|item| item.unwrap().item_id)
        .collect();
    assert_eq!(listed, ids);
    assert_eq!(fake.server.count("GET /items"), 2, "two pages of 200");
}
