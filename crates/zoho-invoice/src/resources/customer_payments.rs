//! Customer payments (`/customerpayments`): money received from a customer and applied to
//! invoices, and refunds of a payment's excess amount.
//!
//! Recording a payment moves the balance and status of the invoices it is applied to
//! (`partially_paid`, then `paid`); deleting it moves them back.
//!
//! ```
//! use zoho_invoice::query::{AmountFilter, TextFilter};
//! use zoho_invoice::Client;
//! use zoho_invoice_transport::{ApiRequest, ApiResponse, Transport};
//!
//! // A hand-written transport standing in for the network.
//! struct Canned;
//!
//! #[async_trait::async_trait]
//! impl Transport for Canned {
//!     async fn send(&self, request: ApiRequest) -> Result<ApiResponse, zoho_invoice_transport::Error> {
//!         assert_eq!(request.path(), "/customerpayments");
//!         let query = request.uri().query().unwrap_or_default();
//!         assert_eq!(query, "customer_name_startswith=Bow&amount_greater_equals=100");
//!         Ok(ApiResponse::json_ok(r#"{"code": 0, "message": "success",
//!             "customerpayments": [{"payment_id": "9030000079467", "customer_name": "Bowman & Co",
//!                                   "payment_mode": "cash", "amount": 450.00}],
//!             "page_context": {"page": 1, "per_page": 200, "has_more_page": false}}"#))
//!     }
//! }
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let client = Client::new(Canned);
//! let page = client
//!     .customer_payments()
//!     .list()
//!     .customer_name(TextFilter::StartsWith("Bow".into()))
//!     .amount(AmountFilter::GreaterEquals(100.into()))
//!     .await?;
//! assert_eq!(page.records[0].amount.map(|a| a.to_string()).as_deref(), Some("450.00"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # }).unwrap();
//! ```

use zoho_invoice_models::customer_payments::{
    Payment, PaymentInput, PaymentRefund, PaymentRefundInput,
};
use zoho_invoice_models::envelope::{Page, Record, Reply};
use zoho_invoice_models::ids::{PaymentId, RefundId};

use crate::macros::{handle, list_filter, resource, watchable};

