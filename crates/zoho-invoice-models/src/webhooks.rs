//! The JSON Zoho Invoice posts to a webhook: one object whose top-level key names the record
//! (`invoice`, `estimate`, `contact`, `customerpayment`, ...), decoded into a typed
//! [`WebhookEvent`].
//!
//! A key this crate does not know is kept as [`WebhookEvent::Other`], and every other
//! top-level field of the payload in [`Webhook::extra`], so that encoding gives the payload
//! back as it came.
//!
//! ```
//! use zoho_invoice_models::webhooks::{Webhook, WebhookEvent};
//!
//! let body = br#"{"invoice": {"invoice_id": "982000000567114", "invoice_number": "INV-00003",
//!                             "status": "sent", "total": 40.60}}"#;
//! let webhook = Webhook::from_slice(body)?;
//! match &webhook.event {
//!     WebhookEvent::Invoice { record: invoice, .. } => {
//!         assert_eq!(invoice.invoice_id.as_str(), "982000000567114");
//!         assert_eq!(invoice.invoice_number.as_deref(), Some("INV-00003"));
//!     }
//!     other => panic!("an invoice was posted, not {}", other.key()),
//! }
//! assert_eq!(webhook.event.key(), "invoice");
//! # Ok::<(), zoho_invoice_models::webhooks::WebhookError>(())
//! ```

use std::fmt;

use serde::de::DeserializeOwned;
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::extra::{Extra, RawJson};
use crate::lenient::Encoded;
use crate::raw::{RawText, kind_of};

