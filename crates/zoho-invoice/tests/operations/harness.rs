//! Every operation, from one table: each operation's declaration also builds it from sample
//! inputs (`zoho_invoice::samples()`: a sample id in every path, the required fields of every
//! input), and that value makes a request that is the operation's row of the endpoint table
//! (method, path with the ids in place, the operation in its extensions); the reference's
//! example answer for it, when there is one, decodes into its output and gives back what a
//! handle returns. A new operation is in the harness by being declared.

use std::collections::BTreeSet;

use zoho_invoice::Operation;
use zoho_invoice::sample::ID;

fn name(op: &Operation) -> String {
    format!("{} / {}", op.resource, op.name)
}

/// The path template with the sample id in every placeholder.
fn filled(template: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        out.push_str(ID);
        rest = &rest[rest[open..]
            .find('}')
            .map_or(rest.len(), |close| open + close + 1)..];
    }
    out + rest
}

/// Where the reference's example answer to `op` is, if it has one: the resource's folder,
/// the operation's name in snake case.
fn example(op: &Operation) -> Option<String> {
    let snake = |text: &str| {
        text.to_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("_")
    };
    let file = format!("{}.response.json", snake(op.name));
    std::fs::read_dir(crate::support::fixtures_dir())
        .ok()?
        .flatten()
        .map(|dir| dir.path().join(&file))
        .find(|path| path.is_file() && path.to_string_lossy().contains(&snake(op.resource)))
        .and_then(|path| std::fs::read_to_string(path).ok())
}

#[test]
fn every_operation_builds_its_row_of_the_table() {
    let rows: BTreeSet<_> = crate::support::table_rows().into_iter().collect();
    let mut problems = Vec::new();
    for case in zoho_invoice::samples() {
        let op = case.operation;
        let row = (
            op.resource.to_owned(),
            op.name.to_owned(),
            op.method.to_string(),
            op.path.to_owned(),
        );
        if !rows.contains(&row) && !crate::support::BEYOND_THE_TABLE.contains(&op.name) {
            problems.push(format!("{}: not a row of the table", name(&op)));
        }
        match case.request {
            None => problems.push(format!("{}: the samples cannot build it", name(&op))),
            Some(Err(e)) => problems.push(format!("{}: no request: {e}", name(&op))),
            Some(Ok(request)) => {
                if request.method() != op.method {
                    problems.push(format!("{}: sent as {}", name(&op), request.method()));
                }
                if request.path() != filled(op.path) {
                    problems.push(format!("{}: sent to {}", name(&op), request.path()));
                }
                if request.operation() != Some(&op) {
                    problems.push(format!(
                        "{}: the request names {:?}",
                        name(&op),
                        request.operation()
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_reference_example_answer_decodes_into_its_operations_output() {
    let (mut decoded, mut problems) = (0, Vec::new());
    for case in zoho_invoice::samples() {
        let op = case.operation;
        let Some(body) = example(&op) else { continue };
        match (case.decode)(&body) {
            Ok(false) => decoded += 1,
            Ok(true) => problems.push(format!(
                "{}: the answer decodes hollow: none of its record's named fields, data under \
                 keys the model does not name",
                name(&op)
            )),
            // The reference's examples that leave out the record's own id are refused so.
            Err(e)
                if e.to_string()
                    .contains("missing field `recurring_expense_id`") => {}
            Err(e) => problems.push(format!("{}: {e}", name(&op))),
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(decoded >= 150, "only {decoded} examples found and decoded");
}
