//! Expenses, expense categories, recurring expenses, projects (users, comments, invoices,
//! tasks) and time entries: every operation's request and the decoding of the reference's
//! example answer, then workflows against the fake server.

#![cfg(all(
    feature = "expenses",
    feature = "recurring-expenses",
    feature = "projects",
    feature = "time-entries"
))]

mod support;

use std::time::Duration;

use futures_util::TryStreamExt;
use http::Method;
use serde_json::{Value, json};
use support::{Recorder, Sent, mock};
use zoho_invoice::expenses::*;
use zoho_invoice::models::common::RecurrenceFrequency;
use zoho_invoice::models::expenses::{ExpenseCategoryInput, ExpenseInput, ExpenseStatus};
use zoho_invoice::models::ids::{
    AccountId, CommentId, ContactId, ExpenseId, ProjectId, RecurringExpenseId, TaskId, TimeEntryId,
    UserId,
};
use zoho_invoice::models::projects::{
    BillingType, ProjectCommentInput, ProjectInput, ProjectStatus,
};
use zoho_invoice::models::recurring_expenses::{RecurringExpenseInput, RecurringExpenseStatus};
use zoho_invoice::models::tasks::TaskInput;
use zoho_invoice::models::time_entries::{BilledStatus, TimeEntryInput};
use zoho_invoice::models::users::{
    AssignProjectUser, InviteProjectUser as Invitation, UpdateProjectUser as UserChange, UserRole,
};
use zoho_invoice::projects::*;
use zoho_invoice::query::{AmountFilter, BulkIds, DateFilter, Paging, SortOrder, TextFilter};
use zoho_invoice::recurring_expenses::*;
use zoho_invoice::time_entries::*;
use zoho_invoice::{Client, Endpoint, ErrorKind, PageOf};

// ---------------------------------------------------------------------------------------
// Helpers.

/// Sends `op` through a recorder answering `answer`; the output and the one request sent.
async fn call<E: Endpoint>(answer: impl Into<bytes::Bytes>, op: &E) -> (E::Output, Sent) {
    let r = Recorder::answering(answer);
    let out = r
        .client()
        .send(op)
        .await
        .unwrap_or_else(|e| panic!("{}: {e}", E::OPERATION.name));
    (out, r.only())
}

/// Like [`call`], answering the reference's example `dir/file.response.json`.
async fn call_fixture<E: Endpoint>(fixture: &str, op: &E) -> (E::Output, Sent) {
    call(support::fixture(fixture), op).await
}

fn assert_target(sent: &Sent, method: &str, path: &str) {
    assert_eq!(
        (sent.method.as_str(), sent.path.as_str()),
        (method, path),
        "method and path"
    );
}

/// A request without query or body.
fn assert_bare(sent: &Sent, method: &str, path: &str) {
    assert_target(sent, method, path);
    assert!(sent.query.is_empty(), "no query: {:?}", sent.query);
    assert!(sent.body.is_empty(), "no body");
    assert_eq!(sent.content_type, None);
}

/// A request with a JSON body and no query.
fn assert_json(sent: &Sent, method: &str, path: &str, body: Value) {
    assert_target(sent, method, path);
    assert!(sent.query.is_empty(), "no query: {:?}", sent.query);
    assert_eq!(sent.content_type.as_deref(), Some("application/json"));
    assert_eq!(sent.json(), body);
}

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn id<T: std::str::FromStr>(s: &str) -> T
where
    T::Err: std::fmt::Debug,
{
    s.parse().unwrap()
}

fn date(s: &str) -> zoho_invoice::models::NaiveDate {
    s.parse().unwrap()
}

// ---------------------------------------------------------------------------------------
// Expenses and expense categories.

/// An answer written from the models' field names: the reference has no example answer
/// for most expense operations.
fn expense_answer() -> String {
    json!({
        "code": 0,
        "message": "success",
        "expense": {
            "expense_id": "982000000030049",
            "account_id": "982000000561057",
            "account_name": "Rent",
            "date": "2013-11-18",
            "amount": 112.5,
            "total": 112.5,
            "is_billable": true,
            "customer_id": "982000000567001",
            "customer_name": "Bowman & Co",
            "status": "unbilled",
            "reference_number": "#562SD23R4",
            "last_modified_time": "2013-11-18T02:17:40-0800"
        }
    })
    .to_string()
}

fn expense_input() -> ExpenseInput {
    ExpenseInput::new(
        id::<AccountId>("982000000561057"),
        date("2013-11-18"),
        "112.5".parse::<zoho_invoice::models::Decimal>().unwrap(),
    )
    .is_billable(true)
}

const EXPENSE_BODY: &str =
    r#"{"account_id":"982000000561057","date":"2013-11-18","amount":112.5,"is_billable":true}"#;

#[tokio::test]
async fn create_an_expense() {
    let (out, sent) = call(
        expense_answer(),
        &CreateExpense {
            expense: expense_input(),
        },
    )
    .await;
    assert_target(&sent, "POST", "/expenses");
    assert_eq!(sent.content_type.as_deref(), Some("application/json"));
    assert_eq!(sent.body, EXPENSE_BODY);
    assert_eq!(out.record.expense_id, id("982000000030049"));
    assert_eq!(out.record.status, Some(ExpenseStatus::Unbilled));
}

#[test]
fn the_references_expense_request_is_an_expense_input() {
    // The reference's own request example decodes into the input type and encodes again.
    let input: ExpenseInput = serde_json::from_value(support::fixture_json(
        "expenses/create_an_expense.request.json",
    ))
    .unwrap();
    let request = CreateExpense { expense: input }.request().unwrap();
    let sent: Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(sent["reference_number"], "#562SD23R4");
    assert_eq!(sent["line_items"][0]["description"], "Marketing");
}

