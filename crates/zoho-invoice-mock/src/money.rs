//! Money like Zoho: the totals of a document with line items (estimates, invoices, retainer
//! invoices, recurring invoices, credit notes), computed exactly in cents (`i128` products of
//! amounts within ±10^14 cents and percentages within 0 to 100, which cannot overflow; sums
//! are checked) and rounded half away from zero to the currency's decimals.
//!
//! - A line's `item_total` is its rate times its quantity, less its own discount (an amount,
//!   or a percentage of rate times quantity) when discounts are item level; item-level
//!   discounts always come before tax.
//! - `sub_total` is the sum of the lines' totals.
//! - An entity-level discount (an amount, or a percentage) is taken off the sub total before
//!   tax (it lowers every line's taxable amount in proportion) or after tax (a percentage is
//!   then of the sub total plus tax).
//! - Each tax of a line adds its percentage of the line's taxable amount (exclusive taxes),
//!   or is the part of it the rate already holds, `amount - amount / (1 + p)` (inclusive).
//!   Each tax is rounded once, over all the lines that carry the same taxes.
//! - A shipping charge with a tax (`shipping_charge_tax_id`) adds that tax's percentage of
//!   it (exclusive), or holds it (inclusive, like the rates); it is in `taxes` and
//!   `tax_total` with the lines' taxes, and no discount lowers it.
//! - `total` is `sub_total - discount + tax_total + shipping_charge + adjustment`; with
//!   inclusive taxes the sub total already holds the tax, which is not added again, and an
//!   entity-level discount always lowers the (tax-inclusive) taxable amount.
//! - Discounts are never negative nor more than what they are taken from; a discount on a
//!   negative amount brings it towards zero.

use crate::numbers::{Discount, MAX_CENTS, PERCENT_SCALE};
use crate::reply::ApiError;

/// How a currency writes amounts: its symbol and its number of decimals (0 to 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Currency {
    /// `$`, `₹`, `¥`.
    pub(crate) symbol: String,
    /// Decimals of its amounts, at most 2 (amounts are kept in cents).
    pub(crate) decimals: u32,
}

/// A tax of the organization, as a line names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tax {
    /// `tax_id`.
    pub(crate) id: String,
    /// `tax_name`.
    pub(crate) name: String,
    /// `tax_percentage`, in [`PERCENT_SCALE`] units.
    pub(crate) percent: i64,
}

/// One line item, as the request gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    /// Rate times quantity, in cents.
    pub(crate) amount: i64,
    /// The line's own discount.
    pub(crate) discount: Option<Discount>,
    /// The taxes on the line (one tax, or the members of a tax group).
    pub(crate) taxes: Vec<Tax>,
}

/// A document's lines and the rest of what its totals depend on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Document {
    /// The line items.
    pub(crate) lines: Vec<Line>,
    /// The document's own discount (entity level).
    pub(crate) discount: Option<Discount>,
    /// Whether discounts are per line (`item_level`) rather than on the document.
    pub(crate) item_level: bool,
    /// `is_discount_before_tax` (entity-level discounts only).
    pub(crate) before_tax: bool,
    /// `is_inclusive_tax`: rates include their taxes.
    pub(crate) inclusive: bool,
    /// `shipping_charge`, in cents.
    pub(crate) shipping: i64,
    /// The taxes on the shipping charge (`shipping_charge_tax_id`: one tax, or a group's).
    pub(crate) shipping_taxes: Vec<Tax>,
    /// `adjustment`, in cents.
    pub(crate) adjustment: i64,
    /// Decimals of the document's currency.
    pub(crate) decimals: u32,
}

/// The amounts of one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LineTotal {
    /// `item_total`.
    pub(crate) item_total: i64,
    /// `discount_amount`: what the line's own discount took off.
    pub(crate) discount_amount: i64,
}

/// What one tax amounts to over the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TaxTotal {
    /// The tax.
    pub(crate) tax: Tax,
    /// `tax_amount`, in cents.
    pub(crate) amount: i64,
}

/// A document's totals, every one in cents, rounded to its currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Totals {
    /// One per line, in order.
    pub(crate) lines: Vec<LineTotal>,
    /// `sub_total`.
    pub(crate) sub_total: i64,
    /// The entity-level discount taken off (`discount_amount`).
    pub(crate) discount: i64,
    /// `taxes`, in the order the lines first name them.
    pub(crate) taxes: Vec<TaxTotal>,
    /// `tax_total`.
    pub(crate) tax_total: i64,
    /// `shipping_charge`, rounded.
    pub(crate) shipping: i64,
    /// The shipping charge's tax (`shipping_charge_tax`), its part of `tax_total`.
    pub(crate) shipping_tax: i64,
    /// `adjustment`, rounded.
    pub(crate) adjustment: i64,
    /// `total`.
    pub(crate) total: i64,
}

