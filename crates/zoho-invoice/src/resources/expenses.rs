//! Expenses (`/expenses`), their receipts, and the expense categories they are booked to
//! (`/expensecategories`).
//!
//! ```
//! use zoho_invoice::models::expenses::{ExpenseInput, ExpenseStatus};
//! use zoho_invoice::query::DateFilter;
//! use zoho_invoice::Client;
//! use zoho_invoice_transport::{ApiRequest, ApiResponse, Transport};
//!
//! // A hand-written transport standing in for the network.
//! struct Canned;
//!
//! #[async_trait::async_trait]
//! impl Transport for Canned {
//!     async fn send(&self, request: ApiRequest) -> Result<ApiResponse, zoho_invoice_transport::Error> {
//!         Ok(ApiResponse::json_ok(match request.method().as_str() {
//!             "POST" => r#"{"code": 0, "message": "The expense has been recorded.",
//!                 "expense": {"expense_id": "982000000030049", "amount": 112.5, "status": "unbilled"}}"#,
//!             _ => {
//!                 assert_eq!(request.uri().query(), Some("date_start=2024-01-01&date_end=2024-01-31"));
//!                 r#"{"code": 0, "message": "success", "expenses": [
//!                     {"expense_id": "982000000030049", "total": 112.5, "status": "unbilled"}]}"#
//!             }
//!         }))
//!     }
//! }
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let client = Client::new(Canned);
//! let account: zoho_invoice::models::ids::AccountId = "982000000561057".parse()?;
//! let day: zoho_invoice::models::NaiveDate = "2024-01-12".parse()?;
//! let lunch = ExpenseInput::new(account, day, "112.5".parse::<zoho_invoice::models::Decimal>()?);
//! let created = client.expenses().create(lunch).await?;
//! assert_eq!(created.status, Some(ExpenseStatus::Unbilled));
//!
//! let january = DateFilter::Between("2024-01-01".parse()?, "2024-01-31".parse()?);
//! let page = client.expenses().list().date(january).await?;
//! assert_eq!(page.records.len(), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # }).unwrap();
//! ```

use zoho_invoice_models::envelope::{Page, Record, Reply};
use zoho_invoice_models::expenses::{
    Expense, ExpenseCategory, ExpenseCategoryInput, ExpenseInput, ExpenseStatus,
};
use zoho_invoice_models::ids::{ContactId, ExpenseId};

use crate::endpoint::{Download, Upload};
use crate::macros::{handle, list_filter, resource, watchable};

