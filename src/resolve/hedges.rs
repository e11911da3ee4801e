//! Hedges: cues that cancel a match ("denied", "not", "could").

use super::*;

pub(super) const HEDGES: &str = include_str!("../rules/hedges.txt");

/// One kind of hedge cue, as encoded token sequences padded with spaces,
/// found in one scan.
pub(super) struct Cues {
    cues: Vec<String>,
    automaton: aho_corasick::AhoCorasick,
}

impl Cues {
    pub(super) fn new(cues: Vec<String>) -> Self {
        // The cues are a few dozen short strings: building cannot fail.
        let automaton = aho_corasick::AhoCorasick::new(&cues)
            .unwrap_or_else(|e| panic!("built-in hedges.txt is invalid: {e}"));
        Self { cues, automaton }
    }

    /// Whether `padded` holds a cue that `counts` accepts.
    pub(super) fn any_in(&self, padded: &str, counts: impl Fn(&str) -> bool) -> bool {
        self.automaton
            .find_overlapping_iter(padded)
            .any(|m| counts(&self.cues[m.pattern().as_usize()]))
    }

    /// Whether `padded` holds any cue: one search, no overlaps to walk.
    pub(super) fn any(&self, padded: &str) -> bool {
        self.automaton.is_match(padded)
    }
}

/// Hedge cues: cues in a match, cues anywhere in a sentence, and cues that
/// retell a denied report.
pub(super) static HEDGE_CUES: Lazy<(Cues, Cues, Cues)> = Lazy::new(|| {
    let mut span = Vec::new();
    let mut sentence = Vec::new();
    let mut retold = Vec::new();
    for (section, cue) in entries(HEDGES) {
        let padded = format!(" {cue} ");
        match section {
            "sentence" => sentence.push(padded),
            "retold" => retold.push(padded),
            _ => span.push(padded),
        }
    }
    (Cues::new(span), Cues::new(sentence), Cues::new(retold))
});

/// Every sentence-wide and retold cue as written, found in any case: a
/// sentence holding none needs no [`worded`] copy.
static ROUGH: Lazy<aho_corasick::AhoCorasick> = Lazy::new(|| {
    let cues: Vec<&str> = entries(HEDGES)
        .filter(|(section, _)| matches!(*section, "sentence" | "retold"))
        .map(|(_, cue)| cue)
        .collect();
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(cues)
        .unwrap_or_else(|e| panic!("built-in hedges.txt is invalid: {e}"))
});

/// The sentence as [`worded`] gives it when it may hold a sentence-wide
/// or retold cue; empty (no cue) otherwise, without reading it twice.
pub(super) fn worded_if_cued(sentence: &str) -> String {
    if ROUGH.is_match(sentence) {
        worded(sentence)
    } else {
        String::new()
    }
}

/// A sentence's own words for the sentence-wide cues: lower case, every
/// run of characters other than letters, digits and apostrophes one space,
/// padded with spaces.
pub(super) fn worded(sentence: &str) -> String {
    let mut out = String::with_capacity(sentence.len() + 2);
    out.push(' ');
    let mut space = true;
    for c in sentence.chars() {
        let word = if c.is_ascii() {
            c.is_ascii_alphanumeric() || c == '\''
        } else {
            c.is_alphanumeric() || c == '\u{2019}'
        };
        if word {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if !space {
        out.push(' ');
    }
    out
}

/// Whether a sentence (as [`worded`] gives it) cites a report ("media
/// reported that", "reports emerged"), but not a reporting line ("will
/// report to the chief executive").
pub(super) fn retells(worded: &str) -> bool {
    HEDGE_CUES.2.any(worded)
        && ![
            " report to ",
            " reports to ",
            " reported to ",
            " reporting to ",
        ]
        .iter()
        .any(|r| worded.contains(r))
}
