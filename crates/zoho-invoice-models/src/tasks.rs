//! Tasks: the pieces of work of a project that time is logged against
//! (`/projects/{project_id}/tasks`).
//!
//! ```
//! use zoho_invoice_models::envelope::Record;
//! use zoho_invoice_models::tasks::{Task, TaskInput};
//!
//! let answer: Record<Task> = serde_json::from_str(r#"{"code": 0, "message": "success",
//!     "task": {"task_id": "90300000072369", "task_name": "Painting", "rate": 3, "billed_hours": "12:06"}}"#)?;
//! assert_eq!(answer.record.billed_hours.as_deref(), Some("12:06"));
//!
//! let input = TaskInput::new("Painting").rate(3);
//! assert_eq!(serde_json::to_string(&input)?, r#"{"task_name":"Painting","rate":3}"#);
//! # Ok::<(), serde_json::Error>(())
//! ```

use rust_decimal::Decimal;

use crate::common::CustomField;
use crate::envelope::resource;
use crate::ids::{ContactId, CurrencyId, ProjectId, TaskId};
use crate::macros::model;

model! {
    /// A task of a project, as the API returns it (alone, or inside its project). Hours are
    /// text as the API formats them (`12:06`).
    pub struct Task {
        /// The task's id.
        @id task_id: TaskId,
        /// The task's name (at most 100 characters).
        task_name: String,
        /// The project it belongs to.
        project_id: ProjectId,
        /// That project's name.
        project_name: String,
        /// The customer of the project.
        customer_id: ContactId,
        /// That customer's name.
        customer_name: String,
        /// The project's currency.
        currency_id: CurrencyId,
        /// What the task is about.
        description: String,
        /// The hourly rate.
        rate: Decimal,
        /// The hours planned.
        budget_hours: String,
        /// The hours logged in total.
        total_hours: String,
        /// The hours logged.
        log_time: String,
        /// The hours billed.
        billed_hours: String,
        /// The billable hours not yet billed.
        un_billed_hours: String,
        /// The hours that will not be billed.
        non_billable_hours: String,
        /// Whether the task is active.
        status: String,
        /// Whether time on the task can be billed.
        is_billable: bool,
        /// Custom fields of the task.
        task_custom_fields: Vec<CustomField>,
    }
}
resource!(Task, "task", "tasks");

model! {
    /// The writable fields of a task, to add one (`task_name` required) or update one; also the
    /// tasks sent with a new project.
    pub struct TaskInput {
        /// The task's name (required; at most 100 characters).
        @required task_name: String,
        /// What the task is about (at most 500 characters).
        description: String,
        /// The hourly rate.
        rate: Decimal,
        /// The hours planned.
        budget_hours: String,
    }
}
