//! Metamorphic tests: an article gives the same records in every shape a
//! feed may deliver it (hard-wrapped at 60, 68 and 76 columns with
//! indented or blank-line paragraphs, with CRLF line ends, with no-break
//! spaces inside names, with straight and curly quotes swapped). Values
//! must be equal; evidence spans may move, but must still be spans of the
//! reshaped text.
//!
//! Runs over every fixture article and, when the shared development set is
//! beside the project (`../shared/dev/articles`), over every development
//! article too.

mod common;

use std::path::Path;

use common::reshape::{no_break_spaces_in_names, swap_quotes, wrap, Paragraphs, Shape};
use common::{extraction_violations, fixture_articles};
use newsextract::{Extractor, Record};
use serde_json::Value;

/// A record as compared across shapes: everything but its evidence, with
/// curly quotes made straight when the shape swapped them.
fn comparable(record: &Record, fold_quotes: bool) -> Value {
    let mut value = serde_json::to_value(record).expect("records serialise");
    if let Value::Object(fields) = &mut value {
        fields.remove("evidence");
    }
    if fold_quotes {
        fold(&mut value);
    }
    value
}

fn fold(value: &mut Value) {
    match value {
        Value::String(s) => {
            *s = s.replace(['‘', '’'], "'").replace(['“', '”'], "\"");
        }
        Value::Array(items) => items.iter_mut().for_each(fold),
        Value::Object(fields) => fields.values_mut().for_each(fold),
        _ => {}
    }
}

/// Every way `text` (named `name`) breaks the property, one line each.
fn shape_failures(extractor: &Extractor, name: &str, text: &str) -> Vec<String> {
    let fold_quotes = true;
    let expected: Vec<Value> = extractor
        .extract(text)
        .records
        .iter()
        .map(|r| comparable(r, fold_quotes))
        .collect();
    let mut failures = Vec::new();
    for shape in Shape::all() {
        let reshaped = shape.apply(text);
        let out = extractor.extract(&reshaped);
        for v in extraction_violations(&reshaped, &out) {
            failures.push(format!("{name} {shape:?}: {v}"));
        }
        let got: Vec<Value> = out
            .records
            .iter()
            .map(|r| comparable(r, fold_quotes))
            .collect();
        if got != expected {
            let missing = expected.iter().find(|r| !got.contains(r));
            let extra = got.iter().find(|r| !expected.contains(r));
            failures.push(format!(
                "{name} {shape:?}: {} records instead of {}\n  missing: {}\n  extra:   {}",
                got.len(),
                expected.len(),
                missing.map_or("-".into(), Value::to_string),
                extra.map_or("-".into(), Value::to_string),
            ));
        }
    }
    failures
}

#[test]
fn fixtures_give_the_same_records_in_every_shape() {
    let extractor = Extractor::new();
    let failures: Vec<String> = fixture_articles()
        .iter()
        .flat_map(|a| shape_failures(&extractor, &a.name, &a.text))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn development_articles_give_the_same_records_in_every_shape() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/dev/articles");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        common::skip_without_shared(&dir);
        return;
    };
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no articles in {}", dir.display());
    let extractor = Extractor::new();
    let mut failures = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("a readable article");
        let name = path.file_stem().unwrap().to_string_lossy();
        failures.extend(shape_failures(&extractor, &name, &text));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn reshaping_keeps_every_word() {
    let text = "Ana Ruiz, a senior vice-president, joins.\n\nTom Li stays.";
    let indented = wrap(text, 12, Paragraphs::Indented);
    assert_eq!(
        indented,
        "    Ana Ruiz, a\nsenior vice-\npresident,\njoins.\n    Tom Li\nstays."
    );
    let blank = wrap(text, 30, Paragraphs::BlankLine);
    assert_eq!(
        blank,
        "Ana Ruiz, a senior vice-\npresident, joins.\n\nTom Li stays."
    );
    assert_eq!(
        no_break_spaces_in_names("Acme named Ana Ruiz Lopez chair."),
        "Acme named Ana\u{a0}Ruiz\u{a0}Lopez chair."
    );
    assert_eq!(
        swap_quotes("Roe's \"plan\" and 'ours'"),
        "Roe’s “plan” and ‘ours’"
    );
    assert_eq!(swap_quotes("Roe’s “plan”"), "Roe's \"plan\"");
    for shape in Shape::all() {
        let words = |t: &str| -> String {
            let t = t.replace(['’', '‘'], "'").replace(['“', '”'], "\"");
            t.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .replace("- ", "-")
        };
        assert_eq!(words(&shape.apply(text)), words(text), "{shape:?}");
    }
}