resource! {
handle! {
    /// Customer payments and their refunds.
    CustomerPayments = customer_payments
}

list_filter! {
    /// Filters of [`ListCustomerPayments`].
    pub struct CustomerPaymentFilter for ListCustomerPayments.filter {
        /// By customer name (`customer_name`, `_startswith`, `_contains`).
        text customer_name,
        /// By reference number.
        text reference_number,
        /// By the day of the payment.
        date date,
        /// By amount (`amount_less_than`, ...).
        amount amount,
        /// By notes.
        text notes,
        /// By payment mode, as text (`payment_mode_startswith`, ...).
        text payment_mode,
        /// By mode: `PaymentMode.All`, `PaymentMode.Check`, `PaymentMode.Cash`,
        /// `PaymentMode.BankTransfer`, `PaymentMode.CreditCard`, ...
        value filter_by: zoho_invoice_models::customer_payments::CustomerPaymentFilterBy,
        /// The column to sort by.
        value sort_column: zoho_invoice_models::customer_payments::CustomerPaymentSortColumn,
        /// By reference number, customer name or description.
        value search_text: String,
        /// By customer (from Zoho Books' OpenAPI document).
        value customer_id: zoho_invoice_models::ids::ContactId,
    }
}

list_filter! {
    /// Sort and paging of [`ListCustomerPaymentRefunds`].
    pub struct CustomerPaymentRefundFilter for ListCustomerPaymentRefunds.filter {}
}

operation! {
    /// Records a payment and applies it to invoices (`POST /customerpayments`).
    pub struct CreateCustomerPayment = ("Customer Payments", "Create a payment", POST "/customerpayments") -> Record<Payment> as CustomerPayments.create {
        /// The payment (`customer_id`, `payment_mode`, `amount`, `date` and `invoices`
        /// required).
        body payment: PaymentInput,
    }
}

operation! {
    /// Lists customer payments, a page at a time (`GET /customerpayments`).
    pub struct ListCustomerPayments = ("Customer Payments", "List Customer Payments", GET "/customerpayments") -> Page<Payment> as CustomerPayments.list {
        /// Filters, sort and paging.
        list filter: CustomerPaymentFilter,
    }
}

operation! {
    /// Updates a payment (`PUT /customerpayments/{payment_id}`).
    pub struct UpdateCustomerPayment = ("Customer Payments", "Update a payment", PUT "/customerpayments/{payment_id}") -> Record<Payment> as CustomerPayments.update {
        /// The payment.
        path payment_id: PaymentId,
        /// Its new fields.
        body payment: PaymentInput,
    }
}

operation! {
    /// Gets a payment (`GET /customerpayments/{payment_id}`).
    pub struct GetCustomerPayment = ("Customer Payments", "Retrieve a payment", GET "/customerpayments/{payment_id}") -> Record<Payment> as CustomerPayments.get {
        /// The payment.
        path payment_id: PaymentId,
    }
}

operation! {
    /// Deletes a payment (`DELETE /customerpayments/{payment_id}`); the invoices it paid owe
    /// the amount again.
    pub struct DeleteCustomerPayment = ("Customer Payments", "Delete a payment", DELETE "/customerpayments/{payment_id}") -> Reply as CustomerPayments.delete {
        /// The payment.
        path payment_id: PaymentId,
    }
}

operation! {
    /// Refunds the excess amount of a payment
    /// (`POST /customerpayments/{customer_payment_id}/refunds`).
    pub struct RefundCustomerPayment = ("Customer Payments", "Refund an excess customer payment", POST "/customerpayments/{customer_payment_id}/refunds") -> Page<PaymentRefund> as CustomerPayments.refund {
        /// The payment.
        path payment_id: PaymentId,
        /// The refund (`date` and `amount` required).
        body refund: PaymentRefundInput,
    }
}

operation! {
    /// Lists the refunds of a payment (`GET /customerpayments/{customer_payment_id}/refunds`).
    pub struct ListCustomerPaymentRefunds = ("Customer Payments", "List refunds of a customer payment", GET "/customerpayments/{customer_payment_id}/refunds") -> Page<PaymentRefund> as CustomerPayments.list_refunds {
        /// The payment.
        path payment_id: PaymentId,
        /// Sort and paging.
        list filter: CustomerPaymentRefundFilter,
    }
}

operation! {
    /// Updates a refund of a payment
    /// (`PUT /customerpayments/{customer_payment_id}/refunds/{refund_id}`).
    pub struct UpdateCustomerPaymentRefund = ("Customer Payments", "Update a refund", PUT "/customerpayments/{customer_payment_id}/refunds/{refund_id}") -> Page<PaymentRefund> as CustomerPayments.update_refund {
        /// The payment.
        path payment_id: PaymentId,
        /// The refund.
        path refund_id: RefundId,
        /// Its new fields.
        body refund: PaymentRefundInput,
    }
}

operation! {
    /// Gets a refund of a payment
    /// (`GET /customerpayments/{customer_payment_id}/refunds/{refund_id}`).
    pub struct GetCustomerPaymentRefund = ("Customer Payments", "Details of a refund", GET "/customerpayments/{customer_payment_id}/refunds/{refund_id}") -> Record<PaymentRefund> as CustomerPayments.get_refund {
        /// The payment.
        path payment_id: PaymentId,
        /// The refund.
        path refund_id: RefundId,
    }
}

operation! {
    /// Deletes a refund of a payment
    /// (`DELETE /customerpayments/{customer_payment_id}/refunds/{refund_id}`).
    pub struct DeleteCustomerPaymentRefund = ("Customer Payments", "Delete a Refund", DELETE "/customerpayments/{customer_payment_id}/refunds/{refund_id}") -> Reply as CustomerPayments.delete_refund {
        /// The payment.
        path payment_id: PaymentId,
        /// The refund.
        path refund_id: RefundId,
    }
}


watchable! {
    ListCustomerPayments => Payment {
        id: payment_id,
        last_modified: [last_modified_time],
        created: created_time,
        sort_column: zoho_invoice_models::customer_payments::CustomerPaymentSortColumn::LastModifiedTime,
    }
}


operation! {
    /// Updates a payment named by a custom field's unique value (`PUT /customerpayments` with
    /// `X-Unique-Identifier-Key` and `-Value`; with [`UniqueField::upsert`](crate::UniqueField::upsert), creates it when none has the value).
    pub struct UpdateCustomerPaymentByCustomField = ("Customer Payments", "Update a payment using a custom field's unique value", PUT "/customerpayments") -> Record<Payment> as CustomerPayments.update_by_custom_field {
        /// The custom field and its value.
        header unique: crate::UniqueField,
        /// The new fields.
        body payment: PaymentInput,
    }
}

operation! {
    /// Sets custom fields of a payment (`PUT /customerpayment/{customer_payment_id}/customfields`; the path's first segment is singular, as Zoho documents it).
    pub struct UpdateCustomerPaymentCustomFields = ("Customer Payments", "Update custom field in existing customerpayments", PUT "/customerpayment/{customer_payment_id}/customfields") -> Reply as CustomerPayments.update_custom_fields {
        /// The payment.
        path payment_id: PaymentId,
        /// The fields (`customfield_id` and `value`).
        body custom_fields: Vec<zoho_invoice_models::common::CustomField>,
    }
}

operation! {
    /// Deletes several payments at once (`DELETE /customerpayments?payment_id=...&bulk_delete=true`).
    pub struct BulkDeleteCustomerPayments = ("Customer Payments", "Bulk delete Customer payments", DELETE "/customerpayments") -> Reply as CustomerPayments.bulk_delete {
        /// The payments.
        query payments: PaymentsToDelete,
    }
}

/// The payments of [`BulkDeleteCustomerPayments`], sent as `payment_id=1,2,3&bulk_delete=true`
/// (an empty list is refused before sending).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentsToDelete(pub crate::query::BulkIds<zoho_invoice_models::ids::kind::Payment>);

impl From<Vec<PaymentId>> for PaymentsToDelete {
    fn from(ids: Vec<PaymentId>) -> Self {
        Self(crate::query::BulkIds::new(ids))
    }
}

/// Two payments.
impl crate::sample::Sample for PaymentsToDelete {
    fn sample() -> Option<Self> {
        crate::query::BulkIds::sample().map(Self)
    }
}

impl crate::query::ToQuery for PaymentsToDelete {
    fn to_query(&self, query: &mut crate::query::Query) -> Result<(), crate::Error> {
        self.0.to_query(query)?;
        query.push("bulk_delete", "true");
        Ok(())
    }
}
}
