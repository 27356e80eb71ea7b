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
/// Percentages (taxes, discounts) are kept in ten-thousandths of a percent: `12.5` is
/// `125_000`.
pub(crate) const PERCENT_SCALE: i64 = 10_000;
/// The largest percentage accepted (a tax or a discount), in [`PERCENT_SCALE`] units.
pub(crate) const MAX_PERCENT: i64 = 100 * PERCENT_SCALE;

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

/// An amount field in cents, checked to be within ±[`MAX_AMOUNT`]; read from the number's
/// text, so `1.005` is `101` cents (half away from zero), as no float would round it.
pub(crate) fn amount(v: Option<&Value>, field: &str) -> Result<Option<i64>, ApiError> {
    let out = || ApiError::out_of_range(field, -MAX_AMOUNT, MAX_AMOUNT);
    match finite(v).map_err(|()| out())? {
        None => Ok(None),
        Some(f) if f.abs() <= MAX_AMOUNT => {
            Ok(Some(exact(v, 2).unwrap_or_else(|| to_scaled(f, 100.0))))
        }
        Some(_) => Err(out()),
    }
}

/// A number's text (a JSON number or a numeric string) times `10^places`, exactly, when it
/// is a plain decimal; `None` for exponent forms, which are read as floats instead.
fn exact(v: Option<&Value>, places: u32) -> Option<i64> {
    match v? {
        Value::Number(n) => scaled_decimal(&n.to_string(), places),
        Value::String(s) => scaled_decimal(s.trim(), places),
        _ => None,
    }
}

/// `f` times `scale`, rounded; callers have bounded `f` so the cast cannot saturate.
#[allow(clippy::cast_possible_truncation)]
fn to_scaled(f: f64, scale: f64) -> i64 {
    (f * scale).round() as i64
}

/// Millionths of a unit: quantities are kept to six decimals.
pub(crate) const QUANTITY_SCALE: i64 = 1_000_000;

/// A quantity in millionths, read from the number's text like [`amount`], checked to be
/// within ±[`MAX_QUANTITY`].
pub(crate) fn quantity_exact(v: Option<&Value>, field: &str) -> Result<Option<i64>, ApiError> {
    #[allow(clippy::cast_precision_loss)]
    let scale = QUANTITY_SCALE as f64;
    Ok(quantity(v, field)?.map(|q| exact(v, 6).unwrap_or_else(|| to_scaled(q, scale))))
}

/// A quantity, checked to be within ±[`MAX_QUANTITY`].
pub(crate) fn quantity(v: Option<&Value>, field: &str) -> Result<Option<f64>, ApiError> {
    let out = || ApiError::out_of_range(field, -MAX_QUANTITY, MAX_QUANTITY);
    match finite(v).map_err(|()| out())? {
        Some(q) if q.abs() > MAX_QUANTITY => Err(out()),
        q => Ok(q),
    }
}

/// A percentage (`12.5`, `"12.5"` or `"12.5%"`) in [`PERCENT_SCALE`] units, checked to be
/// within `0..=100`; more than four decimals are rounded half up.
pub(crate) fn percent(v: Option<&Value>, field: &str) -> Result<Option<i64>, ApiError> {
    let out = || ApiError::out_of_range(field, 0, 100);
    let text = match v {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) => s.trim().trim_end_matches('%').trim().to_owned(),
        Some(_) => return Err(out()),
    };
    if text.is_empty() {
        return Ok(None);
    }
    let scaled = scaled_decimal(&text, 4).ok_or_else(out)?;
    if (0..=MAX_PERCENT).contains(&scaled) {
        Ok(Some(scaled))
    } else {
        Err(out())
    }
}

/// A plain decimal (`-12.345`, no exponent) times `10^places`, rounded half away from
/// zero; `None` when it is not one or is too long to be a sensible number.
fn scaled_decimal(s: &str, places: u32) -> Option<i64> {
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if whole.len() > 15
        || (whole.is_empty() && frac.is_empty())
        || !all_digits(whole)
        || !all_digits(frac)
    {
        return None;
    }
    let mut n: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let mut kept = frac.bytes();
    for _ in 0..places {
        let d = kept.next().map_or(0, |b| i64::from(b - b'0'));
        n = n.checked_mul(10)?.checked_add(d)?;
    }
    if kept.next().is_some_and(|b| b >= b'5') {
        n = n.checked_add(1)?;
    }
    Some(if negative { -n } else { n })
}

/// A discount: a percentage when written `"10%"`, else an amount in cents; checked like
/// [`percent`] and [`amount`].
pub(crate) fn discount(v: Option<&Value>, field: &str) -> Result<Option<Discount>, ApiError> {
    match v {
        Some(Value::String(s)) if s.trim().ends_with('%') => {
            Ok(percent(v, field)?.map(Discount::Percent))
        }
        _ => match amount(v, field)? {
            Some(a) if a < 0 => Err(ApiError::out_of_range(field, 0, MAX_AMOUNT)),
            a => Ok(a.map(Discount::Amount)),
        },
    }
}

