//! Every JSON example of the API reference (copied into `tests/fixtures`) decodes into its
//! typed model and encodes back to the same JSON, field for field, numbers compared by their
//! exact text: blanks, nulls, numbers sent as strings and the like come back as they came.

mod cases;
mod exact;
mod lossless;
mod robustness;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn fixture_files(dir: &Path, root: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).expect("fixtures folder") {
        let path = entry.expect("fixture entry").path();
        if path.is_dir() {
            fixture_files(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            let rel = path
                .strip_prefix(root)
                .expect("under root")
                .to_string_lossy()
                .replace('\\', "/");
            out.insert(rel);
        }
    }
}

#[test]
fn every_fixture_has_exactly_one_case() {
    let root = fixtures_dir();
    let mut files = BTreeSet::new();
    fixture_files(&root, &root, &mut files);
    let mut listed = BTreeSet::new();
    let mut twice = Vec::new();
    for case in cases::all() {
        if !listed.insert(case.0.to_owned()) {
            twice.push(case.0);
        }
    }
    let missing: Vec<_> = files.difference(&listed).collect();
    let unknown: Vec<_> = listed.difference(&files).collect();
    assert!(twice.is_empty(), "listed twice: {twice:?}");
    assert!(missing.is_empty(), "fixtures with no case: {missing:#?}");
    assert!(unknown.is_empty(), "cases with no fixture: {unknown:#?}");
    assert!(
        files.len() > 250,
        "expected the reference's examples, found {}",
        files.len()
    );
}

/// The reference's examples that leave out the record's own id (Zoho's answers carry it): the
/// models refuse them, naming the field.
const WITHOUT_THEIR_ID: [(&str, &str); 2] = [
    (
        "recurring_expenses/create_a_recurring_expense.response.json",
        "recurring_expense_id",
    ),
    (
        "recurring_expenses/update_a_recurring_expense.response.json",
        "recurring_expense_id",
    ),
];

#[test]
fn every_reference_example_round_trips() {
    let root = fixtures_dir();
    let mut failures = Vec::new();
    let all = cases::all();
    for (name, round_trip) in &all {
        let input = match std::fs::read_to_string(root.join(name)) {
            Ok(text) => text,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        if let Some(id) = WITHOUT_THEIR_ID
            .iter()
            .find_map(|(file, id)| (file == name).then_some(id))
        {
            // Refused, naming the id it lacks: a record comes with its id.
            match round_trip(&input) {
                Err(e) if e.contains(&format!("missing field `{id}`")) => {}
                other => failures.push(format!("{name}: should fail for want of {id}: {other:?}")),
            }
            continue;
        }
        match round_trip(&input) {
            Err(e) => failures.push(format!("{name}: does not decode: {e}")),
            Ok(output) => {
                for diff in exact::differences(&input, &output) {
                    failures.push(format!("{name}: {diff}"));
                }
            }
        }
    }
    println!("{} reference examples decoded and re-encoded", all.len());
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
