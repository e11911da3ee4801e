//! One article scored: gold records aligned with predicted ones, slots
//! compared, misses and spurious fills listed.

use std::collections::BTreeSet;
use std::fmt;

use serde_json::Value;

use super::kinds::KindPair;
use super::pyrepr::{py_str, py_str_repr};
use super::tally::Tally;
use super::values::{alternatives, field, optional_slots, pred_value, slot_values, truthy, NULL};
use super::{KIND, PERSON, SLOTS};

/// Whether a [`Mismatch`] is a wrong fill or a missed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MismatchKind {
    /// A predicted fill that matches no gold alternative, or a whole
    /// predicted record that was aligned with no gold record.
    Spurious,
    /// A required gold slot left empty or filled wrongly.
    Missing,
}

impl MismatchKind {
    /// `"spurious"` or `"missing"`, as `score.py --errors` prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            MismatchKind::Spurious => "spurious",
            MismatchKind::Missing => "missing",
        }
    }
}

impl fmt::Display for MismatchKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One error as `score.py --errors` lists it.
///
/// Its `Display` is the tab-separated line the Python prints (without the
/// newline), with values in Python's `str()`/`repr()` form: `None`, `'x'`,
/// `['a', 'b']`.
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    /// The article id.
    pub article: String,
    /// The gold record's raw `person` (the predicted record's for an
    /// unaligned prediction).
    pub person: Value,
    /// The slot, one of [`SLOTS`], or `"record"` for an unaligned predicted
    /// record.
    pub slot: &'static str,
    /// Spurious or missing.
    pub kind: MismatchKind,
    /// The raw predicted value (for `"record"`, the predicted kind group);
    /// `null` when nothing was predicted.
    pub predicted: Value,
    /// The normalised gold alternatives, sorted (empty for `"record"`).
    pub gold: Vec<String>,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let gold: Vec<String> = self.gold.iter().map(|g| py_str_repr(g)).collect();
        write!(
            f,
            "{}\t{}\t{}\t{}\t{}\t[{}]",
            self.article,
            py_str(&self.person),
            self.slot,
            self.kind,
            py_str(&self.predicted),
            gold.join(", ")
        )
    }
}

/// Scores one article's predicted records against its gold records
/// (`score_article` in `score.py`).
///
/// Records are JSON objects as described in `docs/schema.md`. Gold records whose
/// `person` is empty and predicted records without a usable `person` are
/// ignored; so are array elements that are not objects.
///
/// ```
/// use newsextract::eval::score_article;
/// use serde_json::json;
///
/// let gold = [json!({"kind": "appointment", "person": "Cai Yinghua",
///                    "new_role": {"title": ["senior VP", "senior vice president"], "org": "Corvel"}})];
/// let pred = [json!({"kind": "hire", "person": "Cai Yinghua",
///                    "new_role": {"title": "SVP", "org": "Corvel Group"}})];
/// let t = score_article("a1", &gold, &pred);
/// let p = t.prf();
/// assert_eq!((p.correct, p.gold, p.predicted), (3, 4, 4));
/// assert_eq!(t.slot_prf("new_org").unwrap().precision, 0.0);
/// ```
#[must_use]
pub fn score_article(id: &str, gold: &[Value], pred: &[Value]) -> Tally {
    score_article_with_errors(id, gold, pred).0
}

/// Like [`score_article`], and also returns the errors `score.py --errors`
/// would list for this article, in the same order.
///
/// ```
/// use newsextract::eval::{score_article_with_errors, MismatchKind};
/// use serde_json::json;
///
/// let gold = [json!({"kind": "resignation", "person": "Dana Whitcombe"})];
/// let pred = [json!({"kind": "resignation", "person": "Dana Whitcombe"}),
///             json!({"kind": "hire", "person": "Hu Jiahao"})];
/// let (_, errors) = score_article_with_errors("a1", &gold, &pred);
/// assert_eq!(errors.len(), 1);
/// assert_eq!((errors[0].slot, errors[0].kind), ("record", MismatchKind::Spurious));
/// assert_eq!(errors[0].to_string(), "a1\tHu Jiahao\trecord\tspurious\tstart\t[]");
/// ```
pub fn score_article_with_errors(
    id: &str,
    gold: &[Value],
    pred: &[Value],
) -> (Tally, Vec<Mismatch>) {
    let scored = score_one(id, gold, pred);
    (scored.tally, scored.mismatches)
}

