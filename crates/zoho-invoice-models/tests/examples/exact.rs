//! Compares two JSON documents exactly: numbers by their text, objects by key.

use std::collections::BTreeMap;

use serde_json::value::RawValue;

#[derive(Debug, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Number(String),
    Text(String),
    Array(Vec<Json>),
    Object(BTreeMap<String, Json>),
}

fn parse(raw: &str) -> Json {
    let t = raw.trim();
    match t.as_bytes().first() {
        Some(b'{') => {
            let map: BTreeMap<String, Box<RawValue>> = serde_json::from_str(t).expect("object");
            Json::Object(map.into_iter().map(|(k, v)| (k, parse(v.get()))).collect())
        }
        Some(b'[') => {
            let items: Vec<Box<RawValue>> = serde_json::from_str(t).expect("array");
            Json::Array(items.iter().map(|v| parse(v.get())).collect())
        }
        Some(b'"') => Json::Text(serde_json::from_str(t).expect("string")),
        Some(b't') => Json::Bool(true),
        Some(b'f') => Json::Bool(false),
        Some(b'n') => Json::Null,
        _ => Json::Number(t.to_owned()),
    }
}

fn scalar_text(v: &Json) -> Option<String> {
    match v {
        Json::Bool(b) => Some(b.to_string()),
        Json::Number(n) => Some(n.clone()),
        Json::Text(s) => Some(s.trim().to_owned()),
        _ => None,
    }
}

fn is_blank(v: &Json) -> bool {
    matches!(v, Json::Text(s) if s.trim().is_empty()) || matches!(v, Json::Null)
}

fn compare(path: &str, input: &Json, output: &Json, out: &mut Vec<String>) {
    match (input, output) {
        (Json::Object(a), Json::Object(b)) => {
            for (k, va) in a {
                let p = format!("{path}.{k}");
                match b.get(k) {
                    Some(vb) => compare(&p, va, vb, out),
                    None if is_blank(va) => {}
                    None => out.push(format!("{p}: dropped {va:?}")),
                }
            }
            for k in b.keys().filter(|k| !a.contains_key(*k)) {
                out.push(format!("{path}.{k}: added"));
            }
        }
        (Json::Array(a), Json::Array(b)) => {
            if a.len() != b.len() {
                out.push(format!("{path}: {} elements became {}", a.len(), b.len()));
            }
            for (i, (va, vb)) in a.iter().zip(b).enumerate() {
                compare(&format!("{path}[{i}]"), va, vb, out);
            }
        }
        (a, b) if a == b => {}
        (a, b) => match (scalar_text(a), scalar_text(b)) {
            (Some(x), Some(y)) if x == y => {}
            _ => out.push(format!("{path}: {a:?} became {b:?}")),
        },
    }
}

/// Every difference between `input` and `output`, beyond those the models document.
pub(crate) fn differences(input: &str, output: &str) -> Vec<String> {
    let mut out = Vec::new();
    compare("$", &parse(input), &parse(output), &mut out);
    out
}

#[test]
fn the_comparison_catches_changed_numbers_and_lost_fields() {
    assert!(differences(r#"{"a": 0.10}"#, r#"{"a": 0.10}"#).is_empty());
    assert_eq!(differences(r#"{"a": 0.10}"#, r#"{"a": 0.1}"#).len(), 1);
    assert_eq!(differences(r#"{"a": 1, "b": 2}"#, r#"{"a": 1}"#).len(), 1);
    assert_eq!(differences(r#"{"a": 1}"#, r#"{"a": 1, "b": 2}"#).len(), 1);
    assert_eq!(differences(r#"{"a": [1, 2]}"#, r#"{"a": [1]}"#).len(), 1);
    assert!(differences(r#"{"a": " ", "zip": 94588}"#, r#"{"zip": "94588"}"#).is_empty());
    assert_eq!(differences(r#"{"a": "x"}"#, r#"{}"#).len(), 1);
}
