//! Counts per slot and the precision, recall and F1 made from them.

use super::values::slot_index;
use super::SLOTS;

/// Precision, recall and F1 with the counts they come from.
///
/// Ratios with a zero denominator are `0.0`, as in `score.py`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Prf {
    /// `correct / predicted`.
    pub precision: f64,
    /// `correct / gold`.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Predicted fills that match a gold alternative.
    pub correct: usize,
    /// Required gold fills plus optional ones that were found.
    pub gold: usize,
    /// Predicted fills that are scored.
    pub predicted: usize,
}

impl Prf {
    /// Computes precision, recall and F1 from counts, exactly like
    /// `Tally.prf` in `score.py`.
    ///
    /// ```
    /// use newsextract::eval::Prf;
    ///
    /// let p = Prf::from_counts(3, 4, 6);
    /// assert_eq!((p.precision, p.recall), (0.5, 0.75));
    /// assert_eq!(Prf::from_counts(0, 0, 0).f1, 0.0);
    /// ```
    #[must_use]
    pub fn from_counts(correct: usize, gold: usize, predicted: usize) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(correct, predicted);
        let recall = ratio(correct, gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
            correct,
            gold,
            predicted,
        }
    }
}

/// Per-slot counts for one article or a whole corpus (`Tally` in `score.py`).
///
/// The arrays are indexed like [`SLOTS`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Predicted fills matching a gold alternative, per slot.
    pub correct: [usize; 11],
    /// Required gold fills plus optional gold fills that were found, per slot.
    pub gold: [usize; 11],
    /// Scored predicted fills, per slot.
    pub predicted: [usize; 11],
}

impl Tally {
    /// An empty tally.
    pub fn new() -> Tally {
        Tally::default()
    }

    /// Adds another tally's counts to this one.
    pub fn add(&mut self, other: &Tally) {
        for i in 0..SLOTS.len() {
            self.correct[i] += other.correct[i];
            self.gold[i] += other.gold[i];
            self.predicted[i] += other.predicted[i];
        }
    }

    /// Micro-averaged precision, recall and F1 over all slots.
    ///
    /// ```
    /// use newsextract::eval::Tally;
    ///
    /// let mut t = Tally::new();
    /// t.correct[0] = 1;
    /// t.gold[0] = 2;
    /// t.predicted[0] = 1;
    /// let p = t.prf();
    /// assert_eq!((p.precision, p.recall), (1.0, 0.5));
    /// ```
    #[must_use]
    pub fn prf(&self) -> Prf {
        self.sum(0..SLOTS.len())
    }

    /// Precision, recall and F1 of one slot, or `None` if `slot` is not one of
    /// [`SLOTS`].
    ///
    /// ```
    /// use newsextract::eval::Tally;
    ///
    /// let t = Tally::new();
    /// assert_eq!(t.slot_prf("new_title").unwrap().f1, 0.0);
    /// assert!(t.slot_prf("title").is_none());
    /// ```
    #[must_use]
    pub fn slot_prf(&self, slot: &str) -> Option<Prf> {
        slot_index(slot).map(|i| self.sum(i..i + 1))
    }

    /// Micro-averaged precision, recall and F1 over some slots (Python's
    /// `prf(slots)`), or `None` if one of them is not in [`SLOTS`].
    #[must_use]
    pub fn slots_prf(&self, slots: &[&str]) -> Option<Prf> {
        let idx = slots
            .iter()
            .map(|s| slot_index(s))
            .collect::<Option<Vec<_>>>()?;
        Some(self.sum(idx))
    }

    fn sum(&self, slots: impl IntoIterator<Item = usize>) -> Prf {
        let (mut c, mut g, mut p) = (0, 0, 0);
        for i in slots {
            c += self.correct[i];
            g += self.gold[i];
            p += self.predicted[i];
        }
        Prf::from_counts(c, g, p)
    }
}
