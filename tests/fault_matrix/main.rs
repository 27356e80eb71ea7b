//! The SDK under faults, against the fake server: every fault crossed with GET, POST, PUT and
//! DELETE (the outcome, the requests that reached the server, what the server holds), the
//! table of `RELIABILITY.md` rendered from the same cases, and a thousand invoice creations
//! under random faults that leave every invoice on the server exactly once.

mod cases;
mod harness;
mod no_duplicates;
mod probe;
mod run;
mod table;

use cases::{Case, Effect, ErrorKind, Expect, Method, Outcome, cases, expected_waits};

/// Rules that hold whatever the case table says, so that a wrong expectation cannot hide a
/// broken guarantee.
fn invariants(case: &Case, method: Method, got: &Expect) -> Vec<String> {
    let mut broken = Vec::new();
    if let Effect::Duplicated(n) = got.effect {
        broken.push(format!("the invoice was created {n} times"));
    }
    if method == Method::Post && got.api > 1 && !case.injected.refused_unprocessed() {
        broken.push(format!(
            "a POST was sent {} times though the server did not refuse it unprocessed",
            got.api
        ));
    }
    match (&got.outcome, method) {
        (_, Method::Get) => {}
        (Outcome::Ok, _) if got.effect != Effect::Applied => {
            broken.push("the call succeeded but the server did not apply it".into());
        }
        // A DELETE whose answer was lost is retried and finds the record gone: the record is
        // deleted, as asked.
        (
            Outcome::Err {
                kind: ErrorKind::NotFound,
                unknown: false,
            },
            Method::Delete,
        ) => {}
        (Outcome::Err { unknown: false, .. }, _) if got.effect != Effect::NotApplied => {
            broken.push("a definite error, yet the server applied the call".into());
        }
        _ => {}
    }
    broken
}

#[test]
fn every_fault_against_every_method() {
    let mut failures = Vec::new();
    for case in cases() {
        for (method, expect) in Method::ALL.into_iter().zip(&case.cells) {
            let actual = run::run(&case, method);
            let got = Expect {
                outcome: actual.outcome.clone(),
                api: actual.api,
                token: actual.token,
                effect: actual.effect,
            };
            let mut problems = invariants(&case, method, &got);
            if got != *expect {
                problems.push(format!("expected {expect:?}\n      got {got:?}"));
            }
            let waits = expected_waits(&case, expect);
            if actual.waits != waits {
                problems.push(format!(
                    "retry waits: expected {waits:?}, got {:?}",
                    actual.waits
                ));
            }
            if actual.stray != 0 {
                problems.push(format!("{} requests to other operations", actual.stray));
            }
            if let Some(secret) = actual.leaked {
                problems.push(format!("the error shows {secret}"));
            }
            for problem in problems {
                failures.push(format!("{} x {}: {problem}", case.label, method.name()));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn reliability_md_shows_the_matrix() {
    let path = table::reliability_md();
    let text = std::fs::read_to_string(&path).expect("RELIABILITY.md at the workspace root");
    let (start, end) = table::region(&text).unwrap_or_else(|| {
        panic!(
            "RELIABILITY.md lacks the {} ... {} markers",
            table::START,
            table::END
        )
    });
    let wanted = format!("\n{}", table::render(&cases()));
    if std::env::var("UPDATE_RELIABILITY").as_deref() == Ok("1") {
        let updated = format!("{}{wanted}{}", &text[..start], &text[end..]);
        std::fs::write(&path, updated).expect("RELIABILITY.md is written");
        return;
    }
    assert!(
        text[start..end] == wanted,
        "RELIABILITY.md's fault matrix is out of date; rewrite it with \
         `UPDATE_RELIABILITY=1 cargo test -p zoho-invoice-tests --test fault_matrix`\n--- in the file:\n{}\n--- \
         rendered:\n{wanted}",
        &text[start..end]
    );
}
