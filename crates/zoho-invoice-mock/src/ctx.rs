//! What a handler sees of a request: the organization's data, path parameters, query, body.

use serde_json::Value;

use crate::body::{ParsedBody, Upload};
use crate::clock::{format_date, format_timestamp};
use crate::reply::ApiError;
use crate::state::{IdGen, Org, Record};

/// The representation the client asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// The JSON document (default).
    Json,
    /// A PDF file (`accept=pdf` or `Accept: application/pdf`).
    Pdf,
    /// An HTML page (`accept=html`).
    Html,
}

/// A request as handlers see it.
pub(crate) struct Ctx<'a> {
    pub(crate) org: &'a mut Org,
    pub(crate) ids: &'a IdGen,
    pub(crate) params: Vec<(&'static str, String)>,
    pub(crate) query: Vec<(String, String)>,
    pub(crate) body: ParsedBody,
    /// Seconds since 1970 on the server's clock.
    pub(crate) now: i64,
    pub(crate) format: Format,
    /// Organizations the request created (`POST /organizations`), added to the server's
    /// state once the handler is done with this one.
    pub(crate) new_orgs: Vec<Org>,
    /// The request's headers, names in lower case.
    pub(crate) headers: Vec<(String, String)>,
}

impl Ctx<'_> {
    /// A path parameter by name.
    pub(crate) fn param(&self, name: &str) -> &str {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// The first path parameter (the parent of a sub-resource).
    pub(crate) fn first_param(&self) -> &str {
        self.params.first().map_or("", |(_, v)| v.as_str())
    }

    /// The last path parameter (the record itself).
    pub(crate) fn last_param(&self) -> &str {
        self.params.last().map_or("", |(_, v)| v.as_str())
    }

    /// A header by its lower-case name.
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A query parameter.
    pub(crate) fn query(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as a JSON object (empty when there is none).
    pub(crate) fn input(&self) -> Result<Record, ApiError> {
        match &self.body.json {
            None => Ok(Record::new()),
            Some(Value::Object(m)) => Ok(m.clone()),
            Some(_) => Err(ApiError::bad(
                crate::reply::codes::BAD_JSON,
                "JSON is not well formed",
            )),
        }
    }

    /// An uploaded file by field name.
    pub(crate) fn upload(&self, field: &str) -> Option<&Upload> {
        self.body.files.iter().find(|f| f.field == field)
    }

    /// A new id.
    pub(crate) fn new_id(&self) -> String {
        self.ids.next()
    }

    /// Today on the server's clock.
    pub(crate) fn today(&self) -> String {
        format_date(self.now)
    }

    /// Now as a Zoho timestamp.
    pub(crate) fn timestamp(&self) -> String {
        format_timestamp(self.now)
    }

    /// Comma-separated ids from a query parameter or body field.
    pub(crate) fn id_list(&self, name: &str) -> Vec<String> {
        let raw = self.query(name).map(str::to_string).or_else(|| {
            let input = self.input().ok()?;
            match input.get(name)? {
                Value::Array(a) => Some(
                    a.iter()
                        .filter_map(|v| crate::state::text(Some(v)))
                        .collect::<Vec<_>>()
                        .join(","),
                ),
                v => crate::state::text(Some(v)),
            }
        });
        raw.unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    }
}
