//! The bodies of the operations that are not a plain create or update (refunds, credits
//! applied, users assigned, projects cloned, emails, portal access, templates) are checked
//! like Zoho's creates: each refused body answers its status, code and message and changes
//! nothing, over raw HTTP against the shared world of `world/mod.rs`.
#![allow(clippy::unwrap_used)]

mod common;
mod world;

use common::{Api, Refused, id, refused};
use serde_json::{Value, json};
use world::World;

/// An id no record has.
const NOBODY: &str = "982000000999999";

/// The records of another customer, and another project, that the bodies name wrongly.
struct Others {
    person: String,
    estimate: String,
    task: String,
}

async fn others(api: &Api) -> Others {
    let customer = api.contact("SAF Instruments Inc").await;
    let person = api
        .call(
            "POST",
            "/contacts/contactpersons",
            Some(json!({"contact_id": customer, "first_name": "Ann"})),
        )
        .await
        .json();
    let estimate = api
        .create(
            "/estimates",
            "estimate",
            json!({"customer_id": customer, "line_items": [{"name": "x", "rate": 1}]}),
        )
        .await;
    let project = api
        .create(
            "/projects",
            "project",
            json!({"project_name": "Other", "customer_id": customer,
                "billing_type": "based_on_task_hours", "user_id": "982000000554041",
                "tasks": [{"task_name": "Elsewhere"}]}),
        )
        .await;
    let tasks = api
        .get(&format!("/projects/{}/tasks", id(&project, "project_id")))
        .await;
    Others {
        person: id(&person["contact_person"][0], "contact_person_id"),
        estimate: id(&estimate, "estimate_id"),
        task: id(&tasks["tasks"][0], "task_id"),
    }
}

/// Everything a refused body could have changed.
async fn snapshot(api: &Api, w: &World) -> Vec<Value> {
    let (cid, iid, cnid) = (&w["contact_id"], &w["invoice_id"], &w["creditnote_id"]);
    let (pid, prid) = (&w["payment_id"], &w["project_id"]);
    let mut all = Vec::new();
    for path in [
        format!("/contacts/{cid}"),
        format!("/contacts/{cid}/comments"),
        format!("/invoices/{iid}"),
        format!("/invoices/{iid}/creditsapplied"),
        format!("/creditnotes/{cnid}"),
        format!("/creditnotes/{cnid}/comments"),
        format!("/creditnotes/{cnid}/refunds"),
        format!("/customerpayments/{pid}"),
        format!("/customerpayments/{pid}/refunds"),
        format!("/projects/{prid}/users"),
        "/projects".to_owned(),
        "/projects/timeentries".to_owned(),
        "/invoices".to_owned(),
    ] {
        all.push(api.get(&path).await);
    }
    all
}

fn email_without(field: &str) -> Value {
    let mut email =
        json!({"to_mail_ids": ["will@bowman.example"], "subject": "Hi", "body": "Dear Will"});
    email.as_object_mut().unwrap().remove(field);
    email
}

fn project(w: &World, extra: Value) -> Value {
    let mut body = json!({"project_name": "P", "customer_id": w["contact_id"],
        "billing_type": "based_on_task_hours", "user_id": "982000000554041"});
    body.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    body
}

