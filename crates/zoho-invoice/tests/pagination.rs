//! Pagination stops: after the last page, after an error, and when the server contradicts
//! itself, so a walk can never loop forever.

#![cfg(all(feature = "items", feature = "projects"))]

mod support;

use futures_util::{StreamExt, TryStreamExt};
use support::Recorder;
use zoho_invoice::items::{ItemFilter, ListItems};

fn list() -> ListItems {
    ListItems {
        filter: ItemFilter::default(),
    }
}

#[tokio::test]
async fn a_server_that_always_announces_more_but_sends_nothing_is_walked_once() {
    let r = Recorder::answering(
        r#"{"code":0,"message":"success","items":[],"page_context":{"page":1,"per_page":200,"has_more_page":true}}"#,
    );
    let pages: Vec<_> = r.client().pages(list()).try_collect().await.unwrap();
    assert_eq!(pages.len(), 1);
    assert_eq!(r.sent().len(), 1);
    assert_eq!(
        r.only().query("per_page"),
        Some("200"),
        "bulk work asks for 200 a page"
    );
}

#[tokio::test]
async fn a_server_that_keeps_sending_the_same_page_is_an_error_and_the_walk_stops() {
    let r = Recorder::answering(
        r#"{"code":0,"message":"success","items":[{"item_id":"1"}],"page_context":{"page":1,"has_more_page":true}}"#,
    );
    let results: Vec<_> = r.client().pages(list()).collect().await;
    assert_eq!(results.len(), 2, "page 1, then the error for page 2");
    assert!(results[0].is_ok());
    let err = results[1].as_ref().unwrap_err();
    assert!(err.to_string().contains("asked for page 2"), "{err}");
    assert_eq!(r.sent().len(), 2);
}

#[tokio::test]
async fn an_error_ends_the_walk() {
    let r = Recorder::answering(r#"{"code":1000,"message":"Internal error"}"#);
    let results: Vec<_> = r.client().records(list()).collect().await;
    assert_eq!(results.len(), 1);
    assert_eq!(results[0].as_ref().unwrap_err().code(), Some(1000));
}

#[tokio::test]
async fn a_walk_starts_at_the_filters_page() {
    let r = Recorder::answering(
        r#"{"code":0,"message":"success","items":[{"item_id":"9"}],"page_context":{"page":3,"has_more_page":false}}"#,
    );
    let mut l = list();
    l.filter.paging.page = Some(3);
    l.filter.paging.per_page = Some(10);
    let items: Vec<_> = r.client().records(l).try_collect().await.unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(r.only().query("page"), Some("3"));
    assert_eq!(r.only().query("per_page"), Some("10"));
}

#[tokio::test]
async fn the_streams_are_unpin_so_try_next_works_on_them_as_they_are() {
    let r = Recorder::answering(
        r#"{"code":0,"message":"success","items":[{"item_id":"7"}],"page_context":{"page":1,"has_more_page":false}}"#,
    );
    let mut items = r.client().records(list());
    let first = items.try_next().await.unwrap().expect("one item");
    assert_eq!(first.item_id.as_str(), "7");
    assert!(items.try_next().await.unwrap().is_none());
    let mut pages = r.client().pages(list());
    assert_eq!(
        pages.try_next().await.unwrap().map(|p| p.records.len()),
        Some(1)
    );
}

#[tokio::test]
async fn a_list_sent_whole_is_one_request_without_paging_even_if_the_server_announces_more() {
    use zoho_invoice::projects::ListProjectUsers;
    let r = Recorder::answering(
        r#"{"code":0,"message":"success","users":[{"user_id":"1"},{"user_id":"2"}],"page_context":{"page":1,"has_more_page":true}}"#,
    );
    let list = ListProjectUsers {
        project_id: "460000000044009".parse().unwrap(),
    };
    let users: Vec<_> = r.client().records(list).try_collect().await.unwrap();
    assert_eq!(users.len(), 2);
    let sent = r.only();
    assert_eq!(sent.query("page"), None, "the API takes no paging here");
    assert_eq!(sent.query("per_page"), None);
}
