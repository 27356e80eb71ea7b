//! Expenses: money spent by the organization, billable to a customer or not (`/expenses`),
//! and the expense categories they are booked to (`/expensecategories`).
//!
//! ```
//! use zoho_invoice_models::envelope::Record;
//! use zoho_invoice_models::expenses::{Expense, ExpenseInput, ExpenseStatus};
//!
//! let answer: Record<Expense> = serde_json::from_str(r#"{"code": 0, "message": "The expense has been recorded.",
//!     "expense": {"expense_id": 982000000030049, "account_name": "Rent", "total": 100.00,
//!                 "status": "unbilled", "date": "2013-11-18"}}"#)?;
//! assert_eq!(answer.record.status, Some(ExpenseStatus::Unbilled));
//! assert_eq!(answer.record.total.map(|t| t.to_string()).as_deref(), Some("100.00"));
//!
//! let account: zoho_invoice_models::ids::AccountId = "982000000561057".parse().unwrap();
//! let day: chrono::NaiveDate = "2013-11-18".parse().unwrap();
//! let amount: rust_decimal::Decimal = "112.5".parse().unwrap();
//! let input = ExpenseInput::new(account, day, amount).is_billable(true);
//! assert_eq!(serde_json::to_value(&input)?, serde_json::json!({"account_id": "982000000561057", "date": "2013-11-18", "amount": 112.5, "is_billable": true}));
//! # Ok::<(), serde_json::Error>(())
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::common::TaxAmount;
use crate::common::{GstTreatment, VatTreatment};
use crate::envelope::resource;
use crate::ids::{
    AccountId, ContactId, CurrencyId, EmployeeId, ExpenseCategoryId, ExpenseId, GenericId,
    InvoiceId, ItemId, LineItemId, ProjectId, TaxExemptionId, TaxId,
};
use crate::macros::{model, string_enum};
use crate::time::Timestamp;

string_enum! {
    /// Where an expense stands with regard to billing.
    pub enum ExpenseStatus {
        /// Billable and not yet on an invoice.
        Unbilled = "unbilled",
        /// Billed to the customer on an invoice.
        Invoiced = "invoiced",
        /// Paid back to the person who spent it.
        Reimbursed = "reimbursed",
        /// Not to be billed to anyone.
        NonBillable = "non-billable",
        /// Billable.
        Billable = "billable",
    }
}

string_enum! {
    /// The VAT position of the vendor (GCC, Kenya, South Africa and Mexico editions).
    pub enum TaxTreatment {
        /// Registered for VAT.
        VatRegistered = "vat_registered",
        /// Not registered for VAT.
        VatNotRegistered = "vat_not_registered",
        /// Registered for VAT in another GCC country.
        GccVatRegistered = "gcc_vat_registered",
        /// Not registered for VAT, in another GCC country.
        GccVatNotRegistered = "gcc_vat_not_registered",
        /// Outside the GCC.
        NonGcc = "non_gcc",
        /// Registered for VAT in a designated zone (UAE).
        DzVatRegistered = "dz_vat_registered",
        /// Not registered for VAT, in a designated zone (UAE).
        DzVatNotRegistered = "dz_vat_not_registered",
        /// Outside Kenya.
        NonKenya = "non_kenya",
        /// Outside the country (South Africa).
        Overseas = "overseas",
    }
}

string_enum! {
    /// Whether an expense buys goods, services or capital assets (UK and South Africa editions).
    pub enum ExpenseProductType {
        /// Goods.
        Goods = "goods",
        /// A service.
        Service = "service",
        /// A digital service (UK).
        DigitalService = "digital_service",
        /// A capital service (South Africa).
        CapitalService = "capital_service",
        /// Capital goods (South Africa).
        CapitalGoods = "capital_goods",
    }
}

model! {
    /// A line of a tax summary: either the tax under `tax`, or its name and amount directly.
    pub struct VatSummary {
        /// The tax and its amount, when sent nested.
        tax: TaxAmount,
        /// The tax's name, when sent flat.
        tax_name: String,
        /// The amount of the tax, when sent flat.
        tax_amount: Decimal,
    }
}

