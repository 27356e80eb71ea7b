//! Nothing lost: decode -> encode gives back the input, numbers compared by their text, for
//! arbitrary objects shaped like each model. Each document is a reference example with some
//! of its values replaced by odd ones (the wrong kind, blanks, nulls, numbers written in
//! unusual ways, dates and timestamps outside Zoho's form, ids above `u64`) and fields the
//! models do not name added, holding any JSON.

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::RngSeed;

use crate::cases;
use crate::exact::{self, Json, Step};
use crate::robustness::REQUIRED;

/// Numbers as Zoho or anyone may write them.
fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop_oneof![
            Just("0.00"),
            Just("-0"),
            Just("-0.0"),
            Just("1e2"),
            Just("1E-2"),
            Just("15.0"),
            Just("120.50"),
            Just("123456789012345678901"),
            Just("18446744073709551616"),
            Just("0.1000000000000000055511151231257827"),
            Just("99999999999999999999999999999999.5"),
        ]
        .prop_map(str::to_owned),
        any::<i64>().prop_map(|n| n.to_string()),
        (any::<i32>(), 0usize..6, 0u32..100_000).prop_map(|(n, places, frac)| {
            format!(
                "{n}.{:0>places$}",
                frac % 10u32.pow(places as u32),
                places = places.max(1)
            )
        }),
    ]
}

/// Strings, odd ones first: what a typed field cannot read or would write otherwise.
fn string_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop_oneof![
            Just(""),
            Just(" "),
            Just("fasle"),
            Just("true"),
            Just("1,250.00"),
            Just(" 7 "),
            Just("12.50"),
            Just("12.5%"),
            Just("12.50%"),
            Just("2026-02-29"),
            Just("2013-9-17"),
            Just("2016-06-11T17:38:06-0000"),
            Just("2016-06-11T17:38:06-07:00"),
            Just("2016-06-11T17:38:06Z"),
            Just("982000000567114"),
            Just("é \u{1F600} \\ \""),
        ]
        .prop_map(str::to_owned),
        ".{0,8}",
    ]
    .prop_map(|s| serde_json::to_string(&s).expect("a string encodes"))
}

/// Any scalar, as text.
fn scalar_text() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => Just("null".to_owned()),
        1 => Just("true".to_owned()),
        1 => Just("false".to_owned()),
        3 => number_text(),
        3 => string_text(),
    ]
}

/// A value to put in place of another: mostly scalars, sometimes lists and objects.
fn odd_value() -> impl Strategy<Value = String> {
    prop_oneof![3 => scalar_text(), 1 => json_text()]
}

/// Any JSON, as text.
fn json_text() -> impl Strategy<Value = String> {
    scalar_text().prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4)
                .prop_map(|v| format!("[{}]", v.join(","))),
            proptest::collection::btree_map("[a-z_]{1,8}", inner, 0..4).prop_map(|m| {
                let fields: Vec<String> = m.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
                format!("{{{}}}", fields.join(","))
            }),
        ]
    })
}

/// The key a path ends with, if it ends with one.
fn last_key(path: &[Step]) -> Option<&str> {
    match path.last() {
        Some(Step::Key(k)) => Some(k),
        _ => None,
    }
}

/// Whether a value at `path` may be replaced: not the envelope's own `code` and `message`,
/// not a field the document cannot do without (a record's id, what an input requires), not
/// the whole document.
fn replaceable(path: &[Step]) -> bool {
    let envelope_field = path.len() == 1 && matches!(last_key(path), Some("code" | "message"));
    let required = last_key(path).is_some_and(|k| REQUIRED.contains(&k));
    !path.is_empty() && !envelope_field && !required
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, rng_seed: RngSeed::Fixed(0x0105_7e55), ..ProptestConfig::default() })]

    #[test]
    fn decode_then_encode_gives_back_the_input(
        pick in any::<Index>(),
        edits in proptest::collection::vec((any::<Index>(), odd_value()), 1..12),
        additions in proptest::collection::vec((any::<Index>(), "x_[a-z]{1,6}", json_text()), 0..3),
    ) {
        let all = cases::all();
        let (name, round_trip) = all[pick.index(all.len())];
        prop_assume!(!crate::WITHOUT_THEIR_ID.iter().any(|(file, _)| *file == name));
        let text = std::fs::read_to_string(crate::fixtures_dir().join(name)).expect("fixture");
        let mut doc = exact::parse(&text);
        for (at, value) in edits {
            // Scalars only: replacing a whole record could take its id with it.
            let paths: Vec<Vec<Step>> = doc
                .paths()
                .into_iter()
                .filter(|p| replaceable(p) && !doc.clone().at(p).is_some_and(|v| v.is_container()))
                .collect();
            if paths.is_empty() {
                break;
            }
            let path = &paths[at.index(paths.len())];
            if let Some(slot) = doc.at(path) {
                *slot = exact::parse(&value);
            }
        }
        for (at, key, value) in additions {
            let objects: Vec<Vec<Step>> = doc
                .paths()
                .into_iter()
                .filter(|p| matches!(doc.clone().at(p), Some(Json::Object(_))))
                .collect();
            let path = &objects[at.index(objects.len())];
            if let Some(Json::Object(fields)) = doc.at(path) {
                fields.insert(key, exact::parse(&value));
            }
        }
        let input = doc.to_text();
        let output = round_trip(&input);
        prop_assert!(output.is_ok(), "{}: {} does not decode: {:?}", name, input, output);
        let output = output.unwrap_or_default();
        let lost = exact::differences(&input, &output);
        prop_assert!(lost.is_empty(), "{}:\n  in:  {}\n  out: {}\n  {:?}", name, input, output, lost);
    }
}
