//! The money fields of documents with line items: what a request gives is read into
//! [`crate::money`]'s terms (lines, their items and taxes, discounts, exemptions, the
//! shipping charge's tax, the currency), and its totals are written back with their
//! `*_formatted` twins.
//!
//! A line's tax is its own `tax_id`, else the document's `tax_id`, else its item's. A line
//! with a `tax_exemption_id`, or any line of a document with one, is not taxed (nor is the
//! shipping charge of such a document).

use serde_json::{Value, json};

use crate::ctx::Ctx;
use crate::money::{self, Document, Line, Tax, Totals};
use crate::numbers::{
    PERCENT_SCALE, QUANTITY_SCALE, amount, discount, percent, quantity, quantity_exact, times,
};
use crate::reply::ApiError;
use crate::resources::amounts::{put, set_currency};
use crate::resources::defs::{ITEMS, TAX_EXEMPTIONS, TAX_GROUPS, TAXES};
use crate::state::{Org, Record, money as json_money, text};

/// The fields of a line's tax, cleared from an exempt line.
const LINE_TAX_FIELDS: &[&str] = &["tax_id", "tax_name", "tax_type", "tax_percentage"];

/// The fields written for a shipping charge's tax.
const SHIPPING_TAX_FIELDS: &[&str] = &[
    "shipping_charge_tax_name",
    "shipping_charge_tax_type",
    "shipping_charge_tax_percentage",
    "shipping_charge_tax",
    "shipping_charge_tax_formatted",
    "shipping_charge_exclusive_of_tax",
    "shipping_charge_inclusive_of_tax",
];

/// What the document says of its lines' taxes.
#[derive(Debug, Clone, Copy)]
struct Taxing<'a> {
    /// The document's `tax_id`, for lines without their own.
    tax_id: Option<&'a str>,
    /// Whether the document is tax exempt (`tax_exemption_id`).
    exempt: bool,
    /// Whether discounts are per line.
    item_level: bool,
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

/// Fills a line from the document's tax and its item (name, rate, unit, description, tax),
/// numbers it and reads it.
fn read_line(
    c: &Ctx<'_>,
    li: &mut Record,
    order: usize,
    taxing: Taxing<'_>,
) -> Result<Line, ApiError> {
    if let (None, Some(tax_id)) = (text(li.get("tax_id")), taxing.tax_id) {
        li.insert("tax_id".into(), json!(tax_id));
    }
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
    let exemption = text(li.get("tax_exemption_id"));
    if taxing.exempt || exemption.is_some() {
        for f in LINE_TAX_FIELDS {
            li.remove(*f);
        }
    }
    if let Some(code) = exemption.and_then(|id| exemption_code(c.org, &id)) {
        li.insert("tax_exemption_code".into(), json!(code));
    }
    let taxes = match text(li.get("tax_id")) {
        Some(id) => taxes_of(c.org, &id)?,
        None => Vec::new(),
    };
    let own = discount(li.get("discount"), "discount")?;
    Ok(Line {
        amount: times(rate, qty, "item_total")?,
        discount: own.filter(|_| taxing.item_level),
        taxes,
    })
}

/// The code of the tax exemption `id` names.
fn exemption_code(org: &Org, id: &str) -> Option<String> {
    text(org.get(TAX_EXEMPTIONS.table, id)?.get("tax_exemption_code"))
}

/// Whether a flag field is true (`true` or `"true"`), else `default`.
fn flag(rec: &Record, field: &str, default: bool) -> bool {
    text(rec.get(field)).map_or(default, |v| v == "true")
}

