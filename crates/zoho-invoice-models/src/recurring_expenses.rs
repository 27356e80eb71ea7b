//! Recurring expenses: expenses recorded again and again on a schedule (`/recurringexpenses`).
//!
//! ```
//! use zoho_invoice_models::envelope::Record;
//! use zoho_invoice_models::common::RecurrenceFrequency;
//! use zoho_invoice_models::recurring_expenses::{RecurringExpense, RecurringExpenseStatus};
//!
//! let answer: Record<RecurringExpense> = serde_json::from_str(r#"{"code": 0, "message": "success",
//!     "recurring_expense": {"recurring_expense_id": "982000000567240", "recurrence_name": "Monthly Rental",
//!         "recurrence_frequency": "months", "repeat_every": 1, "status": "active", "amount": 112.5}}"#)?;
//! let rent = answer.record;
//! assert_eq!(rent.recurrence_frequency, Some(RecurrenceFrequency::Months));
//! assert_eq!(rent.status, Some(RecurringExpenseStatus::Active));
//! assert_eq!(rent.repeat_every, Some(1));
//! # Ok::<(), serde_json::Error>(())
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;

use crate::common::CustomField;
use crate::common::{GstTreatment, RecurrenceFrequency, VatTreatment};
use crate::envelope::resource;
use crate::expenses::{
    ExpenseLineItem, ExpenseLineItemInput, ExpenseProductType, TaxTreatment, VatSummary,
};
use crate::ids::{
    AccountId, ContactId, CurrencyId, ExpenseId, GenericId, ProjectId, RecurringExpenseId, TaxId,
};
use crate::macros::{model, string_enum};
use crate::time::Timestamp;

string_enum! {
    /// Whether a recurring expense still creates expenses.
    pub enum RecurringExpenseStatus {
        /// Creating expenses on schedule.
        Active = "active",
        /// Stopped by a user; it can be resumed.
        Stopped = "stopped",
        /// Past its end date.
        Expired = "expired",
    }
}

model! {
    /// A recurring expense, as the API returns it.
    pub struct RecurringExpense {
        /// The recurring expense's id.
        @id recurring_expense_id: RecurringExpenseId,
        /// Its name (at most 100 characters).
        recurrence_name: String,
        /// The first day expenses are created for.
        start_date: NaiveDate,
        /// The day it expires; absent to run forever.
        end_date: NaiveDate,
        /// The unit of the interval.
        recurrence_frequency: RecurrenceFrequency,
        /// How many units between two expenses.
        repeat_every: u32,
        /// The date the last expense was created.
        last_created_date: NaiveDate,
        /// The date the next expense will be created.
        next_expense_date: NaiveDate,
        /// Whether it still creates expenses.
        status: RecurringExpenseStatus,
        /// Whether its expenses predate GST, 1 July 2017 (India).
        is_pre_gst: bool,
        /// Where the goods or services come from (India).
        source_of_supply: String,
        /// Where the goods or services are supplied to (India).
        destination_of_supply: String,
        /// Where the supply takes place for VAT (GCC: `DU`, `AE`, ...).
        place_of_supply: String,
        /// The vendor's 15-digit GST number (India).
        gst_no: String,
        /// The vendor's GST registration (India).
        gst_treatment: GstTreatment,
        /// The vendor's VAT position (GCC, Kenya, South Africa, Mexico).
        tax_treatment: TaxTreatment,
        /// The state they are supplied to (India).
        destination_of_supply_state: String,
        /// The HSN or SAC code (India, Kenya).
        hsn_or_sac: String,
        /// The vendor's VAT position (UK).
        vat_treatment: VatTreatment,
        /// The reverse charge tax applied.
        reverse_charge_tax_id: TaxId,
        /// That tax's name.
        reverse_charge_tax_name: String,
        /// That tax's percentage.
        reverse_charge_tax_percentage: Decimal,
        /// The amount of reverse charge tax.
        reverse_charge_tax_amount: Decimal,
        /// Whether reverse charge applies (India).
        is_reverse_charge_applied: bool,
        /// The acquisition VAT in total.
        acquisition_vat_total: Decimal,
        /// The reverse charge VAT in total.
        reverse_charge_vat_total: Decimal,
        /// Acquisition VAT by tax.
        acquisition_vat_summary: Vec<VatSummary>,
        /// Reverse charge VAT by tax.
        reverse_charge_vat_summary: Vec<VatSummary>,
        /// The expense account (category) its expenses are booked to.
        account_id: AccountId,
        /// That account's name.
        account_name: String,
        /// The amount of each expense.
        amount: Decimal,
        /// The amount before tax.
        sub_total: Decimal,
        /// The total of each expense.
        total: Decimal,
        /// The total in the base currency.
        bcy_total: Decimal,
        /// Goods, service or capital asset.
        product_type: ExpenseProductType,
        /// The acquisition VAT tax applied (EU goods, UK edition).
        acquisition_vat_id: TaxId,
        /// The reverse charge VAT tax applied (services from abroad).
        reverse_charge_vat_id: TaxId,
        /// The tax applied.
        tax_id: TaxId,
        /// The tax's name.
        tax_name: String,
        /// The tax's percentage.
        tax_percentage: Decimal,
        /// The tax on each expense.
        tax_amount: Decimal,
        /// What the expenses are for.
        description: String,
        /// Whether `amount` includes tax.
        is_inclusive_tax: bool,
        /// Whether its expenses can be billed to the customer.
        is_billable: bool,
        /// The customer they are billed to.
        customer_id: ContactId,
        /// That customer's name.
        customer_name: String,
        /// The currency.
        currency_id: CurrencyId,
        /// The currency's code (`USD`).
        currency_code: String,
        /// The exchange rate to the base currency.
        exchange_rate: Decimal,
        /// The customer's project the expenses belong to.
        project_id: ProjectId,
        /// That project's name.
        project_name: String,
        /// Custom fields.
        custom_fields: Vec<CustomField>,
        /// The business location.
        location_id: GenericId,
        /// That location's name.
        location_name: String,
        /// The expense's line.
        line_item: ExpenseLineItem,
        /// When it was created.
        created_time: Timestamp,
        /// When it was last changed.
        last_modified_time: Timestamp,
    }
}
resource!(RecurringExpense, "recurring_expense", "recurring_expenses");

