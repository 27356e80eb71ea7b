//! Projects, their users and tasks, time entries and the running timer.

use serde_json::{Value, json};

use crate::clock::parse_timestamp;
use crate::ctx::Ctx;
use crate::numbers::MAX_LOG_HOURS;
use crate::reply::{ApiError, HResult, Reply};
use crate::resources::billing::check_customer;
use crate::resources::defs::{INVOICES, Mode, PROJECT_USERS, PROJECTS, TASKS, TIME_ENTRIES, USERS};
use crate::resources::generic;
use crate::state::{Record, text};
use crate::validate::{self, Scope};

/// The user every request acts as (a stored user, see `GET /users/me`).
const ME: &str = crate::state::CURRENT_USER_ID;

/// Prepare hook of projects: the customer, and tasks and users given inline.
pub(crate) fn prepare_project(
    c: &mut Ctx<'_>,
    rec: &mut Record,
    mode: Mode,
) -> Result<(), ApiError> {
    check_customer(c, rec)?;
    if mode != Mode::Create {
        return Ok(());
    }
    let pid = text(rec.get("project_id")).unwrap_or_default();
    let tasks = rec.remove("tasks");
    let users = rec.remove("users");
    if let Some(Value::Array(tasks)) = tasks {
        for t in tasks {
            if let Value::Object(mut t) = t {
                let id = c.new_id();
                t.insert("task_id".into(), json!(id));
                t.insert("project_id".into(), json!(pid));
                t.entry("status").or_insert(json!("open"));
                c.org.table(TASKS.table).insert(id, t);
            }
        }
    }
    if let Some(Value::Array(users)) = users {
        for u in users {
            if let Value::Object(u) = u {
                add_user(c, &pid, u);
            }
        }
    }
    rec.entry("billing_type")
        .or_insert(json!("based_on_project_hours"));
    Ok(())
}

fn add_user(c: &mut Ctx<'_>, project_id: &str, mut u: Record) -> Record {
    let id = text(u.get("user_id"))
        .filter(|id| id.chars().all(|ch| ch.is_ascii_digit()))
        .unwrap_or_else(|| c.new_id());
    u.insert("user_id".into(), json!(id));
    u.insert("project_id".into(), json!(project_id));
    u.entry("status").or_insert(json!("active"));
    u.entry("user_role").or_insert(json!("staff"));
    u.insert("is_current_user".into(), json!(id == ME));
    let key = format!("{project_id}:{id}");
    c.org.table(PROJECT_USERS.table).insert(key, u.clone());
    u
}

/// `POST /projects/{project_id}/clone`.
pub(crate) fn clone_project(c: &mut Ctx<'_>) -> HResult {
    let id = c.param("project_id").to_string();
    let source = generic::load(c, &PROJECTS, &id)?;
    let input = c.input()?;
    validate::check_operation(
        c,
        "POST /projects/{project_id}/clone",
        &input,
        Scope::default(),
    )?;
    let mut copy = source.clone();
    for f in ["project_id", "created_time", "last_modified_time"] {
        copy.remove(f);
    }
    for (k, v) in input {
        copy.insert(k, v);
    }
    let rec = generic::create_record(c, &PROJECTS, copy)?;
    let new_id = text(rec.get("project_id")).unwrap_or_default();
    let tasks: Vec<Record> = c
        .org
        .rows(TASKS.table)
        .filter(|t| text(t.get("project_id")).as_deref() == Some(id.as_str()))
        .cloned()
        .collect();
    for mut t in tasks {
        let tid = c.new_id();
        t.insert("task_id".into(), json!(tid));
        t.insert("project_id".into(), json!(new_id));
        c.org.table(TASKS.table).insert(tid, t);
    }
    Ok(Reply::created(
        "The project has been cloned.",
        vec![("project", Value::Object(rec))],
    ))
}

fn user_rows(c: &Ctx<'_>, project_id: &str) -> Vec<Value> {
    c.org
        .rows(PROJECT_USERS.table)
        .filter(|u| text(u.get("project_id")).as_deref() == Some(project_id))
        .cloned()
        .map(Value::Object)
        .collect()
}