model! {
    /// A line of an itemized expense (or the single line of a recurring expense).
    pub struct ExpenseLineItem {
        /// The line's id.
        line_item_id: LineItemId,
        /// The expense account the line is booked to.
        account_id: AccountId,
        /// That account's name.
        account_name: String,
        /// The item on this line.
        item_id: ItemId,
        /// The line's name.
        name: String,
        /// What the line is for.
        description: String,
        /// The line's amount.
        amount: Decimal,
        /// The unit price.
        rate: Decimal,
        /// The quantity.
        quantity: Decimal,
        /// The unit.
        unit: String,
        /// The tax applied to the line.
        tax_id: TaxId,
        /// The tax's name.
        tax_name: String,
        /// The tax's type.
        tax_type: String,
        /// The tax's percentage.
        tax_percentage: Decimal,
        /// The tax levied on the line.
        tax_amount: Decimal,
        /// The line's total.
        item_total: Decimal,
        /// The line's position.
        item_order: u32,
        /// Goods, service or capital asset.
        product_type: ExpenseProductType,
        /// The HSN or SAC code (India).
        hsn_or_sac: String,
        /// The acquisition VAT tax applied (EU goods, UK edition).
        acquisition_vat_id: TaxId,
        /// The reverse charge VAT tax applied (services from abroad).
        reverse_charge_vat_id: TaxId,
        /// The reverse charge tax applied.
        reverse_charge_tax_id: TaxId,
        /// That tax's name.
        reverse_charge_tax_name: String,
        /// That tax's percentage.
        reverse_charge_tax_percentage: Decimal,
        /// The amount of reverse charge tax.
        reverse_charge_tax_amount: Decimal,
        /// The tax exemption code.
        tax_exemption_code: String,
        /// The tax exemption applied.
        tax_exemption_id: TaxExemptionId,
    }
}

model! {
    /// An expense, as the API returns it.
    pub struct Expense {
        /// The expense's id.
        @id expense_id: ExpenseId,
        /// The transaction behind the expense.
        transaction_id: GenericId,
        /// The kind of transaction (`expense`).
        transaction_type: String,
        /// The expense item or component.
        expense_item_id: GenericId,
        /// The vendor's 15-digit GST number (India).
        gst_no: String,
        /// The vendor's GST registration (India).
        gst_treatment: GstTreatment,
        /// The vendor's VAT position (UK).
        vat_treatment: VatTreatment,
        /// The vendor's VAT position (GCC, Kenya, South Africa, Mexico).
        tax_treatment: TaxTreatment,
        /// Where the goods or services are supplied to (India).
        destination_of_supply: String,
        /// The state they are supplied to (India).
        destination_of_supply_state: String,
        /// The HSN or SAC code (India).
        hsn_or_sac: String,
        /// Where the goods or services come from (India).
        source_of_supply: String,
        /// The account the expense was paid from.
        paid_through_account_name: String,
        /// The VAT registration number.
        vat_reg_no: String,
        /// The reverse charge tax applied.
        reverse_charge_tax_id: TaxId,
        /// That tax's name (India).
        reverse_charge_tax_name: String,
        /// That tax's percentage (India).
        reverse_charge_tax_percentage: Decimal,
        /// The amount of reverse charge tax (India).
        reverse_charge_tax_amount: Decimal,
        /// The tax on the expense.
        tax_amount: Decimal,
        /// Whether the expense has several lines.
        is_itemized_expense: bool,
        /// Whether the expense predates GST, 1 July 2017 (India).
        is_pre_gst: bool,
        /// The trip the expense belongs to.
        trip_id: GenericId,
        /// That trip's number.
        trip_number: String,
        /// The reverse charge VAT in total.
        reverse_charge_vat_total: Decimal,
        /// The acquisition VAT in total.
        acquisition_vat_total: Decimal,
        /// Acquisition VAT by tax.
        acquisition_vat_summary: Vec<VatSummary>,
        /// Reverse charge VAT by tax.
        reverse_charge_vat_summary: Vec<VatSummary>,
        /// The expense account (category) it is booked to.
        account_id: AccountId,
        /// That account's name.
        account_name: String,
        /// The expense's date.
        date: NaiveDate,
        /// The tax applied.
        tax_id: TaxId,
        /// The tax's name.
        tax_name: String,
        /// The tax's percentage.
        tax_percentage: Decimal,
        /// The currency.
        currency_id: CurrencyId,
        /// The currency's code (`USD`).
        currency_code: String,
        /// The exchange rate to the base currency.
        exchange_rate: Decimal,
        /// The amount before tax.
        sub_total: Decimal,
        /// The total.
        total: Decimal,
        /// The total in the base currency.
        bcy_total: Decimal,
        /// The amount entered.
        amount: Decimal,
        /// Whether `amount` includes tax.
        is_inclusive_tax: bool,
        /// The reference number (at most 100 characters).
        reference_number: String,
        /// What the expense is for (at most 100 characters).
        description: String,
        /// Whether it can be billed to the customer.
        is_billable: bool,
        /// Whether it is a personal expense.
        is_personal: bool,
        /// The customer it is billed to.
        customer_id: ContactId,
        /// That customer's name.
        customer_name: String,
        /// The receipt's file name.
        expense_receipt_name: String,
        /// The receipt's file type.
        expense_receipt_type: String,
        /// When it was last changed.
        last_modified_time: Timestamp,
        /// Where it stands with regard to billing.
        status: ExpenseStatus,
        /// The invoice it was billed on.
        invoice_id: InvoiceId,
        /// That invoice's number.
        invoice_number: String,
        /// The customer's project it belongs to.
        project_id: ProjectId,
        /// That project's name.
        project_name: String,
        /// Goods, service or capital asset.
        product_type: ExpenseProductType,
        /// The acquisition VAT tax applied (EU goods, UK edition).
        acquisition_vat_id: TaxId,
        /// The reverse charge VAT tax applied (services from abroad).
        reverse_charge_vat_id: TaxId,
        /// The lines of an itemized expense.
        line_items: Vec<ExpenseLineItem>,
        /// The rate per unit of distance (mileage expenses).
        mileage_rate: Decimal,
        /// How mileage is recorded (`non_mileage`, ...).
        mileage_type: String,
        /// The unit of distance (`km`, `mile`).
        mileage_unit: String,
        /// The distance travelled.
        distance: Decimal,
        /// `mileage` or `non-mileage`.
        expense_type: String,
        /// The odometer reading at the start (odometer mileage).
        start_reading: Decimal,
        /// The odometer reading at the end (odometer mileage).
        end_reading: Decimal,
        /// The employee who claims the mileage.
        employee_id: EmployeeId,
        /// The vehicle's type (UK mileage).
        vehicle_type: String,
        /// Whether VAT on mileage can be reclaimed (UK).
        can_reclaim_vat_on_mileage: bool,
        /// The fuel (UK mileage).
        fuel_type: String,
        /// The engine's size band (UK mileage).
        engine_capacity_range: String,
        /// The place of supply is where a transaction is considered to have occurred for VAT purposes (from Zoho Books' document).
        place_of_supply: String,
        /// The location (business branch) (from Zoho Books' document).
        location_id: crate::ids::GenericId,
        /// The location's name (from Zoho Books' document).
        location_name: String,
    }
}
resource!(Expense, "expense", "expenses");