#[tokio::test]
async fn list_expenses_with_every_filter_kind() {
    let answer = json!({
        "code": 0, "message": "success",
        "expenses": [{"expense_id": "982000000030049", "account_name": "Rent", "total": 112.5,
                      "status": "invoiced"}],
        "page_context": {"page": 2, "per_page": 50, "has_more_page": false}
    });
    let filter = ExpenseFilter {
        description: Some(TextFilter::Contains("lunch".into())),
        reference_number: Some(TextFilter::StartsWith("#56".into())),
        date: Some(DateFilter::Between(date("2024-01-01"), date("2024-01-31"))),
        status: Some(ExpenseStatus::NonBillable),
        amount: Some(AmountFilter::LessThan(100.into())),
        account_name: Some(TextFilter::Is("Rent".into())),
        customer_name: Some(TextFilter::StartsWith("Bow".into())),
        customer_id: Some(id("982000000567001")),
        filter_by: Some("Status.Unbilled".into()),
        search_text: Some("rent & co".into()),
        sort_column: Some("total".into()),
        sort_order: Some(SortOrder::Descending),
        paging: Paging {
            page: Some(2),
            per_page: Some(50),
        },
        ..Default::default()
    };
    let (page, sent) = call(answer.to_string(), &ListExpenses { filter }).await;
    assert_target(&sent, "GET", "/expenses");
    assert_eq!(
        sent.query,
        pairs(&[
            ("description_contains", "lunch"),
            ("reference_number_startswith", "#56"),
            ("date_start", "2024-01-01"),
            ("date_end", "2024-01-31"),
            ("status", "non-billable"),
            ("amount_less_than", "100"),
            ("account_name", "Rent"),
            ("customer_name_startswith", "Bow"),
            ("customer_id", "982000000567001"),
            ("filter_by", "Status.Unbilled"),
            ("search_text", "rent & co"),
            ("sort_column", "total"),
            ("sort_order", "D"),
            ("page", "2"),
            ("per_page", "50"),
        ])
    );
    assert!(sent.body.is_empty());
    assert_eq!(page.records[0].status, Some(ExpenseStatus::Invoiced));
}

#[tokio::test]
async fn get_update_and_delete_an_expense() {
    let expense_id: ExpenseId = id("982000000030049");

    let (out, sent) = call(
        expense_answer(),
        &GetExpense {
            expense_id: expense_id.clone(),
        },
    )
    .await;
    assert_bare(&sent, "GET", "/expenses/982000000030049");
    assert_eq!(out.record.customer_name.as_deref(), Some("Bowman & Co"));

    let (out, sent) = call(
        expense_answer(),
        &UpdateExpense {
            expense_id: expense_id.clone(),
            expense: expense_input(),
        },
    )
    .await;
    assert_target(&sent, "PUT", "/expenses/982000000030049");
    assert_eq!(sent.body, EXPENSE_BODY);
    assert_eq!(out.record.account_name.as_deref(), Some("Rent"));

    let (reply, sent) = call(
        r#"{"code": 0, "message": "The expense has been deleted."}"#,
        &DeleteExpense { expense_id },
    )
    .await;
    assert_bare(&sent, "DELETE", "/expenses/982000000030049");
    assert!(reply.is_success());
}

