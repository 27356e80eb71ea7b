//! Recurring invoices (`/recurringinvoices`): profiles that raise an invoice at a fixed
//! interval, which can be stopped and resumed, with their PDF template and their history.
//!
//! ```
//! use zoho_invoice::models::common::RecurrenceFrequency;
//! use zoho_invoice::models::recurring_invoices::{RecurringInvoiceInput, RecurringInvoiceStatus};
//! use zoho_invoice::Client;
//! use zoho_invoice_transport::{ApiRequest, ApiResponse, Transport};
//!
//! // A hand-written transport standing in for the network.
//! struct Canned;
//!
//! #[async_trait::async_trait]
//! impl Transport for Canned {
//!     async fn send(&self, request: ApiRequest) -> Result<ApiResponse, zoho_invoice_transport::Error> {
//!         Ok(ApiResponse::json_ok(match (request.method().as_str(), request.path()) {
//!             ("POST", "/recurringinvoices") => r#"{"code": 0, "message": "created",
//!                 "recurring_invoice": {"recurring_invoice_id": "90300000072369",
//!                 "recurrence_name": "Hosting", "status": "active"}}"#,
//!             ("POST", "/recurringinvoices/90300000072369/status/stop") => {
//!                 r#"{"code": 0, "message": "The recurring invoice has been stopped."}"#
//!             }
//!             ("GET", "/recurringinvoices/90300000072369") => r#"{"code": 0, "message": "success",
//!                 "recurring_invoice": {"recurring_invoice_id": "90300000072369", "status": "stopped"}}"#,
//!             other => panic!("unexpected call {other:?}"),
//!         }))
//!     }
//! }
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let client = Client::new(Canned);
//! let customer: zoho_invoice::models::ids::ContactId = "903000000000099".parse()?;
//! let hosting = RecurringInvoiceInput::new("Hosting", customer, RecurrenceFrequency::Months);
//! let created = client.recurring_invoices().create(hosting).await?;
//! let recurring_invoice_id = created.recurring_invoice_id;
//!
//! assert!(client.recurring_invoices().stop(&recurring_invoice_id).await?.is_success());
//! let got = client.recurring_invoices().get(&recurring_invoice_id).await?;
//! assert_eq!(got.status, Some(RecurringInvoiceStatus::Stopped));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # }).unwrap();
//! ```

use zoho_invoice_models::common::Comment;
use zoho_invoice_models::envelope::{Page, Record, Reply};
use zoho_invoice_models::ids::{RecurringInvoiceId, TemplateId};
use zoho_invoice_models::recurring_invoices::{RecurringInvoice, RecurringInvoiceInput};

use crate::macros::{handle, list_filter, resource};

