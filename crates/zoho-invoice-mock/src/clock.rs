//! The server's clock: wall time at start plus tokio's monotonic time plus a manual offset.
//!
//! Tokens expire, quotas reset and invoices fall overdue on this clock, so tests drive it
//! with [`crate::MockServer::advance_clock`] (or tokio's paused clock) instead of sleeping.

use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::time::Instant;

/// The latest time the clock shows: 9999-12-31T23:59:59Z.
pub(crate) const MAX_EPOCH: i64 = 253_402_300_799;

/// The server's notion of "now".
#[derive(Debug)]
pub(crate) struct Clock {
    start_epoch: i64,
    start: Instant,
    offset: Mutex<Duration>,
}

impl Clock {
    /// A clock that starts at `start_epoch` (seconds since 1970) or at the real wall time.
    pub(crate) fn new(start_epoch: Option<i64>) -> Self {
        let start_epoch = start_epoch.unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| i64::try_from(d.as_secs()).unwrap_or(0))
                .unwrap_or(0)
        });
        Self {
            start_epoch,
            start: Instant::now(),
            offset: Mutex::new(Duration::ZERO),
        }
    }

    /// Moves the clock forward, at most to [`MAX_EPOCH`].
    pub(crate) fn advance(&self, by: Duration) {
        let mut offset = self.offset.lock().unwrap_or_else(|e| e.into_inner());
        let room = self.room(*offset);
        *offset = offset.saturating_add(by.min(room));
    }

    /// Moves the clock forward, or refuses to move it past [`MAX_EPOCH`] and says how far
    /// it may still go.
    pub(crate) fn try_advance(&self, by: Duration) -> Result<(), Duration> {
        let mut offset = self.offset.lock().unwrap_or_else(|e| e.into_inner());
        let room = self.room(*offset);
        if by > room {
            return Err(room);
        }
        *offset = offset.saturating_add(by);
        Ok(())
    }

    /// How far the clock may still move with this offset.
    fn room(&self, offset: Duration) -> Duration {
        let left = MAX_EPOCH.saturating_sub(self.epoch_at(offset));
        Duration::from_secs(u64::try_from(left).unwrap_or(0))
    }

    /// Time elapsed since the server started, on this clock.
    pub(crate) fn elapsed(&self) -> Duration {
        let offset = *self.offset.lock().unwrap_or_else(|e| e.into_inner());
        self.start.elapsed().saturating_add(offset)
    }

    /// Seconds since 1970 on this clock.
    pub(crate) fn epoch(&self) -> i64 {
        let offset = *self.offset.lock().unwrap_or_else(|e| e.into_inner());
        self.epoch_at(offset)
    }

    /// Seconds since 1970 with this offset, at most [`MAX_EPOCH`].
    fn epoch_at(&self, offset: Duration) -> i64 {
        let secs = self.start.elapsed().saturating_add(offset).as_secs();
        self.start_epoch
            .saturating_add(i64::try_from(secs).unwrap_or(i64::MAX))
            .min(MAX_EPOCH)
    }
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let m = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// A civil date to days since 1970-01-01.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `2013-11-18` for an epoch second (UTC).
pub(crate) fn format_date(epoch: i64) -> String {
    let (y, m, d) = civil_from_days(epoch.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// `2013-11-18T02:02:51+0000` for an epoch second: Zoho's format, no colon in the offset.
pub(crate) fn format_timestamp(epoch: i64) -> String {
    let secs = epoch.rem_euclid(86_400);
    format!(
        "{}T{:02}:{:02}:{:02}+0000",
        format_date(epoch),
        secs / 3600,
        (secs / 60) % 60,
        secs % 60
    )
}

/// Parses `YYYY-MM-DD` into days since 1970.
pub(crate) fn parse_date(s: &str) -> Option<i64> {
    let s = s.trim();
    let mut it = s.get(..10)?.split('-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let d: u32 = it.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

/// Parses Zoho's timestamps (`2013-11-18T02:02:51-0800`, also `+05:30`, `Z`, or a bare
/// date) into epoch seconds.
pub(crate) fn parse_timestamp(s: &str) -> Option<i64> {
    let s = s.trim();
    let days = parse_date(s)?;
    if s.len() == 10 {
        return Some(days * 86_400);
    }
    let rest = s.get(11..)?;
    let h: i64 = rest.get(0..2)?.parse().ok()?;
    let mi: i64 = rest.get(3..5)?.parse().ok()?;
    let se: i64 = rest.get(6..8)?.parse().ok()?;
    let mut tz = rest.get(8..)?;
    if let Some(dot) = tz.strip_prefix('.') {
        tz = dot.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    let offset = match tz {
        "" | "Z" => 0,
        _ => {
            let sign = match tz.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let digits: String = tz[1..].chars().filter(|c| *c != ':').collect();
            let oh: i64 = digits.get(0..2)?.parse().ok()?;
            let om: i64 = digits.get(2..4).unwrap_or("00").parse().ok()?;
            sign * (oh * 3600 + om * 60)
        }
    };
    Some(days * 86_400 + h * 3600 + mi * 60 + se - offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses_round_trip() {
        let t = parse_timestamp("2013-11-18T02:02:51-0800").expect("parses");
        assert_eq!(format_timestamp(t), "2013-11-18T10:02:51+0000");
        assert_eq!(parse_timestamp("2013-11-18T10:02:51+00:00"), Some(t));
        assert_eq!(format_date(0), "1970-01-01");
        assert_eq!(
            parse_date("2024-02-29").map(format_date_days),
            Some("2024-02-29".into())
        );
        assert_eq!(parse_date("2024-13-01"), None);
    }

    fn format_date_days(days: i64) -> String {
        format_date(days * 86_400)
    }

    #[test]
    fn advancing_moves_epoch() {
        let clock = Clock::new(Some(1_000));
        clock.advance(Duration::from_secs(3600));
        assert!(clock.epoch() >= 4_600);
    }

    #[test]
    fn the_clock_stops_at_the_end_of_year_9999() {
        let clock = Clock::new(Some(1_000));
        assert!(clock.try_advance(Duration::MAX).is_err());
        assert!(clock.try_advance(Duration::from_secs(u64::MAX)).is_err());
        assert!(clock.epoch() < 10_000);
        clock.advance(Duration::MAX);
        assert_eq!(clock.epoch(), MAX_EPOCH);
        assert_eq!(format_date(clock.epoch()), "9999-12-31");
        assert_eq!(
            clock.try_advance(Duration::from_secs(1)),
            Err(Duration::ZERO)
        );
    }
}
