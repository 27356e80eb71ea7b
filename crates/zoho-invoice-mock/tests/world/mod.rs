//! A seeded server with one record of every kind an operation of the endpoint table names,
//! and the ids, bodies and preparations each operation needs to succeed against it. Shared
//! by the tests that run every operation (`envelopes.rs`, `shapes.rs`).
#![allow(dead_code, unreachable_pub, clippy::unwrap_used)]

use std::collections::HashMap;

use http_body_util::Full;
use serde_json::{Value, json};
use zoho_invoice_mock::MockConfig;

use crate::common::{self, Answer, Api};

/// The project's own copy of the reference's endpoint table.
const ENDPOINTS: &str = include_str!("../../../../reference/endpoints.tsv");

/// The comment every setup step writes, to find comments whose answers carry no record.
const COMMENT: &str = "Envelope comment";

/// The user the server's tokens belong to (`GET /users/me`).
const USER: &str = "982000000554041";

/// The template id operations on templates name.
const TEMPLATE_ID: &str = "982000000000143";

/// A row of the endpoint table.
pub struct Row {
    pub resource: String,
    pub operation: String,
    pub method: String,
    pub template: String,
}

impl Row {
    pub fn name(&self) -> String {
        format!(
            "{} / {} ({} {})",
            self.resource, self.operation, self.method, self.template
        )
    }
}

pub fn rows() -> Vec<Row> {
    ENDPOINTS
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            Row {
                resource: cols[0].to_string(),
                operation: cols[1].to_string(),
                method: cols[2].to_string(),
                template: cols[3].to_string(),
            }
        })
        .collect()
}

/// The records an operation works on, by path parameter name; a name is first looked up
/// as `<first path segment>/<name>` (comments of different parents share `comment_id`).
pub type World = HashMap<String, String>;

/// The first `field` found in the answer: at the top level, or in a top-level object or the
/// first element of a top-level list.
pub fn find_id(v: &Value, field: &str) -> String {
    if let Some(s) = v.get(field).and_then(Value::as_str) {
        return s.to_string();
    }
    for inner in v.as_object().into_iter().flat_map(|m| m.values()) {
        let candidate = match inner {
            Value::Array(a) => a.first(),
            other => Some(other),
        };
        if let Some(s) = candidate.and_then(|c| c.get(field)).and_then(Value::as_str) {
            return s.to_string();
        }
    }
    panic!("no {field} in {v}")
}

/// The id of the comment written by the setup in the list at `path`.
async fn comment_id(api: &Api, path: &str, key: &str) -> String {
    let list = api.get(path).await;
    let found = list[key]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["description"] == COMMENT)
        .unwrap_or_else(|| panic!("no comment in {list}"));
    common::id(found, "comment_id")
}

/// Creates a user of the organization (`POST /users` answers no record) and answers its id.
async fn user(api: &Api, name: &str, email: &str) -> String {
    api.post_ok("/users", Some(json!({"name": name, "email": email})))
        .await;
    let users = api.get("/users").await;
    users["users"]
        .as_array()
        .and_then(|all| all.iter().find(|u| u["email"] == email))
        .map(|u| find_id(u, "user_id"))
        .expect("the new user is listed")
}

/// An email as the reference requires one: recipients, subject and body.
fn email() -> Value {
    json!({"to_mail_ids": ["willsmith@bowmanfurniture.com"], "subject": "Hello", "body": "Dear Will"})
}

fn lines() -> Value {
    json!([{"name": "Hard Drive", "rate": 120, "quantity": 1}])
}

