//! Range checks of the numbers the server computes with, so that no request can make its
//! arithmetic overflow: every such number in a request body is checked once, when the body
//! is parsed, and sums of them are checked as they are made. A number out of range, not
//! finite or not a number at all is a 400 with [`crate::codes::INVALID_VALUE`].

use serde_json::Value;

use crate::reply::ApiError;

/// The largest amount accepted, either sign, in currency units: a trillion.
pub(crate) const MAX_AMOUNT: f64 = 1e12;
/// [`MAX_AMOUNT`] in cents: no stored amount, sum or product is larger.
pub(crate) const MAX_CENTS: i64 = 100_000_000_000_000;
/// The largest quantity of a line item, either sign: a billion.
pub(crate) const MAX_QUANTITY: f64 = 1e9;
/// The longest payment terms, in days: a hundred years.
pub(crate) const MAX_PAYMENT_TERMS: i64 = 36_500;
/// The most time one time entry logs, in hours.
pub(crate) const MAX_LOG_HOURS: i64 = 100_000;

/// Fields holding money, wherever they appear in a body (line items, applications).
const AMOUNT_FIELDS: &[&str] = &[
    "rate",
    "amount",
    "amount_applied",
    "shipping_charge",
    "adjustment",
    "payment_made",
    "credits_applied",
    "write_off_amount",
    "refunded_amount",
    "credits_used",
    "unused_amount",
    "balance",
    "total",
    "sub_total",
    "bank_charges",
];

/// A number field's value: `None` when absent, null or blank; `Err(())` when it is not a
/// finite number (nor a string holding one).
fn finite(v: Option<&Value>) -> Result<Option<f64>, ()> {
    let f = match v {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Number(n)) => n.as_f64().ok_or(())?,
        Some(Value::String(s)) if s.trim().is_empty() => return Ok(None),
        Some(Value::String(s)) => s.trim().parse::<f64>().map_err(|_| ())?,
        Some(_) => return Err(()),
    };
    if f.is_finite() { Ok(Some(f)) } else { Err(()) }
}

/// An amount field in cents, checked to be within ±[`MAX_AMOUNT`].
pub(crate) fn amount(v: Option<&Value>, field: &str) -> Result<Option<i64>, ApiError> {
    let out = || ApiError::out_of_range(field, -MAX_AMOUNT, MAX_AMOUNT);
    match finite(v).map_err(|()| out())? {
        None => Ok(None),
        Some(f) if f.abs() <= MAX_AMOUNT => Ok(Some(to_cents(f))),
        Some(_) => Err(out()),
    }
}

/// Units to cents; callers have bounded `f` so the cast cannot saturate.
#[allow(clippy::cast_possible_truncation)]
fn to_cents(f: f64) -> i64 {
    (f * 100.0).round() as i64
}

/// A quantity, checked to be within ±[`MAX_QUANTITY`].
pub(crate) fn quantity(v: Option<&Value>, field: &str) -> Result<Option<f64>, ApiError> {
    let out = || ApiError::out_of_range(field, -MAX_QUANTITY, MAX_QUANTITY);
    match finite(v).map_err(|()| out())? {
        Some(q) if q.abs() > MAX_QUANTITY => Err(out()),
        q => Ok(q),
    }
}

/// A whole number field within `min..=max`.
pub(crate) fn integer(
    v: Option<&Value>,
    field: &str,
    min: i64,
    max: i64,
) -> Result<Option<i64>, ApiError> {
    let out = || ApiError::out_of_range(field, min, max);
    let n = match v {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Number(n)) => n.as_i64().ok_or_else(out)?,
        Some(Value::String(s)) if s.trim().is_empty() => return Ok(None),
        Some(Value::String(s)) => s.trim().parse::<i64>().map_err(|_| out())?,
        Some(_) => return Err(out()),
    };
    if (min..=max).contains(&n) {
        Ok(Some(n))
    } else {
        Err(out())
    }
}

