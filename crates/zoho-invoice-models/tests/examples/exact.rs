//! Compares two JSON documents exactly: numbers by their text, objects by key.

use std::collections::BTreeMap;

use serde_json::value::RawValue;

/// A JSON document whose numbers are kept as their text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Number(String),
    Text(String),
    Array(Vec<Json>),
    Object(BTreeMap<String, Json>),
}

/// Parses JSON text (which must be valid).
pub(crate) fn parse(raw: &str) -> Json {
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

impl Json {
    /// The document as JSON text, numbers as they were.
    pub(crate) fn to_text(&self) -> String {
        match self {
            Json::Null => "null".to_owned(),
            Json::Bool(b) => b.to_string(),
            Json::Number(n) => n.clone(),
            Json::Text(s) => serde_json::to_string(s).expect("a string encodes"),
            Json::Array(items) => {
                let items: Vec<String> = items.iter().map(Json::to_text).collect();
                format!("[{}]", items.join(","))
            }
            Json::Object(fields) => {
                let fields: Vec<String> = fields
                    .iter()
                    .map(|(k, v)| format!("{}:{}", Json::Text(k.clone()).to_text(), v.to_text()))
                    .collect();
                format!("{{{}}}", fields.join(","))
            }
        }
    }

    /// The paths (keys and indexes) of every value in the document, scalars and containers.
    pub(crate) fn paths(&self) -> Vec<Vec<Step>> {
        fn walk(v: &Json, path: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
            out.push(path.clone());
            match v {
                Json::Object(m) => {
                    for (k, v) in m {
                        path.push(Step::Key(k.clone()));
                        walk(v, path, out);
                        path.pop();
                    }
                }
                Json::Array(a) => {
                    for (i, v) in a.iter().enumerate() {
                        path.push(Step::Index(i));
                        walk(v, path, out);
                        path.pop();
                    }
                }
                _ => {}
            }
        }
        let mut out = Vec::new();
        walk(self, &mut Vec::new(), &mut out);
        out
    }

    /// The value at `path`.
    pub(crate) fn at(&mut self, path: &[Step]) -> Option<&mut Json> {
        let mut at = self;
        for step in path {
            at = match (step, at) {
                (Step::Key(k), Json::Object(m)) => m.get_mut(k)?,
                (Step::Index(i), Json::Array(a)) => a.get_mut(*i)?,
                _ => return None,
            };
        }
        Some(at)
    }

    /// Whether it is a list or an object.
    pub(crate) fn is_container(&self) -> bool {
        matches!(self, Json::Array(_) | Json::Object(_))
    }
}

/// One step of a path into a document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Step {
    Key(String),
    Index(usize),
}

fn compare(path: &str, input: &Json, output: &Json, out: &mut Vec<String>) {
    match (input, output) {
        (Json::Object(a), Json::Object(b)) => {
            for (k, va) in a {
                let p = format!("{path}.{k}");
                match b.get(k) {
                    Some(vb) => compare(&p, va, vb, out),
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
        (a, b) => out.push(format!("{path}: {a:?} became {b:?}")),
    }
}

/// Every difference between `input` and `output`.
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
    assert_eq!(
        differences(r#"{"a": " ", "zip": 94588}"#, r#"{"zip": "94588"}"#).len(),
        2
    );
    assert_eq!(differences(r#"{"a": null}"#, r#"{}"#).len(), 1);
    assert!(differences(r#"{"a": "\u00e9"}"#, r#"{"a": "é"}"#).is_empty());
    assert_eq!(differences(r#"{"a": "x"}"#, r#"{}"#).len(), 1);
}
