//! The seeded organization: invoices in every status, payments, projects, time entries.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeSet;

use common::Api;
use zoho_invoice_mock::MockConfig;

#[tokio::test]
async fn seed_has_a_realistic_organization() {
    let api = Api::start_with(MockConfig::default().with_seed(true)).await;
    let invoices = api.get("/invoices").await;
    let statuses: BTreeSet<String> = invoices["invoices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["status"].as_str().unwrap().to_string())
        .collect();
    let expected: BTreeSet<String> = ["draft", "sent", "overdue", "partially_paid", "paid", "void"]
        .iter()
        .map(|s| (*s).to_string())
        .collect();
    assert_eq!(statuses, expected);
    let partially = invoices["invoices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["status"] == "partially_paid")
        .unwrap();
    assert_eq!(partially["balance"], 70, "120 less the 50 paid");
    assert_eq!(
        api.get("/customerpayments").await["customerpayments"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        api.get("/contacts").await["contacts"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    assert_eq!(
        api.get("/items").await["items"].as_array().unwrap().len(),
        3
    );
    assert_eq!(
        api.get("/estimates?filter_by=Status.Accepted").await["estimates"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let projects = api.get("/projects").await;
    assert_eq!(projects["projects"].as_array().unwrap().len(), 1);
    let entries = api.get("/projects/timeentries").await;
    let logged: Vec<&str> = entries["time_entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["log_time"].as_str().unwrap())
        .collect();
    assert_eq!(logged, vec!["05:00", "02:30"]);
    assert_eq!(
        api.get("/clientreviews").await["reviews"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let categories = api.get("/expensecategories").await;
    let names: Vec<&str> = categories["expense_categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["category_name"].as_str().unwrap())
        .collect();
    // The seed's two, beside the expense accounts every organization starts with.
    for name in ["Office Supplies", "Travel", "Rent", "Other Expenses"] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    assert_eq!(
        api.get("/creditnotes").await["creditnotes"][0]["status"],
        "open"
    );
}

#[tokio::test]
async fn without_seed_the_organization_is_empty() {
    let api = Api::start().await;
    assert_eq!(
        api.get("/invoices").await["invoices"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
}
