//! Validation like Zoho's, over raw HTTP: each rule's refused request (status, code and
//! message) changes nothing, and each operation accepts a body whose references all exist.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Api, Refused, id, refused};
use serde_json::{Value, json};

/// The user the server's tokens belong to (`GET /users/me`).
const USER: &str = "982000000554041";
/// The seeded VAT tax.
const VAT: &str = "982000000557028";
/// A seeded PDF template (`GET /invoices/templates`).
const TEMPLATE: &str = "982000000000143";
/// The seeded euro.
const EURO: &str = "982000000000191";
/// An id no record has.
const NOBODY: &str = "982000000999999";

/// The records the bodies name.
struct World {
    customer: String,
    other_customer: String,
    person: String,
    other_person: String,
    item: String,
    invoice: String,
    estimate: String,
    project: String,
    task: String,
    /// An expense category made with `POST /expensecategories`.
    category: String,
    exemption: String,
    authority: String,
}

async fn world(api: &Api) -> World {
    let customer = api.contact("Bowman and Co").await;
    let other_customer = api.contact("SAF Instruments Inc").await;
    let person_of = |contact: String, name: &'static str| async move {
        let a = api
            .call(
                "POST",
                "/contacts/contactpersons",
                Some(json!({"contact_id": contact, "first_name": name})),
            )
            .await;
        assert_eq!(a.status, 201, "{}", String::from_utf8_lossy(&a.body));
        id(&a.json()["contact_person"][0], "contact_person_id")
    };
    let person = person_of(customer.clone(), "Will").await;
    let other_person = person_of(other_customer.clone(), "Ann").await;
    let item = api
        .create("/items", "item", json!({"name": "Hard Drive", "rate": 120}))
        .await;
    let invoice = api.invoice(&customer, 100.0, 1.0).await;
    let invoice = id(&invoice, "invoice_id");
    api.post_ok(&format!("/invoices/{invoice}/status/sent"), None)
        .await;
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
            json!({"project_name": "Traffic Flux", "customer_id": customer,
                "billing_type": "based_on_task_hours", "user_id": USER}),
        )
        .await;
    let project = id(&project, "project_id");
    let task = api
        .create(
            &format!("/projects/{project}/tasks"),
            "task",
            json!({"task_name": "Analysis"}),
        )
        .await;
    let category = api
        .create(
            "/expensecategories",
            "expense_category",
            json!({"category_name": "Software"}),
        )
        .await;
    let exemption = api
        .create(
            "/settings/taxexemptions",
            "tax_exemption",
            json!({"tax_exemption_code": "RESELLER", "type": "item"}),
        )
        .await;
    let authority = api
        .create(
            "/settings/taxauthorities",
            "tax_authority",
            json!({"tax_authority_name": "State"}),
        )
        .await;
    World {
        category: id(&category, "category_id"),
        exemption: id(&exemption, "tax_exemption_id"),
        authority: id(&authority, "tax_authority_id"),
        customer,
        other_customer,
        person,
        other_person,
        item: id(&item, "item_id"),
        invoice,
        estimate: id(&estimate, "estimate_id"),
        project,
        task: id(&task, "task_id"),
    }
}

/// Everything a refused request could have changed, as the lists show it.
async fn snapshot(api: &Api, w: &World) -> Vec<Value> {
    let mut all = Vec::new();
    for path in [
        "/contacts".to_owned(),
        format!("/contacts/{}/contactpersons", w.customer),
        "/items".to_owned(),
        "/invoices".to_owned(),
        "/estimates".to_owned(),
        "/recurringinvoices".to_owned(),
        "/retainerinvoices".to_owned(),
        "/creditnotes".to_owned(),
        "/customerpayments".to_owned(),
        "/expenses".to_owned(),
        "/recurringexpenses".to_owned(),
        "/projects".to_owned(),
        "/projects/timeentries".to_owned(),
        format!("/invoices/{}", w.invoice),
        format!("/projects/{}", w.project),
    ] {
        all.push(api.get(&path).await);
    }
    all
}

/// An invoice body naming `field: value` besides a valid customer and line.
fn invoice_with(w: &World, field: &str, value: Value) -> Value {
    let mut body = json!({"customer_id": w.customer, "line_items": [{"name": "x", "rate": 1}]});
    body[field] = value;
    body
}

/// A document body of the customer with these lines.
fn lines(w: &World, lines: Value) -> Value {
    json!({"customer_id": w.customer, "line_items": lines})
}

/// An invoice body whose one line names `field: value`.
fn line_with(w: &World, field: &str, value: &str) -> Value {
    json!({"customer_id": w.customer, "line_items": [{"name": "x", "rate": 1, field: value}]})
}

fn payment(w: &World) -> Value {
    json!({"customer_id": w.customer, "payment_mode": "cash", "amount": 10,
        "date": "2024-01-02", "invoices": [{"invoice_id": w.invoice, "amount_applied": 10}]})
}

