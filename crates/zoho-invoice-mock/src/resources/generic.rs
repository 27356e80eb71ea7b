//! Create, get, list, update and delete for any stored resource, plus status changes,
//! flags and history.

use serde_json::{Map, Value, json};

use crate::ctx::{Ctx, Format};
use crate::list;
use crate::pdf;
use crate::reply::{ApiError, HResult, Reply, capitalize};
use crate::resources::defs::{Mode, Res, Shape};
use crate::state::{Record, text};
use crate::validate::{self, Scope, present};

/// The parent id named in the path, checked to exist.
fn path_parent(c: &Ctx<'_>, res: &Res) -> Result<Option<String>, ApiError> {
    let Some(parent) = res.parent else {
        return Ok(None);
    };
    let id = c.param(parent.id);
    if id.is_empty() {
        return Ok(None);
    }
    if c.org.get(parent.table, id).is_none() {
        return Err(ApiError::not_found(parent.label));
    }
    Ok(Some(id.to_string()))
}

/// A record by id, refreshed, checked against the parent in the path.
pub(crate) fn load(c: &mut Ctx<'_>, res: &Res, id: &str) -> Result<Record, ApiError> {
    let parent = path_parent(c, res)?;
    let now = c.now;
    let mut rec = c
        .org
        .get(res.table, id)
        .ok_or_else(|| ApiError::not_found(res.label))?
        .clone();
    if let (Some(pid), Some(p)) = (parent, res.parent) {
        if text(rec.get(p.id)).as_deref() != Some(pid.as_str()) {
            return Err(ApiError::not_found(res.label));
        }
    }
    res.refresh(now, &mut rec);
    Ok(rec)
}

/// Stores a record back, stamping `last_modified_time`.
pub(crate) fn store(c: &mut Ctx<'_>, res: &Res, mut rec: Record) {
    rec.insert("last_modified_time".into(), json!(c.timestamp()));
    let id = text(rec.get(res.id)).unwrap_or_default();
    c.org.table(res.table).insert(id, rec);
}

/// Appends a comment or history entry to a record's history.
pub(crate) fn add_history(c: &mut Ctx<'_>, res: &Res, parent_id: &str, description: &str) {
    let Some(h) = res.history else { return };
    let id = c.new_id();
    let rec = json!({
        "comment_id": id,
        h.parent.map_or("parent_id", |p| p.id): parent_id,
        "description": description,
        "commented_by_id": "982000000554041",
        "commented_by": "John David",
        "comment_type": "system",
        "operation_type": "Updated",
        "date": c.today(),
        "date_description": "today",
        "time": "",
        "created_time": c.timestamp(),
        "last_modified_time": c.timestamp(),
    });
    if let Value::Object(rec) = rec {
        c.org.table(h.table).insert(id, rec);
    }
}

/// Creates a record from `input` (validation, ids, numbering, hooks) and stores it.
pub(crate) fn create_record(
    c: &mut Ctx<'_>,
    res: &Res,
    mut input: Record,
) -> Result<Record, ApiError> {
    validate::check(c, res, &input, None)?;
    if let Some(parent) = res.parent {
        match path_parent(c, res)? {
            Some(pid) => {
                input.insert(parent.id.into(), json!(pid));
            }
            None => {
                if let Some(pid) = text(input.get(parent.id)) {
                    if c.org.get(parent.table, &pid).is_none() {
                        return Err(ApiError::invalid(parent.id));
                    }
                    input.insert(parent.id.into(), json!(pid));
                }
            }
        }
    }
    if let Some(missing) = res.required.iter().find(|f| !present(&input, f)) {
        return Err(ApiError::missing(missing));
    }
    let id = c.new_id();
    input.insert(res.id.into(), json!(id));
    if let Some((field, prefix)) = res.number {
        if !present(&input, field) {
            let n = c.org.next_number(res.table, prefix);
            input.insert(field.into(), json!(n));
        }
    }
    if let Some(status) = res.status {
        input.insert("status".into(), json!(status));
    }
    input.insert("created_time".into(), json!(c.timestamp()));
    (res.prepare)(c, &mut input, Mode::Create)?;
    res.refresh(c.now, &mut input);
    store(c, res, input.clone());
    let label = res.label;
    add_history(c, res, &id, &format!("{} created", capitalize(label)));
    Ok(c.org.get(res.table, &id).cloned().unwrap_or(input))
}

