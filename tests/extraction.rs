//! Extraction over the fixture articles: every article's records are
//! snapshotted, and the whole set is scored against its gold files with
//! the crate's port of the shared scorer.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::FixtureArticle;
use newsextract::Extractor;

/// Slot F1 the fixture set must keep: just below the measured 0.830; it fell to 0.785 when
/// the `trap_*` and `phr_*` fixtures (precision traps and constructions no
/// rule covers yet) joined the set, and rises as the rules catch up (the
/// project goal for its own fixtures is 0.90).
const F1_FLOOR: f64 = 0.82;

/// Every fixture article with the path of its gold file.
fn fixtures() -> Vec<(&'static FixtureArticle, PathBuf)> {
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/gold");
    common::fixture_articles()
        .iter()
        .map(|a| (a, gold.join(format!("{}.jsonl", a.name))))
        .collect()
}

fn predict(extractor: &Extractor, article: &FixtureArticle) -> serde_json::Value {
    let (id, text) = (&article.name, &article.text);
    let out = extractor.extract(text);
    for r in &out.records {
        for span in &r.evidence {
            assert!(
                span.start < span.end && span.end <= text.len(),
                "{id}: bad span {span:?}"
            );
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
    serde_json::json!({"id": id, "records": out.records})
}

#[test]
fn every_fixture_has_gold_and_enough_of_them_exist() {
    let all = fixtures();
    assert!(all.len() >= 30, "only {} fixture articles", all.len());
    let mut without_change = 0;
    for (article, gold) in &all {
        let id = &article.name;
        let line = fs::read_to_string(gold).unwrap_or_else(|_| panic!("{id}: no gold file"));
        let v: serde_json::Value =
            serde_json::from_str(line.trim()).expect("gold is one JSON line");
        assert_eq!(v["id"], serde_json::json!(id), "{id}: gold id");
        if v["records"].as_array().is_some_and(Vec::is_empty) {
            without_change += 1;
        }
    }
    assert!(
        without_change >= 6,
        "only {without_change} articles without a change"
    );
}

/// One snapshot per fixture article; `glob!` checks them all and then
/// reports every one that changed.
#[test]
fn fixture_records_match_their_snapshots() {
    let extractor = Extractor::new();
    insta::glob!("../fixtures/articles", "*.txt", |path| {
        let article = FixtureArticle {
            name: path.file_stem().unwrap().to_string_lossy().into_owned(),
            text: fs::read_to_string(path).unwrap(),
        };
        insta::assert_json_snapshot!(predict(&extractor, &article));
    });
}

#[cfg(feature = "eval")]
#[test]
fn fixture_slot_f1_stays_above_the_floor() {
    let extractor = Extractor::new();
    let mut gold = String::new();
    let mut pred = String::new();
    for (article, gold_path) in fixtures() {
        gold.push_str(fs::read_to_string(gold_path).unwrap().trim());
        gold.push('\n');
        pred.push_str(&predict(&extractor, article).to_string());
        pred.push('\n');
    }
    let report = newsextract::eval::score_jsonl(&gold, &pred).expect("valid JSON lines");
    println!("{}", report.table());
    let f1 = report.total.prf().f1;
    assert!(
        f1 >= F1_FLOOR,
        "fixture slot F1 {f1:.3} fell below {F1_FLOOR}"
    );
}
