//! Recurring expenses (`/recurringexpenses`): expenses recorded again and again on a schedule,
//! which can be stopped and resumed.
//!
//! ```
//! use zoho_invoice::models::recurring_expenses::RecurringExpenseStatus;
//! use zoho_invoice::{Client, PageOf};
//! use zoho_invoice_transport::{ApiRequest, ApiResponse, Transport};
//!
//! // A hand-written transport standing in for the network.
//! struct Canned;
//!
//! #[async_trait::async_trait]
//! impl Transport for Canned {
//!     async fn send(&self, request: ApiRequest) -> Result<ApiResponse, zoho_invoice_transport::Error> {
//!         Ok(ApiResponse::json_ok(match request.path() {
//!             "/recurringexpenses" => r#"{"code": 0, "message": "success", "recurring_expenses": [
//!                 {"recurring_expense_id": "982000000567240", "recurrence_name": "Monthly Rental",
//!                  "status": "active"}],
//!                 "page_context": {"page": 1, "per_page": 200, "has_more_page": false}}"#,
//!             path => {
//!                 assert_eq!(path, "/recurringexpenses/982000000567240/status/stop");
//!                 r#"{"code": 0, "message": "The recurring expense has been stopped."}"#
//!             }
//!         }))
//!     }
//! }
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let client = Client::new(Canned);
//! let page = client.recurring_expenses().list().status(RecurringExpenseStatus::Active).await?;
//! let rent = page.into_items().remove(0).recurring_expense_id;
//! let reply = client.recurring_expenses().stop(rent).await?;
//! assert!(reply.is_success());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # }).unwrap();
//! ```

use zoho_invoice_models::envelope::{Record, Reply};
use zoho_invoice_models::ids::{AccountId, ContactId, RecurringExpenseId};
use zoho_invoice_models::recurring_expenses::{
    RecurringExpense, RecurringExpenseInput, RecurringExpenseList, RecurringExpenseStatus,
};

use crate::macros::{handle, list_filter, resource};