/// Everything scoring one article gives.
pub(super) struct Scored {
    /// The counts.
    pub tally: Tally,
    /// The errors, in `score.py --errors` order.
    pub mismatches: Vec<Mismatch>,
    /// The kinds of each aligned pair of records (for `--kinds`).
    pub kinds: Vec<KindPair>,
}

/// `score_article` of `score.py`, with its errors and kind pairs.
pub(super) fn score_one(id: &str, gold: &[Value], pred: &[Value]) -> Scored {
    let mut t = Tally::new();
    let mut errors = Vec::new();
    let mut kinds = Vec::new();
    let gold: Vec<&Value> = gold.iter().filter(|r| truthy(field(r, "person"))).collect();
    let pred: Vec<&Value> = pred
        .iter()
        .filter(|r| pred_value(PERSON, field(r, "person")).is_some())
        .collect();
    let gold_raw: Vec<[Value; 11]> = gold.iter().map(|r| slot_values(r)).collect();
    let gold_alts: Vec<[BTreeSet<String>; 11]> = gold_raw
        .iter()
        .map(|v| std::array::from_fn(|s| alternatives(s, &v[s])))
        .collect();
    let pred_raw: Vec<[Value; 11]> = pred.iter().map(|r| slot_values(r)).collect();
    let pred_norm: Vec<[Option<String>; 11]> = pred_raw
        .iter()
        .map(|v| std::array::from_fn(|s| pred_value(s, &v[s])))
        .collect();
    let optional_record: Vec<bool> = gold
        .iter()
        .map(|r| truthy(field(r, "optional_record")))
        .collect();

    // Required records first, so optional ones never steal their match
    // (a stable sort, like Python's `sorted`).
    let mut order: Vec<usize> = (0..gold.len()).collect();
    order.sort_by_key(|&i| optional_record[i]);
    let mut used = vec![false; pred.len()];
    let mut pairs: Vec<(usize, Option<usize>)> = Vec::with_capacity(order.len());
    for gi in order {
        let names = &gold_alts[gi][PERSON];
        let mut best: Option<usize> = None;
        let mut best_score: i64 = -1;
        for (pi, pv) in pred_norm.iter().enumerate() {
            match &pv[PERSON] {
                Some(name) if !used[pi] && names.contains(name) => {}
                _ => continue,
            }
            let agreement = (0..SLOTS.len())
                .filter(|&s| pv[s].as_ref().is_some_and(|v| gold_alts[gi][s].contains(v)))
                .count() as i64;
            if agreement > best_score {
                best = Some(pi);
                best_score = agreement;
            }
        }
        if let Some(b) = best {
            used[b] = true;
        }
        pairs.push((gi, best));
    }

    let none: Option<String> = None;
    for (gi, pi) in pairs {
        let opt_rec = optional_record[gi];
        if opt_rec && pi.is_none() {
            continue;
        }
        if let Some(p) = pi {
            kinds.extend(KindPair::of(gold[gi], pred[p]));
        }
        let optional = optional_slots(gold[gi]);
        for (s, slot) in SLOTS.iter().enumerate() {
            let alts = &gold_alts[gi][s];
            let (raw, val) = match pi {
                Some(p) => (&pred_raw[p][s], &pred_norm[p][s]),
                None => (&NULL, &none),
            };
            let is_opt = opt_rec || optional.contains(slot);
            let mismatch = |kind| Mismatch {
                article: id.to_string(),
                person: gold_raw[gi][PERSON].clone(),
                slot,
                kind,
                predicted: raw.clone(),
                gold: alts.iter().cloned().collect(),
            };
            if let Some(v) = val {
                t.predicted[s] += 1;
                if alts.contains(v) {
                    t.correct[s] += 1;
                    t.gold[s] += 1;
                    continue;
                }
                errors.push(mismatch(MismatchKind::Spurious));
            }
            if !alts.is_empty() && !is_opt {
                t.gold[s] += 1;
                errors.push(mismatch(MismatchKind::Missing));
            }
        }
    }
    for (pi, pv) in pred_norm.iter().enumerate() {
        if used[pi] {
            continue;
        }
        for (s, v) in pv.iter().enumerate() {
            if v.is_some() {
                t.predicted[s] += 1;
            }
        }
        errors.push(Mismatch {
            article: id.to_string(),
            person: pred_raw[pi][PERSON].clone(),
            slot: "record",
            kind: MismatchKind::Spurious,
            predicted: pred_raw[pi][KIND].clone(),
            gold: Vec::new(),
        });
    }
    Scored {
        tally: t,
        mismatches: errors,
        kinds,
    }
}
