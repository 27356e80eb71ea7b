//! Every operation built from sample inputs, for the crate's table-driven tests: the harness
//! walks [`samples`](crate::samples) instead of a list of its own, so an operation is one
//! declaration (and one row of the endpoint table), never a third line in a test. Not part of
//! the public API.

use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use zoho_invoice_transport::{ApiRequest, ApiResponse};

use crate::Error;
use crate::call::Returned;
use crate::endpoint::{Endpoint, FromResponse, Operation, Upload};
use crate::query::{BulkIds, DocumentFormat, DownloadOptions};

/// The id every sample path and bulk call names first.
pub const ID: &str = "460000000000001";

/// A value built from sample inputs: the required fields of every input set.
pub trait Sample: Sized {
    /// The sample, or `None` when the samples cannot make one.
    fn sample() -> Option<Self>;
}

/// The one object every sample input is decoded from: it names every field an input of the
/// API requires (the fields an input does not name stay in its `extra`).
fn sample_object() -> Value {
    json!({
        "account_id": ID, "amount": 1, "amount_applied": 1, "billing_type": "based_on_task_hours",
        "contact_id": ID, "contact_name": "Bowman and Co", "customer_id": ID, "date": "2024-01-01",
        "description": "A comment", "first_name": "Will", "invoice_id": ID, "invoices": [],
        "line_items": [], "log_date": "2024-01-01", "name": "Hard Drive", "payment_mode": "cash",
        "pricebook_type": "per_item", "project_id": ID, "project_name": "Network", "rate": 1,
        "recurrence_frequency": "months", "recurrence_name": "Rent", "repeat_every": 1,
        "start_date": "2024-01-01", "task_id": ID, "task_name": "Painting", "user_id": ID,
        "can_send_in_mail": true, "currency_code": "EUR", "currency_format": "1,234,567.89",
        "effective_date": "2024-01-01", "email": "will@bowman.example", "portal_name": "bowman",
        "time_zone": "Etc/UTC", "tax_name": "VAT", "tax_percentage": 12.5,
        "tax_group_name": "Sales", "taxes": ID, "tax_authority_name": "Revenue",
        "tax_exemption_code": "RESELLER", "type": "customer",
    })
}

/// Inputs, ids and lists: an input from the sample object, an id from the sample id, a list
/// of one sample object.
impl<T: DeserializeOwned> Sample for T {
    fn sample() -> Option<Self> {
        serde_json::from_value(sample_object())
            .or_else(|_| serde_json::from_value(Value::String(ID.to_owned())))
            .or_else(|_| serde_json::from_value(Value::Array(vec![sample_object()])))
            .ok()
    }
}

/// Two ids.
impl<K, const LIMIT: usize> Sample for BulkIds<K, LIMIT> {
    fn sample() -> Option<Self> {
        let ids = [ID, "460000000000002"].map(|id| id.parse().ok());
        Some(Self::new(ids.into_iter().collect::<Option<Vec<_>>>()?))
    }
}

/// The custom field `cf_sample` with a value.
impl Sample for crate::UniqueField {
    fn sample() -> Option<Self> {
        Some(Self::new("cf_sample", "sample"))
    }
}

/// A PDF.
impl Sample for DownloadOptions {
    fn sample() -> Option<Self> {
        Some(DocumentFormat::Pdf.into())
    }
}

/// A small PNG under the field `attachment` (the receipt's operation names its own field).
impl Sample for Upload {
    fn sample() -> Option<Self> {
        Some(Upload::new(
            "attachment",
            "receipt.png",
            "image/png",
            &b"\x89PNG"[..],
        ))
    }
}

/// One operation built from samples: what it is, the request it makes, and how its answers
/// decode.
pub struct Sampled {
    /// The operation.
    pub operation: Operation,
    /// The request its sample makes (`None` when the samples could not build it).
    pub request: Option<Result<ApiRequest, Error>>,
    /// Decodes an answer into the operation's output and takes out what a handle returns;
    /// `true` when the output is hollow (its record has none of its named fields and some
    /// unnamed ones).
    pub decode: fn(&str) -> Result<bool, Error>,
}

impl Sampled {
    /// `E` built from samples.
    pub fn of<E>() -> Self
    where
        E: Endpoint + Sample,
        E::Output: Returned,
    {
        Self {
            operation: E::OPERATION,
            request: E::sample().map(|operation| operation.request()),
            decode: decode::<E>,
        }
    }
}

fn decode<E: Endpoint>(body: &str) -> Result<bool, Error>
where
    E::Output: Returned,
{
    let response = ApiResponse::new(http::StatusCode::OK, body.to_owned());
    let answer = E::Output::from_response(&E::OPERATION, response)?;
    let hollow = answer.is_hollow();
    answer.returned(&E::OPERATION).map(|_| hollow)
}
