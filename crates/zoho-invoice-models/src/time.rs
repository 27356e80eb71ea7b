//! Dates and timestamps in Zoho's formats.
//!
//! Dates are [`NaiveDate`] (`2013-09-17`). Timestamps are [`Timestamp`], a
//! `DateTime<FixedOffset>` written the way Zoho writes them, with no colon in the offset
//! (`2016-06-11T17:38:06-0700`), and encoded back the same way. Offsets with a colon and a
//! trailing `Z` are accepted on input too. Blank or unreadable values mean absent.
//!
//! ```
//! use zoho_invoice_models::time::{format_timestamp, parse_timestamp};
//!
//! let t = parse_timestamp("2016-06-11T17:38:06-0700").unwrap();
//! assert_eq!(t.offset().local_minus_utc(), -7 * 3600);
//! assert_eq!(format_timestamp(&t), "2016-06-11T17:38:06-0700");
//! ```

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserializer, Serializer};

use crate::lenient::{FromScalar, Lenient, ScalarVisitor, non_blank};

/// A point in time with the offset it was given in, as Zoho sends it.
pub type Timestamp = DateTime<FixedOffset>;

/// The format of Zoho's timestamps: `2016-06-11T17:38:06-0700`.
pub const TIMESTAMP_FORMAT: &str = "%Y-%m-%dT%H:%M:%S%z";
/// The format of Zoho's dates: `2013-09-17`.
pub const DATE_FORMAT: &str = "%Y-%m-%d";

/// Parses a timestamp in Zoho's format (or RFC 3339); `None` when it is not one.
pub fn parse_timestamp(text: &str) -> Option<Timestamp> {
    let t = non_blank(text)?;
    DateTime::parse_from_str(t, TIMESTAMP_FORMAT)
        .or_else(|_| DateTime::parse_from_rfc3339(t))
        .ok()
}

/// Formats a timestamp the way Zoho does, with no colon in the offset.
pub fn format_timestamp(t: &Timestamp) -> String {
    t.format(TIMESTAMP_FORMAT).to_string()
}

/// Parses a date (`2013-09-17`); `None` when it is not one.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(non_blank(text)?, DATE_FORMAT).ok()
}

impl FromScalar for Timestamp {
    fn from_text(text: &str) -> Option<Self> {
        parse_timestamp(text)
    }
}

impl FromScalar for NaiveDate {
    fn from_text(text: &str) -> Option<Self> {
        parse_date(text)
    }
}

impl Lenient for Timestamp {
    fn decode<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Self>, D::Error> {
        d.deserialize_any(ScalarVisitor::<Self>(std::marker::PhantomData))
    }
    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.format(TIMESTAMP_FORMAT))
    }
}

impl Lenient for NaiveDate {
    fn decode<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Self>, D::Error> {
        d.deserialize_any(ScalarVisitor::<Self>(std::marker::PhantomData))
    }
    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.format(DATE_FORMAT))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::{Deserialize, Serialize};

    #[derive(Deserialize, Serialize)]
    struct Row {
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::lenient"
        )]
        at: Option<Timestamp>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::lenient"
        )]
        on: Option<NaiveDate>,
    }

    fn row(json: &str) -> Row {
        serde_json::from_str(json).expect("valid JSON")
    }

    #[test]
    fn timestamps_round_trip_without_a_colon_in_the_offset() {
        for text in [
            "2016-06-11T17:38:06-0700",
            "2013-11-18T02:17:40+0530",
            "2020-01-01T00:00:00+0000",
        ] {
            let r = row(&format!(r#"{{"at": "{text}"}}"#));
            assert_eq!(
                serde_json::to_string(&r).unwrap(),
                format!(r#"{{"at":"{text}"}}"#)
            );
        }
        let t = row(r#"{"at": "2016-06-11T17:38:06-0700"}"#).at.unwrap();
        assert_eq!(t.timestamp(), 1_465_691_886);
    }

    #[test]
    fn other_offset_spellings_are_read_and_written_zoho_style() {
        let r = row(r#"{"at": "2016-06-11T17:38:06-07:00"}"#);
        assert_eq!(format_timestamp(&r.at.unwrap()), "2016-06-11T17:38:06-0700");
        let r = row(r#"{"at": "2016-06-11T17:38:06Z"}"#);
        assert_eq!(format_timestamp(&r.at.unwrap()), "2016-06-11T17:38:06+0000");
    }

    #[test]
    fn dates_round_trip() {
        let r = row(r#"{"on": "2013-09-17"}"#);
        assert_eq!(r.on, NaiveDate::from_ymd_opt(2013, 9, 17));
        assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"on":"2013-09-17"}"#);
    }

    #[test]
    fn blank_and_odd_values_are_absent() {
        for odd in [
            r#""""#,
            r#"" ""#,
            "null",
            "17",
            r#""yesterday""#,
            r#""2013-13-45""#,
            "[]",
            "{}",
        ] {
            let r = row(&format!(r#"{{"at": {odd}, "on": {odd}}}"#));
            assert!(r.at.is_none() && r.on.is_none(), "{odd}");
        }
    }
}
