//! Seed data: a realistic organization built from the reference's examples
//! (`data/seed.json`), created through the same handlers the API uses, so balances,
//! numbers, statuses and history are as if a user had made them.

use serde_json::{Value, json};

use crate::body::ParsedBody;
use crate::clock::format_date;
use crate::ctx::{Ctx, Format};
use crate::reply::Reply;
use crate::router::{Found, find};
use crate::routes::ROUTES;
use crate::state::{CURRENT_USER_ID, IdGen, Org};

/// The seed document, named as the reference names things.
const SEED: &str = include_str!("../data/seed.json");

/// Runs operations on one organization through the API's own handlers, without HTTP.
pub(crate) struct Seeder<'a> {
    org: &'a mut Org,
    ids: &'a IdGen,
    now: i64,
}

impl<'a> Seeder<'a> {
    /// A seeder of `org` at server time `now` (seconds since 1970).
    pub(crate) fn new(org: &'a mut Org, ids: &'a IdGen, now: i64) -> Self {
        org.catch_up(now);
        Self { org, ids, now }
    }

    /// The organization, for storing records directly.
    pub(crate) fn org(&mut self) -> &mut Org {
        self.org
    }

    /// Runs one operation as if it had come over HTTP; answers its JSON (or null).
    pub(crate) fn call(&mut self, method: &str, path: &str, body: Value) -> Value {
        let Found::Matched(route, params) = find(ROUTES, method, path) else {
            return Value::Null;
        };
        let mut ctx = Ctx {
            org: &mut *self.org,
            ids: self.ids,
            params,
            query: Vec::new(),
            body: ParsedBody {
                json: Some(body),
                ..ParsedBody::default()
            },
            now: self.now,
            format: Format::Json,
            new_orgs: Vec::new(),
            headers: Vec::new(),
        };
        match (route.handler)(&mut ctx) {
            Ok(Reply::Json(_, v)) => v,
            Ok(Reply::Written(_, bytes)) => serde_json::from_slice(&bytes).unwrap_or(Value::Null),
            _ => Value::Null,
        }
    }

    fn day(&self, offset: i64) -> String {
        format_date(self.now + offset * 86_400)
    }
}

/// A JSON value as text (empty when absent).
pub(crate) fn text(v: &Value) -> String {
    crate::state::text(Some(v)).unwrap_or_default()
}

fn pick(ids: &[String], v: &Value) -> String {
    v.as_u64()
        .and_then(|i| usize::try_from(i).ok())
        .and_then(|i| ids.get(i))
        .cloned()
        .unwrap_or_default()
}

fn lines(items: &[String], spec: &Value) -> Value {
    let list: Vec<Value> = spec
        .as_array()
        .map(|a| {
            a.iter()
                .map(|pair| json!({"item_id": pick(items, &pair[0]), "quantity": pair[1].clone()}))
                .collect()
        })
        .unwrap_or_default();
    Value::Array(list)
}

/// Strips the seed file's own keys (indexes and offsets) from a document.
fn body_of(v: &Value, own: &[&str]) -> serde_json::Map<String, Value> {
    let mut m = v.as_object().cloned().unwrap_or_default();
    for k in own {
        m.remove(*k);
    }
    m
}