/// A discount as a request writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Discount {
    /// A percentage, in [`PERCENT_SCALE`] units.
    Percent(i64),
    /// An amount, in cents.
    Amount(i64),
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

/// `rate` cents times a quantity in millionths ([`quantity_exact`]), rounded half away from
/// zero to a cent, refused beyond ±[`MAX_CENTS`].
pub(crate) fn times(rate: i64, quantity: i64, field: &str) -> Result<i64, ApiError> {
    let product = i128::from(rate) * i128::from(quantity);
    let scale = i128::from(QUANTITY_SCALE);
    let (q, r) = (product / scale, product % scale);
    let rounded = if 2 * r.abs() >= scale {
        q + product.signum()
    } else {
        q
    };
    i64::try_from(rounded)
        .ok()
        .filter(|c| c.abs() <= MAX_CENTS)
        .ok_or_else(|| ApiError::out_of_range(field, -MAX_AMOUNT, MAX_AMOUNT))
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
    } else if name == "discount" {
        discount(Some(v), name)?;
    } else if name == "tax_percentage" {
        percent(Some(v), name)?;
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
        // Floats would make these 100 and 14 (1.00499..., 0.14499...).
        assert_eq!(amount(Some(&json!(1.005)), "rate"), Ok(Some(101)));
        assert_eq!(amount(Some(&json!("0.145")), "rate"), Ok(Some(15)));
        assert_eq!(amount(Some(&json!(-0.145)), "rate"), Ok(Some(-15)));
        assert_eq!(
            amount(Some(&json!(1e11)), "rate"),
            Ok(Some(10_000_000_000_000))
        );
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
        assert_eq!(times(1050, 2 * QUANTITY_SCALE, "item_total"), Ok(2100));
        // 0.10 × 0.15 = 0.015: 2 cents, half away from zero.
        assert_eq!(times(10, 150_000, "item_total"), Ok(2));
        assert_eq!(times(-10, 150_000, "item_total"), Ok(-2));
        assert!(times(MAX_CENTS, 1_000 * QUANTITY_SCALE, "item_total").is_err());
    }

    #[test]
    fn quantities_are_exact() {
        let cases = [
            (json!(2), Some(2_000_000)),
            (json!(1.1), Some(1_100_000)),
            (json!("0.0000005"), Some(1)),
            (json!(-3.25), Some(-3_250_000)),
            (json!(""), None),
        ];
        for (v, want) in cases {
            assert_eq!(quantity_exact(Some(&v), "quantity"), Ok(want), "{v}");
        }
        assert!(quantity_exact(Some(&json!(1e10)), "quantity").is_err());
    }

    #[test]
    fn percentages_are_exact_and_bounded() {
        let cases = [
            (json!(12.5), Some(125_000)),
            (json!("12.5%"), Some(125_000)),
            (json!(" 10 % "), Some(100_000)),
            (json!("0.00005"), Some(1)),
            (json!("0.00004"), Some(0)),
            (json!(100), Some(MAX_PERCENT)),
            (json!(""), None),
        ];
        for (v, want) in cases {
            assert_eq!(percent(Some(&v), "tax_percentage"), Ok(want), "{v}");
        }
        for bad in [
            json!(-1),
            json!(100.01),
            json!("1e2"),
            json!("ten"),
            json!(true),
            json!("."),
        ] {
            assert!(percent(Some(&bad), "tax_percentage").is_err(), "{bad}");
        }
    }

    #[test]
    fn discounts_are_percentages_or_amounts() {
        assert_eq!(
            discount(Some(&json!("10%")), "discount"),
            Ok(Some(Discount::Percent(100_000)))
        );
        assert_eq!(
            discount(Some(&json!(190)), "discount"),
            Ok(Some(Discount::Amount(19_000)))
        );
        assert_eq!(
            discount(Some(&json!("2.5")), "discount"),
            Ok(Some(Discount::Amount(250)))
        );
        assert!(discount(Some(&json!("101%")), "discount").is_err());
        assert!(discount(Some(&json!(-5)), "discount").is_err());
    }

    #[test]
    fn bodies_are_checked_at_any_depth() {
        assert!(check_body(&json!({"line_items": [{"rate": 10, "quantity": 2}]})).is_ok());
        assert!(check_body(&json!({"line_items": [{"rate": 1e300}]})).is_err());
        assert!(check_body(&json!({"payment_terms": 9_223_372_036_854_775_807_i64})).is_err());
        assert!(check_body(&json!({"payment_terms": -1})).is_err());
        assert!(check_body(&json!({"invoices": [{"amount_applied": "1e20"}]})).is_err());
        assert!(check_body(&json!({"line_items": [{"quantity": 1e300}]})).is_err());
        assert!(check_body(&json!({"line_items": [{"discount": "120%"}]})).is_err());
        assert!(check_body(&json!({"tax_percentage": 1e300})).is_err());
    }
}