/// `POST /projects/{project_id}/users` (one user or a `users` array): each a user of the
/// organization.
pub(crate) fn assign_users(c: &mut Ctx<'_>) -> HResult {
    let pid = c.param("project_id").to_string();
    generic::load(c, &PROJECTS, &pid)?;
    let input = c.input()?;
    validate::check_operation(
        c,
        "POST /projects/{project_id}/users",
        &input,
        Scope::default(),
    )?;
    let users: Vec<Record> = match input.get("users") {
        Some(Value::Array(a)) => a.iter().filter_map(|u| u.as_object().cloned()).collect(),
        _ => vec![input.clone()],
    };
    if users.is_empty() || users.iter().any(|u| text(u.get("user_id")).is_none()) {
        return Err(ApiError::missing("user_id"));
    }
    let added: Vec<Value> = users
        .into_iter()
        .map(|u| Value::Object(add_user(c, &pid, u)))
        .collect();
    Ok(Reply::ok(
        "The user has been assigned to the project.",
        vec![("users", Value::Array(added))],
    ))
}

/// `POST /projects/{project_id}/users/invite`.
pub(crate) fn invite_user(c: &mut Ctx<'_>) -> HResult {
    let pid = c.param("project_id").to_string();
    generic::load(c, &PROJECTS, &pid)?;
    let mut input = c.input()?;
    for f in ["user_name", "email"] {
        if text(input.get(f)).is_none() {
            return Err(ApiError::missing(f));
        }
    }
    input.remove("user_id");
    input.insert("status".into(), json!("invited"));
    let user = add_user(c, &pid, input);
    Ok(Reply::ok(
        "The user has been invited.",
        vec![("users", json!([user]))],
    ))
}

fn user_key(c: &Ctx<'_>) -> String {
    format!("{}:{}", c.param("project_id"), c.param("user_id"))
}

fn load_user(c: &mut Ctx<'_>) -> Result<Record, ApiError> {
    let pid = c.param("project_id").to_string();
    generic::load(c, &PROJECTS, &pid)?;
    let key = user_key(c);
    c.org
        .get(PROJECT_USERS.table, &key)
        .cloned()
        .ok_or_else(|| ApiError::not_found("user"))
}

/// `GET /projects/{project_id}/users`.
pub(crate) fn list_users(c: &mut Ctx<'_>) -> HResult {
    let pid = c.param("project_id").to_string();
    generic::load(c, &PROJECTS, &pid)?;
    Ok(Reply::ok(
        "success",
        vec![("users", Value::Array(user_rows(c, &pid)))],
    ))
}

/// `GET /projects/{project_id}/users/{user_id}`.
pub(crate) fn get_user(c: &mut Ctx<'_>) -> HResult {
    let user = load_user(c)?;
    Ok(Reply::ok("success", vec![("users", Value::Object(user))]))
}

/// `PUT /projects/{project_id}/users/{user_id}`.
pub(crate) fn update_user(c: &mut Ctx<'_>) -> HResult {
    let mut user = load_user(c)?;
    for (k, v) in c.input()? {
        if k != "user_id" && k != "project_id" {
            user.insert(k, v);
        }
    }
    let key = user_key(c);
    c.org.table(PROJECT_USERS.table).insert(key, user.clone());
    Ok(Reply::ok(
        "The user details have been updated.",
        vec![("users", json!([user]))],
    ))
}

/// `DELETE /projects/{project_id}/users/{user_id}`.
pub(crate) fn delete_user(c: &mut Ctx<'_>) -> HResult {
    load_user(c)?;
    let key = user_key(c);
    c.org.table(PROJECT_USERS.table).remove(&key);
    Ok(Reply::ok(
        "The user has been removed from the project.",
        vec![],
    ))
}

/// `GET /projects/{project_id}/invoices`: invoices that name the project.
pub(crate) fn list_project_invoices(c: &mut Ctx<'_>) -> HResult {
    let pid = c.param("project_id").to_string();
    generic::load(c, &PROJECTS, &pid)?;
    let names = |i: &Record| {
        text(i.get("project_id")).as_deref() == Some(pid.as_str())
            || matches!(i.get("line_items"), Some(Value::Array(items)) if items.iter().any(|li| text(li.get("project_id")).as_deref() == Some(pid.as_str())))
    };
    let rows = c.org.rows(INVOICES.table).filter(|i| names(i));
    let (page, context) = crate::list::page(rows, &c.query, "Invoices")?;
    Ok(Reply::ok(
        "success",
        vec![
            (
                "invoices",
                Value::Array(page.into_iter().map(Value::Object).collect()),
            ),
            ("page_context", context),
        ],
    ))
}