/// Fills `org` with contacts, items, invoices in every status, payments, estimates, a credit
/// note, expenses, a project with tasks and time entries, and a client review.
pub(crate) fn seed(org: &mut Org, ids: &IdGen, now: i64) {
    let Ok(doc) = serde_json::from_str::<Value>(SEED) else {
        return;
    };
    let mut s = Seeder::new(org, ids, now);
    let list = |k: &str| doc[k].as_array().cloned().unwrap_or_default();

    let contacts: Vec<String> = list("contacts")
        .into_iter()
        .map(|c| text(&s.call("POST", "/contacts", c)["contact"]["contact_id"]))
        .collect();
    for p in list("contact_persons") {
        let mut body = body_of(&p, &["contact"]);
        body.insert("contact_id".into(), json!(pick(&contacts, &p["contact"])));
        s.call("POST", "/contacts/contactpersons", Value::Object(body));
    }
    let items: Vec<String> = list("items")
        .into_iter()
        .map(|i| text(&s.call("POST", "/items", i)["item"]["item_id"]))
        .collect();

    for inv in list("invoices") {
        let mut body = body_of(&inv, &["contact", "items", "status", "due_in_days", "paid"]);
        let customer = pick(&contacts, &inv["contact"]);
        body.insert("customer_id".into(), json!(customer));
        body.insert("line_items".into(), lines(&items, &inv["items"]));
        if let Some(d) = inv["due_in_days"].as_i64() {
            body.insert("date".into(), json!(s.day(d - 15)));
            body.insert("due_date".into(), json!(s.day(d)));
        } else {
            body.insert("due_date".into(), json!(s.day(15)));
        }
        let created = s.call("POST", "/invoices", Value::Object(body))["invoice"].clone();
        let id = text(&created["invoice_id"]);
        let status = inv["status"].as_str().unwrap_or("draft");
        if status != "draft" {
            s.call("POST", &format!("/invoices/{id}/status/sent"), json!({}));
        }
        let amount = match status {
            "paid" => Some(created["total"].clone()),
            "partially_paid" => Some(inv["paid"].clone()),
            _ => None,
        };
        if let Some(amount) = amount {
            s.call(
                "POST",
                "/customerpayments",
                json!({"customer_id": customer, "payment_mode": "cash", "amount": amount, "date": s.day(0),
                       "reference_number": created["invoice_number"], "description": format!("Payment for {}", text(&created["invoice_number"])),
                       "invoices": [{"invoice_id": id, "amount_applied": amount}]}),
            );
        }
        if status == "void" {
            s.call("POST", &format!("/invoices/{id}/status/void"), json!({}));
        }
    }

    for est in list("estimates") {
        let mut body = body_of(&est, &["contact", "items", "status"]);
        body.insert(
            "customer_id".into(),
            json!(pick(&contacts, &est["contact"])),
        );
        body.insert("line_items".into(), lines(&items, &est["items"]));
        let id =
            text(&s.call("POST", "/estimates", Value::Object(body))["estimate"]["estimate_id"]);
        match est["status"].as_str() {
            Some("sent") => {
                s.call("POST", &format!("/estimates/{id}/status/sent"), json!({}));
            }
            Some("accepted") => {
                s.call("POST", &format!("/estimates/{id}/status/sent"), json!({}));
                s.call(
                    "POST",
                    &format!("/estimates/{id}/status/accepted"),
                    json!({}),
                );
            }
            _ => {}
        }
    }

    for cn in list("credit_notes") {
        let mut body = body_of(&cn, &["contact", "items"]);
        body.insert("customer_id".into(), json!(pick(&contacts, &cn["contact"])));
        body.insert("line_items".into(), lines(&items, &cn["items"]));
        body.insert("date".into(), json!(s.day(0)));
        s.call("POST", "/creditnotes", Value::Object(body));
    }

    // An expense's account is the first expense category's.
    let mut account = Value::Null;
    for c in list("expense_categories") {
        let made = s.call("POST", "/expensecategories", c);
        if account.is_null() {
            account = made["expense_category"]["category_id"].clone();
        }
    }
    for e in list("expenses") {
        let mut body = body_of(&e, &["contact", "date_in_days"]);
        body.insert("customer_id".into(), json!(pick(&contacts, &e["contact"])));
        body.insert("account_id".into(), account.clone());
        body.insert(
            "date".into(),
            json!(s.day(e["date_in_days"].as_i64().unwrap_or(0))),
        );
        s.call("POST", "/expenses", Value::Object(body));
    }

    for p in list("projects") {
        let mut body = body_of(&p, &["contact", "time_entries"]);
        body.insert("customer_id".into(), json!(pick(&contacts, &p["contact"])));
        body.insert("user_id".into(), json!(CURRENT_USER_ID));
        let pid = text(&s.call("POST", "/projects", Value::Object(body))["project"]["project_id"]);
        let tasks: Vec<String> =
            s.call("GET", &format!("/projects/{pid}/tasks"), json!({}))["tasks"]
                .as_array()
                .map(|a| a.iter().map(|t| text(&t["task_id"])).collect())
                .unwrap_or_default();
        for t in p["time_entries"].as_array().cloned().unwrap_or_default() {
            let mut body = body_of(&t, &["task", "log_date_in_days"]);
            body.insert("project_id".into(), json!(pid));
            body.insert("user_id".into(), json!(CURRENT_USER_ID));
            body.insert("task_id".into(), json!(pick(&tasks, &t["task"])));
            body.insert(
                "log_date".into(),
                json!(s.day(t["log_date_in_days"].as_i64().unwrap_or(0))),
            );
            s.call("POST", "/projects/timeentries", Value::Object(body));
        }
    }

    for r in list("client_reviews") {
        let mut body = body_of(&r, &["contact"]);
        let id = s.ids.next();
        body.insert("comment_id".into(), json!(id));
        body.insert("contact_id".into(), json!(pick(&contacts, &r["contact"])));
        body.insert("date".into(), json!(s.day(-1)));
        body.insert(
            "created_time".into(),
            json!(crate::clock::format_timestamp(s.now)),
        );
        body.insert(
            "last_modified_time".into(),
            json!(crate::clock::format_timestamp(s.now)),
        );
        s.org.table("client_reviews").insert(id, body);
    }
}