/// A seeded server plus one record of every kind an operation can name.
pub async fn world() -> (Api, World) {
    let api = Api::start_with(MockConfig::default().with_seed(true)).await;
    let mut w = World::new();
    let cid = api.contact("Envelope Co").await;
    w.insert("contact_id".into(), cid.clone());
    let post = |path: String, body: Value| {
        let api = &api;
        async move { api.post_ok(&path, Some(body)).await }
    };

    let v = post("/items".into(), json!({"name": "Disk", "rate": 10})).await;
    w.insert("item_id".into(), find_id(&v, "item_id"));
    let v = post("/pricebooks".into(), json!({"name": "Wholesale"})).await;
    w.insert("pricebook_id".into(), find_id(&v, "pricebook_id"));
    let v = post(
        "/contacts/contactpersons".into(),
        json!({"contact_id": cid, "first_name": "Will"}),
    )
    .await;
    w.insert("contact_person_id".into(), find_id(&v, "contact_person_id"));
    let v = post(
        format!("/contacts/{cid}/address"),
        json!({"city": "Pleasanton"}),
    )
    .await;
    w.insert("address_id".into(), find_id(&v, "address_id"));
    let reviews = api.get("/clientreviews").await;
    w.insert(
        "clientreviews/comment_id".into(),
        find_id(&reviews, "comment_id"),
    );

    let v = post(
        "/estimates".into(),
        json!({"customer_id": cid, "line_items": lines()}),
    )
    .await;
    let eid = find_id(&v, "estimate_id");
    post(
        format!("/estimates/{eid}/comments"),
        json!({"description": COMMENT}),
    )
    .await;
    let c = comment_id(&api, &format!("/estimates/{eid}/comments"), "comments").await;
    w.insert("estimates/comment_id".into(), c);
    w.insert("estimate_id".into(), eid);

    let iid = common::id(&api.invoice(&cid, 100.0, 1.0).await, "invoice_id");
    post(
        format!("/invoices/{iid}/comments"),
        json!({"description": COMMENT}),
    )
    .await;
    let c = comment_id(&api, &format!("/invoices/{iid}/comments"), "comments").await;
    w.insert("invoices/comment_id".into(), c);
    w.insert("invoice_id".into(), iid);

    let v = post(
        "/recurringinvoices".into(),
        json!({"recurrence_name": "Monthly", "recurrence_frequency": "months", "customer_id": cid, "line_items": lines()}),
    )
    .await;
    w.insert(
        "recurring_invoice_id".into(),
        find_id(&v, "recurring_invoice_id"),
    );

    let v = post(
        "/customerpayments".into(),
        json!({"customer_id": cid, "amount": 100, "payment_mode": "cash", "date": "2024-01-01"}),
    )
    .await;
    let pid = find_id(&v, "payment_id");
    let v = post(
        format!("/customerpayments/{pid}/refunds"),
        json!({"date": "2024-01-02", "amount": 10}),
    )
    .await;
    w.insert("refund_id".into(), find_id(&v, "payment_refund_id"));
    w.insert("customer_payment_id".into(), pid.clone());
    w.insert("retainer_payment_id".into(), pid.clone());
    w.insert("payment_id".into(), pid);

    let v = post(
        "/retainerinvoices".into(),
        json!({"customer_id": cid, "line_items": lines()}),
    )
    .await;
    let rid = find_id(&v, "retainerinvoice_id");
    post(
        format!("/retainerinvoices/{rid}/comments"),
        json!({"description": COMMENT}),
    )
    .await;
    let c = comment_id(
        &api,
        &format!("/retainerinvoices/{rid}/comments"),
        "comments",
    )
    .await;
    w.insert("retainerinvoices/comment_id".into(), c);
    w.insert("retainerinvoice_id".into(), rid);

    let v = post(
        "/creditnotes".into(),
        json!({"customer_id": cid, "date": "2024-01-01", "line_items": lines()}),
    )
    .await;
    let cnid = find_id(&v, "creditnote_id");
    post(
        format!("/creditnotes/{cnid}/comments"),
        json!({"description": COMMENT}),
    )
    .await;
    let c = comment_id(&api, &format!("/creditnotes/{cnid}/comments"), "comments").await;
    w.insert("creditnotes/comment_id".into(), c);
    let v = post(
        format!("/creditnotes/{cnid}/refunds"),
        json!({"date": "2024-01-02", "amount": 1}),
    )
    .await;
    w.insert(
        "creditnote_refund_id".into(),
        find_id(&v, "creditnote_refund_id"),
    );
    w.insert("creditnote_id".into(), cnid);

    let v = post(
        "/expenses".into(),
        json!({"amount": 112.5, "account_id": "982000000561057", "date": "2024-01-01"}),
    )
    .await;
    w.insert("expense_id".into(), find_id(&v, "expense_id"));
    let v = post(
        "/recurringexpenses".into(),
        json!({"recurrence_name": "Rent", "amount": 112.5, "account_id": "982000000561057", "start_date": "2024-01-01", "recurrence_frequency": "months", "repeat_every": 1}),
    )
    .await;
    w.insert(
        "recurring_expense_id".into(),
        find_id(&v, "recurring_expense_id"),
    );

    let ann = user(&api, "Ann", "ann.user@zylker.org").await;
    let bob = user(&api, "Bob", "bob.user@zylker.org").await;
    w.insert("bob_user_id".into(), bob);
    let v = post(
        "/projects".into(),
        json!({"project_name": "Traffic Flux", "customer_id": cid, "billing_type": "based_on_task_hours", "user_id": USER, "tasks": [{"task_name": "Analysis"}]}),
    )
    .await;
    let prid = find_id(&v, "project_id");
    let tasks = api.get(&format!("/projects/{prid}/tasks")).await;
    let tid = find_id(&tasks, "task_id");
    let v = post(
        format!("/projects/{prid}/users"),
        json!({"users": [{"user_id": ann, "email": "ann.user@zylker.org"}]}),
    )
    .await;
    w.insert("user_id".into(), find_id(&v, "user_id"));
    post(
        format!("/projects/{prid}/comments"),
        json!({"description": COMMENT}),
    )
    .await;
    let c = comment_id(&api, &format!("/projects/{prid}/comments"), "comments").await;
    w.insert("projects/comment_id".into(), c);
    let v = post(
        "/projects/timeentries".into(),
        json!({"project_id": prid, "task_id": tid, "user_id": USER, "log_date": "2024-01-10", "log_time": "01:30"}),
    )
    .await;
    w.insert("time_entry_id".into(), find_id(&v, "time_entry_id"));
    w.insert("task_id".into(), tid);
    w.insert("project_id".into(), prid);
    w.insert("template_id".into(), TEMPLATE_ID.into());

    // Users, the organization, currencies and taxes.
    w.insert("users/user_id".into(), ann);
    w.insert(
        "organizations/organization_id".into(),
        api.server.organization_id().to_owned(),
    );
    let v = post(
        "/settings/currencies".into(),
        json!({"currency_code": "EUR", "currency_format": "1,234,567.89"}),
    )
    .await;
    let currency = find_id(&v, "currency_id");
    let v = post(
        format!("/settings/currencies/{currency}/exchangerates"),
        json!({"effective_date": "2024-01-01", "rate": 1.08}),
    )
    .await;
    w.insert("exchange_rate_id".into(), find_id(&v, "exchange_rate_id"));
    w.insert("currency_id".into(), currency);
    let v = post(
        "/settings/taxes".into(),
        json!({"tax_name": "VAT", "tax_percentage": 12.5}),
    )
    .await;
    let tax = find_id(&v, "tax_id");
    let v = post(
        "/settings/taxgroups".into(),
        json!({"tax_group_name": "Sales", "taxes": tax}),
    )
    .await;
    w.insert("tax_group_id".into(), find_id(&v, "tax_group_id"));
    w.insert("tax_id".into(), tax);
    let v = post(
        "/settings/taxauthorities".into(),
        json!({"tax_authority_name": "Revenue"}),
    )
    .await;
    w.insert("tax_authority_id".into(), find_id(&v, "tax_authority_id"));
    let v = post(
        "/settings/taxexemptions".into(),
        json!({"tax_exemption_code": "RESELLER", "type": "customer"}),
    )
    .await;
    w.insert("tax_exemption_id".into(), find_id(&v, "tax_exemption_id"));
    (api, w)
}