resource! {
handle! {
    /// Recurring invoices, their template and history.
    RecurringInvoices = recurring_invoices
}

operation! {
    /// Creates a recurring invoice (`POST /recurringinvoices`).
    pub struct CreateRecurringInvoice = ("Recurring Invoices", "Create a Recurring Invoice", POST "/recurringinvoices") -> Record<RecurringInvoice> as RecurringInvoices.create {
        /// The profile: `recurrence_name`, `customer_id` and `recurrence_frequency` are
        /// required.
        body recurring_invoice: RecurringInvoiceInput,
    }
}

list_filter! {
    /// Filters of [`ListRecurringInvoices`].
    pub struct RecurringInvoiceFilter for ListRecurringInvoices.filter {
        /// By status: `Status.All`, `Status.Active`, `Status.Stopped` or `Status.Expired`.
        value filter_by: zoho_invoice_models::recurring_invoices::RecurringInvoiceFilterBy,
        /// By invoice number, purchase order or customer name.
        value search_text: String,
        /// The column to sort by.
        value sort_column: zoho_invoice_models::recurring_invoices::RecurringInvoiceSortColumn,
        /// By profile name (from Zoho Books' OpenAPI document, as the fields below).
        value recurrence_name: String,
        /// By the name of an item on it (`item_name`, `_startswith`, `_contains`).
        text item_name,
        /// By the description of an item on it.
        text item_description,
        /// By customer name.
        value customer_name: String,
        /// By a line of it.
        value line_item_id: zoho_invoice_models::ids::LineItemId,
        /// By an item on it.
        value item_id: zoho_invoice_models::ids::ItemId,
        /// By a tax on it.
        value tax_id: zoho_invoice_models::ids::TaxId,
        /// By its notes.
        value notes: String,
        /// By the day it starts.
        value start_date: zoho_invoice_models::NaiveDate,
        /// By the day it ends.
        value end_date: zoho_invoice_models::NaiveDate,
        /// By customer.
        value customer_id: zoho_invoice_models::ids::ContactId,
        /// By status (`active`, `stopped`, `expired`).
        value status: zoho_invoice_models::recurring_invoices::RecurringInvoiceStatus,
    }
}

operation! {
    /// Lists recurring invoices, a page at a time (`GET /recurringinvoices`).
    pub struct ListRecurringInvoices = ("Recurring Invoices", "List Recurring Invoice", GET "/recurringinvoices") -> Page<RecurringInvoice> as RecurringInvoices.list {
        /// Filters, sort and paging.
        list filter: RecurringInvoiceFilter,
    }
}

operation! {
    /// Updates a recurring invoice (`PUT /recurringinvoices/{recurring_invoice_id}`).
    pub struct UpdateRecurringInvoice = ("Recurring Invoices", "Update Recurring Invoice", PUT "/recurringinvoices/{recurring_invoice_id}") -> Record<RecurringInvoice> as RecurringInvoices.update {
        /// The profile.
        path recurring_invoice_id: RecurringInvoiceId,
        /// Its new fields.
        body recurring_invoice: RecurringInvoiceInput,
    }
}

operation! {
    /// Gets a recurring invoice (`GET /recurringinvoices/{recurring_invoice_id}`).
    pub struct GetRecurringInvoice = ("Recurring Invoices", "Get a Recurring Invoice", GET "/recurringinvoices/{recurring_invoice_id}") -> Record<RecurringInvoice> as RecurringInvoices.get {
        /// The profile.
        path recurring_invoice_id: RecurringInvoiceId,
    }
}

operation! {
    /// Deletes a recurring invoice (`DELETE /recurringinvoices/{recurring_invoice_id}`); the
    /// invoices it raised stay.
    pub struct DeleteRecurringInvoice = ("Recurring Invoices", "Delete a Recurring Invoice", DELETE "/recurringinvoices/{recurring_invoice_id}") -> Reply as RecurringInvoices.delete {
        /// The profile.
        path recurring_invoice_id: RecurringInvoiceId,
    }
}

operation! {
    /// Stops an active recurring invoice: it raises no invoice until resumed
    /// (`POST /recurringinvoices/{recurring_invoice_id}/status/stop`).
    pub struct StopRecurringInvoice = ("Recurring Invoices", "Stop a Recurring Invoice", POST "/recurringinvoices/{recurring_invoice_id}/status/stop") -> Reply as RecurringInvoices.stop {
        /// The profile.
        path recurring_invoice_id: RecurringInvoiceId,
    }
}

operation! {
    /// Resumes a stopped recurring invoice
    /// (`POST /recurringinvoices/{recurring_invoice_id}/status/resume`).
    pub struct ResumeRecurringInvoice = ("Recurring Invoices", "Resume a Recurring Invoice", POST "/recurringinvoices/{recurring_invoice_id}/status/resume") -> Reply as RecurringInvoices.resume {
        /// The profile.
        path recurring_invoice_id: RecurringInvoiceId,
    }
}

operation! {
    /// Changes the PDF template of the invoices a profile raises
    /// (`PUT /recurringinvoices/{recurring_invoice_id}/templates/{template_id}`).
    pub struct UpdateRecurringInvoiceTemplate = ("Recurring Invoices", "Update Recurring Invoice template", PUT "/recurringinvoices/{recurring_invoice_id}/templates/{template_id}") -> Reply as RecurringInvoices.update_template {
        /// The profile.
        path recurring_invoice_id: RecurringInvoiceId,
        /// The template to use from now on.
        path template_id: TemplateId,
    }
}

list_filter! {
    /// Sort and paging of [`ListRecurringInvoiceHistory`].
    pub struct RecurringInvoiceHistoryFilter for ListRecurringInvoiceHistory.filter {}
}

operation! {
    /// Lists the history and comments of a recurring invoice
    /// (`GET /recurringinvoices/{recurring_invoice_id}/comments`).
    pub struct ListRecurringInvoiceHistory = ("Recurring Invoices", "List Recurring Invoice History", GET "/recurringinvoices/{recurring_invoice_id}/comments") -> Page<Comment> as RecurringInvoices.list_history {
        /// The profile.
        path recurring_invoice_id: RecurringInvoiceId,
        /// Sort and paging.
        list filter: RecurringInvoiceHistoryFilter,
    }
}

operation! {
    /// Updates a recurring invoice named by a custom field's unique value (`PUT /recurringinvoices` with
    /// `X-Unique-Identifier-Key` and `-Value`; with [`UniqueField::upsert`](crate::UniqueField::upsert), creates it when none has the value).
    pub struct UpdateRecurringInvoiceByCustomField = ("Recurring Invoices", "Update a recurring invoice using a custom field's unique value", PUT "/recurringinvoices") -> Record<zoho_invoice_models::recurring_invoices::RecurringInvoice> as RecurringInvoices.update_by_custom_field {
        /// The custom field and its value.
        header unique: crate::UniqueField,
        /// The new fields.
        body recurring_invoice: zoho_invoice_models::recurring_invoices::RecurringInvoiceInput,
    }
}
}
