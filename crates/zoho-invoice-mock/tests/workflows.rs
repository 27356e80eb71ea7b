//! Full workflows per resource group, over raw HTTP.
#![allow(clippy::unwrap_used)]

mod common;

/// The user the server's tokens belong to (`GET /users/me`).
const USER: &str = "982000000554041";

use std::time::Duration;

use common::{Api, id};
use http_body_util::Full;
use serde_json::json;

#[tokio::test]
async fn items_crud_and_active_flags() {
    let api = Api::start().await;
    let item = api
        .create(
            "/items",
            "item",
            json!({"name": "Hard Drive", "rate": 120, "sku": "s12345"}),
        )
        .await;
    let item_id = id(&item, "item_id");
    assert!((18..=19).contains(&item_id.len()) && item_id.chars().all(|c| c.is_ascii_digit()));
    assert_eq!(item["status"], "active");
    let got = api.get(&format!("/items/{item_id}")).await;
    assert_eq!(got["item"]["sku"], "s12345");
    let list = api.get("/items").await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(list["page_context"]["page"], 1);
    let upd = api
        .call(
            "PUT",
            &format!("/items/{item_id}"),
            Some(json!({"rate": 99.5})),
        )
        .await;
    assert_eq!(upd.status, 200);
    assert_eq!(upd.json()["item"]["rate"], 99.5);
    api.post_ok(&format!("/items/{item_id}/inactive"), None)
        .await;
    assert_eq!(
        api.get(&format!("/items/{item_id}")).await["item"]["status"],
        "inactive"
    );
    let inactive = api.get("/items?filter_by=Status.Inactive").await;
    assert_eq!(inactive["items"].as_array().unwrap().len(), 1);
    api.post_ok(&format!("/items/{item_id}/active"), None).await;
    assert_eq!(
        api.get("/items?filter_by=Status.Inactive").await["items"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    let del = api.call("DELETE", &format!("/items/{item_id}"), None).await;
    assert_eq!(del.json()["code"], 0);
    let gone = api.call("GET", &format!("/items/{item_id}"), None).await;
    assert_eq!(gone.status, 404);
    assert_eq!(gone.json()["code"], 1002);
}

#[tokio::test]
async fn contacts_persons_addresses_and_comments() {
    let api = Api::start().await;
    let cid = api.contact("Bowman and Co").await;
    // The reference answers a new contact person as a list of one.
    let person = api
        .create(
            "/contacts/contactpersons",
            "contact_person",
            json!({"contact_id": cid, "first_name": "Will", "email": "will@zylker.org"}),
        )
        .await;
    let pid = id(&person[0], "contact_person_id");
    let persons = api.get(&format!("/contacts/{cid}/contactpersons")).await;
    assert_eq!(persons["contact_persons"].as_array().unwrap().len(), 1);
    api.post_ok(&format!("/contacts/contactpersons/{pid}/primary"), None)
        .await;
    let got = api
        .get(&format!("/contacts/{cid}/contactpersons/{pid}"))
        .await;
    assert_eq!(got["contact_person"]["is_primary_contact"], true);
    let addr = api
        .create(
            &format!("/contacts/{cid}/address"),
            "address_info",
            json!({"city": "Pleasanton"}),
        )
        .await;
    let aid = id(&addr, "address_id");
    let put = api
        .call(
            "PUT",
            &format!("/contacts/{cid}/address/{aid}"),
            Some(json!({"city": "Austin"})),
        )
        .await;
    assert_eq!(put.json()["address_info"]["city"], "Austin");
    assert_eq!(
        api.get(&format!("/contacts/{cid}/address")).await["addresses"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    api.post_ok(&format!("/contacts/{cid}/inactive"), None)
        .await;
    assert_eq!(
        api.get(&format!("/contacts/{cid}")).await["contact"]["status"],
        "inactive"
    );
    // History accumulates: created, marked inactive.
    let comments = api.get(&format!("/contacts/{cid}/comments")).await;
    assert!(comments["contact_comments"].as_array().unwrap().len() >= 2);
    api.post_ok(&format!("/contacts/{cid}/paymentreminder/disable"), None)
        .await;
    assert_eq!(
        api.get(&format!("/contacts/{cid}")).await["contact"]["payment_reminder_enabled"],
        false
    );
}

#[tokio::test]
async fn invoice_numbering_transitions_and_history() {
    let api = Api::start().await;
    let cid = api.contact("Bowman and Co").await;
    let inv1 = api.invoice(&cid, 20.3, 2.0).await;
    let inv2 = api.invoice(&cid, 10.0, 1.0).await;
    assert_eq!(inv1["invoice_number"], "INV-000001");
    assert_eq!(inv2["invoice_number"], "INV-000002");
    assert_eq!(inv1["status"], "draft");
    assert_eq!(inv1["total"], 40.6);
    assert_eq!(inv1["balance"], 40.6);
    assert_eq!(inv1["customer_name"], "Bowman and Co");
    let iid = id(&inv1, "invoice_id");
    api.post_ok(&format!("/invoices/{iid}/status/sent"), None)
        .await;
    assert_eq!(
        api.get(&format!("/invoices/{iid}")).await["invoice"]["status"],
        "sent"
    );
    // Sent twice is refused.
    let again = api
        .call("POST", &format!("/invoices/{iid}/status/sent"), None)
        .await;
    assert_eq!(again.status, 400);
    api.post_ok(&format!("/invoices/{iid}/status/void"), None)
        .await;
    assert_eq!(
        api.get(&format!("/invoices/{iid}")).await["invoice"]["status"],
        "void"
    );
    api.post_ok(&format!("/invoices/{iid}/status/draft"), None)
        .await;
    assert_eq!(
        api.get(&format!("/invoices/{iid}")).await["invoice"]["status"],
        "draft"
    );
    api.post_ok(
        &format!("/invoices/{iid}/comments"),
        Some(json!({"description": "Call before shipping"})),
    )
    .await;
    let history = api.get(&format!("/invoices/{iid}/comments")).await;
    let list = history["comments"].as_array().unwrap();
    assert!(
        list.len() >= 5,
        "created, sent, void, draft, comment: {list:?}"
    );
    assert!(
        list.iter()
            .any(|c| c["description"] == "Call before shipping" && c["comment_type"] == "internal")
    );
}

#[tokio::test]
async fn payments_move_balance_and_status_and_deleting_restores() {
    let api = Api::start().await;
    let cid = api.contact("Bowman and Co").await;
    let inv = api.invoice(&cid, 100.0, 1.0).await;
    let iid = id(&inv, "invoice_id");
    api.post_ok(&format!("/invoices/{iid}/status/sent"), None)
        .await;
    let pay = api
        .create("/customerpayments", "payment", json!({"customer_id": cid, "amount": 60, "payment_mode": "cash", "date": "2024-01-01", "invoices": [{"invoice_id": iid, "amount_applied": 40}]}))
        .await;
    assert_eq!(pay["unused_amount"], 20);
    let got = api.get(&format!("/invoices/{iid}")).await["invoice"].clone();
    assert_eq!(got["balance"], 60);
    assert_eq!(got["status"], "partially_paid");
    // Over-applying is refused with a code.
    let over = api
        .call("POST", "/customerpayments", Some(json!({"customer_id": cid, "amount": 100, "payment_mode": "cash", "date": "2024-01-01", "invoices": [{"invoice_id": iid, "amount_applied": 61}]})))
        .await;
    assert_eq!(over.status, 400);
    assert_eq!(over.json()["code"], 1040);
    assert_ne!(over.json()["code"], 0);
    // Apply the unused 20 of the payment from the invoice side, then pay the rest.
    api.post_ok(&format!("/invoices/{iid}/credits"), Some(json!({"invoice_payments": [{"payment_id": id(&pay, "payment_id"), "amount_applied": 20}]}))).await;
    assert_eq!(
        api.get(&format!("/invoices/{iid}")).await["invoice"]["balance"],
        40
    );
    let pay2 = api
        .create("/customerpayments", "payment", json!({"customer_id": cid, "amount": 40, "payment_mode": "cash", "date": "2024-01-01", "invoices": [{"invoice_id": iid, "amount_applied": 40}]}))
        .await;
    let got = api.get(&format!("/invoices/{iid}")).await["invoice"].clone();
    assert_eq!(
        (got["balance"].clone(), got["status"].clone()),
        (json!(0), json!("paid"))
    );
    let payments = api.get(&format!("/invoices/{iid}/payments")).await;
    assert_eq!(payments["payments"].as_array().unwrap().len(), 3);
    let pid2 = id(&pay2, "payment_id");
    let del = api
        .call("DELETE", &format!("/customerpayments/{pid2}"), None)
        .await;
    assert_eq!(del.status, 200);
    let got = api.get(&format!("/invoices/{iid}")).await["invoice"].clone();
    assert_eq!(
        (got["balance"].clone(), got["status"].clone()),
        (json!(40), json!("partially_paid"))
    );
    // Removing one application from the invoice side.
    let rows = api.get(&format!("/invoices/{iid}/payments")).await["payments"].clone();
    let row = id(&rows[0], "invoice_payment_id");
    let del = api
        .call("DELETE", &format!("/invoices/{iid}/payments/{row}"), None)
        .await;
    assert_eq!(del.status, 200);
    assert_eq!(
        api.get(&format!("/invoices/{iid}")).await["invoice"]["balance"],
        80
    );
    let p = api
        .get(&format!("/customerpayments/{}", id(&pay, "payment_id")))
        .await;
    assert_eq!(p["payment"]["unused_amount"], 40);
}

#[tokio::test]
async fn credit_notes_apply_and_refund() {
    let api = Api::start().await;
    let cid = api.contact("Bowman and Co").await;
    let inv = api.invoice(&cid, 50.0, 1.0).await;
    let iid = id(&inv, "invoice_id");
    api.post_ok(&format!("/invoices/{iid}/status/sent"), None)
        .await;
    let cn = api
        .create(
            "/creditnotes",
            "creditnote",
            json!({"customer_id": cid, "date": "2024-01-01", "line_items": [{"name": "Refund", "rate": 30}]}),
        )
        .await;
    assert_eq!(cn["creditnote_number"], "CN-000001");
    assert_eq!(cn["status"], "open");
    let cnid = id(&cn, "creditnote_id");
    api.post_ok(
        &format!("/creditnotes/{cnid}/invoices"),
        Some(json!({"invoices": [{"invoice_id": iid, "amount_applied": 10}]})),
    )
    .await;
    assert_eq!(
        api.get(&format!("/invoices/{iid}")).await["invoice"]["balance"],
        40
    );
    assert_eq!(
        api.get(&format!("/creditnotes/{cnid}")).await["creditnote"]["balance"],
        20
    );
    let credits = api.get(&format!("/invoices/{iid}/creditsapplied")).await;
    assert_eq!(credits["credits"][0]["amount_applied"], 10);
    // Refund 15, leaving 5.
    let refund = api
        .create(
            &format!("/creditnotes/{cnid}/refunds"),
            "creditnote_refund",
            json!({"date": "2024-01-16", "amount": 15, "refund_mode": "cash"}),
        )
        .await;
    assert_eq!(
        api.get(&format!("/creditnotes/{cnid}")).await["creditnote"]["balance"],
        5
    );
    let too_much = api
        .call(
            "POST",
            &format!("/creditnotes/{cnid}/refunds"),
            Some(json!({"date": "2024-01-16", "amount": 6})),
        )
        .await;
    assert_eq!(too_much.status, 400);
    assert_eq!(too_much.json()["code"], 1040);
    assert_eq!(
        api.get(&format!("/contacts/{cid}/refunds")).await["creditnote_refunds"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let rid = id(&refund, "creditnote_refund_id");
    api.call(
        "DELETE",
        &format!("/creditnotes/{cnid}/refunds/{rid}"),
        None,
    )
    .await;
    assert_eq!(
        api.get(&format!("/creditnotes/{cnid}")).await["creditnote"]["balance"],
        20
    );
    // Apply the rest and the credit note closes; deleting the application reopens it.
    api.post_ok(
        &format!("/invoices/{iid}/credits"),
        Some(json!({"apply_creditnotes": [{"creditnote_id": cnid, "amount_applied": 20}]})),
    )
    .await;
    assert_eq!(
        api.get(&format!("/creditnotes/{cnid}")).await["creditnote"]["status"],
        "closed"
    );
    let row =
        api.get(&format!("/creditnotes/{cnid}/invoices")).await["invoices_credited"][1].clone();
    let del = api
        .call(
            "DELETE",
            &format!(
                "/invoices/{iid}/creditsapplied/{}",
                id(&row, "creditnote_invoice_id")
            ),
            None,
        )
        .await;
    assert_eq!(del.status, 200);
    assert_eq!(
        api.get(&format!("/creditnotes/{cnid}")).await["creditnote"]["status"],
        "open"
    );
    assert_eq!(
        api.get(&format!("/invoices/{iid}")).await["invoice"]["balance"],
        40
    );
}

#[tokio::test]
async fn payment_refunds_move_unused_amount() {
    let api = Api::start().await;
    let cid = api.contact("Bowman and Co").await;
    let pay = api
        .create(
            "/customerpayments",
            "payment",
            json!({"customer_id": cid, "amount": 100, "payment_mode": "cash", "date": "2024-01-01"}),
        )
        .await;
    let pid = id(&pay, "payment_id");
    // The reference answers a new refund as a list of one under `payment_refunds`.
    let r = api
        .create(
            &format!("/customerpayments/{pid}/refunds"),
            "payment_refunds",
            json!({"date": "2024-01-16", "amount": 30}),
        )
        .await[0]
        .clone();
    assert_eq!(
        api.get(&format!("/customerpayments/{pid}")).await["payment"]["unused_amount"],
        70
    );
    let rid = id(&r, "payment_refund_id");
    let upd = api
        .call(
            "PUT",
            &format!("/customerpayments/{pid}/refunds/{rid}"),
            Some(json!({"amount": 50})),
        )
        .await;
    assert_eq!(upd.status, 200);
    assert_eq!(upd.json()["payment_refunds"][0]["amount"], 50);
    let one = api
        .get(&format!("/customerpayments/{pid}/refunds/{rid}"))
        .await;
    assert_eq!(
        one["payment_refunds"].as_array().map(Vec::len),
        Some(1),
        "one refund is a list of one, as Zoho Books' OpenAPI documents it: {one}"
    );
    assert_eq!(one["payment_refunds"][0]["amount"], 50);
    assert_eq!(
        api.get(&format!("/customerpayments/{pid}")).await["payment"]["unused_amount"],
        50
    );
    let over = api
        .call(
            "POST",
            &format!("/customerpayments/{pid}/refunds"),
            Some(json!({"date": "2024-01-16", "amount": 51})),
        )
        .await;
    assert_eq!(over.status, 400);
    assert_eq!(over.json()["code"], 1040);
}

#[tokio::test]
async fn write_off_and_overdue_by_due_date() {
    let api = Api::start().await;
    let cid = api.contact("Bowman and Co").await;
    let inv = api.invoice(&cid, 10.0, 1.0).await;
    let iid = id(&inv, "invoice_id");
    api.post_ok(&format!("/invoices/{iid}/status/sent"), None)
        .await;
    assert_eq!(
        api.get("/invoices?filter_by=Status.Overdue").await["invoices"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    api.server.advance_clock(Duration::from_secs(3 * 86_400));
    assert_eq!(
        api.get(&format!("/invoices/{iid}")).await["invoice"]["status"],
        "overdue"
    );
    assert_eq!(
        api.get("/invoices?filter_by=Status.Overdue").await["invoices"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    api.post_ok(&format!("/invoices/{iid}/writeoff"), None)
        .await;
    let got = api.get(&format!("/invoices/{iid}")).await["invoice"].clone();
    assert_eq!(
        (got["status"].clone(), got["balance"].clone()),
        (json!("paid"), json!(0))
    );
    api.post_ok(&format!("/invoices/{iid}/writeoff/cancel"), None)
        .await;
    assert_eq!(
        api.get(&format!("/invoices/{iid}")).await["invoice"]["status"],
        "overdue"
    );
}

#[tokio::test]
async fn estimates_recurring_and_retainers() {
    let api = Api::start().await;
    let cid = api.contact("Bowman and Co").await;
    let est = api
        .create(
            "/estimates",
            "estimate",
            json!({"customer_id": cid, "line_items": [{"name": "x", "rate": 5}]}),
        )
        .await;
    assert_eq!(est["estimate_number"], "EST-000001");
    let eid = id(&est, "estimate_id");
    let early = api
        .call("POST", &format!("/estimates/{eid}/status/accepted"), None)
        .await;
    assert_eq!(early.status, 400, "a draft cannot be accepted");
    api.post_ok(&format!("/estimates/{eid}/status/sent"), None)
        .await;
    api.post_ok(&format!("/estimates/{eid}/status/accepted"), None)
        .await;
    assert_eq!(
        api.get(&format!("/estimates/{eid}")).await["estimate"]["status"],
        "accepted"
    );
    let ri = api
        .create("/recurringinvoices", "recurring_invoice", json!({"recurrence_name": "Monthly", "recurrence_frequency": "months", "customer_id": cid, "line_items": [{"name": "x", "rate": 5}]}))
        .await;
    let rid = id(&ri, "recurring_invoice_id");
    api.post_ok(&format!("/recurringinvoices/{rid}/status/stop"), None)
        .await;
    assert_eq!(
        api.get(&format!("/recurringinvoices/{rid}")).await["recurring_invoice"]["status"],
        "stopped"
    );
    api.post_ok(&format!("/recurringinvoices/{rid}/status/resume"), None)
        .await;
    assert_eq!(
        api.get(&format!("/recurringinvoices/{rid}")).await["recurring_invoice"]["status"],
        "active"
    );
    // The reference answers a new retainer invoice under `retainerinvoices` (one object).
    let ret = api
        .create(
            "/retainerinvoices",
            "retainerinvoices",
            json!({"customer_id": cid, "line_items": [{"description": "Advance", "rate": 500}]}),
        )
        .await;
    assert_eq!(ret["retainerinvoice_number"], "RET-000001");
    let tid = id(&ret, "retainerinvoice_id");
    api.post_ok(&format!("/retainerinvoices/{tid}/status/sent"), None)
        .await;
    api.post_ok(&format!("/retainerinvoices/{tid}/status/void"), None)
        .await;
    assert_eq!(
        api.get(&format!("/retainerinvoices/{tid}")).await["retainerinvoice"]["status"],
        "void"
    );
    let re = api
        .create(
            "/recurringexpenses",
            "recurring_expense",
            json!({"recurrence_name": "Rent", "amount": 112.5, "account_id": "982000000561057", "start_date": "2024-01-01", "recurrence_frequency": "months", "repeat_every": 1}),
        )
        .await;
    let reid = id(&re, "recurring_expense_id");
    api.post_ok(&format!("/recurringexpenses/{reid}/status/stop"), None)
        .await;
    assert_eq!(
        api.get(&format!("/recurringexpenses/{reid}")).await["recurring_expense"]["status"],
        "stopped"
    );
}

#[tokio::test]
async fn projects_tasks_users_time_entries_and_timer() {
    let api = Api::start().await;
    let cid = api.contact("SAF Instruments").await;
    let project = api
        .create("/projects", "project", json!({"project_name": "Traffic Flux", "customer_id": cid, "billing_type": "based_on_task_hours", "user_id": USER, "tasks": [{"task_name": "Analysis"}]}))
        .await;
    let pid = id(&project, "project_id");
    let tasks = api.get(&format!("/projects/{pid}/tasks")).await;
    let task_id = id(&tasks["tasks"][0], "task_id");
    let task2 = api
        .create(
            &format!("/projects/{pid}/tasks"),
            "task",
            json!({"task_name": "Painting"}),
        )
        .await;
    assert_eq!(
        api.get(&format!("/projects/{pid}/tasks")).await["tasks"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    api.call(
        "DELETE",
        &format!("/projects/{pid}/tasks/{}", id(&task2, "task_id")),
        None,
    )
    .await;
    let invited = api
        .post_ok(
            &format!("/projects/{pid}/users/invite"),
            Some(json!({"user_name": "Ann", "email": "ann@zylker.org"})),
        )
        .await;
    let uid = id(&invited["users"][0], "user_id");
    assert_eq!(
        api.get(&format!("/projects/{pid}/users/{uid}")).await["users"]["email"],
        "ann@zylker.org"
    );
    api.post_ok(&format!("/projects/{pid}/inactive"), None)
        .await;
    assert_eq!(
        api.get(&format!("/projects/{pid}")).await["project"]["status"],
        "inactive"
    );
    let entry = api
        .create("/projects/timeentries", "time_entry", json!({"project_id": pid, "task_id": task_id, "user_id": USER, "log_date": "2024-01-02", "log_time": "01:30"}))
        .await;
    assert_eq!(entry["task_name"], "Analysis");
    let eid = id(&entry, "time_entry_id");
    let no_timer = api
        .call("GET", "/projects/timeentries/runningtimer/me", None)
        .await;
    assert_eq!(no_timer.status, 404);
    api.post_ok(&format!("/projects/timeentries/{eid}/timer/start"), None)
        .await;
    assert_eq!(
        api.get("/projects/timeentries/runningtimer/me").await["time_entry"]["time_entry_id"],
        eid.as_str()
    );
    api.server.advance_clock(Duration::from_secs(45 * 60));
    let stopped = api.post_ok("/projects/timeentries/timer/stop", None).await;
    assert_eq!(stopped["time_entry"]["log_time"], "02:15");
    assert_eq!(
        stopped["time_entry"]["timer_duration_in_minutes"], "45",
        "durations are text, as the reference and the documents give them"
    );
    assert_eq!(stopped["time_entry"]["timer_duration_in_seconds"], "2700");
    let bad_task = api
        .call(
            "POST",
            "/projects/timeentries",
            Some(
                json!({"project_id": pid, "task_id": "982000000999999", "user_id": USER, "log_date": "2024-01-02"}),
            ),
        )
        .await;
    assert_eq!(bad_task.status, 400);
    let del = api
        .call(
            "DELETE",
            &format!("/projects/timeentries?time_entry_ids={eid}"),
            None,
        )
        .await;
    assert_eq!(del.status, 200);
    assert_eq!(
        api.get("/projects/timeentries").await["time_entries"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    let clone = api
        .post_ok(
            &format!("/projects/{pid}/clone"),
            Some(json!({"project_name": "Copy"})),
        )
        .await;
    let cpid = id(&clone["project"], "project_id");
    assert_eq!(
        api.get(&format!("/projects/{cpid}/tasks")).await["tasks"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn json_string_form_field_is_accepted() {
    let api = Api::start().await;
    let req = api
        .builder("POST", "/contacts")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(Full::from(
            "JSONString=%7B%22contact_name%22%3A%22Form+Co%22%7D",
        ))
        .unwrap();
    let a = api.send(req).await;
    assert_eq!(a.status, 201);
    assert_eq!(a.json()["contact"]["contact_name"], "Form Co");
}

fn multipart(field: &str, name: &str, ctype: &str, data: &[u8]) -> (String, Vec<u8>) {
    let boundary = "----mockboundary42";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\nContent-Type: {ctype}\r\n\r\n").as_bytes(),
    );
    body.extend_from_slice(data);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[tokio::test]
async fn attachments_and_receipts_upload_and_download() {
    let api = Api::start().await;
    let cid = api.contact("Bowman and Co").await;
    let iid = id(&api.invoice(&cid, 1.0, 1.0).await, "invoice_id");
    let png = b"\x89PNG\r\n\x1a\n fake image";
    let (ct, body) = multipart("attachment", "scan.png", "image/png", png);
    let req = api
        .builder(
            "POST",
            &format!("/invoices/{iid}/attachment?can_send_in_mail=true"),
        )
        .header("Content-Type", ct)
        .body(Full::from(body))
        .unwrap();
    let a = api.send(req).await;
    assert_eq!(a.status, 201, "{}", String::from_utf8_lossy(&a.body));
    let got = api
        .call("GET", &format!("/invoices/{iid}/attachment"), None)
        .await;
    assert_eq!(got.status, 200);
    assert_eq!(&got.body[..], png);
    assert_eq!(got.header("content-type"), "image/png");
    assert!(got.header("content-disposition").contains("scan.png"));
    assert_eq!(
        api.get(&format!("/invoices/{iid}")).await["invoice"]["has_attachment"],
        true
    );
    let (ct, body) = multipart("attachment", "run.exe", "application/octet-stream", b"MZ");
    let req = api
        .builder("POST", &format!("/invoices/{iid}/attachment"))
        .header("Content-Type", ct)
        .body(Full::from(body))
        .unwrap();
    assert_eq!(
        api.send(req).await.status,
        400,
        "only gif, png, jpeg, jpg, bmp, pdf"
    );
    api.call("DELETE", &format!("/invoices/{iid}/attachment"), None)
        .await;
    assert_eq!(
        api.call("GET", &format!("/invoices/{iid}/attachment"), None)
            .await
            .status,
        404
    );

    let exp = api
        .create(
            "/expenses",
            "expense",
            json!({"amount": 112.5, "account_id": "982000000561057", "date": "2024-01-01"}),
        )
        .await;
    let eid = id(&exp, "expense_id");
    let (ct, body) = multipart(
        "receipt",
        "receipt.pdf",
        "application/pdf",
        b"%PDF-1.4 receipt",
    );
    let req = api
        .builder("POST", &format!("/expenses/{eid}/receipt"))
        .header("Content-Type", ct)
        .body(Full::from(body))
        .unwrap();
    assert_eq!(api.send(req).await.status, 201);
    let got = api
        .call("GET", &format!("/expenses/{eid}/receipt"), None)
        .await;
    assert_eq!(&got.body[..], b"%PDF-1.4 receipt");
    let del = api
        .call("DELETE", &format!("/invoices/expenses/{eid}/receipt"), None)
        .await;
    assert_eq!(del.status, 200);
    assert_eq!(
        api.call("GET", &format!("/expenses/{eid}/receipt"), None)
            .await
            .status,
        404
    );
}

/// Checks the PDF's structure: header, trailer, and xref offsets that land on objects.
fn assert_valid_pdf(bytes: &[u8]) -> String {
    let text = String::from_utf8(bytes.to_vec()).expect("the server's PDFs are ASCII");
    assert!(text.starts_with("%PDF-"));
    assert!(text.trim_end().ends_with("%%EOF"));
    let start: usize = text
        .rsplit("startxref\n")
        .next()
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(text[start..].starts_with("xref"));
    let mut lines = text[start..].lines().skip(1);
    let count: usize = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    for (i, entry) in lines.skip(1).take(count - 1).enumerate() {
        let off: usize = entry[..10].parse().unwrap();
        assert!(text[off..].starts_with(&format!("{} 0 obj", i + 1)));
    }
    text
}

#[tokio::test]
async fn pdf_downloads_bulk_export_and_print() {
    let api = Api::start().await;
    let cid = api.contact("Bowman and Co").await;
    let inv = api.invoice(&cid, 12.0, 3.0).await;
    let iid = id(&inv, "invoice_id");
    let a = api
        .call("GET", &format!("/invoices/{iid}?accept=pdf"), None)
        .await;
    assert_eq!(a.status, 200);
    assert_eq!(a.header("content-type"), "application/pdf");
    assert_eq!(
        a.header("content-disposition"),
        "attachment; filename=\"INV-000001.pdf\""
    );
    let text = assert_valid_pdf(&a.body);
    assert!(text.contains("INV-000001") && text.contains("Bowman and Co"));
    let req = api
        .builder("GET", &format!("/invoices/{iid}"))
        .header("Accept", "application/pdf")
        .body(Full::default())
        .unwrap();
    let b = api.send(req).await;
    assert_valid_pdf(&b.body);
    let html = api
        .call("GET", &format!("/invoices/{iid}?accept=html"), None)
        .await;
    assert!(html.header("content-type").starts_with("text/html"));
    let iid2 = id(&api.invoice(&cid, 1.0, 1.0).await, "invoice_id");
    let bulk = api
        .call(
            "GET",
            &format!("/invoices/pdf?invoice_ids={iid},{iid2}"),
            None,
        )
        .await;
    assert!(assert_valid_pdf(&bulk.body).contains("/Count 2"));
    let print = api
        .call("GET", &format!("/invoices/print?invoice_ids={iid}"), None)
        .await;
    assert_valid_pdf(&print.body);
    let ids: Vec<String> = (0..26).map(|_| iid.clone()).collect();
    let over = api
        .call(
            "GET",
            &format!("/invoices/pdf?invoice_ids={}", ids.join(",")),
            None,
        )
        .await;
    assert_eq!(over.status, 400);
    assert_eq!(over.json()["code"], zoho_invoice_mock::codes::TOO_MANY_IDS);
}

#[tokio::test]
async fn bulk_email_limit_and_effect() {
    let api = Api::start().await;
    let cid = api.contact("Bowman and Co").await;
    let iid = id(&api.invoice(&cid, 1.0, 1.0).await, "invoice_id");
    api.post_ok(
        &format!("/invoices/email?invoice_ids={iid}"),
        Some(json!({"contacts": []})),
    )
    .await;
    let got = api.get(&format!("/invoices/{iid}")).await["invoice"].clone();
    assert_eq!(
        (got["is_emailed"].clone(), got["status"].clone()),
        (json!(true), json!("sent"))
    );
    let ids: Vec<String> = (0..11).map(|_| iid.clone()).collect();
    let over = api
        .call(
            "POST",
            &format!("/invoices/email?invoice_ids={}", ids.join(",")),
            None,
        )
        .await;
    assert_eq!(over.status, 400);
    assert_eq!(over.json()["code"], zoho_invoice_mock::codes::TOO_MANY_IDS);
}

/// The comment whose description is `text` among the comments at `path`.
async fn comment_at(api: &common::Api, path: &str, text: &str) -> serde_json::Value {
    let list = api.get(path).await;
    list["comments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["description"] == text)
        .unwrap_or_else(|| panic!("no comment {text:?} at {path}: {list}"))
        .clone()
}

#[tokio::test]
async fn comments_are_taken_from_the_query_as_the_reference_sends_them() {
    let api = Api::start().await;
    let customer = api.contact("Bowman and Co").await;
    let lines = json!([{"name": "Design", "rate": 100, "quantity": 1}]);
    let body = json!({"customer_id": customer, "line_items": lines, "date": "2024-01-15"});
    let invoice = id(&api.invoice(&customer, 100.0, 1.0).await, "invoice_id");
    let estimate = id(
        &api.create("/estimates", "estimate", body.clone()).await,
        "estimate_id",
    );
    let retainer = api
        .call("POST", "/retainerinvoices", Some(body.clone()))
        .await;
    assert_eq!(
        retainer.status,
        201,
        "{}",
        String::from_utf8_lossy(&retainer.body)
    );
    let retainer = id(&retainer.json()["retainerinvoices"], "retainerinvoice_id");
    let note = id(
        &api.create("/creditnotes", "creditnote", body).await,
        "creditnote_id",
    );

    for parent in [
        format!("/invoices/{invoice}"),
        format!("/estimates/{estimate}"),
        format!("/retainerinvoices/{retainer}"),
        format!("/creditnotes/{note}"),
    ] {
        let comments = format!("{parent}/comments");
        let added = api
            .call(
                "POST",
                &format!("{comments}?description=Paid+next+week&show_comment_to_clients=true"),
                None,
            )
            .await;
        assert_eq!(
            added.json()["code"],
            0,
            "{}",
            String::from_utf8_lossy(&added.body)
        );
        let comment = comment_at(&api, &comments, "Paid next week").await;
        assert_eq!(comment["show_comment_to_clients"], true, "{comment}");
    }

    // An update takes the query too, and a JSON body still wins over it.
    let comments = format!("/invoices/{invoice}/comments");
    let comment_id = id(
        &comment_at(&api, &comments, "Paid next week").await,
        "comment_id",
    );
    let updated = api
        .call(
            "PUT",
            &format!(
                "{comments}/{comment_id}?description=Paid+today&show_comment_to_clients=false"
            ),
            None,
        )
        .await;
    assert_eq!(updated.json()["code"], 0);
    let comment = comment_at(&api, &comments, "Paid today").await;
    assert_eq!(comment["show_comment_to_clients"], false);
    let both = api
        .call(
            "PUT",
            &format!("{comments}/{comment_id}?description=From+the+query"),
            Some(json!({"description": "From the body"})),
        )
        .await;
    assert_eq!(both.json()["code"], 0);
    comment_at(&api, &comments, "From the body").await;

    // Without a description anywhere, the comment is refused.
    let missing = api.call("POST", &comments, None).await;
    assert_ne!(missing.json()["code"], 0);
}

#[tokio::test]
async fn every_template_list_answers_a_list() {
    let api = Api::start().await;
    for kind in ["invoices", "estimates", "retainerinvoices", "creditnotes"] {
        let answer = api.get(&format!("/{kind}/templates")).await;
        let templates = answer["templates"]
            .as_array()
            .unwrap_or_else(|| panic!("{kind}: no list of templates in {answer}"));
        assert!(!templates.is_empty(), "{kind}");
        assert!(
            templates.iter().all(|t| t["template_id"].is_string()),
            "{kind}: {answer}"
        );
    }
}

#[tokio::test]
async fn a_tax_group_lists_its_taxes_and_their_sum() {
    let api = Api::start().await;
    let vat = api
        .create(
            "/settings/taxes",
            "tax",
            json!({"tax_name": "VAT", "tax_percentage": 12.5}),
        )
        .await;
    let cess = api
        .create(
            "/settings/taxes",
            "tax",
            json!({"tax_name": "Cess", "tax_percentage": 2}),
        )
        .await;
    let (vat, cess) = (id(&vat[0], "tax_id"), id(&cess[0], "tax_id"));
    let group = api
        .create(
            "/settings/taxgroups",
            "tax_group",
            json!({"tax_group_name": "Both", "taxes": format!("{vat},{cess}")}),
        )
        .await;
    assert_eq!(group["tax_group_percentage"], 14.5);
    assert_eq!(group["taxes"][0]["tax_id"], vat.as_str());
    assert_eq!(group["taxes"][0]["tax_name"], "VAT");
    assert_eq!(group["taxes"][1]["tax_percentage"], 2);
    let gid = id(&group, "tax_group_id");
    let renamed = api
        .call(
            "PUT",
            &format!("/settings/taxgroups/{gid}"),
            Some(json!({"tax_group_name": "Renamed"})),
        )
        .await
        .json();
    assert_eq!(renamed["tax_group"]["taxes"], group["taxes"], "kept");
    let unknown = api
        .call(
            "POST",
            "/settings/taxgroups",
            Some(json!({"tax_group_name": "None", "taxes": "982000000000000999"})),
        )
        .await;
    assert_eq!(
        unknown.status,
        400,
        "{}",
        String::from_utf8_lossy(&unknown.body)
    );
}
