//! The money fields of documents with line items: what a request gives is read into
//! [`crate::money`]'s terms (lines, their items and taxes, discounts, the currency), and its
//! totals are written back with their `*_formatted` twins.

use serde_json::{Value, json};

use crate::ctx::Ctx;
use crate::money::{self, Currency, Document, Line, Tax, Totals};
use crate::numbers::{
    PERCENT_SCALE, QUANTITY_SCALE, amount, discount, percent, quantity, quantity_exact, times,
};
use crate::reply::ApiError;
use crate::resources::defs::{CURRENCIES, ITEMS, TAX_GROUPS, TAXES};
use crate::state::{Org, Record, money as json_money, text};

/// The amount fields of a document that have a `*_formatted` twin.
const FORMATTED: &[&str] = &["sub_total", "tax_total", "total", "balance"];

/// The currency of a record, as stored on it by [`compute`] (`currency_symbol`,
/// `price_precision`); dollars with cents when it has none.
pub(crate) fn currency_of(rec: &Record) -> Currency {
    let decimals = rec
        .get("price_precision")
        .and_then(Value::as_u64)
        .and_then(|p| u32::try_from(p).ok())
        .unwrap_or(2)
        .min(2);
    Currency {
        symbol: text(rec.get("currency_symbol")).unwrap_or_else(|| "$".into()),
        decimals,
    }
}

/// Stores `cents` in `field`, and its `*_formatted` twin when the field has one.
pub(crate) fn put(rec: &mut Record, field: &str, cents: i64) {
    rec.insert(field.into(), json_money(cents));
    if FORMATTED.contains(&field) {
        let formatted = money::format(cents, &currency_of(rec));
        rec.insert(format!("{field}_formatted"), json!(formatted));
    }
}

/// The organization's currency named `code`, else the organization's own currency.
fn find_currency(org: &Org, code: Option<&str>) -> (String, Currency) {
    let info = &org.info;
    let base = text(info.get("currency_code")).unwrap_or_else(|| "USD".into());
    let code = code.map_or(base, str::to_owned);
    let row = org
        .rows(CURRENCIES.table)
        .find(|c| text(c.get("currency_code")).as_deref() == Some(code.as_str()));
    // Currency rows and the organization's record both carry `currency_symbol` and
    // `price_precision`.
    (code, currency_of(row.unwrap_or(info)))
}

/// One tax of the organization by id.
fn tax(org: &Org, id: &str) -> Option<Tax> {
    let t = org.get(TAXES.table, id)?;
    Some(Tax {
        id: id.to_owned(),
        name: text(t.get("tax_name")).unwrap_or_default(),
        percent: percent(t.get("tax_percentage"), "tax_percentage")
            .ok()
            .flatten()
            .unwrap_or(0),
    })
}

