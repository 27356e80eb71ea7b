//! Recurring profiles make their records as the server's clock passes their dates:
//! recurring invoices their invoices, recurring expenses their expenses, by one schedule.
//!
//! A profile's first record is due on its `start_date` (today when it has none), the next
//! ones every `repeat_every` (default 1) `recurrence_frequency` (`days`, `weeks`, `months`
//! or `years`) after it, up to its `end_date`. A month or year step keeps the start's day of
//! the month where the month has it (a profile started on January 31 is due on February 28
//! or 29, then March 31). Records due are made lazily, at the start of each request, so
//! the admin clock drives them deterministically; at most [`MAX_GENERATED_PER_REQUEST`] are
//! made per request (the rest on the following requests), so a clock jump of years cannot
//! stall a request. Each record made is dated on its due date, carries the profile's fields
//! (customer, lines, account, amount...) and names the profile (`recurring_invoice_id`,
//! `recurring_expense_id`, so lists filter by it); a generated invoice is sent. The
//! profile's last and next dates follow (`last_sent_date` and `next_invoice_date`,
//! `last_created_date` and `next_expense_date`), and it is `expired` once past its
//! `end_date`. A profile without a `recurrence_frequency` (the reference requires one)
//! makes nothing; one whose record cannot be made (its customer is gone) stops.

use serde_json::{Value, json};

use crate::clock::{format_date, parse_date};
use crate::ctx::Ctx;
use crate::numbers::integer;
use crate::reply::ApiError;
use crate::resources::defs::{
    EXPENSES, INVOICES, Mode, RECURRING_EXPENSES, RECURRING_INVOICES, Res,
};
use crate::resources::{billing, generic};
use crate::state::{Record, text};

/// The most records made for recurring profiles at the start of one request.
pub(crate) const MAX_GENERATED_PER_REQUEST: usize = 50;

/// The largest `repeat_every` accepted.
const MAX_REPEAT_EVERY: i64 = 1_000;

/// Fields of any profile that are not copied into the records it makes.
const PROFILE_ONLY: &[&str] = &[
    "recurrence_name",
    "recurrence_frequency",
    "repeat_every",
    "start_date",
    "end_date",
    "status",
    "created_time",
    "last_modified_time",
    "date",
    "due_date",
];

/// A kind of recurring profile: where its profiles are, the dates it keeps and what it
/// makes.
struct Kind {
    /// The profiles.
    profiles: &'static Res,
    /// The records made.
    made: &'static Res,
    /// The profile's date of its next record (`next_invoice_date`).
    next: &'static str,
    /// The profile's date of its last record (`last_sent_date`).
    last: &'static str,
    /// Says whether a record made is sent at once.
    sent: bool,
}

/// Recurring invoices make sent invoices.
const INVOICE_PROFILES: Kind = Kind {
    profiles: &RECURRING_INVOICES,
    made: &INVOICES,
    next: "next_invoice_date",
    last: "last_sent_date",
    sent: true,
};

/// Recurring expenses make expenses.
const EXPENSE_PROFILES: Kind = Kind {
    profiles: &RECURRING_EXPENSES,
    made: &EXPENSES,
    next: "next_expense_date",
    last: "last_created_date",
    sent: false,
};

/// Every kind of profile, in the order their records are made.
const KINDS: [&Kind; 2] = [&INVOICE_PROFILES, &EXPENSE_PROFILES];

/// How often a profile repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Days(i64),
    Months(i64),
}

/// The step of a profile: `None` when it names no frequency; an error when it names one
/// the API does not have or a `repeat_every` out of range.
fn step(rec: &Record) -> Result<Option<Step>, ApiError> {
    let Some(freq) = text(rec.get("recurrence_frequency")) else {
        return Ok(None);
    };
    let every = integer(rec.get("repeat_every"), "repeat_every", 1, MAX_REPEAT_EVERY)?.unwrap_or(1);
    let step = match freq.as_str() {
        "days" => Step::Days(every),
        "weeks" => Step::Days(every * 7),
        "months" => Step::Months(every),
        "years" => Step::Months(every * 12),
        _ => return Err(ApiError::invalid("recurrence_frequency")),
    };
    Ok(Some(step))
}