fn project(w: &World) -> Value {
    json!({"project_name": "P", "customer_id": w.customer,
        "billing_type": "based_on_task_hours", "user_id": USER})
}

fn time_entry(w: &World) -> Value {
    json!({"project_id": w.project, "task_id": w.task, "user_id": USER,
        "log_date": "2024-01-02", "log_time": "01:00"})
}

fn expense() -> Value {
    json!({"account_id": "982000000561057", "date": "2024-01-02", "amount": 10})
}

/// `body` without `field`.
fn without(mut body: Value, field: &str) -> Value {
    if let Some(map) = body.as_object_mut() {
        map.remove(field);
    }
    body
}

/// `body` with `field` set to `value`.
fn with(mut body: Value, field: &str, value: Value) -> Value {
    body[field] = value;
    body
}

fn refused_cases(w: &World) -> Vec<Refused> {
    vec![
        // Required fields.
        refused(
            "POST",
            "/customerpayments",
            without(payment(w), "payment_mode"),
            11,
            "Required field payment_mode is missing.",
        ),
        refused(
            "POST",
            "/customerpayments",
            without(payment(w), "date"),
            11,
            "Required field date is missing.",
        ),
        refused(
            "POST",
            "/customerpayments",
            without(payment(w), "customer_id"),
            3004,
            "The Customer field can neither be blank nor incorrect. Please enter a correct Customer",
        ),
        refused(
            "POST",
            "/creditnotes?ignore_auto_number_generation=true",
            json!({"customer_id": w.customer, "date": "2024-01-02",
                "line_items": [{"name": "x", "rate": 1}]}),
            11,
            "Required field creditnote_number is missing.",
        ),
        refused(
            "POST",
            "/creditnotes",
            json!({"customer_id": w.customer, "line_items": [{"name": "x", "rate": 1}]}),
            11,
            "Required field date is missing.",
        ),
        refused(
            "POST",
            "/projects",
            without(project(w), "user_id"),
            11,
            "Required field user_id is missing.",
        ),
        refused(
            "POST",
            "/projects",
            without(project(w), "billing_type"),
            11,
            "Required field billing_type is missing.",
        ),
        refused(
            "POST",
            "/projects/timeentries",
            without(time_entry(w), "user_id"),
            11,
            "Required field user_id is missing.",
        ),
        refused(
            "POST",
            "/expenses",
            without(expense(), "account_id"),
            11,
            "Required field account_id is missing.",
        ),
        refused(
            "POST",
            "/expenses",
            without(expense(), "amount"),
            5015,
            "Enter a valid expense amount",
        ),
        refused(
            "POST",
            "/contacts",
            json!({"company_name": "No name"}),
            3013,
            "Enter a valid Contact Name",
        ),
        refused(
            "POST",
            "/recurringinvoices",
            json!({"customer_id": w.customer, "recurrence_frequency": "months",
                "line_items": [{"name": "x", "rate": 1}]}),
            4031,
            "Please enter a name for this Recurring Invoice",
        ),
        refused(
            "POST",
            "/recurringexpenses",
            json!({"recurrence_name": "Rent", "amount": 10}),
            11,
            "Required field account_id is missing.",
        ),
        // Line items: an item, or a name or description with a rate; a quantity that is a
        // number.
        refused(
            "POST",
            "/invoices",
            lines(w, json!([{"rate": 1, "quantity": 2}])),
            11,
            "Required field item_id is missing.",
        ),
        refused(
            "POST",
            "/estimates",
            lines(
                w,
                json!([{"name": "x", "rate": 1}, {"name": "Hours", "quantity": 2}]),
            ),
            11,
            "Required field rate is missing.",
        ),
        refused(
            "POST",
            "/creditnotes",
            with(
                lines(w, json!([{"description": "Returned", "quantity": 1}])),
                "date",
                json!("2024-01-02"),
            ),
            11,
            "Required field rate is missing.",
        ),
        refused(
            "POST",
            "/recurringinvoices",
            with(
                with(
                    lines(w, json!([{"description": "", "rate": 5}])),
                    "recurrence_name",
                    json!("Monthly"),
                ),
                "recurrence_frequency",
                json!("months"),
            ),
            11,
            "Required field item_id is missing.",
        ),
        refused(
            "POST",
            "/invoices",
            lines(w, json!([{"name": "x", "rate": 1, "quantity": "two"}])),
            4,
            "Invalid value passed for quantity: a number from -1000000000 to 1000000000 is expected.",
        ),
        refused(
            "PUT",
            format!("/invoices/{}", w.invoice),
            json!({"line_items": [{"rate": 5}]}),
            11,
            "Required field item_id is missing.",
        ),
        // Ids naming no record.
        refused(
            "POST",
            "/customerpayments",
            with(payment(w), "customer_id", json!(NOBODY)),
            3004,
            "The Customer field can neither be blank nor incorrect. Please enter a correct Customer",
        ),
        refused(
            "POST",
            "/customerpayments",
            with(
                payment(w),
                "invoices",
                json!([{"invoice_id": NOBODY, "amount_applied": 10}]),
            ),
            1002,
            "Invoice does not exist.",
        ),
        refused(
            "POST",
            "/customerpayments",
            with(payment(w), "invoices", json!([{"invoice_id": w.invoice}])),
            11,
            "Required field amount_applied is missing.",
        ),
        refused(
            "POST",
            "/invoices",
            invoice_with(w, "customer_id", json!(NOBODY)),
            1002,
            "Contact does not exist.",
        ),
        refused(
            "POST",
            "/invoices",
            invoice_with(w, "currency_id", json!(NOBODY)),
            9004,
            "This currency does not exist. Please choose a valid currency",
        ),
        refused(
            "POST",
            "/invoices",
            invoice_with(w, "template_id", json!(NOBODY)),
            1002,
            "Template does not exist.",
        ),
        refused(
            "POST",
            "/invoices",
            invoice_with(w, "project_id", json!(NOBODY)),
            1002,
            "Project does not exist.",
        ),
        refused(
            "POST",
            "/invoices",
            invoice_with(w, "contact_persons", json!([NOBODY])),
            1002,
            "Contact Person does not exist",
        ),
        refused(
            "POST",
            "/estimates",
            invoice_with(w, "contact_persons", json!([w.other_person])),
            1002,
            "Contact Person does not exist",
        ),
        refused(
            "POST",
            "/invoices",
            invoice_with(w, "invoiced_estimate_id", json!(NOBODY)),
            1002,
            "Estimate does not exist",
        ),
        refused(
            "POST",
            "/invoices",
            line_with(w, "item_id", NOBODY),
            2006,
            "Item does not exist",
        ),
        refused(
            "POST",
            "/retainerinvoices",
            line_with(w, "tax_id", NOBODY),
            1002,
            "Tax does not exist.",
        ),
        refused(
            "POST",
            "/items",
            json!({"name": "Disk", "rate": 1, "tax_id": NOBODY}),
            1002,
            "Tax does not exist.",
        ),
        refused(
            "POST",
            "/projects",
            with(project(w), "user_id", json!(NOBODY)),
            1002,
            "User does not exist.",
        ),
        refused(
            "POST",
            "/projects/timeentries",
            with(time_entry(w), "user_id", json!(NOBODY)),
            1002,
            "User does not exist.",
        ),
        refused(
            "POST",
            "/expenses",
            with(expense(), "project_id", json!(NOBODY)),
            1002,
            "Project does not exist.",
        ),
        refused(
            "POST",
            "/expenses",
            with(expense(), "account_id", json!(NOBODY)),
            1002,
            "Account does not exist.",
        ),
        refused(
            "POST",
            "/expenses",
            with(
                expense(),
                "line_items",
                json!([{"account_id": NOBODY, "amount": 10}]),
            ),
            1002,
            "Account does not exist.",
        ),
        refused(
            "POST",
            "/recurringexpenses",
            json!({"account_id": NOBODY, "recurrence_name": "Rent", "start_date": "2024-01-02",
                "recurrence_frequency": "months", "repeat_every": 1, "amount": 10}),
            1002,
            "Account does not exist.",
        ),
        refused(
            "POST",
            "/invoices",
            invoice_with(w, "tax_id", json!(NOBODY)),
            1002,
            "Tax does not exist.",
        ),
        refused(
            "POST",
            "/estimates",
            invoice_with(w, "shipping_charge_tax_id", json!(NOBODY)),
            1002,
            "Tax does not exist.",
        ),
        refused(
            "POST",
            "/creditnotes",
            with(
                invoice_with(w, "tax_exemption_id", json!(NOBODY)),
                "date",
                json!("2024-01-02"),
            ),
            1002,
            "Tax exemption does not exist.",
        ),
        refused(
            "POST",
            "/invoices",
            line_with(w, "tax_exemption_id", NOBODY),
            1002,
            "Tax exemption does not exist.",
        ),
        refused(
            "POST",
            "/contacts",
            json!({"contact_name": "Zylker", "tax_authority_id": NOBODY}),
            1002,
            "Tax authority does not exist.",
        ),
        // Updates.
        refused(
            "PUT",
            format!("/invoices/{}", w.invoice),
            json!({"customer_id": NOBODY}),
            1002,
            "Contact does not exist.",
        ),
        refused(
            "PUT",
            format!("/invoices/{}", w.invoice),
            json!({"line_items": [{"name": "x", "rate": 1, "tax_id": NOBODY}]}),
            1002,
            "Tax does not exist.",
        ),
        refused(
            "PUT",
            format!("/projects/{}", w.project),
            json!({"user_id": ""}),
            11,
            "Required field user_id is missing.",
        ),
    ]
}