/// The taxes a line's `tax_id` names: one tax, or the members of a tax group (its `taxes`,
/// stored as the member taxes' records).
fn taxes_of(org: &Org, id: &str) -> Result<Vec<Tax>, ApiError> {
    if let Some(t) = tax(org, id) {
        return Ok(vec![t]);
    }
    let group = org
        .get(TAX_GROUPS.table, id)
        .ok_or_else(|| ApiError::invalid("tax_id"))?;
    let members: Vec<String> = group
        .get("taxes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|m| text(m.get("tax_id")))
        .collect();
    members
        .iter()
        .map(|m| tax(org, m).ok_or_else(|| ApiError::invalid("tax_id")))
        .collect()
}

/// Fills a line from its item (name, rate, unit, description), numbers it and reads it.
fn read_line(
    c: &Ctx<'_>,
    li: &mut Record,
    order: usize,
    item_level: bool,
) -> Result<Line, ApiError> {
    if let Some(item_id) = text(li.get("item_id")) {
        let item = c
            .org
            .get(ITEMS.table, &item_id)
            .ok_or_else(|| ApiError::invalid("item_id"))?;
        li.insert("item_id".into(), json!(item_id));
        for f in ["name", "rate", "unit", "description", "tax_id"] {
            if text(li.get(f)).is_none() {
                if let Some(v) = item.get(f) {
                    li.insert(f.into(), v.clone());
                }
            }
        }
    }
    if text(li.get("line_item_id")).is_none() {
        li.insert("line_item_id".into(), json!(c.new_id()));
    }
    let rate = amount(li.get("rate"), "rate")?.unwrap_or(0);
    let shown = quantity(li.get("quantity"), "quantity")?.unwrap_or(1.0);
    let qty = quantity_exact(li.get("quantity"), "quantity")?.unwrap_or(QUANTITY_SCALE);
    li.insert("quantity".into(), json!(shown));
    li.insert("item_order".into(), json!(order));
    let taxes = match text(li.get("tax_id")) {
        Some(id) => taxes_of(c.org, &id)?,
        None => Vec::new(),
    };
    let own = discount(li.get("discount"), "discount")?;
    Ok(Line {
        amount: times(rate, qty, "item_total")?,
        discount: own.filter(|_| item_level),
        taxes,
    })
}

/// Whether a flag field is true (`true` or `"true"`), else `default`.
fn flag(rec: &Record, field: &str, default: bool) -> bool {
    text(rec.get(field)).map_or(default, |v| v == "true")
}

/// Reads a document's money fields, fills in its lines and writes its totals; returns the
/// total in cents.
pub(crate) fn compute(c: &Ctx<'_>, rec: &mut Record) -> Result<i64, ApiError> {
    let code = text(rec.get("currency_code"));
    let (code, currency) = find_currency(c.org, code.as_deref());
    let entity_discount = discount(rec.get("discount"), "discount")?;
    let item_level = match text(rec.get("discount_type")).as_deref() {
        Some("entity_level") => false,
        Some("item_level") => true,
        _ => entity_discount.is_none_or(|d| d == crate::numbers::Discount::Amount(0)),
    };
    let mut lines = Vec::new();
    if let Some(Value::Array(items)) = rec.get_mut("line_items") {
        for (i, li) in items.iter_mut().enumerate() {
            let Value::Object(li) = li else {
                return Err(ApiError::invalid("line_items"));
            };
            lines.push(read_line(c, li, i + 1, item_level)?);
        }
    }
    let doc = Document {
        lines,
        discount: entity_discount,
        item_level,
        before_tax: flag(rec, "is_discount_before_tax", true),
        inclusive: flag(rec, "is_inclusive_tax", false),
        shipping: amount(rec.get("shipping_charge"), "shipping_charge")?.unwrap_or(0),
        adjustment: amount(rec.get("adjustment"), "adjustment")?.unwrap_or(0),
        decimals: currency.decimals,
    };
    let totals = money::compute(&doc)?;
    rec.insert("currency_code".into(), json!(code));
    rec.insert("currency_symbol".into(), json!(currency.symbol));
    rec.insert("price_precision".into(), json!(currency.decimals));
    rec.insert(
        "discount_type".into(),
        json!(if item_level {
            "item_level"
        } else {
            "entity_level"
        }),
    );
    rec.insert("is_discount_before_tax".into(), json!(doc.before_tax));
    rec.insert("is_inclusive_tax".into(), json!(doc.inclusive));
    write(c.org, rec, &totals);
    Ok(totals.total)
}

/// Writes a document's totals and its lines' amounts and taxes.
fn write(org: &Org, rec: &mut Record, t: &Totals) {
    if let Some(Value::Array(items)) = rec.get_mut("line_items") {
        for (li, lt) in items.iter_mut().zip(&t.lines) {
            if let Value::Object(li) = li {
                write_line(org, li, lt);
            }
        }
    }
    let taxes: Vec<Value> = t
        .taxes
        .iter()
        .map(|x| json!({"tax_id": x.tax.id, "tax_name": x.tax.name, "tax_amount": json_money(x.amount)}))
        .collect();
    rec.insert("taxes".into(), Value::Array(taxes));
    rec.insert("discount_amount".into(), json_money(t.discount));
    rec.insert("shipping_charge".into(), json_money(t.shipping));
    rec.insert("adjustment".into(), json_money(t.adjustment));
    put(rec, "sub_total", t.sub_total);
    put(rec, "tax_total", t.tax_total);
    put(rec, "total", t.total);
}

/// Writes a line's total, its discount and its tax's name and percentage.
fn write_line(org: &Org, li: &mut Record, lt: &money::LineTotal) {
    li.insert("item_total".into(), json_money(lt.item_total));
    li.insert("discount_amount".into(), json_money(lt.discount_amount));
    let Some(id) = text(li.get("tax_id")) else {
        return;
    };
    li.insert("tax_id".into(), json!(id));
    let (name, kind, pct) = match tax(org, &id) {
        Some(t) => (t.name, "tax", t.percent),
        None => {
            let group = org.get(TAX_GROUPS.table, &id);
            let name = group.and_then(|g| text(g.get("tax_group_name")));
            let pct = taxes_of(org, &id).map_or(0, |ts| ts.iter().map(|t| t.percent).sum());
            (name.unwrap_or_default(), "tax_group", pct)
        }
    };
    li.insert("tax_name".into(), json!(name));
    li.insert("tax_type".into(), json!(kind));
    li.insert("tax_percentage".into(), percent_value(pct));
}

/// A percentage in [`PERCENT_SCALE`] units as a JSON number (`12.5`).
fn percent_value(p: i64) -> Value {
    if p % PERCENT_SCALE == 0 {
        json!(p / PERCENT_SCALE)
    } else {
        let text = format!("{}.{:04}", p / PERCENT_SCALE, p % PERCENT_SCALE);
        let trimmed = text.trim_end_matches('0');
        serde_json::from_str(trimmed).unwrap_or(json!(0))
    }
}