/// `a + b` cents, refused when the result is beyond ±[`MAX_CENTS`].
pub(crate) fn add_cents(a: i64, b: i64, field: &str) -> Result<i64, ApiError> {
    a.checked_add(b)
        .filter(|s| s.abs() <= MAX_CENTS)
        .ok_or_else(|| ApiError::out_of_range(field, -MAX_AMOUNT, MAX_AMOUNT))
}

/// The sum of amounts in cents, refused as soon as it goes beyond ±[`MAX_CENTS`].
pub(crate) fn sum_cents(
    amounts: impl IntoIterator<Item = i64>,
    field: &str,
) -> Result<i64, ApiError> {
    amounts
        .into_iter()
        .try_fold(0, |sum, a| add_cents(sum, a, field))
}

/// `rate` cents times `quantity`, rounded to a cent, refused beyond ±[`MAX_CENTS`].
pub(crate) fn times(rate: i64, quantity: f64, field: &str) -> Result<i64, ApiError> {
    #[allow(clippy::cast_precision_loss)]
    let total = (rate as f64 * quantity).round();
    #[allow(clippy::cast_precision_loss)]
    let max = MAX_CENTS as f64;
    if total.is_finite() && total.abs() <= max {
        #[allow(clippy::cast_possible_truncation)]
        Ok(total as i64)
    } else {
        Err(ApiError::out_of_range(field, -MAX_AMOUNT, MAX_AMOUNT))
    }
}

/// Checks every number the server computes with in a request body, at any depth: amounts,
/// quantities and payment terms.
pub(crate) fn check_body(v: &Value) -> Result<(), ApiError> {
    match v {
        Value::Array(items) => items.iter().try_for_each(check_body),
        Value::Object(map) => map.iter().try_for_each(|(k, v)| {
            check_field(k, v)?;
            check_body(v)
        }),
        _ => Ok(()),
    }
}

/// Checks one field by its name.
fn check_field(name: &str, v: &Value) -> Result<(), ApiError> {
    if AMOUNT_FIELDS.contains(&name) {
        amount(Some(v), name)?;
    } else if name == "quantity" {
        quantity(Some(v), name)?;
    } else if name == "payment_terms" {
        integer(Some(v), name, 0, MAX_PAYMENT_TERMS)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn amounts_are_bounded_and_finite() {
        assert_eq!(amount(Some(&json!(12.345)), "rate"), Ok(Some(1235)));
        assert_eq!(amount(Some(&json!("-3")), "rate"), Ok(Some(-300)));
        assert_eq!(amount(Some(&json!("")), "rate"), Ok(None));
        for bad in [
            json!(1e300),
            json!("NaN"),
            json!("inf"),
            json!("1e13"),
            json!(true),
        ] {
            assert!(amount(Some(&bad), "rate").is_err(), "{bad}");
        }
    }

    #[test]
    fn sums_and_products_stop_at_the_bound() {
        assert!(add_cents(MAX_CENTS, 1, "total").is_err());
        assert!(add_cents(i64::MAX, 1, "total").is_err());
        assert_eq!(sum_cents([1, 2, 3], "total"), Ok(6));
        assert!(sum_cents([MAX_CENTS, MAX_CENTS], "total").is_err());
        assert_eq!(times(1050, 2.0, "item_total"), Ok(2100));
        assert!(times(MAX_CENTS, MAX_QUANTITY, "item_total").is_err());
    }

    #[test]
    fn bodies_are_checked_at_any_depth() {
        assert!(check_body(&json!({"line_items": [{"rate": 10, "quantity": 2}]})).is_ok());
        assert!(check_body(&json!({"line_items": [{"rate": 1e300}]})).is_err());
        assert!(check_body(&json!({"payment_terms": 9_223_372_036_854_775_807_i64})).is_err());
        assert!(check_body(&json!({"payment_terms": -1})).is_err());
        assert!(check_body(&json!({"invoices": [{"amount_applied": "1e20"}]})).is_err());
        assert!(check_body(&json!({"line_items": [{"quantity": 1e300}]})).is_err());
    }
}