/// A multipart body with one file.
fn multipart(field: &str, name: &str, ctype: &str, data: &[u8]) -> (String, Vec<u8>) {
    let boundary = "----envelopeboundary7";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\nContent-Type: {ctype}\r\n\r\n").as_bytes(),
    );
    body.extend_from_slice(data);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn upload(api: &Api, path: &str, field: &str) -> Answer {
    let (ct, body) = multipart(field, "scan.png", "image/png", b"\x89PNG\r\n\x1a\n fake");
    let req = api
        .builder("POST", path)
        .header("Content-Type", ct)
        .body(Full::from(body))
        .unwrap();
    api.send(req).await
}

/// Brings the world into the state the operation needs (a sent estimate before accepting
/// it, a running timer before stopping it, an applied payment before deleting it...).
async fn prepare(api: &Api, w: &mut World, method: &str, template: &str) {
    let g = |k: &str| w[k].clone();
    let (iid, cnid) = (g("invoice_id"), g("creditnote_id"));
    match (method, template) {
        // Approval goes draft -> pending_approval -> approved.
        (
            "POST",
            "/invoices/{invoice_id}/approve"
            | "/estimates/{estimate_id}/approve"
            | "/retainerinvoices/{retainerinvoice_id}/approve",
        ) => {
            let path = concrete(w, method, template).replace("/approve", "/submit");
            api.post_ok(&path, None).await;
        }
        // A credit note goes back to draft through void (which its refund would prevent),
        // then may be submitted and approved.
        (
            "POST",
            "/creditnotes/{creditnote_id}/status/draft"
            | "/creditnotes/{creditnote_id}/submit"
            | "/creditnotes/{creditnote_id}/approve",
        ) => {
            let refund = g("creditnote_refund_id");
            api.call(
                "DELETE",
                &format!("/creditnotes/{cnid}/refunds/{refund}"),
                None,
            )
            .await;
            api.post_ok(&format!("/creditnotes/{cnid}/void"), None)
                .await;
            if !template.ends_with("/status/draft") {
                api.post_ok(&format!("/creditnotes/{cnid}/status/draft"), None)
                    .await;
            }
            if template.ends_with("/approve") {
                api.post_ok(&format!("/creditnotes/{cnid}/submit"), None)
                    .await;
            }
        }
        (
            "POST",
            "/estimates/{estimate_id}/status/accepted" | "/estimates/{estimate_id}/status/declined",
        ) => {
            api.post_ok(
                &format!("/estimates/{}/status/sent", g("estimate_id")),
                None,
            )
            .await;
        }
        ("POST", "/invoices/{invoice_id}/status/draft" | "/invoices/{invoice_id}/writeoff") => {
            api.post_ok(&format!("/invoices/{iid}/status/sent"), None)
                .await;
        }
        ("POST", "/invoices/{invoice_id}/writeoff/cancel") => {
            api.post_ok(&format!("/invoices/{iid}/status/sent"), None)
                .await;
            api.post_ok(&format!("/invoices/{iid}/writeoff"), None)
                .await;
        }
        ("POST", "/retainerinvoices/{retainerinvoice_id}/status/draft") => {
            let rid = g("retainerinvoice_id");
            api.post_ok(&format!("/retainerinvoices/{rid}/status/sent"), None)
                .await;
        }
        ("DELETE", "/invoices/{invoice_id}/payments/{invoice_payment_id}") => {
            api.post_ok(
                "/customerpayments",
                Some(json!({"customer_id": g("contact_id"), "amount": 5, "payment_mode": "cash", "date": "2024-01-01", "invoices": [{"invoice_id": iid, "amount_applied": 5}]})),
            )
            .await;
            let rows = api.get(&format!("/invoices/{iid}/payments")).await;
            w.insert(
                "invoice_payment_id".into(),
                find_id(&rows, "invoice_payment_id"),
            );
        }
        (
            "DELETE",
            "/invoices/{invoice_id}/creditsapplied/{creditnotes_invoice_id}"
            | "/creditnotes/{creditnote_id}/invoices/{creditnote_invoice_id}",
        ) => {
            api.post_ok(
                &format!("/creditnotes/{cnid}/invoices"),
                Some(json!({"invoices": [{"invoice_id": iid, "amount_applied": 5}]})),
            )
            .await;
            let rows = api.get(&format!("/creditnotes/{cnid}/invoices")).await;
            let row = find_id(&rows, "creditnote_invoice_id");
            w.insert("creditnotes_invoice_id".into(), row.clone());
            w.insert("creditnote_invoice_id".into(), row);
        }
        ("POST", "/recurringinvoices/{recurring_invoice_id}/status/resume") => {
            let id = g("recurring_invoice_id");
            api.post_ok(&format!("/recurringinvoices/{id}/status/stop"), None)
                .await;
        }
        ("POST", "/recurringexpenses/{recurring_expense_id}/status/resume") => {
            let id = g("recurring_expense_id");
            api.post_ok(&format!("/recurringexpenses/{id}/status/stop"), None)
                .await;
        }
        ("POST", "/creditnotes/{creditnote_id}/void") => {
            // A credit note with a refund cannot be voided.
            let refund = g("creditnote_refund_id");
            api.call(
                "DELETE",
                &format!("/creditnotes/{cnid}/refunds/{refund}"),
                None,
            )
            .await;
        }
        ("POST", "/creditnotes/{creditnote_id}/converttoopen") => {
            let refund = g("creditnote_refund_id");
            api.call(
                "DELETE",
                &format!("/creditnotes/{cnid}/refunds/{refund}"),
                None,
            )
            .await;
            api.post_ok(&format!("/creditnotes/{cnid}/void"), None)
                .await;
        }
        ("POST", "/projects/timeentries/timer/stop")
        | ("GET", "/projects/timeentries/runningtimer/me") => {
            let id = g("time_entry_id");
            api.post_ok(&format!("/projects/timeentries/{id}/timer/start"), None)
                .await;
        }
        ("DELETE", "/contacts/{contact_id}") => {
            // A contact with invoices cannot be deleted.
            let fresh = api.contact("Nothing Yet Ltd").await;
            w.insert("contact_id".into(), fresh);
        }
        ("DELETE", "/invoices/{invoice_id}/attachment") => {
            let a = upload(api, &format!("/invoices/{iid}/attachment"), "attachment").await;
            assert_eq!(a.status, 201, "{}", String::from_utf8_lossy(&a.body));
        }
        ("GET" | "DELETE", "/invoices/{invoice_id}/documents/{document_id}") => {
            let a = upload(api, &format!("/invoices/{iid}/attachment"), "attachment").await;
            assert_eq!(a.status, 201, "{}", String::from_utf8_lossy(&a.body));
            let got = api.get(&format!("/invoices/{iid}")).await;
            let doc = find_id(&got["invoice"], "document_id");
            w.insert("document_id".into(), doc);
        }
        ("DELETE", "/retainerinvoices/{retainerinvoice_id}/documents/{document_id}") => {
            let rid = g("retainerinvoice_id");
            let path = format!("/retainerinvoices/{rid}/attachment");
            let a = upload(api, &path, "attachment").await;
            assert_eq!(a.status, 201, "{}", String::from_utf8_lossy(&a.body));
            let got = api.get(&format!("/retainerinvoices/{rid}")).await;
            let doc = find_id(&got["retainerinvoice"], "document_id");
            w.insert("document_id".into(), doc);
        }
        (
            "DELETE",
            "/invoices/expenses/{expense_id}/receipt" | "/expenses/{expense_id}/receipt",
        ) => {
            let path = format!("/expenses/{}/receipt", g("expense_id"));
            let a = upload(api, &path, "receipt").await;
            assert_eq!(a.status, 201, "{}", String::from_utf8_lossy(&a.body));
        }
        _ => {}
    }
}

