//! Exact-kind accuracy (`score.py --kinds`): the kind slot is scored by
//! group (start, end, reporting); this says how often an aligned record
//! also has the exact gold kind (promotion, not appointment), and which
//! kinds are taken for which.

use std::fmt::Write as _;

use serde_json::Value;

use super::pyrepr::py_str;
use super::values::{field, truthy};

/// The kinds of a gold record and of the predicted record aligned with it.
#[derive(Debug, Clone, PartialEq)]
pub struct KindPair {
    /// The gold kind, or its alternatives when gold lists several.
    pub gold: Vec<Value>,
    /// The predicted kind as written.
    pub predicted: Value,
}

impl KindPair {
    /// The pair of two aligned records, when both have a kind (Python's
    /// `g.get("kind") and p.get("kind")`).
    pub(super) fn of(gold: &Value, pred: &Value) -> Option<KindPair> {
        let (g, p) = (field(gold, "kind"), field(pred, "kind"));
        if !truthy(g) || !truthy(p) {
            return None;
        }
        let gold = match g {
            Value::Array(kinds) => kinds.clone(),
            one => vec![one.clone()],
        };
        Some(KindPair {
            gold,
            predicted: p.clone(),
        })
    }

    /// Whether the predicted kind is one of the gold kinds.
    pub fn exact(&self) -> bool {
        self.gold.contains(&self.predicted)
    }
}

/// Exact-kind accuracy over aligned records, with the confusions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KindAccuracy {
    /// Aligned records whose predicted kind is a gold kind.
    pub exact: usize,
    /// Aligned records where both have a kind.
    pub matched: usize,
    /// `(first gold kind, predicted kind, count)` for every wrong pair,
    /// most frequent first, ties in the order first seen.
    pub confusions: Vec<(Value, Value, usize)>,
}

impl KindAccuracy {
    /// Counts `pairs`.
    pub(super) fn of(pairs: &[KindPair]) -> KindAccuracy {
        let mut confusions: Vec<(Value, Value, usize)> = Vec::new();
        let mut exact = 0;
        for pair in pairs {
            if pair.exact() {
                exact += 1;
                continue;
            }
            let gold = pair.gold.first().cloned().unwrap_or(Value::Null);
            match confusions
                .iter_mut()
                .find(|(g, p, _)| *g == gold && *p == pair.predicted)
            {
                Some((_, _, n)) => *n += 1,
                None => confusions.push((gold, pair.predicted.clone(), 1)),
            }
        }
        // Stable, like Counter.most_common.
        confusions.sort_by_key(|c| std::cmp::Reverse(c.2));
        KindAccuracy {
            exact,
            matched: pairs.len(),
            confusions,
        }
    }

    /// `exact / matched` rounded to 4 places as `score.py` rounds it
    /// (`kind_exact`); 0 when nothing matched.
    pub fn ratio(&self) -> f64 {
        if self.matched == 0 {
            return 0.0;
        }
        let ratio = self.exact as f64 / self.matched as f64;
        format!("{ratio:.4}").parse().unwrap_or(ratio)
    }

    /// The lines `score.py --kinds` prints.
    pub fn lines(&self) -> String {
        let mut out = format!(
            "exact kind: {}/{} matched records = {:.3}\n",
            self.exact,
            self.matched,
            self.ratio()
        );
        for (gold, pred, n) in &self.confusions {
            let _ = writeln!(
                out,
                "  gold {} -> predicted {}: {n}",
                py_str(gold),
                py_str(pred)
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn pair(gold: Value, pred: Value) -> KindPair {
        KindPair::of(&json!({ "kind": gold }), &json!({ "kind": pred })).unwrap()
    }

    #[test]
    fn confusions_are_counted_most_frequent_first_ties_in_first_seen_order() {
        let pairs = [
            pair(json!("promotion"), json!("appointment")),
            pair(json!("hire"), json!("hire")),
            pair(json!("resignation"), json!("departure")),
            pair(json!(["hire", "appointment"]), json!("appointment")),
            pair(json!("resignation"), json!("departure")),
            pair(json!("retirement"), json!("resignation")),
        ];
        let k = KindAccuracy::of(&pairs);
        assert_eq!((k.exact, k.matched), (2, 6));
        assert_eq!(
            k.lines(),
            "exact kind: 2/6 matched records = 0.333\n\
             \x20 gold resignation -> predicted departure: 2\n\
             \x20 gold promotion -> predicted appointment: 1\n\
             \x20 gold retirement -> predicted resignation: 1\n"
        );
        assert!(KindPair::of(&json!({"kind": ""}), &json!({"kind": "hire"})).is_none());
        assert_eq!(
            KindAccuracy::of(&[]).lines(),
            "exact kind: 0/0 matched records = 0.000\n"
        );
    }
}