/// Days since 1970 of the date after `day` by `step`, keeping `anchor_day` (the start's
/// day of the month) for month steps where the month has it.
fn after(day: i64, step: Step, anchor_day: u32) -> Option<i64> {
    match step {
        Step::Days(n) => day.checked_add(n),
        Step::Months(n) => {
            let date = format_date(day.checked_mul(86_400)?);
            let year: i64 = date.get(0..4)?.parse().ok()?;
            let month: i64 = date.get(5..7)?.parse().ok()?;
            let index = year
                .checked_mul(12)?
                .checked_add(month - 1)?
                .checked_add(n)?;
            let (y, m) = (index.div_euclid(12), index.rem_euclid(12) + 1);
            (1..=anchor_day).rev().find_map(|d| civil(y, m, d))
        }
    }
}

/// Days since 1970 of a date that exists (`2023-02-29` does not).
fn civil(y: i64, m: i64, d: u32) -> Option<i64> {
    let text = format!("{y:04}-{m:02}-{d:02}");
    let day = parse_date(&text)?;
    (format_date(day.checked_mul(86_400)?) == text).then_some(day)
}

/// Prepare hook of recurring invoices: totals, a checked schedule, and the next date.
pub(crate) fn prepare(c: &mut Ctx<'_>, rec: &mut Record, mode: Mode) -> Result<(), ApiError> {
    billing::prepare_document(c, rec, mode)?;
    schedule(c, rec, mode, &INVOICE_PROFILES)
}

/// Prepare hook of recurring expenses: the expense's names, a checked schedule, and the
/// next date.
pub(crate) fn prepare_expense(
    c: &mut Ctx<'_>,
    rec: &mut Record,
    mode: Mode,
) -> Result<(), ApiError> {
    billing::prepare_expense(c, rec, mode)?;
    schedule(c, rec, mode, &EXPENSE_PROFILES)
}

/// Checks a profile's schedule and sets its first next date.
fn schedule(c: &Ctx<'_>, rec: &mut Record, mode: Mode, kind: &Kind) -> Result<(), ApiError> {
    step(rec)?;
    let start = text(rec.get("start_date")).unwrap_or_else(|| c.today());
    let start_day = parse_date(&start).ok_or_else(|| ApiError::invalid("start_date"))?;
    if let Some(end) = text(rec.get("end_date")) {
        parse_date(&end).ok_or_else(|| ApiError::invalid("end_date"))?;
    }
    rec.insert("start_date".into(), json!(start));
    if mode == Mode::Create {
        rec.insert(kind.last.into(), json!(""));
        let first = start_day.checked_mul(86_400).map(format_date);
        rec.insert(kind.next.into(), json!(first.unwrap_or(start)));
    }
    Ok(())
}

/// Makes the records due by now of the active profiles, at most
/// [`MAX_GENERATED_PER_REQUEST`] in all. Called before each request is handled.
pub(crate) fn generate_due(c: &mut Ctx<'_>) {
    let today = c.now.div_euclid(86_400);
    let mut budget = MAX_GENERATED_PER_REQUEST;
    for kind in KINDS {
        let due: Vec<String> = c
            .org
            .rows(kind.profiles.table)
            .filter(|r| text(r.get("status")).as_deref() == Some("active"))
            .filter(|r| next_day(r, kind).is_some_and(|d| d <= today))
            .filter(|r| matches!(step(r), Ok(Some(_))))
            .filter_map(|r| text(r.get(kind.profiles.id)))
            .collect();
        for id in due {
            while budget > 0 && generate_one(c, kind, &id, today) {
                budget -= 1;
            }
        }
    }
}

fn next_day(rec: &Record, kind: &Kind) -> Option<i64> {
    text(rec.get(kind.next)).and_then(|d| parse_date(&d))
}

