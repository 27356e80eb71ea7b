//! Zoho's error codes: the `code` of an answer's body, read with [`Error::code`].
//!
//! Code 0 is success; any other code is an error, whatever the HTTP status. These are the codes
//! the API reference names, with the message it gives for each. One code can mean different
//! things for different resources (1000 is an internal error, and for items a name that
//! exists already): read a code together with the operation it came from
//! ([`Error::operation`]).
//!
//! ```
//! use zoho_invoice_transport::{Error, ErrorKind, codes};
//!
//! fn explain(error: &Error) -> &'static str {
//!     match error.code() {
//!         Some(codes::DOES_NOT_EXIST) => "gone",
//!         Some(codes::NUMBER_EXISTS) => "pick another number",
//!         Some(codes::AMOUNT_EXCEEDS_BALANCE) => "pay less",
//!         _ => "something else",
//!     }
//! }
//! let error = Error::new(ErrorKind::Api {
//!     status: http::StatusCode::NOT_FOUND,
//!     code: Some(1002),
//!     message: "Invoice does not exist.".into(),
//!     retry_after: None,
//! });
//! assert_eq!(explain(&error), "gone");
//! assert!(error.is_not_found());
//! ```
//!
//! [`Error::code`]: crate::Error::code
//! [`Error::operation`]: crate::Error::operation

// Every resource.

/// Success: the only code that is not an error.
pub const SUCCESS: i64 = 0;
/// "Invalid URL": the path names no operation.
pub const INVALID_URL: i64 = 5;
/// "You are not authorized to perform this operation": the token lacks the scope (HTTP 401).
/// [`Error::is_unauthorized`](crate::Error::is_unauthorized) says so.
pub const NOT_AUTHORIZED: i64 = 57;
/// "Internal error" (HTTP 500); for items, also "The item name already exist".
pub const INTERNAL_ERROR: i64 = 1000;
/// "Invoice Number already exist", "Estimate Number already exist": the number is taken.
pub const NUMBER_EXISTS: i64 = 1001;
/// "Invoice does not exist", "Contact does not exist", ...: the record is not there (HTTP
/// 404). [`Error::is_not_found`](crate::Error::is_not_found) says so.
pub const DOES_NOT_EXIST: i64 = 1002;
/// "JSON is not well formed": the body is not the JSON the operation takes.
pub const JSON_NOT_WELL_FORMED: i64 = 1038;

// Items.

/// "Item does not exist".
pub const ITEM_DOES_NOT_EXIST: i64 = 2006;
/// "Estimate cannot be raised for items that have been deleted or marked as inactive".
pub const ITEM_INACTIVE: i64 = 2007;
/// "Items which are a part of other transactions cannot be deleted. Instead, mark them as
/// inactive".
pub const ITEM_IN_TRANSACTIONS: i64 = 2049;
/// "Product type cannot be changed for Items having transactions".
pub const ITEM_PRODUCT_TYPE_LOCKED: i64 = 2076;

// Contacts.

/// "This contact cannot be deleted since you have recorded transactions for it".
pub const CONTACT_HAS_TRANSACTIONS: i64 = 3000;
/// "The Customer field can neither be blank nor incorrect. Please enter a correct Customer".
pub const CUSTOMER_INVALID: i64 = 3004;
/// "The contact details of this invoice cannot be edited as the credits have been applied to
/// it".
pub const INVOICE_CONTACT_LOCKED_BY_CREDITS: i64 = 3009;
/// "The customer for this invoice cannot be changed because payments have been recorded for
/// this invoice".
pub const INVOICE_CUSTOMER_LOCKED_BY_PAYMENTS: i64 = 3010;
/// "Enter a valid Contact Name".
pub const CONTACT_NAME_INVALID: i64 = 3013;
/// "The contact already exists. Please specify a different name".
pub const CONTACT_EXISTS: i64 = 3062;
/// "This currency does not exist. Please choose a valid currency".
pub const CURRENCY_DOES_NOT_EXIST: i64 = 9004;
/// "Portal is disabled for your organization".
pub const PORTAL_DISABLED: i64 = 31006;

// Invoices, estimates, recurring invoices.

/// "Payments have been recorded for these invoices. Hence they cannot be deleted".
pub const INVOICE_HAS_PAYMENTS: i64 = 4001;
/// "Please enter a name for this Recurring Invoice".
pub const RECURRENCE_NAME_MISSING: i64 = 4031;
/// "Estimate status cannot be changed to Draft".
pub const ESTIMATE_CANNOT_BE_DRAFT: i64 = 4041;
/// "Please enter a valid retainer percentage. It should be greater than 0 and less than or
/// equal to 100".
pub const RETAINER_PERCENTAGE_INVALID: i64 = 9526;
/// "This invoice has credits applied to it. Hence, it cannot be deleted".
pub const INVOICE_HAS_CREDITS: i64 = 12008;

// Customer payments and retainer invoices.

/// "Retainer Invoices for which payments have been recorded cannot be deleted".
pub const RETAINER_HAS_PAYMENTS: i64 = 9520;
/// "Partial payment for retainer invoice is not allowed. Please record the full payment".
pub const RETAINER_PARTIAL_PAYMENT: i64 = 9521;
/// "Payment amount made to retainer invoice cannot be changed".
pub const RETAINER_PAYMENT_AMOUNT_LOCKED: i64 = 9523;
/// "Cannot modify Retainer Invoice amount, once the payment is recorded".
pub const RETAINER_AMOUNT_LOCKED: i64 = 9533;
/// "The amount entered is more than the balance due for this invoice".
pub const AMOUNT_EXCEEDS_BALANCE: i64 = 24016;

// Credit notes.

/// "Credit notes that are in closed status cannot be applied to invoices".
pub const CREDIT_NOTE_CLOSED: i64 = 12003;
/// "Credit notes that are in void status cannot be applied to invoices".
pub const CREDIT_NOTE_VOID: i64 = 12004;
/// "Credits cannot be applied to invoices in the draft status".
pub const CREDITS_ON_DRAFT_INVOICE: i64 = 12005;
/// "Credits cannot be applied to invoices in the closed status".
pub const CREDITS_ON_CLOSED_INVOICE: i64 = 12006;
/// "Credits cannot be applied to invoices in the void status".
pub const CREDITS_ON_VOID_INVOICE: i64 = 12007;
/// "The specified Credit Note Number already exists".
pub const CREDIT_NOTE_NUMBER_EXISTS: i64 = 12018;

// Expenses.

/// "Expenses that were converted to an invoice cannot be deleted".
pub const EXPENSE_INVOICED: i64 = 5001;
/// "Enter a valid expense amount".
pub const EXPENSE_AMOUNT_INVALID: i64 = 5015;
/// "Contact cannot be changed for an invoiced expense".
pub const EXPENSE_CONTACT_LOCKED: i64 = 5019;
/// "You cannot make this expense non-billable as it has been already invoiced".
pub const EXPENSE_BILLABLE_LOCKED: i64 = 5032;

// Projects and time entries.

/// "Please ensure that the amount is not negative".
pub const PROJECT_AMOUNT_NEGATIVE: i64 = 20004;
/// "This timesheet entry is already being timed".
pub const TIMER_RUNNING: i64 = 20050;
/// "This timesheet is being timed. Hence, it cannot be edited".
pub const TIME_ENTRY_BEING_TIMED: i64 = 20054;
/// "Expense has been recorded for this project. Hence, it cannot be deleted".
pub const PROJECT_HAS_EXPENSES: i64 = 20077;