fn cases(w: &World, o: &Others) -> Vec<Refused> {
    let (cid, iid, cnid) = (&w["contact_id"], &w["invoice_id"], &w["creditnote_id"]);
    let (pid, prid) = (&w["payment_id"], &w["project_id"]);
    let apply =
        |invoice: &str, amount: i64| json!({"invoice_id": invoice, "amount_applied": amount});
    vec![
        // Refunds carry their date and amount.
        refused(
            "POST",
            format!("/customerpayments/{pid}/refunds"),
            json!({"amount": 5}),
            11,
            "Required field date is missing.",
        ),
        refused(
            "POST",
            format!("/creditnotes/{cnid}/refunds"),
            json!({"date": "2024-01-02"}),
            11,
            "Required field amount is missing.",
        ),
        // Credits applied name existing records; all are checked before any is applied.
        refused(
            "POST",
            format!("/creditnotes/{cnid}/invoices"),
            json!({}),
            11,
            "Required field invoices is missing.",
        ),
        refused(
            "POST",
            format!("/creditnotes/{cnid}/invoices"),
            json!({"invoices": [{"invoice_id": iid}]}),
            11,
            "Required field amount_applied is missing.",
        ),
        refused(
            "POST",
            format!("/creditnotes/{cnid}/invoices"),
            json!({"invoices": [apply(NOBODY, 1)]}),
            1002,
            "Invoice does not exist.",
        ),
        refused(
            "POST",
            format!("/creditnotes/{cnid}/invoices"),
            json!({"invoices": [apply(iid, 5), apply(iid, 96)]}),
            1040,
            "The amount exceeds the balance of the invoice.",
        ),
        refused(
            "POST",
            format!("/invoices/{iid}/credits"),
            json!({"apply_creditnotes": [{"creditnote_id": NOBODY, "amount_applied": 1}]}),
            1002,
            "Credit note does not exist.",
        ),
        refused(
            "POST",
            format!("/invoices/{iid}/credits"),
            json!({"invoice_payments": [{"payment_id": NOBODY, "amount_applied": 1}]}),
            1002,
            "Payment does not exist.",
        ),
        refused(
            "POST",
            format!("/invoices/{iid}/credits"),
            json!({"apply_creditnotes": [{"creditnote_id": cnid, "amount_applied": 5}],
                "invoice_payments": [{"payment_id": pid, "amount_applied": 91}]}),
            1040,
            "The amount exceeds the unused amount of the payment.",
        ),
        // Projects: users that exist, tasks with names, a clone's name.
        refused(
            "POST",
            format!("/projects/{prid}/users"),
            json!({"users": [{"user_id": NOBODY}]}),
            1002,
            "User does not exist.",
        ),
        refused(
            "POST",
            format!("/projects/{prid}/users"),
            json!({"users": [{"email": "ann@zylker.org"}]}),
            11,
            "Required field user_id is missing.",
        ),
        refused(
            "POST",
            format!("/projects/{prid}/users"),
            json!({"user_role": "staff"}),
            11,
            "Required field user_id is missing.",
        ),
        refused(
            "POST",
            format!("/projects/{prid}/clone"),
            json!({"description": "Copy"}),
            11,
            "Required field project_name is missing.",
        ),
        refused(
            "POST",
            "/projects".to_owned(),
            project(w, json!({"tasks": [{"description": "No name"}]})),
            11,
            "Required field task_name is missing.",
        ),
        refused(
            "POST",
            "/projects".to_owned(),
            project(w, json!({"users": [{"user_id": NOBODY}]})),
            1002,
            "User does not exist.",
        ),
        refused(
            "POST",
            "/projects/timeentries".to_owned(),
            json!({"project_id": prid, "task_id": o.task, "user_id": "982000000554041",
                "log_date": "2024-01-02"}),
            1002,
            "Task does not exist.",
        ),
        // Emails carry recipients, subject and body.
        refused(
            "POST",
            format!("/contacts/{cid}/email"),
            email_without("to_mail_ids"),
            11,
            "Required field to_mail_ids is missing.",
        ),
        refused(
            "POST",
            format!("/contacts/{cid}/statements/email"),
            email_without("subject"),
            11,
            "Required field subject is missing.",
        ),
        refused(
            "POST",
            format!("/creditnotes/{cnid}/email"),
            email_without("body"),
            11,
            "Required field body is missing.",
        ),
        // Portal access for the contact's own persons.
        refused(
            "POST",
            format!("/contacts/{cid}/portal/enable"),
            json!({}),
            11,
            "Required field contact_persons is missing.",
        ),
        refused(
            "POST",
            format!("/contacts/{cid}/portal/enable"),
            json!({"contact_persons": [{"contact_person_id": o.person}]}),
            1002,
            "Contact Person does not exist",
        ),
        // An invoice made from an estimate of another customer.
        refused(
            "POST",
            "/invoices".to_owned(),
            json!({"customer_id": cid, "invoiced_estimate_id": o.estimate,
                "line_items": [{"name": "x", "rate": 1}]}),
            1002,
            "Estimate does not exist",
        ),
        refused(
            "POST",
            "/settings/taxgroups".to_owned(),
            json!({"tax_group_name": "Both", "taxes": NOBODY}),
            1002,
            "Tax does not exist.",
        ),
        Refused {
            status: 404,
            ..refused(
                "PUT",
                format!("/invoices/{iid}/templates/{NOBODY}"),
                json!({}),
                1002,
                "Template does not exist.",
            )
        },
    ]
}

#[tokio::test]
async fn each_refused_body_answers_its_code_and_changes_nothing() {
    let (api, w) = world::world().await;
    let o = others(&api).await;
    for case in cases(&w, &o) {
        let before = snapshot(&api, &w).await;
        let what = case.assert_refused_by(&api).await;
        assert_eq!(snapshot(&api, &w).await, before, "{what} changed something");
    }
}

#[tokio::test]
async fn the_same_operations_accept_bodies_that_name_their_own_records() {
    let (api, w) = world::world().await;
    let (cid, iid, cnid) = (&w["contact_id"], &w["invoice_id"], &w["creditnote_id"]);
    let (pid, prid) = (&w["payment_id"], &w["project_id"]);
    let email =
        json!({"to_mail_ids": ["will@bowman.example"], "subject": "Hi", "body": "Dear Will"});
    let cases: Vec<(&str, String, Value)> = vec![
        (
            "POST",
            format!("/invoices/{iid}/credits"),
            json!({"apply_creditnotes": [{"creditnote_id": cnid, "amount_applied": 5}],
                "invoice_payments": [{"payment_id": pid, "amount_applied": 10}]}),
        ),
        (
            "POST",
            format!("/creditnotes/{cnid}/invoices"),
            json!({"invoices": [{"invoice_id": iid, "amount_applied": 5}]}),
        ),
        (
            "POST",
            format!("/projects/{prid}/users"),
            json!({"user_id": w["bob_user_id"]}),
        ),
        (
            "POST",
            "/projects/timeentries".to_owned(),
            json!({"project_id": prid, "task_id": w["task_id"], "user_id": w["bob_user_id"],
                "log_date": "2024-01-02"}),
        ),
        ("POST", format!("/contacts/{cid}/email"), email.clone()),
        ("POST", format!("/creditnotes/{cnid}/email"), email),
        (
            "POST",
            format!("/contacts/{cid}/portal/enable"),
            json!({"contact_persons": [{"contact_person_id": w["contact_person_id"]}]}),
        ),
        (
            "PUT",
            format!("/invoices/{iid}/templates/982000000000145"),
            json!({}),
        ),
    ];
    for (method, path, body) in cases {
        let a = api.call(method, &path, Some(body.clone())).await;
        assert!(
            a.status == 200 || a.status == 201,
            "{method} {path} {body}: {} {}",
            a.status,
            String::from_utf8_lossy(&a.body)
        );
    }
    // The credits moved the invoice: 100 less 5 + 10 + 5.
    let invoice = api.get(&format!("/invoices/{iid}")).await;
    assert_eq!(invoice["invoice"]["balance"], 80);
    assert_eq!(invoice["invoice"]["template_id"], "982000000000145");
}