/// A hundred percent, in [`PERCENT_SCALE`] units.
const HUNDRED: i128 = 100 * PERCENT_SCALE as i128;

/// The error of a total out of range.
fn too_large(field: &str) -> ApiError {
    ApiError::out_of_range(
        field,
        -crate::numbers::MAX_AMOUNT,
        crate::numbers::MAX_AMOUNT,
    )
}

/// `n / d` rounded half away from zero; `d` is positive.
fn div_round(n: i128, d: i128) -> i128 {
    let (q, r) = (n / d, n % d);
    if 2 * r.abs() >= d { q + n.signum() } else { q }
}

/// Cents rounded half away from zero to `decimals` (0 to 2) of the currency.
pub(crate) fn round_to(cents: i64, decimals: u32) -> i64 {
    let unit = 10_i64.pow(2 - decimals.min(2));
    // |cents| ≤ i64::MAX and unit ≤ 100: the product of the quotient fits.
    let q = div_round(i128::from(cents), i128::from(unit));
    i64::try_from(q * i128::from(unit)).unwrap_or(cents)
}

/// An `i128` amount back in `i64` cents, within ±[`MAX_CENTS`].
fn cents(v: i128, field: &str) -> Result<i64, ApiError> {
    i64::try_from(v)
        .ok()
        .filter(|c| c.abs() <= MAX_CENTS)
        .ok_or_else(|| too_large(field))
}

/// `percent` of `base`, rounded to the currency.
fn part(base: i64, percent: i64, decimals: u32, field: &str) -> Result<i64, ApiError> {
    let p = div_round(i128::from(base) * i128::from(percent), HUNDRED);
    Ok(round_to(cents(p, field)?, decimals))
}

/// What a discount takes off `base`; refused when negative or more than the base.
fn discount_of(
    d: Option<Discount>,
    base: i64,
    decimals: u32,
    field: &str,
) -> Result<i64, ApiError> {
    let off = match d {
        None => 0,
        Some(Discount::Percent(p)) => part(base, p, decimals, field)?.abs(),
        Some(Discount::Amount(a)) => round_to(a, decimals).abs(),
    };
    if off.abs() > base.abs() {
        return Err(ApiError::bad(
            crate::reply::codes::INVALID_VALUE,
            format!("The {field} cannot be more than the amount it is taken from."),
        ));
    }
    Ok(off * base.signum())
}

/// The lines' totals after their own discounts.
fn line_totals(doc: &Document) -> Result<Vec<LineTotal>, ApiError> {
    doc.lines
        .iter()
        .map(|l| {
            let amount = round_to(l.amount, doc.decimals);
            let own = if doc.item_level { l.discount } else { None };
            let off = discount_of(own, amount, doc.decimals, "discount")?;
            Ok(LineTotal {
                item_total: amount - off,
                discount_amount: off.abs(),
            })
        })
        .collect()
}

/// The lines' totals summed per set of taxes, in the order the sets first appear.
fn bases(doc: &Document, lines: &[LineTotal]) -> Result<Vec<(Vec<Tax>, i64)>, ApiError> {
    let mut out: Vec<(Vec<Tax>, i64)> = Vec::new();
    for (l, t) in doc.lines.iter().zip(lines) {
        if l.taxes.is_empty() {
            continue;
        }
        match out.iter_mut().find(|(taxes, _)| *taxes == l.taxes) {
            Some((_, sum)) => *sum = crate::numbers::add_cents(*sum, t.item_total, "tax_total")?,
            None => out.push((l.taxes.clone(), t.item_total)),
        }
    }
    Ok(out)
}

/// Each tax of the document: per set of taxes, the taxable amount is the set's lines'
/// total scaled by `kept / sub_total` (what a discount before tax leaves).
fn taxes(
    doc: &Document,
    lines: &[LineTotal],
    sub_total: i64,
    kept: i64,
) -> Result<Vec<TaxTotal>, ApiError> {
    let mut out: Vec<TaxTotal> = Vec::new();
    let scale_num = if sub_total == 0 { 1 } else { i128::from(kept) };
    let scale_den = if sub_total == 0 {
        1
    } else {
        i128::from(sub_total)
    };
    for (set, base) in bases(doc, lines)? {
        let rates: i128 = set.iter().map(|t| i128::from(t.percent)).sum();
        for tax in set {
            let num = i128::from(base) * scale_num * i128::from(tax.percent);
            let den = if doc.inclusive {
                HUNDRED + rates
            } else {
                HUNDRED
            };
            let amount = round_to(
                cents(div_round(num, den * scale_den), "tax_total")?,
                doc.decimals,
            );
            match out.iter_mut().find(|t| t.tax.id == tax.id) {
                Some(t) => t.amount = crate::numbers::add_cents(t.amount, amount, "tax_total")?,
                None => out.push(TaxTotal { tax, amount }),
            }
        }
    }
    Ok(out)
}

