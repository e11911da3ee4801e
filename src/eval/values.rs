//! Records as JSON values, read the way `score.py` reads them: Python's
//! truthiness, `rec.get(key)`, and the flattening of a record into slots.

use std::collections::BTreeSet;

use serde_json::Value;

use super::normalize::{kind_group, normalize_slot, not_blank};
use super::SLOTS;

/// Python's truthiness of a JSON value.
pub(super) fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(m) => !m.is_empty(),
    }
}

pub(super) static NULL: Value = Value::Null;

/// `rec.get(key)`: the field, or null when it is absent or `rec` is no object.
pub(super) fn field<'a>(rec: &'a Value, key: &str) -> &'a Value {
    rec.get(key).unwrap_or(&NULL)
}

/// `alternatives(slot, value)`: the normalised gold alternatives of a slot.
pub(super) fn alternatives(slot: usize, value: &Value) -> BTreeSet<String> {
    let one = std::slice::from_ref(value);
    let vals = match value {
        Value::Null => return BTreeSet::new(),
        Value::Array(a) => a.as_slice(),
        _ => one,
    };
    vals.iter()
        .filter_map(Value::as_str)
        .filter(|s| not_blank(s))
        .map(|s| normalize_slot(slot, s))
        .collect()
}

/// `pred_value(slot, value)`: the normalised predicted fill of a slot, if any
/// (the first element of a list).
pub(super) fn pred_value(slot: usize, value: &Value) -> Option<String> {
    let value = match value {
        Value::Array(a) => a.first()?,
        v => v,
    };
    match value {
        Value::String(s) if not_blank(s) => Some(normalize_slot(slot, s)),
        _ => None,
    }
}

/// `slot_values(rec)`: the record flattened into raw slot values (kinds
/// mapped to their group), indexed like [`SLOTS`].
pub(super) fn slot_values(rec: &Value) -> [Value; 11] {
    let role = |name: &str, part: &str| match field(rec, name) {
        Value::Object(m) => m.get(part).cloned().unwrap_or(Value::Null),
        _ => Value::Null,
    };
    let group = |k: &Value| match k {
        Value::String(s) => Value::String(kind_group(s).map_or_else(|| s.clone(), str::to_string)),
        other => other.clone(),
    };
    let kind = match field(rec, "kind") {
        Value::Array(ks) => Value::Array(ks.iter().map(group).collect()),
        k => group(k),
    };
    [
        field(rec, "person").clone(),
        kind,
        field(rec, "company").clone(),
        role("old_role", "title"),
        role("old_role", "org"),
        role("new_role", "title"),
        role("new_role", "org"),
        field(rec, "reports_to").clone(),
        field(rec, "previous_reports_to").clone(),
        field(rec, "predecessor").clone(),
        field(rec, "successor").clone(),
    ]
}

/// `set(g.get("optional", []))`, keeping the members that can name a slot.
pub(super) fn optional_slots(rec: &Value) -> BTreeSet<&str> {
    match field(rec, "optional") {
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        Value::Object(m) => m.keys().map(String::as_str).collect(),
        _ => BTreeSet::new(),
    }
}

pub(super) fn slot_index(slot: &str) -> Option<usize> {
    SLOTS.iter().position(|s| *s == slot)
}

/// How an error message names a JSON value's type.
pub(super) fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eval_truthy_and_optional() {
        assert!(!truthy(&Value::from(0)));
        assert!(truthy(&Value::from(" ")));
        let rec: Value = serde_json::json!({"optional": {"reports_to": true}});
        assert!(optional_slots(&rec).contains("reports_to"));
        let rec: Value = serde_json::json!({"optional": "reports_to"});
        assert!(optional_slots(&rec).is_empty());
    }
}