/// The concrete path (with any query the operation needs) of a template.
fn concrete(w: &World, method: &str, template: &str) -> String {
    let first = template
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or("");
    let path = template
        .split('/')
        .map(
            |seg| match seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(name) => w
                    .get(&format!("{first}/{name}"))
                    .or_else(|| w.get(name))
                    .unwrap_or_else(|| panic!("no record for {{{name}}} in {template}"))
                    .clone(),
                None => seg.to_string(),
            },
        )
        .collect::<Vec<_>>()
        .join("/");
    let query = match (method, template) {
        ("DELETE", "/customerpayments") => {
            format!("?payment_id={}&bulk_delete=true", w["payment_id"])
        }
        (_, "/itemdetails") => format!("?item_ids={}", w["item_id"]),
        (_, "/share/paymentlink") => format!(
            "?transaction_id={}&transaction_type=invoice&link_type=public&expiry_time=2024-12-31",
            w["invoice_id"]
        ),
        (_, t) => query(w, t),
    };
    format!("{path}{query}")
}

/// The query an operation needs whatever its method.
fn query(w: &World, template: &str) -> String {
    match template {
        "/estimates/email" => format!("?estimate_ids={}", w["estimate_id"]),
        "/invoices/email" | "/invoices/paymentreminder" => {
            format!("?invoice_ids={}", w["invoice_id"])
        }
        "/projects/timeentries" => format!("?time_entry_ids={}", w["time_entry_id"]),
        "/invoices/{invoice_id}/attachment" => "?can_send_in_mail=true".to_string(),
        _ => String::new(),
    }
}

