//! The stored data: organizations, each with its tables of JSON records and its number series.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};

use serde_json::{Map, Value, json};

use crate::body::Upload;
use crate::table::{RecordMut, Table};

/// One stored record: a JSON object named as the reference names it.
pub(crate) type Record = Map<String, Value>;

/// The first id handed out: 18 digits, like Zoho's.
const FIRST_ID: u64 = 982_000_000_000_100_000;

/// Hands out ids: 18-digit decimal strings, unique across the server.
#[derive(Debug)]
pub(crate) struct IdGen(AtomicU64);

impl IdGen {
    pub(crate) fn new() -> Self {
        Self(AtomicU64::new(FIRST_ID))
    }

    /// The next id.
    pub(crate) fn next(&self) -> String {
        self.0.fetch_add(1, Ordering::Relaxed).to_string()
    }
}

/// The id of the user the server's tokens belong to, in every organization.
pub(crate) const CURRENT_USER_ID: &str = "982000000554041";

/// One organization's data.
#[derive(Debug, Default)]
pub(crate) struct Org {
    /// The organization record (`organization_id`, `name`, ...).
    pub(crate) info: Record,
    tables: HashMap<&'static str, Table>,
    numbers: HashMap<&'static str, u64>,
    /// Uploaded files by document id.
    pub(crate) files: HashMap<String, Upload>,
    /// The time of the request being handled (seconds since 1970), see [`Org::catch_up`].
    now: i64,
}

impl Org {
    pub(crate) fn new(id: &str, name: &str) -> Self {
        let info = json!({
            "organization_id": id,
            "name": name,
            "contact_name": "John David",
            "email": "johndavid@zylker.com",
            "is_default_org": false,
            "version": "invoice",
            "plan_type": 0,
            "plan_name": "FREE",
            "currency_id": "982000000000190",
            "currency_code": "USD",
            "currency_symbol": "$",
            "currency_format": "###,##0.00",
            "price_precision": 2,
            "time_zone": "Etc/UTC",
            "language_code": "en",
            "fiscal_year_start_month": 0,
            "account_created_date": "2016-02-18",
            "is_org_active": true,
        });
        let Value::Object(info) = info else {
            unreachable!("a JSON object literal")
        };
        let mut org = Self {
            info,
            ..Self::default()
        };
        // The user the server's tokens belong to (`GET /users/me`): an active admin.
        if let Value::Object(me) = json!({
            "user_id": CURRENT_USER_ID,
            "name": "John David",
            "email": "johndavid@zylker.com",
            "email_ids": [{"email": "johndavid@zylker.com", "is_selected": true}],
            "user_role": "admin",
            "status": "active",
            "is_current_user": true,
        }) {
            org.table("users").insert(CURRENT_USER_ID.to_owned(), me);
        }
        crate::resources::settings::seed_settings(&mut org);
        org
    }

    /// A table, created empty on first use. Ids sort in creation order (equal length).
    pub(crate) fn table(&mut self, name: &'static str) -> &mut Table {
        self.tables
            .entry(name)
            .or_insert_with(|| Table::new(crate::resources::defs::derive(name), self.now))
    }

    /// A read-only view of a table.
    pub(crate) fn rows(&self, name: &str) -> impl Iterator<Item = &Record> {
        self.tables.get(name).into_iter().flat_map(Table::values)
    }

    /// A table, if it has been used.
    pub(crate) fn find_table(&self, name: &str) -> Option<&Table> {
        self.tables.get(name)
    }

    /// A table, if it has been used, to change.
    pub(crate) fn find_table_mut(&mut self, name: &str) -> Option<&mut Table> {
        self.tables.get_mut(name)
    }

    /// One record.
    pub(crate) fn get(&self, table: &str, id: &str) -> Option<&Record> {
        self.tables.get(table).and_then(|t| t.get(id))
    }

    /// One record, to change: its table's indexes follow when the handle is dropped.
    pub(crate) fn get_mut(&mut self, table: &str, id: &str) -> Option<RecordMut<'_>> {
        self.tables.get_mut(table).and_then(|t| t.get_mut(id))
    }

    /// Moves the organization's time to `now` (seconds since 1970): records written from
    /// now on are refreshed at it, and those whose derived fields changed since are
    /// refreshed. Called before each request is handled.
    pub(crate) fn catch_up(&mut self, now: i64) {
        self.now = now;
        for table in self.tables.values_mut() {
            table.catch_up(now);
        }
    }

    /// The next number of a series: `INV-000001`.
    pub(crate) fn next_number(&mut self, series: &'static str, prefix: &str) -> String {
        let n = self.numbers.entry(series).or_insert(0);
        *n += 1;
        format!("{prefix}{:06}", *n)
    }
}

/// All organizations.
#[derive(Debug, Default)]
pub(crate) struct State {
    pub(crate) orgs: BTreeMap<String, Org>,
}

/// A JSON value as an id or text: strings as they are, numbers in full.
pub(crate) fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A JSON money value (number or numeric string) in cents; `None` also when it is not
/// finite or beyond ±[`crate::numbers::MAX_AMOUNT`], so sums of a few never overflow.
pub(crate) fn cents(v: Option<&Value>) -> Option<i64> {
    crate::numbers::amount(v, "amount").ok().flatten()
}

/// Cents as a JSON number.
pub(crate) fn money(cents: i64) -> Value {
    if cents % 100 == 0 {
        json!(cents / 100)
    } else {
        #[allow(clippy::cast_precision_loss)]
        let f = cents as f64 / 100.0;
        json!(f)
    }
}