/// Checks that the record of `res` named in the path exists, then the body of operation
/// `op` ([`validate::check_operation`]) with the record's customer (a contact's own id) in
/// scope. Answers the record.
pub(crate) fn check_body(c: &mut Ctx<'_>, res: &Res, op: &str) -> Result<Record, ApiError> {
    let id = c.param(res.id).to_string();
    let rec = load(c, res, &id)?;
    let input = c.input()?;
    let customer = text(rec.get("customer_id")).or_else(|| text(rec.get("contact_id")));
    let scope = Scope {
        customer: customer.as_deref(),
        project: None,
    };
    validate::check_operation(c, op, &input, scope)?;
    Ok(rec)
}

/// A success answer carrying `rec` in `shape`, with HTTP `status`.
pub(crate) fn record_reply(status: u16, message: &str, shape: Shape, rec: Record) -> Reply {
    let mut map = Map::new();
    match shape {
        Shape::One(key) => {
            map.insert(key.into(), Value::Object(rec));
        }
        Shape::ListOfOne(key) => {
            map.insert(key.into(), json!([rec]));
        }
        Shape::Flat => map.extend(rec),
        Shape::Bare => {}
    }
    map.insert("code".into(), json!(0));
    map.insert("message".into(), json!(message));
    Reply::Json(status, Value::Object(map))
}

/// The body of a create or update, with the resource's query fields added where the body
/// does not carry them (`true` and `false` as booleans).
fn input_with_query(c: &Ctx<'_>, res: &Res) -> Result<Record, ApiError> {
    let mut input = c.input()?;
    for field in res.query_fields {
        let Some(value) = c.query(field) else {
            continue;
        };
        if input.contains_key(*field) {
            continue;
        }
        let value = match value {
            "true" => json!(true),
            "false" => json!(false),
            text => json!(text),
        };
        input.insert((*field).to_owned(), value);
    }
    Ok(input)
}

/// `POST /things`.
pub(crate) fn create(c: &mut Ctx<'_>, res: &Res) -> HResult {
    let input = input_with_query(c, res)?;
    let rec = create_record(c, res, input)?;
    Ok(record_reply(
        201,
        &format!("The {} has been created.", res.label),
        res.answers.create,
        rec,
    ))
}

/// `GET /things/{id}`, also as PDF or HTML when asked.
pub(crate) fn get(c: &mut Ctx<'_>, res: &Res) -> HResult {
    let id = c.last_param().to_string();
    let rec = load(c, res, &id)?;
    if c.format != Format::Json {
        return Ok(pdf::document_reply(c.format, res, &[rec]));
    }
    Ok(record_reply(200, "success", res.answers.get, rec))
}

/// `GET /things`: filtered, sorted, paginated. A page of a whole table in its default
/// order, or sorted by one of the common columns (whose order the table keeps from the
/// first such list on), costs its own records (the table's indexes); sub-resources of one
/// parent and other orders and filters go over the records by reference.
pub(crate) fn list(c: &mut Ctx<'_>, res: &Res) -> HResult {
    let parent = path_parent(c, res)?;
    let report = capitalize(res.many);
    let (Some(pid), Some(p)) = (&parent, res.parent) else {
        let column = c.query("sort_column").map(str::to_owned);
        if let (Some(col), Some(table)) = (column, c.org.find_table_mut(res.table)) {
            table.keep_order(&col);
        }
        let (page, context) = list::table_page(c.org.find_table(res.table), &c.query, &report)?;
        return Reply::list(res.many, &page, &context);
    };
    let children = c
        .org
        .rows(res.table)
        .filter(|rec| text(rec.get(p.id)).as_deref() == Some(pid.as_str()));
    let (page, context) = list::page(children, &c.query, &report)?;
    Ok(Reply::ok(
        "success",
        vec![
            (
                res.many,
                Value::Array(page.into_iter().map(Value::Object).collect()),
            ),
            ("page_context", context),
        ],
    ))
}