/// Reads a document's money fields, fills in its lines and writes its totals; returns the
/// total in cents.
pub(crate) fn compute(c: &Ctx<'_>, rec: &mut Record) -> Result<i64, ApiError> {
    let currency = set_currency(c.org, rec);
    let entity_discount = discount(rec.get("discount"), "discount")?;
    let item_level = match text(rec.get("discount_type")).as_deref() {
        Some("entity_level") => false,
        Some("item_level") => true,
        _ => entity_discount.is_none_or(|d| d == crate::numbers::Discount::Amount(0)),
    };
    let exemption = text(rec.get("tax_exemption_id"));
    if let Some(code) = exemption
        .as_deref()
        .and_then(|id| exemption_code(c.org, id))
    {
        rec.insert("tax_exemption_code".into(), json!(code));
    }
    let doc_tax = text(rec.get("tax_id"));
    let taxing = Taxing {
        tax_id: doc_tax.as_deref(),
        exempt: exemption.is_some(),
        item_level,
    };
    let mut lines = Vec::new();
    if let Some(Value::Array(items)) = rec.get_mut("line_items") {
        for (i, li) in items.iter_mut().enumerate() {
            let Value::Object(li) = li else {
                return Err(ApiError::invalid("line_items"));
            };
            lines.push(read_line(c, li, i + 1, taxing)?);
        }
    }
    let shipping_tax = text(rec.get("shipping_charge_tax_id")).filter(|_| !taxing.exempt);
    let shipping_taxes = match &shipping_tax {
        Some(id) => taxes_of(c.org, id)?,
        None => Vec::new(),
    };
    let doc = Document {
        lines,
        discount: entity_discount,
        item_level,
        before_tax: flag(rec, "is_discount_before_tax", true),
        inclusive: flag(rec, "is_inclusive_tax", false),
        shipping: amount(rec.get("shipping_charge"), "shipping_charge")?.unwrap_or(0),
        shipping_taxes,
        adjustment: amount(rec.get("adjustment"), "adjustment")?.unwrap_or(0),
        decimals: currency.decimals,
    };
    let totals = money::compute(&doc)?;
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
    put(rec, "discount_total", t.discount);
    put(rec, "shipping_charge", t.shipping);
    put(rec, "adjustment", t.adjustment);
    put(rec, "sub_total", t.sub_total);
    put(rec, "tax_total", t.tax_total);
    put(rec, "total", t.total);
    write_shipping_tax(org, rec, t);
}

/// Writes the shipping charge's tax (its name, kind, percentage and amount, and the charge
/// without and with it), or clears them when the charge has none.
fn write_shipping_tax(org: &Org, rec: &mut Record, t: &Totals) {
    for f in SHIPPING_TAX_FIELDS {
        rec.remove(*f);
    }
    let Some(id) = text(rec.get("shipping_charge_tax_id")) else {
        return;
    };
    if text(rec.get("tax_exemption_id")).is_some() {
        return;
    }
    let (name, kind, pct) = tax_described(org, &id);
    let inclusive = rec.get("is_inclusive_tax") == Some(&json!(true));
    let (without, with) = if inclusive {
        (t.shipping - t.shipping_tax, t.shipping)
    } else {
        (t.shipping, t.shipping + t.shipping_tax)
    };
    rec.insert("shipping_charge_tax_name".into(), json!(name));
    rec.insert("shipping_charge_tax_type".into(), json!(kind));
    rec.insert("shipping_charge_tax_percentage".into(), percent_value(pct));
    put(rec, "shipping_charge_tax", t.shipping_tax);
    rec.insert(
        "shipping_charge_exclusive_of_tax".into(),
        json_money(without),
    );
    rec.insert("shipping_charge_inclusive_of_tax".into(), json_money(with));
}

/// The name, kind (`tax` or `tax_group`) and percentage of the tax or tax group `id` names.
fn tax_described(org: &Org, id: &str) -> (String, &'static str, i64) {
    match tax(org, id) {
        Some(t) => (t.name, "tax", t.percent),
        None => {
            let group = org.get(TAX_GROUPS.table, id);
            let name = group.and_then(|g| text(g.get("tax_group_name")));
            let pct = taxes_of(org, id).map_or(0, |ts| ts.iter().map(|t| t.percent).sum());
            (name.unwrap_or_default(), "tax_group", pct)
        }
    }
}

/// Writes a line's total, its discount and its tax's name and percentage.
fn write_line(org: &Org, li: &mut Record, lt: &money::LineTotal) {
    li.insert("item_total".into(), json_money(lt.item_total));
    li.insert("discount_amount".into(), json_money(lt.discount_amount));
    let Some(id) = text(li.get("tax_id")) else {
        return;
    };
    li.insert("tax_id".into(), json!(id));
    let (name, kind, pct) = tax_described(org, &id);
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
