//! Which rule patterns can match a sentence at all, found with one scan.
//!
//! Running ~75 large regexes over every sentence is the cascade's main
//! cost, and most of them cannot match: "resigned" is not in the sentence,
//! or there is no title symbol `T3` in it. Each pattern's syntax tree is
//! read once at start-up for the literals a match must contain, as a
//! conjunction of alternatives ("`P` or `N` or `he`", and "`resign`").
//! Per sentence, one Aho-Corasick scan finds which of all those literals
//! occur, and a pattern runs only when each of its conjuncts has one.
//!
//! The analysis is conservative: a literal is required only if every match
//! of the pattern contains it, so skipping a pattern never loses a match.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use regex_syntax::hir::{Class, Hir, HirKind};

/// Literals a match must contain: every clause must have one of its
/// literals in the text.
pub(crate) type Requirement = Vec<Vec<String>>;

/// A character class is kept as a clause of its members only when it is
/// this small ("`[NP]`"); a larger one says little.
const MAX_CLASS_CHARS: usize = 6;

/// What a match of `pattern` must contain, read with the rules' syntax
/// (ASCII classes over bytes). A pattern that fails to parse requires
/// nothing (the regex compiler reports the error).
pub(crate) fn requirement(pattern: &str) -> Requirement {
    let parsed = regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(pattern);
    let Ok(hir) = parsed else {
        return Vec::new();
    };
    required(&hir)
        .into_iter()
        .filter(|clause| clause.iter().all(|lit| is_telling(lit)))
        .collect()
}

/// Whether finding `lit` says anything: a clause that a comma or a space
/// satisfies is true of nearly every sentence.
fn is_telling(lit: &str) -> bool {
    lit.chars().any(char::is_alphanumeric)
}

fn required(hir: &Hir) -> Requirement {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Vec::new(),
        HirKind::Literal(lit) => match std::str::from_utf8(&lit.0) {
            Ok(s) if !s.is_empty() => vec![vec![s.to_owned()]],
            _ => Vec::new(),
        },
        HirKind::Class(class) => class_members(class).map_or_else(Vec::new, |m| vec![m]),
        HirKind::Repetition(rep) if rep.min >= 1 => required(&rep.sub),
        HirKind::Repetition(_) => Vec::new(),
        HirKind::Capture(cap) => required(&cap.sub),
        HirKind::Concat(parts) => parts.iter().flat_map(required).collect(),
        HirKind::Alternation(alts) => {
            // One branch matches: the union of each branch's most telling
            // clause is required. A branch that requires nothing makes the
            // whole alternation require nothing.
            let mut union: Vec<String> = Vec::new();
            for alt in alts {
                let Some(best) = required(alt)
                    .into_iter()
                    .filter(|c| c.iter().all(|lit| is_telling(lit)))
                    .max_by_key(|c| strength(c))
                else {
                    return Vec::new();
                };
                for lit in best {
                    if !union.contains(&lit) {
                        union.push(lit);
                    }
                }
            }
            vec![union]
        }
    }
}

/// The members of a small class, as one-character literals.
fn class_members(class: &Class) -> Option<Vec<String>> {
    match class {
        Class::Unicode(c) => {
            let mut out = Vec::new();
            for range in c.iter() {
                for ch in range.start()..=range.end() {
                    if out.len() == MAX_CLASS_CHARS {
                        return None;
                    }
                    out.push(ch.to_string());
                }
            }
            Some(out)
        }
        Class::Bytes(c) => {
            let mut out = Vec::new();
            for range in c.iter() {
                for b in range.start()..=range.end() {
                    if out.len() == MAX_CLASS_CHARS || !b.is_ascii() {
                        return None;
                    }
                    out.push(char::from(b).to_string());
                }
            }
            Some(out)
        }
    }
}

/// How rarely a clause is satisfied by chance, as the weakest of its
/// literals: longer literals are rarer, and an upper-case letter only
/// occurs in a phrase symbol (`P3`, `T5`, `V2/name/act/past`; every other
/// word is lower-cased).
fn strength(clause: &[String]) -> usize {
    clause
        .iter()
        .map(|lit| {
            let upper = lit.bytes().filter(u8::is_ascii_uppercase).count();
            lit.len() + 3 * upper
        })
        .min()
        .unwrap_or(0)
}

/// All patterns' requirements over one automaton of their literals.
///
/// Literals of one ASCII byte ("`P`", "`T`", "`a`") would make most of the
/// automaton's matches (one per occurrence), so a byte table finds them
/// instead; the automaton, a DFA, looks for the longer ones, walked a byte
/// at a time in the same pass (every literal that ends at a byte is a match
/// of the state it reaches: overlapping matches, without the iterator). Many patterns
/// share a clause ("`P` or `N` or `he` ..."), so the distinct clauses are
/// numbered: each literal found sets the bits of the clauses it satisfies,
/// and a pattern may match when all of its clauses' bits are set.
#[derive(Debug)]
pub(crate) struct Prefilter {
    /// The literals longer than one byte; pattern `i` of the automaton is
    /// literal `long_ids[i]`.
    automaton: DFA,
    /// The automaton's start state (unanchored).
    start: StateID,
    long_ids: Vec<usize>,
    /// The literal of each one-byte literal's byte, plus one (0: none).
    byte_literal: [u16; 256],
    /// Words of a bitset over the distinct clauses.
    clause_words: usize,
    /// Each literal's clauses, `clause_words` words each.
    literal_clauses: Vec<u64>,
    /// Each pattern's clauses, `clause_words` words each.
    pattern_needs: Vec<u64>,
}

/// Sets bit `i` of `bits`.
fn set_bit(bits: &mut [u64], i: usize) {
    bits[i / 64] |= 1 << (i % 64);
}

