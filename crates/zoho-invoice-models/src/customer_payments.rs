//! Customer payments: money received from a customer and applied to one or more invoices
//! (`/customerpayments`), and refunds of a payment's excess amount.
//!
//! ```
//! use zoho_invoice_models::envelope::Record;
//! use zoho_invoice_models::customer_payments::{Payment, PaymentMode, PaymentRefundInput};
//!
//! let answer: Record<Payment> = serde_json::from_str(r#"{"code": 0, "message": "success",
//!     "payment": {"payment_id": "9030000079467", "payment_mode": "cash", "amount": 450.00,
//!     "invoices": [{"invoice_id": "90300000079426", "amount_applied": 450}]}}"#)?;
//! let payment = answer.record;
//! assert_eq!(payment.payment_mode, Some(PaymentMode::Cash));
//! assert_eq!(payment.amount.map(|a| a.to_string()).as_deref(), Some("450.00"));
//! assert_eq!(payment.invoices.map(|i| i.len()), Some(1));
//!
//! let day: chrono::NaiveDate = "2016-06-12".parse().unwrap();
//! let refund = PaymentRefundInput::new(day, 50).refund_mode("cash");
//! assert_eq!(serde_json::to_value(&refund)?, serde_json::json!({"date": "2016-06-12", "refund_mode": "cash", "amount": 50}));
//! # Ok::<(), serde_json::Error>(())
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::common::CustomField;
use crate::envelope::resource;
use crate::ids::{ContactId, InvoiceId, InvoicePaymentId, PaymentId, RefundId};
use crate::macros::{model, string_enum};
use crate::time::Timestamp;

string_enum! {
    /// How a payment was made.
    pub enum PaymentMode {
        /// By check.
        Check = "check",
        /// In cash.
        Cash = "cash",
        /// By credit card.
        CreditCard = "creditcard",
        /// By bank transfer.
        BankTransfer = "banktransfer",
        /// By bank remittance.
        BankRemittance = "bankremittance",
        /// Charged automatically through a payment gateway.
        AutoTransaction = "autotransaction",
        /// Any other way.
        Others = "others",
    }
}

string_enum! {
    /// Whether a payment went through.
    pub enum PaymentStatus {
        /// The payment succeeded.
        Success = "success",
        /// The payment failed.
        Failure = "failure",
    }
}

model! {
    /// An invoice a payment is applied to, as the API returns it.
    pub struct PaymentInvoice {
        /// The invoice.
        invoice_id: InvoiceId,
        /// The share of this payment on that invoice.
        invoice_payment_id: InvoicePaymentId,
        /// The invoice's number (`INV-384`).
        invoice_number: String,
        /// The invoice's date.
        date: NaiveDate,
        /// The invoice's total.
        invoice_amount: Decimal,
        /// The amount of this payment applied to the invoice.
        amount_applied: Decimal,
        /// What the invoice still owes.
        balance_amount: Decimal,
    }
}

model! {
    /// A customer payment, as the API returns it.
    pub struct Payment {
        /// The payment's id.
        @id payment_id: PaymentId,
        /// The payment's number.
        payment_number: String,
        /// How the payment was made (at most 100 characters).
        payment_mode: PaymentMode,
        /// The amount received.
        amount: Decimal,
        /// `amount` as Zoho displays it, with the currency's symbol and separators
        /// (`$1,275.25`).
        amount_formatted: String,
        /// The part of the amount not applied to any invoice (the retainer payments of the
        /// reference carry it; customer payments do too, though neither document lists it).
        unused_amount: Decimal,
        /// `unused_amount` as Zoho displays it, with the currency's symbol and separators
        /// (`$1,275.25`).
        unused_amount_formatted: String,
        /// The part of the amount refunded to the customer.
        refunded_amount: Decimal,
        /// `refunded_amount` as Zoho displays it, with the currency's symbol and separators
        /// (`$1,275.25`).
        refunded_amount_formatted: String,
        /// The amount in the organization's base currency.
        bcy_amount: Decimal,
        /// The amount refunded (only payments charged through a gateway are refunded to the card).
        amount_refunded: Decimal,
        /// Bank charges on the payment.
        bank_charges: Decimal,
        /// The rate from the customer's currency to the base currency.
        exchange_rate: Decimal,
        /// The day the payment was made.
        date: NaiveDate,
        /// Whether the payment went through.
        status: PaymentStatus,
        /// A reference of your choice (at most 100 characters).
        reference_number: String,
        /// A description of the payment.
        description: String,
        /// The gateway's transaction id, for online payments.
        online_transaction_id: String,
        /// The customer who paid.
        customer_id: ContactId,
        /// The customer's name (at most 100 characters).
        customer_name: String,
        /// The customer's email address.
        email: String,
        /// The number of the invoice paid (in lists).
        invoice_number: String,
        /// The invoices the payment is applied to.
        invoices: Vec<PaymentInvoice>,
        /// The payment's currency code.
        currency_code: String,
        /// The customer's currency symbol.
        currency_symbol: String,
        /// The payment's custom fields.
        custom_fields: Vec<CustomField>,
        /// When the record was created (sent by the live service; the reference's examples omit it).
        created_time: Timestamp,
        /// When the record last changed (sent by the live service; the reference's examples omit it).
        last_modified_time: Timestamp,
    }
}
resource!(Payment, "payment", "customerpayments", aliases ["customer_payments", "customerpayment", "customer_payment"]);