/// The JSON body of a create or update (`None`: the operation takes none).
fn body(w: &World, method: &str, template: &str) -> Option<Value> {
    let cid = &w["contact_id"];
    let v = match (method, template) {
        ("POST", "/items") => json!({"name": "Cable", "rate": 5}),
        ("PUT", "/items/{item_id}") => json!({"rate": 6}),
        ("POST", "/pricebooks") => json!({"name": "Retail"}),
        ("PUT", "/pricebooks/{pricebook_id}") => json!({"name": "Retail 2"}),
        ("POST", "/contacts") => json!({"contact_name": "Another Co"}),
        ("PUT", "/contacts/{contact_id}") => json!({"contact_name": "Renamed Co"}),
        ("POST", "/contacts/contactpersons") => json!({"contact_id": cid, "first_name": "Ann"}),
        ("PUT", "/contacts/contactpersons/{contact_person_id}") => json!({"first_name": "Bill"}),
        ("POST", "/contacts/{contact_id}/address")
        | ("PUT", "/contacts/{contact_id}/address/{address_id}") => json!({"city": "Austin"}),
        ("POST", "/estimates" | "/invoices" | "/retainerinvoices" | "/creditnotes") => {
            json!({"customer_id": cid, "date": "2024-01-01", "line_items": lines()})
        }
        ("POST", "/recurringinvoices") => {
            json!({"recurrence_name": "Weekly", "recurrence_frequency": "weeks", "customer_id": cid, "line_items": lines()})
        }
        (
            "PUT",
            "/estimates/{estimate_id}"
            | "/invoices/{invoice_id}"
            | "/retainerinvoices/{retainerinvoice_id}"
            | "/creditnotes/{creditnote_id}",
        ) => json!({"reference_number": "REF-1"}),
        ("PUT", "/recurringinvoices/{recurring_invoice_id}") => {
            json!({"recurrence_name": "Fortnightly"})
        }
        ("POST", "/customerpayments") => {
            json!({"customer_id": cid, "amount": 20, "payment_mode": "cash", "date": "2024-01-01"})
        }
        ("PUT", "/customerpayments/{payment_id}") => json!({"amount": 90}),
        ("POST", "/customerpayments/{customer_payment_id}/refunds") => {
            json!({"date": "2024-01-03", "amount": 5})
        }
        ("PUT", "/customerpayments/{customer_payment_id}/refunds/{refund_id}") => {
            json!({"amount": 15})
        }
        ("POST", "/creditnotes/{creditnote_id}/refunds") => {
            json!({"date": "2024-01-03", "amount": 2})
        }
        (
            "POST",
            "/contacts/{contact_id}/email"
            | "/contacts/{contact_id}/statements/email"
            | "/creditnotes/{creditnote_id}/email",
        ) => email(),
        ("POST", "/contacts/{contact_id}/portal/enable") => {
            json!({"contact_persons": [{"contact_person_id": w["contact_person_id"]}]})
        }
        ("PUT", "/creditnotes/{creditnote_id}/refunds/{creditnote_refund_id}") => {
            json!({"amount": 3})
        }
        ("POST", "/creditnotes/{creditnote_id}/invoices") => {
            json!({"invoices": [{"invoice_id": w["invoice_id"], "amount_applied": 5}]})
        }
        ("POST", "/invoices/{invoice_id}/credits") => {
            json!({"apply_creditnotes": [{"creditnote_id": w["creditnote_id"], "amount_applied": 5}]})
        }
        ("POST", "/clientreviews/{comment_id}/comment") => json!({"description": "Thanks!"}),
        (_, t) if t.ends_with("/comments") || t.ends_with("/comments/{comment_id}") => {
            json!({"description": "Another comment"})
        }
        ("PUT", t) if t.contains("/address/") => {
            json!({"address": "4900 Hopyard Rd", "city": "Pleasanton"})
        }
        ("POST", "/expenses") => {
            json!({"amount": 20, "account_id": "982000000561057", "date": "2024-01-02"})
        }
        (
            "PUT",
            "/invoice/{invoice_id}/customfields"
            | "/estimate/{estimate_id}/customfields"
            | "/item/{item_id}/customfields"
            | "/customerpayment/{customer_payment_id}/customfields",
        ) => json!([{"customfield_id": "982000000656001", "value": "Shaped"}]),
        ("POST", "/recurringexpenses") => {
            json!({"recurrence_name": "Rent 2", "amount": 50, "account_id": "982000000561057", "start_date": "2024-01-01", "recurrence_frequency": "months", "repeat_every": 1})
        }
        ("PUT", "/recurringexpenses/{recurring_expense_id}") => json!({"amount": 60}),
        ("POST", "/projects") => {
            json!({"project_name": "Another", "customer_id": cid, "billing_type": "based_on_task_hours", "user_id": USER})
        }
        ("PUT", "/projects/{project_id}") => json!({"project_name": "Renamed"}),
        ("POST", "/projects/{project_id}/clone") => json!({"project_name": "Copy"}),
        ("POST", "/projects/{project_id}/users") => {
            json!({"users": [{"user_id": w["bob_user_id"], "email": "bob.user@zylker.org"}]})
        }
        ("POST", "/projects/{project_id}/users/invite") => {
            json!({"user_name": "Cat", "email": "cat@zylker.org"})
        }
        ("PUT", "/projects/{project_id}/users/{user_id}") => json!({"user_role": "admin"}),
        ("POST", "/projects/{project_id}/tasks") => json!({"task_name": "Painting"}),
        ("PUT", "/projects/{project_id}/tasks/{task_id}") => json!({"task_name": "Paint"}),
        ("POST", "/projects/timeentries") => json!({
            "project_id": w["project_id"], "task_id": w["task_id"], "user_id": USER, "log_date": "2024-01-11", "log_time": "00:30"
        }),
        ("PUT", "/projects/timeentries/{time_entry_id}") => json!({"log_time": "02:00"}),
        ("POST", "/users") => json!({"name": "Bo", "email": "bo@zylker.org"}),
        ("PUT", "/users/{user_id}") => json!({"name": "Bo", "email": "bo@zylker.org"}),
        ("POST", "/organizations") => json!({
            "name": "Second", "currency_code": "EUR", "time_zone": "Europe/Paris", "portal_name": "second"
        }),
        ("PUT", "/organizations/{organization_id}") => json!({"name": "Renamed"}),
        ("POST", "/settings/currencies") => {
            json!({"currency_code": "GBP", "currency_format": "1,234,567.89"})
        }
        ("PUT", "/settings/currencies/{currency_id}") => json!({"currency_symbol": "€"}),
        (
            "POST" | "PUT",
            "/settings/currencies/{currency_id}/exchangerates"
            | "/settings/currencies/{currency_id}/exchangerates/{exchange_rate_id}",
        ) => json!({"effective_date": "2024-02-01", "rate": 1.1}),
        ("POST" | "PUT", "/settings/taxes" | "/settings/taxes/{tax_id}") => {
            json!({"tax_name": "GST", "tax_percentage": 5})
        }
        ("POST" | "PUT", "/settings/taxgroups" | "/settings/taxgroups/{tax_group_id}") => {
            json!({"tax_group_name": "All", "taxes": w["tax_id"]})
        }
        (
            "POST" | "PUT",
            "/settings/taxauthorities" | "/settings/taxauthorities/{tax_authority_id}",
        ) => json!({"tax_authority_name": "State"}),
        (
            "POST" | "PUT",
            "/settings/taxexemptions" | "/settings/taxexemptions/{tax_exemption_id}",
        ) => json!({"tax_exemption_code": "EXPORT", "type": "item"}),
        _ => return None,
    };
    Some(v)
}