#[tokio::test]
async fn each_rule_refuses_its_request_and_nothing_changes() {
    let api = Api::start().await;
    let w = world(&api).await;
    for case in refused_cases(&w) {
        let before = snapshot(&api, &w).await;
        let what = case.assert_refused_by(&api).await;
        assert_eq!(snapshot(&api, &w).await, before, "{what} changed something");
    }
    // No number was taken from a series by the refused creates.
    let next = api.invoice(&w.customer, 1.0, 1.0).await;
    assert_eq!(next["invoice_number"], "INV-000002");
}

#[tokio::test]
async fn each_operation_accepts_a_body_whose_references_exist() {
    let api = Api::start().await;
    let w = world(&api).await;
    let document = |extra: Value| {
        let mut body = json!({
            "customer_id": w.customer, "currency_id": EURO, "template_id": TEMPLATE,
            "contact_persons": [w.person], "project_id": w.project,
            "line_items": [{"item_id": w.item, "tax_id": VAT, "project_id": w.project}],
        });
        if let (Some(b), Value::Object(e)) = (body.as_object_mut(), extra) {
            b.extend(e);
        }
        body
    };
    let cases: Vec<(&str, String, Value)> = vec![
        (
            "POST",
            "/invoices".into(),
            document(json!({"invoiced_estimate_id": w.estimate})),
        ),
        ("POST", "/estimates".into(), document(json!({}))),
        (
            "POST",
            "/invoices".into(),
            lines(
                &w,
                json!([{"item_id": w.item}, {"name": "Hours", "rate": 80}]),
            ),
        ),
        (
            "POST",
            "/retainerinvoices".into(),
            lines(&w, json!([{"description": "Advance", "rate": 500}])),
        ),
        ("POST", "/retainerinvoices".into(), document(json!({}))),
        (
            "POST",
            "/recurringinvoices".into(),
            document(json!({"recurrence_name": "Monthly", "recurrence_frequency": "months"})),
        ),
        (
            "POST",
            "/creditnotes?ignore_auto_number_generation=true".into(),
            document(json!({"date": "2024-01-02", "creditnote_number": "CN-900"})),
        ),
        ("POST", "/customerpayments".into(), payment(&w)),
        (
            "POST",
            "/contacts".into(),
            json!({"contact_name": "Zylker", "currency_id": EURO, "tax_id": VAT}),
        ),
        (
            "POST",
            "/contacts/contactpersons".into(),
            json!({"contact_id": w.other_customer, "first_name": "Bo"}),
        ),
        (
            "POST",
            "/items".into(),
            json!({"name": "Disk", "rate": 1, "tax_id": VAT}),
        ),
        ("POST", "/projects".into(), project(&w)),
        ("POST", "/projects/timeentries".into(), time_entry(&w)),
        (
            "POST",
            "/expenses".into(),
            with(
                with(expense(), "project_id", json!(w.project)),
                "tax_id",
                json!(VAT),
            ),
        ),
        (
            "POST",
            "/expenses".into(),
            with(
                with(expense(), "account_id", json!(w.category)),
                "line_items",
                json!([{"account_id": "982000000561061", "amount": 10}]),
            ),
        ),
        (
            "POST",
            "/invoices".into(),
            with(
                with(
                    line_with(&w, "tax_exemption_id", &w.exemption),
                    "tax_id",
                    json!(VAT),
                ),
                "tax_authority_id",
                json!(w.authority),
            ),
        ),
        (
            "POST",
            "/recurringexpenses".into(),
            json!({"account_id": "982000000561057", "recurrence_name": "Rent", "start_date": "2024-01-02", "recurrence_frequency": "months", "repeat_every": 1, "amount": 10}),
        ),
        (
            "PUT",
            format!("/invoices/{}", w.invoice),
            json!({"customer_id": w.customer, "template_id": TEMPLATE, "contact_persons": [w.person]}),
        ),
        (
            "PUT",
            format!("/projects/{}", w.project),
            json!({"user_id": USER}),
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
        assert_eq!(a.json()["code"], 0, "{method} {path}");
    }
}

#[tokio::test]
async fn an_expense_names_one_of_the_organizations_expense_accounts() {
    let api = Api::start().await;
    let categories = api.get("/expensecategories").await;
    let rent = categories["expense_categories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["category_id"] == "982000000561057")
        .cloned()
        .expect("the reference's expense account is seeded");
    assert_eq!(rent["category_name"], "Rent");
    assert_eq!(rent["account_id"], "982000000561057");
    let expense = api.create("/expenses", "expense", expense()).await;
    assert_eq!(expense["account_name"], "Rent");
}