model! {
    /// A line of an itemized expense, to send.
    pub struct ExpenseLineItemInput {
        /// The line to change (updates).
        line_item_id: LineItemId,
        /// The expense account the line is booked to.
        account_id: AccountId,
        /// The item on this line.
        item_id: ItemId,
        /// A new name for the line.
        name: String,
        /// What the line is for.
        description: String,
        /// The line's amount.
        amount: Decimal,
        /// The unit price.
        rate: Decimal,
        /// The quantity.
        quantity: Decimal,
        /// The unit.
        unit: String,
        /// The tax applied to the line.
        tax_id: TaxId,
        /// The line's position.
        item_order: u32,
        /// Goods, service or capital asset.
        product_type: ExpenseProductType,
        /// The acquisition VAT tax applied (EU goods, UK edition).
        acquisition_vat_id: TaxId,
        /// The reverse charge VAT tax applied (services from abroad).
        reverse_charge_vat_id: TaxId,
        /// The reverse charge tax applied.
        reverse_charge_tax_id: TaxId,
        /// The tax exemption code.
        tax_exemption_code: String,
        /// The tax exemption applied.
        tax_exemption_id: TaxExemptionId,
    }
}

model! {
    /// The writable fields of an expense, to create one (`account_id`, `date` and `amount`
    /// required) or update one.
    pub struct ExpenseInput {
        /// The expense account (category) it is booked to.
        @required account_id: AccountId,
        /// The expense's date.
        @required date: NaiveDate,
        /// The amount.
        @required amount: Decimal,
        /// The tax applied.
        tax_id: TaxId,
        /// Whether `amount` includes tax.
        is_inclusive_tax: bool,
        /// Where the goods or services come from (India).
        source_of_supply: String,
        /// Where the goods or services are supplied to (India).
        destination_of_supply: String,
        /// The HSN or SAC code (India).
        hsn_or_sac: String,
        /// The vendor's GST number (India).
        gst_no: String,
        /// The reverse charge tax applied.
        reverse_charge_tax_id: TaxId,
        /// The lines of an itemized expense.
        line_items: Vec<ExpenseLineItemInput>,
        /// Whether it can be billed to the customer.
        is_billable: bool,
        /// The reference number (at most 100 characters).
        reference_number: String,
        /// What the expense is for (at most 100 characters).
        description: String,
        /// The customer it is billed to.
        customer_id: ContactId,
        /// The currency.
        currency_id: CurrencyId,
        /// The exchange rate to the base currency.
        exchange_rate: Decimal,
        /// The customer's project it belongs to.
        project_id: ProjectId,
        /// How mileage is recorded (`non_mileage`, ...).
        mileage_type: String,
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
        /// The odometer reading at the start (odometer mileage).
        start_reading: Decimal,
        /// The odometer reading at the end (odometer mileage).
        end_reading: Decimal,
        /// The distance travelled.
        distance: Decimal,
        /// The unit of distance (`km`, `mile`).
        mileage_unit: String,
        /// The rate per unit of distance.
        mileage_rate: Decimal,
        /// The employee who claims the mileage.
        employee_id: EmployeeId,
        /// The vehicle's type (UK mileage).
        vehicle_type: String,
        /// Whether VAT on mileage can be reclaimed (UK).
        can_reclaim_vat_on_mileage: bool,
        /// The fuel (UK mileage).
        fuel_type: String,
        /// The engine's size band (UK mileage).
        engine_capacity_range: String,
        /// The place of supply is where a transaction is considered to have occurred for VAT purposes (from Zoho Books' document).
        place_of_supply: String,
        /// The location (business branch) (from Zoho Books' document).
        location_id: crate::ids::GenericId,
        /// Taxes (from Zoho Books' document).
        taxes: Vec<serde_json::Value>,
        /// Search expenses by paid through account id (from Zoho Books' document).
        paid_through_account_id: crate::ids::AccountId,
        /// Custom fields for an expense (from Zoho Books' document).
        custom_fields: Vec<crate::common::CustomField>,
    }
}