/// Merges `input` into the record `id` and stores it.
pub(crate) fn update_record(
    c: &mut Ctx<'_>,
    res: &Res,
    id: &str,
    input: Record,
) -> Result<Record, ApiError> {
    let mut rec = load(c, res, id)?;
    validate::check(c, res, &input, Some(&rec))?;
    for (k, v) in input {
        if k == res.id || k == "created_time" {
            continue;
        }
        rec.insert(k, v);
    }
    (res.prepare)(c, &mut rec, Mode::Update)?;
    res.refresh(c.now, &mut rec);
    store(c, res, rec.clone());
    add_history(c, res, id, &format!("{} updated", capitalize(res.label)));
    Ok(rec)
}

/// `PUT /things/{id}`.
pub(crate) fn update(c: &mut Ctx<'_>, res: &Res) -> HResult {
    let id = c.last_param().to_string();
    let input = input_with_query(c, res)?;
    let rec = update_record(c, res, &id, input)?;
    Ok(record_reply(
        200,
        &format!("The {} has been updated.", res.label),
        res.answers.update,
        rec,
    ))
}

/// Removes a record after its delete hook.
pub(crate) fn delete_record(c: &mut Ctx<'_>, res: &Res, id: &str) -> Result<Record, ApiError> {
    let rec = load(c, res, id)?;
    (res.on_delete)(c, &rec)?;
    c.org.table(res.table).remove(id);
    Ok(rec)
}

/// `DELETE /things/{id}`.
pub(crate) fn delete(c: &mut Ctx<'_>, res: &Res) -> HResult {
    let id = c.last_param().to_string();
    delete_record(c, res, &id)?;
    Ok(Reply::ok(
        &format!("The {} has been deleted.", res.label),
        vec![],
    ))
}

/// Sets fields of the record named by the last path parameter and answers `message`.
pub(crate) fn patch(
    c: &mut Ctx<'_>,
    res: &Res,
    fields: &[(&str, Value)],
    message: &str,
) -> HResult {
    let id = c.last_param().to_string();
    patch_id(c, res, &id, fields, message)
}

/// The same for a given record id.
pub(crate) fn patch_id(
    c: &mut Ctx<'_>,
    res: &Res,
    id: &str,
    fields: &[(&str, Value)],
    message: &str,
) -> HResult {
    let mut rec = load(c, res, id)?;
    for (k, v) in fields {
        rec.insert((*k).to_string(), v.clone());
    }
    res.refresh(c.now, &mut rec);
    store(c, res, rec);
    add_history(c, res, id, message);
    Ok(Reply::ok(message, vec![]))
}

/// Moves the status of the record in the path from one of `from` to `to`.
pub(crate) fn transition(
    c: &mut Ctx<'_>,
    res: &Res,
    from: &[&str],
    to: &str,
    message: &str,
) -> HResult {
    let id = c.last_param().to_string();
    let rec = load(c, res, &id)?;
    let status = text(rec.get("status")).unwrap_or_default();
    if !from.is_empty() && !from.contains(&status.as_str()) {
        return Err(ApiError::state(format!(
            "The {} cannot be marked as {to} from the status {status}.",
            res.label
        )));
    }
    patch_id(c, res, &id, &[("status", json!(to))], message)
}

/// Checks that the record in the path exists and answers `message`, noting it in history.
pub(crate) fn ack(c: &mut Ctx<'_>, res: &Res, message: &str) -> HResult {
    let id = c
        .params
        .iter()
        .find(|(n, _)| *n == res.id)
        .map(|(_, v)| v.clone());
    let id = id.unwrap_or_else(|| c.last_param().to_string());
    load(c, res, &id)?;
    add_history(c, res, &id, message);
    Ok(Reply::ok(message, vec![]))
}
