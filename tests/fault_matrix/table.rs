//! Renders the case table as the markdown of `RELIABILITY.md`, and keeps that file in step.

use std::path::PathBuf;

use crate::cases::{Case, Effect, ErrorKind, Expect, Method, Outcome, Wait};

/// Where the generated region starts.
pub(crate) const START: &str = "<!-- fault-matrix:start -->";
/// Where it ends.
pub(crate) const END: &str = "<!-- fault-matrix:end -->";

/// `RELIABILITY.md` at the workspace root.
pub(crate) fn reliability_md() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../RELIABILITY.md")
}

/// The matrix as markdown: the table, then how to read it.
pub(crate) fn render(cases: &[Case]) -> String {
    let mut out = String::from(
        "| fault | wait before the retry | GET | POST | PUT | DELETE |\n\
         | --- | --- | --- | --- | --- | --- |\n",
    );
    for case in cases {
        out.push_str(&format!("| {} | {} |", case.label, wait(case.wait)));
        for (method, expect) in Method::ALL.into_iter().zip(&case.cells) {
            out.push_str(&format!(" {} |", cell(method, expect)));
        }
        out.push('\n');
    }
    out.push_str(
        "\nEach cell is one call through `zoho_invoice::Client` over the default `HttpTransport` \
         (retry policy, retry budget, rate limiter and auth as shipped) to the fake server, with \
         the fault armed once for that method on `/invoices`: `GetInvoice`, `CreateInvoice`, \
         `UpdateInvoice`, `DeleteInvoice`. *requests*: how many reached the fake API (and its \
         accounts server's token endpoint). *outcome unknown*: \
         `Error::may_have_been_processed()` is true, so look the record up before creating it \
         again. *created once*, *updated*, *deleted*: the server's state afterwards. Every \
         cell also checks that no error shows a secret, that no other operation was called, \
         and the waits the retry layer took.\n\
         \n\
         Generated from the case table of `tests/fault_matrix`, which runs every cell; \
         `UPDATE_RELIABILITY=1 cargo test -p zoho-invoice-tests --test fault_matrix` rewrites this part.\n",
    );
    out
}

fn wait(wait: Option<Wait>) -> String {
    match wait {
        None => "no retry".into(),
        Some(Wait::Backoff(d)) => format!("{} ms backoff", d.as_millis()),
        Some(Wait::RetryAfter(d)) => format!("{} s, as `Retry-After` says", d.as_secs()),
    }
}

fn cell(method: Method, e: &Expect) -> String {
    let mut parts = vec![outcome(&e.outcome)];
    let mut sent = match e.api {
        1 => "1 request".to_owned(),
        n => format!("{n} requests"),
    };
    if e.token > 0 {
        sent.push_str(&format!(" + {} token request", e.token));
    }
    parts.push(sent);
    let effect = match (method, e.effect) {
        (_, Effect::None) => None,
        (_, Effect::Duplicated(n)) => Some(format!("**created {n} times**")),
        (Method::Post, Effect::Applied) => Some("created once".into()),
        (Method::Post, Effect::NotApplied) => Some("not created".into()),
        (Method::Put, Effect::Applied) => Some("updated".into()),
        (Method::Put, Effect::NotApplied) => Some("not updated".into()),
        (Method::Delete, Effect::Applied) => Some("deleted".into()),
        (Method::Delete, Effect::NotApplied) => Some("not deleted".into()),
        (Method::Get, _) => None,
    };
    parts.extend(effect);
    parts.join(" · ")
}

fn outcome(o: &Outcome) -> String {
    let (kind, unknown) = match o {
        Outcome::Ok => return "**ok**".into(),
        Outcome::Err { kind, unknown } => (kind, *unknown),
    };
    let mut text = match kind {
        ErrorKind::Status(s) => format!("HTTP {s} error"),
        ErrorKind::Network => "`is_network` error".into(),
        ErrorKind::Timeout => "`is_timeout` error".into(),
        ErrorKind::Decode => "`Decode` error".into(),
        ErrorKind::NotFound => "`is_not_found` error".into(),
        ErrorKind::Throttled => "`is_rate_limited` error (token throttled)".into(),
        ErrorKind::InvalidCode => "`is_unauthorized` error (`invalid_code`)".into(),
        ErrorKind::Other(s) => format!("unexpected error {s}"),
    };
    if unknown {
        text.push_str(", outcome unknown");
    }
    text
}

/// The generated region of `text` (between the markers), if it has one.
pub(crate) fn region(text: &str) -> Option<(usize, usize)> {
    let start = text.find(START)? + START.len();
    let end = start + text[start..].find(END)?;
    Some((start, end))
}
