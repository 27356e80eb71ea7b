#![cfg(all(
    feature = "expenses",
    feature = "recurring-expenses",
    feature = "projects",
    feature = "time-entries"
))]

use std::time::Duration;

use crate::support::mock;
use futures_util::TryStreamExt;
use http::Method;
use serde_json::json;
use zoho_invoice::Client;
use zoho_invoice::expenses::*;
use zoho_invoice::models::common::RecurrenceFrequency;
use zoho_invoice::models::expenses::{ExpenseCategoryInput, ExpenseInput, ExpenseStatus};
use zoho_invoice::models::ids::{AccountId, ContactId, RecurringExpenseId, UserId};
use zoho_invoice::models::projects::{BillingType, ProjectInput, ProjectStatus};
use zoho_invoice::models::recurring_expenses::{RecurringExpenseInput, RecurringExpenseStatus};
use zoho_invoice::models::tasks::TaskInput;
use zoho_invoice::models::time_entries::TimeEntryInput;
use zoho_invoice::models::users::AssignProjectUser;
use zoho_invoice::projects::*;
use zoho_invoice::query::{BulkIds, Paging};
use zoho_invoice::recurring_expenses::*;
use zoho_invoice::time_entries::*;

fn id<T: std::str::FromStr>(s: &str) -> T
where
    T::Err: std::fmt::Debug,
{
    s.parse().unwrap()
}

fn date(s: &str) -> zoho_invoice::models::NaiveDate {
    s.parse().unwrap()
}

fn expense_input() -> ExpenseInput {
    ExpenseInput::new(
        id::<AccountId>("982000000561057"),
        date("2013-11-18"),
        "112.5".parse::<zoho_invoice::models::Decimal>().unwrap(),
    )
    .is_billable(true)
}

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

    // A project owned by the user making the calls, with a task, and another user on it.
    let me = client.users().get_current().await.unwrap().user_id;
    let project = client
        .send(&CreateProject {
            project: ProjectInput::new(
                "Traffic Flux",
                customer_id.clone(),
                BillingType::BasedOnTaskHours,
                me.clone(),
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

    // The organization's own user (the fake server's current user).
    let user_id: UserId = id("982000000554041");
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
            entry: TimeEntryInput::new(pid.clone(), tid.clone(), me.clone(), date("2024-03-01"))
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