#[tokio::test]
async fn an_expense_receipt_is_uploaded_and_downloaded() {
    let (reply, sent) = call(
        r#"{"code": 0, "message": "The expense receipt has been attached."}"#,
        &AddExpenseReceipt {
            expense_id: id("982000000030049"),
            receipt: AddExpenseReceipt::receipt("lunch.png", "image/png", &b"\x89PNG"[..]),
        },
    )
    .await;
    assert_target(&sent, "POST", "/expenses/982000000030049/receipt");
    assert!(sent.query.is_empty());
    assert!(
        sent.content_type
            .as_deref()
            .is_some_and(|t| t.starts_with("multipart/form-data; boundary=")),
        "{:?}",
        sent.content_type
    );
    let body = String::from_utf8_lossy(&sent.body);
    assert!(
        body.contains(r#"Content-Disposition: form-data; name="receipt"; filename="lunch.png""#),
        "{body}"
    );
    assert!(body.contains("Content-Type: image/png"), "{body}");
    assert!(reply.is_success());

    let r = Recorder::answering_file(
        &[
            ("content-type", "image/png"),
            ("content-disposition", r#"attachment; filename="lunch.png""#),
        ],
        &b"\x89PNG"[..],
    );
    let file = r
        .client()
        .send(&GetExpenseReceipt {
            expense_id: id("982000000030049"),
        })
        .await
        .unwrap();
    assert_bare(&r.only(), "GET", "/expenses/982000000030049/receipt");
    assert_eq!(&file.bytes[..], b"\x89PNG");
    assert_eq!(file.file_name.as_deref(), Some("lunch.png"));
    assert_eq!(file.content_type.as_deref(), Some("image/png"));
}

#[test]
fn receipts_are_operations_of_the_crate_beyond_the_table() {
    let ops = zoho_invoice::operations();
    for op in [
        <AddExpenseReceipt as Endpoint>::OPERATION,
        <GetExpenseReceipt as Endpoint>::OPERATION,
        <CreateExpense as Endpoint>::OPERATION,
    ] {
        assert!(ops.contains(&op), "{op:?}");
    }
}

#[tokio::test]
async fn expense_categories() {
    let answer = json!({
        "code": 0, "message": "success",
        "expense_categories": [{"category_id": "982000000561057", "category_name": "Rent",
                                "status": "active"}],
        "page_context": {"page": 1, "per_page": 200, "has_more_page": false}
    });
    let filter = ExpenseCategoryFilter {
        filter_by: Some("Status.Active".into()),
        ..Default::default()
    };
    let (page, sent) = call(answer.to_string(), &ListExpenseCategories { filter }).await;
    assert_target(&sent, "GET", "/expensecategories");
    assert_eq!(sent.query, pairs(&[("filter_by", "Status.Active")]));
    assert!(sent.body.is_empty());
    assert_eq!(page.records[0].category_name.as_deref(), Some("Rent"));
    assert_eq!(page.records[0].status.as_deref(), Some("active"));

    let answer = json!({
        "code": 0, "message": "The expense category has been created.",
        "expense_category": {"category_id": "982000000561099", "category_name": "Travel",
                             "description": "Trips"}
    });
    let category = ExpenseCategoryInput {
        category_name: Some("Travel".into()),
        description: Some("Trips".into()),
        ..Default::default()
    };
    let (out, sent) = call(answer.to_string(), &CreateExpenseCategory { category }).await;
    assert_json(
        &sent,
        "POST",
        "/expensecategories",
        json!({"category_name": "Travel", "description": "Trips"}),
    );
    assert_eq!(out.record.category_id, Some(id("982000000561099")));
}

// ---------------------------------------------------------------------------------------
// Recurring expenses.

fn rent() -> RecurringExpenseInput {
    RecurringExpenseInput::new(
        id::<AccountId>("982000000561057"),
        "Monthly Rental",
        date("2016-11-19"),
        RecurrenceFrequency::Months,
        1_u32,
        "112.5".parse::<zoho_invoice::models::Decimal>().unwrap(),
    )
}

fn rent_json() -> Value {
    json!({
        "account_id": "982000000561057",
        "recurrence_name": "Monthly Rental",
        "start_date": "2016-11-19",
        "recurrence_frequency": "months",
        "repeat_every": 1,
        "amount": 112.5
    })
}

#[tokio::test]
async fn create_list_get_and_update_recurring_expenses() {
    // The reference's example answer to a create leaves out `recurring_expense_id`. A record
    // comes with its id; an answer without it is refused, naming the field and the operation.
    let r = Recorder::answering(support::fixture(
        "recurring_expenses/create_a_recurring_expense.response.json",
    ));
    let error = r
        .client()
        .send(&CreateRecurringExpense {
            recurring_expense: rent(),
        })
        .await
        .unwrap_err();
    assert!(error.is_decode(), "{error}");
    assert!(
        error
            .to_string()
            .contains("missing field `recurring_expense_id`"),
        "{error}"
    );
    assert!(
        error.to_string().contains("Create a recurring expense"),
        "{error}"
    );
    assert_json(&r.only(), "POST", "/recurringexpenses", rent_json());

    let filter = RecurringExpenseFilter {
        recurrence_name: Some(TextFilter::StartsWith("Month".into())),
        last_created_date: Some(DateFilter::After(date("2013-11-01"))),
        next_expense_date: Some(DateFilter::Before(date("2014-01-01"))),
        status: Some(RecurringExpenseStatus::Active),
        account_id: Some(id("982000000561057")),
        account_name: Some(TextFilter::Contains("Ren".into())),
        amount: Some(AmountFilter::GreaterEquals(100.into())),
        customer_name: Some(TextFilter::Is("Bowman & Co".into())),
        customer_id: Some(id("982000000567001")),
        paid_through_account_id: Some(id("982000000567250")),
        filter_by: Some("Status.Active".into()),
        search_text: Some("Rent".into()),
        sort_column: Some("next_expense_date".into()),
        ..Default::default()
    };
    let (page, sent) = call_fixture(
        "recurring_expenses/list_recurring_expenses.response.json",
        &ListRecurringExpenses { filter },
    )
    .await;
    assert_target(&sent, "GET", "/recurringexpenses");
    assert_eq!(
        sent.query,
        pairs(&[
            ("recurrence_name_startswith", "Month"),
            ("last_created_date_after", "2013-11-01"),
            ("next_expense_date_before", "2014-01-01"),
            ("status", "active"),
            ("account_id", "982000000561057"),
            ("account_name_contains", "Ren"),
            ("amount_greater_equals", "100"),
            ("customer_name", "Bowman & Co"),
            ("customer_id", "982000000567001"),
            ("paid_through_account_id", "982000000567250"),
            ("filter_by", "Status.Active"),
            ("search_text", "Rent"),
            ("sort_column", "next_expense_date"),
        ])
    );
    // The reference's page context is a list of filters: no further page is announced.
    assert!(!page.has_more());
    assert_eq!(page.page_number(), None);
    assert_eq!(PageOf::len(&page), 1);
    let first = page.into_items().remove(0);
    assert_eq!(
        first.recurrence_frequency,
        Some(RecurrenceFrequency::Months)
    );
    assert_eq!(first.status, Some(RecurringExpenseStatus::Active));

    let rid: RecurringExpenseId = id("982000000567240");
    let (out, sent) = call_fixture(
        "recurring_expenses/get_a_recurring_expense.response.json",
        &GetRecurringExpense {
            recurring_expense_id: rid.clone(),
        },
    )
    .await;
    assert_bare(&sent, "GET", "/recurringexpenses/982000000567240");
    assert_eq!(out.record.recurring_expense_id, rid.clone());

    // The reference's example answer to an update leaves the id out too: refused, naming it.
    let r = Recorder::answering(support::fixture(
        "recurring_expenses/update_a_recurring_expense.response.json",
    ));
    let error = r
        .client()
        .send(&UpdateRecurringExpense {
            recurring_expense_id: rid,
            recurring_expense: rent(),
        })
        .await
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("missing field `recurring_expense_id`"),
        "{error}"
    );
    assert_json(
        &r.only(),
        "PUT",
        "/recurringexpenses/982000000567240",
        rent_json(),
    );
}

#[tokio::test]
async fn delete_stop_and_resume_a_recurring_expense() {
    let rid: RecurringExpenseId = id("982000000567240");
    let (reply, sent) = call_fixture(
        "recurring_expenses/delete_a_recurring_expense.response.json",
        &DeleteRecurringExpense {
            recurring_expense_id: rid.clone(),
        },
    )
    .await;
    assert_bare(&sent, "DELETE", "/recurringexpenses/982000000567240");
    assert!(reply.message.contains("deleted"));

    let (reply, sent) = call_fixture(
        "recurring_expenses/stop_a_recurring_expense.response.json",
        &StopRecurringExpense {
            recurring_expense_id: rid.clone(),
        },
    )
    .await;
    assert_bare(
        &sent,
        "POST",
        "/recurringexpenses/982000000567240/status/stop",
    );
    assert!(reply.message.contains("stopped"));

    let (reply, sent) = call_fixture(
        "recurring_expenses/resume_a_recurring_expense.response.json",
        &ResumeRecurringExpense {
            recurring_expense_id: rid,
        },
    )
    .await;
    assert_bare(
        &sent,
        "POST",
        "/recurringexpenses/982000000567240/status/resume",
    );
    assert!(reply.is_success());
}

// ---------------------------------------------------------------------------------------
// Projects.

fn project_id() -> ProjectId {
    id("460000000044019")
}

fn network() -> ProjectInput {
    ProjectInput::new(
        "Network Distribution",
        id::<ContactId>("460000000044001"),
        BillingType::BasedOnTaskHours,
        id::<UserId>("460000000024003"),
    )
}

fn network_json() -> Value {
    json!({
        "project_name": "Network Distribution",
        "customer_id": "460000000044001",
        "billing_type": "based_on_task_hours",
        "user_id": "460000000024003"
    })
}

#[tokio::test]
async fn create_list_update_get_and_delete_a_project() {
    let (out, sent) = call_fixture(
        "projects/create_a_project.response.json",
        &CreateProject { project: network() },
    )
    .await;
    assert_json(&sent, "POST", "/projects", network_json());
    assert_eq!(out.record.project_id, project_id());
    assert_eq!(
        out.record.billing_type,
        Some(BillingType::FixedCostForProject)
    );

    let filter = ProjectFilter {
        filter_by: Some("Status.Active".into()),
        customer_id: Some(id("460000000044001")),
        sort_column: Some("project_name".into()),
        sort_order: Some(SortOrder::Ascending),
        ..Default::default()
    };
    let (page, sent) = call_fixture(
        "projects/list_projects.response.json",
        &ListProjects { filter },
    )
    .await;
    assert_target(&sent, "GET", "/projects");
    assert_eq!(
        sent.query,
        pairs(&[
            ("filter_by", "Status.Active"),
            ("customer_id", "460000000044001"),
            ("sort_column", "project_name"),
            ("sort_order", "A"),
        ])
    );
    assert_eq!(page.records[0].status, Some(ProjectStatus::Active));

    let (out, sent) = call_fixture(
        "projects/update_a_project.response.json",
        &UpdateProject {
            project_id: project_id(),
            project: network(),
        },
    )
    .await;
    assert_json(&sent, "PUT", "/projects/460000000044019", network_json());
    assert_eq!(
        out.record.project_name.as_deref(),
        Some("REAL TIME TRAFFIC FLUX")
    );

    let (out, sent) = call_fixture(
        "projects/get_a_project.response.json",
        &GetProject {
            project_id: project_id(),
        },
    )
    .await;
    assert_bare(&sent, "GET", "/projects/460000000044019");
    assert_eq!(out.record.currency_code.as_deref(), Some("USD"));

    let (reply, sent) = call_fixture(
        "projects/delete_project.response.json",
        &DeleteProject {
            project_id: project_id(),
        },
    )
    .await;
    assert_bare(&sent, "DELETE", "/projects/460000000044019");
    assert!(reply.is_success());
}

#[tokio::test]
async fn activate_deactivate_and_clone_a_project() {
    let (reply, sent) = call_fixture(
        "projects/activate_a_project.response.json",
        &MarkProjectActive {
            project_id: project_id(),
        },
    )
    .await;
    assert_bare(&sent, "POST", "/projects/460000000044019/active");
    assert!(reply.message.contains("active"));

    let (reply, sent) = call_fixture(
        "projects/deactivate_a_project.response.json",
        &MarkProjectInactive {
            project_id: project_id(),
        },
    )
    .await;
    assert_bare(&sent, "POST", "/projects/460000000044019/inactive");
    assert!(reply.message.contains("inactive"));

    let clone: zoho_invoice::models::projects::CloneProject = serde_json::from_value(
        support::fixture_json("projects/clone_a_project.request.json"),
    )
    .unwrap();
    let (out, sent) = call_fixture(
        "projects/clone_a_project.response.json",
        &CloneProject {
            project_id: project_id(),
            clone,
        },
    )
    .await;
    assert_json(
        &sent,
        "POST",
        "/projects/460000000044019/clone",
        support::fixture_json("projects/clone_a_project.request.json"),
    );
    assert_eq!(out.record.customer_id, Some(id("460000000044001")));
}

#[tokio::test]
async fn project_users() {
    let user_id: UserId = id("460000000024003");

    let assign = AssignProjectUser {
        user_id: Some(user_id.clone()),
        rate: Some(5000.into()),
        budget_hours: Some("0".into()),
        ..Default::default()
    };
    let (page, sent) = call_fixture(
        "projects/assign_users.response.json",
        &AssignProjectUsers {
            project_id: project_id(),
            user: assign,
        },
    )
    .await;
    assert_json(
        &sent,
        "POST",
        "/projects/460000000044019/users",
        json!({"user_id": "460000000024003", "rate": 5000, "budget_hours": "0"}),
    );
    assert_eq!(page.records[0].user_role, Some(UserRole::Admin));

    let (page, sent) = call_fixture(
        "projects/list_users.response.json",
        &ListProjectUsers {
            project_id: project_id(),
        },
    )
    .await;
    assert_bare(&sent, "GET", "/projects/460000000044019/users");
    assert_eq!(page.records[0].email.as_deref(), Some("test@zylker.org"));

    let invitation = Invitation {
        user_name: Some("John David".into()),
        email: Some("test@zylker.org".into()),
        user_role: Some(UserRole::Staff),
        ..Default::default()
    };
    let (page, sent) = call_fixture(
        "projects/invite_user.response.json",
        &InviteProjectUser {
            project_id: project_id(),
            user: invitation,
        },
    )
    .await;
    assert_json(
        &sent,
        "POST",
        "/projects/460000000044019/users/invite",
        json!({"user_name": "John David", "email": "test@zylker.org", "user_role": "staff"}),
    );
    assert_eq!(page.records[0].user_name.as_deref(), Some("John David"));

    let change = UserChange {
        user_role: Some(UserRole::TimesheetStaff),
        rate: Some(40.into()),
        ..Default::default()
    };
    let (page, sent) = call_fixture(
        "projects/update_user.response.json",
        &UpdateProjectUser {
            project_id: project_id(),
            user_id: user_id.clone(),
            user: change,
        },
    )
    .await;
    assert_json(
        &sent,
        "PUT",
        "/projects/460000000044019/users/460000000024003",
        json!({"user_role": "timesheetstaff", "rate": 40}),
    );
    assert_eq!(page.records[0].user_id, Some(user_id.clone()));

    let (out, sent) = call_fixture(
        "projects/get_a_user.response.json",
        &GetProjectUser {
            project_id: project_id(),
            user_id: user_id.clone(),
        },
    )
    .await;
    assert_bare(
        &sent,
        "GET",
        "/projects/460000000044019/users/460000000024003",
    );
    assert_eq!(out.record.is_current_user, Some(true));

    let (reply, sent) = call_fixture(
        "projects/delete_user.response.json",
        &DeleteProjectUser {
            project_id: project_id(),
            user_id,
        },
    )
    .await;
    assert_bare(
        &sent,
        "DELETE",
        "/projects/460000000044019/users/460000000024003",
    );
    assert!(reply.is_success());
}

#[tokio::test]
async fn project_comments_and_invoices() {
    let comment = ProjectCommentInput {
        description: Some("Billing based on task hours".into()),
        ..Default::default()
    };
    let (page, sent) = call_fixture(
        "projects/post_comment.response.json",
        &AddProjectComment {
            project_id: project_id(),
            comment,
        },
    )
    .await;
    assert_json(
        &sent,
        "POST",
        "/projects/460000000044019/comments",
        support::fixture_json("projects/post_comment.request.json"),
    );
    assert_eq!(page.records[0].time.as_deref(), Some("6:52 PM"));

    let (page, sent) = call_fixture(
        "projects/list_comments.response.json",
        &ListProjectComments {
            project_id: project_id(),
        },
    )
    .await;
    assert_bare(&sent, "GET", "/projects/460000000044019/comments");
    assert_eq!(page.records[0].commented_by.as_deref(), Some("John David"));

    let comment_id: CommentId = id("460000000044027");
    let (reply, sent) = call_fixture(
        "projects/delete_comment.response.json",
        &DeleteProjectComment {
            project_id: project_id(),
            comment_id,
        },
    )
    .await;
    assert_bare(
        &sent,
        "DELETE",
        "/projects/460000000044019/comments/460000000044027",
    );
    assert!(reply.is_success());

    let filter = ProjectInvoiceFilter {
        sort_column: Some("date".into()),
        ..Default::default()
    };
    let (page, sent) = call_fixture(
        "projects/list_invoices.response.json",
        &ListProjectInvoices {
            project_id: project_id(),
            filter,
        },
    )
    .await;
    assert_target(&sent, "GET", "/projects/460000000044019/invoices");
    assert_eq!(sent.query, pairs(&[("sort_column", "date")]));
    assert_eq!(page.records[0].invoice_number.as_deref(), Some("INV-00004"));
    assert_eq!(page.records[0].total, Some("310.75".parse().unwrap()));
}

#[tokio::test]
async fn project_tasks() {
    let task_id: TaskId = id("90300000072369");
    let painting = || TaskInput::new("Painting").rate(3);

    let (out, sent) = call_fixture(
        "projects/add_a_task.response.json",
        &AddProjectTask {
            project_id: project_id(),
            task: painting(),
        },
    )
    .await;
    assert_json(
        &sent,
        "POST",
        "/projects/460000000044019/tasks",
        json!({"task_name": "Painting", "rate": 3}),
    );
    assert_eq!(out.record.billed_hours.as_deref(), Some("12:06"));

    let filter = TaskFilter {
        paging: Paging {
            page: Some(1),
            per_page: Some(10),
        },
        ..Default::default()
    };
    let (page, sent) = call_fixture(
        "projects/list_tasks.response.json",
        &ListProjectTasks {
            project_id: project_id(),
            filter,
        },
    )
    .await;
    assert_target(&sent, "GET", "/projects/460000000044019/tasks");
    assert_eq!(sent.query, pairs(&[("page", "1"), ("per_page", "10")]));
    assert_eq!(page.records[0].task_id, task_id.clone());
    assert!(!page.has_more_page());

    let (out, sent) = call_fixture(
        "projects/get_a_task.response.json",
        &GetProjectTask {
            project_id: project_id(),
            task_id: task_id.clone(),
        },
    )
    .await;
    assert_bare(
        &sent,
        "GET",
        "/projects/460000000044019/tasks/90300000072369",
    );
    assert_eq!(out.record.is_billable, Some(true));

    let (out, sent) = call_fixture(
        "projects/update_a_task.response.json",
        &UpdateProjectTask {
            project_id: project_id(),
            task_id: task_id.clone(),
            task: painting(),
        },
    )
    .await;
    assert_json(
        &sent,
        "PUT",
        "/projects/460000000044019/tasks/90300000072369",
        json!({"task_name": "Painting", "rate": 3}),
    );
    assert_eq!(out.record.task_name.as_deref(), Some("Painting"));

    let (reply, sent) = call_fixture(
        "projects/delete_a_task.response.json",
        &DeleteProjectTask {
            project_id: project_id(),
            task_id,
        },
    )
    .await;
    assert_bare(
        &sent,
        "DELETE",
        "/projects/460000000044019/tasks/90300000072369",
    );
    assert!(reply.is_success());
}

#[tokio::test]
async fn ids_of_nested_paths_are_encoded() {
    let odd: TaskId = serde_json::from_str(r#""../../contacts""#).unwrap();
    let (_, sent) = call_fixture(
        "projects/get_a_task.response.json",
        &GetProjectTask {
            project_id: project_id(),
            task_id: odd,
        },
    )
    .await;
    assert_eq!(
        sent.path,
        "/projects/460000000044019/tasks/%2E%2E%2F%2E%2E%2Fcontacts"
    );
}

// ---------------------------------------------------------------------------------------
// Time entries and the timer.

fn entry_id() -> TimeEntryId {
    id("460000000044021")
}

fn entry() -> TimeEntryInput {
    TimeEntryInput::new(
        project_id(),
        id::<TaskId>("460000000044009"),
        id::<UserId>("460000000024003"),
        date("2013-09-17"),
    )
    .begin_time("10:00")
    .end_time("15:00")
    .is_billable(true)
}

fn entry_json() -> Value {
    json!({
        "project_id": "460000000044019",
        "task_id": "460000000044009",
        "user_id": "460000000024003",
        "log_date": "2013-09-17",
        "begin_time": "10:00",
        "end_time": "15:00",
        "is_billable": true
    })
}

#[tokio::test]
async fn log_list_update_get_and_delete_time_entries() {
    let (out, sent) = call_fixture(
        "time_entries/log_time_entries.response.json",
        &LogTimeEntry { entry: entry() },
    )
    .await;
    assert_json(&sent, "POST", "/projects/timeentries", entry_json());
    assert_eq!(out.record.time_entry_id, entry_id());

    let filter = TimeEntryFilter {
        from_date: Some(date("2013-09-01")),
        to_date: Some(date("2013-09-30")),
        filter_by: Some("Date.CustomDate".into()),
        project_id: Some(project_id()),
        user_id: Some(id("460000000024003")),
        sort_column: Some("log_date".into()),
        ..Default::default()
    };
    let (page, sent) = call_fixture(
        "time_entries/list_time_entries.response.json",
        &ListTimeEntries { filter },
    )
    .await;
    assert_target(&sent, "GET", "/projects/timeentries");
    assert_eq!(
        sent.query,
        pairs(&[
            ("from_date", "2013-09-01"),
            ("to_date", "2013-09-30"),
            ("filter_by", "Date.CustomDate"),
            ("project_id", "460000000044019"),
            ("user_id", "460000000024003"),
            ("sort_column", "log_date"),
        ])
    );
    assert_eq!(
        page.records[0].task_name.as_deref(),
        Some("Distribution Analysis")
    );

    let (out, sent) = call_fixture(
        "time_entries/update_time_entry.response.json",
        &UpdateTimeEntry {
            time_entry_id: entry_id(),
            entry: entry(),
        },
    )
    .await;
    assert_json(
        &sent,
        "PUT",
        "/projects/timeentries/460000000044021",
        entry_json(),
    );
    assert_eq!(out.record.project_id, Some(project_id()));

    let (out, sent) = call_fixture(
        "time_entries/get_a_time_entry.response.json",
        &GetTimeEntry {
            time_entry_id: entry_id(),
        },
    )
    .await;
    assert_bare(&sent, "GET", "/projects/timeentries/460000000044021");
    assert_eq!(out.record.user_id, Some(id("460000000024003")));

    let (reply, sent) = call_fixture(
        "time_entries/delete_time_entry.response.json",
        &DeleteTimeEntry {
            time_entry_id: entry_id(),
        },
    )
    .await;
    assert_bare(&sent, "DELETE", "/projects/timeentries/460000000044021");
    assert!(reply.is_success());

    let ids: BulkIds<_> = [entry_id(), id("460000000044022")].into_iter().collect();
    let (reply, sent) = call_fixture(
        "time_entries/delete_time_entries.response.json",
        &DeleteTimeEntries {
            time_entry_ids: ids,
        },
    )
    .await;
    assert_target(&sent, "DELETE", "/projects/timeentries");
    assert_eq!(
        sent.query,
        pairs(&[("time_entry_ids", "460000000044021,460000000044022")])
    );
    assert!(sent.body.is_empty());
    assert!(reply.is_success());
}

#[tokio::test]
async fn deleting_no_time_entries_sends_nothing() {
    let r = Recorder::answering_fixture("time_entries/delete_time_entries.response.json");
    let err = r
        .client()
        .send(&DeleteTimeEntries {
            time_entry_ids: BulkIds::default(),
        })
        .await
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::NoIds)
            && err.operation().map(|o| o.name) == Some("Delete time entries"),
        "{err}"
    );
    assert!(r.sent().is_empty());
}