impl Prefilter {
    /// A prefilter for these patterns' requirements, in order: pattern `i`
    /// is the `i`th requirement.
    pub(crate) fn new(requirements: &[Requirement]) -> Result<Self, String> {
        let mut literals: Vec<&str> = Vec::new();
        let mut clauses: Vec<Vec<usize>> = Vec::new();
        // Per pattern, its clauses as indices into `clauses`.
        let mut needs: Vec<Vec<usize>> = Vec::with_capacity(requirements.len());
        for req in requirements {
            let mut need = Vec::with_capacity(req.len());
            for clause in req {
                let mut ids: Vec<usize> = clause
                    .iter()
                    .map(|lit| {
                        literals.iter().position(|l| l == lit).unwrap_or_else(|| {
                            literals.push(lit);
                            literals.len() - 1
                        })
                    })
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                let c = clauses.iter().position(|c| *c == ids).unwrap_or_else(|| {
                    clauses.push(ids);
                    clauses.len() - 1
                });
                need.push(c);
            }
            needs.push(need);
        }
        let mut byte_literal = [0u16; 256];
        let mut long = Vec::new();
        let mut long_ids = Vec::new();
        for (id, lit) in literals.iter().enumerate() {
            match lit.as_bytes() {
                &[b] => {
                    byte_literal[usize::from(b)] = u16::try_from(id + 1)
                        .map_err(|_| format!("{} prefilter literals", literals.len()))?;
                }
                _ => {
                    long.push(*lit);
                    long_ids.push(id);
                }
            }
        }
        let automaton = DFA::builder()
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Unanchored)
            .build(&long)
            .map_err(|e| e.to_string())?;
        let start = automaton
            .start_state(Anchored::No)
            .map_err(|e| e.to_string())?;
        // At least one word, so that no bitset is empty.
        let clause_words = clauses.len().div_ceil(64).max(1);
        let mut literal_clauses = vec![0u64; literals.len() * clause_words];
        for (c, ids) in clauses.iter().enumerate() {
            for &id in ids {
                set_bit(&mut literal_clauses[id * clause_words..], c);
            }
        }
        let mut pattern_needs = vec![0u64; needs.len() * clause_words];
        for (p, need) in needs.iter().enumerate() {
            for &c in need {
                set_bit(&mut pattern_needs[p * clause_words..], c);
            }
        }
        Ok(Self {
            automaton,
            start,
            long_ids,
            byte_literal,
            clause_words,
            literal_clauses,
            pattern_needs,
        })
    }

    /// How many patterns the prefilter knows: the length of each answer.
    pub(crate) fn pattern_count(&self) -> usize {
        self.pattern_needs.len() / self.clause_words
    }

    /// Which patterns may match `text`: `result[i]` for the `i`th pattern.
    #[cfg(test)]
    pub(crate) fn candidates(&self, text: &str) -> Vec<bool> {
        let mut out = Vec::with_capacity(self.pattern_count());
        self.extend_candidates(text, &mut Vec::new(), &mut out);
        out
    }

    /// Appends to `out` whether each pattern may match `text`, one `bool`
    /// per pattern, in order. `holds` is scratch space (the clauses that
    /// hold), reused between calls so that a clause costs no allocation.
    pub(crate) fn extend_candidates(&self, text: &str, holds: &mut Vec<u64>, out: &mut Vec<bool>) {
        holds.clear();
        holds.resize(self.clause_words, 0);
        let words = self.clause_words;
        let mut found = |id: usize| {
            let clauses = &self.literal_clauses[id * words..(id + 1) * words];
            for (h, c) in holds.iter_mut().zip(clauses) {
                *h |= c;
            }
        };
        let dfa = &self.automaton;
        let mut state = self.start;
        for &b in text.as_bytes() {
            if let Some(id) = usize::from(self.byte_literal[usize::from(b)]).checked_sub(1) {
                found(id);
            }
            state = dfa.next_state(Anchored::No, state, b);
            if dfa.is_special(state) && dfa.is_match(state) {
                for i in 0..dfa.match_len(state) {
                    found(self.long_ids[dfa.match_pattern(state, i).as_usize()]);
                }
            }
        }
        out.extend(
            self.pattern_needs
                .chunks(self.clause_words)
                .map(|need| need.iter().zip(holds.iter()).all(|(n, h)| n & !h == 0)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_of_a_concatenation_are_all_required() {
        let req = requirement(r"(?:^| )(?P<person>(?:P|N)\d+) has (?:resigned|quit)");
        assert!(
            req.contains(&vec!["N".to_owned(), "P".to_owned()]),
            "{req:?}"
        );
        assert!(req.iter().any(|c| c.iter().any(|l| l.contains("has"))));
        assert!(req
            .iter()
            .any(|c| c.len() == 2 && c.iter().any(|l| l.contains("quit"))));
    }

    #[test]
    fn optional_parts_and_open_classes_require_nothing() {
        assert!(requirement(r"(?:resigned)?[^ ]+").is_empty());
        assert!(requirement(r"(?:resigned| )x?").is_empty());
        assert!(requirement(r", ").is_empty());
    }

    #[test]
    fn candidates_follow_the_literals() {
        let reqs = vec![
            requirement(r"P\d+ resigned"),
            requirement(r"T\d+"),
            requirement(r"anything"),
            requirement(r"[a-z]+"),
        ];
        let pf = Prefilter::new(&reqs).unwrap();
        assert_eq!(pf.candidates("P0 has quit"), [false, false, false, true]);
        assert_eq!(pf.candidates("P0 has resigned"), [true, false, false, true]);
        assert_eq!(
            pf.candidates("P0 resigned as T1"),
            [true, true, false, true]
        );
    }
}