/// Declares the events: each variant, its record type, and the keys Zoho posts it under (the
/// first is the usual one).
macro_rules! events {
    ($( $(#[$meta:meta])* $variant:ident($ty:ty) = [$($key:literal),+] ),+ $(,)?) => {
        /// The record a webhook carries, by the key it came under.
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum WebhookEvent {
            $(
                $(#[$meta])*
                $variant {
                    /// The key it came under.
                    key: String,
                    /// The record.
                    record: Box<$ty>,
                },
            )+
            /// A key this crate does not know, with its value as it came.
            Other {
                /// The key.
                key: String,
                /// The value, as it came.
                value: RawJson,
            },
        }

        impl WebhookEvent {
            /// The key the record came under (`invoice`).
            pub fn key(&self) -> &str {
                match self {
                    $( Self::$variant { key, .. } => key, )+
                    Self::Other { key, .. } => key,
                }
            }

            /// The event of `raw` under `key`, if the key names a known record.
            fn known(key: &str, raw: &str) -> Result<Option<Self>, WebhookError> {
                $(
                    if [$($key),+].contains(&key) {
                        let record = record::<$ty>(key, raw)?;
                        return Ok(Some(Self::$variant { key: key.to_owned(), record: Box::new(record) }));
                    }
                )+
                Ok(None)
            }

            /// The record as JSON, in the form it came.
            fn raw(&self) -> Result<Box<RawValue>, serde_json::Error> {
                match self {
                    $( Self::$variant { record, .. } => serde_json::value::to_raw_value(&Encoded(record.as_ref())), )+
                    Self::Other { value, .. } => serde_json::value::to_raw_value(value),
                }
            }
        }
    };
}

events! {
    /// An invoice (`invoice`).
    Invoice(crate::invoices::Invoice) = ["invoice"],
    /// An estimate (`estimate`).
    Estimate(crate::estimates::Estimate) = ["estimate"],
    /// A contact (`contact`).
    Contact(crate::contacts::Contact) = ["contact"],
    /// A customer payment (`customerpayment`, also `customer_payment` and `payment`).
    CustomerPayment(crate::customer_payments::Payment) = ["customerpayment", "customer_payment", "payment"],
    /// A credit note (`creditnote`).
    CreditNote(crate::credit_notes::CreditNote) = ["creditnote", "credit_note"],
    /// A recurring invoice (`recurring_invoice`).
    RecurringInvoice(crate::recurring_invoices::RecurringInvoice) = ["recurring_invoice", "recurringinvoice"],
    /// A retainer invoice (`retainerinvoice`).
    RetainerInvoice(crate::retainer_invoices::RetainerInvoice) = ["retainerinvoice", "retainer_invoice"],
    /// An expense (`expense`).
    Expense(crate::expenses::Expense) = ["expense"],
    /// An item (`item`).
    Item(crate::items::Item) = ["item"],
    /// A project (`project`).
    Project(crate::projects::Project) = ["project"],
    /// A time entry (`time_entry`).
    TimeEntry(crate::time_entries::TimeEntry) = ["time_entry"],
}

/// Reads the record under `key`: an object, decoded as `T`.
fn record<T: DeserializeOwned>(key: &str, raw: &str) -> Result<T, WebhookError> {
    match kind_of(raw) {
        "an object" => serde_json::from_str(raw).map_err(|e| WebhookError::new(key, e.to_string())),
        kind => Err(WebhookError::new(
            key,
            format!("it is {kind}, not a record"),
        )),
    }
}

/// A webhook's payload: the record it carries, and the payload's other top-level fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Webhook {
    /// The record, by the key it came under: the first key of the payload that names a known
    /// record, or else the payload's only key.
    pub event: WebhookEvent,
    /// The payload's other top-level fields, as they came.
    pub extra: Extra,
}

impl Webhook {
    /// Decodes a webhook's body.
    pub fn from_slice(body: &[u8]) -> Result<Self, WebhookError> {
        let payload: &RawValue =
            serde_json::from_slice(body).map_err(|e| WebhookError::new("", e.to_string()))?;
        Self::from_text(payload.get())
    }

    /// Decodes a webhook's payload already parsed as JSON (whose numbers serde_json has made
    /// binary: prefer [`from_slice`](Self::from_slice) to keep their digits).
    pub fn from_value(value: Value) -> Result<Self, WebhookError> {
        Self::from_text(&value.to_string())
    }

    /// Decodes the payload's text.
    fn from_text(text: &str) -> Result<Self, WebhookError> {
        let kind = kind_of(text);
        if kind != "an object" {
            return Err(WebhookError::new(
                "",
                format!("the payload is {kind}, not an object"),
            ));
        }
        let fields: Extra =
            serde_json::from_str(text).map_err(|e| WebhookError::new("", e.to_string()))?;
        Self::from_fields(fields)
    }

    /// The event among the payload's fields; the others are kept.
    fn from_fields(mut fields: Extra) -> Result<Self, WebhookError> {
        let mut event = None;
        for (key, raw) in fields.iter() {
            if let Some(known) = WebhookEvent::known(key, raw)? {
                event = Some((key.to_owned(), known));
                break;
            }
        }
        let event = match event {
            Some((key, event)) => {
                fields.remove(&key);
                event
            }
            None if fields.len() == 1 => {
                let key = fields.keys().next().unwrap_or_default().to_owned();
                let value = fields
                    .remove(&key)
                    .ok_or_else(|| WebhookError::new("", "the payload has no key".to_owned()))?;
                return Ok(Self {
                    event: WebhookEvent::Other {
                        key,
                        value: RawJson::from_text(value),
                    },
                    extra: Extra::new(),
                });
            }
            None => {
                let keys: Vec<&str> = fields.keys().collect();
                return Err(WebhookError::new(
                    "",
                    format!("no key names a record (the payload has {keys:?})"),
                ));
            }
        };
        Ok(Self {
            event,
            extra: fields,
        })
    }
}

impl<'de> Deserialize<'de> for Webhook {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Self::from_fields(Extra::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

impl Serialize for Webhook {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(1 + self.extra.len()))?;
        let raw = self.event.raw().map_err(serde::ser::Error::custom)?;
        map.serialize_entry(self.event.key(), &raw)?;
        for (k, v) in self.extra.iter() {
            map.serialize_entry(k, &RawText(v))?;
        }
        map.end()
    }
}

/// A webhook payload that could not be read: the key (empty for the payload itself) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookError {
    key: String,
    reason: String,
}

impl WebhookError {
    fn new(key: &str, reason: String) -> Self {
        Self {
            key: key.to_owned(),
            reason,
        }
    }

    /// The key whose value could not be read (empty for the payload itself).
    pub fn key(&self) -> &str {
        &self.key
    }
}

impl fmt::Display for WebhookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.key.is_empty() {
            write!(f, "webhook payload: {}", self.reason)
        } else {
            write!(f, "webhook payload, `{}`: {}", self.key, self.reason)
        }
    }
}

