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

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use serde::Serializer;

use crate::lenient::{FromScalar, Lenient, Reading, non_blank};
use crate::raw::Scalar;

/// A point in time with the offset it was given in, as Zoho sends it.
pub type Timestamp = DateTime<FixedOffset>;

/// The format of Zoho's timestamps: `2016-06-11T17:38:06-0700`.
pub const TIMESTAMP_FORMAT: &str = "%Y-%m-%dT%H:%M:%S%z";
/// The format of Zoho's dates: `2013-09-17`.
pub const DATE_FORMAT: &str = "%Y-%m-%d";

/// Parses a timestamp in Zoho's format (or RFC 3339); `None` when it is not one.
pub fn parse_timestamp(text: &str) -> Option<Timestamp> {
    let t = non_blank(text)?;
    zoho_timestamp(t.as_bytes()).or_else(|| {
        DateTime::parse_from_str(t, TIMESTAMP_FORMAT)
            .or_else(|_| DateTime::parse_from_rfc3339(t))
            .ok()
    })
}

/// The digits of `bytes` as a number; `None` if one is not a digit.
fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// `2013-09-17`, read byte by byte: the form Zoho sends, without chrono's format-string
/// parser. Anything else (or an impossible date) is left to chrono.
fn zoho_date(b: &[u8]) -> Option<NaiveDate> {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(&b[..4])?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(&b[5..7])?, digits(&b[8..10])?)
}

/// `2016-06-11T17:38:06-0700`, read byte by byte; anything else is left to chrono.
fn zoho_timestamp(b: &[u8]) -> Option<Timestamp> {
    if b.len() != 24 || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let time = zoho_date(&b[..10])?.and_hms_opt(
        digits(&b[11..13])?,
        digits(&b[14..16])?,
        digits(&b[17..19])?,
    )?;
    let sign = match b[19] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (hours, minutes) = (digits(&b[20..22])?, digits(&b[22..24])?);
    if minutes >= 60 {
        return None;
    }
    let seconds = i32::try_from(hours * 3600 + minutes * 60).ok()?;
    FixedOffset::east_opt(sign * seconds)?
        .from_local_datetime(&time)
        .single()
}

/// Formats a timestamp the way Zoho does, with no colon in the offset.
pub fn format_timestamp(t: &Timestamp) -> String {
    t.format(TIMESTAMP_FORMAT).to_string()
}

/// Parses a date (`2013-09-17`); `None` when it is not one.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = non_blank(text)?;
    zoho_date(t.as_bytes()).or_else(|| NaiveDate::parse_from_str(t, DATE_FORMAT).ok())
}

impl FromScalar for Timestamp {
    /// Zoho's form is written back as it came; other spellings are read, and kept as text to
    /// write back (`-0000`, which an offset cannot tell from `+0000`, among them).
    fn read_scalar(scalar: Scalar<'_>) -> Reading<Self> {
        let Scalar::Text(text) = scalar else {
            return Reading::inexact(None);
        };
        match zoho_timestamp(text.as_bytes()) {
            Some(t) => Reading::new(t, !text.ends_with("-0000")),
            None => Reading::inexact(parse_timestamp(&text)),
        }
    }
}

impl FromScalar for NaiveDate {
    /// `2013-09-17` is written back as it came; other spellings are read, and kept as text.
    fn read_scalar(scalar: Scalar<'_>) -> Reading<Self> {
        let Scalar::Text(text) = scalar else {
            return Reading::inexact(None);
        };
        match zoho_date(text.as_bytes()) {
            Some(date) => Reading::exact(date),
            None => Reading::inexact(parse_date(&text)),
        }
    }
}

crate::direct::direct_scalar!(Timestamp);

impl Lenient for Timestamp {
    fn read_json(raw: &str) -> Reading<Self> {
        Self::read_scalar(Scalar::of(raw))
    }
    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.format(TIMESTAMP_FORMAT))
    }
}

impl Lenient for NaiveDate {
    fn read_json(raw: &str) -> Reading<Self> {
        Self::read_scalar(Scalar::of(raw))
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

    #[test]
    fn the_byte_reader_agrees_with_chrono() {
        let dates = [
            "2013-09-17",
            "2024-02-29",
            "2023-02-29",
            "2013-13-01",
            "2013-00-10",
            "0000-01-01",
            "2013-9-17",
            "2013/09/17",
            "20130917xx",
            "2013-09-1a",
            "+2013-09-17",
        ];
        for text in dates {
            assert_eq!(
                zoho_date(text.as_bytes())
                    .or_else(|| NaiveDate::parse_from_str(text, DATE_FORMAT).ok()),
                NaiveDate::parse_from_str(text, DATE_FORMAT).ok(),
                "{text}"
            );
        }
        let stamps = [
            "2016-06-11T17:38:06-0700",
            "2016-06-11T17:38:06+0530",
            "2016-06-11T17:38:06-0000",
            "2016-06-11T23:59:60+0000",
            "2016-06-11T24:00:00+0000",
            "2016-06-11T17:38:06+0560",
            "2016-06-11T17:38:06+2400",
            "2016-02-30T17:38:06+0000",
            "2016-06-11 17:38:06+0000",
            "2016-06-11T17:38:06Z000",
        ];
        for text in stamps {
            let chrono = DateTime::parse_from_str(text, TIMESTAMP_FORMAT).ok();
            if let Some(fast) = zoho_timestamp(text.as_bytes()) {
                assert_eq!(Some(fast), chrono, "{text}");
                assert_eq!(
                    fast.offset(),
                    chrono.map(|c| *c.offset()).as_ref().unwrap(),
                    "{text}"
                );
            }
            assert_eq!(
                parse_timestamp(text),
                chrono.or_else(|| DateTime::parse_from_rfc3339(text).ok()),
                "{text}"
            );
        }
    }
}