#[tokio::test]
async fn the_timer() {
    let (out, sent) = call_fixture(
        "time_entries/start_timer.response.json",
        &StartTimer {
            time_entry_id: entry_id(),
        },
    )
    .await;
    assert_bare(
        &sent,
        "POST",
        "/projects/timeentries/460000000044021/timer/start",
    );
    assert_eq!(out.message, "The timer has been started.");
    assert_eq!(out.record.time_entry_id, entry_id());

    let (out, sent) = call_fixture("time_entries/get_timer.response.json", &GetTimer {}).await;
    assert_bare(&sent, "GET", "/projects/timeentries/runningtimer/me");
    assert_eq!(out.record.billed_status, Some(BilledStatus::Unbilled));

    let (out, sent) = call_fixture("time_entries/stop_timer.response.json", &StopTimer {}).await;
    assert_bare(&sent, "POST", "/projects/timeentries/timer/stop");
    assert!(out.message.contains("stopped"));
}

// ---------------------------------------------------------------------------------------
// Workflows against the fake server.

/// Creates a customer with the raw call; its id.
async fn customer(client: &Client, name: &str) -> ContactId {
    let created = client
        .raw(
            Method::POST,
            "/contacts",
            &[],
            Some(&json!({"contact_name": name})),
        )
        .await
        .unwrap();
    let id = &created["contact"]["contact_id"];
    let id = id
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| id.to_string());
    id.parse().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_project_is_staffed_timed_cloned_and_deleted_on_the_fake_server() {
    let (server, client) = mock().await;
    let customer_id = customer(&client, "SAF Instruments Inc").await;

    // A project with a task, and a user on it.
    let project = client
        .send(&CreateProject {
            project: ProjectInput::new(
                "Traffic Flux",
                customer_id.clone(),
                BillingType::BasedOnTaskHours,
                "460000000024003".parse::<UserId>().unwrap(),
            ),
        })
        .await
        .unwrap()
        .record;
    let pid = project.project_id.clone();
    assert_eq!(project.customer_id, Some(customer_id.clone()));

    let task = client
        .send(&AddProjectTask {
            project_id: pid.clone(),
            task: TaskInput::new("Distribution Analysis").rate(50),
        })
        .await
        .unwrap()
        .record;
    let tid = task.task_id.clone();
    let tasks = client
        .send(&ListProjectTasks {
            project_id: pid.clone(),
            filter: TaskFilter::default(),
        })
        .await
        .unwrap();
    assert_eq!(tasks.records.len(), 1);
    assert_eq!(
        tasks.records[0].task_name.as_deref(),
        Some("Distribution Analysis")
    );

    let user_id: UserId = id("460000000024003");
    let assigned = client
        .send(&AssignProjectUsers {
            project_id: pid.clone(),
            user: AssignProjectUser {
                user_id: Some(user_id.clone()),
                rate: Some(40.into()),
                ..Default::default()
            },
        })
        .await
        .unwrap();
    assert_eq!(assigned.records[0].user_id, Some(user_id.clone()));
    let users = client
        .send(&ListProjectUsers {
            project_id: pid.clone(),
        })
        .await
        .unwrap();
    assert!(
        users
            .records
            .iter()
            .any(|u| u.user_id == Some(user_id.clone())),
        "{users:?}"
    );

    // An hour logged by hand, then twenty-five minutes with the timer.
    let logged = client
        .send(&LogTimeEntry {
            entry: TimeEntryInput::new(
                pid.clone(),
                tid.clone(),
                user_id.clone(),
                date("2024-03-01"),
            )
            .log_time("01:00"),
        })
        .await
        .unwrap()
        .record;
    let eid = logged.time_entry_id.clone();
    assert_eq!(logged.log_time.as_deref(), Some("01:00"));
    assert_eq!(logged.task_name.as_deref(), Some("Distribution Analysis"));

    client
        .send(&StartTimer {
            time_entry_id: eid.clone(),
        })
        .await
        .unwrap();
    server.advance_clock(Duration::from_secs(25 * 60));
    let running = client.send(&GetTimer {}).await.unwrap().record;
    assert_eq!(running.time_entry_id, eid.clone());
    assert_eq!(running.timer_duration_in_minutes, Some(25));
    let stopped = client.send(&StopTimer {}).await.unwrap().record;
    assert_eq!(stopped.log_time.as_deref(), Some("01:25"));
    let no_timer = client.send(&GetTimer {}).await.unwrap_err();
    assert!(no_timer.is_not_found(), "{no_timer}");

    let entries = client
        .send(&ListTimeEntries {
            filter: TimeEntryFilter {
                project_id: Some(pid.clone()),
                ..Default::default()
            },
        })
        .await
        .unwrap();
    assert_eq!(entries.records.len(), 1);
    assert_eq!(entries.records[0].log_time.as_deref(), Some("01:25"));

    // Deactivated, activated again.
    client
        .send(&MarkProjectInactive {
            project_id: pid.clone(),
        })
        .await
        .unwrap();
    let got = client
        .send(&GetProject {
            project_id: pid.clone(),
        })
        .await
        .unwrap()
        .record;
    assert_eq!(got.status, Some(ProjectStatus::Inactive));
    client
        .send(&MarkProjectActive {
            project_id: pid.clone(),
        })
        .await
        .unwrap();
    let got = client
        .send(&GetProject {
            project_id: pid.clone(),
        })
        .await
        .unwrap()
        .record;
    assert_eq!(got.status, Some(ProjectStatus::Active));

    // A clone, with a copy of the task.
    let copy = client
        .send(&CloneProject {
            project_id: pid.clone(),
            clone: zoho_invoice::models::projects::CloneProject {
                project_name: Some("Traffic Flux II".into()),
                ..Default::default()
            },
        })
        .await
        .unwrap()
        .record;
    let copy_id = copy.project_id.clone();
    assert_ne!(copy_id, pid);
    assert_eq!(copy.project_name.as_deref(), Some("Traffic Flux II"));
    let copied_tasks = client
        .send(&ListProjectTasks {
            project_id: copy_id.clone(),
            filter: TaskFilter::default(),
        })
        .await
        .unwrap();
    assert_eq!(copied_tasks.records.len(), 1);
    assert_ne!(copied_tasks.records[0].task_id, tid);

    // The time entry, then the original project, go.
    client
        .send(&DeleteTimeEntries {
            time_entry_ids: BulkIds::new([eid.clone()]),
        })
        .await
        .unwrap();
    let gone = client
        .send(&GetTimeEntry { time_entry_id: eid })
        .await
        .unwrap_err();
    assert!(gone.is_not_found(), "{gone}");
    client
        .send(&DeleteProject {
            project_id: pid.clone(),
        })
        .await
        .unwrap();
    let gone = client
        .send(&GetProject { project_id: pid })
        .await
        .unwrap_err();
    assert!(gone.is_not_found(), "{gone}");
    let left: Vec<_> = client
        .records(ListProjects {
            filter: ProjectFilter {
                customer_id: Some(customer_id),
                ..Default::default()
            },
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].project_id, copy_id);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expense_with_a_receipt_on_the_fake_server() {
    let (_server, client) = mock().await;
    let customer_id = customer(&client, "Bowman & Co").await;

    let created = client
        .send(&CreateExpense {
            expense: expense_input()
                .customer_id(customer_id.clone())
                .is_billable(true)
                .description("Client lunch"),
        })
        .await
        .unwrap()
        .record;
    let eid = created.expense_id.clone();
    assert_eq!(created.amount, Some("112.5".parse().unwrap()));
    assert_eq!(created.status, Some(ExpenseStatus::Unbilled));

    client
        .send(&AddExpenseReceipt {
            expense_id: eid.clone(),
            receipt: AddExpenseReceipt::receipt("lunch.png", "image/png", &b"\x89PNG..."[..]),
        })
        .await
        .unwrap();
    let receipt = client
        .send(&GetExpenseReceipt {
            expense_id: eid.clone(),
        })
        .await
        .unwrap();
    assert_eq!(&receipt.bytes[..], b"\x89PNG...");
    assert_eq!(receipt.file_name.as_deref(), Some("lunch.png"));

    let updated = client
        .send(&UpdateExpense {
            expense_id: eid.clone(),
            expense: ExpenseInput {
                amount: 99.into(),
                ..expense_input()
            },
        })
        .await
        .unwrap()
        .record;
    assert_eq!(updated.amount, Some(99.into()));

    let listed = client
        .send(&ListExpenses {
            filter: ExpenseFilter {
                customer_id: Some(customer_id),
                ..Default::default()
            },
        })
        .await
        .unwrap();
    assert_eq!(listed.records.len(), 1);
    assert_eq!(listed.records[0].expense_id, eid.clone());

    client
        .send(&DeleteExpense {
            expense_id: eid.clone(),
        })
        .await
        .unwrap();
    let gone = client
        .send(&GetExpense { expense_id: eid })
        .await
        .unwrap_err();
    assert!(gone.is_not_found(), "{gone}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expense_category_on_the_fake_server() {
    let (_server, client) = mock().await;
    let created = client
        .send(&CreateExpenseCategory {
            category: ExpenseCategoryInput {
                category_name: Some("Travel".into()),
                description: Some("Trips to customers".into()),
                ..Default::default()
            },
        })
        .await
        .unwrap()
        .record;
    assert_eq!(created.category_name.as_deref(), Some("Travel"));
    assert!(created.category_id.is_some());
    let all = client
        .send(&ListExpenseCategories {
            filter: ExpenseCategoryFilter::default(),
        })
        .await
        .unwrap();
    assert!(
        all.records
            .iter()
            .any(|c| c.category_name.as_deref() == Some("Travel"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_recurring_expense_is_stopped_and_resumed_on_the_fake_server() {
    let (server, client) = mock().await;
    let created = client
        .send(&CreateRecurringExpense {
            recurring_expense: rent(),
        })
        .await
        .unwrap()
        .record;
    let rid = created.recurring_expense_id.clone();
    assert_eq!(created.status, Some(RecurringExpenseStatus::Active));

    let status = |client: Client, rid: RecurringExpenseId| async move {
        client
            .send(&GetRecurringExpense {
                recurring_expense_id: rid,
            })
            .await
            .unwrap()
            .record
            .status
    };

    let reply = client
        .send(&StopRecurringExpense {
            recurring_expense_id: rid.clone(),
        })
        .await
        .unwrap();
    assert!(reply.is_success());
    assert_eq!(
        status(client.clone(), rid.clone()).await,
        Some(RecurringExpenseStatus::Stopped)
    );
    // Stopping twice is refused by the server.
    assert!(
        client
            .send(&StopRecurringExpense {
                recurring_expense_id: rid.clone(),
            })
            .await
            .is_err()
    );

    client
        .send(&ResumeRecurringExpense {
            recurring_expense_id: rid.clone(),
        })
        .await
        .unwrap();
    assert_eq!(
        status(client.clone(), rid.clone()).await,
        Some(RecurringExpenseStatus::Active)
    );

    let renamed = client
        .send(&UpdateRecurringExpense {
            recurring_expense_id: rid.clone(),
            recurring_expense: rent().recurrence_name("Office Rent"),
        })
        .await
        .unwrap()
        .record;
    assert_eq!(renamed.recurrence_name.as_deref(), Some("Office Rent"));

    // Two more, then the list is walked two at a time.
    for n in 0..2 {
        client
            .send(&CreateRecurringExpense {
                recurring_expense: rent().recurrence_name(format!("Storage {n}")),
            })
            .await
            .unwrap();
    }
    server.clear_requests();
    let all: Vec<_> = client
        .records(ListRecurringExpenses {
            filter: RecurringExpenseFilter {
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
    assert_eq!(all.len(), 3, "every page walked");
    assert_eq!(server.count("GET /recurringexpenses"), 2, "two pages");

    client
        .send(&DeleteRecurringExpense {
            recurring_expense_id: rid.clone(),
        })
        .await
        .unwrap();
    let gone = client
        .send(&GetRecurringExpense {
            recurring_expense_id: rid,
        })
        .await
        .unwrap_err();
    assert!(gone.is_not_found(), "{gone}");
}