/// The taxes of a shipping charge of `shipping` cents: each its percentage of the charge, or
/// (inclusive) its part of it.
fn shipping_taxes(doc: &Document, shipping: i64) -> Result<Vec<TaxTotal>, ApiError> {
    let rates: i128 = doc
        .shipping_taxes
        .iter()
        .map(|t| i128::from(t.percent))
        .sum();
    let den = if doc.inclusive {
        HUNDRED + rates
    } else {
        HUNDRED
    };
    doc.shipping_taxes
        .iter()
        .map(|tax| {
            let num = i128::from(shipping) * i128::from(tax.percent);
            let amount = round_to(cents(div_round(num, den), "tax_total")?, doc.decimals);
            Ok(TaxTotal {
                tax: tax.clone(),
                amount,
            })
        })
        .collect()
}

/// Adds `more` to `taxes`, summing the amounts of the same tax.
fn merge(taxes: &mut Vec<TaxTotal>, more: Vec<TaxTotal>) -> Result<(), ApiError> {
    for m in more {
        match taxes.iter_mut().find(|t| t.tax.id == m.tax.id) {
            Some(t) => t.amount = crate::numbers::add_cents(t.amount, m.amount, "tax_total")?,
            None => taxes.push(m),
        }
    }
    Ok(())
}

/// A document's totals.
pub(crate) fn compute(doc: &Document) -> Result<Totals, ApiError> {
    let lines = line_totals(doc)?;
    let sub_total = crate::numbers::sum_cents(lines.iter().map(|l| l.item_total), "sub_total")?;
    let entity = if doc.item_level { None } else { doc.discount };
    let before = doc.before_tax || doc.inclusive;
    let pre_tax_off = if before {
        discount_of(entity, sub_total, doc.decimals, "discount")?
    } else {
        0
    };
    let mut taxes = taxes(doc, &lines, sub_total, sub_total - pre_tax_off)?;
    let line_tax = crate::numbers::sum_cents(taxes.iter().map(|t| t.amount), "tax_total")?;
    let discount = if before {
        pre_tax_off
    } else {
        let with_tax = crate::numbers::add_cents(sub_total, line_tax, "total")?;
        discount_of(entity, with_tax, doc.decimals, "discount")?
    };
    let shipping = round_to(doc.shipping, doc.decimals);
    let on_shipping = shipping_taxes(doc, shipping)?;
    let shipping_tax =
        crate::numbers::sum_cents(on_shipping.iter().map(|t| t.amount), "tax_total")?;
    merge(&mut taxes, on_shipping)?;
    let tax_total = crate::numbers::add_cents(line_tax, shipping_tax, "tax_total")?;
    let added_tax = if doc.inclusive { 0 } else { tax_total };
    let adjustment = round_to(doc.adjustment, doc.decimals);
    let total = crate::numbers::sum_cents(
        [sub_total, -discount, added_tax, shipping, adjustment],
        "total",
    )?;
    Ok(Totals {
        lines,
        sub_total,
        discount,
        taxes,
        tax_total,
        shipping,
        shipping_tax,
        adjustment,
        total,
    })
}

/// An amount as Zoho writes its `*_formatted` twin: the currency's symbol, then the amount
/// with its decimals and thousands separated by commas (`$1,234.50`, `-$5.00`, `¥1,500`).
pub(crate) fn format(cents: i64, currency: &Currency) -> String {
    let decimals = currency.decimals.min(2);
    let rounded = round_to(cents, decimals).unsigned_abs();
    let whole = (rounded / 100).to_string();
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if cents < 0 && rounded > 0 { "-" } else { "" };
    let frac = rounded % 100;
    match decimals {
        0 => format!("{sign}{}{grouped}", currency.symbol),
        1 => format!("{sign}{}{grouped}.{}", currency.symbol, frac / 10),
        _ => format!("{sign}{}{grouped}.{frac:02}", currency.symbol),
    }
}

#[cfg(test)]
#[path = "money_tests.rs"]
mod tests;
