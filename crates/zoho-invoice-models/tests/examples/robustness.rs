//! Property tests: nothing the network sends can make a model panic, and one odd field never
//! fails the record or page around it.

use std::collections::BTreeSet;

use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use serde_json::{Map, Value};

use crate::cases::{self, Case, round_trip};
use zoho_invoice_models::common::{Document, EmailAddress, EmailContact, PaymentOptions, Tag};
use zoho_invoice_models::envelope::{Page, Record};
use zoho_invoice_models::expenses::{Expense, ExpenseCategory, ExpenseCategoryInput};
use zoho_invoice_models::organizations::Organization;
use zoho_invoice_models::recurring_expenses::RecurringExpense;

/// Models no reference example names as a whole document, so that the properties below
/// reach them too.
fn unexampled() -> Vec<Case> {
    vec![
        ("ExpenseCategory", round_trip::<ExpenseCategory>),
        (
            "Record<ExpenseCategory>",
            round_trip::<Record<ExpenseCategory>>,
        ),
        ("Page<ExpenseCategory>", round_trip::<Page<ExpenseCategory>>),
        ("ExpenseCategoryInput", round_trip::<ExpenseCategoryInput>),
        ("Record<Expense>", round_trip::<Record<Expense>>),
        ("Page<Expense>", round_trip::<Page<Expense>>),
        ("Record<Organization>", round_trip::<Record<Organization>>),
        ("Organization", round_trip::<Organization>),
        (
            "Page<RecurringExpense>",
            round_trip::<Page<RecurringExpense>>,
        ),
        ("Tag", round_trip::<Tag>),
        ("Document", round_trip::<Document>),
        ("EmailContact", round_trip::<EmailContact>),
        ("EmailAddress", round_trip::<EmailAddress>),
        ("PaymentOptions", round_trip::<PaymentOptions>),
    ]
}

/// Every case: the reference's examples' models and the unexampled ones.
fn every_model() -> Vec<Case> {
    let mut all = cases::all();
    all.extend(unexampled());
    all
}

/// Field names seen in the reference's examples, so that generated objects hit the models'
/// real fields and not only unknown ones.
fn known_keys() -> Vec<String> {
    let mut keys = BTreeSet::new();
    fn walk(v: &Value, keys: &mut BTreeSet<String>) {
        match v {
            Value::Object(m) => {
                for (k, v) in m {
                    keys.insert(k.clone());
                    walk(v, keys);
                }
            }
            Value::Array(a) => a.iter().for_each(|v| walk(v, keys)),
            _ => {}
        }
    }
    for (name, _) in cases::all() {
        let text = std::fs::read_to_string(crate::fixtures_dir().join(name)).expect("fixture");
        walk(
            &serde_json::from_str(&text).expect("fixture is JSON"),
            &mut keys,
        );
    }
    keys.into_iter().collect()
}

/// Scalars of every kind Zoho sends, odd ones included.
fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        prop_oneof![
            Just(""),
            Just(" "),
            Just("true"),
            Just("12.50"),
            Just("1e999"),
            Just("-0"),
            Just("2013-11-17"),
            Just("2016-06-11T17:38:06-0700"),
            Just("70%"),
            Just("982000000567114"),
            Just("../x"),
        ]
        .prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ]
}

fn json(keys: Vec<String>) -> impl Strategy<Value = Value> {
    let key = proptest::sample::select(keys);
    scalar().prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            proptest::collection::vec((key.clone(), inner), 0..8)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// The paths of every scalar in a document.
fn scalar_paths(v: &Value, path: &mut Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                path.push(PathStep::Key(k.clone()));
                scalar_paths(v, path, out);
                path.pop();
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                path.push(PathStep::Index(i));
                scalar_paths(v, path, out);
                path.pop();
            }
        }
        _ => out.push(path.clone()),
    }
}