/// Makes the profile's next record if it is due by `today`, and moves the profile on.
/// Says whether a record was made.
fn generate_one(c: &mut Ctx<'_>, kind: &Kind, id: &str, today: i64) -> bool {
    let Some(profile) = c.org.get(kind.profiles.table, id).cloned() else {
        return false;
    };
    let Some(day) = next_day(&profile, kind).filter(|d| *d <= today) else {
        return false;
    };
    let Ok(Some(step)) = step(&profile) else {
        return false;
    };
    let end = text(profile.get("end_date")).and_then(|d| parse_date(&d));
    if end.is_some_and(|e| day > e) {
        set_fields(c, kind, id, &[("status", json!("expired"))]);
        return false;
    }
    let date = format_date(day.saturating_mul(86_400));
    if make(c, kind, id, &profile, &date).is_err() {
        // A profile whose record cannot be made (its customer is gone) stops.
        set_fields(c, kind, id, &[("status", json!("stopped"))]);
        return false;
    }
    let anchor = text(profile.get("start_date"))
        .and_then(|s| s.get(8..10)?.parse().ok())
        .unwrap_or(1);
    let next = after(day, step, anchor)
        .and_then(|d| d.checked_mul(86_400))
        .map_or_else(String::new, format_date);
    let mut fields = vec![(kind.last, json!(date)), (kind.next, json!(next))];
    let past_end = parse_date(&next).is_none_or(|n| end.is_some_and(|e| n > e));
    if past_end {
        fields.push(("status", json!("expired")));
    }
    set_fields(c, kind, id, &fields);
    true
}

/// Creates the record of `profile` dated `date` (sent, for an invoice).
fn make(
    c: &mut Ctx<'_>,
    kind: &Kind,
    id: &str,
    profile: &Record,
    date: &str,
) -> Result<(), ApiError> {
    let mut input: Record = profile
        .iter()
        .filter(|(k, _)| !PROFILE_ONLY.contains(&k.as_str()))
        .filter(|(k, _)| *k != kind.next && *k != kind.last)
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    input.insert(kind.profiles.id.into(), json!(id));
    input.insert("date".into(), json!(date));
    if let Some(Value::Array(lines)) = input.get_mut("line_items") {
        for line in lines.iter_mut().filter_map(Value::as_object_mut) {
            line.remove("line_item_id");
        }
    }
    let made = generic::create_record(c, kind.made, input)?;
    if kind.sent {
        let made_id = text(made.get(kind.made.id)).unwrap_or_default();
        if let Some(mut rec) = c.org.get_mut(kind.made.table, &made_id) {
            rec.insert("status".into(), json!("sent"));
        }
    }
    Ok(())
}

/// Sets fields of a profile, stamping `last_modified_time`.
fn set_fields(c: &mut Ctx<'_>, kind: &Kind, id: &str, fields: &[(&str, Value)]) {
    let stamp = json!(c.timestamp());
    if let Some(mut rec) = c.org.get_mut(kind.profiles.table, id) {
        for (k, v) in fields {
            rec.insert((*k).to_owned(), v.clone());
        }
        rec.insert("last_modified_time".into(), stamp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> i64 {
        parse_date(s).unwrap_or_default()
    }

    fn show(d: Option<i64>) -> String {
        d.map(|d| format_date(d * 86_400)).unwrap_or_default()
    }

    #[test]
    fn month_steps_keep_the_start_day_where_the_month_has_it() {
        let feb = after(day("2024-01-31"), Step::Months(1), 31);
        assert_eq!(show(feb), "2024-02-29");
        let mar = feb.and_then(|d| after(d, Step::Months(1), 31));
        assert_eq!(show(mar), "2024-03-31");
        assert_eq!(
            show(after(day("2024-02-29"), Step::Months(12), 29)),
            "2025-02-28"
        );
        assert_eq!(
            show(after(day("2024-12-15"), Step::Months(2), 15)),
            "2025-02-15"
        );
        assert_eq!(
            show(after(day("2024-12-30"), Step::Days(7), 30)),
            "2025-01-06"
        );
    }
}