resource! {
handle! {
    /// Expenses, their receipts, and expense categories.
    Expenses = expenses
}

operation! {
    /// Records an expense (`POST /expenses`).
    pub struct CreateExpense = ("Expenses", "Create an Expense", POST "/expenses") -> Record<Expense> as Expenses.create {
        /// The expense: `account_id` and `amount` are required.
        body expense: ExpenseInput,
    }
}

list_filter! {
    /// Filters of [`ListExpenses`].
    pub struct ExpenseFilter for ListExpenses.filter {
        /// By description (`description`, `description_startswith`, `description_contains`).
        text description,
        /// By reference number.
        text reference_number,
        /// By date (`date`, `date_start`, `date_end`, `date_before`, `date_after`).
        date date,
        /// By status: unbilled, invoiced, reimbursed, non-billable or billable.
        value status: ExpenseStatus,
        /// By amount (`amount_less_than`, ...).
        amount amount,
        /// By the name of the expense account (category).
        text account_name,
        /// By the name of the customer billed.
        text customer_name,
        /// By the customer billed.
        value customer_id: ContactId,
        /// By status: `Status.All`, `Status.Billable`, `Status.Nonbillable`,
        /// `Status.Reimbursed`, `Status.Invoiced` or `Status.Unbilled`.
        value filter_by: zoho_invoice_models::expenses::ExpenseFilterBy,
        /// By account name, description, customer name or reference number.
        value search_text: String,
        /// The column to sort by: `date`, `account_name`, `total`, `bcy_total`,
        /// `reference_number`, `customer_name` or `created_time`.
        value sort_column: zoho_invoice_models::expenses::ExpenseSortColumn,
        /// By the recurring expense that created it (from Zoho Books' OpenAPI document).
        value recurring_expense_id: zoho_invoice_models::ids::RecurringExpenseId,
        /// By the account it was paid from.
        value paid_through_account_id: zoho_invoice_models::ids::AccountId,
    }
}

operation! {
    /// Lists expenses, a page at a time (`GET /expenses`).
    pub struct ListExpenses = ("Expenses", "List expenses", GET "/expenses") -> Page<Expense> as Expenses.list {
        /// Filters, sort and paging.
        list filter: ExpenseFilter,
    }
}

operation! {
    /// Gets an expense (`GET /expenses/{expense_id}`).
    pub struct GetExpense = ("Expenses", "Get an expense", GET "/expenses/{expense_id}") -> Record<Expense> as Expenses.get {
        /// The expense.
        path expense_id: ExpenseId,
    }
}

operation! {
    /// Updates an expense (`PUT /expenses/{expense_id}`).
    pub struct UpdateExpense = ("Expenses", "Update an expense", PUT "/expenses/{expense_id}") -> Record<Expense> as Expenses.update {
        /// The expense.
        path expense_id: ExpenseId,
        /// Its new fields.
        body expense: ExpenseInput,
    }
}

operation! {
    /// Deletes an expense (`DELETE /expenses/{expense_id}`).
    pub struct DeleteExpense = ("Expenses", "Delete an expense", DELETE "/expenses/{expense_id}") -> Reply as Expenses.delete {
        /// The expense.
        path expense_id: ExpenseId,
    }
}

operation! {
    /// Attaches a receipt to an expense (`POST /expenses/{expense_id}/receipt`, multipart field
    /// `receipt`; gif, png, jpeg, jpg, bmp or pdf).
    ///
    /// Outside the reference's table of operations: not listed by
    /// [`operations`](crate::operations).
    pub struct AddExpenseReceipt = ("Expenses", "Add a receipt to an expense", POST "/expenses/{expense_id}/receipt") -> Reply as Expenses.add_receipt {
        /// The expense.
        path expense_id: ExpenseId,
        /// The receipt; its `field` must be `receipt` (see [`AddExpenseReceipt::receipt`]).
        upload receipt: Upload,
    }
}

impl AddExpenseReceipt {
    /// A receipt upload: the file under the form field `receipt`.
    pub fn receipt(
        file_name: impl Into<String>,
        content_type: impl Into<String>,
        bytes: impl Into<bytes::Bytes>,
    ) -> Upload {
        Upload::new("receipt", file_name, content_type, bytes)
    }
}

operation! {
    /// Downloads the receipt of an expense (`GET /expenses/{expense_id}/receipt`).
    ///
    /// Outside the reference's table of operations: not listed by
    /// [`operations`](crate::operations).
    pub struct GetExpenseReceipt = ("Expenses", "Get the receipt of an expense", GET "/expenses/{expense_id}/receipt") -> Download as Expenses.get_receipt {
        /// The expense.
        path expense_id: ExpenseId,
    }
}

list_filter! {
    /// Filters of [`ListExpenseCategories`].
    pub struct ExpenseCategoryFilter for ListExpenseCategories.filter {
        /// By status: `Status.All`, `Status.Active` or `Status.Inactive`.
        value filter_by: zoho_invoice_models::expenses::ExpenseCategoryFilterBy,
    }
}

operation! {
    /// Lists expense categories, a page at a time (`GET /expensecategories`).
    pub struct ListExpenseCategories = ("Expenses", "List expense categories", GET "/expensecategories") -> Page<ExpenseCategory> as Expenses.list_categories {
        /// Status filter, sort and paging.
        list filter: ExpenseCategoryFilter,
    }
}

operation! {
    /// Creates an expense category (`POST /expensecategories`).
    pub struct CreateExpenseCategory = ("Expenses", "Create an expense category", POST "/expensecategories") -> Record<ExpenseCategory> as Expenses.create_category {
        /// The category: `category_name` is required.
        body category: ExpenseCategoryInput,
    }
}


watchable! {
    ListExpenses => Expense {
        id: expense_id,
        last_modified: [last_modified_time],
        sort_column: zoho_invoice_models::expenses::ExpenseSortColumn::LastModifiedTime,
    }
}

operation! {
    /// Updates an expense named by a custom field's unique value (`PUT /expenses` with
    /// `X-Unique-Identifier-Key` and `-Value`; with [`UniqueField::upsert`](crate::UniqueField::upsert), creates it when none has the value).
    pub struct UpdateExpenseByCustomField = ("Expenses", "Update an expense using a custom field's unique value", PUT "/expenses") -> Record<Expense> as Expenses.update_by_custom_field {
        /// The custom field and its value.
        header unique: crate::UniqueField,
        /// The new fields.
        body expense: ExpenseInput,
    }
}

operation! {
    /// Deletes the receipt of an expense (`DELETE /expenses/{expense_id}/receipt`).
    pub struct DeleteExpenseReceipt = ("Expenses", "Delete a receipt", DELETE "/expenses/{expense_id}/receipt") -> Reply as Expenses.delete_receipt {
        /// The expense.
        path expense_id: ExpenseId,
    }
}

operation! {
    /// Lists the history and comments of an expense (`GET /expenses/{expense_id}/comments`).
    pub struct ListExpenseComments = ("Expenses", "List expense History & Comments", GET "/expenses/{expense_id}/comments") -> Page<zoho_invoice_models::common::Comment> as Expenses.list_comments {
        /// The expense.
        path expense_id: ExpenseId,
    }
}

crate::macros::whole_list!(ListExpenseComments);
}
