use zoho_invoice_models::envelope::{Page, Record, Reply};
use zoho_invoice_models::expenses::{Expense, ExpenseInput};
use zoho_invoice_models::projects::{
    CloneProject, Project, ProjectComment, ProjectCommentInput, ProjectInput, ProjectInvoice,
};
use zoho_invoice_models::recurring_expenses::{
    RecurringExpense, RecurringExpenseInput, RecurringExpenseList,
};
use zoho_invoice_models::tasks::{Task, TaskInput};
use zoho_invoice_models::time_entries::{TimeEntry, TimeEntryInput};
use zoho_invoice_models::users::{
    AssignProjectUser, InviteProjectUser, ProjectUser, UpdateProjectUser,
};

use super::{Case, case};

pub(crate) fn cases() -> Vec<Case> {
    vec![
        // Expenses.
        case!("resources/expense.example.json", Expense),
        case!("expenses/create_an_expense.request.json", ExpenseInput),
        // Recurring expenses.
        case!(
            "recurring_expenses/create_a_recurring_expense.request.json",
            RecurringExpenseInput
        ),
        case!(
            "recurring_expenses/create_a_recurring_expense.response.json",
            Record<RecurringExpense>
        ),
        case!(
            "recurring_expenses/list_recurring_expenses.response.json",
            RecurringExpenseList
        ),
        case!(
            "recurring_expenses/get_a_recurring_expense.response.json",
            Record<RecurringExpense>
        ),
        case!(
            "recurring_expenses/update_a_recurring_expense.request.json",
            RecurringExpenseInput
        ),
        case!(
            "recurring_expenses/update_a_recurring_expense.response.json",
            Record<RecurringExpense>
        ),
        case!(
            "recurring_expenses/delete_a_recurring_expense.response.json",
            Reply
        ),
        case!(
            "recurring_expenses/stop_a_recurring_expense.response.json",
            Reply
        ),
        case!(
            "recurring_expenses/resume_a_recurring_expense.response.json",
            Reply
        ),
        // Projects.
        case!("resources/project.example.json", Project),
        case!("projects/create_a_project.request.json", ProjectInput),
        case!("projects/create_a_project.response.json", Record<Project>),
        case!("projects/list_projects.response.json", Page<Project>),
        case!("projects/update_a_project.request.json", ProjectInput),
        case!("projects/update_a_project.response.json", Record<Project>),
        case!("projects/get_a_project.response.json", Record<Project>),
        case!("projects/delete_project.response.json", Reply),
        case!("projects/activate_a_project.response.json", Reply),
        case!("projects/deactivate_a_project.response.json", Reply),
        case!("projects/clone_a_project.request.json", CloneProject),
        case!("projects/clone_a_project.response.json", Record<Project>),
        case!("projects/post_comment.request.json", ProjectCommentInput),
        case!("projects/post_comment.response.json", Page<ProjectComment>),
        case!("projects/list_comments.response.json", Page<ProjectComment>),
        case!("projects/delete_comment.response.json", Reply),
        case!("projects/list_invoices.response.json", Page<ProjectInvoice>),
        // Project users.
        case!("projects/assign_users.request.json", AssignProjectUser),
        case!("projects/assign_users.response.json", Page<ProjectUser>),
        case!("projects/list_users.response.json", Page<ProjectUser>),
        case!("projects/invite_user.request.json", InviteProjectUser),
        case!("projects/invite_user.response.json", Page<ProjectUser>),
        case!("projects/update_user.request.json", UpdateProjectUser),
        case!("projects/update_user.response.json", Page<ProjectUser>),
        case!("projects/get_a_user.response.json", Record<ProjectUser>),
        case!("projects/delete_user.response.json", Reply),
        // Tasks.
        case!("projects/add_a_task.request.json", TaskInput),
        case!("projects/add_a_task.response.json", Record<Task>),
        case!("projects/list_tasks.response.json", Page<Task>),
        case!("projects/get_a_task.response.json", Record<Task>),
        case!("projects/update_a_task.request.json", TaskInput),
        case!("projects/update_a_task.response.json", Record<Task>),
        case!("projects/delete_a_task.response.json", Reply),
        // Time entries and timers.
        case!("resources/time_entry.example.json", TimeEntry),
        case!("time_entries/log_time_entries.request.json", TimeEntryInput),
        case!(
            "time_entries/log_time_entries.response.json",
            Record<TimeEntry>
        ),
        case!(
            "time_entries/list_time_entries.response.json",
            Page<TimeEntry>
        ),
        case!("time_entries/delete_time_entries.response.json", Reply),
        case!(
            "time_entries/update_time_entry.request.json",
            TimeEntryInput
        ),
        case!(
            "time_entries/update_time_entry.response.json",
            Record<TimeEntry>
        ),
        case!(
            "time_entries/get_a_time_entry.response.json",
            Record<TimeEntry>
        ),
        case!("time_entries/delete_time_entry.response.json", Reply),
        case!("time_entries/start_timer.response.json", Record<TimeEntry>),
        case!("time_entries/stop_timer.response.json", Record<TimeEntry>),
        case!("time_entries/get_timer.response.json", Record<TimeEntry>),
    ]
}
