//! What a scoring run gives and the text `score.py` prints for it.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::Value;

use super::align::{score_one, Mismatch};
use super::kinds::{KindAccuracy, KindPair};
use super::tally::{Prf, Tally};
use super::SLOTS;

/// The result of scoring a gold file against a prediction file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Counts summed over all gold articles.
    pub total: Tally,
    /// Precision, recall and F1 of every gold article, by id (sorted).
    pub articles: BTreeMap<String, Prf>,
    /// Every miss and spurious fill, in the order `score.py --errors` lists
    /// them (gold file order).
    pub mismatches: Vec<Mismatch>,
    /// The kinds of every aligned pair of records where both have one, in
    /// gold order (what [`Report::kinds`] counts).
    pub kinds: Vec<KindPair>,
    /// Gold article ids with no predicted article, in gold order: scored
    /// as predicting nothing, often a sign of mismatched ids.
    pub gold_without_prediction: Vec<String>,
    /// Predicted article ids that match no gold id, in prediction order:
    /// not scored at all.
    pub predictions_without_gold: Vec<String>,
}

impl Report {
    /// Scores `articles`: each gold article's id, its gold records and its
    /// predicted records (`None` when no predicted article has its id).
    pub(super) fn build<'a>(
        articles: impl IntoIterator<Item = (&'a str, &'a [Value], Option<&'a [Value]>)>,
        predictions_without_gold: Vec<String>,
    ) -> Report {
        let mut report = Report {
            predictions_without_gold,
            ..Report::default()
        };
        for (id, gold, pred) in articles {
            if pred.is_none() {
                report.gold_without_prediction.push(id.to_owned());
            }
            let scored = score_one(id, gold, pred.unwrap_or(&[]));
            report.articles.insert(id.to_owned(), scored.tally.prf());
            report.total.add(&scored.tally);
            report.mismatches.extend(scored.mismatches);
            report.kinds.extend(scored.kinds);
        }
        report
    }

    /// Exact-kind accuracy over the aligned records, with the confusions.
    pub fn kind_accuracy(&self) -> KindAccuracy {
        KindAccuracy::of(&self.kinds)
    }

    /// The lines `score.py --kinds` prints: how many aligned records have
    /// the exact gold kind, then each confusion with its count.
    ///
    /// ```
    /// use newsextract::eval::score_jsonl;
    ///
    /// let gold = r#"{"id": "a", "records": [{"kind": "promotion", "person": "Ana Lima"}]}"#;
    /// let pred = r#"{"id": "a", "records": [{"kind": "appointment", "person": "Ana Lima"}]}"#;
    /// assert_eq!(score_jsonl(gold, pred)?.kinds(),
    ///     "exact kind: 0/1 matched records = 0.000\n  gold promotion -> predicted appointment: 1\n");
    /// # Ok::<(), newsextract::eval::EvalError>(())
    /// ```
    pub fn kinds(&self) -> String {
        self.kind_accuracy().lines()
    }

    /// The text `score.py GOLD PRED` prints: the slot table, the counts and
    /// the overall scores, each line ending in a newline.
    ///
    /// ```
    /// use newsextract::eval::score_jsonl;
    ///
    /// let gold = r#"{"id": "a", "records": [{"kind": "hire", "person": "Ana Lima", "company": "Acme"}]}"#;
    /// let pred = r#"{"id": "a", "records": [{"kind": "hire", "person": "Ana Lima", "company": "Acme Corp"}]}"#;
    /// let table = score_jsonl(gold, pred)?.table();
    /// let lines: Vec<&str> = table.lines().collect();
    /// assert_eq!(lines[0], "slot                      P      R     F1");
    /// assert_eq!(lines[3], "company               0.000  0.000  0.000");
    /// assert_eq!(lines[12], "articles=1 correct=2 gold=3 predicted=3");
    /// assert_eq!(lines[13], "overall P=0.667 R=0.667 F1=0.667");
    /// # Ok::<(), newsextract::eval::EvalError>(())
    /// ```
    pub fn table(&self) -> String {
        let mut out = format!("{:<20}{:>7}{:>7}{:>7}\n", "slot", "P", "R", "F1");
        for slot in SLOTS {
            let p = self.total.slot_prf(slot).unwrap_or_default();
            let _ = writeln!(
                out,
                "{slot:<20}{:7.3}{:7.3}{:7.3}",
                p.precision, p.recall, p.f1
            );
        }
        let all = self.total.prf();
        let _ = writeln!(
            out,
            "articles={} correct={} gold={} predicted={}",
            self.articles.len(),
            all.correct,
            all.gold,
            all.predicted
        );
        let _ = writeln!(
            out,
            "overall P={:.3} R={:.3} F1={:.3}",
            all.precision, all.recall, all.f1
        );
        out
    }

    /// The lines `score.py --per-article` prints: one
    /// `id<TAB>P=..<TAB>R=..<TAB>F1=..` line per gold article, sorted by id.
    ///
    /// ```
    /// use newsextract::eval::score_jsonl;
    ///
    /// let gold = "{\"id\": \"b\", \"records\": []}\n{\"id\": \"a\", \"records\": []}\n";
    /// let report = score_jsonl(gold, "")?;
    /// assert_eq!(report.per_article(), "a\tP=0.000\tR=0.000\tF1=0.000\nb\tP=0.000\tR=0.000\tF1=0.000\n");
    /// # Ok::<(), newsextract::eval::EvalError>(())
    /// ```
    pub fn per_article(&self) -> String {
        let mut out = String::new();
        for (id, p) in &self.articles {
            let _ = writeln!(
                out,
                "{id}\tP={:.3}\tR={:.3}\tF1={:.3}",
                p.precision, p.recall, p.f1
            );
        }
        out
    }

    /// The lines `score.py --errors` prints: one tab-separated line per
    /// [`Mismatch`] (article, gold person, slot, `spurious`/`missing`,
    /// predicted value, sorted normalised gold alternatives).
    ///
    /// ```
    /// use newsextract::eval::score_jsonl;
    ///
    /// let gold = r#"{"id": "a", "records": [{"person": "Ana Lima", "reports_to": ["Bo Chen", "B. Chen"]}]}"#;
    /// let report = score_jsonl(gold, "")?;
    /// assert_eq!(report.errors(),
    ///     "a\tAna Lima\tperson\tmissing\tNone\t['ana lima']\n\
    ///      a\tAna Lima\treports_to\tmissing\tNone\t['b chen', 'bo chen']\n");
    /// # Ok::<(), newsextract::eval::EvalError>(())
    /// ```
    pub fn errors(&self) -> String {
        let mut out = String::new();
        for m in &self.mismatches {
            let _ = writeln!(out, "{m}");
        }
        out
    }
}