resource! {
handle! {
    /// Recurring expenses.
    RecurringExpenses = recurring_expenses
}

operation! {
    /// Creates a recurring expense (`POST /recurringexpenses`).
    pub struct CreateRecurringExpense = ("Recurring Expenses", "Create a recurring expense", POST "/recurringexpenses") -> Record<RecurringExpense> as RecurringExpenses.create {
        /// The recurring expense: `account_id`, `recurrence_name`, `start_date`,
        /// `recurrence_frequency`, `repeat_every` and `amount` are required.
        body recurring_expense: RecurringExpenseInput,
    }
}

list_filter! {
    /// Filters of [`ListRecurringExpenses`].
    pub struct RecurringExpenseFilter for ListRecurringExpenses.filter {
        /// By name (`recurrence_name`, `recurrence_name_startswith`, `recurrence_name_contains`).
        text recurrence_name,
        /// By the day the last expense was created (`last_created_date_start`, ...).
        date last_created_date,
        /// By the day the next expense will be created (`next_expense_date_start`, ...).
        date next_expense_date,
        /// By status: active, stopped or expired.
        value status: RecurringExpenseStatus,
        /// By expense account (category).
        value account_id: AccountId,
        /// By the name of the expense account.
        text account_name,
        /// By amount (`amount_less_than`, ...).
        amount amount,
        /// By the name of the customer billed.
        text customer_name,
        /// By the customer billed.
        value customer_id: ContactId,
        /// By the account the expenses are paid from.
        value paid_through_account_id: AccountId,
        /// By status: `Status.All`, `Status.Active`, `Status.Expired` or `Status.Stopped`.
        value filter_by: zoho_invoice_models::recurring_expenses::RecurringExpenseFilterBy,
        /// By account name, description, customer name or vendor name.
        value search_text: String,
        /// The column to sort by: `next_expense_date`, `account_name`, `total`,
        /// `last_created_date`, `recurrence_name`, `customer_name` or `created_time`.
        value sort_column: zoho_invoice_models::recurring_expenses::RecurringExpenseSortColumn,
    }
}

operation! {
    /// Lists recurring expenses, a page at a time (`GET /recurringexpenses`).
    pub struct ListRecurringExpenses = ("Recurring Expenses", "List recurring expenses", GET "/recurringexpenses") -> RecurringExpenseList as RecurringExpenses.list {
        /// Filters, sort and paging.
        list filter: RecurringExpenseFilter,
    }
}

operation! {
    /// Gets a recurring expense (`GET /recurringexpenses/{recurring_expense_id}`).
    pub struct GetRecurringExpense = ("Recurring Expenses", "Get a recurring expense", GET "/recurringexpenses/{recurring_expense_id}") -> Record<RecurringExpense> as RecurringExpenses.get {
        /// The recurring expense.
        path recurring_expense_id: RecurringExpenseId,
    }
}

operation! {
    /// Updates a recurring expense (`PUT /recurringexpenses/{recurring_expense_id}`).
    pub struct UpdateRecurringExpense = ("Recurring Expenses", "Update a recurring expense", PUT "/recurringexpenses/{recurring_expense_id}") -> Record<RecurringExpense> as RecurringExpenses.update {
        /// The recurring expense.
        path recurring_expense_id: RecurringExpenseId,
        /// Its new fields.
        body recurring_expense: RecurringExpenseInput,
    }
}

operation! {
    /// Deletes a recurring expense (`DELETE /recurringexpenses/{recurring_expense_id}`); the
    /// expenses it created stay.
    pub struct DeleteRecurringExpense = ("Recurring Expenses", "Delete a recurring expense", DELETE "/recurringexpenses/{recurring_expense_id}") -> Reply as RecurringExpenses.delete {
        /// The recurring expense.
        path recurring_expense_id: RecurringExpenseId,
    }
}

operation! {
    /// Stops a recurring expense from creating expenses
    /// (`POST /recurringexpenses/{recurring_expense_id}/status/stop`).
    pub struct StopRecurringExpense = ("Recurring Expenses", "Stop a recurring expense", POST "/recurringexpenses/{recurring_expense_id}/status/stop") -> Reply as RecurringExpenses.stop {
        /// The recurring expense.
        path recurring_expense_id: RecurringExpenseId,
    }
}

operation! {
    /// Resumes a stopped recurring expense
    /// (`POST /recurringexpenses/{recurring_expense_id}/status/resume`).
    pub struct ResumeRecurringExpense = ("Recurring Expenses", "Resume a recurring expense", POST "/recurringexpenses/{recurring_expense_id}/status/resume") -> Reply as RecurringExpenses.resume {
        /// The recurring expense.
        path recurring_expense_id: RecurringExpenseId,
    }
}


/// The list's `page_context` is kept as sent (the reference shows it as a list of the applied
/// filters); when it is the usual object, its `page` and `has_more_page` drive the walk.
impl crate::paginate::PageOf for RecurringExpenseList {
    type Item = RecurringExpense;
    fn has_more(&self) -> bool {
        self.page_context
            .as_ref()
            .and_then(|c| c.get("has_more_page"))
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(false)
    }
    fn page_number(&self) -> Option<u32> {
        self.page_context
            .as_ref()
            .and_then(|c| c.get("page"))
            .and_then(serde_json::Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
    }
    fn len(&self) -> usize {
        self.recurring_expenses.as_ref().map_or(0, Vec::len)
    }
    fn into_items(self) -> Vec<RecurringExpense> {
        self.recurring_expenses.unwrap_or_default()
    }
}

crate::call::returned_as_is!(@model RecurringExpenseList);

operation! {
    /// Updates a recurring expense named by a custom field's unique value (`PUT /recurringexpenses` with
    /// `X-Unique-Identifier-Key` and `-Value`; with [`UniqueField::upsert`](crate::UniqueField::upsert), creates it when none has the value).
    pub struct UpdateRecurringExpenseByCustomField = ("Recurring Expenses", "Update an recurring expense using a custom field's unique value", PUT "/recurringexpenses") -> Record<RecurringExpense> as RecurringExpenses.update_by_custom_field {
        /// The custom field and its value.
        header unique: crate::UniqueField,
        /// The new fields.
        body recurring_expense: RecurringExpenseInput,
    }
}

operation! {
    /// Lists the expenses a recurring expense created (`GET /recurringexpenses/{recurring_expense_id}/expenses`).
    pub struct ListRecurringExpenseChildExpenses = ("Recurring Expenses", "List child expenses created", GET "/recurringexpenses/{recurring_expense_id}/expenses") -> zoho_invoice_models::envelope::Page<zoho_invoice_models::recurring_expenses::ChildExpense> as RecurringExpenses.list_child_expenses {
        /// The recurring expense.
        path recurring_expense_id: RecurringExpenseId,
        /// Sort and paging.
        list filter: ChildExpenseFilter,
    }
}

list_filter! {
    /// Sort and paging of [`ListRecurringExpenseChildExpenses`].
    pub struct ChildExpenseFilter for ListRecurringExpenseChildExpenses.filter {
        /// The column to sort by (`date`, `account_name`, `total`, ...).
        value sort_column: String,
    }
}

operation! {
    /// Lists the history of a recurring expense (`GET /recurringexpenses/{recurring_expense_id}/comments`).
    pub struct ListRecurringExpenseComments = ("Recurring Expenses", "List recurring expense history", GET "/recurringexpenses/{recurring_expense_id}/comments") -> zoho_invoice_models::envelope::Page<zoho_invoice_models::common::Comment> as RecurringExpenses.list_comments {
        /// The recurring expense.
        path recurring_expense_id: RecurringExpenseId,
    }
}

crate::macros::whole_list!(ListRecurringExpenseComments);
}