model! {
    /// A page of recurring expenses whose `page_context` is not the usual object (the
    /// reference shows a list of the applied sort and filters); kept as sent. A page with the
    /// usual context decodes as `Page<RecurringExpense>` too.
    pub struct RecurringExpenseList {
        /// Zoho's code: 0 on success.
        code: i64,
        /// Zoho's message.
        message: String,
        /// The recurring expenses.
        recurring_expenses: Vec<RecurringExpense>,
        /// The sort and filters applied, as sent.
        page_context: Value,
    }
}

model! {
    /// The writable fields of a recurring expense, to create one (`account_id`,
    /// `recurrence_name`, `start_date`, `recurrence_frequency`, `repeat_every` and `amount`
    /// required) or update one.
    pub struct RecurringExpenseInput {
        /// The expense account (category) its expenses are booked to.
        @required account_id: AccountId,
        /// Its name (at most 100 characters).
        @required recurrence_name: String,
        /// The first day expenses are created for (not before today).
        @required start_date: NaiveDate,
        /// The day it expires; leave out to run forever.
        end_date: NaiveDate,
        /// The unit of the interval.
        @required recurrence_frequency: RecurrenceFrequency,
        /// How many units between two expenses.
        @required repeat_every: u32,
        /// The vendor's GST number (India).
        gst_no: String,
        /// Where the goods or services come from (India).
        source_of_supply: String,
        /// Where the goods or services are supplied to (India).
        destination_of_supply: String,
        /// Where the supply takes place for VAT (GCC).
        place_of_supply: String,
        /// The reverse charge tax applied.
        reverse_charge_tax_id: TaxId,
        /// The business location.
        location_id: GenericId,
        /// The lines of the expense.
        line_items: Vec<ExpenseLineItemInput>,
        /// The amount of each expense.
        @required amount: Decimal,
        /// The vendor's VAT position (UK).
        vat_treatment: VatTreatment,
        /// The vendor's VAT position (GCC, Kenya, South Africa, Mexico).
        tax_treatment: TaxTreatment,
        /// Goods, service or capital asset.
        product_type: ExpenseProductType,
        /// The acquisition VAT tax applied (EU goods, UK edition).
        acquisition_vat_id: TaxId,
        /// The reverse charge VAT tax applied (services from abroad).
        reverse_charge_vat_id: TaxId,
        /// The tax applied.
        tax_id: TaxId,
        /// Whether `amount` includes tax.
        is_inclusive_tax: bool,
        /// Whether its expenses can be billed to the customer.
        is_billable: bool,
        /// The customer they are billed to.
        customer_id: ContactId,
        /// The customer's project the expenses belong to.
        project_id: ProjectId,
        /// The currency.
        currency_id: CurrencyId,
        /// The exchange rate to the base currency.
        exchange_rate: Decimal,
        /// Custom fields.
        custom_fields: Vec<CustomField>,
    }
}

/// The values of `filter_by` in a list's `RecurringExpenseFilter` (in `zoho-invoice`).
pub type RecurringExpenseFilterBy = crate::common::RecurrenceFilterBy;

string_enum! {
    /// The values of `sort_column` in a list's `RecurringExpenseFilter` (in `zoho-invoice`).
    pub enum RecurringExpenseSortColumn {
        /// By `next_expense_date`.
        NextExpenseDate = "next_expense_date",
        /// By `account_name`.
        AccountName = "account_name",
        /// By `total`.
        Total = "total",
        /// By `last_created_date`.
        LastCreatedDate = "last_created_date",
        /// By `recurrence_name`.
        RecurrenceName = "recurrence_name",
        /// By `customer_name`.
        CustomerName = "customer_name",
        /// By `created_time`.
        CreatedTime = "created_time",
        /// By `last_modified_time`.
        LastModifiedTime = "last_modified_time",
    }
}

model! {
    /// An expense a recurring expense created (`GET /recurringexpenses/{recurring_expense_id}/expenses`;
    /// from Zoho Books' OpenAPI document, which Zoho Invoice shares).
    pub struct ChildExpense {
        /// The expense.
        @id expense_id: ExpenseId,
        /// Its date.
        date: NaiveDate,
        /// The expense account's name.
        account_name: String,
        /// The customer's name.
        customer_name: String,
        /// The total.
        total: Decimal,
        /// Its status (`unbilled`, `invoiced`, `reimbursed`, `nonbillable`).
        status: String,
        /// The vendor's name.
        vendor_name: String,
        /// The name of the account it was paid from.
        paid_through_account_name: String,
    }
}
resource!(ChildExpense, "expense", "expensehistory");