/// The fields a record cannot do without (its own id), and those an input cannot (what the
/// API requires to create one).
pub(crate) const REQUIRED: [&str; 44] = [
    "invoice_id",
    "contact_id",
    "item_id",
    "estimate_id",
    "payment_id",
    "creditnote_id",
    "recurring_invoice_id",
    "retainerinvoice_id",
    "expense_id",
    "recurring_expense_id",
    "project_id",
    "task_id",
    "time_entry_id",
    "pricebook_id",
    "organization_id",
    "contact_name",
    "name",
    "rate",
    "customer_id",
    "line_items",
    "payment_mode",
    "amount",
    "date",
    "invoices",
    "amount_applied",
    "recurrence_name",
    "recurrence_frequency",
    "first_name",
    "project_name",
    "billing_type",
    "user_id",
    "account_id",
    "start_date",
    "repeat_every",
    "log_date",
    "task_name",
    "pricebook_type",
    "payment_refund_id",
    "currency_id",
    "exchange_rate_id",
    "tax_id",
    "tax_group_id",
    "tax_authority_id",
    "tax_exemption_id",
];

#[derive(Clone, Debug)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn replace(doc: &mut Value, path: &[PathStep], with: Value) {
    let mut at = doc;
    for step in path {
        at = match step {
            PathStep::Key(k) => &mut at[k.as_str()],
            PathStep::Index(i) => &mut at[*i],
        };
    }
    *at = with;
}

proptest! {
    // A fixed seed: the same cases on every run (new ones come with a new seed, on purpose).
    #![proptest_config(ProptestConfig { cases: 256, rng_seed: RngSeed::Fixed(0x5eed_2026), ..ProptestConfig::default() })]

    /// Arbitrary JSON, shaped with the reference's field names, into every model and envelope:
    /// `Ok` or `Err`, never a panic.
    #[test]
    fn arbitrary_json_never_panics(doc in json(known_keys())) {
        let text = doc.to_string();
        for (_, round_trip) in every_model() {
            let _ = round_trip(&text);
        }
    }

    /// Whatever decodes encodes to JSON that decodes again and encodes the same: a record
    /// read, changed and sent back changes nothing by the round trip. (The fuzz target
    /// `fuzz/fuzz_targets/decode.rs` checks the same on arbitrary bytes.)
    #[test]
    fn what_decodes_round_trips_stably(doc in json(known_keys())) {
        let text = doc.to_string();
        for (name, round_trip) in every_model() {
            if let Ok(once) = round_trip(&text) {
                let twice = round_trip(&once);
                prop_assert!(twice.is_ok(), "{}: {} encodes to {} which fails: {:?}", name, text, once, twice);
                let twice = twice.unwrap_or_default();
                prop_assert!(once == twice, "{}: {} then {}", name, once, twice);
            }
        }
    }

    /// Arbitrary bytes never panic either.
    #[test]
    fn arbitrary_text_never_panics(text in ".{0,64}") {
        for (_, round_trip) in every_model() {
            let _ = round_trip(&text);
        }
    }

    /// Any one scalar of any reference example replaced by any value: the document still
    /// decodes, unless the scalar was a field the document cannot do without (a record's own
    /// id, what an input requires), and the error then names it.
    #[test]
    fn one_odd_field_never_fails_the_document(
        pick in any::<proptest::sample::Index>(),
        leaf in any::<proptest::sample::Index>(),
        odd in scalar(),
    ) {
        let all = cases::all();
        let (name, round_trip) = all[pick.index(all.len())];
        prop_assume!(!crate::WITHOUT_THEIR_ID.iter().any(|(file, _)| *file == name));
        let text = std::fs::read_to_string(crate::fixtures_dir().join(name)).expect("fixture");
        let mut doc: Value = serde_json::from_str(&text).expect("fixture is JSON");
        let mut paths = Vec::new();
        scalar_paths(&doc, &mut Vec::new(), &mut paths);
        prop_assume!(!paths.is_empty());
        let path = paths[leaf.index(paths.len())].clone();
        replace(&mut doc, &path, odd.clone());
        let result = round_trip(&doc.to_string());
        if let (Err(error), Some(PathStep::Key(key))) = (&result, path.last()) {
            if REQUIRED.contains(&key.as_str()) {
                prop_assert!(error.contains(key.as_str()) || error.contains("blank or unreadable"), "{name}: {error}");
                return Ok(());
            }
        }
        prop_assert!(result.is_ok(), "{name}: {path:?} = {odd} failed: {result:?}");
    }
}