model! {
    /// An invoice to apply a payment to, in a create or update request.
    pub struct PaymentInvoiceInput {
        /// The invoice (required).
        @required invoice_id: InvoiceId,
        /// The existing share of the payment on the invoice (updates).
        invoice_payment_id: InvoicePaymentId,
        /// The amount applied to the invoice (required).
        @required amount_applied: Decimal,
    }
}

model! {
    /// The writable fields of a payment, to record one or update one (`customer_id`,
    /// `payment_mode`, `amount`, `date` and `invoices` required).
    pub struct PaymentInput {
        /// The customer who paid (required).
        @required customer_id: ContactId,
        /// How the payment was made (required; at most 100 characters).
        @required payment_mode: PaymentMode,
        /// The amount received (required).
        @required amount: Decimal,
        /// The day the payment was made (required).
        @required date: NaiveDate,
        /// A reference of your choice (at most 100 characters).
        reference_number: String,
        /// A description of the payment.
        description: String,
        /// The invoices the payment is applied to (required).
        @required invoices: Vec<PaymentInvoiceInput>,
        /// The rate from the customer's currency to the base currency (1 by default).
        exchange_rate: Decimal,
        /// Bank charges on the payment.
        bank_charges: Decimal,
        /// Custom field values, by `label` and `value`.
        custom_fields: Vec<CustomField>,
        /// The location (business branch) (from Zoho Books' document).
        location_id: crate::ids::GenericId,
        /// IDs of the contact personsthe thank you mail has to be triggered (from Zoho Books' document).
        contact_persons: Vec<crate::ids::ContactPersonId>,
        /// ID of the retainer invoice associated with the payment (from Zoho Books' document).
        retainerinvoice_id: crate::ids::RetainerInvoiceId,
    }
}

model! {
    /// A refund of a customer payment's excess amount.
    pub struct PaymentRefund {
        /// The refund's id.
        @id payment_refund_id: RefundId,
        /// The payment refunded.
        payment_id: PaymentId,
        /// The payment's number.
        payment_number: String,
        /// The day of the refund.
        date: NaiveDate,
        /// How the money went back (at most 50 characters).
        refund_mode: String,
        /// A reference of your choice (at most 100 characters).
        reference_number: String,
        /// The amount refunded.
        amount: Decimal,
        /// The rate from the payment's currency to the base currency.
        exchange_rate: Decimal,
        /// A description of the refund.
        description: String,
        /// The customer's name.
        customer_name: String,
        /// The amount in the base currency.
        amount_bcy: Decimal,
        /// The amount in the payment's currency.
        amount_fcy: Decimal,
    }
}
resource!(PaymentRefund, "payment_refund", "payment_refunds");

model! {
    /// The writable fields of a refund, to refund a payment's excess amount or update a
    /// refund (`date` and `amount` required).
    pub struct PaymentRefundInput {
        /// The day of the refund (required).
        @required date: NaiveDate,
        /// How the money goes back (at most 50 characters).
        refund_mode: String,
        /// A reference of your choice (at most 100 characters).
        reference_number: String,
        /// The amount refunded (required).
        @required amount: Decimal,
        /// The rate from the payment's currency to the base currency (1 by default).
        exchange_rate: Decimal,
        /// A description of the refund.
        description: String,
    }
}

string_enum! {
    /// The values of `filter_by` in a list's `CustomerPaymentFilter` (in `zoho-invoice`).
    pub enum CustomerPaymentFilterBy {
        /// `PaymentMode.All`.
        All = "PaymentMode.All",
        /// `PaymentMode.Check`.
        Check = "PaymentMode.Check",
        /// `PaymentMode.Cash`.
        Cash = "PaymentMode.Cash",
        /// `PaymentMode.BankTransfer`.
        BankTransfer = "PaymentMode.BankTransfer",
        /// `PaymentMode.Paypal`.
        PayPal = "PaymentMode.Paypal",
        /// `PaymentMode.CreditCard`.
        CreditCard = "PaymentMode.CreditCard",
        /// `PaymentMode.GoogleCheckout`.
        GoogleCheckout = "PaymentMode.GoogleCheckout",
        /// `PaymentMode.Credit`.
        Credit = "PaymentMode.Credit",
        /// `PaymentMode.Authorizenet`.
        AuthorizeNet = "PaymentMode.Authorizenet",
        /// `PaymentMode.BankRemittance`.
        BankRemittance = "PaymentMode.BankRemittance",
        /// `PaymentMode.Payflowpro`.
        PayflowPro = "PaymentMode.Payflowpro",
        /// `PaymentMode.Stripe`.
        Stripe = "PaymentMode.Stripe",
        /// `PaymentMode.TwoCheckout`.
        TwoCheckout = "PaymentMode.TwoCheckout",
        /// `PaymentMode.Braintree`.
        Braintree = "PaymentMode.Braintree",
        /// `PaymentMode.Others`.
        Others = "PaymentMode.Others",
    }
}

string_enum! {
    /// The values of `sort_column` in a list's `CustomerPaymentFilter` (in `zoho-invoice`).
    pub enum CustomerPaymentSortColumn {
        /// By `created_time`.
        CreatedTime = "created_time",
        /// By `last_modified_time`.
        LastModifiedTime = "last_modified_time",
    }
}
