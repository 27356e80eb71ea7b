//! Time entries (`/projects/timeentries`): time logged on the tasks of a project, by hand or
//! with the timer (one running timer per user).
//!
//! ```
//! use zoho_invoice::Client;
//! use zoho_invoice_transport::{ApiRequest, ApiResponse, Transport};
//!
//! // A hand-written transport standing in for the network.
//! struct Canned;
//!
//! #[async_trait::async_trait]
//! impl Transport for Canned {
//!     async fn send(&self, request: ApiRequest) -> Result<ApiResponse, zoho_invoice_transport::Error> {
//!         let log_time = match request.path() {
//!             "/projects/timeentries/460000000044021/timer/start" => "00:00",
//!             "/projects/timeentries/runningtimer/me" => "00:00",
//!             path => {
//!                 assert_eq!(path, "/projects/timeentries/timer/stop");
//!                 "00:25"
//!             }
//!         };
//!         Ok(ApiResponse::json_ok(format!(r#"{{"code": 0, "message": "success",
//!             "time_entry": {{"time_entry_id": "460000000044021", "log_time": "{log_time}"}}}}"#)))
//!     }
//! }
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let client = Client::new(Canned);
//! let entry: zoho_invoice::models::ids::TimeEntryId = "460000000044021".parse()?;
//! client.time_entries().start_timer(entry).await?;
//! let running = client.time_entries().get_timer().await?;
//! assert_eq!(running.time_entry_id.as_str(), "460000000044021");
//! let stopped = client.time_entries().stop_timer().await?;
//! assert_eq!(stopped.log_time.as_deref(), Some("00:25"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # }).unwrap();
//! ```

use zoho_invoice_models::NaiveDate;
use zoho_invoice_models::envelope::{Page, Record, Reply};
use zoho_invoice_models::ids::{ProjectId, TimeEntryId, UserId, kind};
use zoho_invoice_models::time_entries::{TimeEntry, TimeEntryInput};

use crate::macros::{handle, list_filter, resource};
use crate::query::BulkIds;

resource! {
handle! {
    /// Time entries and the timer.
    TimeEntries = time_entries
}

operation! {
    /// Logs time on a task (`POST /projects/timeentries`).
    pub struct LogTimeEntry = ("Time Entries", "Log time entries", POST "/projects/timeentries") -> Record<TimeEntry> as TimeEntries.log {
        /// The entry: `project_id`, `task_id`, `user_id` and `log_date` are required, with
        /// either `log_time` or `begin_time` and `end_time`.
        body entry: TimeEntryInput,
    }
}

list_filter! {
    /// Filters of [`ListTimeEntries`].
    pub struct TimeEntryFilter for ListTimeEntries.filter {
        /// Entries logged on or after this day.
        value from_date: NaiveDate,
        /// Entries logged on or before this day.
        value to_date: NaiveDate,
        /// By date or billing status: `Date.All`, `Date.Today`, `Date.ThisWeek`,
        /// `Date.ThisMonth`, `Date.ThisQuarter`, `Date.ThisYear`, `Date.PreviousDay`,
        /// `Date.PreviousWeek`, `Date.PreviousMonth`, `Date.PreviousQuarter`,
        /// `Date.PreviousYear`, `Date.CustomDate`, `Status.Unbilled` or `Status.Invoiced`.
        value filter_by: zoho_invoice_models::time_entries::TimeEntryFilterBy,
        /// By project.
        value project_id: ProjectId,
        /// By user.
        value user_id: UserId,
        /// The column to sort by: `project_name`, `task_name`, `user_name`, `log_date`,
        /// `timer_started_at` or `customer_name`.
        value sort_column: zoho_invoice_models::time_entries::TimeEntrySortColumn,
    }
}

operation! {
    /// Lists time entries, a page at a time (`GET /projects/timeentries`).
    pub struct ListTimeEntries = ("Time Entries", "List time entries", GET "/projects/timeentries") -> Page<TimeEntry> as TimeEntries.list {
        /// Filters, sort and paging.
        list filter: TimeEntryFilter,
    }
}

operation! {
    /// Deletes several time entries at once (`DELETE /projects/timeentries?time_entry_ids=...`).
    pub struct DeleteTimeEntries = ("Time Entries", "Delete time entries", DELETE "/projects/timeentries") -> Reply as TimeEntries.bulk_delete {
        /// The entries (at least one; the reference names no limit).
        query time_entry_ids: BulkIds<kind::TimeEntry>,
    }
}

operation! {
    /// Updates a time entry (`PUT /projects/timeentries/{time_entry_id}`).
    pub struct UpdateTimeEntry = ("Time Entries", "Update time entry", PUT "/projects/timeentries/{time_entry_id}") -> Record<TimeEntry> as TimeEntries.update {
        /// The entry.
        path time_entry_id: TimeEntryId,
        /// Its new fields.
        body entry: TimeEntryInput,
    }
}

operation! {
    /// Gets a time entry (`GET /projects/timeentries/{time_entry_id}`).
    pub struct GetTimeEntry = ("Time Entries", "Get a time entry", GET "/projects/timeentries/{time_entry_id}") -> Record<TimeEntry> as TimeEntries.get {
        /// The entry.
        path time_entry_id: TimeEntryId,
    }
}

operation! {
    /// Deletes a time entry (`DELETE /projects/timeentries/{time_entry_id}`).
    pub struct DeleteTimeEntry = ("Time Entries", "Delete time entry", DELETE "/projects/timeentries/{time_entry_id}") -> Reply as TimeEntries.delete {
        /// The entry.
        path time_entry_id: TimeEntryId,
    }
}

operation! {
    /// Starts the timer on a time entry
    /// (`POST /projects/timeentries/{time_entry_id}/timer/start`).
    pub struct StartTimer = ("Time Entries", "Start timer", POST "/projects/timeentries/{time_entry_id}/timer/start") -> Record<TimeEntry> as TimeEntries.start_timer {
        /// The entry.
        path time_entry_id: TimeEntryId,
    }
}

operation! {
    /// Stops the running timer; the time it ran is added to its entry
    /// (`POST /projects/timeentries/timer/stop`).
    pub struct StopTimer = ("Time Entries", "Stop timer", POST "/projects/timeentries/timer/stop") -> Record<TimeEntry> as TimeEntries.stop_timer {}
}

operation! {
    /// Gets the caller's running timer (`GET /projects/timeentries/runningtimer/me`).
    pub struct GetTimer = ("Time Entries", "Get timer", GET "/projects/timeentries/runningtimer/me") -> Record<TimeEntry> as TimeEntries.get_timer {}
}
}
