//! Projects: work done for a customer, made of tasks and staffed by users, billed by the
//! project, by task, by staff or at a fixed cost (`/projects`), with their comments and the
//! invoices raised for them.
//!
//! ```
//! use zoho_invoice_models::envelope::Record;
//! use zoho_invoice_models::projects::{BillingType, Project, ProjectInput};
//!
//! let answer: Record<Project> = serde_json::from_str(r#"{"code": 0, "message": "success",
//!     "project": {"project_id": "460000000044019", "project_name": "REAL TIME TRAFFIC FLUX",
//!                 "billing_type": "fixed_cost_for_project", "rate": 5000, "total_hours": "12:26"}}"#)?;
//! assert_eq!(answer.record.billing_type, Some(BillingType::FixedCostForProject));
//!
//! let customer: zoho_invoice_models::ids::ContactId = "460000000044001".parse().unwrap();
//! let owner: zoho_invoice_models::ids::UserId = "460000000024003".parse().unwrap();
//! let input = ProjectInput::new("Network Distribution", customer, BillingType::BasedOnTaskHours, owner);
//! assert_eq!(
//!     serde_json::to_value(&input)?,
//!     serde_json::json!({"project_name": "Network Distribution", "customer_id": "460000000044001",
//!         "billing_type": "based_on_task_hours", "user_id": "460000000024003"})
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;

use crate::envelope::resource;
use crate::ids::{CommentId, ContactId, InvoiceId, ProjectId, UserId};
use crate::macros::{model, string_enum};
use crate::tasks::{Task, TaskInput};
use crate::time::Timestamp;
use crate::users::ProjectUser;

string_enum! {
    /// How a project is billed to its customer.
    pub enum BillingType {
        /// One fixed amount for the whole project.
        FixedCostForProject = "fixed_cost_for_project",
        /// One hourly rate for the project.
        BasedOnProjectHours = "based_on_project_hours",
        /// An hourly rate per user.
        BasedOnStaffHours = "based_on_staff_hours",
        /// An hourly rate per task.
        BasedOnTaskHours = "based_on_task_hours",
    }
}

string_enum! {
    /// How a project's budget is set.
    pub enum BudgetType {
        /// A total cost for the project.
        TotalProjectCost = "total_project_cost",
        /// A total of hours for the project.
        TotalProjectHours = "total_project_hours",
        /// Hours for each task.
        HoursPerTask = "hours_per_task",
        /// Hours for each user.
        HoursPerStaff = "hours_per_staff",
    }
}

string_enum! {
    /// Whether a project is in use.
    pub enum ProjectStatus {
        /// In use.
        Active = "active",
        /// Kept for history.
        Inactive = "inactive",
    }
}

model! {
    /// A project, as the API returns it. Hours are text as the API formats them (`12:26`).
    pub struct Project {
        /// The project's id.
        @id project_id: ProjectId,
        /// The project's name (at most 100 characters).
        project_name: String,
        /// The customer it is done for.
        customer_id: ContactId,
        /// That customer's name.
        customer_name: String,
        /// The currency's code (`USD`).
        currency_code: String,
        /// What the project is about.
        description: String,
        /// Whether it is active.
        status: ProjectStatus,
        /// How it is billed.
        billing_type: BillingType,
        /// The project's rate: its cost, or the hourly rate, depending on the billing type.
        rate: Decimal,
        /// How its budget is set.
        budget_type: BudgetType,
        /// The hours budgeted.
        budget_hours: String,
        /// The cost budgeted.
        budget_amount: Decimal,
        /// The hours logged in total.
        total_hours: String,
        /// The amount of all time logged.
        total_amount: Decimal,
        /// The hours billed.
        billed_hours: String,
        /// The amount billed.
        billed_amount: Decimal,
        /// The billable hours not yet billed.
        un_billed_hours: String,
        /// The billable amount not yet billed.
        un_billed_amount: Decimal,
        /// The billable hours.
        billable_hours: String,
        /// The billable amount.
        billable_amount: Decimal,
        /// The hours that will not be billed.
        non_billable_hours: String,
        /// The amount that will not be billed.
        non_billable_amount: Decimal,
        /// Whether recurring invoices bill the project.
        is_recurrence_associated: bool,
        /// The recurring invoices that bill the project.
        recurring_invoices: Vec<Value>,
        /// Whether files are attached.
        has_attachment: bool,
        /// When it was created.
        created_time: Timestamp,
        /// Whether it shows on the dashboard.
        show_in_dashboard: bool,
        /// Its tasks.
        tasks: Vec<Task>,
        /// Its users.
        users: Vec<ProjectUser>,
        /// When the record last changed (sent by the live service; the reference's examples omit it).
        last_modified_time: Timestamp,
        /// Budgeted Cost to complete this project (from Zoho Books' document).
        cost_budget_amount: rust_decimal::Decimal,
    }
}
resource!(Project, "project", "projects");