/// A `PUT` of a whole collection: an update by a custom field's unique value that creates
/// the record (`X-Upsert`) since no record holds the value.
async fn upsert(api: &Api, path: &str, body: Option<Value>) -> Answer {
    let req = api
        .builder("PUT", path)
        .header("X-Unique-Identifier-Key", "cf_reference")
        .header("X-Unique-Identifier-Value", "UPSERT-1")
        .header("X-Upsert", "true")
        .header("Content-Type", "application/json")
        .body(Full::from(serde_json::to_vec(&body).unwrap()))
        .unwrap();
    api.send(req).await
}

/// Runs one row against a fresh world and answers its JSON.
pub async fn drive(row: &Row) -> Result<Value, String> {
    let (api, mut w) = world().await;
    let (method, template) = (row.method.as_str(), row.template.as_str());
    prepare(&api, &mut w, method, template).await;
    let path = concrete(&w, method, template);
    let answer = if method == "POST" && template.ends_with("/attachment") {
        upload(&api, &path, "attachment").await
    } else if method == "PUT" && !template.contains('{') {
        upsert(&api, &path, body(&w, "POST", template)).await
    } else {
        api.call(method, &path, body(&w, method, template)).await
    };
    let text = String::from_utf8_lossy(&answer.body).into_owned();
    let v: Value = serde_json::from_slice(&answer.body)
        .map_err(|e| format!("{method} {path}: not JSON ({e}): {text}"))?;
    if !(200..300).contains(&answer.status) || v["code"] != 0 {
        return Err(format!("{method} {path} failed: {} {text}", answer.status));
    }
    Ok(v)
}
