//! A raw call, for what the SDK does not type (yet): any method and path under the API base,
//! query pairs and a JSON body, through the same stack as typed calls (auth, retry, rate
//! limit), answered as `serde_json::Value`. Errors are still typed: a bad call shows one.
//!
//! `cargo run --example raw_call`
//!
//! It runs against the embedded fake server, or the service chosen by the `ZOHO_*` variables
//! as in `quickstart`.

mod support;

use http::Method;
use serde_json::{Value, json};
use zoho_invoice::models::ids::ContactId;

use support::{Connection, Failure};

#[tokio::main]
async fn main() {
    if let Err(e) = run().await {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

async fn run() -> Result<(), Failure> {
    let Connection {
        client,
        server: _server,
        ..
    } = support::connect().await?;

    // POST with a JSON body; the answer is Zoho's whole envelope.
    let body = json!({
        "contact_name": "Raw Call Ltd",
        "company_name": "Raw Call Ltd",
        "notes": "made with Client::raw",
    });
    let created = client
        .raw(Method::POST, "/contacts", &[], Some(&body))
        .await?;
    // A typed id is checked: it cannot change the path it is put in.
    let contact_id: ContactId = text(&created["contact"]["contact_id"])
        .ok_or("no contact_id in the answer")?
        .parse()?;
    println!(
        "POST /contacts -> code {}, message {:?}, contact_id {contact_id}",
        created["code"],
        text(&created["message"]).unwrap_or_default()
    );

    // GET; ids in the path are yours to check or encode, query pairs are encoded for you.
    let fetched = client
        .raw(Method::GET, &format!("/contacts/{contact_id}"), &[], None)
        .await?;
    println!(
        "GET /contacts/{contact_id} -> contact_name {:?}",
        text(&fetched["contact"]["contact_name"]).unwrap_or_default()
    );
    let listed = client
        .raw(
            Method::GET,
            "/contacts",
            &[("contact_name_contains", "Raw Call"), ("per_page", "10")],
            None,
        )
        .await?;
    let count = listed["contacts"].as_array().map_or(0, Vec::len);
    println!(
        "GET /contacts?contact_name_contains=Raw+Call&per_page=10 -> {count} contact(s), page_context {}",
        listed["page_context"]
    );

    // A bad call: the error is typed (status, Zoho code, predicates), shown on one line.
    let unknown = "/invoices/460000000099999";
    match client.raw(Method::GET, unknown, &[], None).await {
        Ok(answer) => return Err(format!("GET {unknown} unexpectedly answered {answer}").into()),
        Err(e) => println!(
            "GET {unknown} -> error (not found: {}, code: {}): {e}",
            e.is_not_found(),
            e.code()
                .map_or_else(|| "none".to_owned(), |c| c.to_string()),
        ),
    }
    Ok(())
}

/// A JSON string or number as text (Zoho sends ids either way).
fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}