/// `HH:MM` to minutes (parts that are not numbers count as 0); `None` beyond
/// [`MAX_LOG_HOURS`] either way.
fn minutes(s: &str) -> Option<i64> {
    let mut it = s.trim().split(':');
    let h: i64 = it.next().and_then(|h| h.trim().parse().ok()).unwrap_or(0);
    let m: i64 = it.next().and_then(|m| m.trim().parse().ok()).unwrap_or(0);
    let total = h.checked_mul(60)?.checked_add(m)?;
    (total.abs() <= MAX_LOG_HOURS * 60).then_some(total)
}

/// A time field of a time entry (`log_time`, `begin_time`, `end_time`) in minutes.
fn minutes_of(rec: &Record, field: &str) -> Result<Option<i64>, ApiError> {
    match text(rec.get(field)) {
        None => Ok(None),
        Some(t) => minutes(&t)
            .map(Some)
            .ok_or_else(|| ApiError::out_of_range(field, "-100000:00", "100000:00")),
    }
}

fn hhmm(total: i64) -> String {
    format!("{:02}:{:02}", total / 60, total % 60)
}

/// Prepare hook of time entries: the task must be the project's; names and defaults.
pub(crate) fn prepare_time_entry(
    c: &mut Ctx<'_>,
    rec: &mut Record,
    mode: Mode,
) -> Result<(), ApiError> {
    let pid = text(rec.get("project_id")).ok_or_else(|| ApiError::missing("project_id"))?;
    let project = c
        .org
        .get(PROJECTS.table, &pid)
        .cloned()
        .ok_or_else(|| ApiError::invalid("project_id"))?;
    let tid = text(rec.get("task_id")).ok_or_else(|| ApiError::missing("task_id"))?;
    let task = c
        .org
        .get(TASKS.table, &tid)
        .filter(|t| text(t.get("project_id")).as_deref() == Some(pid.as_str()))
        .cloned()
        .ok_or_else(|| ApiError::invalid("task_id"))?;
    rec.insert(
        "project_name".into(),
        project.get("project_name").cloned().unwrap_or(json!("")),
    );
    rec.insert(
        "customer_id".into(),
        project.get("customer_id").cloned().unwrap_or(json!("")),
    );
    rec.insert(
        "customer_name".into(),
        project.get("customer_name").cloned().unwrap_or(json!("")),
    );
    rec.insert(
        "task_name".into(),
        task.get("task_name").cloned().unwrap_or(json!("")),
    );
    let user = text(rec.get("user_id")).unwrap_or_else(|| ME.to_owned());
    let name = user_name(c, &pid, &user).ok_or_else(|| ApiError::invalid("user_id"))?;
    rec.insert("user_id".into(), json!(user));
    rec.insert("is_current_user".into(), json!(user == ME));
    rec.insert("user_name".into(), json!(name));
    if mode == Mode::Create {
        rec.entry("billed_status").or_insert(json!("unbilled"));
        rec.entry("is_billable").or_insert(json!(true));
        let start_timer = text(rec.get("start_timer")).as_deref() == Some("true");
        rec.remove("start_timer");
        if start_timer {
            rec.insert("timer_started_at".into(), json!(c.timestamp()));
        }
    }
    let log = minutes_of(rec, "log_time")?.unwrap_or(0);
    let log = if log == 0 {
        match (minutes_of(rec, "begin_time")?, minutes_of(rec, "end_time")?) {
            (Some(b), Some(e)) => (e - b).max(0),
            _ => 0,
        }
    } else {
        log
    };
    rec.insert("log_time".into(), json!(hhmm(log)));
    Ok(())
}

