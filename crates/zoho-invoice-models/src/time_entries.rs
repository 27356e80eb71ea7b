//! Time entries: time users spend on the tasks of a project, logged by hand or with a timer
//! (`/projects/timeentries`).
//!
//! ```
//! use zoho_invoice_models::envelope::Record;
//! use zoho_invoice_models::time_entries::{BilledStatus, TimeEntry, TimeEntryInput};
//!
//! let answer: Record<TimeEntry> = serde_json::from_str(r#"{"code": 0, "message": "The timer has been started.",
//!     "time_entry": {"time_entry_id": "460000000044021", "log_date": "2013-09-17", "log_time": "05:00",
//!                    "billed_status": "unbilled"}}"#)?;
//! assert_eq!(answer.record.billed_status, Some(BilledStatus::Unbilled));
//! assert_eq!(answer.record.log_time.as_deref(), Some("05:00"));
//!
//! let project: zoho_invoice_models::ids::ProjectId = "460000000044019".parse().unwrap();
//! let task: zoho_invoice_models::ids::TaskId = "460000000044009".parse().unwrap();
//! let user: zoho_invoice_models::ids::UserId = "460000000024003".parse().unwrap();
//! let day: chrono::NaiveDate = "2013-09-17".parse().unwrap();
//! let input = TimeEntryInput::new(project, task, user, day).log_time("01:30").is_billable(true);
//! assert_eq!(
//!     serde_json::to_value(&input)?,
//!     serde_json::json!({"project_id": "460000000044019", "task_id": "460000000044009",
//!         "user_id": "460000000024003", "log_date": "2013-09-17", "log_time": "01:30", "is_billable": true})
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```

use chrono::NaiveDate;

use crate::common::CustomField;
use crate::envelope::resource;
use crate::ids::{ContactId, InvoiceId, ProjectId, TaskId, TimeEntryId, UserId};
use crate::macros::{model, string_enum};
use crate::time::Timestamp;

string_enum! {
    /// Whether logged time has been billed.
    pub enum BilledStatus {
        /// Not billed yet.
        Unbilled = "unbilled",
        /// Billed on an invoice.
        Invoiced = "invoiced",
    }
}

model! {
    /// A time entry, as the API returns it. Times of day and durations are text as the API
    /// formats them (`HH:mm`).
    pub struct TimeEntry {
        /// The time entry's id.
        @id time_entry_id: TimeEntryId,
        /// The project.
        project_id: ProjectId,
        /// The project's name.
        project_name: String,
        /// The project's customer.
        customer_id: ContactId,
        /// That customer's name.
        customer_name: String,
        /// The task the time was spent on.
        task_id: TaskId,
        /// The task's name.
        task_name: String,
        /// The user who spent it.
        user_id: UserId,
        /// The user's name.
        user_name: String,
        /// Whether it is the user making the call.
        is_current_user: bool,
        /// The day the time was spent.
        log_date: NaiveDate,
        /// When work started (`HH:mm`).
        begin_time: String,
        /// When work stopped (`HH:mm`).
        end_time: String,
        /// The time spent (`HH:mm`).
        log_time: String,
        /// Whether the time can be billed.
        is_billable: bool,
        /// Whether it has been billed.
        billed_status: BilledStatus,
        /// The invoice it was billed on.
        invoice_id: InvoiceId,
        /// Notes on the work done.
        notes: String,
        /// When the running timer started, as the API formats it.
        timer_started_at: String,
        /// When the running timer started, in UTC, as the API formats it.
        timer_started_at_utc_time: String,
        /// How long the timer has run, in minutes.
        timer_duration_in_minutes: i64,
        /// How long the timer has run, in seconds.
        timer_duration_in_seconds: i64,
        /// When the entry was created.
        created_time: Timestamp,
        /// Custom fields of the entry.
        timesheet_custom_fields: Vec<CustomField>,
        /// Hourly cost rate (from Zoho Books' document).
        cost_rate: rust_decimal::Decimal,
    }
}
resource!(TimeEntry, "time_entry", "time_entries");

model! {
    /// The writable fields of a time entry, to log one (`project_id`, `task_id`, `user_id` and
    /// `log_date` required) or update one. Send either `log_time` or `begin_time` and
    /// `end_time`.
    pub struct TimeEntryInput {
        /// The project.
        @required project_id: ProjectId,
        /// The task the time was spent on.
        @required task_id: TaskId,
        /// The user who spent it.
        @required user_id: UserId,
        /// The day the time was spent.
        @required log_date: NaiveDate,
        /// The time spent (`HH:mm`).
        log_time: String,
        /// When work started (`HH:mm`).
        begin_time: String,
        /// When work stopped (`HH:mm`).
        end_time: String,
        /// Whether the time can be billed.
        is_billable: bool,
        /// Notes on the work done (at most 500 characters).
        notes: String,
        /// Whether to start a timer on the entry.
        start_timer: String,
    }
}

string_enum! {
    /// The values of `filter_by` in a list's `TimeEntryFilter` (in `zoho-invoice`).
    pub enum TimeEntryFilterBy {
        /// `Date.All`.
        All = "Date.All",
        /// `Date.Today`.
        Today = "Date.Today",
        /// `Date.ThisWeek`.
        ThisWeek = "Date.ThisWeek",
        /// `Date.ThisMonth`.
        ThisMonth = "Date.ThisMonth",
        /// `Date.ThisQuarter`.
        ThisQuarter = "Date.ThisQuarter",
        /// `Date.ThisYear`.
        ThisYear = "Date.ThisYear",
        /// `Date.PreviousDay`.
        PreviousDay = "Date.PreviousDay",
        /// `Date.PreviousWeek`.
        PreviousWeek = "Date.PreviousWeek",
        /// `Date.PreviousMonth`.
        PreviousMonth = "Date.PreviousMonth",
        /// `Date.PreviousQuarter`.
        PreviousQuarter = "Date.PreviousQuarter",
        /// `Date.PreviousYear`.
        PreviousYear = "Date.PreviousYear",
        /// `Date.CustomDate`.
        CustomDate = "Date.CustomDate",
        /// `Status.Unbilled`.
        Unbilled = "Status.Unbilled",
        /// `Status.Invoiced`.
        Invoiced = "Status.Invoiced",
    }
}

string_enum! {
    /// The values of `sort_column` in a list's `TimeEntryFilter` (in `zoho-invoice`).
    pub enum TimeEntrySortColumn {
        /// By `project_name`.
        ProjectName = "project_name",
        /// By `task_name`.
        TaskName = "task_name",
        /// By `user_name`.
        UserName = "user_name",
        /// By `log_date`.
        LogDate = "log_date",
        /// By `timer_started_at`.
        TimerStartedAt = "timer_started_at",
        /// By `customer_name`.
        CustomerName = "customer_name",
    }
}