model! {
    /// The writable fields of a project, to create one (`project_name`, `customer_id`,
    /// `billing_type` and `user_id` required) or update one.
    pub struct ProjectInput {
        /// The project's name (at most 100 characters).
        @required project_name: String,
        /// The customer it is done for.
        @required customer_id: ContactId,
        /// What the project is about (at most 500 characters).
        description: String,
        /// How it is billed.
        @required billing_type: BillingType,
        /// The project's rate: its cost, or the hourly rate, depending on the billing type.
        rate: Decimal,
        /// How its budget is set.
        budget_type: BudgetType,
        /// The hours budgeted.
        budget_hours: String,
        /// The cost budgeted (with a total project cost budget).
        budget_amount: Decimal,
        /// The user to add to the project.
        @required user_id: UserId,
        /// The project's tasks.
        tasks: Vec<TaskInput>,
        /// The project's users.
        users: Vec<ProjectUser>,
        /// The currency (from Zoho Books' document).
        currency_id: crate::ids::CurrencyId,
        /// Budgeted Cost to complete this project (from Zoho Books' document).
        cost_budget_amount: rust_decimal::Decimal,
    }
}

model! {
    /// Copies a project's settings into a new one (`POST /projects/{project_id}/clone`).
    pub struct CloneProject {
        /// The new project's name (required; at most 100 characters).
        project_name: String,
        /// The new project's description (at most 500 characters).
        description: String,
    }
}

model! {
    /// A comment on a project.
    pub struct ProjectComment {
        /// The comment's id.
        comment_id: CommentId,
        /// The project it is about.
        project_id: ProjectId,
        /// The comment's text.
        description: String,
        /// The user who wrote it.
        commented_by_id: UserId,
        /// That user's name.
        commented_by: String,
        /// Whether it was written by the user making the call.
        is_current_user: bool,
        /// The date it was written.
        date: NaiveDate,
        /// The date in words (`19 days ago`).
        date_description: String,
        /// The time of day, as displayed (`6:52 PM`).
        time: String,
    }
}
resource!(ProjectComment, "comment", "comments");

model! {
    /// A comment to post on a project (`POST /projects/{project_id}/comments`).
    pub struct ProjectCommentInput {
        /// The comment's text (required; at most 500 characters).
        description: String,
    }
}

model! {
    /// An invoice raised for a project, as listed by `GET /projects/{project_id}/invoices`.
    pub struct ProjectInvoice {
        /// The invoice's id.
        invoice_id: InvoiceId,
        /// The invoice's number.
        invoice_number: String,
        /// The customer's name.
        customer_name: String,
        /// The invoice's status.
        status: String,
        /// The reference number.
        reference_number: String,
        /// The invoice's date.
        date: NaiveDate,
        /// The date payment is due.
        due_date: NaiveDate,
        /// The total.
        total: Decimal,
        /// The amount still to pay.
        balance: Decimal,
        /// When it was created.
        created_time: Timestamp,
    }
}
resource!(ProjectInvoice, "invoice", "invoices");

/// The values of `filter_by` in a list's `ProjectFilter` (in `zoho-invoice`).
pub type ProjectFilterBy = crate::common::ActiveFilterBy;

string_enum! {
    /// The values of `sort_column` in a list's `ProjectFilter` (in `zoho-invoice`).
    pub enum ProjectSortColumn {
        /// By `project_name`.
        ProjectName = "project_name",
        /// By `customer_name`.
        CustomerName = "customer_name",
        /// By `rate`.
        Rate = "rate",
        /// By `created_time`.
        CreatedTime = "created_time",
        /// By `last_modified_time`.
        LastModifiedTime = "last_modified_time",
    }
}

string_enum! {
    /// The values of `sort_column` in a list's `ProjectInvoiceFilter` (in `zoho-invoice`).
    pub enum ProjectInvoiceSortColumn {
        /// By `invoice_number`.
        InvoiceNumber = "invoice_number",
        /// By `date`.
        Date = "date",
        /// By `total`.
        Total = "total",
        /// By `balance`.
        Balance = "balance",
        /// By `created_time`.
        CreatedTime = "created_time",
    }
}