model! {
    /// An expense category (`/expensecategories`).
    pub struct ExpenseCategory {
        /// The category's id.
        category_id: ExpenseCategoryId,
        /// The category's name.
        category_name: String,
        /// What the category is for.
        description: String,
        /// `active` or `inactive`.
        status: String,
        /// The account of the chart of accounts behind the category, where the API names it.
        account_id: AccountId,
        /// That account's name.
        account_name: String,
    }
}
resource!(ExpenseCategory, "expense_category", "expense_categories");

model! {
    /// The fields of a new expense category.
    pub struct ExpenseCategoryInput {
        /// The category's name (required).
        category_name: String,
        /// What the category is for.
        description: String,
    }
}

string_enum! {
    /// The values of `filter_by` in a list's `ExpenseFilter` (in `zoho-invoice`).
    pub enum ExpenseFilterBy {
        /// `Status.All`.
        All = "Status.All",
        /// `Status.Billable`.
        Billable = "Status.Billable",
        /// `Status.Nonbillable`.
        NonBillable = "Status.Nonbillable",
        /// `Status.Reimbursed`.
        Reimbursed = "Status.Reimbursed",
        /// `Status.Invoiced`.
        Invoiced = "Status.Invoiced",
        /// `Status.Unbilled`.
        Unbilled = "Status.Unbilled",
    }
}

string_enum! {
    /// The values of `sort_column` in a list's `ExpenseFilter` (in `zoho-invoice`).
    pub enum ExpenseSortColumn {
        /// By `date`.
        Date = "date",
        /// By `account_name`.
        AccountName = "account_name",
        /// By `total`.
        Total = "total",
        /// By `bcy_total`.
        BcyTotal = "bcy_total",
        /// By `reference_number`.
        ReferenceNumber = "reference_number",
        /// By `customer_name`.
        CustomerName = "customer_name",
        /// By `created_time`.
        CreatedTime = "created_time",
        /// By `last_modified_time`.
        LastModifiedTime = "last_modified_time",
    }
}

/// The values of `filter_by` in a list's `ExpenseCategoryFilter` (in `zoho-invoice`).
pub type ExpenseCategoryFilterBy = crate::common::ActiveFilterBy;