/// The name of a user of the organization (`/users`, the current user among them) or of
/// the project; `None` when the id names neither.
fn user_name(c: &Ctx<'_>, project_id: &str, user_id: &str) -> Option<String> {
    let user = c.org.get(USERS.table, user_id).or_else(|| {
        c.org
            .get(PROJECT_USERS.table, &format!("{project_id}:{user_id}"))
    })?;
    Some(
        text(user.get("name"))
            .or_else(|| text(user.get("user_name")))
            .unwrap_or_default(),
    )
}

fn running(c: &Ctx<'_>) -> Option<Record> {
    c.org
        .rows(TIME_ENTRIES.table)
        .find(|t| text(t.get("timer_started_at")).is_some())
        .cloned()
}

/// The seconds a time entry's timer has run (0 when it is not running).
fn elapsed(c: &Ctx<'_>, t: &Record) -> i64 {
    let started = text(t.get("timer_started_at"))
        .and_then(|s| parse_timestamp(&s))
        .unwrap_or(c.now);
    c.now.saturating_sub(started).max(0)
}

/// The entry with how long its timer has run, as text like Zoho's (`"125"`, `"2"`): the
/// reference and Zoho Books' OpenAPI documents both give the durations as strings.
fn with_duration(c: &Ctx<'_>, mut t: Record) -> Record {
    let secs = elapsed(c, &t);
    t.insert("timer_duration_in_seconds".into(), json!(secs.to_string()));
    t.insert(
        "timer_duration_in_minutes".into(),
        json!((secs / 60).to_string()),
    );
    t
}

/// `POST /projects/timeentries/{time_entry_id}/timer/start`.
pub(crate) fn start_timer(c: &mut Ctx<'_>) -> HResult {
    let id = c.param("time_entry_id").to_string();
    let mut rec = generic::load(c, &TIME_ENTRIES, &id)?;
    if let Some(r) = running(c) {
        if text(r.get("time_entry_id")).as_deref() != Some(id.as_str()) {
            return Err(ApiError::state(
                "Another timer is already running. Stop it first.",
            ));
        }
        return Err(ApiError::state("The timer is already running."));
    }
    rec.insert("timer_started_at".into(), json!(c.timestamp()));
    rec.insert("timer_started_at_utc_time".into(), json!(c.timestamp()));
    generic::store(c, &TIME_ENTRIES, rec.clone());
    let rec = with_duration(c, rec);
    Ok(Reply::ok(
        "The timer has been started.",
        vec![("time_entry", Value::Object(rec))],
    ))
}

/// `POST /projects/timeentries/timer/stop`: the elapsed time is added to `log_time`.
pub(crate) fn stop_timer(c: &mut Ctx<'_>) -> HResult {
    let rec = running(c).ok_or_else(|| ApiError::state("No timer is running."))?;
    let secs = elapsed(c, &rec);
    let mut rec = with_duration(c, rec);
    let logged = minutes(&text(rec.get("log_time")).unwrap_or_default())
        .unwrap_or(0)
        .saturating_add(secs / 60);
    rec.insert("log_time".into(), json!(hhmm(logged)));
    rec.insert("timer_started_at".into(), json!(""));
    rec.insert("timer_started_at_utc_time".into(), json!(""));
    generic::store(c, &TIME_ENTRIES, rec.clone());
    Ok(Reply::ok(
        "The timer has been stopped.",
        vec![("time_entry", Value::Object(rec))],
    ))
}

/// `GET /projects/timeentries/runningtimer/me`.
pub(crate) fn get_timer(c: &mut Ctx<'_>) -> HResult {
    let rec = running(c).ok_or_else(|| ApiError::not_found("timer"))?;
    let rec = with_duration(c, rec);
    Ok(Reply::ok(
        "success",
        vec![("time_entry", Value::Object(rec))],
    ))
}

/// `DELETE /projects/timeentries?time_entry_ids=a,b`.
pub(crate) fn delete_time_entries(c: &mut Ctx<'_>) -> HResult {
    let ids = c.id_list("time_entry_ids");
    if ids.is_empty() {
        return Err(ApiError::missing("time_entry_ids"));
    }
    for id in &ids {
        generic::load(c, &TIME_ENTRIES, id)?;
    }
    for id in &ids {
        c.org.table(TIME_ENTRIES.table).remove(id);
    }
    Ok(Reply::ok(
        "The selected time entries have been deleted.",
        vec![],
    ))
}
