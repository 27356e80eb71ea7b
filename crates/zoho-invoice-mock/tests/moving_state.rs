//! Workflows that move state between records, over raw HTTP: contact persons sent inside a
//! contact, estimates invoiced, time entries billed (and unbilled by a void invoice),
//! recurring invoices and expenses making their records on the server's clock, approvals
//! and credit-note statuses.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use common::{Api, id};
use serde_json::json;

/// The current user (`GET /users/me`), whom projects and time entries name.
const ME: &str = "982000000554041";

#[tokio::test]
async fn contact_persons_inside_a_contact_become_records() {
    let api = Api::start().await;
    let contact = api
        .create(
            "/contacts",
            "contact",
            json!({"contact_name": "Bowman and Co", "contact_persons": [
                {"first_name": "Will", "email": "will@bowman.org"},
                {"first_name": "Ann", "email": "ann@bowman.org"},
            ]}),
        )
        .await;
    let cid = id(&contact, "contact_id");
    let inline = contact["contact_persons"].as_array().unwrap();
    assert_eq!(inline.len(), 2);
    let will = id(&inline[0], "contact_person_id");
    assert_eq!(inline[0]["is_primary_contact"], true);
    assert_eq!(inline[1]["is_primary_contact"], false);
    let listed = api.get(&format!("/contacts/{cid}/contactpersons")).await;
    assert_eq!(listed["contact_persons"].as_array().unwrap().len(), 2);
    let got = api
        .get(&format!("/contacts/{cid}/contactpersons/{will}"))
        .await;
    assert_eq!(got["contact_person"]["email"], "will@bowman.org");
    let put = api
        .call(
            "PUT",
            &format!("/contacts/contactpersons/{will}"),
            Some(json!({"contact_id": cid, "first_name": "William"})),
        )
        .await;
    assert_eq!(put.status, 200);
    // A PUT of the contact updates the person its id names and adds the others.
    let updated = api
        .call(
            "PUT",
            &format!("/contacts/{cid}"),
            Some(json!({"contact_persons": [
                {"contact_person_id": will, "phone": "555-0100"},
                {"first_name": "Zoe"},
            ]})),
        )
        .await;
    assert_eq!(updated.status, 200, "{}", updated.json());
    let persons = updated.json()["contact"]["contact_persons"].clone();
    assert_eq!(persons.as_array().unwrap().len(), 3);
    assert_eq!(persons[0]["first_name"], "William");
    assert_eq!(persons[0]["phone"], "555-0100");
    let contact = api.get(&format!("/contacts/{cid}")).await;
    assert_eq!(
        contact["contact"]["contact_persons"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    // An id that is not one of the contact's persons is refused, and nothing is stored.
    let other = api.contact("Other").await;
    let refused = api
        .call(
            "PUT",
            &format!("/contacts/{other}"),
            Some(json!({"contact_persons": [{"contact_person_id": will}, {"first_name": "X"}]})),
        )
        .await;
    assert_eq!(refused.status, 400);
    let none = api.get(&format!("/contacts/{other}/contactpersons")).await;
    assert!(none["contact_persons"].as_array().unwrap().is_empty());
    // Deleting the contact deletes its persons.
    assert_eq!(
        api.call("DELETE", &format!("/contacts/{cid}"), None)
            .await
            .status,
        200
    );
    let gone = api
        .call("GET", &format!("/contacts/contactpersons/{will}"), None)
        .await;
    assert_ne!(gone.status, 200);
}

#[tokio::test]
async fn an_invoice_made_from_an_estimate_marks_it_invoiced() {
    let api = Api::start().await;
    let cid = api.contact("Bowman and Co").await;
    let est = api
        .create(
            "/estimates",
            "estimate",
            json!({"customer_id": cid, "line_items": [{"name": "x", "rate": 5}]}),
        )
        .await;
    let eid = id(&est, "estimate_id");
    api.post_ok(&format!("/estimates/{eid}/status/sent"), None)
        .await;
    api.post_ok(&format!("/estimates/{eid}/status/accepted"), None)
        .await;
    let bad = api
        .call(
            "POST",
            "/invoices",
            Some(json!({"customer_id": cid, "invoiced_estimate_id": "982000000999999", "line_items": [{"name": "x", "rate": 5}]})),
        )
        .await;
    assert_eq!(bad.status, 400);
    let inv = api
        .create(
            "/invoices",
            "invoice",
            json!({"customer_id": cid, "invoiced_estimate_id": eid, "line_items": [{"name": "x", "rate": 5}]}),
        )
        .await;
    let iid = id(&inv, "invoice_id");
    assert_eq!(inv["invoiced_estimate_id"], eid.as_str());
    let got = api.get(&format!("/estimates/{eid}")).await;
    assert_eq!(got["estimate"]["status"], "invoiced");
    assert_eq!(got["estimate"]["invoice_ids"], json!([iid]));
    let listed = api.get("/estimates?filter_by=Status.Invoiced").await;
    assert_eq!(listed["estimates"].as_array().unwrap().len(), 1);
    // Deleting the invoice leaves the estimate accepted, with no invoice.
    api.call("DELETE", &format!("/invoices/{iid}"), None).await;
    let got = api.get(&format!("/estimates/{eid}")).await;
    assert_eq!(got["estimate"]["status"], "accepted");
    assert_eq!(got["estimate"]["invoice_ids"], json!([]));
}

/// A project with one task and `n` time entries of an hour; returns the customer and the
/// entries' ids.
async fn project_with_entries(api: &Api, n: usize) -> (String, Vec<String>) {
    let cid = api.contact("SAF Instruments").await;
    let project = api
        .create("/projects", "project", json!({"project_name": "Flux", "customer_id": cid, "billing_type": "based_on_task_hours", "user_id": ME, "tasks": [{"task_name": "Analysis"}]}))
        .await;
    let pid = id(&project, "project_id");
    let task = id(
        &api.get(&format!("/projects/{pid}/tasks")).await["tasks"][0],
        "task_id",
    );
    let mut ids = Vec::new();
    for _ in 0..n {
        let entry = api
            .create("/projects/timeentries", "time_entry", json!({"project_id": pid, "task_id": task, "user_id": ME, "log_date": "2024-01-02", "log_time": "01:00"}))
            .await;
        assert_eq!(entry["billed_status"], "unbilled");
        ids.push(id(&entry, "time_entry_id"));
    }
    (cid, ids)
}

/// The ids of the time entries listed with `filter_by`.
async fn entries_by(api: &Api, filter: &str) -> Vec<String> {
    let page = api
        .get(&format!("/projects/timeentries?filter_by={filter}"))
        .await;
    assert_eq!(page["page_context"]["applied_filter"], filter);
    page["time_entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| id(t, "time_entry_id"))
        .collect()
}

#[tokio::test]
async fn time_entries_are_billed_when_invoiced_and_unbilled_when_the_invoice_goes() {
    let api = Api::start().await;
    let (cid, entries) = project_with_entries(&api, 3).await;
    assert_eq!(entries_by(&api, "Status.Unbilled").await, entries);
    let unknown = api
        .call(
            "POST",
            "/invoices",
            Some(json!({"customer_id": cid, "line_items": [{"name": "Hours", "rate": 50, "time_entry_ids": ["982000000999999"]}]})),
        )
        .await;
    assert_eq!(unknown.status, 400);
    let inv = api
        .create(
            "/invoices",
            "invoice",
            json!({"customer_id": cid, "line_items": [{"name": "Hours", "rate": 50, "quantity": 2, "time_entry_ids": [entries[0], entries[1]]}]}),
        )
        .await;
    let iid = id(&inv, "invoice_id");
    assert_eq!(
        entries_by(&api, "Status.Unbilled").await,
        [entries[2].clone()]
    );
    assert_eq!(entries_by(&api, "Status.Invoiced").await, entries[..2]);
    let billed = api
        .get(&format!("/projects/timeentries/{}", entries[0]))
        .await;
    assert_eq!(billed["time_entry"]["billed_status"], "billed");
    assert_eq!(billed["time_entry"]["invoice_id"], iid.as_str());
    // Another invoice cannot bill an entry already billed.
    let twice = api
        .call(
            "POST",
            "/invoices",
            Some(json!({"customer_id": cid, "line_items": [{"name": "Hours", "rate": 50, "time_entry_ids": [entries[1]]}]})),
        )
        .await;
    assert_eq!(twice.status, 400);
    // An update that stops naming an entry unbills it.
    let put = api
        .call(
            "PUT",
            &format!("/invoices/{iid}"),
            Some(json!({"line_items": [{"name": "Hours", "rate": 50, "time_entry_ids": [entries[1]]}]})),
        )
        .await;
    assert_eq!(put.status, 200);
    assert_eq!(
        entries_by(&api, "Status.Billed").await,
        [entries[1].clone()]
    );
    api.call("DELETE", &format!("/invoices/{iid}"), None).await;
    assert_eq!(entries_by(&api, "Status.Unbilled").await, entries);
    assert!(entries_by(&api, "Status.Invoiced").await.is_empty());
}

/// The invoices a recurring profile has generated (one request: it may generate more first).
async fn children(api: &Api, rid: &str) -> Vec<serde_json::Value> {
    api.get(&format!(
        "/invoices?recurring_invoice_id={rid}&per_page=200"
    ))
    .await["invoices"]
        .as_array()
        .unwrap()
        .clone()
}

#[tokio::test]
async fn recurring_invoices_generate_invoices_as_the_clock_passes_their_dates() {
    // The clock starts at 2024-01-15T10:00:00Z.
    let api = Api::start().await;
    let cid = api.contact("Bowman and Co").await;
    let bad = api
        .call(
            "POST",
            "/recurringinvoices",
            Some(json!({"recurrence_name": "X", "customer_id": cid, "recurrence_frequency": "fortnights", "line_items": [{"name": "x", "rate": 5}]})),
        )
        .await;
    assert_eq!(bad.status, 400);
    let ri = api
        .create(
            "/recurringinvoices",
            "recurring_invoice",
            json!({"recurrence_name": "Weekly", "customer_id": cid, "recurrence_frequency": "weeks",
                   "repeat_every": 1, "start_date": "2024-01-20", "end_date": "2024-02-20",
                   "line_items": [{"name": "Support", "rate": 40}]}),
        )
        .await;
    let rid = id(&ri, "recurring_invoice_id");
    assert_eq!(ri["next_invoice_date"], "2024-01-20");
    assert!(children(&api, &rid).await.is_empty());
    api.server.advance_clock(Duration::from_secs(10 * 86_400));
    let made = children(&api, &rid).await;
    assert_eq!(made.len(), 1);
    assert_eq!(made[0]["date"], "2024-01-20");
    // Sent on its date, due on receipt, and five days later overdue.
    assert_eq!(made[0]["status"], "overdue");
    assert_eq!(made[0]["total"], 40);
    assert_eq!(made[0]["customer_id"], cid.as_str());
    let profile = api.get(&format!("/recurringinvoices/{rid}")).await;
    assert_eq!(profile["recurring_invoice"]["last_sent_date"], "2024-01-20");
    assert_eq!(
        profile["recurring_invoice"]["next_invoice_date"],
        "2024-01-27"
    );
    api.server.advance_clock(Duration::from_secs(30 * 86_400));
    let dates: Vec<String> = children(&api, &rid)
        .await
        .iter()
        .map(|i| i["date"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        dates,
        [
            "2024-01-20",
            "2024-01-27",
            "2024-02-03",
            "2024-02-10",
            "2024-02-17"
        ]
    );
    let profile = api.get(&format!("/recurringinvoices/{rid}")).await;
    assert_eq!(profile["recurring_invoice"]["status"], "expired");
    assert_eq!(profile["recurring_invoice"]["last_sent_date"], "2024-02-17");
}

#[tokio::test]
async fn a_stopped_profile_generates_nothing_and_a_clock_jump_is_capped_per_request() {
    let api = Api::start().await;
    let cid = api.contact("Bowman and Co").await;
    let daily = api
        .create(
            "/recurringinvoices",
            "recurring_invoice",
            json!({"recurrence_name": "Daily", "customer_id": cid, "recurrence_frequency": "days",
                   "start_date": "2024-01-16", "line_items": [{"name": "x", "rate": 1}]}),
        )
        .await;
    let did = id(&daily, "recurring_invoice_id");
    let stopped = api
        .create(
            "/recurringinvoices",
            "recurring_invoice",
            json!({"recurrence_name": "Stopped", "customer_id": cid, "recurrence_frequency": "months",
                   "start_date": "2024-01-16", "line_items": [{"name": "x", "rate": 1}]}),
        )
        .await;
    let sid = id(&stopped, "recurring_invoice_id");
    api.post_ok(&format!("/recurringinvoices/{sid}/status/stop"), None)
        .await;
    // Three years pass: about 1,100 invoices are due, made at most 50 per request.
    api.server
        .advance_clock(Duration::from_secs(3 * 365 * 86_400));
    assert_eq!(children(&api, &did).await.len(), 50);
    assert_eq!(children(&api, &did).await.len(), 100);
    assert!(children(&api, &sid).await.is_empty());
    let profile = api.get(&format!("/recurringinvoices/{did}")).await;
    assert_eq!(profile["recurring_invoice"]["status"], "active");
}

#[tokio::test]
async fn time_entries_name_real_users() {
    let api = Api::start().await;
    let me = api.get("/users/me").await;
    let my_id = id(&me["user"], "user_id");
    let listed = api.get(&format!("/users/{my_id}")).await;
    assert_eq!(listed["user"]["email"], me["user"]["email"]);
    let cid = api.contact("SAF Instruments").await;
    let project = api
        .create("/projects", "project", json!({"project_name": "Flux", "customer_id": cid, "billing_type": "based_on_task_hours", "user_id": ME, "tasks": [{"task_name": "Analysis"}]}))
        .await;
    let pid = id(&project, "project_id");
    let task = id(
        &api.get(&format!("/projects/{pid}/tasks")).await["tasks"][0],
        "task_id",
    );
    let entry = |user: &str| json!({"project_id": pid, "task_id": task, "log_date": "2024-01-02", "log_time": "01:00", "user_id": user});
    let mine = api
        .create("/projects/timeentries", "time_entry", entry(&my_id))
        .await;
    assert_eq!(mine["is_current_user"], true);
    assert_eq!(mine["user_name"], me["user"]["name"]);
    let nobody = api
        .call(
            "POST",
            "/projects/timeentries",
            Some(entry("982000000999999")),
        )
        .await;
    assert_eq!(nobody.status, 400);
    let created = api
        .call(
            "POST",
            "/users",
            Some(json!({"name": "Ann Lee", "email": "ann@zylker.org"})),
        )
        .await;
    assert_eq!(created.status, 201);
    let users = api.get("/users").await;
    let ann = users["users"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["email"] == "ann@zylker.org")
        .map(|u| id(u, "user_id"))
        .unwrap();
    let hers = api
        .create("/projects/timeentries", "time_entry", entry(&ann))
        .await;
    assert_eq!(hers["user_name"], "Ann Lee");
    assert_eq!(hers["is_current_user"], false);
}

#[tokio::test]
async fn approvals_move_a_draft_through_submitted_and_approved_to_sent() {
    let api = Api::start().await;
    let cid = api.contact("Bowman and Co").await;
    let inv = api.invoice(&cid, 10.0, 1.0).await;
    let iid = id(&inv, "invoice_id");
    let early = api
        .call("POST", &format!("/invoices/{iid}/approve"), None)
        .await;
    assert_eq!(early.status, 400, "only a submitted invoice is approved");
    api.post_ok(&format!("/invoices/{iid}/submit"), None).await;
    let status = |v: serde_json::Value| v["invoice"]["status"].clone();
    assert_eq!(
        status(api.get(&format!("/invoices/{iid}")).await),
        "pending_approval"
    );
    api.post_ok(&format!("/invoices/{iid}/approve"), None).await;
    assert_eq!(
        status(api.get(&format!("/invoices/{iid}")).await),
        "approved"
    );
    api.post_ok(&format!("/invoices/{iid}/status/sent"), None)
        .await;
    assert_eq!(status(api.get(&format!("/invoices/{iid}")).await), "sent");
    let again = api
        .call("POST", &format!("/invoices/{iid}/submit"), None)
        .await;
    assert_eq!(again.status, 400, "a sent invoice is not submitted");
}

#[tokio::test]
async fn credit_notes_move_between_open_void_draft_and_closed() {
    let api = Api::start().await;
    let cid = api.contact("Bowman and Co").await;
    let cn = api
        .create(
            "/creditnotes",
            "creditnote",
            json!({"customer_id": cid, "date": "2024-01-01", "line_items": [{"name": "x", "rate": 10}]}),
        )
        .await;
    let cnid = id(&cn, "creditnote_id");
    assert_eq!(cn["status"], "open");
    let status = async |api: &Api| {
        api.get(&format!("/creditnotes/{cnid}")).await["creditnote"]["status"].clone()
    };
    let early = api
        .call("POST", &format!("/creditnotes/{cnid}/status/draft"), None)
        .await;
    assert_eq!(early.status, 400, "only a void credit note becomes a draft");
    api.post_ok(&format!("/creditnotes/{cnid}/status/void"), None)
        .await;
    assert_eq!(status(&api).await, "void");
    api.post_ok(&format!("/creditnotes/{cnid}/status/draft"), None)
        .await;
    assert_eq!(status(&api).await, "draft");
    api.post_ok(&format!("/creditnotes/{cnid}/status/open"), None)
        .await;
    assert_eq!(status(&api).await, "open");
    api.post_ok(&format!("/creditnotes/{cnid}/void"), None)
        .await;
    api.post_ok(&format!("/creditnotes/{cnid}/converttoopen"), None)
        .await;
    assert_eq!(status(&api).await, "open");
    // Used up, it is closed, and it can no longer be voided.
    let inv = api.invoice(&cid, 10.0, 1.0).await;
    let iid = id(&inv, "invoice_id");
    api.post_ok(&format!("/invoices/{iid}/status/sent"), None)
        .await;
    api.post_ok(
        &format!("/creditnotes/{cnid}/invoices"),
        Some(json!({"invoices": [{"invoice_id": iid, "amount_applied": 10}]})),
    )
    .await;
    assert_eq!(status(&api).await, "closed");
    let refused = api
        .call("POST", &format!("/creditnotes/{cnid}/void"), None)
        .await;
    assert_eq!(refused.status, 400);
}

#[tokio::test]
async fn a_void_invoice_bills_no_time_entry_until_it_is_a_draft_again() {
    let api = Api::start().await;
    let (cid, entries) = project_with_entries(&api, 2).await;
    let hours = |ids: &[String]| json!({"customer_id": cid, "line_items": [{"name": "Hours", "rate": 50, "time_entry_ids": ids}]});
    let inv = api.create("/invoices", "invoice", hours(&entries)).await;
    let iid = id(&inv, "invoice_id");
    api.post_ok(&format!("/invoices/{iid}/status/sent"), None)
        .await;
    assert_eq!(entries_by(&api, "Status.Invoiced").await, entries);
    api.post_ok(&format!("/invoices/{iid}/status/void"), None)
        .await;
    assert_eq!(entries_by(&api, "Status.Unbilled").await, entries);
    let freed = api
        .get(&format!("/projects/timeentries/{}", entries[0]))
        .await;
    assert_eq!(freed["time_entry"]["invoice_id"], "");
    // Another invoice bills one of them: the void one cannot take it back.
    let other = api
        .create("/invoices", "invoice", hours(&entries[..1]))
        .await;
    let taken = api
        .call("POST", &format!("/invoices/{iid}/status/draft"), None)
        .await;
    assert_eq!(taken.status, 400);
    assert_eq!(taken.json()["code"], 1001);
    let still = api.get(&format!("/invoices/{iid}")).await;
    assert_eq!(still["invoice"]["status"], "void");
    assert_eq!(
        entries_by(&api, "Status.Unbilled").await,
        [entries[1].clone()]
    );
    // Once the other is gone, the draft bills them both again.
    let oid = id(&other, "invoice_id");
    api.call("DELETE", &format!("/invoices/{oid}"), None).await;
    api.post_ok(&format!("/invoices/{iid}/status/draft"), None)
        .await;
    assert_eq!(entries_by(&api, "Status.Invoiced").await, entries);
    let billed = api
        .get(&format!("/projects/timeentries/{}", entries[1]))
        .await;
    assert_eq!(billed["time_entry"]["invoice_id"], iid.as_str());
}

/// The expenses a recurring expense has made.
async fn made_expenses(api: &Api, rid: &str) -> Vec<serde_json::Value> {
    let made = api.get(&format!("/recurringexpenses/{rid}/expenses")).await;
    let listed = api
        .get(&format!("/expenses?recurring_expense_id={rid}"))
        .await;
    assert_eq!(made["expensehistory"], listed["expenses"]);
    made["expensehistory"].as_array().unwrap().clone()
}

#[tokio::test]
async fn recurring_expenses_make_their_expenses_as_the_clock_passes_their_dates() {
    // The clock starts at 2024-01-15T10:00:00Z.
    let api = Api::start().await;
    let cid = api.contact("Bowman and Co").await;
    let rent = |name: &str| {
        json!({"recurrence_name": name, "account_id": "982000000561057",
        "customer_id": cid, "amount": 112.5, "start_date": "2024-01-31", "end_date": "2024-04-30",
        "recurrence_frequency": "months", "repeat_every": 1})
    };
    let profile = api
        .create("/recurringexpenses", "recurring_expense", rent("Rent"))
        .await;
    let rid = id(&profile, "recurring_expense_id");
    assert_eq!(profile["next_expense_date"], "2024-01-31");
    let stopped = api
        .create("/recurringexpenses", "recurring_expense", rent("Stopped"))
        .await;
    let sid = id(&stopped, "recurring_expense_id");
    api.post_ok(&format!("/recurringexpenses/{sid}/status/stop"), None)
        .await;
    assert!(made_expenses(&api, &rid).await.is_empty());
    api.server.advance_clock(Duration::from_secs(20 * 86_400));
    let made = made_expenses(&api, &rid).await;
    assert_eq!(made.len(), 1);
    let first = &made[0];
    assert_eq!(first["date"], "2024-01-31");
    assert_eq!(first["amount"], 112.5);
    assert_eq!(first["account_name"], "Rent");
    assert_eq!(first["customer_id"], cid.as_str());
    assert_eq!(first["status"], "unbilled");
    let got = api.get(&format!("/recurringexpenses/{rid}")).await;
    assert_eq!(got["recurring_expense"]["last_created_date"], "2024-01-31");
    assert_eq!(got["recurring_expense"]["next_expense_date"], "2024-02-29");
    api.server.advance_clock(Duration::from_secs(100 * 86_400));
    let dates: Vec<String> = made_expenses(&api, &rid)
        .await
        .iter()
        .map(|e| e["date"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        dates,
        ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"]
    );
    let got = api.get(&format!("/recurringexpenses/{rid}")).await;
    assert_eq!(got["recurring_expense"]["status"], "expired");
    assert!(made_expenses(&api, &sid).await.is_empty());
}