impl std::error::Error for WebhookError {}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn each_key_gives_its_event_and_encodes_back_as_it_came() {
        let cases = [
            (
                json!({"invoice": {"invoice_id": "1", "total": 40.6}}),
                "Invoice",
            ),
            (json!({"estimate": {"estimate_id": "2"}}), "Estimate"),
            (
                json!({"contact": {"contact_id": "3", "contact_name": "Bowman"}}),
                "Contact",
            ),
            (
                json!({"customerpayment": {"payment_id": "4"}}),
                "CustomerPayment",
            ),
            (json!({"creditnote": {"creditnote_id": "5"}}), "CreditNote"),
            (
                json!({"recurring_invoice": {"recurring_invoice_id": "6"}}),
                "RecurringInvoice",
            ),
            (
                json!({"retainerinvoice": {"retainerinvoice_id": "7"}}),
                "RetainerInvoice",
            ),
            (json!({"expense": {"expense_id": "8"}}), "Expense"),
            (json!({"item": {"item_id": "9"}}), "Item"),
            (json!({"project": {"project_id": "10"}}), "Project"),
            (json!({"time_entry": {"time_entry_id": "11"}}), "TimeEntry"),
            (json!({"salesorder": {"salesorder_id": "12"}}), "Other"),
            (
                json!({"invoice": {"invoice_id": "1"}, "organization_id": "10234695"}),
                "Invoice",
            ),
        ];
        for (payload, variant) in cases {
            let webhook = Webhook::from_value(payload.clone()).expect("decodes");
            let debug = format!("{:?}", webhook.event);
            assert!(debug.starts_with(variant), "{payload}: {debug}");
            assert_eq!(serde_json::to_value(&webhook).expect("encodes"), payload);
        }
    }

    #[test]
    fn a_payload_that_is_not_a_record_is_an_error_that_says_why() {
        let cases = [
            (
                json!({"invoice": "INV-1"}),
                "`invoice`: it is a string, not a record",
            ),
            (
                json!({"invoice": {"total": 1}}),
                "`invoice`: missing field `invoice_id`",
            ),
            (json!([1, 2]), "the payload is a list, not an object"),
            (json!({"a": 1, "b": 2}), "no key names a record"),
        ];
        for (payload, expected) in cases {
            let error = Webhook::from_value(payload.clone()).expect_err("refused");
            assert!(error.to_string().contains(expected), "{payload}: {error}");
        }
        assert!(Webhook::from_slice(b"{not json").is_err());
    }

    #[test]
    fn the_keys_live_invoice_payloads_carry_are_named() {
        let payload = json!({"invoice": {
            "invoice_id": "1", "estimate_id": "2", "created_by_id": "3",
            "bcy_total": "118.00", "bcy_sub_total": 100, "bcy_tax_total": 18, "bcy_discount_total": 0,
            "bcy_shipping_charge": 0, "bcy_adjustment": 0, "discount_total": 0, "discount_percent": 0,
            "contact_persons_details": [{"contact_person_id": "4", "email": "will@bowman.example"}],
            "line_items": [{"line_item_id": "5", "purchase_rate": 60, "cost_amount": 60}]
        }});
        let webhook = Webhook::from_value(payload.clone()).expect("decodes");
        let WebhookEvent::Invoice { record, .. } = &webhook.event else {
            panic!("an invoice: {:?}", webhook.event);
        };
        // Every key is named; the one amount sent as a string is kept as sent.
        assert_eq!(record.extra.keys().collect::<Vec<_>>(), ["bcy_total"]);
        assert_eq!(
            record.bcy_total.map(|t| t.to_string()).as_deref(),
            Some("118.00")
        );
        let line = &record.line_items.as_ref().expect("lines")[0];
        assert!(line.extra.is_empty(), "unnamed: {:?}", line.extra);
        assert_eq!(
            serde_json::to_value(&webhook).expect("encodes")["invoice"]["bcy_sub_total"],
            100
        );
    }
}
